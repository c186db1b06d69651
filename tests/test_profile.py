import datetime as dt

import pytest

from graph import filter_graph
from graph.errors import UsageError
from graph.profile import profile


def test_profile_groups_ties_and_sums_up(tiny):
    p = profile(filter_graph(tiny, as_of=dt.date(2023, 1, 1)), "CCC")
    assert {t: len(rows) for t, rows in p.groups.items()} == {
        "treaty": 0,
        "sanctions": 1,
        "arms_supply": 1,
        "conflict": 1,
    }
    assert p.summary == (
        "As of 1 January 2023 Carpania is sanctioned by Avalon and supplies arms to Borduria (disputed). "
        "It is in conflict with Borduria. 1 of its ties are alleged or disputed. "
        "No treaty in the data obliges another state to defend it."
    )
    assert p.groups["arms_supply"][0]["phrase"] == "supplies drones to Borduria (2022–, disputed)"


def test_profile_lists_organisations_at_the_date(tiny):
    assert [
        o["organization"]
        for o in profile(filter_graph(tiny, as_of=dt.date(2019, 1, 1), keep_isolates=True), "EEE").organizations
    ] == ["Alliance"]
    assert "belongs to Alliance" in profile(filter_graph(tiny, as_of=dt.date(2012, 1, 1)), "AAA").summary


def test_profile_of_an_actor_without_ties_in_the_view_says_so(tiny):
    with pytest.raises(UsageError, match="no tie in this view"):
        profile(filter_graph(tiny, as_of=dt.date(1975, 1, 1)), "AAA")


def test_profile_names_a_confirmed_claim_plainly(make_graph):
    G = make_graph("AAA BBB arms_supply 2000", "AAA BBB arms_supply 2001 - alleged")
    assert "supplies arms to Bbb." in profile(G, "AAA").summary
