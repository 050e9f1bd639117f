"""The ``clusters`` table: one row per real event, rewritten from its members whenever they change.

``refresh_clusters`` reads the members of each given cluster (one indexed query per cluster), sums
them up with ``accord.link.summarize`` (the best-supported type, code, date and place, the union of
the sides, the articles and publishers) and replaces the cluster's row; a cluster left without
members is deleted. A row keeps the founder it was created with, even after that mention left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from accord.base.partial_dates import date_bounds
from accord.link import summarize
from accord.link.mentions import Kind

__all__ = ["CLUSTER_COLUMNS", "TABLES", "fields", "member_rows", "refresh_clusters"]

# The kind of a cluster -> the table of its members.
TABLES: dict[Kind, str] = {
    "event": "events",
    "agreement": "agreements",
    "deal": "deals",
    "meeting": "meetings",
}

# The columns a mention and a cluster summary are read from.
_EVENT_FIELDS = (
    "id", "article_id", "event", "cameo", "goldstein", "quad_class", "status", "date", "date_precision",
    "enddate", "date_first", "date_last", "report_date", "actor_codes", "recipient_codes", '"symmetric"',
    "event_loc_name", "event_loc_country_code", "event_loc_lat", "event_loc_lon", "event_loc_start",
    "event_loc_end", "text_start", "text_end", "trigger_text", "text", "cluster_id", "counts",
)  # fmt: skip
_RECORD_COMMON = (
    "id", "article_id", "kind", "name", "date", "date_precision", "date_first", "date_last", "report_date",
    "actor_codes", "mentions", "cluster_id",
)  # fmt: skip
_RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "agreements": ("action", "status", "party_codes", "term_start_year"),
    "deals": ("status", "buyer_codes", "seller_codes", "party_codes", "item", "quantity", "amount", "intermediary"),
    "meetings": (
        "status", "ordinal", "participant_codes", "place_name", "place_country_code", "place_lat", "place_lon",
    ),
}  # fmt: skip

CLUSTER_COLUMNS = (
    "id", "kind", "type", "subtype", "status", "date", "date_precision", "enddate", "date_first", "date_last",
    "goldstein", "quad_class", "actor_codes", "recipient_codes", "location_name", "location_country_code",
    "location_lat", "location_lon", "first_report_date", "last_report_date", "article_count", "source_count",
    "member_count", "founder_id", "representative_id", "member_ids", "article_ids",
)  # fmt: skip


def fields(table: str) -> tuple[str, ...]:
    """The columns of ``table`` that a mention and a summary are read from (``id`` first)."""
    return _EVENT_FIELDS if table == "events" else (*_RECORD_COMMON, *_RECORD_FIELDS[table])


def member_rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    """The rows of ``sql`` as dicts keyed by column name."""
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _cluster_row(cluster_id: str, kind: Kind, rows: list[dict[str, Any]], founder: str) -> tuple[Any, ...]:
    summary = summarize(kind, rows)
    first, last = date_bounds(summary.date)
    if summary.enddate:
        last = date_bounds(summary.enddate)[1]
    publishers = {r["publisher"] for r in rows if r.get("publisher")}
    name, country, lat, lon = summary.location
    return (
        cluster_id, kind, summary.type, summary.subtype, summary.status, summary.date, summary.date_precision,
        summary.enddate, first, last, summary.goldstein, summary.quad_class, list(summary.actor_codes),
        list(summary.recipient_codes), name, country, lat, lon, summary.first_report_date,
        summary.last_report_date, len(summary.article_ids), len(publishers), len(summary.member_ids), founder,
        summary.representative_id, list(summary.member_ids), list(summary.article_ids),
    )  # fmt: skip


def refresh_clusters(
    con: duckdb.DuckDBPyConnection,
    cluster_ids: Mapping[str, set[str]],
    founders: Mapping[str, str] | None = None,
) -> None:
    """Rewrite the ``clusters`` row of each cluster in ``cluster_ids`` (table -> ids) from its members,
    inside the caller's transaction; a cluster without members is deleted. ``founders`` names the
    founding mention of clusters that have no row yet; an existing row keeps its founder."""
    founders = founders or {}
    every = sorted({cluster_id for ids in cluster_ids.values() for cluster_id in ids})
    if not every:
        return
    old = dict(
        con.execute("SELECT id, founder_id FROM clusters WHERE list_contains(?, id)", [every]).fetchall()
    )
    con.execute("DELETE FROM clusters WHERE list_contains(?, id)", [every])
    new_rows = []
    for kind, table in TABLES.items():
        columns = ", ".join(f"t.{name}" for name in fields(table))
        sql = (
            f"SELECT {columns}, a.source AS publisher FROM {table} t JOIN articles a ON a.id = t.article_id"
            " WHERE t.cluster_id = ?"
        )
        for cluster_id in sorted(cluster_ids.get(table, ())):
            rows = member_rows(con, sql, [cluster_id])
            if not rows:
                continue  # its last member left: the cluster is gone
            for row in rows:
                row["record_type"] = kind
            founder = old.get(cluster_id) or founders.get(cluster_id) or min(str(r["id"]) for r in rows)
            new_rows.append(_cluster_row(cluster_id, kind, rows, founder))
    if new_rows:
        placeholders = "(" + ", ".join("?" * len(CLUSTER_COLUMNS)) + ")"
        con.execute(
            f"INSERT INTO clusters ({', '.join(CLUSTER_COLUMNS)}) VALUES {', '.join([placeholders] * len(new_rows))}",
            [value for row in new_rows for value in row],
        )
