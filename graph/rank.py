"""'Who matters most?': rankings by number of ties, bridging and well-tied partners."""

from __future__ import annotations

import networkx as nx

from . import vocab
from .errors import UsageError
from .narrate import name
from .pairs import pair_graph

MEASURES = {
    "ties": "Counts every tie an actor has in this view. More ties, more involvement.",
    "betweenness": (
        "How often an actor lies on the shortest chain between two others. A high score marks a "
        "bridge between camps: without it, others would be further apart."
    ),
    "eigenvector": "High when an actor is tied to actors who are themselves well tied: influence by company.",
    "pagerank": (
        "Like eigenvector, but each actor passes on its standing split among its partners, the way "
        "Google once ranked web pages: a tie from a selective, well-tied actor counts more."
    ),
}


def rank(H: nx.MultiDiGraph, measure: str = "ties", *, top: int = 10) -> list[dict]:
    """The `top` actors by `measure` (one of MEASURES) in the view `H`.

    Each row: actor, name, score, and for "ties" the count per tie type.
    """
    if measure not in MEASURES:
        raise UsageError(f"Unknown measure {measure!r}; expected one of: {', '.join(MEASURES)}.")
    if top < 1:
        raise UsageError("--top must be 1 or more.")
    P = pair_graph(H)
    if P.number_of_edges() == 0:
        return []
    if measure == "ties":
        scores = dict(H.degree())
    elif measure == "betweenness":
        scores = nx.betweenness_centrality(P, normalized=True)
    elif measure == "eigenvector":
        scores = _per_component(P, lambda g: nx.eigenvector_centrality(g, weight="weight", max_iter=2000, tol=1e-8))
    else:
        scores = nx.pagerank(P, weight="weight")
    order = sorted(scores, key=lambda n: (-scores[n], name(H, n)))[:top]
    rows = []
    for n in order:
        row = {"actor": n, "name": name(H, n), "score": round(float(scores[n]), 4)}
        if measure == "ties":
            for t in vocab.TIE_TYPES:
                row[t] = sum(1 for *_, k in H.edges(n, data="type") if k == t) + sum(
                    1 for *_, k in H.in_edges(n, data="type") if k == t
                )
        rows.append(row)
    return rows


def _per_component(P: nx.Graph, measure) -> dict:
    """Eigenvector centrality is defined per connected piece; weight each by its size."""
    scores = dict.fromkeys(P, 0.0)
    for nodes in nx.connected_components(P):
        if len(nodes) < 2:
            continue
        part = measure(P.subgraph(nodes)) if len(nodes) > 2 else dict.fromkeys(nodes, 0.5**0.5)
        share = len(nodes) / P.number_of_nodes()
        scores.update({n: abs(v) * share for n, v in part.items()})
    return scores
