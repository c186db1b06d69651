"""Turn a validated Dataset into a networkx MultiDiGraph.

Nodes are actor ids. Each tie is one edge keyed by its relation id, so several
ties between the same pair all survive. A symmetric tie (treaty, conflict) is one
edge with ``directed=False``: its direction carries no meaning, and degree and
neighbours count it once for each end, as they should.
Memberships are not ties: they live in ``G.graph["memberships"]``.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx

from . import dates, vocab
from .load import Dataset

FAR_PAST = dt.date(1800, 1, 1)
FAR_FUTURE = dt.date(9999, 12, 31)


def _days(start: str, end: str) -> tuple[dt.date, dt.date]:
    first = dates.parse_period(start)[0] if start else FAR_PAST
    last = dates.parse_period(end)[1] if end else FAR_FUTURE
    return first, last


def build(data: Dataset) -> nx.MultiDiGraph:
    """Build the graph of every actor, tie and membership in `data`."""
    G = nx.MultiDiGraph()
    for actor in data.actors.to_dict("records"):
        first, last = _days(actor["start"], actor["end"])
        attrs = {
            **actor,
            "lat": float(actor["lat"]),
            "lon": float(actor["lon"]),
            "aliases": [a.strip() for a in actor["aliases"].split("|") if a.strip()],
            "first_day": first,
            "last_day": last,
        }
        G.add_node(actor["id"], **attrs)
    for tie in data.relations.to_dict("records"):
        first, last = _days(tie["start"], tie["end"])
        attrs = {**tie, "directed": vocab.TIE_TYPES[tie["type"]].directed, "first_day": first, "last_day": last}
        G.add_edge(tie["source"], tie["target"], key=tie["id"], **attrs)
    memberships = []
    for m in data.memberships.to_dict("records"):
        first, last = _days(m["joined"], m["left"])
        memberships.append({**m, "first_day": first, "last_day": last})
    G.graph["memberships"] = memberships
    G.graph["names"] = dict(zip(data.actors["id"], data.actors["name"], strict=True))
    return G


def organizations_of(G: nx.MultiDiGraph, actor: str, day: dt.date | None = None) -> list[dict]:
    """The memberships of `actor`, only those in force on `day` when given."""
    return [
        m
        for m in G.graph.get("memberships", [])
        if m["member"] == actor and (day is None or m["first_day"] <= day <= m["last_day"])
    ]
