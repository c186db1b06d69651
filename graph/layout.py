"""Node positions, computed once in Python so the drawing appears at once and holds still."""

from __future__ import annotations

import math

import networkx as nx

Positions = dict[str, tuple[float, float]]


def force_layout(G: nx.MultiDiGraph, *, seed: int = 7, spacing: float = 120.0) -> Positions:
    """Spring-layout positions in pixels for every node of `G`, the same for the same input.

    Compute it over the whole dataset, not a filtered view, so that a node keeps its
    place whatever the filters show. Actors without any tie wait on a ring outside.
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(n for n in G if G.degree(n)))
    for u, v in sorted(G.edges()):
        ties = simple.get_edge_data(u, v, {"ties": 0})["ties"] + 1
        # Pairs with many ties sit further apart, to leave room for their curves.
        simple.add_edge(u, v, ties=ties, length=1.0 + 0.6 * (ties - 1))
    positions: Positions = {}
    size = spacing * math.sqrt(max(len(simple), 1))
    if len(simple):
        start = nx.spring_layout(simple, k=2.0 / math.sqrt(len(simple)), iterations=100, seed=seed, weight=None)
        raw = nx.kamada_kawai_layout(simple, pos=start, weight="length")
        positions = {n: (round(float(x) * size, 1), round(float(-y) * size, 1)) for n, (x, y) in raw.items()}
    lonely = sorted(n for n in G if n not in positions)
    radius = size * 1.25
    for i, n in enumerate(lonely):
        angle = 2 * math.pi * i / len(lonely)
        positions[n] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return positions
