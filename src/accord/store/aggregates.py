"""Aggregates over the selected events: actors with their partners, the overview, the directed actor
network and the places on the map. Timelines are in ``timelines``.

Every aggregate takes the same event filters as ``events`` (``filters.where_clause``) and counts one
``unit``: ``clusters`` (the default: each real event once, however many articles report it; a file
written before clusters existed has none, and there each mention counts as its own) or ``mentions``
(every stored event, as reported). A real event counts in each series, period or place one of its
selected mentions falls in.

Each event falls in one series (``series_expression``): ``negated`` when the text denies it (never
counted as the act), ``background`` when dated well before its report, ``planned`` or ``hypothetical``
when it has not happened, else ``q1``..``q4``, its quad class, for what occurred. Raises ``ValueError``
for a bad argument (unknown unit, malformed date, negative page) and ``StoreError`` when a query fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from accord.store.connection import Connection
from accord.store.filters import BACKGROUND_SQL, paged, usable_filters, where_clause

__all__ = [
    "SERIES",
    "UNITS",
    "actors",
    "network",
    "overview",
    "places",
    "series_expression",
    "unit_expression",
]

# What a count counts: the SQL expression of one unit over the events table.
UNITS: dict[str, str] = {"clusters": "coalesce(cluster_id, id)", "mentions": "id"}
SERIES = ("q1", "q2", "q3", "q4", "planned", "hypothetical", "negated", "background")
_ACTS = "series IN ('q1', 'q2', 'q3', 'q4')"


def unit_expression(conn: Connection, unit: str) -> str:
    """The SQL expression counted for ``unit``; ``ValueError`` for an unknown one."""
    try:
        expression = UNITS[unit]
    except KeyError:
        raise ValueError(f"count must be one of {', '.join(UNITS)}; got {unit!r}") from None
    return expression if conn.clustered else "id"  # an older file has no clusters


def series_expression() -> str:
    """The SQL expression naming an event's series (see the module docstring)."""
    return (
        "CASE WHEN status = 'negated' THEN 'negated'"
        f" WHEN {BACKGROUND_SQL} THEN 'background'"
        " WHEN status IN ('planned', 'hypothetical') THEN status"
        " ELSE 'q' || quad_class END"
    )


def _where(conn: Connection, filters: dict[str, Any]) -> tuple[str, list[Any]]:
    return where_clause(**usable_filters(conn, filters))


def _split(count: str) -> str:
    """Counts of cooperation and conflict that occurred, of what was planned or hypothetical, of denials."""
    return (
        f"count(DISTINCT {count}) FILTER (WHERE series IN ('q1', 'q2')) AS cooperation,"
        f" count(DISTINCT {count}) FILTER (WHERE series IN ('q3', 'q4')) AS conflict,"
        f" count(DISTINCT {count}) FILTER (WHERE series IN ('planned', 'hypothetical')) AS planned,"
        f" count(DISTINCT {count}) FILTER (WHERE series = 'negated') AS negated"
    )


def _split_dict(row: Sequence[Any]) -> dict[str, int]:
    return dict(zip(("cooperation", "conflict", "planned", "negated"), row, strict=True))


# -- actors ----------------------------------------------------------------------------------------

# {count}: what is counted (``unit_expression``), {where}: the selected events.
_ACTORS_SQL = """
WITH chosen AS (SELECT id, {count} AS unit FROM events {where}),
     kinds AS (SELECT code, kind, count(*) AS n FROM event_participants
               WHERE event_id IN (SELECT id FROM chosen) GROUP BY code, kind),
     main_kind AS (SELECT code, first(kind ORDER BY n DESC, kind) AS kind FROM kinds GROUP BY code)
SELECT p.code, any_value(m.kind) AS kind, count(DISTINCT c.unit) AS events
FROM event_participants p JOIN chosen c ON c.id = p.event_id JOIN main_kind m USING (code)
GROUP BY p.code ORDER BY events DESC, p.code
"""

_PARTNERS_SQL = """
WITH chosen AS (SELECT id, {count} AS unit FROM events {where})
SELECT a.code, b.code AS partner, count(DISTINCT c.unit) AS events
FROM event_participants a
JOIN event_participants b ON a.event_id = b.event_id AND a.role <> b.role AND a.code <> b.code
JOIN chosen c ON c.id = a.event_id
WHERE list_contains(?, a.code)
GROUP BY a.code, b.code
QUALIFY row_number() OVER (PARTITION BY a.code ORDER BY count(DISTINCT c.unit) DESC, b.code) <= ?
ORDER BY a.code, events DESC, partner
"""


