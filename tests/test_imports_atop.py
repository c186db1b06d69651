from pathlib import Path

import pytest

import graph
from graph.imports import Resolver, atop

DIR = f"{Path(__file__).parent}/data/imports/"


@pytest.fixture(scope="module")
def derived():
    rows, unknown = atop.derive(DIR + "atop_members.csv", Resolver(graph.load(DIR).actors))
    return {r["id"]: r for r in rows}, unknown


def test_derive_keeps_bilateral_alliances_since_1945(derived):
    ties, _ = derived
    assert set(ties) == {"atop-3240-kor-usa", "atop-3700-egy-sun", "atop-4100-chn-prk"}


def test_derive_takes_the_strongest_obligation_and_the_precision_given(derived):
    ties, _ = derived
    assert (ties["atop-3240-kor-usa"]["subtype"], ties["atop-3240-kor-usa"]["start"]) == (
        "mutual_defense",
        "1953-10-01",
    )
    soviet = ties["atop-3700-egy-sun"]
    assert (soviet["subtype"], soviet["start"], soviet["end"]) == ("consultation", "1971-05", "1976-03-15")


def test_derive_leaves_an_alliance_open_at_the_end_of_the_data(derived):
    ties, _ = derived
    assert ties["atop-3240-kor-usa"]["end"] == ""
    assert ties["atop-4100-chn-prk"]["end"] == ""


def test_derive_reports_codes_that_are_not_actors(derived):
    _, unknown = derived
    assert unknown == {"999"}
