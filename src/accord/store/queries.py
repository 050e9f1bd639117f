"""Reading stored records: events (filtered, ordered, paged), single events and articles, rejects, counts.

Events come back as contract dicts exactly as ``Event.to_dict()`` gave them (from the ``record``
column), with the ``cluster_id`` of the real event they report added; filters run in SQL on copied
columns (``filters.py``). Raises ``ValueError`` for a bad
argument and ``StoreError`` when a query fails.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from accord.store.connection import Connection
from accord.store.filters import check_filter_names, order_clause, paged, usable_filters, where_clause

__all__ = [
    "RECORD_WITH_CLUSTER",
    "article",
    "articles",
    "articles_info",
    "count_events",
    "event",
    "event_records",
    "events",
    "has_article",
    "stored_articles",
    "iter_event_records",
    "record_column",
    "rejects",
    "stats",
]

# The stored contract object with the event's cluster added as its last field ("cluster_id": null
# for an event of an older file). The record is written once and never rewritten: the cluster lives
# in its own column and joins the JSON text here, as cheaply as copying it.
RECORD_WITH_CLUSTER = (
    "substr(record::VARCHAR, 1, length(record::VARCHAR) - 1)"
    " || ',\"cluster_id\":' || coalesce(to_json(cluster_id)::VARCHAR, 'null') || '}'"
)
_RECORD_WITHOUT_CLUSTER = "substr(record::VARCHAR, 1, length(record::VARCHAR) - 1) || ',\"cluster_id\":null}'"


def record_column(conn: Connection) -> str:
    """The SQL expression of an event's JSON text with its ``cluster_id`` (see ``RECORD_WITH_CLUSTER``)."""
    return RECORD_WITH_CLUSTER if conn.clustered else _RECORD_WITHOUT_CLUSTER


def events(
    conn: Connection, filters: dict[str, Any], *, limit: int | None, offset: int, order: str
) -> list[dict[str, Any]]:
    """Events matching ``filters`` (keywords of ``where_clause``) as contract dicts, one page."""
    return [
        json.loads(record) for record in event_records(conn, filters, limit=limit, offset=offset, order=order)
    ]


def event_records(
    conn: Connection, filters: dict[str, Any], *, limit: int | None, offset: int, order: str
) -> list[str]:
    """The stored JSON text of one page of ``events`` (for answers that pass it on as it is)."""
    where, params = where_clause(**usable_filters(conn, filters))
    ordering = order_clause(order)
    page, params = paged(f"SELECT rowid FROM events {where} ORDER BY {ordering}", params, limit, offset)
    # Sort and page on the small columns first, then read the large JSON records of the page
    # only: reading `record` for every row before the top-N made an unfiltered page 10x slower.
    sql = f"SELECT {record_column(conn)} FROM events WHERE rowid IN ({page}) ORDER BY {ordering}"
    return [record for (record,) in conn.fetchall(sql, params)]


def count_events(conn: Connection, filters: dict[str, Any]) -> int:
    """How many events match ``filters``; ``TypeError`` for an unknown filter name."""
    check_filter_names(filters)
    where, params = where_clause(**usable_filters(conn, filters))
    return conn.scalar(f"SELECT count(*) FROM events {where}", params)


def iter_event_records(
    conn: Connection, filters: dict[str, Any], *, limit: int | None = None
) -> Iterator[str]:
    """The stored JSON text of the first ``limit`` (default all) matching events, by date, read in
    batches on a cursor of its own.

    The filters are checked on the call (``ValueError``), before the first record is read.
    """
    where, params = where_clause(**usable_filters(conn, filters))
    sql, params = paged(
        f"SELECT {record_column(conn)} FROM events {where} ORDER BY {order_clause('date')}", params, limit, 0
    )
    return _stream_records(conn, sql, params)


def _stream_records(conn: Connection, sql: str, params: list[Any]) -> Iterator[str]:
    with conn.lock:
        cursor = conn.raw().cursor()
    try:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(2048):
            for (record,) in batch:
                yield record
    finally:
        cursor.close()


