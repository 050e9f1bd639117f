"""One row per real event: the clusters whose mentions match a filter, each as one contract-shaped dict.

The filters are those of ``events`` and select mentions; every cluster with a matching mention is one
row, built on its representative member's contract object (its sentence and trigger are the row's
evidence) with the cluster's best-supported values: ``id`` and ``cluster_id`` the cluster's id;
``event``, ``cameo``, ``goldstein``, ``quad_class``, ``status``, ``date``, ``date_precision`` and
``enddate`` the cluster's; ``actor`` and ``recipient`` the union of the members' sides (each code
once, most often named first); ``event_loc`` the cluster's place. Added: ``sources`` (how many
articles report it), ``publishers`` (how many distinct sources, when articles name one),
``mentions`` (the member event ids), ``article_ids``, ``first_report_date``, ``last_report_date``.
Records (agreements, deals, meetings) the same way: the representative record with ``sources``,
``member_ids`` (the records of the cluster: ``mentions`` is a record's own field, its spans of text)
and ``article_ids``.

Raises ``StoreError`` on a file written before clusters existed and opened read-only (opening it
for writing links its events), ``ValueError`` for an order that clusters do not have.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from accord.errors import StoreError
from accord.store.connection import Connection
from accord.store.filters import check_filter_names, paged, where_clause
from accord.store.queries import record_column

__all__ = [
    "DISTINCT_ORDERS",
    "count_distinct",
    "count_distinct_events",
    "distinct_events",
    "distinct_records",
]

# Orders of clusters; each ends on the id, which is unique, so that pages never overlap.
DISTINCT_ORDERS: dict[str, str] = {
    "date": "date_first, date_last, id",
    "-date": "date_first DESC, date_last DESC, id",
    "report_date": "first_report_date, id",
    "-report_date": "first_report_date DESC, id",
    "goldstein": "goldstein, date_first, id",
    "-goldstein": "goldstein DESC, date_first, id",
    "sources": "article_count, date_first, id",
    "-sources": "article_count DESC, date_first, id",
}
_CLUSTER_FIELDS = (
    "id", "type", "subtype", "status", "date", "date_precision", "enddate", "goldstein", "quad_class",
    "actor_codes", "recipient_codes", "location_name", "location_country_code", "location_lat",
    "location_lon", "first_report_date", "last_report_date", "article_count", "source_count",
    "representative_id", "member_ids", "article_ids",
)  # fmt: skip


def _require_clusters(conn: Connection) -> None:
    if not conn.clustered:
        raise StoreError(
            f"{conn.path}: written before clusters existed; open it once for writing"
            " (accord ingest with --db) to link its events"
        )


def _ordering(order: str) -> str:
    try:
        return DISTINCT_ORDERS[order]
    except KeyError:
        raise ValueError(
            f"order of distinct events must be one of {', '.join(DISTINCT_ORDERS)}; got {order!r}"
        ) from None


def _clusters(
    conn: Connection, table: str, where: str, params: list[Any], order: str, limit: int | None, offset: int
) -> list[dict[str, Any]]:
    hits = f"SELECT cluster_id FROM {table} {where}"
    sql, params = paged(
        f"SELECT {', '.join(_CLUSTER_FIELDS)} FROM clusters WHERE id IN ({hits}) ORDER BY {_ordering(order)}",
        params,
        limit,
        offset,
    )
    return [dict(zip(_CLUSTER_FIELDS, row, strict=True)) for row in conn.fetchall(sql, params)]


def count_distinct(conn: Connection, table: str, where: str, params: list[Any]) -> int:
    """How many clusters have a mention of ``table`` matching ``where``."""
    _require_clusters(conn)
    return conn.scalar(f"SELECT count(DISTINCT cluster_id) FROM {table} {where}", params)


def _union(records: Sequence[Mapping[str, Any]], side: str, codes: Sequence[str]) -> list[dict[str, Any]]:
    """Each code of ``codes`` once, as the first member entity that names it on that side."""
    found: dict[str, dict[str, Any]] = {}
    for record in records:
        for entity in record.get(side) or ():
            found.setdefault(entity["code"], entity)
    return [found[code] for code in codes if code in found]


def _cluster_fields(cluster: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": cluster["id"],
        "cluster_id": cluster["id"],
        "sources": cluster["article_count"],
        "publishers": cluster["source_count"],
        "mentions": list(cluster["member_ids"]),
        "article_ids": list(cluster["article_ids"]),
        "first_report_date": cluster["first_report_date"].isoformat(),
        "last_report_date": cluster["last_report_date"].isoformat(),
    }


def _event_row(cluster: Mapping[str, Any], members: Sequence[dict[str, Any]]) -> dict[str, Any]:
    by_id = {m["id"]: m for m in members}
    ordered = [by_id[i] for i in cluster["member_ids"] if i in by_id]
    row = dict(by_id.get(cluster["representative_id"]) or ordered[0])
    location = row.get("event_loc") or {}
    if cluster["location_name"] and location.get("name") != cluster["location_name"]:
        location = {
            "name": cluster["location_name"],
            "country_code": cluster["location_country_code"],
            "lat": cluster["location_lat"],
            "lon": cluster["location_lon"],
        }
    row.update(
        event=cluster["type"],
        cameo=cluster["subtype"],
        goldstein=cluster["goldstein"],
        quad_class=cluster["quad_class"],
        status=cluster["status"],
        date=cluster["date"],
        date_precision=cluster["date_precision"],
        enddate=cluster["enddate"],
        actor=_union(ordered, "actor", cluster["actor_codes"]),
        recipient=_union(ordered, "recipient", cluster["recipient_codes"]),
        event_loc=location or None,
    )
    row.update(_cluster_fields(cluster))
    row["representative_id"] = cluster["representative_id"]  # the mention whose values the row shows
    return row


def distinct_events(
    conn: Connection, filters: dict[str, Any], *, limit: int | None, offset: int, order: str
) -> list[dict[str, Any]]:
    """One page of the clusters with an event matching ``filters``, one contract-shaped dict each."""
    _require_clusters(conn)
    check_filter_names(filters)
    where, params = where_clause(**filters)
    clusters = _clusters(conn, "events", where, params, order, limit, offset)
    if not clusters:
        return []
    member_ids = [i for c in clusters for i in c["member_ids"]]
    rows = conn.fetchall(
        f"SELECT {record_column(conn)} FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [member_ids]
    )
    members: dict[str, list[dict[str, Any]]] = {}
    for (text,) in rows:
        record = json.loads(text)
        members.setdefault(record["cluster_id"], []).append(record)
    return [_event_row(c, members.get(c["id"], [])) for c in clusters if members.get(c["id"])]


def count_distinct_events(conn: Connection, filters: dict[str, Any]) -> int:
    """How many clusters have an event matching ``filters``."""
    check_filter_names(filters)
    where, params = where_clause(**filters)
    return count_distinct(conn, "events", where, params)


def distinct_records(
    conn: Connection,
    table: str,
    where: str,
    params: list[Any],
    *,
    limit: int | None,
    offset: int,
    order: str,
) -> list[dict[str, Any]]:
    """One page of the clusters of ``table`` (agreements, deals, meetings) with a record matching
    ``where``: each its representative record with the cluster's fields."""
    _require_clusters(conn)
    clusters = _clusters(conn, table, where, params, order, limit, offset)
    if not clusters:
        return []
    ids = [c["representative_id"] for c in clusters]
    rows = conn.fetchall(f"SELECT id, record FROM {table} WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    records = {record_id: json.loads(text) for record_id, text in rows}
    found = []
    for cluster in clusters:
        record = records.get(cluster["representative_id"])
        if record is not None:
            fields = _cluster_fields(cluster)
            fields["member_ids"] = fields.pop("mentions")
            found.append({**record, **fields})
    return found
