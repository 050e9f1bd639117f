"""Routes about actors: ``/actors``, one actor's or one pair's timeline, and ``/network``.

All are aggregates, so they are answered from the app's cache while the database is read-only.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from accord.api.deps import DatabaseDep, SharedDatabase
from accord.api.params import CodePath, DateParam, Interval, Limit, Offset, check_date_range

__all__ = ["router"]

router = APIRouter(tags=["actors"])


@router.get("/actors")
def list_actors(database: DatabaseDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Actors by number of events, each with the partners it has most events with."""
    actors = database.cached(("actors", limit, offset), lambda db: db.actors(limit=limit, offset=offset))
    return {"limit": limit, "offset": offset, "actors": actors}


def _timeline(
    database: SharedDatabase, a: str, b: str | None, interval: str, start: str | None, end: str | None
) -> dict[str, Any]:
    """The timeline answer for actor ``a`` (with partner ``b``, or alone when None).

    Raises ``ApiError`` for a bad date range (see ``check_date_range``).
    """
    check_date_range(start, end)
    periods = database.cached(
        ("timeline", a, b, interval, start, end),
        lambda db: db.dyad_timeline(a, b, interval=interval, start=start, end=end),
    )
    return {"actor": a, "partner": b, "interval": interval, "periods": periods}


@router.get("/actors/{a}/timeline")
def actor_timeline(
    database: DatabaseDep,
    a: CodePath,
    interval: Interval = "month",
    start: DateParam = None,
    end: DateParam = None,
) -> dict[str, Any]:
    """Events of one actor per period, split by quad class, with the sum of Goldstein values."""
    return _timeline(database, a, None, interval, start, end)


@router.get("/dyads/{a}/{b}/timeline")
def dyad_timeline(
    database: DatabaseDep,
    a: CodePath,
    b: CodePath,
    interval: Interval = "month",
    start: DateParam = None,
    end: DateParam = None,
) -> dict[str, Any]:
    """Events between two actors (either direction) per period, split by quad class."""
    return _timeline(database, a, b, interval, start, end)


@router.get("/network")
def network(
    database: DatabaseDep,
    start: DateParam = None,
    end: DateParam = None,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    limit: Annotated[
        int, Query(ge=1, le=500, description="At most this many edges (the busiest pairs).")
    ] = 50,
) -> dict[str, Any]:
    """Actors as nodes and the pairs with events between them as edges (count, mean Goldstein)."""
    check_date_range(start, end)
    return database.cached(
        ("network", start, end, min_events, limit),
        lambda db: db.network(start=start, end=end, min_events=min_events, limit=limit),
    )
