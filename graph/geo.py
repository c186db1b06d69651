"""The world map's geometry: the Equal Earth projection, the shipped country shapes
(Natural Earth, `data/world.json`, made by `scripts/basemap.py`) and which shape holds
an actor's capital."""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import cache
from pathlib import Path

import networkx as nx

WORLD = Path(__file__).parent / "data" / "world.json"
# Map units per unit of the projection: the world is about 4,900 units wide, as wide as
# the equirectangular layout it replaced, so dot sizes and line widths keep their look.
SCALE = 900.0
# The year of Natural Earth's borders (version 4.1, 2018): a view before it says that
# the borders drawn are today's.
BORDERS_YEAR = 2018
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth (Šavrič, Patterson, Jenny 2018) in map units: east right, north up
    (so y grows southward, as on a screen).

    >>> project(0, 0)
    (0.0, 0.0)
    >>> x, y = project(180, 0); round(x)
    2436
    >>> project(10, 60)[1] < project(10, 50)[1] < 0
    True
    """
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x * SCALE, -y * SCALE + 0.0


@cache
def world() -> dict:
    """The shipped shapes: {"credit": ..., "shapes": [{"name", "rings"}]}, rings
    delta-encoded in map units (see `scripts/basemap.py`)."""
    return json.loads(WORLD.read_text(encoding="utf-8"))


@cache
def _rings() -> list[tuple[int, tuple[float, float, float, float], list[tuple[int, int]]]]:
    """Every ring decoded, as (shape index, bounding box, points)."""
    out = []
    for i, shape in enumerate(world()["shapes"]):
        for flat in shape["rings"]:
            x, y = flat[0], flat[1]
            points = [(x, y)]
            for k in range(2, len(flat), 2):
                x, y = x + flat[k], y + flat[k + 1]
                points.append((x, y))
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            out.append((i, (min(xs), min(ys), max(xs), max(ys)), points))
    return out


def _inside(x: float, y: float, points: list[tuple[int, int]]) -> bool:
    hit = False
    j = len(points) - 1
    for i, (xi, yi) in enumerate(points):
        xj, yj = points[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


@cache
def shape_at(lon: float, lat: float) -> int | None:
    """The index of the shape that holds a place, or None (at sea, or too small a state
    for a 1:110m map). Holes are rings too: a point in a hole is in the shape around it
    an even number of times, so rings of one shape are counted together.

    >>> world()["shapes"][shape_at(37.62, 55.75)]["name"]
    'Russia'
    >>> shape_at(-30.0, 0.0) is None
    True
    """
    x, y = project(lon, lat)
    counts: dict[int, int] = {}
    for i, (x0, y0, x1, y1), points in _rings():
        if x0 <= x <= x1 and y0 <= y <= y1 and _inside(x, y, points):
            counts[i] = counts.get(i, 0) + 1
    return next((i for i, c in sorted(counts.items()) if c % 2), None)


# Natural Earth's short names for states that the data names in full.
SHAPE_NAMES = {
    "Bosnia and Herzegovina": "Bosnia and Herz.",
    "Central African Republic": "Central African Rep.",
    "Ivory Coast": "Côte d'Ivoire",
    "DR Congo": "Dem. Rep. Congo",
    "Republic of the Congo": "Congo",
    "Dominican Republic": "Dominican Rep.",
    "Equatorial Guinea": "Eq. Guinea",
    "North Macedonia": "Macedonia",
    "Solomon Islands": "Solomon Is.",
    "South Sudan": "S. Sudan",
    "Eswatini": "eSwatini",
    "Türkiye": "Turkey",
    "United States": "United States of America",
}


@cache
def shape_of(name: str, lon: float, lat: float, *, past: bool = False) -> int | None:
    """The shape of a state: the one of its name; for a state of the `past`, today's
    shape that holds its capital. None for a state too small for a 1:110m map (Malta).

    >>> world()["shapes"][shape_of("Soviet Union", 37.62, 55.75, past=True)]["name"]
    'Russia'
    >>> world()["shapes"][shape_of("Türkiye", 32.85, 39.93)]["name"]
    'Turkey'
    >>> shape_of("San Marino", 12.45, 43.94) is None
    True
    """
    by_name = {s["name"]: i for i, s in enumerate(world()["shapes"])}
    found = by_name.get(SHAPE_NAMES.get(name, name))
    return shape_at(lon, lat) if found is None and past else found


def shaded(G: nx.MultiDiGraph) -> list[int]:
    """The shapes of the states in `G`, to be shaded on the map. A state that ended
    before the borders drawn shades today's country that holds its capital."""
    found = {
        shape_of(a["name"], a["lon"], a["lat"], past=a.get("last_day", dt.date.max).year < BORDERS_YEAR)
        for _, a in G.nodes(data=True)
        if a.get("kind") == "state"
    }
    return sorted(i for i in found if i is not None)
