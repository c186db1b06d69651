"""Who must defend whom on a day: mutual-defence treaties between two states, and the
collective-defence articles that bind every member of an organisation (NATO's Article 5,
the CSTO's Article 4, the EU's Article 42(7), the Warsaw Treaty's Article 4).

The organisations and their articles are data (`obligations.csv`); the members are those
of `memberships.csv` on the day. Every function reads the graph and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from . import dates, provenance
from .build import memberships_on


@dataclass(frozen=True)
class Obligation:
    """Two actors bound to defend each other, and why."""

    a: str
    b: str
    via: str  # the treaty's tie id, or the organisation's id
    basis: str  # in words: the treaty's title, or the article and organisation
    source_url: str
    collective: bool
    unconfirmed: bool = False  # a treaty shown past the end of its dataset (see provenance)
    one_way: bool = False  # a guarantee: `a` must defend `b`, not the other way round


# Treaty subtypes that bind a party to defend another: each the other, or the source the target.
DEFENCE = ("mutual_defense", "defense_guarantee")


def _parties(u: str, v: str, tie: dict) -> tuple[str, str]:
    """The two ends of a defence treaty: guarantor first for a guarantee, else in order."""
    if tie["subtype"] == "defense_guarantee":
        return u, v
    low, high = sorted((u, v))
    return low, high


def obligations(G: nx.MultiDiGraph, day: dt.date | None) -> list[Obligation]:
    """Every pair bound to defend each other on `day`, by a confirmed mutual-defence treaty
    in `G` or by a collective-defence article of an organisation both belong to. A treaty
    that no source confirms after its dataset ends is kept, marked `unconfirmed`."""
    found = [
        Obligation(
            *_parties(u, v, t),
            k,
            t["title"],
            t["source_url"],
            False,
            provenance.unconfirmed(t, day),
            one_way=t["subtype"] == "defense_guarantee",
        )
        for u, v, k, t in G.edges(keys=True, data=True)
        if t["type"] == "treaty" and t["subtype"] in DEFENCE and t["status"] == "confirmed"
        if dates.holds(t, day)
    ]
    members: dict[str, set[str]] = {}
    for m in memberships_on(G, day):
        members.setdefault(m["organization"], set()).add(m["member"])
    for rule in G.graph.get("obligations", []):
        if not dates.holds(rule, day):
            continue
        org = rule["organization"]
        basis = f"{rule['article']} ({G.graph.get('names', {}).get(org, org)})"
        for a, b in combinations(sorted(members.get(org, ())), 2):
            found.append(Obligation(a, b, org, basis, rule["source_url"], True))
    return found


def defenders(G: nx.MultiDiGraph, actor: str, day: dt.date | None) -> dict[str, list[Obligation]]:
    """Who must help defend `actor` on `day`: other actor → the obligations that bind them."""
    found: dict[str, list[Obligation]] = {}
    for o in obligations(G, day):
        if actor == o.b or (actor == o.a and not o.one_way):
            found.setdefault(o.b if o.a == actor else o.a, []).append(o)
    return dict(sorted(found.items()))
