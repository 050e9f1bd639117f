"""What the builders of the three record types share: choosing the mention that names a record, its
date, the actors of its mentions split into people and parties, and what the linked events add.

Mentions are read in text order; the first that says something wins, so a record's date is the one
its first dated mention gives, and only when none gives one the date of an event that states it, and
only then the report date.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from accord.base.ontology import Precision
from accord.fact_records import Span
from accord.facts.coreference import RecordGroup
from accord.facts.reading import FactContext, Reading
from accord.records import Entity, Event, TimeExpression

__all__ = [
    "DateFields",
    "countries_for",
    "date_fields",
    "event_sides",
    "main_reading",
    "mention_spans",
    "people_and_parties",
    "unique_entities",
]


@dataclass(frozen=True)
class DateFields:
    """A record's date, its precision and the words it came from (None: an event's or the report's)."""

    date: str
    precision: Precision
    evidence: Span | None


def main_reading(group: RecordGroup) -> Reading:
    """The mention that names the record: the first with a name of its own, else the first that says
    more than its kind, else the first."""
    readings = group.readings
    return (
        next((r for r in readings if r.mention.named), None)
        or next((r for r in readings if not r.mention.generic and r.mention.name is not None), None)
        or readings[0]
    )


def date_fields(
    context: FactContext,
    times: Iterable[TimeExpression | None],
    events: Sequence[Event],
    *,
    exclude: Sequence[tuple[int, int]] = (),
) -> DateFields:
    """The first of ``times`` that is a calendar date; else the date of the first linked event dated by
    its own words, unless those words lie in one of the ``exclude`` ranges (an earlier agreement's own
    clause: "the agreement that was first signed in March 2015"); else the report date."""
    for time in times:
        if time is not None and time.date is not None:
            return DateFields(time.date, time.precision or "day", Span(time.text, time.start, time.end))
    for event in events:
        evidence = event.date_evidence
        if any(first <= evidence.start < last for first, last in exclude) if evidence is not None else False:
            continue
        if evidence is not None and evidence.date is not None:
            return DateFields(
                event.date, event.date_precision, Span(evidence.text, evidence.start, evidence.end)
            )
    return DateFields(context.parsed.article.date.isoformat(), "day", None)


def unique_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """Entities without repeats of the same code and kind, first mention kept."""
    seen: set[tuple[str, str, str]] = set()
    found: list[Entity] = []
    for entity in entities:
        key = (entity.code, entity.kind, entity.name if entity.kind == "person" else "")
        if key not in seen:
            seen.add(key)
            found.append(entity)
    return tuple(found)


def people_and_parties(entities: Iterable[Entity]) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """(people, countries and organisations) among ``entities``, each without repeats."""
    listed = list(entities)
    people = unique_entities(e for e in listed if e.kind == "person")
    parties = unique_entities(e for e in listed if e.kind != "person")
    return people, parties


def event_sides(events: Sequence[Event]) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """The actors and recipients of the linked events, each without repeats."""
    actors = unique_entities(e for event in events for e in event.actor)
    recipients = unique_entities(e for event in events for e in event.recipient)
    return actors, recipients


def countries_for(context: FactContext, entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """Countries and organisations for the sides of linked events: a person stands for the country the
    article names under the same code (its first mention), as in the events; a person whose country the
    article never names is left out. Who signed is said only by the words over the record."""
    found: list[Entity] = []
    for entity in entities:
        if entity.kind != "person":
            found.append(entity)
            continue
        country = next(
            (
                m.entity
                for m in context.parsed.context.actors
                if m.entity.kind == "country" and m.entity.code == entity.code
            ),
            None,
        )
        if country is not None:
            found.append(country)
    return unique_entities(found)


def mention_spans(group: RecordGroup) -> tuple[Span, ...]:
    """The words of every mention of the record, in text order."""
    return tuple(r.mention.span() for r in group.readings)
