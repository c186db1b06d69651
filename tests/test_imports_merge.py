import csv
import shutil
from pathlib import Path

import pytest

import graph
from graph.errors import DataError
from graph.imports import Resolver, sipri, ucdp
from graph.imports.merge import merge

DIR = f"{Path(__file__).parent}/data/imports/"


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DIR, target)
    return target


def ids(folder):
    with (folder / "relations.csv").open() as f:
        return {r["id"] for r in csv.DictReader(f)}


def test_merge_never_overrides_a_curated_row(folder):
    resolver = Resolver(graph.load(folder).actors)
    rows, _ = ucdp.derive(folder / "ucdp.csv", resolver)
    added, left_out = merge(folder, "ucdp", rows)
    assert [r["id"] for r in left_out] == ["ucdp-13243-2022-rus-ukr"]  # curated: rus-ukr-curated-2022
    assert "rus-ukr-curated-2022" in ids(folder) and "ucdp-13243-2022-rus-ukr" not in ids(folder)
    assert len(added) == len(rows) - 1


def test_merge_keeps_a_contested_claim_contested(folder):
    resolver = Resolver(graph.load(folder).actors)
    rows, _ = sipri.derive([folder / "sipri_deliveries.csv"], resolver, min_tiv=100)
    _, left_out = merge(folder, "sipri", rows)
    assert [r["id"] for r in left_out] == ["chn-rus-arms-sipri-2023"]
    assert "chn-rus-arms-disputed" in ids(folder)


def test_merge_again_replaces_its_own_rows(folder):
    resolver = Resolver(graph.load(folder).actors)
    rows, _ = ucdp.derive(folder / "ucdp.csv", resolver)
    merge(folder, "ucdp", rows)
    first = ids(folder)
    merge(folder, "ucdp", rows[:2])
    assert ids(folder) == {i for i in first if not i.startswith("ucdp-")} | {r["id"] for r in rows[:2]} - {
        "ucdp-13243-2022-rus-ukr"
    }


def test_merge_writes_nothing_when_the_result_is_invalid(folder):
    before = (folder / "relations.csv").read_bytes()
    bad = [
        {
            "id": "bad-row",
            "source": "XXX",
            "target": "USA",
            "type": "conflict",
            "start": "2000",
            "status": "confirmed",
            "title": "t",
            "source_url": "https://example.org",
            "end": "",
        }
    ]
    with pytest.raises(DataError):
        merge(folder, "ucdp", bad)
    assert (folder / "relations.csv").read_bytes() == before
