import datetime as dt
from pathlib import Path

import networkx as nx

import graph
from graph import filter_graph
from graph.blocs import bloc_of, blocs


def two_camps():
    return graph.build(graph.load(Path(__file__).parent / "data" / "analysis"))


def test_blocs_finds_the_two_camps_and_their_organisations():
    found = blocs(filter_graph(two_camps(), as_of=dt.date(2005, 1, 1)))
    assert [sorted(b.members) for b in found] == [["AAA", "BBB", "CCC"], ["DDD", "EEE", "FFF"]]
    assert [(b.closest_organization, b.overlap) for b in found] == [("Western Pact", 1.0), ("Eastern Pact", 1.0)]
    assert found[0].label == "Avalon / Borduria bloc"


def test_blocs_are_deterministic_and_partition_the_tied_actors(world):
    view = filter_graph(world, as_of=dt.date(1962, 10, 16))
    first, second = blocs(view), blocs(view)
    assert first == second
    members = [n for b in first for n in b.members]
    assert len(members) == len(set(members))  # no actor in two blocs
    cooperative = {n for u, v, t in view.edges(data="type") if t in ("treaty", "arms_supply") for n in (u, v)}
    assert set(members) == cooperative
    assert bloc_of(first)["SUN"] == bloc_of(first)["DDR"]


def test_blocs_of_a_view_without_cooperation_is_empty():
    assert blocs(filter_graph(two_camps(), types=["conflict"])) == []


def test_blocs_name_a_hub_camp_after_its_hub_alone():
    """A star: one hub with four treaties, each partner with one. The camp is the hub's;
    a spoke with a quarter of its ties does not share the name."""
    G = nx.MultiDiGraph()
    for n, label in (("HUB", "Hubland"), ("AAA", "Avalon"), ("BBB", "Borduria"), ("CCC", "Carpania"), ("DDD", "Dorne")):
        G.add_node(n, name=label, kind="state")
    for n in ("AAA", "BBB", "CCC", "DDD"):
        G.add_edge("HUB", n, key=f"hub-{n}", type="treaty", id=f"hub-{n}")
    (camp,) = blocs(G)
    assert camp.label == "Hubland bloc"


def test_blocs_of_the_cold_war_are_named_by_their_leaders(world):
    labels = [b.label for b in blocs(filter_graph(world, as_of=dt.date(1962, 10, 16), types=("treaty", "arms_supply")))]
    assert "Soviet Union / China bloc" in labels and any(label.startswith("United States") for label in labels)
    assert not any("Switzerland" in label for label in labels)
