from pathlib import Path

import pytest

import graph
from graph.imports import Resolver, ucdp

DIR = f"{Path(__file__).parent}/data/imports/"


@pytest.fixture(scope="module")
def ties():
    rows, _ = ucdp.derive(DIR + "ucdp.csv", Resolver(graph.load(DIR).actors))
    return {r["id"]: r for r in rows}


def test_derive_pairs_every_state_across_the_sides(ties):
    korea = {k for k in ties if k.startswith("ucdp-293-")}
    assert korea == {"ucdp-293-1950-kor-prk", "ucdp-293-1950-chn-kor", "ucdp-293-1950-prk-usa", "ucdp-293-1950-chn-usa"}
    war = ties["ucdp-293-1950-chn-usa"]
    assert (war["start"], war["end"], war["subtype"]) == ("1950-06-25", "1953-07-27", "war")
    assert "China fought on the side of North Korea" in war["description"]


def test_derive_dates_a_state_that_joined_later_by_its_first_year(ties):
    gulf = ties["ucdp-371-1991-irq-usa"]
    assert (gulf["start"], gulf["end"]) == ("1991", "1991-02-28")
    assert ties["ucdp-371-1990-irq-kwt"]["start"] == "1990-08-02"


def test_derive_names_the_soviet_union_and_russia_by_date_and_leaves_ongoing_wars_open(ties):
    assert ties["ucdp-13243-2022-rus-ukr"]["end"] == ""
    assert ties["ucdp-13243-2024-prk-ukr"]["start"] == "2024"


def test_derive_leaves_out_internal_and_colonial_conflicts_without_a_second_state(ties):
    assert not any(k.startswith(("ucdp-900-", "ucdp-901-")) for k in ties)
