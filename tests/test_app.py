"""The Streamlit screen, driven by streamlit.testing's AppTest."""

import html
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).parent.parent
APP = str(ROOT / "app.py")


def shown(markdown: str) -> str:
    """Markdown from the app as a reader sees it: data text is written with character
    references and invisible word joiners (graph.plain), which the browser resolves."""
    return html.unescape(markdown).replace("\u2060", "")


def summary(at):
    return next(
        shown(m.value) for m in at.markdown if re.search(r" ties( and \d+ membership links)? between ", shown(m.value))
    )


def count(at):
    return int(re.search(r"(\d+) ties between", summary(at)).group(1))


def actors(at):
    return int(re.search(r"ties between (\d+) actors", summary(at)).group(1))


@pytest.fixture
def app():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def drawn(at):
    """The data the map element was handed on the last run (JSON text)."""
    (element,) = at.get("bidi_component")
    assert element.proto.component_name == "ties.map"
    return element.proto.bytes.decode()


def widget(elements, label):
    return next(e for e in elements if e.label == label)


def test_app_opens_on_the_story(app):
    assert "as of 2025-06-20, among Russia, Iran, North Korea" in summary(app)
    assert count(app) > 20
    nodes = {n["id"] for n in json.loads(drawn(app))["nodes"]}
    assert {"RUS", "IRN", "PRK", "UKR", "ISR", "USA"} <= nodes and len(nodes) == actors(app)
    table = app.dataframe[0].value
    assert len(table) == count(app)
    assert "rus-prk" not in " ".join(table.columns)  # the table speaks plain words, not ids
    assert "Russia–North Korea strategic partnership treaty" in set(table["title"])


def test_app_tie_type_filter_changes_the_count(app):
    before = count(app)
    widget(app.multiselect, "Tie types").set_value(["treaty"]).run()
    assert not app.exception
    assert 0 < count(app) < before
    assert set(app.dataframe[0].value["type"].str.split(" ").str[0]) == {"Treaty"}


def test_app_status_filter_hides_contested_claims(app):
    widget(app.multiselect, "Status of the claim").set_value(["confirmed"]).run()
    assert set(app.dataframe[0].value["status"]) == {"Confirmed"}


def test_app_focus_on_another_country(app):
    widget(app.multiselect, "Focus on countries").set_value(["UKR"]).run()
    widget(app.radio, "Which ties").set_value(False).run()
    assert not app.exception
    assert "1 step from Ukraine" in summary(app)
    table = app.dataframe[0].value
    assert ((table["from"] == "Ukraine") | (table["to"] == "Ukraine")).all()


def test_app_all_ties_of_the_focus_shows_more_than_those_among_it(app):
    among = count(app)
    widget(app.radio, "Which ties").set_value(False).run()
    assert "1 step from Russia" in summary(app)
    assert count(app) > among
    assert not widget(app.slider, "Steps from the focus").disabled


def test_app_without_focus_shows_more_and_depth_is_disabled(app):
    focused = count(app)
    widget(app.multiselect, "Focus on countries").set_value([]).run()
    assert count(app) > focused
    assert widget(app.slider, "Steps from the focus").disabled


def test_app_earlier_date_shows_the_ties_of_that_time(app):
    widget(app.multiselect, "Focus on countries").set_value([]).run()
    widget(app.date_input, "As of").set_value("2010-06-01").run()
    assert not app.exception
    assert "as of 2010-06-01" in summary(app)
    assert "Russia–North Korea strategic partnership treaty" not in set(app.dataframe[0].value["title"])


def test_app_with_broken_data_lists_the_problems_without_a_traceback(monkeypatch):
    monkeypatch.setenv("TIES_DATA_DIR", str(ROOT / "tests/data/broken/unknown_actor"))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "data files have problems" in at.error[0].value
    assert "relations.csv:3: target: got 'ZZZ'" in at.code[0].value