def actors(
    conn: Connection,
    filters: dict[str, Any],
    *,
    limit: int,
    offset: int,
    partners: int,
    unit: str = "clusters",
) -> list[dict[str, Any]]:
    """Codes on either side of the selected events, busiest first, each with its most frequent partners
    (codes on the other side of the same events): ``{"code", "kind", "events", "top_partners"}``."""
    count = unit_expression(conn, unit)
    where, params = _where(conn, filters)
    sql, page_params = paged(_ACTORS_SQL.format(count=count, where=where), params, limit, offset)
    page = conn.fetchall(sql, page_params)
    if not page:
        return []
    codes = [code for code, _, _ in page]
    top: dict[str, list[dict[str, Any]]] = {code: [] for code in codes}
    partner_sql = _PARTNERS_SQL.format(count=count, where=where)
    for code, partner, events in conn.fetchall(partner_sql, [*params, codes, partners]):
        top[code].append({"code": partner, "events": events})
    return [
        {"code": code, "kind": kind, "events": events, "top_partners": top[code]}
        for code, kind, events in page
    ]


# -- overview --------------------------------------------------------------------------------------


def overview(
    conn: Connection, filters: dict[str, Any], *, top: int, latest: int, unit: str = "clusters"
) -> dict[str, Any]:
    """What the selection holds, at a glance: totals, the busiest actors, the busiest pairs (either
    direction, the same count as ``events(dyad=...)``), the event types and the latest reports.

    ``{"events", "articles", "first_report", "last_report", "series": {...}, "actors": [{"code",
    "events"}], "pairs": [{"a", "b", "events"}], "types": [{"event", "events", "cooperation",
    "conflict", "planned", "negated"}], "latest": [{"id", "date", "title", "source", "lead", "events"}]}`` (``lead``: the first words of the
    report's text, for reports without a title).
    """
    count = unit_expression(conn, unit)
    where, params = _where(conn, filters)
    chosen = (
        f"WITH chosen AS (SELECT *, {count} AS unit, {series_expression()} AS series FROM events {where})"
    )
    totals = conn.fetchone(
        f"{chosen} SELECT count(DISTINCT unit), count(DISTINCT article_id), min(CAST(report_date AS DATE)),"
        f" max(CAST(report_date AS DATE)), {_split('unit')} FROM chosen",
        params,
    )
    assert totals is not None  # an aggregate without GROUP BY always returns one row
    top_actors = conn.fetchall(
        f"""{chosen} SELECT p.code, count(DISTINCT c.unit) AS n
        FROM event_participants p JOIN chosen c ON c.id = p.event_id
        GROUP BY p.code ORDER BY n DESC, p.code LIMIT ?""",
        [*params, int(top)],
    )
    pairs = conn.fetchall(
        f"""{chosen} SELECT least(a.code, b.code) AS x, greatest(a.code, b.code) AS y, count(DISTINCT c.unit) AS n
        FROM event_participants a
        JOIN event_participants b
          ON a.event_id = b.event_id AND a.role = 'actor' AND b.role = 'recipient' AND a.code <> b.code
        JOIN chosen c ON c.id = a.event_id
        GROUP BY x, y ORDER BY n DESC, x, y LIMIT ?""",
        [*params, int(top)],
    )
    types = conn.fetchall(
        f"{chosen} SELECT event, count(DISTINCT unit) AS n, {_split('unit')} FROM chosen"
        " GROUP BY event ORDER BY n DESC, event",
        params,
    )
    reports = conn.fetchall(
        f"""{chosen} SELECT a.id, a.report_date, a.title, a.source, left(trim(a.text), 160) AS lead,
               count(DISTINCT c.unit) AS n
        FROM articles a JOIN chosen c ON c.article_id = a.id
        GROUP BY a.id, a.report_date, a.title, a.source, a.text ORDER BY a.report_date DESC, a.id LIMIT ?""",
        [*params, int(latest)],
    )
    return {
        "events": totals[0],
        "articles": totals[1],
        "first_report": totals[2].isoformat() if totals[2] else None,
        "last_report": totals[3].isoformat() if totals[3] else None,
        "series": _split_dict(totals[4:]),
        "actors": [{"code": code, "events": n} for code, n in top_actors],
        "pairs": [{"a": x, "b": y, "events": n} for x, y, n in pairs],
        "types": [{"event": event, "events": n, **_split_dict(rest)} for event, n, *rest in types],
        "latest": [
            {"id": i, "date": d.isoformat(), "title": title, "source": source, "lead": lead, "events": n}
            for i, d, title, source, lead, n in reports
        ],
    }


# -- network ---------------------------------------------------------------------------------------


