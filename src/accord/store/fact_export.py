"""Agreements, deals and meetings out of the store: one CSV schema per record type (shared by the CLI and
the API) and file exports.

CSV flattens each record into one row of ``CSV_COLUMNS[record_type]``: lists of entities become
``;``-separated codes and names, amounts and counts their own columns, the first mention's offsets
``start``/``end``. Text cells beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get a
leading ``'`` (news text is untrusted input), as in the events' CSV; rows end with CRLF.

>>> record_csv_row({"record_type": "meeting", "id": "me-1", "name": {"text": "=summit"}})["name"]
"'=summit"
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from accord.store.connection import Connection
from accord.store.facts import records, records_arrow, where_clause

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "export_records",
    "record_csv_row",
    "records_to_csv",
    "write_records_csv",
]

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "json")
_COMMON_HEAD = ("id", "article_id", "cluster_id", "kind", "name")
_COMMON_DATES = ("date", "date_precision", "report_date")
_COMMON_TAIL = ("event_ids", "start", "end", "sources", "member_ids", "article_ids")
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "agreement": (
        *_COMMON_HEAD,
        "action",
        "status",
        *_COMMON_DATES,
        "party_codes",
        "party_names",
        "signatory_codes",
        "signatory_names",
        "term_start_year",
        "term_end_year",
        "term_years",
        "earlier_relation",
        "earlier",
        "earlier_date",
        *_COMMON_TAIL,
    ),
    "deal": (
        *_COMMON_HEAD,
        "status",
        *_COMMON_DATES,
        "buyer_codes",
        "seller_codes",
        "party_codes",
        "item",
        "quantity",
        "amount",
        "currency",
        "approximate",
        "intermediary",
        *_COMMON_TAIL,
    ),
    "meeting": (
        *_COMMON_HEAD,
        "status",
        *_COMMON_DATES,
        "ordinal",
        "recurrence",
        "participant_codes",
        "chair_names",
        "people_names",
        "place",
        "place_country",
        *_COMMON_TAIL,
    ),
}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# CSV column prefix -> the record's list of entities.
_ROLES = {
    "party": "parties",
    "signatory": "signatories",
    "buyer": "buyer",
    "seller": "seller",
    "participant": "participants",
    "chair": "chairs",
    "people": "people",
}


def _join(values: Iterable[Any]) -> str:
    return ";".join("" if v is None else str(v) for v in values)


def _text(value: Any) -> Any:
    return value.get("text") if isinstance(value, Mapping) else None


def _flatten(record: Mapping[str, Any]) -> dict[str, Any]:
    first = (record.get("mentions") or [{}])[0]
    found: dict[str, Any] = {
        **{key: record.get(key) for key in ("id", "article_id", "cluster_id", "kind", "action", "status")},
        **{key: record.get(key) for key in _COMMON_DATES},
        "name": _text(record.get("name")),
        "event_ids": _join(record.get("event_ids") or []),
        "start": first.get("start"),
        "end": first.get("end"),
        # A row per cluster (``distinct``): how many articles, which records, which articles.
        "sources": record.get("sources"),
        "member_ids": _join(record.get("member_ids") or []),
        "article_ids": _join(record.get("article_ids") or []),
    }
    for role, key in _ROLES.items():
        entities = record.get(key) or []
        found[f"{role}_codes"] = _join(e.get("code") for e in entities)
        found[f"{role}_names"] = _join(e.get("name") for e in entities)
    term = record.get("term") or {}
    earlier = record.get("earlier") or {}
    money = record.get("money") or {}
    quantity = record.get("quantity") or {}
    place = record.get("place") or {}
    found.update(
        term_start_year=term.get("start_year"),
        term_end_year=term.get("end_year"),
        term_years=term.get("years"),
        earlier_relation=earlier.get("relation"),
        earlier=earlier.get("text"),
        earlier_date=earlier.get("date"),
        item=_text(record.get("item")),
        quantity=quantity.get("value"),
        amount=money.get("amount"),
        currency=money.get("currency"),
        approximate=money.get("approximate"),
        intermediary=_text(record.get("intermediary")),
        ordinal=record.get("ordinal"),
        recurrence=record.get("recurrence"),
        place=place.get("name"),
        place_country=place.get("country_code"),
    )
    return found


def record_csv_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """One record as a flat, formula-safe CSV row, keyed by the columns of its ``record_type``."""
    flat = _flatten(record)
    columns = CSV_COLUMNS[str(record.get("record_type"))]
    return {column: _defuse(flat.get(column)) for column in columns}


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_records_csv(record_type: str, found: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """A header row and one ``record_csv_row`` per record to ``out`` (opened with ``newline=""``);
    returns the number of records."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS[record_type])
    writer.writeheader()
    count = 0
    for record in found:
        writer.writerow(record_csv_row(record))
        count += 1
    return count


def records_to_csv(record_type: str, found: Iterable[Mapping[str, Any]]) -> str:
    """Records as CSV text (``write_records_csv``)."""
    buffer = io.StringIO()
    write_records_csv(record_type, found, buffer)
    return buffer.getvalue()


def export_records(
    conn: Connection,
    record_type: str,
    path: Path,
    *,
    format: str,
    filters: dict[str, Any],
    limit: int | None = None,
    distinct: bool = False,
) -> int:
    """Write the first ``limit`` (default all) matching records to ``path`` in ``format``, by date;
    returns how many. ``jsonl``/``json``: the record dicts; ``csv``: ``CSV_COLUMNS[record_type]``;
    ``parquet``: the columns of ``records_frame``. ``distinct``: one row per cluster. ``ValueError`` for an unknown format or filter value
    (before the file is created)."""
    if format not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}; got {format!r}")
    where_clause(record_type, filters)
    if format == "parquet":
        import pyarrow as pa  # heavy, and only Parquet needs it
        import pyarrow.parquet as pq

        if distinct:  # one row per cluster: the CSV's flat columns
            rows = [
                record_csv_row(r) for r in records(conn, record_type, filters, limit=limit, distinct=True)
            ]
            pq.write_table(pa.Table.from_pylist(rows), path)
            return len(rows)
        table = records_arrow(conn, record_type, filters, limit=limit)
        pq.write_table(table, path)
        return int(table.num_rows)
    found = records(conn, record_type, filters, limit=limit, distinct=distinct)
    if format == "csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            return write_records_csv(record_type, found, out)
    with path.open("w", encoding="utf-8") as out:
        if format == "json":
            json.dump(found, out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            for item in found:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(found)
