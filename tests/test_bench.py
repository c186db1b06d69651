"""The benchmark keeps working (figures are checked for shape, never for speed)."""

import json
import re

import networkx as nx
import pytest

import graph
from devtools.bench import app_filter_change, browser_times, naive_page, server, synthetic, table


def test_synthetic_is_valid_and_seeded():
    first, second = synthetic(40, 120, seed=3), synthetic(40, 120, seed=3)
    assert first == second and synthetic(40, 120, seed=4) != first
    data = graph.load_bytes(first)
    assert (len(data.actors), len(data.relations)) == (40, 120)


def test_server_figures_on_a_tiny_dataset():
    figures = server(synthetic(30, 60), runs=1)
    keys = ("load_validate_ms", "build_ms", "filter_ms", "layout_cold_ms", "render_ms", "rerun_ms")
    keys += ("html_kb", "data_kb")
    for key in keys:  # each was measured: a duration or a size, never zero
        assert figures[key] > 0, key
    assert figures["layout_cached_ms"] < figures["layout_cold_ms"]
    assert figures["data_kb"] < figures["html_kb"]  # the page carries the data and the library
    assert figures["actors"] == 30 and figures["ties"] == 60
    assert "vis.Network" in figures["page"]


def test_naive_page_is_pyvis_defaults_without_the_cdn(tiny):
    page = naive_page(tiny)
    assert not re.search(r"<(link|script)[^>]+https?://", page)
    # pyvis' defaults: the physics simulation on, curves that move with it, every name.
    options = json.loads(re.findall(r"options = (\{\n.*?\n\});", page, re.S)[-1])
    assert options["physics"]["enabled"] is True and options["edges"]["smooth"]["type"] == "dynamic"
    assert all(page.count(f'"label": "{name}"') == 1 for name in nx.get_node_attributes(tiny, "name").values())


@pytest.mark.browser
def test_browser_times_measure_both_pages(tiny):
    figures = server(synthetic(20, 30), runs=1)
    times = browser_times({"ours": figures["page"], "naive": naive_page(tiny)}, runs=1, timeout_s=30)
    assert times["ours"] is not None and times["ours"] > 0
    assert "naive" in times


@pytest.mark.browser
def test_app_filter_change_times_story_steps_in_the_running_app(app_url):
    times = app_filter_change(runs=2, url=app_url)
    assert times is not None and len(times) == 2
    assert all(0 < t < 60_000 for t in times)


def test_table_prints_every_dataset():
    figures = server(synthetic(10, 12), runs=1)
    for key in ("view", "positions", "page"):
        figures.pop(key)
    text = table(
        {
            "server": {"tiny": figures},
            "browser": {"page_load_to_still_ms": {"tiny": 12.5}, "naive_over_ours": 3.0, "app_filter_change_ms": 100},
        }
    )
    assert "| tiny | 10 | 12 |" in text and "naive pyvis ÷ ours | 3.0" in text
