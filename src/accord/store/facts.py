"""Reading stored agreements, deals and meetings: filtered pages, one record, an article's records, frames.

Records come back as dicts exactly as their ``to_dict()`` gave them, with ``cluster_id`` added from its
column. Filters run in SQL on copied columns:

- ``actor``: a code anywhere on the record (parties, signatories, buyer, seller, participants, chairs,
  people), compared upper-cased;
- ``kind``, ``status`` (an agreement's events' status; its ``action`` has a filter of its own);
- ``start``/``end``: YYYY[-MM[-DD]], overlap of the record's date period with the range, as for events;
- ``text``: case-insensitive words of the record's name, mentions, item or place;
- ``article_id``.

Raises ``ValueError`` for a bad argument (unknown record type or order, malformed date, a kind or status
outside the type's vocabulary), ``TypeError`` for an unknown filter name, ``StoreError`` when a query fails.
A file of schema 1 opened read-only has no record tables: every read then finds nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from accord.base.ontology import STATUSES
from accord.fact_records import (
    AGREEMENT_ACTIONS,
    AGREEMENT_KINDS,
    DEAL_KINDS,
    DEAL_STATUSES,
    MEETING_KINDS,
    MEETING_STATUSES,
)
from accord.store.connection import Connection
from accord.store.distinct import count_distinct, distinct_records
from accord.store.filters import paged
from accord.store.rows import date_bounds

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = [
    "FILTER_NAMES",
    "KINDS",
    "STATUSES_BY_TYPE",
    "TABLES",
    "article_records",
    "count_records",
    "record",
    "records",
    "records_arrow",
    "records_frame",
    "where_clause",
]

TABLES = {"agreement": "agreements", "deal": "deals", "meeting": "meetings"}
KINDS: dict[str, tuple[str, ...]] = {
    "agreement": AGREEMENT_KINDS,
    "deal": DEAL_KINDS,
    "meeting": MEETING_KINDS,
}
STATUSES_BY_TYPE: dict[str, tuple[str, ...]] = {
    "agreement": STATUSES,
    "deal": DEAL_STATUSES,
    "meeting": MEETING_STATUSES,
}
FILTER_NAMES = frozenset({"actor", "kind", "status", "action", "start", "end", "text", "article_id"})
ORDERS = {
    "date": "date_first, date_last, article_id, position",
    "-date": "date_first DESC, date_last DESC, article_id, position",
    "article": "article_id, position",
}
# The columns of a frame and of a Parquet file: everything but the JSON record and the search text.
_NOT_IN_FRAMES = frozenset({"record", "search_text"})


def _table(record_type: str) -> str:
    try:
        return TABLES[record_type]
    except KeyError:
        raise ValueError(f"record type must be one of {', '.join(TABLES)}; got {record_type!r}") from None


def where_clause(record_type: str, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    """``("WHERE ...", params)`` for the filters of ``record_type`` (see the module docstring)."""
    unknown = sorted(set(filters) - FILTER_NAMES)
    if unknown:
        raise TypeError(
            f"unknown record filter(s): {', '.join(unknown)}; known: {', '.join(sorted(FILTER_NAMES))}"
        )
    parts: list[str] = []
    params: list[Any] = []
    given = {key: value for key, value in filters.items() if value is not None}
    if "actor" in given:
        parts.append("list_contains(actor_codes, ?)")
        params.append(str(given["actor"]).strip().upper())
    for name, allowed in (("kind", KINDS[record_type]), ("status", STATUSES_BY_TYPE[record_type])):
        if name in given:
            value = str(given[name]).strip().lower()
            if value not in allowed:
                raise ValueError(
                    f"{record_type} {name} must be one of {', '.join(allowed)}; got {given[name]!r}"
                )
            parts.append(f"{name} = ?")
            params.append(value)
    if "action" in given:
        action = str(given["action"]).strip().lower()
        if record_type != "agreement" or action not in AGREEMENT_ACTIONS:
            raise ValueError(
                f"action filters agreements only, one of {', '.join(AGREEMENT_ACTIONS)}; got {action!r}"
            )
        parts.append("action = ?")
        params.append(action)
    if "start" in given:
        parts.append("date_last >= ?")
        params.append(date_bounds(given["start"], what="start")[0])
    if "end" in given:
        parts.append("date_first <= ?")
        params.append(date_bounds(given["end"], what="end")[1])
    if given.get("text"):
        parts.append("contains(search_text, ?)")
        params.append(str(given["text"]).lower())
    if "article_id" in given:
        parts.append("article_id = ?")
        params.append(given["article_id"])
    return ("WHERE " + " AND ".join(parts), params) if parts else ("", [])


def _order(order: str) -> str:
    try:
        return ORDERS[order]
    except KeyError:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}; got {order!r}") from None


def _decode(record: str, cluster_id: str | None) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(record)
    found["cluster_id"] = cluster_id
    return found


def records(
    conn: Connection,
    record_type: str,
    filters: dict[str, Any],
    *,
    limit: int | None = None,
    offset: int = 0,
    order: str = "date",
    distinct: bool = False,
) -> list[dict[str, Any]]:
    """One page of the records of ``record_type`` matching ``filters``, as dicts; ``distinct``: one
    per cluster (``accord.store.distinct.distinct_records``)."""
    table = _table(record_type)
    where, params = where_clause(record_type, filters)
    if distinct:
        return distinct_records(conn, table, where, params, limit=limit, offset=offset, order=order)
    ordering = _order(order)
    if not conn.has_table(table):
        return []
    sql, params = paged(
        f"SELECT record, cluster_id FROM {table} {where} ORDER BY {ordering}", params, limit, offset
    )
    return [_decode(r, c) for r, c in conn.fetchall(sql, params)]


def count_records(
    conn: Connection, record_type: str, filters: dict[str, Any], *, distinct: bool = False
) -> int:
    """How many records of ``record_type`` (``distinct``: clusters of them) match ``filters``."""
    table = _table(record_type)
    where, params = where_clause(record_type, filters)
    if distinct:
        return count_distinct(conn, table, where, params)
    if not conn.has_table(table):
        return 0
    return conn.scalar(f"SELECT count(*) FROM {table} {where}", params)


def record(conn: Connection, record_id: str, record_type: str | None = None) -> dict[str, Any] | None:
    """One record by its id (of ``record_type``, when given), or None."""
    types = [record_type] if record_type is not None else list(TABLES)
    for name in types:
        table = _table(name)
        if conn.has_table(table):
            row = conn.fetchone(f"SELECT record, cluster_id FROM {table} WHERE id = ?", [record_id])
            if row is not None:
                return _decode(row[0], row[1])
    return None


def article_records(conn: Connection, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """An article's records by type (``agreements``, ``deals``, ``meetings``), in article order."""
    return {
        table: records(conn, record_type, {"article_id": article_id}, order="article")
        for record_type, table in TABLES.items()
    }


