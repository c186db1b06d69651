"""'Is the enemy of my enemy my friend?': structural balance of the signed ties."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from . import vocab
from .narrate import name, what, when
from .pairs import pair_graph, sign

THEORY = (
    "Balance theory (Fritz Heider, 1946) says that a triangle of three actors is stable when "
    "'the friend of my friend is my friend' and 'the enemy of my enemy is my friend': all three "
    "on good terms, or two on good terms and both hostile to the third. A triangle in which two "
    "friends of one actor are enemies of each other, or in which all three are enemies, is "
    "unbalanced: something has to give. Here treaties and arms supplies count as friendly ties, "
    "sanctions and conflicts as hostile ones; a pair with both counts as whichever it has more of."
)


@dataclass(frozen=True)
class Triangle:
    actors: tuple[str, str, str]
    signs: tuple[int, int, int]  # of the pairs (a,b), (b,c), (a,c)
    ties: tuple[dict, dict, dict]  # one telling tie per pair

    @property
    def balanced(self) -> bool:
        return self.signs[0] * self.signs[1] * self.signs[2] > 0


@dataclass(frozen=True)
class Balance:
    balanced: int
    unbalanced: int
    telling: list[Triangle]  # unbalanced triangles among the best-tied actors

    @property
    def ratio(self) -> float | None:
        total = self.balanced + self.unbalanced
        return self.balanced / total if total else None


def signed_graph(H: nx.MultiDiGraph) -> nx.Graph:
    """One signed edge per pair: +1 mostly cooperative, −1 mostly hostile (even pairs left out)."""
    P = pair_graph(H)
    S = nx.Graph()
    S.add_nodes_from(P.nodes(data=True))
    for u, v, d in P.edges(data=True):
        s = sign(d["ties"])
        if s:
            kinds = [t for t in d["ties"] if vocab.TIE_TYPES[t["type"]].cooperative == (s > 0)]
            telling = max(kinds, key=lambda t: (t["start"], t["id"]))
            S.add_edge(u, v, sign=s, tie=telling)
    return S


def triangles(S: nx.Graph):
    """Every triangle of the signed graph, each once."""
    order = {n: i for i, n in enumerate(sorted(S))}
    for a in S:
        for b, c in combinations(sorted((n for n in S[a] if order[n] > order[a]), key=order.__getitem__), 2):
            if S.has_edge(b, c):
                yield (a, b, c)


def balance(H: nx.MultiDiGraph, *, top: int = 5) -> Balance:
    """Count balanced and unbalanced triangles; list the most telling unbalanced ones."""
    S = signed_graph(H)
    found = []
    for a, b, c in triangles(S):
        edges = (S[a][b], S[b][c], S[a][c])
        found.append(Triangle((a, b, c), tuple(e["sign"] for e in edges), tuple(e["tie"] for e in edges)))
    unbalanced = [t for t in found if not t.balanced]
    degree = dict(H.degree())
    unbalanced.sort(key=lambda t: (-sum(degree[n] for n in t.actors), t.actors))
    return Balance(len(found) - len(unbalanced), len(unbalanced), unbalanced[:top])


def describe(H: nx.MultiDiGraph, t: Triangle) -> str:
    """An unbalanced triangle in words."""
    a, b, c = t.actors
    words = {1: "friendly", -1: "hostile"}
    pairs = ((a, b, 0), (b, c, 1), (a, c, 2))
    return "; ".join(
        f"{name(H, x)}–{name(H, y)} {words[t.signs[i]]}: {what(t.ties[i])} {when(t.ties[i])}" for x, y, i in pairs
    )


def balance_by_year(G: nx.MultiDiGraph, years: range, *, filter_fn) -> list[dict]:
    """The balance ratio on 1 July of each year, using `filter_fn(G, as_of=day)` for the view."""
    rows = []
    for year in years:
        result = balance(filter_fn(G, as_of=dt.date(year, 7, 1)), top=0)
        rows.append({"year": year, "balanced": result.balanced, "unbalanced": result.unbalanced, "ratio": result.ratio})
    return rows
