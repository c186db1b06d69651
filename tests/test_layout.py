import math

from graph import filter_graph, force_layout


def test_force_layout_places_every_node_the_same_way_each_time(tiny):
    first, second = force_layout(tiny), force_layout(tiny)
    assert first == second
    assert set(first) == set(tiny)
    assert all(math.isfinite(c) for xy in first.values() for c in xy)


def test_force_layout_depends_on_the_seed(tiny):
    assert force_layout(tiny, seed=1) != force_layout(tiny, seed=2)


def test_force_layout_keeps_tied_actors_apart_and_lonely_ones_outside(tiny):
    pos = force_layout(tiny)
    assert len({xy for xy in pos.values()}) == len(pos)
    centre_reach = max(math.dist(pos[n], (0, 0)) for n in ("AAA", "BBB", "CCC"))
    assert math.dist(pos["ALL"], (0, 0)) > centre_reach  # the Alliance has no tie


def test_force_layout_of_an_empty_graph_is_empty(tiny):
    assert force_layout(filter_graph(tiny, types=[])) == {}


def test_geo_layout_puts_west_left_and_north_up(world):
    from graph.layout import geo_layout

    pos = geo_layout(world)
    assert pos["USA"][0] < pos["CHN"][0]  # the US west of China
    assert pos["RUS"][1] < pos["ZAF"][1]  # Russia north of South Africa (y grows downwards)
    assert geo_layout(world) == pos


def test_geo_layout_keeps_crowded_capitals_apart(world):
    from graph.layout import geo_layout

    pos = geo_layout(world, gap=30)
    points = sorted(pos.values())
    assert min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 : i + 30]) > 25


def test_geo_layout_parts_many_actors_at_one_spot():
    """An upload once put 2,000 actors on one capital: each round compared every pair there.
    They now start on a spiral and end apart (the time is in docs/reliability.md)."""
    import math

    import networkx as nx

    from graph.layout import geo_layout

    G = nx.MultiDiGraph()
    for i in range(600):
        G.add_node(f"A{i:03d}", lat=10.0, lon=20.0)
    pos = geo_layout(G, gap=16.0)
    points = sorted(pos.values())
    assert len(set(points)) == 600
    closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1 :])
    assert closest > 16.0 * 0.5
