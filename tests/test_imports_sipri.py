from pathlib import Path

import pytest

import graph
from graph.imports import Resolver, sipri

DIR = f"{Path(__file__).parent}/data/imports/"


@pytest.fixture(scope="module")
def rows():
    resolver = Resolver(graph.load(DIR).actors)
    found, unknown = sipri.derive(
        [DIR + "sipri_register.csv", DIR + "sipri_deliveries.csv"], resolver, min_tiv=100, top=0
    )
    return {r["id"]: r for r in found}, unknown


@pytest.fixture(scope="module")
def with_smaller():
    resolver = Resolver(graph.load(DIR).actors)
    found, _ = sipri.derive([DIR + "sipri_register.csv", DIR + "sipri_deliveries.csv"], resolver, min_tiv=100, top=3)
    return {r["id"]: r for r in found}


def test_derive_sums_both_exports_without_counting_a_year_twice(rows):
    ties, _ = rows
    usa = ties["usa-egy-arms-sipri-1979"]
    # 160 (register, 1979–80) + 240 aircraft + 25 missiles + 30 armour (deliveries, 2013–24);
    # the register's 2013 order is left to the deliveries table.
    assert "worth about 455 million TIV" in usa["description"]
    assert (usa["start"], usa["end"], usa["subtype"]) == ("1979", "", "aircraft")


def test_derive_keeps_pairs_above_the_threshold_and_ends_old_flows(rows):
    ties, _ = rows
    assert set(ties) == {"usa-egy-arms-sipri-1979", "sun-egy-arms-sipri-1955", "chn-rus-arms-sipri-2023"}
    soviet = ties["sun-egy-arms-sipri-1955"]
    assert (soviet["start"], soviet["end"], soviet["source"]) == ("1955", "1969", "SUN")
    assert soviet["source_url"] == sipri.URL and soviet["status"] == "confirmed"


def test_derive_keeps_each_recipients_largest_smaller_supplier(rows, with_smaller):
    ties, _ = rows
    # Below the threshold, a recipient's three largest suppliers still make a tie, with its value kept.
    added = set(with_smaller) - set(ties)
    assert added == {"rus-egy-arms-sipri-2015", "sun-irq-arms-sipri-1958"}
    assert float(with_smaller["rus-egy-arms-sipri-2015"]["tiv"]) < 100
    assert all(r["tiv"] for r in with_smaller.values())


def test_derive_reports_what_is_not_an_actor(rows):
    _, unknown = rows
    assert "Houthi rebels (Yemen)*" in unknown


def test_derive_rejects_a_file_that_is_not_a_sipri_export():
    with pytest.raises(KeyError):
        sipri.derive(DIR + "ucdp.csv", Resolver(graph.load(DIR).actors))
