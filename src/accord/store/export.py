"""Events out of the store: the one CSV schema (shared by the CLI and the API) and file exports.

CSV flattens each contract event into one row of ``CSV_COLUMNS``: lists of entities become
``;``-separated codes and names, offsets get their own columns, CAMEO codes stay strings ("042";
pandas reads them as text with ``dtype={"cameo": str}``), the date's first and last day are
``date_start``/``date_end``. Every row has its ``cluster_id``; a row per real event (``distinct``)
also fills ``sources``, ``mentions`` and ``article_ids`` (``;``-separated), left empty on a row per
mention.
Every text cell (ids and article ids included: they come from input files too) that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` so that a spreadsheet
shows it instead of evaluating it (news text is untrusted input); numbers are left alone, so a
Goldstein value of -5 stays -5. Rows end with CRLF (RFC 4180).

>>> event_csv_row({"id": "e1", "cameo": "042", "text": "=1+1"})["text"]
"'=1+1"
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

import accord.store.frames as frames
import accord.store.queries as queries
from accord.base.partial_dates import date_bounds
from accord.store.connection import Connection
from accord.store.distinct import distinct_events
from accord.store.filters import check_filter_names

__all__ = ["CSV_COLUMNS", "EXPORT_FORMATS", "defuse", "event_csv_row", "export_events", "write_events_csv"]

CSV_COLUMNS = (
    "id",
    "article_id",
    "cluster_id",
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
    "date_start",
    "date_end",
    "sources",
    "mentions",
    "article_ids",
)

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "json")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _join(values: Iterable[Any]) -> str:
    return ";".join("" if v is None else str(v) for v in values)


def _flatten(event: Mapping[str, Any]) -> dict[str, Any]:
    actors = event.get("actor") or []
    recipients = event.get("recipient") or []
    location = event.get("event_loc") or {}
    trigger = event.get("trigger") or {}
    text_info = event.get("text_info") or {}
    date_evidence = event.get("date_evidence") or {}
    quantities = event.get("quantities") or []
    money = event.get("money") or []
    first, last = _period(event)
    return {
        "id": event.get("id"),
        "article_id": event.get("article_id"),
        "cluster_id": event.get("cluster_id"),
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
        "date_start": first.isoformat() if first else None,
        "date_end": last.isoformat() if last else None,
        # One row per real event (``distinct``): how many articles, which mentions, which articles.
        "sources": event.get("sources"),
        "mentions": _join(event.get("mentions") or []),
        "article_ids": _join(event.get("article_ids") or []),
    }


def _period(event: Mapping[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day an event's date (to its enddate) can mean; Nones without a date."""
    date = event.get("date")
    if not date:
        return None, None
    first, last = date_bounds(str(date))
    if event.get("enddate"):
        last = date_bounds(str(event["enddate"]), what="enddate")[1]
    return first, last


def _defuse(value: Any) -> Any:
    # Only strings: numeric columns hold numbers (a negative Goldstein value is no formula).
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


# Public, for the other CSVs of the store (flags): one rule for formula-like text.
defuse = _defuse


def event_csv_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One contract event as a flat, formula-safe CSV row (keys are ``CSV_COLUMNS``, in order).

    Missing fields become None (an empty cell).

    >>> row = event_csv_row({"id": "e1", "actor": [{"code": "IND", "name": "India"}], "goldstein": -5.0})
    >>> row["actor_codes"], row["actor_names"], row["goldstein"]
    ('IND', 'India', -5.0)
    """
    return {column: _defuse(value) for column, value in _flatten(event).items()}


def write_events_csv(events: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write a header row and one ``event_csv_row`` per event to ``out``; returns the event count.

    ``out`` should be opened with ``newline=""`` (the writer ends rows with CRLF itself).

    >>> import io
    >>> buffer = io.StringIO()
    >>> write_events_csv([{"id": "e1"}], buffer), buffer.getvalue().splitlines()[0].split(",")[:3]
    (1, ['id', 'article_id', 'cluster_id'])
    """
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(event_csv_row(event))
        count += 1
    return count


def export_events(
    conn: Connection,
    path: Path,
    *,
    format: str,
    filters: dict[str, Any],
    limit: int | None = None,
    distinct: bool = False,
) -> int:
    """Write the first ``limit`` (default all) events matching ``filters`` to ``path`` in ``format``
    (one of ``EXPORT_FORMATS``), by date; ``distinct``: one row per real event instead.

    ``jsonl``/``json``: contract dicts (one per line / one JSON array); ``parquet``: the flat
    columns of ``frames.events_arrow`` (``distinct``: those of ``CSV_COLUMNS``); ``csv``:
    ``CSV_COLUMNS``. Returns the number of rows. Raises ``ValueError`` for an unknown format
    (before creating the file), ``TypeError`` for an unknown filter name.
    """
    if format not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}; got {format!r}")
    check_filter_names(filters)
    if distinct:
        rows = distinct_events(conn, filters, limit=limit, offset=0, order="date")
        return _write_distinct(rows, path, format)
    if format == "parquet":
        # Imported here because pyarrow is heavy and only Parquet needs it; it has no type information.
        import pyarrow.parquet as pq

        table = frames.events_arrow(conn, filters, limit=limit)
        pq.write_table(table, path)
        return int(table.num_rows)
    records = queries.iter_event_records(conn, filters, limit=limit)
    if format == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            return write_events_csv((json.loads(record) for record in records), out)
    return _write_records(records, path, as_array=format == "json")


def _write_distinct(rows: list[dict[str, Any]], path: Path, format: str) -> int:
    if format == "parquet":
        import pyarrow as pa  # heavy, and only Parquet needs it
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist([_flatten(row) for row in rows]), path)
        return len(rows)
    if format == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            return write_events_csv(rows, out)
    return _write_records(
        (json.dumps(row, ensure_ascii=False) for row in rows), path, as_array=format == "json"
    )


def _write_records(records: Iterable[str], path: Path, *, as_array: bool) -> int:
    # The stored JSON text is written as it is: it is already the contract object.
    count = 0
    with path.open("w", encoding="utf-8") as out:
        if as_array:
            out.write("[")
        for record in records:
            if as_array:
                out.write(",\n" if count else "\n")
            out.write(record)
            if not as_array:
                out.write("\n")
            count += 1
        if as_array:
            out.write("\n]\n" if count else "]\n")
    return count
