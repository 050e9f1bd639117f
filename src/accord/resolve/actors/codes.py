"""Names for the actor codes Accord reports, a search from names to codes, and a point for each country.

The names come from the code tables the resolver already reads: countries from pycountry and
``data/countries.tsv`` (through ``lexicon``), the other codes from ``data/code_names.tsv``; a search
also knows every spelling of a country ("Chinese", "U.S.") and of an organisation in
``data/organisations.tsv`` ("Hamas" is coded PSE). ``country_centroid`` reads
``data/country_centroids.tsv`` (Natural Earth, see its header). Tables load on first use.

>>> code_name("chn"), code_kind("CHN"), code_kind("UNO")
('China', 'country', 'organisation')
>>> search_codes("Hamas")[0].code
'PSE'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from accord.base.tsv import data_file, read_tsv
from accord.resolve.actors.lexicon import lexicon, norm

__all__ = ["CodeMatch", "all_codes", "code_kind", "code_name", "country_centroid", "search_codes"]


@dataclass(frozen=True)
class CodeMatch:
    """One answer of ``search_codes``: the code, its name and kind, and the name that matched."""

    code: str
    name: str
    kind: str  # country, organisation, group or unknown
    matched: str


@functools.lru_cache(maxsize=1)
def _other_codes() -> dict[str, tuple[str, str]]:
    rows = read_tsv(data_file("accord.resolve", "code_names.tsv"), required=("code", "name", "kind"))
    return {row["code"]: (row["name"], row["kind"]) for row in rows}


def code_name(code: str) -> str | None:
    """The name shown beside ``code`` (any case), or None for a code no table knows.

    >>> code_name("PSE"), code_name("REB"), code_name("ZZZ")
    ('Palestine', 'rebels or armed group', None)
    """
    key = code.strip().upper()
    name = lexicon().country_names.get(key)
    if name is not None:
        return name
    other = _other_codes().get(key)
    return other[0] if other else None


def code_kind(code: str) -> str | None:
    """``country`` for a country code, else the kind in ``code_names.tsv``, else None."""
    key = code.strip().upper()
    if key in lexicon().country_names:
        return "country"
    other = _other_codes().get(key)
    return other[1] if other else None


def all_codes() -> list[CodeMatch]:
    """Every code the tables name, countries first (by code), then the others."""
    countries = sorted(lexicon().country_names.items())
    return [CodeMatch(code, name, "country", code) for code, name in countries] + [
        CodeMatch(code, name, kind, code) for code, (name, kind) in sorted(_other_codes().items())
    ]


def search_codes(text: str, *, limit: int = 10) -> list[CodeMatch]:
    """Codes for what a person types: a code ("chn"), a name or any spelling of a country ("China",
    "Chinese"), an organisation ("Hamas", "NATO"), or the start of a name ("Chi": Chile, China).

    Exact matches come first, then names that start with ``text``, then names that contain it; each
    code once, at most ``limit``. An empty text matches nothing.
    """
    key = norm(text)
    if not key:
        return []
    names = lexicon().country_names
    found: dict[str, CodeMatch] = {}

    def add(code: str, matched: str) -> None:
        name = code_name(code)
        if code not in found and name is not None and len(found) < limit:
            found[code] = CodeMatch(code, name, code_kind(code) or "unknown", matched)

    if len(key) == 3 and code_name(key) is not None:
        add(key.upper(), key.upper())
    form = lexicon().countries.get(key)
    if form is not None:
        add(form.code, text.strip())
    org = lexicon().orgs.get(key)
    if org is not None:
        add(org.code, org.name)
    every = sorted(
        [(name, code) for code, name in names.items()]
        + [(name, code) for code, (name, _) in _other_codes().items()]
    )
    for test in (str.startswith, str.__contains__):
        for name, code in every:
            if test(norm(name), key):
                add(code, name)
    return list(found.values())


@functools.lru_cache(maxsize=1)
def _centroids() -> dict[str, tuple[float, float]]:
    rows = read_tsv(data_file("accord.resolve", "country_centroids.tsv"), required=("code", "lat", "lon"))
    points = {}
    for row in rows:
        try:
            points[row["code"]] = (float(row["lat"]), float(row["lon"]))
        except ValueError:
            raise row.error(f"lat/lon {row['lat']!r}, {row['lon']!r} are not numbers") from None
    return points


def country_centroid(code: str) -> tuple[float, float] | None:
    """(lat, lon) of a point inside the country ``code`` (any case), or None when the table has none.

    >>> country_centroid("slv")
    (13.73, -88.87)
    """
    return _centroids().get(code.strip().upper())
