import datetime as dt

import networkx as nx
import pytest

from graph import filter_graph
from graph.errors import UsageError

D = dt.date


def ties(G):
    return sorted(k for _, _, k in G.edges(keys=True))


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(1975, 1, 1), ["de-treaty-1970"]),
        (D(1985, 12, 31), ["de-treaty-1970"]),
        (D(1986, 1, 1), []),
        (D(2012, 6, 1), ["ab-arms-2010", "ab-treaty-2001"]),
        (D(2020, 2, 29), ["ab-treaty-2001"]),
        (D(2020, 3, 1), ["ab-treaty-2001", "bc-conflict-2020"]),
        (
            D(2023, 1, 1),
            ["ab-treaty-2001", "bc-conflict-2020", "ca-sanctions-2021", "cb-arms-2022", "ea-arms-2023"],
        ),
    ],
)
def test_filter_graph_as_of(tiny, as_of, expected):
    assert ties(filter_graph(tiny, as_of=as_of)) == expected


def test_filter_graph_drops_states_that_did_not_exist(tiny):
    view = filter_graph(tiny, as_of=D(1995, 1, 1), keep_isolates=True)
    assert "DDD" not in view and "EEE" in view


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"types": ["arms_supply"]}, ["ab-arms-2010", "cb-arms-2022", "ea-arms-2023"]),
        ({"statuses": ["disputed", "alleged"]}, ["cb-arms-2022", "ea-arms-2023"]),
        ({"types": []}, []),
        ({"focus": "CCC", "depth": 1}, ["bc-conflict-2020", "ca-sanctions-2021", "cb-arms-2022"]),
        # Depth 2 adds the ties of Carpania's partners, but not Dunland–Estoria.
        (
            {"focus": "CCC", "depth": 2},
            ["ab-arms-2010", "ab-treaty-2001", "bc-conflict-2020", "ca-sanctions-2021", "cb-arms-2022", "ea-arms-2023"],
        ),
        (
            {"focus": ["DDD", "CCC"], "depth": 1},
            ["bc-conflict-2020", "ca-sanctions-2021", "cb-arms-2022", "de-treaty-1970"],
        ),
    ],
)
def test_filter_graph_by_type_status_and_focus(tiny, kwargs, expected):
    assert ties(filter_graph(tiny, **kwargs)) == expected


def test_filter_graph_focus_follows_ties_against_their_direction(tiny):
    # Estoria's only tie points away from it; Avalon's sanctions point at Carpania.
    assert ties(filter_graph(tiny, focus="CCC", depth=1, types=["sanctions"])) == ["ca-sanctions-2021"]


def test_filter_graph_never_changes_its_input_nor_adds_ties(tiny):
    before = nx.to_dict_of_dicts(tiny)
    nodes_before = dict(tiny.nodes(data=True))
    for kwargs in ({}, {"as_of": D(2021, 1, 1)}, {"focus": "AAA", "depth": 2}, {"types": ["treaty"]}):
        view = filter_graph(tiny, **kwargs)
        assert set(view.edges(keys=True)) <= set(tiny.edges(keys=True))
        view.add_edge("AAA", "BBB", key="new")
        view.nodes["AAA"]["name"] = "changed"  # a view that is changed must not leak back
    assert nx.to_dict_of_dicts(tiny) == before
    assert dict(tiny.nodes(data=True)) == nodes_before


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"focus": "XYZ"}, "no actor with the id 'XYZ'"),
        ({"types": ["trade"]}, "Unknown tie type or status: trade"),
        ({"focus": "DDD", "as_of": D(2000, 1, 1)}, "Dunland did not exist"),
        ({"focus": "AAA", "depth": 0}, "Depth must be 1 or more"),
    ],
)
def test_filter_graph_explains_impossible_requests(tiny, kwargs, message):
    with pytest.raises(UsageError, match=message):
        filter_graph(tiny, **kwargs)
