"""A claim's history: who said a tie held and who denied it, from which day.

`claims.csv` records each change of a contested tie (North Korean troops in Russia: denied by
Russia and North Korea in October 2024, admitted in April 2025). A change counts from the
last day of its date (a change known as "2022-11" only surely happened by 30 November); the
first change also covers the days before it, as the claim it records is about them. The
latest change is what the tie's row in relations.csv says (`load` checks it), so a view with
no date shows the row as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from . import dates, vocab

FIELDS = ("status", "claimed_by", "denied_by")


def history(rows: Iterable[Mapping[str, str]]) -> dict[str, list[dict]]:
    """The rows of claims.csv grouped by tie, each tie's changes in order of date, each
    change with the day from which it counts (`from_day`).

    >>> h = history([{"tie": "t", "date": "2024-10", "status": "alleged"}])
    >>> h["t"][0]["from_day"]
    datetime.date(2024, 10, 31)
    """
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row["tie"], []).append({**row, "from_day": dates.parse_period(row["date"])[1]})
    for changes in found.values():
        changes.sort(key=lambda c: c["from_day"])
    return found


def status_on(tie: Mapping, day: dt.date | None, changes: Sequence[Mapping] = ()) -> dict[str, str]:
    """The status, claimed_by and denied_by of `tie` on `day`: those of the latest of its
    `changes` made by then (before the first, the first's); with no day or no changes, the
    tie's own.

    >>> tie = {"status": "confirmed", "claimed_by": "KOR", "denied_by": ""}
    >>> changes = history([{"tie": "t", "date": "2024-10-21", "status": "disputed", "claimed_by": "KOR",
    ...                     "denied_by": "PRK"}, {"tie": "t", "date": "2025-04-28", **tie}])["t"]
    >>> [status_on(tie, dt.date(*day), changes)["status"] for day in ((2024, 11, 15), (2025, 4, 28))]
    ['disputed', 'confirmed']
    """
    if day is None or not changes:
        return {k: tie[k] for k in FIELDS}
    now = changes[0]
    for change in changes[1:]:
        if change["from_day"] <= day:
            now = change
    return {k: now[k] for k in FIELDS}


def changes_of(G: nx.MultiDiGraph, tie_id: str) -> list[dict]:
    """The recorded changes of one tie of `G` (none for most ties)."""
    return G.graph.get("claims", {}).get(tie_id, [])


def spoken(day: str) -> str:
    """A date of claims.csv as people write it, at its precision.

    >>> spoken("2025-04-28"), spoken("2022-11"), spoken("2015")
    ('28 April 2025', 'November 2022', '2015')
    """
    first, last = dates.parse_period(day)
    if first == last:
        return f"{first.day} {first:%B %Y}"
    return f"{first:%B %Y}" if first.month == last.month else str(first.year)


def names_of(G: nx.MultiDiGraph, ids: str) -> str:
    """Actor ids (`|`-separated) as names joined with commas and "and".

    >>> G = nx.MultiDiGraph(names={"RUS": "Russia", "PRK": "North Korea", "KOR": "South Korea"})
    >>> names_of(G, "RUS|PRK|KOR")
    'Russia, North Korea and South Korea'
    """
    names = [G.nodes[i]["name"] if i in G else G.graph.get("names", {}).get(i, i) for i in ids.split("|") if i]
    return names[0] if len(names) < 2 else ", ".join(names[:-1]) + " and " + names[-1]


def history_lines(G: nx.MultiDiGraph, tie_id: str, day: dt.date | None = None) -> list[dict]:
    """A tie's history in words, one entry per change: `text` and `url` (its source);
    `now` marks the change in force on `day`."""
    changes = changes_of(G, tie_id)
    current = None
    if day is not None and changes:
        current = changes[0]
        for change in changes[1:]:
            if change["from_day"] <= day:
                current = change
    lines = []
    for change in changes:
        said = [vocab.STATUSES[change["status"]].label]
        if change["claimed_by"]:
            said.append(f"claimed by {names_of(G, change['claimed_by'])}")
        if change["denied_by"]:
            said.append(f"denied by {names_of(G, change['denied_by'])}")
        text = f"{spoken(change['date'])}: {', '.join(said)}." + (f" {change['note']}" if change["note"] else "")
        lines.append({"text": text, "url": change["source_url"], "now": change is current})
    return lines
