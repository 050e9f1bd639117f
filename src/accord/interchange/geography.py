"""Where an event happened, in the terms other datasets use: city, province, country name, coordinates.

An event's place (``event_loc``) is looked up in Accord's gazetteer (``accord.resolve``'s
``places.tsv``) by name and country: a capital, city or town is a city, a first-level subdivision a
province. A place named like its country, or one with no coordinates, is located at the country's
representative point (``data/country_points.tsv``), so that every located event has a latitude and a
longitude. Country names are ISO 3166's (pycountry), with Accord's display forms where pycountry's are
unwieldy.

>>> where = locate({"name": "New Delhi", "country_code": "IND", "lat": 28.6, "lon": 77.2})
>>> where.city, where.country, where.lat
('New Delhi', 'India', 28.6)
>>> locate({"name": "India", "country_code": "IND", "lat": None, "lon": None}).city is None
True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accord.base.tsv import data_file, read_tsv

__all__ = ["Whereabouts", "country_name", "country_point", "locate", "sector_name"]

_CITY_KINDS = frozenset({"capital", "city", "town"})


@dataclass(frozen=True)
class Whereabouts:
    """An event's place: ``city`` or ``province`` when the gazetteer knows it as one, the ``country``
    (name) and ``country_code``, and coordinates (the place's, else the country's point)."""

    name: str | None
    city: str | None
    province: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    resolution: int  # PLOVER's: 4 city, 2 province, 1 country, 0 unknown


# When a name is both (Washington the capital and the state), the more prominent kind wins.
_KIND_RANK = {"capital": 0, "city": 1, "town": 2, "region": 3}


@functools.lru_cache(maxsize=1)
def _places() -> dict[tuple[str, str], str]:
    """(lower-case name or variant, country code) -> kind, from the gazetteer."""
    found: dict[tuple[str, str], str] = {}
    for row in read_tsv(data_file("accord.resolve", "places.tsv")):
        names = [row["name"], *(v for v in row.get("variants", "").split("|") if v)]
        for name in names:
            key = (name.lower(), row["country_code"])
            if key not in found or _KIND_RANK.get(row["kind"], 9) < _KIND_RANK.get(found[key], 9):
                found[key] = row["kind"]
    return found


@functools.lru_cache(maxsize=1)
def _points() -> dict[str, tuple[float, float]]:
    rows = read_tsv(data_file("accord.interchange", "country_points.tsv"), required=("code", "lat", "lon"))
    return {row["code"]: (float(row["lat"]), float(row["lon"])) for row in rows}


@functools.lru_cache(maxsize=1)
def _sectors() -> dict[str, str]:
    rows = read_tsv(data_file("accord.interchange", "sector_names.tsv"), required=("code", "name"))
    return {row["code"]: row["name"] for row in rows}


@functools.lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """The English name of an ISO 3166-1 alpha-3 code ("IND" -> "India"), None for other codes."""
    if not code or len(code) != 3:
        return None
    import pycountry  # only exports need names

    found = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)
    if found is None:
        return None
    name: str = getattr(found, "common_name", None) or found.name
    return name


def country_point(code: str | None) -> tuple[float, float] | None:
    """The representative point of a country (see ``data/country_points.tsv``), or None."""
    return _points().get(code or "")


def sector_name(code: str | None) -> str | None:
    """A sector code's descriptive name ("GOV" -> "Government"); the code itself when unknown."""
    return _sectors().get(code, code) if code else None


def locate(location: Mapping[str, Any] | None) -> Whereabouts:
    """The whereabouts of a contract ``event_loc`` object (None: nowhere known)."""
    if not location:
        return Whereabouts(None, None, None, None, None, None, None, 0)
    name, code = location.get("name"), location.get("country_code")
    kind = _places().get(((name or "").lower(), code or ""))
    country = country_name(code)
    city = name if kind in _CITY_KINDS else None
    province = name if kind == "region" else None
    lat, lon = location.get("lat"), location.get("lon")
    if lat is None or lon is None:
        point = country_point(code)
        lat, lon = point if point else (None, None)
        city = province = None  # the coordinates are the country's: claim no finer place
    resolution = 4 if city else 2 if province else 1 if code else 0
    return Whereabouts(name, city, province, country, code, lat, lon, resolution)
