"""Events as text for people (a table, an article with its evidence marked) and as JSON for machines."""

from __future__ import annotations

import json
from typing import Any, TextIO

__all__ = ["event_line", "mark_evidence", "print_table", "write_records"]


def mark_evidence(text: str, events: list[dict[str, Any]]) -> str:
    """The article text with each event's trigger in [brackets]¹, its actors in {braces}, and its
    quantities, money and date phrase in ⟨angle brackets⟩.

    >>> event = {"trigger": {"start": 6, "end": 12}, "actor": [{"code": "IND", "start": 0, "end": 5}],
    ...          "recipient": [], "quantities": [], "money": []}
    >>> mark_evidence("India signed.", [event])
    '{India} [signed]¹.'
    """
    marks: dict[int, list[str]] = {}
    for number, event in enumerate(events, start=1):
        trigger = event["trigger"]
        marks.setdefault(trigger["start"], []).append("[")
        marks.setdefault(trigger["end"], []).append(f"]{_superscript(number)}")
        for entity in event["actor"] + event["recipient"]:
            if entity.get("start") is not None and not (trigger["start"] <= entity["start"] < trigger["end"]):
                marks.setdefault(entity["start"], []).append("{")
                marks.setdefault(entity["end"], []).append("}")
        spans = (
            event["quantities"]
            + event["money"]
            + ([event["date_evidence"]] if event.get("date_evidence") else [])
        )
        for span in spans:
            if span.get("start") is not None:
                marks.setdefault(span["start"], []).append("⟨")
                marks.setdefault(span["end"], []).append("⟩")
    pieces: list[str] = []
    last = 0
    for offset in sorted(marks):
        pieces.append(text[last:offset])
        # Closing marks before opening ones at the same offset.
        pieces.extend(sorted(set(marks[offset]), key=lambda m: m in ("[", "{", "⟨")))
        last = offset
    pieces.append(text[last:])
    return "".join(pieces)


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _side(entities: list[dict[str, Any]]) -> str:
    return "+".join(sorted({e["code"] for e in entities})) or "-"


def event_line(number: int, event: dict[str, Any]) -> str:
    """One line for an event under its article: number, date, type, sides, trigger, amounts."""
    extras = []
    for quantity in event["quantities"]:
        extras.append(f"{quantity['value']:,} {quantity.get('item') or ''}".strip())
    for money in event["money"]:
        approx = "~" if money["approximate"] else ""
        extras.append(f"{approx}{money['amount']:,} {money['currency']}")
    joint = "<->" if event["symmetric"] else "->"
    span = f"..{event['enddate']}" if event.get("enddate") else ""
    return (
        f"{_superscript(number)} {event['date']}{span} {event['event']} ({event['cameo']}, {event['status']}) "
        f'{_side(event["actor"])} {joint} {_side(event["recipient"])}: "{event["trigger"]["text"]}"'
        + (f"  [{'; '.join(extras)}]" if extras else "")
    )


def print_table(records: list[dict[str, Any]], out: TextIO) -> None:
    """Events as a fixed-width table with a count line."""
    header = (
        f"{'date':<10}  {'event':<9}  {'cameo':<5}  {'status':<12}  {'actor':<9}  {'recipient':<9}  trigger"
    )
    out.write(header + "\n")
    for event in records:
        out.write(
            f"{event['date']:<10}  {event['event']:<9}  {event['cameo']:<5}  {event['status']:<12}  "
            f"{_side(event['actor']):<9}  {_side(event['recipient']):<9}  {event['trigger']['text']}\n"
        )
    out.write(f"({len(records)} events)\n")


def write_records(records: list[dict[str, Any]], output_format: str, out: TextIO) -> None:
    """Contract events as ``jsonl`` (one per line), ``json`` (one array) or a ``table``."""
    if output_format == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif output_format == "json":
        json.dump(records, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        print_table(records, out)
