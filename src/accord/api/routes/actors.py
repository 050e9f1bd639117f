"""Routes about actors and time: ``/actors``, ``/timeline`` (and one actor's or one pair's), ``/network``.

All take the event filters of ``/events`` (``accord.api.params.FiltersDep``) and give names beside
codes. They are aggregates, so they are answered from the app's cache while the database is read-only.
"""

from __future__ import annotations

import copy
from typing import Annotated, Any

from fastapi import APIRouter, Query

from accord.api.deps import DatabaseDep, SharedDatabase
from accord.api.names import named, named_all
from accord.api.params import ActorCode, CodePath, CountUnit, FiltersDep, Limit, Offset, TimelineInterval

__all__ = ["router"]

router = APIRouter(tags=["actors"])


@router.get("/actors")
def list_actors(
    database: DatabaseDep,
    filters: FiltersDep,
    limit: Limit = 100,
    offset: Offset = 0,
    count: CountUnit = "clusters",
) -> dict[str, Any]:
    """Actors by number of selected events, each with its name, kind and the partners it has most
    events with."""
    actors = copy.deepcopy(
        database.cached(
            ("actors", limit, offset, count, *filters.items()),
            lambda db: db.actors(limit=limit, offset=offset, count=count, **filters),
        )
    )
    for actor in named_all(actors):
        named_all(actor["top_partners"])
    return {"limit": limit, "offset": offset, "actors": actors}


def _timeline(database: SharedDatabase, filters: dict[str, Any], interval: str, count: str) -> dict[str, Any]:
    """The timeline answer; ``background=true`` draws background events (left out by default)."""
    drawn = bool(filters.get("background"))
    chosen = {name: value for name, value in filters.items() if name != "background"}
    answer = database.cached(
        ("timeline", interval, drawn, count, *chosen.items()),
        lambda db: db.timeline(interval=interval, background=drawn, count=count, **chosen),
    )
    return {**answer, "background": drawn}


_TIMELINE_DOC = """

    The answer: ``window`` (the reporting window of the selection: its first and last report date,
    or the asked ``start``/``end``), ``span`` (the periods drawn), ``events`` (the whole selection),
    ``outside`` (events dated before or after the span, not drawn), ``totals`` per series and
    ``periods``: the non-empty periods only, each with its ``start`` and ``end`` day and its counts:
    ``q1``..``q4`` (what occurred, by quad class), ``planned``, ``hypothetical``, ``negated`` (never
    counted as the act), ``background``, ``events`` (all of them) and ``goldstein_sum`` (of what
    occurred).
    """


@router.get("/timeline")
def timeline(
    database: DatabaseDep,
    filters: FiltersDep,
    interval: TimelineInterval = "month",
    count: CountUnit = "clusters",
) -> dict[str, Any]:
    """The selected events per period, split by what occurred (by quad class), what was planned or
    hypothetical, denied, and background."""
    return _timeline(database, filters, interval, count)


timeline.__doc__ = (timeline.__doc__ or "") + _TIMELINE_DOC


@router.get("/actors/{a}/timeline")
def actor_timeline(
    database: DatabaseDep,
    a: CodePath,
    filters: FiltersDep,
    interval: TimelineInterval = "month",
    count: CountUnit = "clusters",
) -> dict[str, Any]:
    """``/timeline`` for one actor (on the side ``role`` says), with the other filters of ``/events``."""
    chosen = {**filters, "actor": a.upper(), "dyad": None}
    return {"actor": a.upper(), "partner": None, **_timeline(database, chosen, interval, count)}


@router.get("/dyads/{a}/{b}/timeline")
def dyad_timeline(
    database: DatabaseDep,
    a: CodePath,
    b: CodePath,
    filters: FiltersDep,
    interval: TimelineInterval = "month",
    count: CountUnit = "clusters",
) -> dict[str, Any]:
    """``/timeline`` for a pair of actors (either direction, or ``role=actor``: a acting on b)."""
    chosen = {**filters, "actor": None, "dyad": (a.upper(), b.upper())}
    return {"actor": a.upper(), "partner": b.upper(), **_timeline(database, chosen, interval, count)}


actor_timeline.__doc__ = (actor_timeline.__doc__ or "") + _TIMELINE_DOC
dyad_timeline.__doc__ = (dyad_timeline.__doc__ or "") + _TIMELINE_DOC


@router.get("/network")
def network(
    database: DatabaseDep,
    filters: FiltersDep,
    ego: Annotated[ActorCode, Query(description="Only the edges that touch this code.")] = None,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Annotated[
        int, Query(ge=1, le=500, description="At most this many edges (the busiest pairs).")
    ] = 50,
    count: CountUnit = "clusters",
) -> dict[str, Any]:
    """Actors as nodes and directed edges from the actor side to the recipient side of the selected
    events: each edge's events, split into cooperation and conflict that occurred, planned or
    hypothetical, and denied, with the mean Goldstein value of what occurred. An edge's events are
    ``/events?dyad=SOURCE,TARGET&role=actor`` with the same filters."""
    answer = copy.deepcopy(
        database.cached(
            ("network", ego, min_events, limit, count, *filters.items()),
            lambda db: db.network(
                min_events=min_events, limit=limit, ego=ego.upper() if ego else None, count=count, **filters
            ),
        )
    )
    named_all(answer["nodes"])
    for edge in answer["edges"]:
        named(edge, "source", prefix="source_")
        named(edge, "target", prefix="target_")
    return answer