def tab(app, label):
    """Open a tab (only the open one does its work) and return it."""
    if app.session_state["tab"] != label:
        app.session_state["tab"] = label
        app.run()
        assert not app.exception
    return next(t for t in app.tabs if t.label == label)


def test_app_profile_tab_answers_about_a_country(app):
    profile_tab = tab(app, "Profile")
    assert shown(profile_tab.markdown[0].value).startswith("As of 20 June 2025 Iran")
    profile_tab.selectbox[0].set_value("PRK").run()
    assert not app.exception
    assert shown(tab(app, "Profile").markdown[0].value).startswith("As of 20 June 2025 North Korea")


def test_app_path_tab_narrates_and_highlights(app):
    paths_tab = tab(app, "How are they tied?")
    paths_tab.selectbox[1].set_value("ISR").run()
    assert not app.exception
    stories = [shown(m.value) for m in tab(app, "How are they tied?").markdown if shown(m.value).startswith("- ")]
    assert stories and all(s.startswith("- North Korea — ") and s.endswith(" — Israel") for s in stories)
    assert '"alpha":0.12' in drawn(app)  # ties off the path fade


def test_app_rank_blocs_and_balance_tabs(app):
    assert tab(app, "Who matters?").dataframe[0].value.iloc[0]["Actor"]
    tab(app, "Who matters?").radio[0].set_value("betweenness").run()
    assert tab(app, "Who matters?").dataframe[0].value.iloc[0]["Actor"]
    assert not app.exception
    assert any("bloc" in shown(m.value) for m in tab(app, "Which camps?").markdown)
    assert any("balance ratio" in shown(m.value) for m in tab(app, "Balance").markdown)


def test_app_colours_countries_by_bloc(app):
    app.toggle[0].set_value(True).run()
    assert not app.exception
    assert "#77AADD" in drawn(app)


def test_app_steps_through_the_years(app):
    change = tab(app, "What changed?")
    next(b for b in change.button if "back" in b.label).click().run()
    assert widget(app.date_input, "As of").value.isoformat() == "2024-06-20"
    assert "as of 2024-06-20" in summary(app)
    assert any(shown(m.value).startswith("**Begun**") for m in tab(app, "What changed?").markdown)


def with_link(**params):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


@pytest.mark.parametrize(
    "params",
    [
        {"as_of": "1962-10-16"},
        {"types": "treaty,conflict"},
        {"status": "confirmed"},
        {"focus": "UKR,RUS", "among": "0", "depth": "2"},
        {"layout": "geo"},
        {"members": "NATO"},
        {"as": "IRN", "as_of": "2025-01-17"},
        {"story": "nato-12-to-32", "step": "3"},
        {"present": "1"},
    ],
)
def test_app_link_round_trip_for_every_parameter(params):
    at = with_link(**params)
    for key, value in params.items():
        assert at.query_params[key] == [value] or at.query_params[key] == value, key
    assert not [w for w in at.warning]


def test_app_link_restores_the_view():
    at = with_link(as_of="1962-10-16", types="treaty", focus="SUN", among="0", depth="1")
    assert "as of 1962-10-16, 1 step from Soviet Union" in summary(at)
    table = at.dataframe[0].value
    assert set(table["type"].str.split(" ").str[0]) == {"Treaty"}
    assert summary(at).startswith(f"**{len(table)} ties between ")  # the summary counts the table's rows


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"as_of": "99999-12-31"}, "is not a day"),
        ({"depth": "1000000"}, "must be 1, 2 or 3"),
        ({"focus": "<script>alert(1)</script>"}, "unknown countries"),
        ({"story": "nope"}, "no story"),
    ],
)
def test_app_hostile_link_falls_back_with_a_notice(params, notice):
    at = with_link(**params)
    assert any(notice in shown(w.value) for w in at.warning)
    assert "<script>" not in " ".join(shown(w.value) for w in at.warning)


def test_app_changing_the_view_updates_the_link(app):
    widget(app.multiselect, "Tie types").set_value(["treaty"]).run()
    assert app.query_params["types"] in (["treaty"], "treaty")


