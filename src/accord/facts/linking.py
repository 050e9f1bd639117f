"""Which coded events state each record: an event is linked to a record when its trigger, or the trigger
of a mention merged into it, is one of the record's words, the noun of a mention ("procurement", "summit")
or the verb over one ("signed the Agreement ...", "will hold the summit", "co-chaired by ...")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from accord.facts.coreference import RecordGroup
from accord.facts.meetings import chair_verbs_of
from accord.facts.reading import FactContext
from accord.records import Event, Trigger

__all__ = ["link_events"]


def link_events(
    context: FactContext,
    groups: Sequence[RecordGroup],
    events: Sequence[Event],
    mentions: Mapping[str, Sequence[Trigger]] | None = None,
) -> list[list[Event]]:
    """For each group, the events that state it, in the events' order; ``mentions`` gives, by event id,
    the triggers of the mentions merged into each event (default: its own trigger only)."""
    doc = context.doc
    anchors: list[set[int]] = []
    for group in groups:
        found: set[int] = set()
        for reading in group.readings:
            mention = reading.mention
            found.add(mention.head.i)
            if mention.governor is not None:
                found.add(mention.governor.verb.i)
            if reading.state_token is not None:
                found.add(reading.state_token.i)
            if mention.record_type == "meeting":
                found |= {v.i for v in chair_verbs_of(context, reading)}
        anchors.append(found)
    linked: list[list[Event]] = [[] for _ in groups]
    for event in events:
        tokens: set[int] = set()
        for trigger in (mentions or {}).get(event.id, (event.trigger,)):
            span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
            tokens |= {t.i for t in span} if span is not None else set()
        for index, found in enumerate(anchors):
            if tokens & found:
                linked[index].append(event)
    return linked
