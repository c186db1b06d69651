"""Convert Natural Earth's country shapes (npm `world-atlas`, TopoJSON) into the small
file the map draws: `graph/data/world.json`. Run once, by hand; the result is committed.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/basemap.py package/countries-110m.json

Every ring is projected with Equal Earth (`graph.geo.project`, the projection the map
layout uses for capitals), rounded to whole map units, delta-encoded and stripped of
repeated points. Antarctica is left out: no tie ends there, and it would take a fifth of
the picture's height. Natural Earth is in the public domain; world-atlas (ISC licence,
Mike Bostock) only repackages it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from graph.geo import project  # noqa: E402

OUT = Path(__file__).parent.parent / "graph" / "data" / "world.json"
LEFT_OUT = {"010"}  # Antarctica


def arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (lon, lat) points: undo quantisation and delta encoding."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(indices: list[int], decoded: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = decoded[i] if i >= 0 else decoded[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _clip(points: list[tuple[float, float]], keep) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a ring on one side of the line lon = 180 (`keep`
    says which side, by sign), with points on the line where the ring crosses it."""
    out: list[tuple[float, float]] = []
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        a, b = keep(x0 - 180) >= 0, keep(x1 - 180) >= 0
        if a:
            out.append((x0, y0))
        if a != b:
            out.append((180.0, y0 + (y1 - y0) * (180 - x0) / (x1 - x0)))
    return out


def split_at_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses lon ±180 (Russia's Chukotka, Fiji) as two rings, one on each
    edge of the map; any other ring as it is."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(points, points[1:], strict=False)):
        return [points]
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        last = unwrapped[-1][0]
        unwrapped.append((lon + 360 * round((last - lon) / 360), lat))
    if min(lon for lon, _ in unwrapped) < -180:  # make it cross at +180, not -180
        unwrapped = [(lon + 360, lat) for lon, lat in unwrapped]
    east = _clip(unwrapped, lambda d: -d)
    west = [(lon - 360, lat) for lon, lat in _clip(unwrapped, lambda d: d)]
    return [r for r in (east, west) if len(r) >= 3]


def encode(points: list[tuple[float, float]]) -> list[int]:
    """A ring as [x0, y0, dx1, dy1, ...] in whole map units, without repeated points."""
    out: list[int] = []
    last = None
    for lon, lat in points:
        x, y = project(lon, lat)
        p = (round(x), round(y))
        if p == last:
            continue
        out.extend(p if last is None else (p[0] - last[0], p[1] - last[1]))
        last = p
    return out if len(out) >= 6 else []


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    decoded = arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") in LEFT_OUT or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [
            encode(part) for polygon in polygons for r in polygon for part in split_at_antimeridian(ring(r, decoded))
        ]
        shapes.append({"name": geometry["properties"]["name"], "rings": [r for r in rings if r]})
    shapes.sort(key=lambda s: s["name"])
    credit = "Map: Natural Earth (public domain)"
    OUT.write_text(json.dumps({"credit": credit, "shapes": shapes}, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(shapes)} shapes, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