def test_app_every_story_loads_every_step():
    import graph
    from graph.stories import load_stories

    for story in load_stories(actors=set(graph.load().actors["id"])):
        at = with_link(story=story.id)
        for step in range(1, len(story.steps) + 1):
            assert f"step {step} of {len(story.steps)}" in " ".join(shown(m.value) for m in at.markdown)
            assert any(story.steps[step - 1].caption[:40] in shown(i.value) for i in at.info)
            if step < len(story.steps):
                next(b for b in at.button if b.label.startswith("Next")).click().run()
                assert not at.exception


@pytest.mark.parametrize(("opened_at", "moved_to", "button", "expected"), [(1, 2, "Next", 3), (2, 3, "◀ Back", 2)])
def test_app_story_buttons_move_from_the_step_the_session_is_at(opened_at, moved_to, button, expected):
    """A quick second click can arrive while the run of the first has drawn the map but not
    yet the buttons: Streamlit then calls the callback made for the step before. Next once
    stayed put (a lost click) and Back went back two steps; the load test saw both."""
    at = with_link(story="sanctions-on-russia", step=str(opened_at))
    at.session_state["step"] = moved_to  # what the first click's callback did, before the buttons were redrawn
    next(b for b in at.button if b.label.startswith(button)).click().run()
    assert at.session_state["step"] == expected
    assert f"step {expected} of 4" in " ".join(shown(m.value) for m in at.markdown)


def test_app_a_quick_second_click_with_the_old_address_is_not_the_browsers_back():
    """Two quick clicks on Next: the second's run can carry the address from before the first
    run wrote its own. It used to be taken for the browser's Back, and the story went back."""
    at = with_link(story="sanctions-on-russia", step="1")
    next(b for b in at.button if b.label.startswith("Next")).click().run()
    assert at.query_params["step"] == "2"
    at.query_params["step"] = "1"  # the address the page still showed when the second click left
    next(b for b in at.button if b.label.startswith("Next")).click().run()
    assert at.session_state["step"] == 3
    assert "step 3 of 4" in " ".join(shown(m.value) for m in at.markdown)


def test_app_presentation_mode_hides_the_controls():
    at = with_link(present="1", story="israel-iran")
    assert not at.tabs
    assert any(b.label == "Leave" for b in at.button)
    assert "26" in drawn(at).split('"labelPx":', 1)[1][:3]


def test_app_quiz_asks_checks_and_scores(app):
    quiz_tab = tab(app, "Quiz")
    question = next(shown(m.value) for m in quiz_tab.markdown if shown(m.value).startswith("**Question 1 of"))
    assert question.endswith("?")
    quiz_tab.radio[0].set_value(0).run()
    next(b for b in tab(app, "Quiz").button if b.label == "Check").click().run()
    assert not app.exception
    feedback = [*tab(app, "Quiz").success, *tab(app, "Quiz").error]
    assert len(feedback) == 1
    assert any("Score: " in shown(c.value) and " of 1 checked" in shown(c.value) for c in tab(app, "Quiz").caption)
    next(b for b in tab(app, "Quiz").button if b.label.startswith("Next question")).click().run()
    assert any(shown(m.value).startswith("**Question 2 of") for m in tab(app, "Quiz").markdown)


def test_app_follows_the_address_when_the_browser_goes_back():
    """Back or Forward changes the address only; the app must show the view it names."""
    at = with_link(as_of="2025-06-20", focus="IRN", among="0")
    assert "1 step from Iran" in summary(at)
    at.query_params["focus"] = "PRK"
    at.run()
    assert "1 step from North Korea" in summary(at) and at.session_state.focus == ["PRK"]
    at.session_state.depth = 2  # a change in the widgets is kept, and written to the address
    at.run()
    assert at.query_params["depth"] in (["2"], "2") and "2 steps from North Korea" in summary(at)


def test_app_story_step_summary_counts_what_is_drawn():
    at = with_link(story="nato-12-to-32", step="1")
    assert "0 ties and 12 membership links between 13 actors" in summary(at)


