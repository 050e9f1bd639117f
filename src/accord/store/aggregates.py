"""Aggregates over stored events: actors with their partners, timelines per period, the actor network.

Each counts real events (``count="clusters"``, the default: the clusters with a matching mention,
each once, at its best-supported date, code and Goldstein value) or mentions (``count="mentions"``:
every stored event, as reported). A file written before clusters existed has no clusters: there
each mention counts as its own. Timelines put each event in the period of the first day of its
date ("2021" counts in January).
Raises ``ValueError`` for a bad argument (unknown interval, malformed date, negative page) and
``StoreError`` when a query fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from accord.store.connection import Connection
from accord.store.filters import interval_expression, paged, where_clause
from accord.store.rows import date_bounds

__all__ = ["COUNTS", "actors", "dyad_timeline", "network"]

# What an aggregate counts: real events (clusters) or every report of them (mentions).
COUNTS = ("clusters", "mentions")


def _by_clusters(conn: Connection, count: str) -> bool:
    if count not in COUNTS:
        raise ValueError(f"count must be one of {', '.join(COUNTS)}; got {count!r}")
    return count == "clusters" and conn.clustered


# {unit}: what is counted, p.event_id (mentions) or e.cluster_id (real events).
_ACTORS_SQL = """
WITH kinds AS (SELECT code, kind, count(*) AS n FROM event_participants GROUP BY code, kind),
     main_kind AS (SELECT code, first(kind ORDER BY n DESC, kind) AS kind FROM kinds GROUP BY code)
SELECT p.code, any_value(m.kind) AS kind, count(DISTINCT {unit}) AS events
FROM event_participants p JOIN main_kind m USING (code) {join}
GROUP BY p.code ORDER BY events DESC, p.code
"""

_PARTNERS_SQL = """
SELECT a.code, b.code AS partner, count(DISTINCT {unit}) AS events
FROM event_participants a
JOIN event_participants b
  ON a.event_id = b.event_id AND a.role <> b.role AND a.code <> b.code {join}
