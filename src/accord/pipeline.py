"""The extraction pipeline: articles in, ``ArticleResult`` records out.

``Extractor`` holds the language model and the lexicon, both passed in or loaded explicitly on first
use. Articles stream through spaCy's ``nlp.pipe`` in batches, so memory stays flat however long the
input; each parsed article then goes through the resolvers (dates, numbers, money, actors, places) and
the event finder.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from accord.base.ids import article_id_for_text
from accord.base.report_dates import report_date_problem
from accord.coding import EventContext, EventFindings, find_events_with_drops
from accord.coding.lexicon import Lexicon, load_lexicon
from accord.facts import find_facts
from accord.nlp.long_texts import DEFAULT_CHUNK_CHARS, parse_long_text
from accord.records import Article, ArticleResult, Entity, Quantity
from accord.resolve.actors import resolve_actors_and_places
from accord.resolve.dates import find_time_expressions
from accord.resolve.numbers import find_amounts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Extractor", "analyse_doc", "analyse_doc_explained", "default_extractor", "extract"]


class Extractor:
    """Turns articles into coded events.

    Articles are parsed ``batch_size`` at a time with ``nlp.pipe``; one longer than
    ``chunk_chars`` is parsed alone, in pieces (``accord.nlp.long_texts``), so that no article
    meets spaCy's length limit. With ``on_error`` set, an article that fails (in the parser or
    after it) is handed to it and the others go on: when the parser fails on a batch, the batch's
    articles are parsed again one by one so that only the bad one is lost. Without it, the
    failure is raised (tests).

    >>> extractor = Extractor()                      # doctest: +SKIP
    >>> for result in extractor.extract_articles(articles):   # doctest: +SKIP
    ...     print(result.article.id, len(result.events))
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        lexicon: Lexicon | None = None,
        batch_size: int = 32,
        on_error: Callable[[Article, Exception], None] | None = None,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
    ) -> None:
        self._nlp = nlp
        self._lexicon = lexicon
        self.batch_size = batch_size
        # spaCy's pattern: without a handler a failure raises (tests); with one, the article is
        # reported to it and the batch goes on (the CLI records it as a reject).
        self.on_error = on_error
        self.chunk_chars = chunk_chars

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from accord.nlp import load_language_model

            self._nlp = load_language_model()
        return self._nlp

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    def parse(self, text: str) -> Doc:
        """The parsed text, in pieces when it is longer than ``chunk_chars``."""
        if len(text) > self.chunk_chars:
            return parse_long_text(self.nlp, text, self.chunk_chars)
        return self.nlp(text)

    def extract_article(self, article: Article) -> ArticleResult:
        return analyse_doc(self.parse(article.text), article, self.lexicon)

    def explain_article(self, article: Article) -> tuple[ArticleResult, EventFindings]:
        """The article's result with the coder's findings: each event's explanation and each dropped
        candidate with its reason (``accord explain``)."""
        return analyse_doc_explained(self.parse(article.text), article, self.lexicon)

    def extract_articles(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Parse articles in batches and yield one result per article, in input order."""
        lexicon = self.lexicon
        for batch in _batches(articles, self.batch_size):
            for article, doc in self._parse_batch(batch):
                if doc is None:
                    continue
                try:
                    result = analyse_doc(doc, article, lexicon)
                except Exception as exc:
                    self._failed(article, exc)
                    continue
                yield result

    def _parse_batch(self, batch: list[Article]) -> Iterator[tuple[Article, Doc | None]]:
        """Each article of ``batch`` with its parse, or None when parsing it failed (reported)."""
        short = [article for article in batch if len(article.text) <= self.chunk_chars]
        docs: dict[int, Doc] = {}
        try:
            parsed = self.nlp.pipe((a.text for a in short), batch_size=len(batch) or 1)
            for article, doc in zip(short, parsed, strict=False):
                docs[id(article)] = doc
        except Exception:
            if self.on_error is None:
                raise
            docs.clear()  # parsed again one by one below, so that only the culprit is lost
        for article in batch:
            found = docs.get(id(article))
            if found is None:
                try:
                    found = self.parse(article.text)
                except Exception as exc:
                    self._failed(article, exc)
            yield article, found

    def _failed(self, article: Article, exc: Exception) -> None:
        if self.on_error is None:
            raise exc
        self.on_error(article, exc)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyse_doc(doc: Doc, article: Article, lexicon: Lexicon) -> ArticleResult:
    """Run the resolvers, the event finder and the finder of agreements, deals and meetings on one
    parsed article."""
    return analyse_doc_explained(doc, article, lexicon)[0]


def analyse_doc_explained(
    doc: Doc, article: Article, lexicon: Lexicon
) -> tuple[ArticleResult, EventFindings]:
    """``analyse_doc`` with the event finder's findings (explanations and dropped candidates)."""
    text = article.text
    times = find_time_expressions(text, article.date)
    amounts = find_amounts(text)  # one scan for money and quantities
    money = amounts.money
    taken = [(t.start, t.end) for t in times] + [(m.start, m.end) for m in money]
    quantities = [q for q in amounts.quantities if not _overlaps(q, taken)]
    actors = resolve_actors_and_places(doc, article.date, article.dateline)
    # "1.38 billion U.S. dollars": a currency's country is no party to the event.
    mentions = [m for m in actors.mentions if not _overlaps(m.entity, taken)]
    context = EventContext(
        article=article,
        actors=mentions,
        times=times,
        quantities=quantities,
        money=money,
        locations=actors.locations,
        dateline=actors.dateline,
    )
    findings = find_events_with_drops(doc, context, lexicon)
    # Agreements, deals and meetings, read from the events and the text; the events are unchanged.
    merged = {why.event_id: [m.trigger for m in why.mentions] for why in findings.explanations}
    facts = find_facts(doc, context, list(findings.events), lexicon, merged)
    result = ArticleResult(
        article=article,
        events=findings.events,
        entities=tuple(m.entity for m in mentions),
        times=tuple(times),
        quantities=tuple(quantities),
        money=tuple(money),
        agreements=facts.agreements,
        deals=facts.deals,
        meetings=facts.meetings,
    )
    return result, findings


def _overlaps(found: Quantity | Entity, spans: list[tuple[int, int]]) -> bool:
    return any(found.start < end and start < found.end for start, end in spans)


@functools.lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The process's shared extractor (the model loads on its first use)."""
    return Extractor()


def extract(text: str, date: str | dt.date, *, article_id: str | None = None) -> list[dict[str, Any]]:
    """Events in ``text`` reported on ``date``, as contract dicts. Loads the model on the first call.

    Raises ``ValueError`` for a date that is not YYYY-MM-DD or is outside the accepted range
    (``accord.base.report_dates``).

    >>> events = extract("India and Russia signed four agreements on Monday.", "2021-12-06")  # doctest: +SKIP
    >>> events[0]["event"], events[0]["actor"][0]["code"]                                      # doctest: +SKIP
    ('SUPPORT', 'IND')
    """
    report_date = dt.date.fromisoformat(date) if isinstance(date, str) else date
    problem = report_date_problem(report_date)
    if problem is not None:
        raise ValueError(problem)
    article = Article(id=article_id or article_id_for_text(text), date=report_date, text=text)
    result = default_extractor().extract_article(article)
    return [event.to_dict() for event in result.events]
