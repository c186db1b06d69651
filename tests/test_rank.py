import pytest

from graph.errors import UsageError
from graph.rank import MEASURES, rank


@pytest.fixture
def star(make_graph):
    """CCC is the hub of a star, and the only bridge between the others."""
    return make_graph(
        "CCC AAA treaty 2000", "CCC BBB sanctions 2000", "DDD CCC arms_supply 2000", "CCC EEE conflict 2000"
    )


@pytest.mark.parametrize("measure", list(MEASURES))
def test_rank_puts_the_hub_first(star, measure):
    assert rank(star, measure)[0]["actor"] == "CCC"


def test_rank_by_ties_counts_each_type(star):
    top = rank(star, "ties", top=1)[0]
    assert (top["score"], top["treaty"], top["sanctions"], top["arms_supply"], top["conflict"]) == (4, 1, 1, 1, 1)


def test_rank_betweenness_of_a_star(star):
    scores = {r["actor"]: r["score"] for r in rank(star, "betweenness")}
    assert scores["CCC"] == 1.0 and scores["AAA"] == 0.0


def test_rank_rejects_an_unknown_measure(star):
    with pytest.raises(UsageError, match="Unknown measure"):
        rank(star, "fame")