WHERE list_contains(?, a.code)
GROUP BY a.code, b.code
QUALIFY row_number() OVER (PARTITION BY a.code ORDER BY count(DISTINCT {unit}) DESC, b.code) <= ?
ORDER BY a.code, events DESC, partner
"""


def actors(
    conn: Connection, *, limit: int, offset: int, partners: int, count: str = "clusters"
) -> list[dict[str, Any]]:
    """Actor codes by number of events (either side), each with its most frequent partners."""
    clustered = _by_clusters(conn, count)
    sql, params = paged(
        _ACTORS_SQL.format(
            unit="e.cluster_id" if clustered else "p.event_id",
            join="JOIN events e ON e.id = p.event_id" if clustered else "",
        ),
        [],
        limit,
        offset,
    )
    page = conn.fetchall(sql, params)
    if not page:
        return []
    codes = [code for code, _, _ in page]
    top: dict[str, list[dict[str, Any]]] = {code: [] for code in codes}
    partners_sql = _PARTNERS_SQL.format(
        unit="e.cluster_id" if clustered else "a.event_id",
        join="JOIN events e ON e.id = a.event_id" if clustered else "",
    )
    for code, partner, events in conn.fetchall(partners_sql, [codes, partners]):
        top[code].append({"code": partner, "events": events})
    return [
        {"code": code, "kind": kind, "events": events, "top_partners": top[code]}
        for code, kind, events in page
    ]


def dyad_timeline(
    conn: Connection,
    a: str,
    b: str | None,
    *,
    interval: str,
    start: str | None,
    end: str | None,
    count: str = "clusters",
) -> list[dict[str, Any]]:
    """Events of a dyad (or of actor ``a`` when ``b`` is None) per period, empty periods as zeros."""
    period_sql = interval_expression(interval)
    where, params = where_clause(actor=a) if b is None else where_clause(dyad=(a, b))
    source = "events"
    if _by_clusters(conn, count):
        # The clusters with a mention of the dyad, each once, at its own date and code.
        source = f"(SELECT * FROM clusters WHERE id IN (SELECT cluster_id FROM events {where})) AS c"
        where = "WHERE true"
    # Here the window applies to the day each event's date begins (the day it is counted on),
    # so that no row falls outside start..end; events() uses overlap instead.
    if start is not None:
        where += " AND date_first >= ?"
        params.append(date_bounds(start, what="start")[0])
    if end is not None:
        where += " AND date_first <= ?"
        params.append(date_bounds(end, what="end")[1])
    rows = conn.fetchall(
        f"""
        SELECT {period_sql} AS period,
               count(*) FILTER (WHERE quad_class = 1),
               count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3),
               count(*) FILTER (WHERE quad_class = 4),
               sum(goldstein),
               count(*)
        FROM {source} {where}
        GROUP BY period ORDER BY period
        """,
        params,
    )
    found = {row[0]: _timeline_row(row[0], row[1:5], round(float(row[5]), 6), row[6]) for row in rows}
    if not found:
        return []
    return [
        found.get(period) or _timeline_row(period, (0, 0, 0, 0), 0.0, 0)
        for period in _periods(min(found), max(found), interval)
    ]


def _timeline_row(period: dt.date, quads: tuple[Any, ...], goldstein: float, events: int) -> dict[str, Any]:
    return {
        "period": period.isoformat(),
        "q1": quads[0],
        "q2": quads[1],
        "q3": quads[2],
        "q4": quads[3],
        "goldstein_sum": goldstein,
        "events": events,
    }


def _periods(first: dt.date, last: dt.date, interval: str) -> Iterator[dt.date]:
    period = first
    while period <= last:
        yield period
        if interval == "day":
            period += dt.timedelta(days=1)
        elif interval == "week":
            period += dt.timedelta(days=7)
        else:
            period = dt.date(period.year + period.month // 12, period.month % 12 + 1, 1)


def network(
    conn: Connection,
    *,
    start: str | None,
    end: str | None,
    min_events: int,
    limit: int,
    count: str = "clusters",
) -> dict[str, list[dict[str, Any]]]:
    """Nodes (codes) and undirected edges (codes on opposite sides of the same events)."""
    where, params = where_clause(start=start, end=end)
    clustered = _by_clusters(conn, count)
    # unit: what an edge counts; goldstein: whose Goldstein value it averages.
    unit, value = ("ev.cluster_id", "c.goldstein") if clustered else ("ev.id", "ev.goldstein")
    join = "JOIN clusters c ON c.id = ev.cluster_id" if clustered else ""
    cluster = "cluster_id" if conn.clustered else "NULL AS cluster_id"  # an older file has none
    edge_rows = conn.fetchall(
        f"""
        WITH ev AS (SELECT id, {cluster}, goldstein FROM events {where}),
        pairs AS (
            SELECT DISTINCT {unit} AS unit, {value} AS goldstein,
                   least(a.code, b.code) AS source, greatest(a.code, b.code) AS target
            FROM event_participants a
            JOIN event_participants b
              ON a.event_id = b.event_id AND a.role = 'actor' AND b.role = 'recipient' AND a.code <> b.code
            JOIN ev ON ev.id = a.event_id {join}
        )
        SELECT source, target, count(*) AS events, avg(goldstein) AS mean_goldstein
        FROM pairs
        GROUP BY source, target
        HAVING count(*) >= ?
        ORDER BY events DESC, source, target
        LIMIT ?
        """,
        [*params, int(min_events), int(limit)],
    )
    edges = [
        {"source": s, "target": t, "events": n, "mean_goldstein": round(float(g), 4)}
        for s, t, n, g in edge_rows
    ]
    codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    if not codes:
        return {"nodes": [], "edges": []}
    node_rows = conn.fetchall(
        f"""
        SELECT p.code, count(DISTINCT {"e.cluster_id" if clustered else "e.id"}) AS events
        FROM event_participants p JOIN (SELECT id, {cluster} FROM events {where}) e ON e.id = p.event_id
        WHERE list_contains(?, p.code)
        GROUP BY p.code ORDER BY events DESC, p.code
        """,
        [*params, codes],
    )
    return {"nodes": [{"code": c, "events": n} for c, n in node_rows], "edges": edges}