def _frame_sql(
    conn: Connection, record_type: str, filters: dict[str, Any], limit: int | None
) -> tuple[str, list[Any]]:
    table = _table(record_type)
    where, params = where_clause(record_type, filters)
    columns = [
        name
        for (name,) in conn.fetchall(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        )
        if name not in _NOT_IN_FRAMES
    ]
    quoted = ", ".join(f'"{name}"' for name in columns)
    return paged(f"SELECT {quoted} FROM {table} {where} ORDER BY {_order('date')}", params, limit, 0)


def records_frame(conn: Connection, record_type: str, filters: dict[str, Any]) -> pandas.DataFrame:
    """Matching records of ``record_type`` as a DataFrame, one row per record, ordered by date: the
    table's columns but the JSON record (code lists hold lists; ``mentions`` holds dicts)."""
    if not conn.has_table(_table(record_type)):
        where_clause(record_type, filters)  # a bad filter is still an error
        import pandas

        empty: pandas.DataFrame = pandas.DataFrame()
        return empty
    sql, params = _frame_sql(conn, record_type, filters, None)
    with conn.lock:
        frame = conn.raw().execute(sql, params).df()
    for column in frame.columns:
        if column.endswith("_codes") or column in ("event_ids", "mentions"):
            frame[column] = [list(values) for values in frame[column]]
    return frame


def records_arrow(
    conn: Connection, record_type: str, filters: dict[str, Any], *, limit: int | None = None
) -> pyarrow.Table:
    """The first ``limit`` (default all) matching records as an Arrow table (for Parquet), with the
    columns of ``records_frame``."""
    sql, params = _frame_sql(conn, record_type, filters, limit)
    with conn.lock:
        return conn.raw().sql(sql, params=params).to_arrow_table()
