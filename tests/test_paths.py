import datetime as dt

import pytest

from graph import filter_graph
from graph.errors import UsageError
from graph.paths import path_ties, shortest_paths


@pytest.fixture
def hub(make_graph):
    """AAA and BBB each tied to the hub CCC, and to DDD: two shortest chains of two."""
    return make_graph(
        "AAA CCC treaty 2000", "CCC BBB conflict 2001", "AAA DDD sanctions 2002", "DDD BBB arms_supply 2003"
    )


def test_shortest_paths_finds_all_of_them_and_narrates_each_hop(hub):
    stories = [p.story(hub) for p in shortest_paths(hub, "AAA", "BBB")]
    assert stories == [
        "Aaa — has a treaty with (2000–) — Ccc — is in conflict with (2001–) — Bbb",
        "Aaa — sanctions (2002–) — Ddd — supplies arms to (2003–) — Bbb",
    ]


def test_shortest_paths_hops_are_real_ties_at_the_date(world):
    view = filter_graph(world, as_of=dt.date(2025, 6, 20), types=["treaty", "conflict"])
    for p in shortest_paths(view, "PRK", "ISR"):
        for hop in p.hops:
            tie = view.edges[hop.tie["source"], hop.tie["target"], hop.tie["id"]]
            assert {hop.source, hop.target} == {tie["source"], tie["target"]}
            assert tie["first_day"] <= dt.date(2025, 6, 20) <= tie["last_day"]


def test_shortest_paths_prefers_a_confirmed_tie_and_counts_the_others(make_graph):
    G = make_graph("AAA BBB arms_supply 2000 - alleged", "AAA BBB treaty 2001")
    (path,) = shortest_paths(G, "AAA", "BBB")
    assert path.hops[0].tie["type"] == "treaty" and path.hops[0].also == 1
    assert path_ties([path]) == {"t1"}


def test_shortest_paths_without_a_chain_is_empty(make_graph):
    assert shortest_paths(make_graph("AAA BBB treaty 2000", "CCC DDD treaty 2000"), "AAA", "DDD") == []


@pytest.mark.parametrize(
    ("a", "b", "message"), [("AAA", "AAA", "two different"), ("AAA", "ZZZ", "no tie in this view")]
)
def test_shortest_paths_explains_bad_requests(hub, a, b, message):
    with pytest.raises(UsageError, match=message):
        shortest_paths(hub, a, b)


def test_shortest_paths_say_when_a_hop_is_bound_by_collective_defence(tiny):
    H = filter_graph(tiny, as_of=dt.date(2010, 1, 1))
    (path,) = shortest_paths(H, "AAA", "BBB")
    assert path.hops[0].bound == ("Article 5 of the Alliance Treaty (Alliance)",)
    assert "bound to defend each other by Article 5 of the Alliance Treaty" in path.story(H)
    # Estoria left the Alliance on 2020-01-31: in 2023 its arms tie to Avalon binds nobody.
    (later,) = shortest_paths(filter_graph(tiny, as_of=dt.date(2023, 6, 1)), "AAA", "EEE")
    assert later.hops[0].bound == ()
