"""The answers the app's tabs show about one view, as plain data that a cache can keep.

Each function takes the filtered graph of a view and returns small records of names and
rows: the app only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .balance import balance, describe
from .blocs import blocs
from .paths import path_ties, shortest_paths
from .rank import rank


@dataclass(frozen=True)
class Chain:
    """One shortest chain of ties between two actors."""

    story: str  # in words: 'North Korea — has a treaty with … — Russia — …'
    ties: list[dict]  # the tie of each hop, as rows with title, start and source_url
    ids: frozenset[str]  # every tie of the chain, for the map to highlight


@dataclass(frozen=True)
class Camp:
    """A bloc, named, with its members' names and the organisation it matches best."""

    label: str
    members: list[str]
    closest: str | None
    overlap: float


@dataclass(frozen=True)
class BalanceSummary:
    balanced: int
    unbalanced: int
    ratio: float | None
    telling: list[str]  # unbalanced triangles in words


def chains(H: nx.MultiDiGraph, a: str, b: str) -> list[Chain]:
    """The shortest chains of ties from `a` to `b`; raises UsageError for an unknown actor."""
    return [Chain(p.story(H), [h.tie for h in p.hops], frozenset(path_ties([p]))) for p in shortest_paths(H, a, b)]


def camps(H: nx.MultiDiGraph) -> list[Camp]:
    """The camps of `H` (`blocs.blocs`), with names instead of ids."""
    return [Camp(b.label, [H.nodes[n]["name"] for n in b.members], b.closest_organization, b.overlap) for b in blocs(H)]


def balance_summary(H: nx.MultiDiGraph) -> BalanceSummary:
    """How many triangles of `H` are balanced, and the telling unbalanced ones in words."""
    result = balance(H)
    return BalanceSummary(result.balanced, result.unbalanced, result.ratio, [describe(H, t) for t in result.telling])


def leaders(H: nx.MultiDiGraph, measure: str, top: int) -> list[dict]:
    """The `top` actors of `H` by `measure` (`rank.MEASURES`)."""
    return rank(H, measure, top=top)
