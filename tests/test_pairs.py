import pytest

from graph.pairs import pair_graph, sign


def test_pair_graph_keeps_every_tie_of_a_pair(tiny):
    P = pair_graph(tiny)
    assert P["AAA"]["BBB"]["weight"] == 2
    assert sorted(t["id"] for t in P["AAA"]["BBB"]["ties"]) == ["ab-arms-2010", "ab-treaty-2001"]
    assert P.number_of_edges() == 5  # B–C has a war and disputed drones: one pair


@pytest.mark.parametrize(
    ("types", "expected"),
    [(["treaty"], 1), (["sanctions"], -1), (["treaty", "conflict"], 0), (["conflict", "sanctions", "arms_supply"], -1)],
)
def test_sign(types, expected):
    assert sign([{"type": t} for t in types]) == expected


def test_pair_graph_never_changes_the_input(make_graph):
    G = make_graph("AAA BBB treaty 2000", "BBB AAA sanctions 2001")
    before = list(G.edges(keys=True, data=True))
    pair_graph(G)
    assert list(G.edges(keys=True, data=True)) == before
