"""Ties as rows, and the one writer of relations CSV: for the data folder and for people."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from .schema import RELATIONS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Some spreadsheets split a cell at ";" or "|" and run what follows: ";=1+1", "|=1+1", " =1+1".
_HIDDEN_FORMULA = re.compile(r"^[\s;|,]*[=+\-@]")
# A spreadsheet reads the ends' names beside their codes: these columns follow `source`
# and `target` (the relations.csv columns, otherwise in their order).
NAME_COLUMNS = {"source": "source_actor_name", "target": "target_actor_name"}
DOWNLOAD_COLUMNS: tuple[str, ...] = tuple(
    name for c in RELATIONS.columns for name in (c, NAME_COLUMNS.get(c)) if name is not None
)


def spreadsheet_safe(value: str) -> str:
    """Neutralise a cell that a spreadsheet would run as a formula.

    >>> spreadsheet_safe("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    >>> spreadsheet_safe("2024-06-19"), spreadsheet_safe(";=1+1"), spreadsheet_safe("|=1+1")
    ('2024-06-19', "';=1+1", "'|=1+1")
    """
    return "'" + value if value.startswith(_FORMULA_START) or _HIDDEN_FORMULA.match(value) else value


def ties_table(G: nx.MultiDiGraph) -> list[dict[str, str]]:
    """The ties of `G` as rows of relations.csv, sorted by id."""
    return [
        {c: tie[c] for c in RELATIONS.columns} for _, _, tie in sorted(G.edges(data=True), key=lambda e: e[2]["id"])
    ]


def relations_csv(
    rows: Iterable[Mapping[str, str]], *, columns: Sequence[str] = RELATIONS.columns, for_people: bool = False
) -> str:
    """Rows as CSV in `columns` (those of relations.csv unless given): a header, "\\n" line
    ends, quotes only where a cell needs them, a missing cell empty, any other key left out.

    For the data folder, cells are written as they are. `for_people` makes a download to
    open in a spreadsheet: every cell `spreadsheet_safe`, and a UTF-8 byte order mark first,
    so that Excel reads dashes and accents as UTF-8.

    >>> relations_csv([{"id": "t1", "title": "=1+1, said"}], columns=("id", "title"))
    'id,title\\nt1,"=1+1, said"\\n'
    >>> relations_csv([{"id": "t1", "title": "=1+1"}], columns=("id", "title"), for_people=True)
    "\\ufeffid,title\\nt1,'=1+1\\n"
    """
    out = io.StringIO()
    if for_people:
        out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        cells = {c: row.get(c, "") for c in columns}
        writer.writerow({c: spreadsheet_safe(v) for c, v in cells.items()} if for_people else cells)
    return out.getvalue()


def to_csv(G: nx.MultiDiGraph) -> str:
    """The visible ties with their sources and the names of both ends, as a download for
    people (`relations_csv` with `for_people`)."""
    rows = ties_table(G)
    for row in rows:
        for code, column in NAME_COLUMNS.items():
            row[column] = G.nodes[row[code]].get("name", row[code])
    return relations_csv(rows, columns=DOWNLOAD_COLUMNS, for_people=True)
