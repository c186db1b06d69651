"""One dataset ready to draw: its graph, the positions of every layout and its cut-off."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import networkx as nx

from .build import build
from .layout import LAYOUTS, Positions
from .load import Dataset
from .view import latest_date


class World(NamedTuple):
    """What the app draws from: built once per dataset and shared by every user."""

    graph: nx.MultiDiGraph
    layouts: dict[str, Positions]
    cutoff: dt.date


def prepare(data: Dataset) -> World:
    """Build `data` and lay it out in every layout."""
    G = build(data)
    return World(G, {name: layout(G) for name, layout in LAYOUTS.items()}, latest_date(G))
