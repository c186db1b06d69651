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


def _random_ties(actors: int, ties: int):
    import random

    import networkx as nx

    rnd = random.Random(3)
    G = nx.MultiDiGraph()
    G.add_nodes_from(f"A{i}" for i in range(actors))
    for _ in range(ties):
        a, b = rnd.sample(range(actors), 2)
        G.add_edge(f"A{a}", f"A{b}")
    return G


def test_force_layout_of_a_large_upload_compares_near_pairs_only(monkeypatch):
    """Above the Kamada–Kawai limit a round looks only at actors near each other, so its
    work grows with the actors, not with their square (#17: 4,000 actors took 59 s)."""
    import graph.layout as layout

    found: dict[int, list[int]] = {}
    near_pairs = layout.near_pairs
    for actors in (500, 2000):
        rounds = found.setdefault(actors, [])

        def counting(xy, radius, rounds=rounds):
            pairs = near_pairs(xy, radius)
            rounds.append(len(pairs))
            return pairs

        monkeypatch.setattr(layout, "near_pairs", counting)
        layout.force_layout(_random_ties(actors, actors * 5 // 4))
    assert len(found[500]) == len(found[2000]) == 100
    per_actor = {actors: max(rounds) / actors for actors, rounds in found.items()}
    # Every pair would be 250 per actor at 500 actors and 1,000 at 2,000.
    assert per_actor[2000] < 40 and per_actor[500] < 40
    assert per_actor[2000] < 2 * per_actor[500]


def test_force_layout_of_a_large_upload_keeps_tied_actors_close_and_all_apart():
    import math

    from graph.layout import force_layout

    G = _random_ties(1000, 1250)
    pos = force_layout(G)
    assert pos == force_layout(G)
    assert len(set(pos.values())) == len(pos)

    def gap(a, b):
        return math.dist(pos[a], pos[b])

    tied = [gap(u, v) for u, v in G.edges()]
    nodes = sorted(pos)
    untied = [gap(nodes[i], nodes[(i * 7919) % len(nodes)]) for i in range(1, len(nodes))]
    assert sum(tied) / len(tied) < 0.5 * sum(untied) / len(untied)
