"""A group of mentions -> one ``Meeting``: kind, name, ordinal, recurrence, participants, chairs, people,
date, place and status.

- **status**: held, planned, cancelled or postponed, from the verbs over its mentions ("will hold" planned,
  "was called off" cancelled, "signed at the meeting" held); a meeting whose verbs say nothing is planned
  when its date is after the report, held otherwise.
- **participants**: the countries and organisations in its name ("the India-Russia summit"), after
  "between"/"with", subjects of "hold"/"attend", and the country visited ("a state visit to France");
  **people**: the people among them, with the **chairs** ("co-chaired by A and B", "A chaired the talks").
- **place**: a place after "in"/"at" (or "to", for a visit) in a mention's clause, or in its name
  ("the Geneva talks"); a meeting whose words name none has none (the dateline says where the report was
  filed, not where the meeting was).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from accord.base.ids import record_id
from accord.fact_records import Meeting, MeetingKind, MeetingStatus
from accord.facts.clauses import clause_subjects, entities_for, partner_tokens
from accord.facts.coreference import RecordGroup
from accord.facts.merging import date_fields, main_reading, mention_spans, people_and_parties, unique_entities
from accord.facts.phrases import recurrence_in
from accord.facts.reading import FactContext, Reading, token_span
from accord.records import Entity, Event, Location

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["build_meeting", "chair_verbs_of"]


def build_meeting(context: FactContext, group: RecordGroup, events: Sequence[Event]) -> Meeting:
    """The meeting a group of mentions names; ``events`` are the events linked to it."""
    doc, article = context.doc, context.parsed.article
    main = main_reading(group)
    status_reading = next((r for r in group.readings if r.state), None)
    dated = [status_reading.time if status_reading else None] + [r.time for r in group.readings]
    dates = date_fields(context, dated, events)
    ordinal = next((r.ordinal for r in group.readings if r.ordinal), None)
    recurrence = next(
        (found for r in group.readings if (found := recurrence_in(r.mention.tokens(), context.words))), None
    )
    chairs = unique_entities(e for r in group.readings for e in _chairs(context, r) if e.kind == "person")
    everyone = [
        e
        for r in group.readings
        for e in (*r.named, *r.partners, *r.actors, *r.owners, *_visited(context, r))
    ]
    people, participants = people_and_parties(everyone)
    status = (
        cast(MeetingStatus, status_reading.state)
        if status_reading
        else _status_by_date(dates.date, article.date.isoformat())
    )
    return Meeting(
        id=record_id("meeting", article.id, group.lead.mention.start),
        article_id=article.id,
        kind=cast(MeetingKind, _kind(group, main)),
        name=main.mention.span(),
        status=status,
        date=dates.date,
        date_precision=dates.precision,
        report_date=article.date.isoformat(),
        ordinal=ordinal[0] if ordinal else None,
        ordinal_evidence=token_span(doc, ordinal[1]) if ordinal else None,
        recurrence=recurrence[0] if recurrence else None,
        recurrence_evidence=token_span(doc, recurrence[1]) if recurrence else None,
        participants=participants,
        chairs=chairs,
        people=unique_entities((*chairs, *people)),
        place=_place(group),
        status_evidence=token_span(doc, status_reading.state_token) if status_reading else None,
        date_evidence=dates.evidence,
        mentions=mention_spans(group),
        event_ids=tuple(e.id for e in events),
    )


def _kind(group: RecordGroup, main: Reading) -> str:
    """The main mention's kind; a commission's session is a commission whichever word names it."""
    kinds = [r.mention.kind for r in group.readings]
    return "commission" if "commission" in kinds else main.mention.kind


def _status_by_date(date: str, report: str) -> MeetingStatus:
    return "planned" if date > report[: len(date)] else "held"


def chair_verbs_of(context: FactContext, reading: Reading) -> list[Token]:
    """The verbs that say who chairs the meeting: its own verb ("co-chaired the talks", "In the
    meeting, co-chaired by ...") or a participle on it ("the meeting, chaired by ...")."""
    mention = reading.mention
    candidates = [c for c in mention.head.children if c.dep_ in ("acl", "relcl", "appos")]
    if mention.governor is not None:
        candidates.insert(0, mention.governor.verb)
    return [v for v in candidates if _is_chair_verb(context, v)]


def _is_chair_verb(context: FactContext, verb: Token) -> bool:
    words = context.words.chair_verbs
    doc = verb.doc
    if verb.lemma_.lower() in words or verb.lower_ in words:
        return True
    # "co - chaired", tokenised apart
    return (
        verb.i > 1
        and doc[verb.i - 1].text == "-"
        and f"{doc[verb.i - 2].lower_}-{verb.lemma_.lower()}" in words
    )


def _chairs(context: FactContext, reading: Reading) -> list[Entity]:
    """People who chair: the agent of a chair verb ("co-chaired by A and B"), or its subjects when the
    meeting is its object ("A chaired the talks")."""
    found: list[Entity] = []
    parsed = context.parsed
    for verb in chair_verbs_of(context, reading):
        agents = partner_tokens([verb], frozenset())
        if agents:
            found.extend(entities_for(parsed, agents))
        elif reading.mention.governor is not None and reading.mention.governor.verb.i == verb.i:
            if reading.mention.governor.relation == "object":
                found.extend(entities_for(parsed, clause_subjects(verb)))
    return found


def _visited(context: FactContext, reading: Reading) -> list[Entity]:
    """The country or organisation a visit goes to ("a state visit to France")."""
    if reading.mention.kind != "visit":
        return []
    return entities_for(context.parsed, partner_tokens([reading.mention.head], frozenset({"to"})))


def _place(group: RecordGroup) -> Location | None:
    return next((r.place for r in group.readings if r.place is not None), None)
