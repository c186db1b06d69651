"""Time that plays: the days a play steps through, and what changed from one frame to the next.

A play shows the view on one day after another, year by year or month by month, with the
picture holding still (positions come from the layout of the whole dataset; `extent`
gives the part of it every frame shows). What holds on a day is `dates.holds`, asked by the
filter that made each frame's graph: nothing here compares a tie's dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from .dates import years_later
from .layout import Positions

STEPS = {"year": "Year by year", "month": "Month by month"}
SPEEDS = {0.5: "0.5 s", 1.0: "1 s", 2.0: "2 s"}  # seconds a frame is shown
MAX_FRAMES = 400


def later(day: dt.date, step: str, n: int = 1) -> dt.date:
    """The day `n` steps after `day` (before it, for a negative `n`); a day the month
    reached lacks falls back to its last.

    >>> later(dt.date(1989, 11, 9), "year"), later(dt.date(1991, 1, 31), "month")
    (datetime.date(1990, 11, 9), datetime.date(1991, 2, 28))
    >>> later(dt.date(1991, 1, 15), "month", -1)
    datetime.date(1990, 12, 15)
    """
    if step == "year":
        return years_later(day, n)
    if step != "month":
        raise ValueError(f"step: got {step!r}, expected one of {', '.join(STEPS)}")
    year, month = divmod(day.year * 12 + day.month - 1 + n, 12)
    month += 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def next_day(day: dt.date, step: str, last: dt.date) -> dt.date | None:
    """The next frame's day after `day`, never past `last`; None when the play is at its end.

    >>> next_day(dt.date(2023, 4, 4), "year", dt.date(2024, 3, 7))
    datetime.date(2024, 3, 7)
    >>> next_day(dt.date(2024, 3, 7), "year", dt.date(2024, 3, 7)) is None
    True
    """
    return None if day >= last else min(later(day, step), last)


def frame_days(first: dt.date, last: dt.date, step: str) -> list[dt.date]:
    """Every frame's day from `first` to `last` (both included), at most MAX_FRAMES.

    >>> [d.isoformat() for d in frame_days(dt.date(1990, 10, 3), dt.date(1991, 12, 26), "month")][-3:]
    ['1991-11-03', '1991-12-03', '1991-12-26']
    """
    days = [first]
    while len(days) < MAX_FRAMES and (day := next_day(days[-1], step, last)) is not None:
        days.append(day)
    return days


@dataclass(frozen=True)
class Change:
    """Between two frames: the ids of the lines (ties and membership links) drawn in the
    second and not the first (begun), and the reverse (ended)."""

    begun: frozenset[str]
    ended: frozenset[str]


def change(before: nx.MultiDiGraph, after: nx.MultiDiGraph) -> Change:
    """What `after` (a frame's drawn graph) shows that `before` did not, and the reverse.

    >>> a, b = nx.MultiDiGraph(), nx.MultiDiGraph()
    >>> _ = a.add_edge("X", "Y", key="old"); _ = b.add_edge("X", "Z", key="new")
    >>> change(a, b)
    Change(begun=frozenset({'new'}), ended=frozenset({'old'}))
    """
    first = {k for *_, k in before.edges(keys=True)}
    second = {k for *_, k in after.edges(keys=True)}
    return Change(frozenset(second - first), frozenset(first - second))


def with_ended(after: nx.MultiDiGraph, before: nx.MultiDiGraph, ended: Iterable[str]) -> nx.MultiDiGraph:
    """A copy of `after` that also draws the lines of `before` named in `ended`, each
    marked `ended` (and its ends, if `after` lacks them): shown pale for one frame."""
    ended = set(ended)
    if not ended:
        return after
    D = after.copy()
    for u, v, k, a in before.edges(keys=True, data=True):
        if k in ended:
            for n in (u, v):
                if n not in D:
                    D.add_node(n, **before.nodes[n])
            D.add_edge(u, v, key=k, **{**a, "ended": True})
    return D


def extent(graphs: Iterable[nx.MultiDiGraph], positions: Positions) -> tuple[float, float, float, float] | None:
    """The box (x0, y0, x1, y1) around every actor any of `graphs` draws; None if none does.

    >>> G = nx.MultiDiGraph(); G.add_nodes_from(["A", "B"])
    >>> extent([G], {"A": (0.0, 5.0), "B": (-3.0, 1.0)})
    (-3.0, 1.0, 0.0, 5.0)
    """
    points = [positions[n] for g in graphs for n in g if n in positions]
    if not points:
        return None
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))
