"""Parsed article -> coded events: the coding stage's entry point.

``find_events`` walks each sentence of a spaCy ``Doc`` for trigger words from the lexicon (verbs such as
"sign", "meet", "attack"; event nouns such as "summit", "talks", "procurement"), reads who acts on whom from
the dependency parse, and ties to each event the date, place, quantities and money that the sentence gives.
Every field keeps the character offsets of the words it came from.

Parses of news text are imperfect, so each step has a documented fallback (nearest actors to the left or
right within the sentence; the previous event's sides when a sentence names none); fallbacks lower the
event's confidence rather than inventing certainty. ``find_events_with_drops`` also says, for each candidate
trigger that gave no event, why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.base.syntax import sentences
from accord.coding.attachment import article_location, time_owners, time_tokens
from accord.coding.build import Built, build_event, trigger_of
from accord.coding.context import EventContext, ParsedArticle, PreviousSides
from accord.coding.drops import DroppedCandidate
from accord.coding.explain import EventExplanation, MentionExplanation, unknown_actor_reason
from accord.coding.lexicon import Lexicon
from accord.coding.mentions import index_mentions
from accord.coding.merging import merge_mentions, unique_ids
from accord.coding.triggers import find_candidates
from accord.coding.unknown import with_unknown_actor
from accord.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["EventFindings", "describe_event", "find_events", "find_events_with_drops"]

_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")


@dataclass(frozen=True)
class EventFindings:
    """The events of one article, the candidate triggers that gave none, and why each event came out as
    it did (one explanation per event, in the same order), in text order."""

    events: tuple[Event, ...]
    dropped: tuple[DroppedCandidate, ...]
    explanations: tuple[EventExplanation, ...] = ()


def find_events(doc: Doc, context: EventContext, lexicon: Lexicon) -> list[Event]:
    """All events in one parsed article, one record per real event (mentions of the same act merged).

    ``doc`` must be the parse of ``context.article.text``. Returns events in text order.
    """
    return list(find_events_with_drops(doc, context, lexicon).events)


def find_events_with_drops(doc: Doc, context: EventContext, lexicon: Lexicon) -> EventFindings:
    """As ``find_events``, with every candidate trigger that gave no event and the reason why."""
    parsed = ParsedArticle(
        doc=doc,
        context=context,
        lexicon=lexicon,
        mention_at=index_mentions(context.actors),
        time_tokens=time_tokens(doc, context.times),
        default_location=context.dateline or article_location(context.locations),
    )
    events: list[Event] = []
    why: dict[int, MentionExplanation] = {}
    dropped: list[DroppedCandidate] = []
    previous: PreviousSides | None = None
    for sentence_index, sentence in enumerate(sentences(doc)):
        if _is_sports(sentence, lexicon):
            continue  # "Lee beat Shirley 15-13", "the Chinese duo will next meet England's pair"
        candidates = find_candidates(parsed, sentence)
        owners = time_owners(parsed, sentence, candidates)
        for candidate in candidates:
            built = build_event(parsed, candidate, sentence, sentence_index, previous, owners)
            if isinstance(built, Built):
                events.append(built.event)
                why[id(built.event)] = built.explanation
                protest = previous.protest if previous is not None else ((), ())
                if built.event.event == "PROTEST" and built.event.recipient:
                    protest = (built.event.actor, built.event.recipient)
                previous = PreviousSides(built.event.actor, built.event.recipient, sentence_index, protest)
            else:
                trigger = trigger_of(doc, candidate.trigger_tokens)
                dropped.append(DroppedCandidate(trigger, candidate.code.cameo, built, candidate.rule.origin))
    groups = [(with_unknown_actor(event), members) for event, members in merge_mentions(events)]
    final = unique_ids([event for event, _ in groups])
    explanations = tuple(
        EventExplanation(
            event.id, describe_event(event), tuple(unknown_actor_reason(why[id(m)], event) for m in members)
        )
        for event, (_, members) in zip(final, groups, strict=True)
    )
    return EventFindings(tuple(final), tuple(dropped), explanations)


def describe_event(event: Event) -> str:
    """One line: type, code, sides, date and status."""
    joint = "<->" if event.symmetric else "->"
    actors = "+".join(sorted({e.code for e in event.actor})) or "-"
    recipients = "+".join(sorted({e.code for e in event.recipient})) or "-"
    span = f"..{event.enddate}" if event.enddate else ""
    return f"{event.event} {event.cameo} {actors} {joint} {recipients} {event.date}{span} {event.status}"


def _is_sports(sentence: Span, lexicon: Lexicon) -> bool:
    """A sentence of sports news: two sports words, or one beside a score ("won 15-4")."""
    words = {t.lower_ for t in sentence if t.lower_ in lexicon.sports_words}
    return len(words) >= 2 or (len(words) == 1 and _SCORE.search(sentence.text) is not None)
