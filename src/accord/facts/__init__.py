"""Agreements, deals and meetings in one parsed article: the records of ``accord.fact_records``.

``find_facts(doc, context, events, lexicon)`` reads the parse, what the resolvers found (the coder's
``EventContext``: dates, quantities, money, actor mentions, places) and the events the coder produced,
and returns ``Facts``: the article's agreements, deals and meetings, each with the offsets of the words
every field came from and the ids of the events that state it. It changes nothing it is given.

How, one module per step:

- ``lexicon``: the word lists (``data/fact_words.tsv``): agreement, deal and meeting nouns, verbs and what
  they do to a record, ordinals, words of recurrence;
- ``phrases``: a record's name as written, and the ordinal, recurrence and years in it;
- ``mentions``: every noun (or deal verb) naming a record, with its verb and how it refers;
- ``clauses``: the verb over a mention, the dates and places it owns, the actors around it;
- ``reading``: what one mention says on its own (action or status, mood, date, actors, numbers);
- ``coreference``: which mentions are one record;
- ``agreements``, ``deals``, ``meetings``: one record from its mentions (``merging`` holds what they share);
- ``linking``: the events that state each record.

>>> facts = find_facts(doc, context, events, lexicon)        # doctest: +SKIP
>>> [m.name.text for m in facts.meetings]                    # doctest: +SKIP
['20th meeting of the India-Russia Inter-Governmental Commission ...', ...]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.base.syntax import sentences
from accord.coding.attachment import time_tokens
from accord.coding.context import EventContext, ParsedArticle
from accord.coding.lexicon import Lexicon
from accord.coding.mentions import index_mentions
from accord.fact_records import Agreement, Deal, Meeting
from accord.facts.agreements import build_agreement
from accord.facts.coreference import RecordGroup, group_mentions
from accord.facts.deals import build_deal
from accord.facts.lexicon import load_fact_words
from accord.facts.linking import link_events
from accord.facts.meetings import build_meeting
from accord.facts.mentions import find_mentions
from accord.facts.reading import FactContext, read_mention
from accord.records import Entity, Event, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Facts", "find_facts"]

# Sentences back within which an agreement's parties stand in for those of a later one that names none.
_PARTIES_REACH = 3


@dataclass(frozen=True)
class Facts:
    """The records of one article, each type in text order of its first mention."""

    agreements: tuple[Agreement, ...] = ()
    deals: tuple[Deal, ...] = ()
    meetings: tuple[Meeting, ...] = ()


def find_facts(
    doc: Doc,
    context: EventContext,
    events: Sequence[Event],
    lexicon: Lexicon,
    merged: Mapping[str, Sequence[Trigger]] | None = None,
) -> Facts:
    """The agreements, deals and meetings of the article parsed as ``doc``.

    ``context`` is what the resolvers found in ``context.article`` (whose text ``doc`` parses);
    ``events`` the coder's events for it; ``lexicon`` the coder's lexicon (its reporting verbs);
    ``merged`` the triggers of the mentions merged into each event, by event id (to link records to
    events). Raises
    ``DataFileError`` when the word lists are malformed.
    """
    parsed = ParsedArticle(
        doc=doc,
        context=context,
        lexicon=lexicon,
        mention_at=index_mentions(context.actors),
        time_tokens=time_tokens(doc, context.times),
        default_location=None,
    )
    words = load_fact_words()
    facts = FactContext(parsed, words, lexicon.reporting_verbs, lexicon.future_reporting_verbs)
    mentions = find_mentions(parsed, list(sentences(doc)), words)
    groups = group_mentions(facts, [read_mention(facts, m) for m in mentions])
    linked = link_events(facts, groups, events, merged)
    agreements: list[Agreement] = []
    deals: list[Deal] = []
    meetings: list[Meeting] = []
    previous: tuple[Entity, ...] = ()
    previous_sentence = -_PARTIES_REACH - 1
    for group, group_events in zip(groups, linked, strict=True):
        sentence = group.lead.mention.sentence_index
        nearby = previous if sentence - previous_sentence <= _PARTIES_REACH else ()
        if group.record_type == "meeting":
            meetings.append(build_meeting(facts, group, group_events))
        elif group.record_type == "deal":
            deal = build_deal(facts, group, group_events, _names_of_others(groups, group))
            deals.append(deal)
            previous, previous_sentence = deal.parties or previous, sentence
        else:
            agreement = build_agreement(facts, group, group_events, nearby)
            agreements.append(agreement)
            previous, previous_sentence = agreement.parties or previous, sentence
    return Facts(tuple(agreements), tuple(deals), tuple(meetings))


def _names_of_others(groups: Sequence[RecordGroup], group: RecordGroup) -> list[tuple[int, int]]:
    """The character ranges of the names of every record but ``group``."""
    return [
        (r.mention.span().start, r.mention.span().end)
        for other in groups
        if other is not group
        for r in other.readings
        if r.mention.name is not None
    ]