def event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """One event (the contract dict) by its id, or None."""
    row = conn.fetchone(f"SELECT {record_column(conn)} FROM events WHERE id = ?", [event_id])
    return json.loads(row[0]) if row else None


def article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its text and its events (contract dicts, in article order), or None."""
    row = conn.fetchone(
        "SELECT id, report_date, title, url, source, origin, text FROM articles WHERE id = ?",
        [article_id],
    )
    if row is None:
        return None
    records = conn.fetchall(
        f"SELECT {record_column(conn)} FROM events WHERE article_id = ? ORDER BY position", [article_id]
    )
    return {
        "id": row[0],
        "date": row[1].isoformat(),
        "title": row[2],
        "url": row[3],
        "source": row[4],
        "origin": row[5],
        "text": row[6],
        "events": [json.loads(record) for (record,) in records],
    }


def articles(conn: Connection, *, limit: int, offset: int) -> list[dict[str, Any]]:
    """Stored articles without their text, newest report first (one page)."""
    sql, params = paged(
        "SELECT id, report_date, title, url, source, origin, event_count, ingested_at FROM articles"
        " ORDER BY report_date DESC, id",
        [],
        limit,
        offset,
    )
    return [
        {
            "id": r[0],
            "date": r[1].isoformat(),
            "title": r[2],
            "url": r[3],
            "source": r[4],
            "origin": r[5],
            "events": r[6],
            "ingested_at": r[7].isoformat(),
        }
        for r in conn.fetchall(sql, params)
    ]


def articles_info(conn: Connection, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``{id: {"id", "source", "url", "title", "text"}}`` for those of ``article_ids`` that are stored."""
    if not article_ids:
        return {}
    rows = conn.fetchall(
        "SELECT id, source, url, title, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
        [list(article_ids)],
    )
    return {r[0]: {"id": r[0], "source": r[1], "url": r[2], "title": r[3], "text": r[4]} for r in rows}


def has_article(conn: Connection, article_id: str, content_hash: str | None) -> bool:
    """Whether ``article_id`` is stored (with that ``content_hash``, when one is given)."""
    sql = "SELECT count(*) FROM articles WHERE id = ?"
    params: list[Any] = [article_id]
    if content_hash is not None:
        sql += " AND content_hash = ?"
        params.append(content_hash)
    return conn.scalar(sql, params) > 0


def stored_articles(
    conn: Connection, article_ids: Sequence[str]
) -> dict[str, tuple[str, str | None, int | None]]:
    """``{id: (content_hash, origin, line)}`` for those of ``article_ids`` that are stored."""
    if not article_ids:
        return {}
    rows = conn.fetchall(
        "SELECT id, content_hash, origin, line FROM articles WHERE list_contains(?, id)", [list(article_ids)]
    )
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def rejects(conn: Connection, *, limit: int) -> list[dict[str, Any]]:
    """Recorded rejects, most recent first: origin, line, reason, article_id, seen_at."""
    sql, params = paged(
        "SELECT origin, line, reason, article_id, seen_at FROM rejects ORDER BY seen_at DESC, origin, line",
        [],
        limit,
        0,
    )
    return [
        {"origin": o, "line": line, "reason": r, "article_id": a, "seen_at": s.isoformat()}
        for o, line, r, a, s in conn.fetchall(sql, params)
    ]


def stats(conn: Connection) -> dict[str, Any]:
    """Counts of articles, events, participants and rejects, and the span of event dates."""
    row = conn.fetchone(
        """
        SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),
               (SELECT count(*) FROM event_participants), (SELECT count(*) FROM rejects),
               (SELECT min(date_first) FROM events), (SELECT max(date_last) FROM events)
        """,
        [],
    )
    assert row is not None  # an aggregate without GROUP BY always returns one row
    return {
        "articles": row[0],
        "events": row[1],
        "participants": row[2],
        "rejects": row[3],
        "first_date": row[4].isoformat() if row[4] else None,
        "last_date": row[5].isoformat() if row[5] else None,
    }
