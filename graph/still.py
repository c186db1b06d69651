"""A still picture of a view, for print: drawn in Python from the layout's positions, with
the map's colours, dashes, arrows and double lines (`vocab.LINE_STYLES`), its legend and
its date. No browser is needed; the worksheet template turns it into inline SVG, every
name escaped."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import networkx as nx

from . import labels, vocab
from .layout import Positions
from .render import DENIED_ALPHA, UNSURE_ALPHA, legend, merged_lines

LABEL_PX = 9
MAX_LABELS = 60


@dataclass(frozen=True)
class Still:
    """Everything the template draws, in SVG user units (`width` × `height`)."""

    width: int
    height: int
    nodes: list[dict]
    lines: list[dict]
    labels: list[dict]
    legend: list[dict]
    title: str


def _fit(points: dict[str, tuple[float, float]], width: int, height: int, pad: int) -> dict[str, tuple[float, float]]:
    """The points scaled and centred into the picture, the same scale on both axes."""
    if not points:
        return {}
    xs, ys = [p[0] for p in points.values()], [p[1] for p in points.values()]
    scale = min((width - 2 * pad) / max(max(xs) - min(xs), 1.0), (height - 2 * pad) / max(max(ys) - min(ys), 1.0))
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {
        n: (round(width / 2 + (x - cx) * scale, 1), round(height / 2 + (y - cy) * scale, 1))
        for n, (x, y) in points.items()
    }


def _labels(G: nx.MultiDiGraph, at: dict[str, tuple[float, float]], focus: tuple[str, ...], width: int) -> list[dict]:
    """Names beside their dots, most important first, none over another (boxes tested)."""
    rank = labels.priorities(G, focus)
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for n in sorted(G, key=lambda n: -rank[n]):
        name = G.nodes[n]["name"]
        w, h = 0.56 * LABEL_PX * len(name), LABEL_PX * 1.2
        x, y = at[n]
        for bx, by in ((x + 5, y - h / 2), (x - 5 - w, y - h / 2), (x - w / 2, y - 5 - h), (x - w / 2, y + 5)):
            box = (bx, by, bx + w, by + h)
            inside = box[0] >= 0 and box[2] <= width
            if inside and not any(a < box[2] and box[0] < c and b < box[3] and box[1] < d for a, b, c, d in placed):
                placed.append(box)
                out.append({"x": round(bx, 1), "y": round(by + h * 0.8, 1), "text": name})
                break
        if len(out) >= MAX_LABELS:
            break
    return out


def still(
    G: nx.MultiDiGraph,
    positions: Positions,
    *,
    day: dt.date | None,
    focus: tuple[str, ...] = (),
    width: int = 680,
    height: int = 420,
) -> Still:
    """The picture of the view `G` (a filtered graph) at `positions`: one line per set of
    ties the map draws as one (`render.merged_lines`), states as dots and organisations as
    squares, the best-placed names, and the legend of the styles drawn."""
    at = _fit({n: positions.get(n, (0.0, 0.0)) for n in G}, width, height, 24)
    lines = []
    pairs: dict[tuple[str, str], int] = {}
    for style, u, v, status, unsure in sorted(merged_lines(G)):
        s = vocab.LINE_STYLES[style]
        (x1, y1), (x2, y2) = at[u], at[v]
        pair = (min(u, v), max(u, v))
        k = pairs.get(pair, 0)
        pairs[pair] = k + 1
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        shift = 3.0 * ((k + 1) // 2) * (1 if k % 2 else -1) if k else 0.0  # parallel lines side by side
        dx, dy = -(y2 - y1) / length * shift, (x2 - x1) / length * shift
        faded = (
            DENIED_ALPHA if status == "denied" else vocab.STATUSES[status].alpha if status in vocab.STATUSES else 1.0
        )
        alpha = min(faded, UNSURE_ALPHA if unsure else 1.0)
        lines.append(
            {
                "x1": round(x1 + dx, 1),
                "y1": round(y1 + dy, 1),
                "x2": round(x2 + dx, 1),
                "y2": round(y2 + dy, 1),
                "colour": s.colour,
                "dashes": " ".join(str(d / 2) for d in s.dashes) if s.dashes else "",
                "width": s.width / 2,
                "double": s.double,
                "arrow": s.arrow,
                "alpha": alpha,
            }
        )
    nodes = [
        {"x": at[n][0], "y": at[n][1], "square": a["kind"] == "organization", "name": a["name"]}
        for n, a in sorted(G.nodes(data=True))
    ]
    drawn = {vocab.line_style(t["type"], t.get("subtype", "")) for *_, t in G.edges(data=True)}
    title = f"As of {day:%d %B %Y}" if day else "At any date"
    return Still(width, height, nodes, lines, _labels(G, at, focus, width), legend(drawn), title)
