"""Turn a validated Dataset into a networkx MultiDiGraph.

Nodes are actor ids. Each tie is one edge keyed by its relation id, so several
ties between the same pair all survive. A symmetric tie (treaty, conflict) is one
edge with ``directed=False``: its direction carries no meaning, and degree and
neighbours count it once for each end, as they should.
Memberships are not ties: they live in ``G.graph["memberships"]``; the history of
contested ties (claims.csv) in ``G.graph["claims"]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import networkx as nx
import pandas as pd

from . import claims, dates, provenance, vocab
from .load import Dataset


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a validated table, as dicts keyed by column name."""
    return cast("list[dict[str, Any]]", frame.to_dict("records"))


def build(data: Dataset) -> nx.MultiDiGraph:
    """Build the graph of every actor, tie and membership in `data`."""
    G = nx.MultiDiGraph()
    for actor in _records(data.actors):
        attrs = {
            **actor,
            "lat": float(actor["lat"]),
            "lon": float(actor["lon"]),
            "aliases": [a.strip() for a in actor["aliases"].split("|") if a.strip()],
            **dates.lifetime(actor["start"], actor["end"]),
        }
        G.add_node(actor["id"], **attrs)
    for tie in _records(data.relations):
        attrs = {
            **tie,
            "directed": vocab.TIE_TYPES[tie["type"]].directed,
            **dates.lifetime(tie["start"], tie["end"]),
            "known_until": provenance.known_until(tie),
        }
        G.add_edge(tie["source"], tie["target"], key=tie["id"], **attrs)
    memberships = []
    for m in _records(data.memberships):
        memberships.append({**m, **dates.lifetime(m["joined"], m["left"])})
    G.graph["memberships"] = memberships
    G.graph["obligations"] = [{**o, **dates.lifetime(o["since"], o["until"])} for o in _records(data.obligations)]
    # A claim's history lives beside the ties (keyed by tie id), not on them: exports carry
    # a tie's attributes as plain values, and `filter_graph` gives each tie its day's status.
    G.graph["claims"] = claims.history(_records(data.claims))
    G.graph["names"] = dict(zip(data.actors["id"], data.actors["name"], strict=True))
    return G


def memberships_on(G: nx.MultiDiGraph, day: dt.date | None) -> list[dict]:
    """The memberships in force on `day` (all of them when no day is given)."""
    return [m for m in G.graph.get("memberships", []) if dates.holds(m, day)]


def organizations_of(G: nx.MultiDiGraph, actor: str, day: dt.date | None = None) -> list[dict]:
    """The memberships of `actor`, only those in force on `day` when given."""
    return [m for m in memberships_on(G, day) if m["member"] == actor]
