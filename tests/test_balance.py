import datetime as dt

import graph
from graph.balance import balance, balance_by_year, describe, signed_graph


def test_balance_of_a_balanced_triangle(make_graph):
    # The enemy of my enemy is my friend: A and B friends, both hostile to C.
    G = make_graph("AAA BBB treaty 2000", "AAA CCC conflict 2000", "BBB CCC sanctions 2000")
    result = balance(G)
    assert (result.balanced, result.unbalanced, result.ratio) == (1, 0, 1.0)


def test_balance_of_an_unbalanced_triangle(make_graph):
    # Two friends of A are enemies of each other.
    G = make_graph("AAA BBB treaty 2000", "AAA CCC arms_supply 2000", "BBB CCC conflict 2000")
    result = balance(G)
    assert (result.balanced, result.unbalanced) == (0, 1)
    assert describe(G, result.telling[0]) == (
        "Aaa–Bbb friendly: treaty (2000–); Bbb–Ccc hostile: conflict (2000–); Aaa–Ccc friendly: arms (2000–)"
    )


def test_a_pair_with_as_many_friendly_as_hostile_ties_is_left_out(make_graph):
    G = make_graph("AAA BBB treaty 2000", "AAA BBB conflict 2000", "AAA CCC treaty 2000", "BBB CCC treaty 2000")
    assert not signed_graph(G).has_edge("AAA", "BBB")
    assert balance(G).balanced + balance(G).unbalanced == 0


def test_balance_by_year_follows_the_ties(make_graph):
    G = make_graph("AAA BBB treaty 2000", "AAA CCC arms_supply 2000", "BBB CCC conflict 2002 2003")
    rows = balance_by_year(G, range(2001, 2005), filter_fn=graph.filter_graph)
    assert [r["ratio"] for r in rows] == [None, 0.0, 0.0, None]


def test_balance_of_the_shipped_data_is_mostly_balanced(world):
    result = balance(graph.filter_graph(world, as_of=dt.date(1962, 10, 16)))
    assert result.balanced > 100 and result.ratio > 0.9
