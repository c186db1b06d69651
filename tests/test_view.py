import datetime as dt
import json

import networkx as nx

from graph import force_layout
from graph.state import STORY_START, ViewState
from graph.view import actor_label, actors_by_name, latest_date, make_view


def test_make_view_summarises_and_tabulates_what_it_draws(tiny):
    view = make_view(tiny, force_layout(tiny), ViewState(as_of=dt.date(2023, 1, 1), focus=("CCC",)))
    assert view.summary == "3 ties between 3 actors as of 2023-01-01, 1 step from Carpania."
    assert list(view.table["title"]) == [
        "Borduria–Carpania war",
        "Avalon sanctions on Carpania",
        "Carpanian drones to Borduria",
    ]
    disputed = view.table.iloc[2]
    assert (disputed["status"], disputed["claims"]) == ("Disputed", "claimed by Avalon / denied by Carpania")
    assert disputed["dates"] == "since 2022-09"
    assert json.loads(view.data)["caption"] == "As of 2023-01-01, 1 step from Carpania"
    assert "tiesMap(" in view.html() and 'style="height: 100vh"' in view.html()


def test_make_view_table_has_a_source_for_every_row(world):
    view = make_view(world, {}, STORY_START)
    assert len(view.table) == view.graph.number_of_edges() > 0
    assert view.table["source_url"].str.match(r"^https?://").all()


def test_story_start_shows_the_story(world):
    view = make_view(world, {}, STORY_START)
    ties = {k for _, _, k in view.graph.edges(keys=True)}
    assert {"rus-prk-treaty-2024", "rus-irn-treaty-2025", "irn-rus-missiles-2024", "isr-irn-strikes-2025-06"} <= ties
    assert {"RUS", "IRN", "PRK", "UKR", "USA", "ISR"} <= set(view.graph)
    assert set(view.graph) <= set(STORY_START.focus)


def test_actor_label_and_order_help_search(tiny):
    assert actor_label(tiny, "AAA") == "Avalon (Ava, Avalonia) · AAA"
    assert actors_by_name(tiny)[:2] == ["ALL", "AAA"]


def test_latest_date_is_the_last_date_in_the_data(tiny):
    assert latest_date(tiny) == dt.date(2023, 1, 1)
    assert latest_date(nx.MultiDiGraph()) == dt.date.today()