def network(
    conn: Connection,
    filters: dict[str, Any],
    *,
    min_events: int,
    limit: int,
    ego: str | None = None,
    unit: str = "clusters",
) -> dict[str, list[dict[str, Any]]]:
    """Directed edges from each actor code to each recipient code of the same selected events, split
    into cooperation and conflict that occurred, planned or hypothetical, and denied; and the nodes.

    Edge: ``{"source", "target", "events", "cooperation", "conflict", "planned", "negated",
    "mean_goldstein"}`` (the mean over the events that occurred, None without any); ``events`` is the
    same count as ``events(dyad=(source, target), role="actor")``. An event whose two sides share a
    code adds no self-loop. Keeps edges with ``min_events`` or more, the ``limit`` busiest; with
    ``ego``, only the edges that touch that code. Nodes are the codes of the kept edges, each with its
    number of selected events.
    """
    count = unit_expression(conn, unit)
    where, params = _where(conn, filters)
    ego_sql = "WHERE source = ? OR target = ?" if ego else ""
    ego_params = [ego.strip().upper()] * 2 if ego else []
    edge_rows = conn.fetchall(
        f"""
        WITH chosen AS (SELECT id, {count} AS unit, goldstein, {series_expression()} AS series
                        FROM events {where}),
        pairs AS (
            SELECT DISTINCT a.event_id, a.code AS source, b.code AS target
            FROM event_participants a
            JOIN event_participants b
              ON a.event_id = b.event_id AND a.role = 'actor' AND b.role = 'recipient' AND a.code <> b.code
            WHERE a.event_id IN (SELECT id FROM chosen)
        )
        SELECT source, target, count(DISTINCT unit) AS events, {_split("unit")},
               avg(goldstein) FILTER (WHERE {_ACTS} OR series = 'background') AS mean_goldstein
        FROM pairs JOIN chosen ON chosen.id = pairs.event_id
        {ego_sql}
        GROUP BY source, target
        HAVING count(DISTINCT unit) >= ?
        ORDER BY events DESC, source, target
        LIMIT ?
        """,
        [*params, *ego_params, int(min_events), int(limit)],
    )
    edges = [
        {
            "source": source,
            "target": target,
            "events": n,
            **_split_dict(tuple(rest)),
            "mean_goldstein": None if goldstein is None else round(float(goldstein), 4),
        }
        for source, target, n, *rest, goldstein in edge_rows
    ]
    codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    if not codes:
        return {"nodes": [], "edges": []}
    node_rows = conn.fetchall(
        f"""
        WITH chosen AS (SELECT id, {count} AS unit FROM events {where})
        SELECT p.code, count(DISTINCT c.unit) AS events
        FROM event_participants p JOIN chosen c ON c.id = p.event_id
        WHERE list_contains(?, p.code)
        GROUP BY p.code ORDER BY events DESC, p.code
        """,
        [*params, codes],
    )
    return {"nodes": [{"code": c, "events": n} for c, n in node_rows], "edges": edges}


# -- places ----------------------------------------------------------------------------------------


def places(conn: Connection, filters: dict[str, Any], *, unit: str = "clusters") -> dict[str, Any]:
    """Where the selected events happened: one row per place with coordinates (``precision`` place),
    and one per country for events located only by their country (``precision`` country, ``lat`` and
    ``lon`` None: the caller places them), busiest first; ``unplaced`` counts events without a place.

    Row: ``{"name", "country_code", "lat", "lon", "precision", "events", "cooperation", "conflict",
    "planned", "negated"}``.
    """
    count = unit_expression(conn, unit)
    where, params = _where(conn, filters)
    rows = conn.fetchall(
        f"""
        WITH chosen AS (SELECT *, {count} AS unit, {series_expression()} AS series FROM events {where}),
        located AS (
            SELECT unit, series,
                   CASE WHEN event_loc_lat IS NULL THEN NULL ELSE event_loc_name END AS name,
                   event_loc_country_code AS country_code, event_loc_lat AS lat, event_loc_lon AS lon
            FROM chosen WHERE event_loc_country_code IS NOT NULL OR event_loc_lat IS NOT NULL
        )
        SELECT name, country_code, lat, lon, count(DISTINCT unit) AS events, {_split("unit")}
        FROM located GROUP BY name, country_code, lat, lon
        ORDER BY events DESC, country_code, name
        """,
        params,
    )
    unplaced = conn.scalar(
        f"SELECT count(DISTINCT {count}) FROM events {where}"
        f"{' AND' if where else ' WHERE'} event_loc_country_code IS NULL AND event_loc_lat IS NULL",
        params,
    )
    return {
        "places": [
            {
                "name": name,
                "country_code": country,
                "lat": lat,
                "lon": lon,
                "precision": "country" if lat is None else "place",
                "events": n,
                **_split_dict(tuple(rest)),
            }
            for name, country, lat, lon, n, *rest in rows
        ],
        "unplaced": unplaced,
    }
