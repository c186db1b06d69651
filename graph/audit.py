"""The truth rules: what the map may not show, checked over a whole data folder.

`python -m graph audit` lists every row that breaks one, as ``FILE:LINE: rule: what``; the
test suite runs it on the shipped data and fails on any. The rules (data/README.md):

- ``valid``: the folder passes `load` (types, dates, sides of a contested claim, a tie within
  the lives of its actors…).
- ``dataset-mark``: a row that cites a research dataset's page carries the importer's mark in
  its id, so the map knows when that dataset ends and shows the row as unconfirmed after it.
- ``unchecked``: an open-ended row from a dataset that ends before the data's cut-off, touching
  a permanent member of the Security Council, Ukraine, Iran, North Korea or Israel, has been
  checked against a later page (`checked_url`, or an `end`), or is listed in
  `unconfirmed.csv` with the searches that found nothing (it stays on the map, unconfirmed).
- ``capital``: a state is drawn within 100 km of its capital in `capitals.csv`.
- ``untied``: a living state has at least one tie (at most `MAX_UNTIED` may have none).
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

from . import dates, provenance
from .errors import DataError
from .load import DEFAULT_DATA_DIR, load

# Whose open-ended dataset rows must be checked by a person, not only marked unconfirmed.
PRIORITY = frozenset({"USA", "RUS", "CHN", "GBR", "FRA", "UKR", "IRN", "PRK", "ISR"})
MAX_KM = 100
MAX_UNTIED = 10
# Open-ended dataset rows for which searches of the stored pages found neither an end nor a
# later confirmation: id, what was searched, when. They stay on the map, marked unconfirmed.
UNCONFIRMED = "unconfirmed.csv"
DATASET_PAGES = {
    "atopdata.org": "atop-",
    "ucdp.uu.se/downloads": "ucdp-",
    "sipri.org/databases/armstransfers": "-arms-sipri-",
}


@dataclass(frozen=True)
class Breach:
    """One row that breaks one rule."""

    file: str
    line: int
    rule: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: {self.what}"


def _rows(path: Path) -> list[tuple[int, dict]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        rows, line = [], 2
        for row in reader:
            rows.append((line, {k: (v or "").strip() for k, v in row.items()}))
            line = reader.line_num + 1
        return rows


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance.

    >>> round(_km(55.75, 37.62, 59.94, 30.31))
    635
    """
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def audit(
    data_dir: str | Path = DEFAULT_DATA_DIR, *, priority: frozenset[str] = PRIORITY, max_untied: int = MAX_UNTIED
) -> list[Breach]:
    """Every breach of a truth rule in the folder, in file and line order."""
    folder = Path(data_dir)
    try:
        load(folder)
    except DataError as exc:
        return [Breach(p.file, p.line, "valid", f"{p.column}: {p.message}".lstrip(": ")) for p in exc.problems]
    found: list[Breach] = []
    relations = _rows(folder / "relations.csv")
    cutoff = max(dates.parse_period(r[c])[0] for _, r in relations for c in ("start", "end") if r[c])
    listed = _rows(folder / UNCONFIRMED) if (folder / UNCONFIRMED).exists() else []
    searched = {r["id"] for _, r in listed}
    still_open = {r["id"] for _, r in relations if provenance.known_until(r) is not None}
    found += [
        Breach(UNCONFIRMED, line, "unchecked", f"{r['id']} is listed, but is not an open-ended dataset row")
        for line, r in listed
        if r["id"] not in still_open
    ]
    for line, r in relations:
        for page, mark in DATASET_PAGES.items():
            if page in r["source_url"] and provenance.dataset_of(r["id"]) is None:
                found.append(
                    Breach("relations.csv", line, "dataset-mark", f"{r['id']} cites {page} but its id lacks {mark!r}")
                )
        until, dataset = provenance.known_until(r), provenance.dataset_of(r["id"])
        hand = dataset is not None and dataset.hand_checked
        if (
            hand
            and until is not None
            and until < cutoff
            and {r["source"], r["target"]} & priority
            and r["id"] not in searched
        ):
            found.append(
                Breach(
                    "relations.csv",
                    line,
                    "unchecked",
                    f"{r['id']} is open-ended past {until.year} "
                    "and touches a state whose ties are checked by hand (add checked_url, or an end)",
                )
            )
    actors = _rows(folder / "actors.csv")
    capitals_file = folder / "capitals.csv"
    if capitals_file.exists():
        capitals = {r["id"]: r for _, r in _rows(capitals_file)}
        for line, a in actors:
            c = capitals.get(a["id"])
            if c:
                km = _km(float(a["lat"]), float(a["lon"]), float(c["lat"]), float(c["lon"]))
                if km > MAX_KM:
                    found.append(
                        Breach(
                            "actors.csv",
                            line,
                            "capital",
                            f"{a['name']} is drawn {km:,.0f} km from its capital {c['capital']} (expected ≤ {MAX_KM})",
                        )
                    )
    tied = {r[side] for _, r in relations for side in ("source", "target")}
    untied = [(line, a) for line, a in actors if a["kind"] == "state" and not a["end"] and a["id"] not in tied]
    if len(untied) > max_untied:
        found += [
            Breach("actors.csv", line, "untied", f"{a['name']} has no tie ({len(untied)} living states have none)")
            for line, a in untied
        ]
    return found
