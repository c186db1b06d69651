"""'Which camps are there?': communities of cooperation, named and compared with organisations."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from . import vocab
from .build import memberships_on
from .narrate import name
from .pairs import pair_graph

SEED = 42
LEAD = 0.35  # a second member names the camp if it has at least this share of the first's ties


@dataclass(frozen=True)
class Bloc:
    number: int
    members: list[str]  # actor ids, most central first
    label: str  # named by its most central members
    closest_organization: str | None
    overlap: float  # Jaccard similarity with that organisation's members


def blocs(H: nx.MultiDiGraph, *, seed: int = SEED, resolution: float = 1.0) -> list[Bloc]:
    """Louvain communities over the cooperative ties (treaties, arms supply) of `H`.

    Deterministic for a given seed. Actors with no cooperative tie are left out; blocs are
    ordered by size. Each is compared with the memberships in force at the view's date.
    """
    coop = nx.MultiDiGraph()
    coop.graph.update(H.graph)
    coop.add_edges_from(
        (u, v, k, d) for u, v, k, d in H.edges(keys=True, data=True) if vocab.TIE_TYPES[d["type"]].cooperative
    )
    P = pair_graph(coop)
    if P.number_of_edges() == 0:
        return []
    communities = nx.community.louvain_communities(P, weight="weight", seed=seed, resolution=resolution)
    degree = dict(P.degree(weight="weight"))
    orgs = _organizations(H)
    result = []
    ordered = sorted(communities, key=lambda c: (-len(c), sorted(c)))
    for i, members in enumerate(ordered, start=1):
        ranked = sorted(members, key=lambda n: (-degree[n], n))
        label = _label(H, ranked, degree)
        best, score = None, 0.0
        for org, org_members in sorted(orgs.items()):
            jaccard = len(members & org_members) / len(members | org_members)
            if jaccard > score:
                best, score = org, jaccard
        result.append(Bloc(i, ranked, label, name(H, best) if best else None, round(score, 2)))
    return result


def _label(H: nx.MultiDiGraph, ranked: list[str], degree: dict[str, float]) -> str:
    """A camp named by its leading members: the best-tied one, and the next only if it
    leads too (at least LEAD times as many ties), so a hub's camp is not named after a spoke."""
    leaders = ranked[:1] + [n for n in ranked[1:2] if degree[n] >= LEAD * degree[ranked[0]]]
    return " / ".join(name(H, n) for n in leaders) + (" bloc" if len(ranked) > 2 else "")


def _organizations(H: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Members of each organisation at the view's date; near-universal ones (the UN) say
    nothing about camps and are left out."""
    orgs: dict[str, set[str]] = {}
    for m in memberships_on(H, H.graph.get("as_of")):
        orgs.setdefault(m["organization"], set()).add(m["member"])
    states = sum(1 for _, kind in H.nodes(data="kind") if kind == "state")
    return {org: members for org, members in orgs.items() if len(members) <= max(states, 1) / 2}


def bloc_of(found: list[Bloc]) -> dict[str, int]:
    """Actor id → bloc number, for colouring the drawing."""
    return {n: b.number for b in found for n in b.members}
