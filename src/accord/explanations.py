"""Why Accord coded what it coded in an article: ``accord explain``, ``accord.explain()`` and ``POST /explain``.

For each event: the lexicon row that matched its trigger (file and line), its code and why it changed,
which words gave each side and how, which phrase gave its date, why its status is what it is, and the
mentions merged into it. For each candidate trigger that gave no event: the row it matched and why it
was dropped. Sentences are listed in text order with what happened in each.

>>> explanation = accord.explain("India and Russia signed four pacts on Monday.", "2021-12-06")  # doctest: +SKIP
>>> print(explanation.to_text())                                                              # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from accord.base.ids import article_id_for_text
from accord.records import Article, Event

if TYPE_CHECKING:
    from accord.coding import EventFindings
    from accord.coding.drops import DroppedCandidate
    from accord.coding.explain import EventExplanation, MentionExplanation
    from accord.pipeline import Extractor

__all__ = ["ArticleExplanation", "explain", "explain_article"]


@dataclass(frozen=True)
class ArticleExplanation:
    """The events of one article with their explanations, and the candidates that were dropped."""

    article: Article
    events: tuple[Event, ...]
    explanations: tuple[EventExplanation, ...]
    dropped: tuple[DroppedCandidate, ...]

    @classmethod
    def of(cls, article: Article, findings: EventFindings) -> ArticleExplanation:
        return cls(article, findings.events, findings.explanations, findings.dropped)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the article's id and date, each event (contract shape) with its explanation, and the
        dropped candidates."""
        return {
            "article_id": self.article.id,
            "report_date": self.article.date.isoformat(),
            "events": [
                {"event": event.to_dict(), "explanation": why.to_dict()}
                for event, why in zip(self.events, self.explanations, strict=True)
            ],
            "dropped": [d.to_dict() for d in self.dropped],
        }

    def to_text(self) -> str:
        """For people: each event with its reasons, then each dropped candidate, in text order."""
        lines = [f"{self.article.id}  reported {self.article.date.isoformat()}"]
        items: list[tuple[int, list[str]]] = []
        for number, (event, why) in enumerate(zip(self.events, self.explanations, strict=True), start=1):
            items.append((event.trigger.start, _event_lines(number, why)))
        for dropped in self.dropped:
            items.append(
                (dropped.trigger.start, [f"  dropped {dropped.describe()}", f"      rule {dropped.rule}"])
            )
        for _, block in sorted(items, key=lambda item: item[0]):
            lines.extend(block)
        if not items:
            lines.append("  no candidate trigger: no word of the lexicon states an event here")
        return "\n".join(lines)


def _event_lines(number: int, why: EventExplanation) -> list[str]:
    lines = [f"  event {number}: {why.summary}  [{why.event_id}]"]
    if len(why.mentions) > 1:
        triggers = ", ".join(repr(m.trigger.text) for m in why.mentions)
        lines.append(f"      {len(why.mentions)} mentions merged (same type, sides and date): {triggers}")
    for mention in why.mentions:
        lines.extend(_mention_lines(mention))
    return lines


def _mention_lines(m: MentionExplanation) -> list[str]:
    lines = [
        f"    trigger {m.trigger.text!r} at {m.trigger.start}-{m.trigger.end}",
        f"      rule    {m.rule}",
    ]
    if m.recoded:
        lines.append(f"      recoded {m.recoded}")
    for label, sides in (("actor", m.actor), ("recipient", m.recipient)):
        if not sides:
            lines.append(f"      {label:<9} none")
        for side in sides:
            lines.append(f"      {label:<9} {side.code} {side.name!r} from {side.words!r}: {side.how}")
    lines += [f"      date    {m.date}", f"      status  {m.status}", f"      confidence {m.confidence}"]
    return lines


def explain_article(extractor: Extractor, article: Article) -> ArticleExplanation:
    """The explanation of one article with the given extractor (its model and lexicon)."""
    _, findings = extractor.explain_article(article)
    return ArticleExplanation.of(article, findings)


def explain(text: str, date: str | dt.date, *, article_id: str | None = None) -> ArticleExplanation:
    """Why Accord codes ``text`` (reported on ``date``) as it does. Loads the model on the first call."""
    from accord.pipeline import default_extractor

    report_date = dt.date.fromisoformat(date) if isinstance(date, str) else date
    article = Article(id=article_id or article_id_for_text(text), date=report_date, text=text)
    return explain_article(default_extractor(), article)
