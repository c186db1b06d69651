"""Derive data/capitals.csv from the Gleditsch–Ward capitals list (gw_capitals.csv).

    python scripts/capitals.py ../shared/reference/states

For every state in data/actors.csv, the capital that the list gives for its Gleditsch–Ward
code during the state's life (the latest, when it moved). A state whose row has no code (the
micro-states) is found through the ISO3 ↔ G–W crosswalk (crosswalk_iso3_cow_gw.csv), else by
its name in the list. `python -m graph
audit` checks that each state is drawn within 100 km of it.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITE = "Gleditsch–Ward capitals list (gw_capitals.csv)"


def main(reference: str) -> None:
    folder = Path(reference)
    with open(folder / "gw_capitals.csv", encoding="utf-8") as f:
        capitals = list(csv.DictReader(f))
    with open(folder / "crosswalk_iso3_cow_gw.csv", encoding="utf-8") as f:
        crosswalk = {r["iso3c"]: str(int(float(r["gwn"]))) for r in csv.DictReader(f) if r["gwn"] not in ("", "NA")}
    with open(ROOT / "data" / "actors.csv", encoding="utf-8") as f:
        actors = [a for a in csv.DictReader(f) if a["kind"] == "state"]
    rows = []
    for a in actors:
        born, gone = (a["start"] or "0000")[:10], (a["end"] or "9999")[:10]
        codes = (a["gw"] or crosswalk.get(a["id"], "")).split("|")
        # Last resort, the micro-states the crosswalk leaves without a code: the list's own name.
        codes += [
            str(int(float(c["gwcode"]))) for c in capitals if c["statenme"] in (a["name"], *a["aliases"].split("|"))
        ]
        for code in codes:
            if not code:
                continue
            found = [
                c
                for c in capitals
                if int(float(c["gwcode"])) == int(code) and c["stdate"] <= gone and c["enddate"] >= born
            ]
            if found:
                best = max(found, key=lambda c: c["enddate"])
                rows.append({"id": a["id"], "capital": best["capital"], "lat": best["lat"], "lon": best["lng"]})
                break
    with open(ROOT / "data" / "capitals.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "capital", "lat", "lon", "source"], lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "source": CITE} for r in sorted(rows, key=lambda r: r["id"]))
    print(f"{len(rows)} capitals of {len(actors)} states written to data/capitals.csv")


if __name__ == "__main__":
    main(sys.argv[1])
