"""One record per real event: mentions of the same act merged, then ids made unique within the article."""

from __future__ import annotations

from dataclasses import replace

from accord.coding.confidence import merged_confidence
from accord.records import Entity, Event

__all__ = ["merge_duplicates", "merge_mentions", "unique_ids"]


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One record per real event, in trigger order.

    Across the article: the same type, the same sides (unordered for cooperation) and the same date
    span are one event reported twice. Within one sentence, the same type on the same date with sides
    that agree where both are known ("opened fire on a funeral ..., wounding two") is one event too.
    """
    return [event for event, _ in merge_mentions(events)]


def merge_mentions(events: list[Event]) -> list[tuple[Event, list[Event]]]:
    """``merge_duplicates`` with, for each event, the mentions merged into it (in text order).

    Two mentions with the same key are still two acts when each names its people and they are other
    people ("the defence ministers will hold a dialogue" and "Putin will hold a summit with Modi").
    """
    groups: dict[tuple[object, ...], list[tuple[Event, list[Event]]]] = {}
    order: list[tuple[tuple[object, ...], int]] = []
    for event, members in _merge_within_sentences(events):
        actor_codes = frozenset(e.code for e in event.actor)
        recipient_codes = frozenset(e.code for e in event.recipient)
        # Cooperation is reported from either side's point of view; conflict keeps its direction.
        sides: object = (
            frozenset({actor_codes, recipient_codes})
            if event.symmetric or event.quad_class <= 2
            else (actor_codes, recipient_codes)
        )
        key = (event.event, sides, event.date, event.enddate, event.status == "negated")
        kept = groups.setdefault(key, [])
        for index, (other, other_members) in enumerate(kept):
            if _same_people(other, event):
                kept[index] = (_combine(other, event), other_members + members)
                break
        else:
            kept.append((event, list(members)))
            order.append((key, len(kept) - 1))
    merged = sorted((groups[key][index] for key, index in order), key=lambda pair: pair[0].trigger.start)
    return _merge_undated_plans(merged)


def _merge_undated_plans(groups: list[tuple[Event, list[Event]]]) -> list[tuple[Event, list[Event]]]:
    """A planned act mentioned without a date of its own ("the visit will be the first in ten years") and
    the same planned act with a stated date ("Hu will visit India from Nov. 20") are one plan, when the
    article states one date for it: an announcement is repeated, not a second visit planned."""
    dated: dict[tuple[object, ...], list[int]] = {}
    for index, (event, _) in enumerate(groups):
        if event.status == "planned" and event.date_evidence is not None:
            dated.setdefault(_plan_key(event), []).append(index)
    absorbed: set[int] = set()
    result = list(groups)
    for index, (event, members) in enumerate(groups):
        if event.status != "planned" or event.date_evidence is not None:
            continue
        targets = dated.get(_plan_key(event), [])
        if len({groups[i][0].date for i in targets}) == 1 and _same_people(groups[targets[0]][0], event):
            kept, kept_members = result[targets[0]]
            result[targets[0]] = (_combine(kept, event), kept_members + members)
            absorbed.add(index)
    return [group for index, group in enumerate(result) if index not in absorbed]


def _plan_key(event: Event) -> tuple[object, ...]:
    codes = frozenset({frozenset(e.code for e in event.actor), frozenset(e.code for e in event.recipient)})
    return event.event, codes


def _same_people(first: Event, second: Event) -> bool:
    """Whether two mentions may be one act by who they name: not when both name people and share none."""
    mine = {e.name for e in first.actor + first.recipient if e.kind == "person"}
    theirs = {e.name for e in second.actor + second.recipient if e.kind == "person"}
    return not mine or not theirs or bool(mine & theirs)


def unique_ids(events: list[Event]) -> list[Event]:
    """Ids stay stable across runs and unique within the article: two acts coded from one trigger
    with the same code (a rare parse) get a numbered suffix in text order."""
    seen: dict[str, int] = {}
    unique: list[Event] = []
    for event in events:
        count = seen.get(event.id, 0)
        seen[event.id] = count + 1
        unique.append(event if count == 0 else replace(event, id=f"{event.id}-{count + 1}"))
    return unique


def _merge_within_sentences(events: list[Event]) -> list[tuple[Event, list[Event]]]:
    result: list[tuple[Event, list[Event]]] = []
    for event in events:
        for index, (kept, members) in enumerate(result):
            if (
                kept.text_start == event.text_start
                and kept.event == event.event
                and (kept.date == event.date or kept.date_evidence is None or event.date_evidence is None)
                and kept.status == event.status
                and _agree(kept.actor, event.actor)
                and _agree(kept.recipient, event.recipient)
            ):
                result[index] = (_combine(kept, event), [*members, event])
                break
        else:
            result.append((event, [event]))
    return result


def _agree(first: tuple[Entity, ...], second: tuple[Entity, ...]) -> bool:
    return not first or not second or {e.code for e in first} == {e.code for e in second}


def _combine(kept: Event, other: Event) -> Event:
    """Two mentions of one event as one record: the richer mention, with the date of the mention that
    states one, the mode of the mention that names one, and each field the richer one lacks."""
    better, worse = (other, kept) if _richness(other) > _richness(kept) else (kept, other)
    dated = better if better.date_evidence is not None or worse.date_evidence is None else worse
    coded = better if better.mode is not None or worse.mode is None else worse
    return replace(
        better,
        # "Five soldiers were killed in the blast on Monday": the date of the mention that states one,
        # the mode ("explosives") of the mention that names it.
        date=dated.date,
        date_precision=dated.date_precision,
        enddate=dated.enddate,
        date_evidence=dated.date_evidence,
        cameo=coded.cameo,
        mode=coded.mode,
        goldstein=coded.goldstein,
        quad_class=coded.quad_class,
        actor=better.actor or worse.actor,
        recipient=better.recipient or worse.recipient,
        event_loc=better.event_loc or worse.event_loc,
        quantities=better.quantities or worse.quantities,
        money=better.money or worse.money,
        symmetric=better.symmetric or worse.symmetric,
        confidence=merged_confidence(better.confidence, worse.confidence),
    )


def _richness(event: Event) -> tuple[int, float, int]:
    """How much a mention says: how many sides it names, how sure it is, how many people it names."""
    sides = bool(event.actor) + bool(event.recipient)
    people = sum(1 for e in event.actor + event.recipient if e.kind == "person")
    return (sides, event.confidence, people)
