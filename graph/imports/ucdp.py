"""State-against-state conflicts from the UCDP/PRIO Armed Conflict Dataset.

Rule: for every conflict episode, every pair of states on opposite sides is a tie —
the primary parties and the states fighting on a side (`*_2nd`): interstate conflicts
pair side A with side B; in an internal conflict only a state fighting on the rebels'
side is paired with the government (not with its foreign helpers). Extrasystemic (colonial) conflicts
are left out. `start` is the episode's start date when the pair fought from its first
year, else the first year the pair appears; `end` is the episode's end date, or the
last year the pair appears, or empty if the episode is still active in the last year
of the data. Subtype `war` when a year of it reached 1,000 battle deaths, else
`armed_conflict` (25–999 a year).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from . import Resolver, read_table

URL = "https://ucdp.uu.se/downloads/"
NAME = "UCDP/PRIO Armed Conflict Dataset"
ISSUE = {"1": "territory", "2": "government", "3": "territory and government"}


def _codes(cell: str) -> list[str]:
    return [c.strip() for c in str(cell).split(",") if c.strip()]


def _sides(row: dict) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Each side as (G–W code, is_secondary) pairs, or no pairs for a non-state side."""
    kind = str(row["type_of_conflict"]).strip().lower()
    if kind in ("1", "extrasystemic"):
        return [], []
    b_2nd = [(c, True) for c in _codes(row["gwno_b_2nd"])]
    if kind in ("2", "interstate"):
        a = [(c, False) for c in _codes(row["gwno_a"])] + [(c, True) for c in _codes(row["gwno_a_2nd"])]
        return a, [(c, False) for c in _codes(row["gwno_b"])] + b_2nd
    # An internal conflict: the government against the states that fought for the other
    # side. States on the two sides as helpers did not necessarily fight each other.
    return [(c, False) for c in _codes(row["gwno_a"])], b_2nd


def derive(path, resolver: Resolver, *, since: int = 1946):
    """Return (rows of relations.csv, codes that are not actors) for a UCDP/PRIO ACD export."""
    table = read_table(path)
    last_year = max(int(float(y)) for y in table["year"])
    episodes: dict = defaultdict(list)
    for row in table.to_dict("records"):
        episodes[(row["conflict_id"], _at_precision(row["start_date2"], row.get("start_prec2", "1")))].append(row)
    rows: list[dict[str, str]] = []
    unknown: set[str] = set()
    for (conflict, ep_start), years in sorted(episodes.items()):
        years.sort(key=lambda r: float(r["year"]))
        first_year, final = int(float(years[0]["year"])), years[-1]
        ended = str(final["ep_end"]).strip() in ("1", "1.0") and final["ep_end_date"]
        pairs: dict = defaultdict(lambda: {"years": [], "war": False, "secondary": {}})
        for row in years:
            year = int(float(row["year"]))
            if year < since:
                continue
            span = (dt.date(year, 1, 1), dt.date(year, 12, 31))
            side_a, side_b = _sides(row)
            for code_a, second_a in side_a:
                for code_b, second_b in side_b:
                    a, b = resolver.by_code("gw", code_a, *span), resolver.by_code("gw", code_b, *span)
                    if not a or not b or a == b:
                        unknown.update(c for c, x in ((code_a, a), (code_b, b)) if not x)
                        continue
                    pair = pairs[tuple(sorted((a, b)))]
                    pair["years"].append(year)
                    pair["war"] |= str(row["intensity_level"]).strip() in ("2", "2.0")
                    for x, second, ally in ((a, second_a, side_a[0][0]), (b, second_b, side_b[0][0])):
                        if second:
                            primary = (
                                resolver.by_code("gw", ally, *span) if ally != (code_a if x == a else code_b) else None
                            )
                            pair["secondary"][x] = resolver.name.get(primary) if primary else None
        for (a, b), pair in sorted(pairs.items()):
            start_year, end_year = min(pair["years"]), max(pair["years"])
            start = ep_start if start_year == first_year and ep_start else str(start_year)
            if end_year < int(float(final["year"])):
                end = str(end_year)
            elif ended:
                end = final["ep_end_date"]
            else:
                end = "" if end_year >= last_year else str(end_year)
            rows.append(_row(resolver, conflict, a, b, start, end, pair, ISSUE.get(_num(years[0]["incompatibility"]))))
    return rows, unknown


def _at_precision(day: str, precision: str) -> str:
    """An episode's start written only as precisely as UCDP knows it: its `start_prec2`
    codes 1–2 a day, 3–4 a week or month, 5 and above only the year.

    >>> _at_precision("1975-12-31", "5.0"), _at_precision("2024-10-07", "4"), _at_precision("2022-02-24", "1")
    ('1975', '2024-10', '2022-02-24')
    """
    day = str(day or "").strip()
    try:
        code = int(float(precision))
    except (TypeError, ValueError):
        code = 1
    if not day or code <= 2:
        return day
    return day[:7] if code <= 4 else day[:4]


def _num(value: str) -> str:
    try:
        return str(int(float(value)))
    except ValueError:
        return str(value).strip().lower()


def _row(
    resolver: Resolver, conflict: str, a: str, b: str, start: str, end: str, pair: dict, issue: str | None
) -> dict:
    name_a, name_b = resolver.name[a], resolver.name[b]
    if not end:
        years, when = f"since {start[:4]}", f"since {start[:4]}"
    elif end[:4] != start[:4]:
        years = when = f"{start[:4]}–{end[:4]}"
    else:
        years, when = start[:4], f"in {start[:4]}"
    scale = "at least 1,000 battle deaths in a year" if pair["war"] else "25 to 999 battle deaths a year"
    over = f" over {issue}" if issue and issue in ISSUE.values() else ""
    other = {a: name_b, b: name_a}
    sides = "".join(
        f" {resolver.name[x]} fought on the side of {ally}."
        if ally
        else f" {resolver.name[x]} fought in {other[x]}'s internal conflict, against the side UCDP counts as"
        " its government."
        for x, ally in sorted(pair["secondary"].items())
    )
    return {
        "id": f"ucdp-{_num(conflict)}-{start[:4]}-{a.lower()}-{b.lower()}",
        "source": a,
        "target": b,
        "type": "conflict",
        "subtype": "war" if pair["war"] else "armed_conflict",
        "start": start,
        "end": end,
        "status": "confirmed",
        "claimed_by": "",
        "denied_by": "",
        "title": f"{name_a}–{name_b} {'war' if pair['war'] else 'armed conflict'}, {years}",
        "description": (
            f"UCDP/PRIO records armed fighting between {name_a} and {name_b}{over} {when}, with {scale}.{sides}"
        ),
        "source_url": URL,
        "source_name": NAME,
    }
