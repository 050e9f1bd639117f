"""Routes for a first look and for the map: ``/overview``, ``/places`` and ``/codes`` (names and codes).

``/overview`` and ``/places`` take the event filters of ``/events``; ``/codes`` turns what a person
types ("China", "Hamas", "chn") into codes, or lists every code the tables name.
"""

from __future__ import annotations

import copy
from typing import Annotated, Any

from fastapi import APIRouter, Query

from accord.api.deps import DatabaseDep
from accord.api.names import named, named_all
from accord.api.params import CountUnit, FiltersDep
from accord.resolve.actors.codes import all_codes, country_centroid, search_codes

__all__ = ["router"]

router = APIRouter(tags=["overview"])


@router.get("/overview")
def overview(
    database: DatabaseDep,
    filters: FiltersDep,
    top: Annotated[int, Query(ge=1, le=100, description="How many actors, pairs and types.")] = 10,
    latest: Annotated[int, Query(ge=0, le=100, description="How many of the latest reports.")] = 8,
    count: CountUnit = "clusters",
) -> dict[str, Any]:
    """The selection at a glance: how many events, articles and report dates; the busiest actors,
    the busiest pairs (either direction: the count of ``/events?dyad=A,B``), the event types (split
    into cooperation, conflict, planned and denied) and the latest reports."""
    answer = copy.deepcopy(
        database.cached(
            ("overview", top, latest, count, *filters.items()),
            lambda db: db.overview(top=top, latest=latest, count=count, **filters),
        )
    )
    named_all(answer["actors"])
    for pair in answer["pairs"]:
        named(pair, "a", prefix="a_")
        named(pair, "b", prefix="b_")
    return answer


@router.get("/places")
def places(database: DatabaseDep, filters: FiltersDep, count: CountUnit = "clusters") -> dict[str, Any]:
    """Where the selected events happened, for the map: each place with coordinates from the
    gazetteer (``precision: place``), and each country for events placed only in a country, at a
    point inside it (``precision: country``); with the events at each, split into cooperation,
    conflict, planned and denied. ``unplaced`` counts the events with no place at all."""
    answer = copy.deepcopy(
        database.cached(("places", count, *filters.items()), lambda db: db.places(count=count, **filters))
    )
    kept = []
    for place in answer["places"]:
        named(place, "country_code", prefix="country_")
        if place["lat"] is None:
            point = country_centroid(place["country_code"] or "")
            if point is None:
                answer["unplaced"] += place["events"]
                continue
            place["lat"], place["lon"] = point
            place["name"] = place["name"] or place["country_name"] or place["country_code"]
        kept.append(place)
    answer["places"] = kept
    return answer


@router.get("/codes")
def codes(
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="A name, a spelling or a code: China, Chinese, Hamas, chn. Without it, every code.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 10,
) -> dict[str, Any]:
    """Codes and their names: the codes whose country or organisation matches ``q`` (exact names
    first, then names that start or contain it), or every code the tables name when ``q`` is absent."""
    if q is None:
        return {"codes": [{"code": c.code, "name": c.name, "kind": c.kind} for c in all_codes()]}
    return {
        "codes": [
            {"code": c.code, "name": c.name, "kind": c.kind, "matched": c.matched}
            for c in search_codes(q, limit=limit)
        ]
    }
