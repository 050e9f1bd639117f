"""Linking inside the write transaction: each new event and record joins the cluster of its real event.

``link_article`` runs in the writer's transaction, before the article's rows are inserted. For each of
its events, in article order, one query fetches the stored clusters that could hold the same real
event (a compatible type, a date within the window, a code on either side in common: ``_CANDIDATES``)
with all their members; ``accord.link.choose_cluster`` picks one or none, and the row gets that
cluster's id, or founds a new cluster (``cl-`` and a hash of its own id). The article's mentions
placed so far count as members, so a second mention of one event in one article joins the first
(with the higher ``Settings.same_article`` score). Records (agreements, deals, meetings) are linked
the same way, within their own table. ``cluster_rows.refresh_clusters`` then rewrites the cluster
rows the article joined or left. Nothing else is read or rewritten: a new article costs a query per
mention, whatever the size of the corpus, and never reprocesses it.

The same article written twice is skipped before this runs; the same article with other content
(``update``) has its rows deleted first, so its mentions are linked afresh and the clusters it left
are refreshed. Cluster ids never change once given: a mention keeps its cluster until its own article
is replaced, and a cluster keeps its id when the mention that founded it leaves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import duckdb

from accord.link import Mention, Settings, choose_cluster, event_mention, record_mention
from accord.link.mentions import NO_CODE, Kind
from accord.store.cluster_rows import TABLES, fields, member_rows, refresh_clusters
from accord.store.fact_rows import TableRows

__all__ = [
    "LinkedArticle",
    "article_cluster_ids",
    "link_all",
    "link_article",
    "new_cluster_id",
]

# Record table -> the kind of its clusters.
_KINDS: dict[str, Kind] = {table: kind for kind, table in TABLES.items()}

# The members of every stored cluster that could hold the same real event as a new mention: one
# with a member of a compatible type, dated within the window, naming one of the mention's codes.
_EVENT_CANDIDATES = """
SELECT {fields} FROM events WHERE cluster_id IN (
    SELECT DISTINCT cluster_id FROM events
    WHERE cluster_id IS NOT NULL AND list_contains(?, event) AND date_first <= ? AND date_last >= ?
      AND (list_has_any(actor_codes, ?) OR list_has_any(recipient_codes, ?))
)
"""
_RECORD_CANDIDATES = """
SELECT {fields} FROM {table} WHERE cluster_id IN (
    SELECT DISTINCT cluster_id FROM {table}
    WHERE cluster_id IS NOT NULL AND date_first <= ? AND date_last >= ? AND list_has_any(actor_codes, ?)
)
"""


@dataclass(frozen=True)
class LinkedArticle:
    """An article's rows with their clusters chosen: ``events`` (rows of ``events``), ``records`` (the
    record tables' rows), ``founders`` (new cluster id -> the mention that founds it) and
    ``cluster_ids`` (table -> the clusters its mentions joined)."""

    events: list[tuple[Any, ...]]
    records: tuple[TableRows, ...]
    founders: dict[str, str]
    cluster_ids: dict[str, set[str]]


def _names(columns: Sequence[str]) -> list[str]:
    return [column.strip('"') for column in columns]


def new_cluster_id(founder_id: str, taken: set[str]) -> str:
    """``cl-`` and 16 hex digits of SHA-1 of the founder's id; when that id is taken (a cluster still
    alive after its founder left, and the founder is written again), the first free one of
    ``founder_id + "\\x1f" + n``.

    >>> new_cluster_id("ev-1", set())
    'cl-31f9a31e6f5dadbc'
    """
    salt = 0
    while True:
        seed = founder_id if salt == 0 else f"{founder_id}\x1f{salt}"
        candidate = "cl-" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:16]
        if candidate not in taken:
            return candidate
        salt += 1


def _alive(con: duckdb.DuckDBPyConnection, cluster_id: str) -> bool:
    """Whether a stored cluster of this id still has a member (its row may outlive its last member
    until the transaction's refresh: an article being replaced has left it already)."""
    if not con.execute("SELECT count(*) FROM clusters WHERE id = ?", [cluster_id]).fetchall()[0][0]:
        return False
    return any(
        con.execute(f"SELECT count(*) FROM {table} WHERE cluster_id = ?", [cluster_id]).fetchall()[0][0]
        for table in TABLES.values()
    )


def _free_cluster_id(con: duckdb.DuckDBPyConnection, founder_id: str, taken: set[str]) -> str:
    """The founder's cluster id, or the next one when a cluster of that id is alive (stored with a
    member, or founded in this transaction: ``taken``)."""
    taken = set(taken)
    while True:
        cluster_id = new_cluster_id(founder_id, taken)
        if not _alive(con, cluster_id):
            return cluster_id
        taken.add(cluster_id)


def _event_types(mention: Mention, settings: Settings) -> list[str]:
    if settings.meeting_types and mention.type in ("AGREE", "CONSULT"):
        return ["AGREE", "CONSULT"]  # a planned meeting coded AGREE-036 may be the CONSULT held
    return [mention.type]


def _mention(table: str, row: dict[str, Any]) -> Mention:
    return event_mention(row) if table == "events" else record_mention(_KINDS[table], row)


def _candidates(
    con: duckdb.DuckDBPyConnection, table: str, mention: Mention, settings: Settings
) -> dict[str, list[Mention]]:
    """The stored clusters that could hold ``mention``, each with all its members."""
    codes = sorted(mention.codes - NO_CODE)
    if not codes:
        return {}  # a mention that names nobody is never linked: nothing ties it to another report
    last = mention.date_last + dt.timedelta(days=settings.day_window)
    first = mention.date_first - dt.timedelta(days=settings.day_window)
    columns = ", ".join(fields(table))
    if table == "events":
        sql = _EVENT_CANDIDATES.format(fields=columns)
        rows = member_rows(con, sql, [_event_types(mention, settings), last, first, codes, codes])
    else:
        rows = member_rows(con, _RECORD_CANDIDATES.format(table=table, fields=columns), [last, first, codes])
    found: dict[str, list[Mention]] = {}
    for row in rows:
        found.setdefault(str(row["cluster_id"]), []).append(_mention(table, row))
    return found


def _link_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    settings: Settings,
    founders: dict[str, str],
) -> list[tuple[Any, ...]]:
    """``rows`` of ``table`` with their ``cluster_id`` filled; new clusters' founders go to ``founders``."""
    names = _names(columns)
    position = names.index("cluster_id")
    placed: dict[str, list[Mention]] = {}  # this article's mentions, by cluster
    linked: list[tuple[Any, ...]] = []
    for row in rows:
        mention = _mention(table, dict(zip(names, row, strict=True)))
        members = _candidates(con, table, mention, settings)
        for cluster_id, own in placed.items():
            members.setdefault(cluster_id, []).extend(own)
        choice = choose_cluster(mention, members, settings)
        if choice is not None:
            cluster_id = choice.cluster_id
        else:
            cluster_id = _free_cluster_id(con, mention.id, set(placed) | set(founders))
            founders[cluster_id] = mention.id
        placed.setdefault(cluster_id, []).append(replace(mention, cluster_id=cluster_id))
        linked.append((*row[:position], cluster_id, *row[position + 1 :]))
    return linked


