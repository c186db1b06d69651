"""'What changed?': ties begun and ended between two dates, and ties per type per year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import networkx as nx

from . import vocab
from .dates import holds
from .errors import UsageError


@dataclass(frozen=True)
class Diff:
    begun: list[dict]
    ended: list[dict]
    joined: list[dict]
    left: list[dict]

    @property
    def empty(self) -> bool:
        return not (self.begun or self.ended or self.joined or self.left)


def diff(G: nx.MultiDiGraph, first: dt.date, second: dt.date, *, types=None, statuses=None) -> Diff:
    """Ties in force on `second` but not on `first` (begun) and the reverse (ended); the same
    for memberships. Filters by types and statuses like the view."""
    if first > second:
        raise UsageError(f"The first date ({first}) must not be after the second ({second}).")
    types = set(vocab.TIE_TYPES if types is None else types)
    statuses = set(vocab.STATUSES if statuses is None else statuses)
    ties = [t for _, _, t in G.edges(data=True) if t["type"] in types and t["status"] in statuses]
    begun = sorted((t for t in ties if holds(t, second) and not holds(t, first)), key=lambda t: (t["start"], t["id"]))
    ended = sorted((t for t in ties if holds(t, first) and not holds(t, second)), key=lambda t: (t["end"], t["id"]))
    members = G.graph.get("memberships", [])
    joined = [m for m in members if holds(m, second) and not holds(m, first)]
    left = [m for m in members if holds(m, first) and not holds(m, second)]
    return Diff(begun, ended, joined, left)


def ties_per_year(G: nx.MultiDiGraph, years: range, *, statuses=None) -> list[dict]:
    """How many ties of each type were in force on 1 July of each year."""
    statuses = set(vocab.STATUSES if statuses is None else statuses)
    ties = [t for _, _, t in G.edges(data=True) if t["status"] in statuses]
    rows = []
    for year in years:
        day = dt.date(year, 7, 1)
        row = {"year": year, **dict.fromkeys(vocab.TIE_TYPES, 0)}
        for t in ties:
            if holds(t, day):
                row[t["type"]] += 1
        rows.append(row)
    return rows
