"""'How is North Korea tied to the war in Ukraine?': every shortest chain of ties."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

from . import defence, vocab
from .errors import UsageError
from .narrate import name, phrase
from .pairs import pair_graph


@dataclass(frozen=True)
class Hop:
    """One step of a path: from one actor to the next, by one tie (others noted)."""

    source: str
    target: str
    tie: dict
    also: int  # further ties between the same two actors
    bound: tuple[str, ...] = ()  # what binds the two to defend each other that day, if anything

    def words(self) -> str:
        more = f" (+{self.also} more)" if self.also else ""
        duty = f"; bound to defend each other by {' and '.join(self.bound)}" if self.bound else ""
        return f"{phrase(self.tie, self.source)}{more}{duty}"


@dataclass(frozen=True)
class Path:
    actors: list[str]
    hops: list[Hop]

    def story(self, G: nx.Graph) -> str:
        """'North Korea — has a mutual defense treaty with (2024–) — Russia — …'."""
        parts = [name(G, self.actors[0])]
        for hop in self.hops:
            parts += [hop.words(), name(G, hop.target)]
        return " — ".join(parts)


def _best(ties: list[dict]) -> dict:
    """When a pair shares several ties, the hop is told by the one that says most: a confirmed
    one, by `vocab.TieType.telling`, the earliest."""
    return min(
        ties, key=lambda t: (t["status"] != "confirmed", vocab.TIE_TYPES[t["type"]].telling, t["start"], t["id"])
    )


def shortest_paths(H: nx.MultiDiGraph, a: str, b: str, *, limit: int = 10) -> list[Path]:
    """All shortest chains of ties from `a` to `b` in the view `H` (at most `limit`).

    Ties count in either direction: a chain is about being connected, not about who
    acts on whom; each hop says which way its tie points.
    """
    for end in (a, b):
        if end not in H:
            raise UsageError(f"{name(H, end)} has no tie in this view (or {end!r} is not an actor id).")
    if a == b:
        raise UsageError("Pick two different actors.")
    P = pair_graph(H)
    try:
        found = list(islice(nx.all_shortest_paths(P, a, b), limit))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: [name(H, n) for n in p])
    duties: dict[frozenset[str], list[str]] = {}
    for o in defence.obligations(H, H.graph.get("as_of")):
        if o.collective and not o.one_way:
            duties.setdefault(frozenset((o.a, o.b)), []).append(o.basis)
    paths = []
    for actors in found:
        hops = []
        for u, v in zip(actors, actors[1:], strict=False):
            ties = P[u][v]["ties"]
            hops.append(Hop(u, v, _best(ties), len(ties) - 1, tuple(duties.get(frozenset((u, v)), ()))))
        paths.append(Path(actors, hops))
    return paths


def path_ties(paths: list[Path]) -> set[str]:
    """The ids of the ties the paths run along, to highlight them."""
    return {hop.tie["id"] for p in paths for hop in p.hops}
