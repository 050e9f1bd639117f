"""Writing: one article and everything found in it in ONE transaction; rejects kept once.

A process killed at any moment leaves each article either whole or absent. An article is its id
and its ``content_hash`` (of id, date and text). Writing the same input again does nothing; the
same id with other content is refused (``ArticleConflictError``) unless ``update=True``, which
replaces the article and all its rows in the same transaction. The check runs inside the
transaction, so two writers taking turns cannot overwrite each other's articles.

In the same transaction each event and record of the article joins its cluster (the same real event
reported by other articles, ``clusters.link_article``) and the clusters it joined or left are
rewritten, so every engine that writes through here links articles the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import duckdb

import accord.store.clusters as clusters
import accord.store.rows as table_rows
from accord.errors import ArticleConflictError, StoreError, UnstorableArticleError
from accord.records import ArticleResult, Reject
from accord.store.cluster_rows import refresh_clusters
from accord.store.connection import Connection, utcnow
from accord.store.fact_rows import RECORD_TABLES, record_rows

__all__ = ["WriteOutcome", "article_hash", "insert_rows", "write_reject", "write_result"]

# What writing one article did.
WriteOutcome = Literal["written", "updated", "skipped"]

# Rows per INSERT statement: one statement with many VALUES tuples is several times faster than
# executemany (one execution per row), and the chunk keeps each statement small to parse.
_INSERT_CHUNK = 250

# Child tables of an article, deleted before a changed article is written again.
_CHILD_TABLES = ("events", "event_participants", "entities", "quantities", "money", "time_expressions")


def article_hash(result: ArticleResult) -> str:
    """The ``content_hash`` the store keeps for ``result.article`` (sha256 of id, date and text).

    Callers can skip extraction of an unchanged input: ``db.has_article(id, hash)``.

    >>> import datetime as dt
    >>> from accord.records import Article
    >>> len(article_hash(ArticleResult(Article("a1", dt.date(2021, 12, 6), "Text."))))
    64
    """
    article = result.article
    return table_rows.content_hash(article.id, article.date, article.text)


def write_result(conn: Connection, result: ArticleResult, *, update: bool = False) -> WriteOutcome:
    """Store ``result`` in one transaction: ``"written"`` (new id), ``"skipped"`` (stored with the
    same content) or ``"updated"`` (stored with other content, replaced because ``update``).

    Raises ``ArticleConflictError`` when the id is stored with other content and ``update`` is
    False, ``UnstorableArticleError`` when a value cannot be stored (nothing is written either
    way), and ``StoreError`` when the file is read-only or the database fails.
    """
    conn.require_writable(f"write article {result.article.id!r}")
    article_id = result.article.id
    digest = article_hash(result)
    try:
        rows = table_rows.article_rows(result, digest, utcnow())
        records = record_rows(result)  # agreements, deals, meetings
    except (ValueError, TypeError) as exc:
        raise UnstorableArticleError(f"article {article_id!r} not stored: {exc}") from exc
    with conn.lock:
        con = conn.raw()
        try:
            con.execute("BEGIN TRANSACTION")
            existing = con.execute(
                "SELECT content_hash, origin, line FROM articles WHERE id = ?", [article_id]
            ).fetchall()
            found = existing[0] if existing else None
            if found is not None and found[0] == digest:
                con.execute("ROLLBACK")
                return "skipped"
            if found is not None and not update:
                con.execute("ROLLBACK")
                raise ArticleConflictError(article_id, found[1], found[2])
            left: dict[str, set[str]] = {}
            if found is not None:
                left = clusters.article_cluster_ids(con, article_id)
                for table in _CHILD_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
                for table in RECORD_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
                con.execute("DELETE FROM articles WHERE id = ?", [article_id])
            # Each mention joins its real event's cluster (or founds one) before the rows go in.
            linked = clusters.link_article(con, table_rows.EVENT_COLUMNS, rows.events, records)
            rows.events = linked.events
            _insert_article(con, rows)
            for part in linked.records:
                insert_rows(con, part.table, part.columns, part.rows)
            changed = {
                t: left.get(t, set()) | linked.cluster_ids.get(t, set()) for t in {*left, *linked.cluster_ids}
            }
            refresh_clusters(con, changed, linked.founders)
            con.execute("COMMIT")
        except duckdb.Error as exc:
            conn.rollback()
            raise StoreError(f"article {article_id!r} not stored: {exc}") from exc
        except BaseException:
            conn.rollback()
            raise
    return "written" if found is None else "updated"


def _insert_article(con: duckdb.DuckDBPyConnection, rows: table_rows.ArticleRows) -> None:
    insert_rows(con, "articles", table_rows.ARTICLE_COLUMNS, [rows.article])
    insert_rows(con, "events", table_rows.EVENT_COLUMNS, rows.events)
    insert_rows(con, "event_participants", table_rows.PARTICIPANT_COLUMNS, rows.participants)
    insert_rows(con, "entities", table_rows.ENTITY_COLUMNS, rows.entities)
    insert_rows(con, "quantities", table_rows.QUANTITY_COLUMNS, rows.quantities)
    insert_rows(con, "money", table_rows.MONEY_COLUMNS, rows.money)
    insert_rows(con, "time_expressions", table_rows.TIME_COLUMNS, rows.times)


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT ``rows`` into ``table`` in chunks, inside the caller's transaction.

    ``table`` and ``columns`` are the module constants of ``rows.py``, never caller input; only
    the number of placeholders varies.
    """
    if not rows:
        return
    tuple_sql = "(" + ", ".join("?" * len(columns)) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    for begin in range(0, len(rows), _INSERT_CHUNK):
        chunk = rows[begin : begin + _INSERT_CHUNK]
        con.execute(head + ", ".join([tuple_sql] * len(chunk)), [v for row in chunk for v in row])


def write_reject(conn: Connection, reject: Reject) -> None:
    """Record an input that could not be read; the same (origin, line, reason) is kept once.

    Raises ``StoreError`` when the file is read-only or the row cannot be written.
    """
    conn.require_writable(f"record a reject from {reject.origin!r}")
    with conn.lock:
        con = conn.raw()
        try:
            con.execute("BEGIN TRANSACTION")
            found = con.execute(
                "SELECT count(*) FROM rejects WHERE origin = ? AND line IS NOT DISTINCT FROM ? AND reason = ?",
                [reject.origin, reject.line, reject.reason],
            ).fetchall()[0]
            if found[0] == 0:
                con.execute(
                    "INSERT INTO rejects (origin, line, reason, article_id, seen_at) VALUES (?, ?, ?, ?, ?)",
                    [reject.origin, reject.line, reject.reason, reject.article_id, utcnow()],
                )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            conn.rollback()
            raise StoreError(f"reject from {reject.origin!r} not stored: {exc}") from exc
