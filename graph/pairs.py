"""Collapse the ties to one undirected edge per pair of actors, for the analyses."""

from __future__ import annotations

import networkx as nx

from . import vocab


def pair_graph(H: nx.MultiDiGraph) -> nx.Graph:
    """One edge per pair that shares a tie: `ties` lists them, `weight` counts them.

    Direction is dropped: for "who is tied to whom" a sanction binds the two as surely
    as a treaty does. Actors keep their attributes.
    """
    P = nx.Graph()
    P.add_nodes_from(H.nodes(data=True))
    for u, v, tie in H.edges(data=True):
        if P.has_edge(u, v):
            P[u][v]["ties"].append(tie)
            P[u][v]["weight"] += 1
        else:
            P.add_edge(u, v, ties=[tie], weight=1)
    return P


def sign(ties: list[dict]) -> int:
    """+1 when a pair's ties are mostly cooperative, −1 when mostly hostile, 0 when even.

    >>> sign([{"type": "treaty"}, {"type": "sanctions"}, {"type": "arms_supply"}])
    1
    """
    score = sum(1 if vocab.TIE_TYPES[t["type"]].cooperative else -1 for t in ties)
    return (score > 0) - (score < 0)