def test_app_who_says_so_shows_each_sentence_as_text(tmp_path, monkeypatch):
    """Seen as Carpania (renamed to a hostile name), the map strikes the tie it denies and the
    sentence under the summary shows the name literally: no image, no link."""
    for f in (ROOT / "tests/data/tiny").iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    actors = tmp_path / "actors.csv"
    actors.write_text(actors.read_text().replace("Carpania", "Iran ![x](http://h/x.png)"))
    monkeypatch.setenv("TIES_DATA_DIR", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as_of"] = "2023-06-01"
    at.query_params["focus"] = ""
    at.run()
    assert not at.exception
    widget(at.sidebar.selectbox, "Who says so?").set_value("CCC").run()
    assert not at.exception
    (said,) = [m.value for m in at.markdown if "denies it" in shown(m.value)]
    name = "Iran ![x](http://h/x.png)"
    assert shown(said) == f"- Avalon says {name} supplies drones to Borduria; {name} denies it."
    assert "![" not in said and "http://" not in said  # escaped: Markdown sees no image and no link
    data = json.loads(drawn(at))
    assert data["voice"] == "Iran ![x](http://h/x.png)" and len(data["said"]) == 1
    assert [e["id"] for e in data["edges"] if e.get("struck")] == ["cb-arms-2022"]
    assert at.query_params["as"] == "CCC"


def test_app_play_control_steps_plays_and_pauses():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"as_of": "2021-06-14", "focus": "", "among": "0"})
    at.run()
    at.button(key="play-on").click().run()
    assert not at.exception and str(at.session_state["as_of"]) == "2022-06-14"
    edges = json.loads(drawn(at))["edges"]
    assert any(e.get("note", "").startswith("new") and e.get("wide") for e in edges)  # begun in that year
    assert json.loads(drawn(at))["tick"] is None and json.loads(drawn(at))["extent"]  # held, not playing
    at.button(key="play").click().run()
    assert [b.label for b in at.button if b.key == "play"] == ["⏸ Pause"]
    view = json.loads(drawn(at))
    assert view["tick"] == {"after": 1.0, "day": "2022-06-14"} and view["extent"]
    at.button(key="play").click().run()
    assert [b.label for b in at.button if b.key == "play"] == ["▶ Play"]
    assert json.loads(drawn(at))["tick"] is None


def test_app_a_story_step_sets_the_window_of_its_play():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"story": "cold-war-ends", "step": "1", "present": "1"})
    at.run()
    assert not at.exception
    assert (str(at.session_state["play_from"]), str(at.session_state["play_until"])) == ("1989-11-01", "1990-10-03")
    assert at.session_state["play_by"] == "month"
    at.button(key="play").click().run()
    assert json.loads(drawn(at))["tick"]["day"] == "1989-11-01"  # plays from the step's own day


def test_app_presentation_shows_a_qr_code_of_the_view_at_the_typed_address():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"present": "1", "as_of": "1991-12-26", "focus": "RUS", "among": "0"})
    at.run()
    assert not at.image
    at.session_state["qr_base"] = "192.168.1.20:8501"
    at.toggle(key="show_qr").set_value(True).run()
    assert not at.exception
    text = next(t.value for t in at.text if "Scan to open" in t.value)
    link = text.split("\n")[1]
    assert link.startswith("http://192.168.1.20:8501/?as_of=1991-12-26&") and "focus=RUS" in link
    assert "present" not in link  # phones open the ordinary view
    assert len(at.image) == 1 and at.image[0].value[0]
    at.session_state["qr_base"] = "javascript:alert(1)"
    at.run()
    assert any("not one a phone can open" in w.value for w in at.warning) and not at.image


def test_app_play_from_the_opening_view_plays_from_the_windows_start():
    """The opening view is in 2025, less than a year before the data ends: ▶ once played a
    single step and stopped; it now plays from the window's start (1945)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.button(key="play").click().run()
    assert not at.exception
    assert json.loads(drawn(at))["tick"]["day"] == "1945-01-01"
