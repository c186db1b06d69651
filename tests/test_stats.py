import graph
from graph.stats import stats, stats_text


def test_stats_counts_the_tiny_data(tiny_dir):
    s = stats(graph.load(tiny_dir))
    assert s["actors"] == {"state": 5, "organization": 1}
    assert s["by_type"] == {"treaty": 2, "sanctions": 1, "arms_supply": 3, "conflict": 1}
    assert s["by_status"] == {"confirmed": 5, "alleged": 1, "disputed": 1}
    assert s["begun_before_1991"] == 1 and s["sourced"] == 1.0
    assert (s["first_year"], s["last_date"]) == (1970, "2023")
    assert s["states_without_ties"] == []


def test_stats_text_reads_as_lines(tiny_dir):
    text = stats_text(graph.load(tiny_dir))
    assert "Ties: 7 (treaty 2, sanctions 1, arms_supply 3, conflict 1)" in text
    assert "States with no tie at all (0): none" in text
