"""Which coded events state each record: an event is linked to a record when its trigger is one of the
record's words, the noun of a mention ("procurement", "summit") or the verb over one ("signed the
Agreement ...", "will hold the summit", "co-chaired by ...")."""

from __future__ import annotations

from collections.abc import Sequence

from accord.facts.coreference import RecordGroup
from accord.facts.meetings import chair_verbs_of
from accord.facts.reading import FactContext
from accord.records import Event

__all__ = ["link_events"]


def link_events(
    context: FactContext, groups: Sequence[RecordGroup], events: Sequence[Event]
) -> list[list[Event]]:
    """For each group, the events that state it, in the events' order."""
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
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        tokens = {t.i for t in span}
        for index, found in enumerate(anchors):
            if tokens & found:
                linked[index].append(event)
    return linked
