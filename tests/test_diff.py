import datetime as dt

import pytest

from graph.diff import diff, ties_per_year
from graph.errors import UsageError

D = dt.date


def test_diff_lists_ties_begun_and_ended(tiny):
    change = diff(tiny, D(2012, 1, 1), D(2021, 1, 1))
    assert [t["id"] for t in change.begun] == ["bc-conflict-2020"]
    assert [t["id"] for t in change.ended] == ["ab-arms-2010"]


def test_diff_lists_memberships_gained_and_lost(tiny):
    change = diff(tiny, D(2019, 1, 1), D(2021, 1, 1))
    assert [m["member"] for m in change.left] == ["EEE"] and change.joined == []


@pytest.mark.parametrize("day", [D(1950, 1, 1), D(2010, 6, 1), D(2025, 1, 1)])
def test_diff_from_a_date_to_itself_is_empty(world, day):
    assert diff(world, day, day).empty
    # …while the day before is not: something began or ended within a year of each date.
    assert not diff(world, D(day.year - 1, day.month, day.day), day).empty


def test_diff_counts_what_began_and_ended_over_a_year_by_hand(tiny):
    change = diff(tiny, D(2014, 12, 31), D(2016, 1, 1))
    assert change.begun == [] and [t["id"] for t in change.ended] == ["ab-arms-2010"] and not change.empty


def test_diff_refuses_dates_in_the_wrong_order(tiny):
    with pytest.raises(UsageError, match="must not be after"):
        diff(tiny, D(2021, 1, 1), D(2020, 1, 1))


def test_ties_per_year_counts_ties_in_force(tiny):
    rows = {r["year"]: r for r in ties_per_year(tiny, range(2011, 2024, 6))}
    assert rows[2011] == {"year": 2011, "treaty": 1, "sanctions": 0, "arms_supply": 1, "conflict": 0}
    assert rows[2023] == {"year": 2023, "treaty": 1, "sanctions": 1, "arms_supply": 2, "conflict": 1}
