"""Put derived rows into a data folder without losing or contradicting curated ones."""

from __future__ import annotations

import csv
from pathlib import Path

from .. import vocab
from ..dates import lifetime, parse_period
from ..load import load_bytes
from ..schema import RELATIONS
from ..tables import relations_csv

# How each importer marks the ids it writes, so a new run replaces its old rows.
PREFIX = {"sipri": "-arms-sipri-", "ucdp": "ucdp-", "atop": "atop-"}


def _span(row: dict) -> tuple:
    first = parse_period(row["start"])[0]
    last = parse_period(row["end"])[1] if row["end"] else parse_period("9999")[1]
    return first, last


def _pair(row: dict) -> tuple:
    directed = vocab.TIE_TYPES[row["type"]].directed
    ends = (row["source"], row["target"])
    return row["type"], ends if directed else tuple(sorted(ends))


def within_lives(row: dict, lives: dict[str, tuple[str, str]]) -> dict:
    """`row` with its dates clipped to the lives of its two actors: a dataset that carries a
    state's code on after it ceased to exist (the Soviet Union's seat passing to Russia)
    must not draw a tie with a state that is gone.

    >>> row = {"source": "FIN", "target": "SUN", "start": "1948", "end": "1992"}
    >>> within_lives(row, {"SUN": ("1922", "1991-12-26")})["end"]
    '1991-12-26'
    """
    row = dict(row)
    for actor in (row["source"], row["target"]):
        born, gone = lives.get(actor, ("", ""))
        life, span = lifetime(born, gone), lifetime(row["start"], row["end"])
        if born and span["sure_from"] < life["first_day"]:
            row["start"] = born
        if gone and span["sure_until"] > life["last_day"]:
            row["end"] = gone
    return row


def merge(data_dir: Path, importer: str, rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Replace `importer`'s earlier rows in data_dir/relations.csv with `rows`.

    A derived row is left out when a curated row (one no importer wrote) already
    covers the same pair and type at an overlapping time: a contested claim must not
    be shown again as a confirmed fact. The whole folder is validated before anything
    is written. Returns (rows written, rows left out).
    """
    mark = PREFIX[importer]
    with (data_dir / "actors.csv").open(encoding="utf-8-sig", newline="") as f:
        lives = {a["id"]: (a.get("start", ""), a.get("end", "")) for a in csv.DictReader(f)}
    path = data_dir / RELATIONS.file
    with path.open(encoding="utf-8-sig", newline="") as f:
        existing = list(csv.DictReader(f))
    kept = [r for r in existing if mark not in r["id"]]
    curated: dict[tuple, list[tuple]] = {}
    for r in kept:
        if not any(m in r["id"] for m in PREFIX.values()):
            curated.setdefault(_pair(r), []).append(_span(r))
    # A row a curator reviewed (a later page says it ended, or still held) keeps that review.
    reviewed = {r["id"]: r for r in existing if mark in r["id"] and r.get("checked_url")}
    added: list[dict] = []
    left_out: list[dict] = []
    for row in rows:
        row = within_lives(row, lives)
        if row["id"] in reviewed:
            row = {**row, **{c: reviewed[row["id"]][c] for c in ("end", "checked_on", "checked_url")}}
        first, last = _span(row)
        clash = any(a <= last and first <= b for a, b in curated.get(_pair(row), []))
        (left_out if clash else added).append(row)
    merged = sorted(kept + added, key=lambda r: r["id"])
    text = relations_csv(merged)
    sources = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    sources[RELATIONS.file] = text.encode("utf-8")
    load_bytes(sources)  # raises DataError, and nothing is written, if the result is not valid
    path.write_text(text, encoding="utf-8")
    return added, left_out
