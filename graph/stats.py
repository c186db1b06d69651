"""Counts that say how complete and how well sourced the data is."""

from __future__ import annotations

import pandas as pd

from . import provenance, vocab
from .load import Dataset


def stats(data: Dataset) -> dict:
    """Counts by kind, type and status, share sourced, date range, states without a tie."""
    actors, ties = data.actors, data.relations
    tied = set(ties["source"]) | set(ties["target"])
    states = actors[actors["kind"] == "state"]
    starts = ties["start"].str[:4].astype(int) if len(ties) else pd.Series(dtype=int)
    return {
        "actors": actors["kind"].value_counts().to_dict(),
        "ties": len(ties),
        "by_type": {t: int((ties["type"] == t).sum()) for t in vocab.TIE_TYPES},
        "by_status": {s: int((ties["status"] == s).sum()) for s in vocab.STATUSES},
        "begun_before_1991": int((starts < 1991).sum()),
        "sourced": float(ties["source_url"].str.match(r"^https?://").mean()) if len(ties) else 0.0,
        "first_year": int(starts.min()) if len(ties) else None,
        "last_date": max(list(ties["start"]) + [e for e in ties["end"] if e], default=None),
        "memberships": len(data.memberships),
        "organizations_with_members": int(data.memberships["organization"].nunique()),
        "states_without_ties": sorted(states.loc[~states["id"].isin(tied), "name"]),
        "recent_by_region": recent_by_region(data),
        "unconfirmed": {
            s.name: sum(
                1
                for t in ties.to_dict("records")
                if provenance.dataset_of(t["id"]) is s and provenance.known_until(t) is not None
            )
            for s in provenance.DATASETS.values()
        },
    }


RECENT = (2022, 2025)


def recent_by_region(data: Dataset) -> dict[str, int]:
    """Ties begun in 2022–2025 that touch a state of each region (a tie between two regions
    counts in both; organisations count nowhere), and states of each region with one."""
    region = dict(zip(data.actors["id"], data.actors["region"], strict=True))
    ties = data.relations[data.relations["start"].str[:4].astype(int).between(*RECENT)]
    counts = {r: 0 for r in vocab.REGIONS}
    for t in ties.to_dict("records"):
        for r in {region.get(t["source"], ""), region.get(t["target"], "")} - {""}:
            counts[r] += 1
    return counts


def stats_text(data: Dataset) -> str:
    """The counts as lines a person reads."""
    s = stats(data)
    lines = [
        "Actors: " + ", ".join(f"{n} {k}s" for k, n in sorted(s["actors"].items())),
        f"Ties: {s['ties']} (" + ", ".join(f"{k} {n}" for k, n in s["by_type"].items()) + ")",
        "By status: " + ", ".join(f"{k} {n}" for k, n in s["by_status"].items()),
        f"Begun before 1991: {s['begun_before_1991']}",
        f"With an http(s) source: {s['sourced']:.0%}",
        f"Dates: {s['first_year']} to {s['last_date']}",
        f"Memberships: {s['memberships']} in {s['organizations_with_members']} organisations",
        f"States with no tie at all ({len(s['states_without_ties'])}): "
        + (", ".join(s["states_without_ties"]) or "none"),
        f"Ties begun {RECENT[0]}–{RECENT[1]}, by region of a party: "
        + ", ".join(f"{r} {n}" for r, n in s["recent_by_region"].items()),
        "Open-ended dataset rows, unconfirmed after the dataset ends: "
        + ", ".join(f"{k} {n}" for k, n in s["unconfirmed"].items()),
    ]
    return "\n".join(lines)
