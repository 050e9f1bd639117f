"""Events as text for people (a table, an article with its evidence marked) and as JSON for machines.

Text from articles is untrusted: before it reaches a terminal, control characters (ANSI escape
sequences included) and the bidirectional overrides that can reorder what a line shows are
printed as escapes (``\\x1b``, ``\\u202e``), never raw (``printable``).
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

__all__ = ["event_line", "mark_evidence", "print_table", "printable", "write_records"]

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional embeddings, overrides
# and isolates; a CR is shown raw only where it ends a line (CR LF).
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
_UNPRINTABLE_IN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` safe for a terminal: controls escaped; newlines and tabs kept unless ``one_line``.

    >>> printable("red \\x1b[31mtext\\x07")
    'red \\\\x1b[31mtext\\\\x07'
    >>> printable("a\\nb", one_line=True)
    'a\\\\x0ab'
    """
    pattern = _UNPRINTABLE_IN_LINE if one_line else _UNPRINTABLE
    return pattern.sub(_escape, text)


def mark_evidence(text: str, events: list[dict[str, Any]]) -> str:
    """The article text with each event's trigger in [brackets]¹, its actors in {braces}, and its
    quantities, money and date phrase in ⟨angle brackets⟩; control characters escaped.

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
        pieces.append(printable(text[last:offset]))
        # Closing marks before opening ones at the same offset.
        pieces.extend(sorted(set(marks[offset]), key=lambda m: m in ("[", "{", "⟨")))
        last = offset
    pieces.append(printable(text[last:]))
    return "".join(pieces)


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _side(entities: list[dict[str, Any]]) -> str:
    return printable("+".join(sorted({e["code"] for e in entities})) or "-", one_line=True)


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
    line = (
        f"{_superscript(number)} {event['date']}{span} {event['event']} ({event['cameo']}, {event['status']}) "
        f'{_side(event["actor"])} {joint} {_side(event["recipient"])}: "{event["trigger"]["text"]}"'
        + (f"  [{'; '.join(extras)}]" if extras else "")
    )
    return printable(line, one_line=True)


def print_table(records: list[dict[str, Any]], out: TextIO) -> None:
    """Events as a fixed-width table with a count line; control characters escaped. Rows of real
    events (``accord events --distinct``) show how many articles report each."""
    distinct = any("sources" in event for event in records)
    sources = f"{'sources':<7}  " if distinct else ""
    header = (
        f"{'date':<10}  {'event':<9}  {'cameo':<5}  {'status':<12}  {sources}"
        f"{'actor':<9}  {'recipient':<9}  trigger"
    )
    out.write(header + "\n")
    for event in records:
        count = f"{event.get('sources', ''):<7}  " if distinct else ""
        row = (
            f"{event['date']:<10}  {event['event']:<9}  {event['cameo']:<5}  {event['status']:<12}  {count}"
            f"{_side(event['actor']):<9}  {_side(event['recipient']):<9}  {event['trigger']['text']}"
        )
        out.write(printable(row, one_line=True) + "\n")
    out.write(f"({len(records)} {'real events' if distinct else 'events'})\n")


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
