"""Events as CSV and JSON Lines, for the ``format=`` parameter of ``GET /events``.

JSON Lines keeps the contract's event objects whole, one per line. CSV flattens each event into one
row: lists of entities become ``;``-separated codes and names, offsets get their own columns.

Text cells that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a leading
``'`` so that a spreadsheet shows them instead of evaluating them (news text is untrusted input);
numeric columns are left alone, so a Goldstein value of -5 stays -5.

Example::

    >>> events_to_jsonl([{"id": "e1"}])
    '{"id": "e1"}\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["CSV_COLUMNS", "event_to_row", "events_to_csv", "events_to_jsonl"]

CSV_COLUMNS = (
    "id",
    "article_id",
    "date",
    "date_precision",
    "enddate",
    "report_date",
    "event",
    "mode",
    "context",
    "cameo",
    "goldstein",
    "quad_class",
    "status",
    "actor_codes",
    "actor_names",
    "recipient_codes",
    "recipient_names",
    "symmetric",
    "location",
    "location_country",
    "quantities",
    "money",
    "trigger",
    "trigger_start",
    "trigger_end",
    "text",
    "text_start",
    "text_end",
    "date_phrase",
    "confidence",
)

# Columns holding words from the article, which a spreadsheet might read as a formula.
_TEXT_COLUMNS = frozenset(
    {"actor_names", "recipient_names", "location", "quantities", "money", "trigger", "text", "date_phrase"}
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _join(values: Iterable[Any]) -> str:
    return ";".join("" if v is None else str(v) for v in values)


def event_to_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One contract event as a flat CSV row (keys are ``CSV_COLUMNS``).

    >>> event_to_row({"id": "e1", "actor": [{"code": "IND", "name": "India"}]})["actor_codes"]
    'IND'
    """
    actors = event.get("actor") or []
    recipients = event.get("recipient") or []
    location = event.get("event_loc") or {}
    trigger = event.get("trigger") or {}
    text_info = event.get("text_info") or {}
    date_evidence = event.get("date_evidence") or {}
    quantities = event.get("quantities") or []
    money = event.get("money") or []
    return {
        "id": event.get("id"),
        "article_id": event.get("article_id"),
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "enddate": event.get("enddate"),
        "report_date": event.get("report_date"),
        "event": event.get("event"),
        "mode": event.get("mode"),
        "context": _join(event.get("context") or []),
        "cameo": event.get("cameo"),
        "goldstein": event.get("goldstein"),
        "quad_class": event.get("quad_class"),
        "status": event.get("status"),
        "actor_codes": _join(a.get("code") for a in actors),
        "actor_names": _join(a.get("name") for a in actors),
        "recipient_codes": _join(r.get("code") for r in recipients),
        "recipient_names": _join(r.get("name") for r in recipients),
        "symmetric": event.get("symmetric"),
        "location": location.get("name"),
        "location_country": location.get("country_code"),
        "quantities": _join(
            f"{q.get('value')} {q.get('item') or q.get('unit') or ''}".strip() for q in quantities
        ),
        "money": _join(f"{m.get('amount')} {m.get('currency')}" for m in money),
        "trigger": trigger.get("text"),
        "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "text": event.get("text"),
        "text_start": text_info.get("start"),
        "text_end": text_info.get("end"),
        "date_phrase": date_evidence.get("text"),
        "confidence": event.get("confidence"),
    }


def _defuse(column: str, value: Any) -> Any:
    if column in _TEXT_COLUMNS and isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def events_to_csv(events: Iterable[Mapping[str, Any]]) -> str:
    """Events as CSV text with a header row (``CSV_COLUMNS``), RFC 4180 quoting, CRLF line ends.

    >>> events_to_csv([]).splitlines()[0].split(",")[:3]
    ['id', 'article_id', 'date']
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for event in events:
        writer.writerow({k: _defuse(k, v) for k, v in event_to_row(event).items()})
    return buffer.getvalue()


def events_to_jsonl(events: Iterable[Mapping[str, Any]]) -> str:
    """Events as JSON Lines: one contract object per line, UTF-8 kept as is."""
    return "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)
