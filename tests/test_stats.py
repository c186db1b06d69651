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


def test_stats_count_recent_ties_by_region_and_unconfirmed_rows_per_dataset():
    """The audit test folder has one open-ended ATOP row (unconfirmed after 2016), none from
    UCDP or SIPRI, whose last days happen to be the same: each counts its own rows."""
    from pathlib import Path

    s = stats(graph.load(Path(__file__).parent / "data" / "audit" / "unchecked"))
    assert s["unconfirmed"] == {
        "ATOP v4.01": 1,
        "UCDP/PRIO Armed Conflict Dataset v25.1": 0,
        "SIPRI Arms Transfers Database": 0,
    }
    # Begun 2022-2025 in the tiny data: Carpania's drones (Asia–Europe), Estoria's arms
    # (Americas–Europe); a tie between two regions counts in both.
    assert s["recent_by_region"] == {"Africa": 0, "Americas": 1, "Asia": 1, "Europe": 2, "Oceania": 0}