def link_article(
    con: duckdb.DuckDBPyConnection,
    event_columns: Sequence[str],
    event_rows: Sequence[tuple[Any, ...]],
    records: Sequence[TableRows],
    settings: Settings | None = None,
) -> LinkedArticle:
    """Choose the cluster of each new event row and record row (inside the caller's transaction,
    before they are inserted); the rows come back with ``cluster_id`` filled."""
    settings = settings or Settings()
    founders: dict[str, str] = {}
    events = _link_rows(con, "events", event_columns, event_rows, settings, founders)
    position = _names(event_columns).index("cluster_id")
    joined: dict[str, set[str]] = {"events": {row[position] for row in events}}
    linked: list[TableRows] = []
    for part in records:
        if part.table in _KINDS and part.table != "events":
            rows = _link_rows(con, part.table, part.columns, part.rows, settings, founders)
            part = replace(part, rows=tuple(rows))
            column = _names(part.columns).index("cluster_id")
            joined[part.table] = {row[column] for row in rows}
        linked.append(part)
    return LinkedArticle(events, tuple(linked), founders, joined)


def article_cluster_ids(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, set[str]]:
    """Table -> the clusters that the stored mentions of ``article_id`` belong to (before it is replaced)."""
    found: dict[str, set[str]] = {}
    for table in TABLES.values():
        rows = con.execute(
            f"SELECT DISTINCT cluster_id FROM {table} WHERE article_id = ? AND cluster_id IS NOT NULL",
            [article_id],
        ).fetchall()
        found[table] = {r[0] for r in rows}
    return found


def link_all(con: duckdb.DuckDBPyConnection, settings: Settings | None = None) -> int:
    """Link every stored mention that has no cluster yet, article by article in the order they were
    stored, then write their clusters (the migration of a file written before clusters existed).
    Returns the number of mentions linked."""
    settings = settings or Settings()
    articles = con.execute("SELECT id FROM articles ORDER BY ingested_at, id").fetchall()
    touched: dict[str, set[str]] = {table: set() for table in TABLES.values()}
    founders: dict[str, str] = {}
    count = 0
    for (article_id,) in articles:
        for table in TABLES.values():
            columns = fields(table)
            rows = con.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE article_id = ? AND cluster_id IS NULL"
                " ORDER BY position",
                [article_id],
            ).fetchall()
            if not rows:
                continue
            position = _names(columns).index("cluster_id")
            for row in _link_rows(con, table, columns, rows, settings, founders):
                con.execute(f"UPDATE {table} SET cluster_id = ? WHERE id = ?", [row[position], row[0]])
                touched[table].add(row[position])
                count += 1
    refresh_clusters(con, touched, founders)
    return count
