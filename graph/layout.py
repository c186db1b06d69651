"""Node positions, computed once in Python so the drawing appears at once and holds still."""

from __future__ import annotations

import math
from collections.abc import Callable

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from .geo import project

Positions = dict[str, tuple[float, float]]
KAMADA_KAWAI_LIMIT = 400
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


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
        k = 2.0 / math.sqrt(len(simple))
        if len(simple) > KAMADA_KAWAI_LIMIT:  # an upload: a round must not compare every pair
            raw = spring_grid(simple, k=k, iterations=100, seed=seed)
        else:  # the shipped world: Kamada–Kawai's cost grows with the square of the actors
            raw = nx.spring_layout(simple, k=k, iterations=100, seed=seed, weight=None)
            raw = nx.kamada_kawai_layout(simple, pos=raw, weight="length")
        positions = {n: (round(float(x) * size, 1), round(float(-y) * size, 1)) for n, (x, y) in raw.items()}
    lonely = sorted(n for n in G if n not in positions)
    radius = size * 1.25
    for i, n in enumerate(lonely):
        angle = 2 * math.pi * i / len(lonely)
        positions[n] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return positions


def near_pairs(xy: np.ndarray, radius: float) -> np.ndarray:
    """Every pair of rows of `xy` closer than `radius`, as an (m, 2) array of indices.

    A k-d tree finds them in about N log N, where comparing every pair costs N squared.
    """
    return cKDTree(xy).query_pairs(radius, output_type="ndarray")


def spring_grid(G: nx.Graph, *, k: float, iterations: int = 100, seed: int = 7) -> dict:
    """A force layout in Fruchterman and Reingold's grid variant: actors push apart only
    those within 2k of them, and ties pull their two ends together. A round costs about
    N log N (the k-d tree of `near_pairs`) plus the ties, instead of N squared.

    Positions in [-1, 1], centred, the same for the same graph and seed.
    """
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    ends = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.intp).reshape(-1, 2)
    # Start as spread out as the layout will end (about k between neighbours), so that the
    # ties' pull does not first crowd everyone into the middle, where all are near.
    side = k * math.sqrt(len(nodes))
    xy = np.random.default_rng(seed).random((len(nodes), 2)) * side
    heat = 0.1 * side  # the furthest a node may move in a round, cooling to nothing
    cooling = heat / (iterations + 1)
    count = len(nodes)
    for _ in range(iterations):
        pairs = near_pairs(xy, 2 * k)
        a = np.concatenate([pairs[:, 0], ends[:, 0]])
        b = np.concatenate([pairs[:, 1], ends[:, 1]])
        delta = xy[a] - xy[b]
        distance = np.sqrt(np.maximum((delta**2).sum(axis=1), 1e-8))
        near, tied = distance[: len(pairs)], distance[len(pairs) :]
        # Near actors push apart by k²/d; a tie pulls its ends together by k·log(1 + d/k),
        # Eades' spring: a long tie pulls gently, so that a world of far-flung ties does not
        # crush everyone into the middle (where all would be near, and a round slow).
        strength = np.concatenate([k * k / near**2, -k * np.log1p(tied / k) / tied])
        force = strength[:, None] * delta
        push = np.stack(
            [np.bincount(a, force[:, c], count) - np.bincount(b, force[:, c], count) for c in (0, 1)], axis=1
        )
        length = np.maximum(np.sqrt((push**2).sum(axis=1)), 0.01)[:, None]
        xy += push * heat / length
        heat -= cooling
    xy -= xy.mean(axis=0)
    xy /= max(float(np.abs(xy).max()), 1e-9)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy, strict=True)}


def geo_layout(G: nx.MultiDiGraph, *, gap: float = 16.0, rounds: int = 80) -> Positions:
    """Each actor at its capital (or headquarters), in the Equal Earth projection of the
    base map (`geo.project`), so that a dot sits on its country.

    A few rounds then push apart actors closer than `gap` map units, so that dots in
    crowded regions (Europe, the Caribbean) do not hide each other; the gap is small, so
    every dot stays on or beside its country. Deterministic: no randomness.
    """
    ids = sorted(G)
    xy = {n: list(project(G.nodes[n]["lon"], G.nodes[n]["lat"])) for n in ids}
    # Actors at one spot (an upload may put thousands there) start on a sunflower spiral
    # around it, so each grid cell below holds a few of them and a round stays close to
    # linear in the number of actors, instead of comparing every pair at that spot.
    spots: dict[tuple[float, float], list[str]] = {}
    for n in ids:
        spots.setdefault((xy[n][0], xy[n][1]), []).append(n)
    for (x, y), here in spots.items():
        for k, n in enumerate(here[1:], start=1):
            angle, radius = k * GOLDEN_ANGLE, gap * 0.6 * math.sqrt(k)
            xy[n] = [x + radius * math.cos(angle), y + radius * math.sin(angle)]
    for _ in range(rounds):
        moved = False
        cells: dict[tuple[int, int], list[str]] = {}
        for n in ids:
            cells.setdefault((int(xy[n][0] // gap), int(xy[n][1] // gap)), []).append(n)
        for (cx, cy), members in sorted(cells.items()):
            near = [m for dx in (-1, 0, 1) for dy in (-1, 0, 1) for m in cells.get((cx + dx, cy + dy), [])]
            for a in members:
                for b in near:
                    if b <= a:
                        continue
                    dx, dy = xy[b][0] - xy[a][0], xy[b][1] - xy[a][1]
                    dist = math.hypot(dx, dy)
                    if dist >= gap:
                        continue
                    if dist == 0:  # same spot: part them along a fixed direction
                        dx, dy, dist = 1.0, 0.5, math.hypot(1.0, 0.5)
                    push = (gap - dist) / 2 / dist
                    xy[a][0] -= dx * push
                    xy[a][1] -= dy * push
                    xy[b][0] += dx * push
                    xy[b][1] += dy * push
                    moved = True
        if not moved:
            break
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in xy.items()}


# Each takes the whole graph and gives every actor a place, the same for the same input.
LAYOUTS: dict[str, Callable[[nx.MultiDiGraph], Positions]] = {"force": force_layout, "geo": geo_layout}
