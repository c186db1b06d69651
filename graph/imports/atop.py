"""Bilateral alliance treaties from the Alliance Treaty Obligations and Provisions data.

Rule: every ATOP alliance with exactly two members that began in `since` or later is
a treaty tie. Its subtype is the strongest obligation in it: a defence pledge
(`mutual_defense`), else an offence pledge (`mutual_support`), else neutrality
(`neutrality`), else non-aggression (`non_aggression`), else consultation
(`consultation`). `start` is the later entry of the two members, `end` the earlier
exit, each at the precision ATOP gives (a 0 day or month is unknown); an alliance still
in force at the end of the data has no `end`. Multilateral alliances (NATO, the Warsaw
Pact …) belong in memberships.csv, not here. The parties are the states that existed
on the day the treaty began.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from . import Resolver, read_table

URL = "http://www.atopdata.org"
NAME = "Alliance Treaty Obligations and Provisions (ATOP)"
OBLIGATIONS = (  # ATOP flag, subtype, name, meaning
    ("defense", "mutual_defense", "defence pact", "each promises to help defend the other if it is attacked"),
    ("offense", "mutual_support", "military support pact", "each promises military support to the other"),
    ("neutral", "neutrality", "neutrality pact", "each promises to stay out of a war fought against the other"),
    ("nonagg", "non_aggression", "non-aggression pact", "each promises not to attack the other"),
    ("consul", "consultation", "consultation pact", "each promises to consult the other in a crisis"),
)


def _int(value) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def _date(year: int, month: int, day: int) -> str:
    if not month:
        return f"{year:04d}"
    if not day:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def derive(path, resolver: Resolver, *, since: int = 1945):
    """Return (rows of relations.csv, codes that are not actors) for an ATOP member-level export."""
    table = read_table(path)
    last_year = max(_int(y) for y in list(table["yrent"]) + list(table["yrexit"]))
    alliances: dict = defaultdict(list)
    for row in table.to_dict("records"):
        alliances[row["atopid"]].append(row)
    rows: list[dict[str, str]] = []
    unknown: set[str] = set()
    for atopid, members in sorted(alliances.items(), key=lambda kv: _int(kv[0])):
        codes = sorted({_int(m["member"]) for m in members})
        if len(codes) != 2:
            continue
        entries = [(_int(m["yrent"]), _int(m["moent"]), _int(m["dayent"])) for m in members]
        exits = [(_int(m["yrexit"]), _int(m["moexit"]), _int(m["dayexit"])) for m in members if _int(m["yrexit"])]
        begin = max(entries)
        if begin[0] < since:
            continue
        end = min(exits) if exits else None
        if end and end < begin:
            continue  # the two were never members at the same time
        if end and end[0] >= last_year:
            end = None
        # The parties are the states that signed: a Soviet treaty is the Soviet Union's,
        # even where ATOP's code 365 carries it on into Russia's years.
        signed = dt.date(begin[0], begin[1] or 1, begin[2] or 1)
        found = [resolver.by_code("cow", c, signed) for c in codes]
        ids = [i for i in found if i]
        if len(ids) < len(found) or ids[0] == ids[1]:
            unknown.update(str(c) for c, i in zip(codes, found, strict=True) if not i)
            continue
        flags = {o[0] for o in OBLIGATIONS if any(_int(m[o[0]]) for m in members)}
        _, subtype, pact, meaning = next((o for o in OBLIGATIONS if o[0] in flags), OBLIGATIONS[-1])
        a, b = sorted(ids)
        start = _date(*begin)
        rows.append(
            {
                "id": f"atop-{_int(atopid)}-{a.lower()}-{b.lower()}",
                "source": a,
                "target": b,
                "type": "treaty",
                "subtype": subtype,
                "start": start,
                "end": _date(*end) if end else "",
                "status": "confirmed",
                "claimed_by": "",
                "denied_by": "",
                "title": f"{resolver.name[a]}–{resolver.name[b]} {pact}, {start[:4]}",
                "description": (
                    f"ATOP records a {pact} between {resolver.name[a]} and {resolver.name[b]} from {start[:4]}: "
                    f"{meaning}." + (f" It ended in {_date(*end)[:4]}." if end else "")
                ),
                "source_url": URL,
                "source_name": NAME,
            }
        )
    return rows, unknown
