import csv
import io
from pathlib import Path

import pytest

from graph.schema import RELATIONS
from graph.tables import DOWNLOAD_COLUMNS, relations_csv, spreadsheet_safe, ties_table

DATA = Path(__file__).parent.parent / "data"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("=1+1", "'=1+1"), ("+33", "'+33"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("Iran", "Iran"), ("", "")],
)
def test_spreadsheet_safe(cell, expected):
    assert spreadsheet_safe(cell) == expected


def test_relations_csv_for_the_data_folder_keeps_cells_as_written():
    text = relations_csv([{"id": "t1", "title": "=1+1", "source_url": "https://x.org/a,b", "extra": "dropped"}])
    assert text.splitlines()[0] == ",".join(RELATIONS.columns)
    row = next(csv.DictReader(io.StringIO(text)))
    assert list(row) == list(RELATIONS.columns)
    assert (row["title"], row["source_url"], row["start"]) == ("=1+1", "https://x.org/a,b", "")
    assert "dropped" not in text and not text.startswith("\ufeff")


def test_relations_csv_for_people_neutralises_formulas_after_a_bom():
    text = relations_csv([{"id": "t1", "title": "=HYPERLINK(1)"}], columns=DOWNLOAD_COLUMNS, for_people=True)
    assert text.startswith("\ufeffid,")
    assert next(csv.DictReader(io.StringIO(text[1:])))["title"] == "'=HYPERLINK(1)"


def test_relations_csv_writes_the_shipped_relations_byte_for_byte():
    written = (DATA / "relations.csv").read_text(encoding="utf-8")
    with (DATA / "relations.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert relations_csv(rows) == written


def test_ties_table_is_sorted_by_id_in_relations_columns(tiny):
    rows = ties_table(tiny)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    assert all(list(r) == list(RELATIONS.columns) for r in rows)
