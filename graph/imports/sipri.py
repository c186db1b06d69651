"""Arms flows from the SIPRI Arms Transfers Database.

Rule: sum the trend-indicator value (TIV) of deliveries from each supplier to each
recipient over the years asked for; a pair whose sum reaches `min_tiv` is a tie. So are
the smaller flows that matter to their recipient: a supplier among the recipient's `top`
largest (by TIV) whose sum reaches `floor` — a small state's few armoured vehicles or
drones. Each row keeps its sum in `tiv`, so the map can show major flows only by default.
`start` is the first year with a delivery, `end` the last one unless deliveries reach
the last full year of the export (then the flow is taken to go on). The subtype is the
armament category that carries at least half of the value, else `mixed`. Suppliers or
recipients that are not states of actors.csv (rebel groups, "unknown") are skipped.

Reads both SIPRI exports: the deliveries table (one row per deal and delivery year) and
the trade register (one row per order, delivery years as "1988; 1989; 1990", its value
spread evenly over them). Given both, the register serves only the years before the
deliveries table begins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from . import Resolver, read_table

URL = "https://www.sipri.org/databases/armstransfers"
NAME = "SIPRI Arms Transfers Database"
CATEGORIES = {
    "aircraft": "aircraft",
    "missiles": "missiles",
    "air defence systems": "air_defense",
    "armoured vehicles": "armour",
    "artillery": "artillery",
    "ships": "ships",
}
# Register descriptions, for the register export that has no category column.
DESCRIPTION_HINTS = (
    ("aircraft", "aircraft"),
    ("helicopter", "aircraft"),
    ("missile", "missiles"),
    ("sam", "air_defense"),
    ("tank", "armour"),
    ("apc", "armour"),
    ("ifv", "armour"),
    ("gun", "artillery"),
    ("mrl", "artillery"),
    ("frigate", "ships"),
    ("ship", "ships"),
    ("submarine", "ships"),
)


def _rows(table, before: int = 99999):
    if "TIV delivery values" in table.columns:
        for r in table.to_dict("records"):
            yield r["Supplier"], r["Recipient"], r["Delivery year"], r["TIV delivery values"], r["Armament category"]
        return
    if "Year(s) of delivery" not in table.columns:
        raise KeyError("TIV delivery values")
    for r in table.to_dict("records"):
        years = re.findall(r"\d{4}", r.get("Year(s) of delivery", ""))
        try:
            total = float(r.get("SIPRI TIV of delivered weapons") or 0)
        except ValueError:
            continue
        description = r.get("Weapon description", "").casefold()
        category = next((c for hint, c in DESCRIPTION_HINTS if hint in description), "")
        for year in years:
            if int(year) < before:
                yield r["Supplier"], r["Recipient"], year, total / len(years), category


def _all_rows(paths):
    tables = [read_table(p) for p in (paths if isinstance(paths, (list, tuple)) else [paths])]
    deliveries = [t for t in tables if "TIV delivery values" in t.columns]
    before = min((int(y) for t in deliveries for y in t["Delivery year"] if str(y).isdigit()), default=99999)
    for table in tables:
        yield from _rows(table, before)


def derive(
    paths,
    resolver: Resolver,
    *,
    since: int = 1950,
    until: int = 9999,
    min_tiv: float = 500.0,
    top: int = 3,
    floor: float = 10.0,
):
    """Return (rows of relations.csv, names that are not actors) for one or more SIPRI exports."""
    flows: dict = defaultdict(lambda: {"tiv": 0.0, "years": set(), "by": defaultdict(float)})
    unknown: set[str] = set()
    last_year = 0
    for supplier, recipient, year, tiv, category in _all_rows(paths):
        try:
            year, tiv = int(year), float(tiv or 0)
        except ValueError:
            continue
        last_year = max(last_year, year)
        if not since <= year <= until:
            continue
        span = (dt.date(year, 1, 1), dt.date(year, 12, 31))
        s, t = resolver.by_name(supplier, *span), resolver.by_name(recipient, *span)
        if not s or not t or s == t:
            unknown.update(n for n, a in ((supplier, s), (recipient, t)) if not a)
            continue
        flow = flows[(s, t)]
        flow["tiv"] += tiv
        flow["years"].add(year)
        flow["by"][CATEGORIES.get(str(category).casefold(), category or "")] += tiv
    ranked: dict[str, list[str]] = defaultdict(list)
    for s, t in sorted(flows, key=lambda pair: -flows[pair]["tiv"]):
        ranked[t].append(s)
    rows = []
    for (s, t), flow in sorted(flows.items()):
        if flow["tiv"] < min_tiv and not (flow["tiv"] >= floor and s in ranked[t][:top]):
            continue
        first, last = min(flow["years"]), max(flow["years"])
        main, value = max(flow["by"].items(), key=lambda kv: kv[1])
        subtype = main if main in CATEGORIES.values() and value >= flow["tiv"] / 2 else "mixed"
        ongoing = last >= min(until, last_year) - 1
        what = f"mostly {subtype.replace('_', ' ')}" if subtype != "mixed" else "of several kinds"
        years = f"{first}–{last}" if last > first else str(first)
        rows.append(
            {
                "id": f"{s.lower()}-{t.lower()}-arms-sipri-{first}",
                "source": s,
                "target": t,
                "type": "arms_supply",
                "subtype": subtype,
                "start": str(first),
                "end": "" if ongoing else str(last),
                "status": "confirmed",
                "claimed_by": "",
                "denied_by": "",
                "title": f"Arms from {resolver.name[s]} to {resolver.name[t]}",
                "description": (
                    f"SIPRI records deliveries of major weapons from {resolver.name[s]} to {resolver.name[t]} "
                    f"in {years}, {what}, worth about "
                    f"{flow['tiv']:,.0f} million TIV (SIPRI's trend-indicator value, a measure of military capability "
                    "transferred, not of price)."
                ),
                "source_url": URL,
                "source_name": NAME,
                "tiv": f"{flow['tiv']:.0f}",
            }
        )
    return rows, unknown
