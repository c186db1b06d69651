"""Which labels the map names first: focused actors, then the most tied. The placement
itself (a rectangle test against placed labels and dots, redone on every zoom) runs in
the browser, in `templates/labels.js`, where the text is measured."""

from __future__ import annotations

import networkx as nx

FOCUS_RANK = 1_000_000


def priorities(G: nx.MultiDiGraph, focus: tuple[str, ...] = ()) -> dict[str, int]:
    """A rank per actor, higher first: every focused actor above every other, then by
    the number of lines drawn to it (ties, not memberships), then by name.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("A", {"name": "A"}), ("B", {"name": "B"}), ("C", {"name": "C"})])
    >>> G.add_edge("A", "B", type="treaty"); G.add_edge("A", "C", type="treaty")
    0
    0
    >>> r = priorities(G, focus=("C",)); sorted(G, key=r.get, reverse=True)
    ['C', 'A', 'B']
    """
    degree = {n: 0 for n in G}
    for u, v, t in G.edges(data="type"):
        if t != "membership":
            degree[u] += 1
            degree[v] += 1
    by_name = sorted(G, key=lambda n: G.nodes[n].get("name", n), reverse=True)
    order = {n: i for i, n in enumerate(by_name)}  # earlier names win a tie in degree
    return {n: (FOCUS_RANK if n in focus else 0) + degree[n] * 1000 + order[n] for n in G}
