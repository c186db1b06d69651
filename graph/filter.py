"""Select part of the graph: as of a date, by tie types and statuses, around a focus.

Every function returns a new graph and never changes the one it is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import networkx as nx

from . import claims, dates, provenance, vocab
from .errors import UsageError


def filter_graph(
    G: nx.MultiDiGraph,
    *,
    as_of: dt.date | None = None,
    types: Iterable[str] | None = None,
    statuses: Iterable[str] | None = None,
    focus: str | Iterable[str] | None = None,
    depth: int = 1,
    among: bool = False,
    keep_isolates: bool = False,
    minor: bool = False,
) -> nx.MultiDiGraph:
    """Return the ties in force on `as_of`, of the given types and statuses.

    A tie's status, claimants and deniers are those of `as_of` (`claims.status_on`): a tie
    denied that day and admitted later is shown, and filtered, as disputed.

    Each tie kept says whether `as_of` falls within an imprecise date (`approximate`) and
    whether it is shown past the end of the dataset it comes from (`unconfirmed`).

    With `focus` (one actor id or several), keep the ties that lead out from it: a tie
    stays when one of its ends is fewer than `depth` steps from the focus (direction
    ignored). So depth 1 shows the focus's own ties, depth 2 adds its partners' ties.
    With `among`, keep only the ties between actors of the focus (depth is not used).
    Actors left with no tie are dropped unless `keep_isolates` (the focus always stays).
    Smaller arms flows (`vocab.is_minor`) are kept only with `minor`, or when they touch the
    focus: a world view shows the major flows, a country's view all of its own.
    """
    types = set(vocab.TIE_TYPES if types is None else types)
    statuses = set(vocab.STATUSES if statuses is None else statuses)
    unknown = (types - set(vocab.TIE_TYPES)) | (statuses - set(vocab.STATUSES))
    if unknown:
        raise UsageError(f"Unknown tie type or status: {', '.join(sorted(unknown))}.")
    centre = [focus] if isinstance(focus, str) else list(focus or [])
    missing = [f for f in centre if f not in G]
    if missing:
        raise UsageError(f"There is no actor with the id {', '.join(map(repr, missing))}.")
    if depth < 1:
        raise UsageError(f"Depth must be 1 or more (got {depth}).")

    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.graph["as_of"] = as_of
    H.add_nodes_from((n, a) for n, a in G.nodes(data=True) if dates.holds(a, as_of))
    history = G.graph.get("claims", {})
    H.add_edges_from(
        (u, v, k, {**a, "approximate": dates.approximate(a, as_of), "unconfirmed": provenance.unconfirmed(a, as_of)})
        for u, v, k, a in (
            (u, v, k, {**a, **claims.status_on(a, as_of, history[k])} if k in history else a)
            for u, v, k, a in G.edges(keys=True, data=True)
        )
        if a["type"] in types and a["status"] in statuses and dates.holds(a, as_of) and u in H and v in H
        if minor or not vocab.is_minor(a) or u in centre or v in centre
    )
    if centre:
        gone = [G.nodes[f]["name"] for f in centre if f not in H]
        if gone:
            raise UsageError(f"{', '.join(gone)} did not exist on {as_of}.")
        if among:
            inside = set(centre)
            H.remove_edges_from([(u, v, k) for u, v, k in H.edges(keys=True) if u not in inside or v not in inside])
            steps = dict.fromkeys(centre, 0)
        else:
            steps = nx.multi_source_dijkstra_path_length(
                H.to_undirected(as_view=True), centre, cutoff=depth, weight=lambda u, v, d: 1
            )
            H.remove_edges_from(
                [(u, v, k) for u, v, k in H.edges(keys=True) if min(steps.get(u, depth), steps.get(v, depth)) >= depth]
            )
        H.remove_nodes_from([n for n in list(H) if n not in steps])
    if not keep_isolates:
        H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0 and n not in centre])
    return H
