"""Where a tie comes from, and until when its source speaks for it.

Rows derived from a research dataset (`python -m graph import …`) are only as current as
the dataset: ATOP v4.01 ends in 2016, the UCDP/PRIO Armed Conflict Dataset v25.1 in 2024,
the SIPRI Arms Transfers Database export used here (February 2026) with deliveries to 2024.
A derived tie with no `end` is therefore known to
hold only to its dataset's last day. After that it is *unconfirmed* — drawn, listed and
described as such — unless a curator read a later page that says whether it still held,
and wrote it in `checked_url` (with `checked_on`, the day that page speaks of, or an `end`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from .dates import span


@dataclass(frozen=True)
class Source:
    """A research dataset that rows are derived from."""

    name: str
    mark: str  # what the importer puts in the ids it writes
    last_day: dt.date  # the last day its data covers
    # Whether its open-ended rows of the most-watched states are checked by hand (audit rule
    # `unchecked`): alliances and wars are; arms flows are confirmed by SIPRI's next release.
    hand_checked: bool = True


DATASETS: dict[str, Source] = {
    s.mark: s
    for s in (
        Source("ATOP v4.01", "atop-", dt.date(2016, 12, 31)),
        Source("UCDP/PRIO Armed Conflict Dataset v25.1", "ucdp-", dt.date(2024, 12, 31)),
        Source("SIPRI Arms Transfers Database", "-arms-sipri-", dt.date(2024, 12, 31), hand_checked=False),
    )
}


def dataset_of(tie_id: str) -> Source | None:
    """The dataset a row was derived from, known by the importer's mark in its id.

    >>> dataset_of("atop-4875-rus-ukr").name
    'ATOP v4.01'
    >>> dataset_of("rus-prk-treaty-2024") is None
    True
    """
    for mark, source in DATASETS.items():
        if tie_id.startswith(mark) or (mark.startswith("-") and mark in tie_id):
            return source
    return None


def known_until(tie: Mapping) -> dt.date | None:
    """The last day a source vouches for an open-ended tie, or None when nothing limits it
    (a curated row, a row with an end, or a derived row a curator checked).

    >>> known_until({"id": "atop-4875-rus-ukr", "end": "", "checked_url": ""})
    datetime.date(2016, 12, 31)
    >>> known_until({"id": "atop-4875-rus-ukr", "end": "2019-04-01", "checked_url": "https://x.org"}) is None
    True
    """
    if tie.get("end") or tie.get("checked_url"):
        return None
    source = dataset_of(tie["id"])
    return source.last_day if source else None


def unconfirmed(tie: Mapping, day: dt.date | None) -> bool:
    """Whether `tie` is shown on `day` only because nobody has seen it end: after the last
    day of the dataset it comes from, with no later page that confirms it."""
    until = tie.get("known_until")
    return day is not None and until is not None and day > until


def caveat(tie: Mapping) -> str:
    """The words that say why a tie is unconfirmed, for tooltips, tables and profiles."""
    source = dataset_of(tie["id"])
    if source is None:
        return ""
    return (
        f"Unconfirmed after {source.last_day.year}: {source.name} ends then, "
        "and no later page we have read says whether it still holds."
    )


def notes(tie: Mapping) -> list[str]:
    """What a reader must know about a tie's dates on the view's day: that the day falls
    within an imprecise date (`approximate`), or past the end of the tie's dataset
    (`unconfirmed`). Both flags are set by the filter for its day.

    >>> notes({"id": "x", "start": "2024", "end": "", "approximate": True, "unconfirmed": False})
    ['Dates known only as since 2024: on this day it may not have begun, or may have ended.']
    """
    found = []
    if tie.get("approximate"):
        dated = span(tie["start"], tie["end"])
        found.append(f"Dates known only as {dated}: on this day it may not have begun, or may have ended.")
    if tie.get("unconfirmed"):
        found.append(caveat(tie))
    return found
