"""'Tell me about Iran': one actor's ties, organisations and a summary, at a date."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from . import defence, provenance, vocab
from .build import organizations_of
from .errors import UsageError
from .narrate import name, verb, when


@dataclass(frozen=True)
class Profile:
    """An actor as the current view shows it."""

    actor: str
    name: str
    summary: str
    groups: dict[str, list[dict]]  # tie type -> rows: other, phrase, dates, status, title, source_url
    organizations: list[dict]
    defenders: list[dict]  # who must help defend the actor: other, basis, source_url, unconfirmed


def _listing(rows: list[dict] | list[str], limit: int = 5) -> str:
    """Names joined with commas and "and"; a claim no row confirms says so.

    >>> _listing([{"other": "Russia", "status": "disputed"}, {"other": "China", "status": "confirmed"}])
    'China and Russia (disputed)'
    """
    best: dict[str, str] = {}
    for r in rows:
        other, status = (r, "confirmed") if isinstance(r, str) else (r["other"], r["status"])
        if best.get(other) != "confirmed":
            best[other] = status
    names = [n if s == "confirmed" else f"{n} ({s})" for n, s in sorted(best.items())]
    if len(names) > limit:
        names = [*names[:limit], f"{len(names) - limit} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def profile(H: nx.MultiDiGraph, actor: str) -> Profile:
    """The profile of `actor` in the filtered graph `H` (its date is H.graph["as_of"])."""
    if actor not in H:
        raise UsageError(f"{actor!r} has no tie in this view (unknown id, or it did not exist then).")
    day = H.graph.get("as_of")
    groups: dict[str, list[dict]] = {t: [] for t in vocab.TIE_TYPES}
    for _, other, tie in H.edges(actor, data=True):
        groups[tie["type"]].append(_row(H, actor, other, tie))
    for other, _, tie in H.in_edges(actor, data=True):
        groups[tie["type"]].append(_row(H, actor, other, tie))
    for rows in groups.values():
        rows.sort(key=lambda r: (r["start"], r["other"]))
    orgs = [
        {
            "organization": name(H, m["organization"]),
            "joined": m["joined"],
            "left": m["left"],
            "source_url": m["source_url"],
        }
        for m in organizations_of(H, actor, day)
    ]
    bound = [
        {"other": name(H, other), "basis": o.basis, "source_url": o.source_url, "unconfirmed": o.unconfirmed}
        for other, found in defence.defenders(H, actor, day).items()
        for o in found
    ]
    summary = _summary(H, actor, groups, orgs) + _defended(H, actor, day)
    return Profile(actor, name(H, actor), summary, groups, orgs, bound)


def _defended(H: nx.MultiDiGraph, actor: str, day) -> str:
    """One sentence: who must help defend `actor`, grouped by what binds them."""
    by_basis: dict[str, list[str]] = {}
    for other, found in defence.defenders(H, actor, day).items():
        for o in found:
            by_basis.setdefault(o.basis + (" (unconfirmed)" if o.unconfirmed else ""), []).append(name(H, other))
    if not by_basis:
        return " No treaty in the data obliges another state to defend it."
    parts = [f"{_listing(sorted(names), 6)} under {basis}" for basis, names in sorted(by_basis.items())]
    return " Bound by treaty to help defend it: " + "; ".join(parts) + "."


def _row(H: nx.MultiDiGraph, actor: str, other: str, tie: dict) -> dict:
    return {
        "other": name(H, other),
        "phrase": f"{verb(tie, actor)} {name(H, other)} {when(tie)}",
        "start": tie["start"],
        "end": tie["end"],
        "status": tie["status"],
        "title": tie["title"],
        "source_url": tie["source_url"],
        "note": " ".join(provenance.notes(tie)),
    }


def _summary(H: nx.MultiDiGraph, actor: str, groups: dict[str, list[dict]], orgs: list[dict]) -> str:
    day = H.graph.get("as_of")
    when = f"As of {day.day} {day:%B %Y}" if day else "Over all the years covered"
    me = name(H, actor)
    parts = []
    if groups["treaty"]:
        parts.append(f"has treaties with {_listing(groups['treaty'])}")
    sanctioned_by = [r for r in groups["sanctions"] if r["phrase"].startswith("is sanctioned")]
    sanctions = [r for r in groups["sanctions"] if not r["phrase"].startswith("is sanctioned")]
    if sanctioned_by:
        parts.append(f"is sanctioned by {_listing(sanctioned_by)}")
    if sanctions:
        parts.append(f"sanctions {_listing(sanctions)}")
    supplies = [r for r in groups["arms_supply"] if r["phrase"].startswith("supplies")]
    gets = [r for r in groups["arms_supply"] if r["phrase"].startswith("gets")]
    if supplies:
        parts.append(f"supplies arms to {_listing(supplies)}")
    if gets:
        parts.append(f"gets arms from {_listing(gets)}")
    first = (
        f"{when} {me} " + (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + "."
        if parts
        else f"{when} {me} has no treaty, sanctions or arms tie in this view."
    )
    fights = groups["conflict"]
    second = f"It is in conflict with {_listing(fights)}." if fights else "It is in no armed conflict in this view."
    contested = sum(1 for rows in groups.values() for r in rows if r["status"] != "confirmed")
    if contested:
        second += f" {contested} of its ties are alleged or disputed."
    if orgs:
        second += f" It belongs to {_listing([o['organization'] for o in orgs], 6)}."
    return f"{first} {second}"
