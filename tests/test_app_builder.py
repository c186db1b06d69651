"""The story builder in the app ("Make a story"), driven by streamlit.testing's AppTest."""

import datetime as dt
import random
import string
from dataclasses import replace

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest
from test_app import APP, drawn, shown, summary, widget, with_link

import graph
from graph import builder
from graph.stories import load_stories
from graph.view import highlightable

MAKE = "Make a story"
HOSTILE = "Look: ![x](http://evil.example/x.png) <script>alert(1)</script> :red[red] www.evil.example"


@pytest.fixture
def downloads(monkeypatch):
    """The bytes of a download button, kept by the media storage each AppTest run makes."""
    stores = []
    original = MemoryMediaFileStorage.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        stores.append(self)

    monkeypatch.setattr(MemoryMediaFileStorage, "__init__", init)

    def content(button) -> bytes:
        name = button.proto.url.rsplit("/", 1)[1]
        return next(
            s._files_by_id[name.split(".")[0]] for s in reversed(stores) if name.split(".")[0] in s._files_by_id
        ).content

    return content


def made(at) -> builder.Draft:
    return at.session_state["made"]


def open_tab(at):
    if at.session_state["tab"] != MAKE:
        at.session_state["tab"] = MAKE
        at.run()
    assert not at.exception
    return next(t for t in at.tabs if t.label == MAKE)


def press(at, label=None, key=None):
    tab = open_tab(at)
    next(b for b in tab.button if (key and b.key == key) or (label and b.label == label)).click().run()
    assert not at.exception
    return open_tab(at)


def add(at, caption, *, refused=False):
    tab = open_tab(at)
    next(w for w in tab.text_area if w.key == "made_caption").set_value(caption)
    tab = press(at, "Add this view as a step")
    assert bool(tab.error) == refused, [e.value for e in tab.error]
    return tab


@pytest.fixture
def app():
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def three_steps(app):
    add(app, "One: June 2025.")
    widget(app.date_input, "As of").set_value(dt.date(2024, 6, 19)).run()
    add(app, "Two: the treaty is signed.")
    widget(app.multiselect, "Focus on countries").set_value(["RUS", "PRK"]).run()
    return add(app, "Three: two states.")


def test_builder_adds_moves_edits_deletes_and_plays(app):
    tab = three_steps(app)
    assert [s.caption for s in made(app).steps] == [
        "One: June 2025.",
        "Two: the treaty is signed.",
        "Three: two states.",
    ]
    assert [s.state.as_of for s in made(app).steps] == [
        dt.date(2025, 6, 20),
        dt.date(2024, 6, 19),
        dt.date(2024, 6, 19),
    ]
    assert made(app).steps[2].state.focus == ("RUS", "PRK") and made(app).steps[2].sources
    assert next(w for w in tab.text_area if w.key == "made_caption").value == ""  # ready for the next
    tab = press(app, key="made_down_0")
    assert [s.caption[:3] for s in made(app).steps] == ["Two", "One", "Thr"]
    assert [w.value[:3] for w in tab.text_area if w.key.startswith("made_caption_")] == ["Two", "One", "Thr"]
    tab = press(app, key="made_up_2")
    assert [s.caption[:3] for s in made(app).steps] == ["Two", "Thr", "One"]
    next(w for w in tab.text_area if w.key == "made_caption_1").set_value("Three,\nedited.").run()
    assert made(app).steps[1].caption == "Three, edited."
    press(app, key="made_delete_0")
    assert [s.caption for s in made(app).steps] == ["Three, edited.", "One: June 2025."]
    press(app, "▶ Play the story")
    assert "step 1 of 2" in " ".join(shown(m.value) for m in app.markdown)
    assert any("Three, edited." in shown(i.value) for i in app.info)
    assert "2 steps from" not in summary(app) and "among Russia, North Korea" in summary(app)
    assert app.query_params["story"] in ([builder.MADE], builder.MADE) and app.query_params["made"]
    story_box = widget(app.selectbox, "Guided story")
    assert story_box.format_func(builder.MADE) == "Your story: My story"
    next(b for b in app.button if b.label.startswith("Next")).click().run()
    assert "step 2 of 2" in " ".join(shown(m.value) for m in app.markdown)
    assert "as of 2025-06-20" in summary(app)
    press(app, key="made_delete_1")  # the step on screen is deleted: the story is at its last step
    assert "step 1 of 1" in " ".join(shown(m.value) for m in app.markdown)


def test_builder_refuses_a_step_without_caption_and_keeps_the_story(app):
    add(app, "One.")
    tab = add(app, "   ", refused=True)
    assert any("Write a caption first" in shown(e.value) for e in tab.error)
    assert len(made(app).steps) == 1
    next(w for w in tab.text_area if w.key == "made_caption_0").set_value("").run()
    assert made(app).steps[0].caption == "One."  # an emptied caption is refused, and put back
    assert next(w for w in open_tab(app).text_area if w.key == "made_caption_0").value == "One."


def test_builder_file_round_trip_and_a_bad_file_keeps_the_story(app, downloads):
    tab = open_tab(app)
    next(w for w in tab.text_input if w.key == "made_title").set_value("Round trip").run()
    add(app, "One.")
    widget(app.multiselect, "Focus on countries").set_value(["UKR"]).run()
    widget(app.radio, "Which ties").set_value(False).run()
    tab = add(app, HOSTILE)
    data = downloads(next(b for b in app.get("download_button") if b.proto.label == "Download the stories file"))
    assert data.decode().count("[[story.step]]") == 2
    mine = made(app)

    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.run()
    tab = open_tab(fresh)
    tab.get("file_uploader")[0].set_value(("round-trip.toml", data, "application/toml")).run()
    tab = press(fresh, "Open this file")
    assert made(fresh) == mine and mine.title == "Round trip"
    assert any("Opened “Round trip”, 2 step(s)." in shown(s.value) for s in tab.success)

    lines = data.decode().splitlines()
    bad = lines.index('focus = ["UKR"]')
    lines[bad] = 'focus = ["UKR", "ZZZ"]'
    tab.get("file_uploader")[0].set_value(("round-trip.toml", "\n".join(lines).encode(), "application/toml")).run()
    tab = press(fresh, "Open this file")
    assert any("nothing of it was opened" in e.value for e in tab.error)
    assert f"round-trip.toml:{bad + 1}: story round-trip step 2: focus: got ['ZZZ']" in tab.code[0].value
    assert made(fresh) == mine


def test_builder_link_opens_the_story_at_its_first_step(app):
    add(app, "First: " + HOSTILE)
    widget(app.date_input, "As of").set_value(dt.date(1962, 10, 16)).run()
    tab = add(app, "Second.")
    link = next(c.value for c in tab.code if "?made=" in c.value)
    value = link.split("?made=", 1)[1]
    assert value == builder.to_link(made(app))

    opened = with_link(made=value)
    assert not opened.warning and "step 1 of 2" in " ".join(shown(m.value) for m in opened.markdown)
    caption = next(i.value for i in opened.info if "First:" in shown(i.value))
    assert HOSTILE in shown(caption)  # the text, as written …
    assert "![x](" not in caption and "<script>" not in caption  # … never read as Markdown or HTML
    assert "as of 2025-06-20" in summary(opened) and '"nodes"' in drawn(opened)
    assert made(opened).story() == made(app).story()  # an untitled story is "My story"


@pytest.mark.parametrize(
    ("value", "notice"),
    [
        ("not-a-story", "is garbled"),
        ("A" * (builder.MAX_LINK + 1), "too long"),
        ("%3Cscript%3Ealert(1)%3C/script%3E", "is garbled"),
    ],
)
def test_bad_made_link_gives_a_notice_and_the_map_draws(value, notice):
    at = with_link(made=value)
    assert any(notice in shown(w.value) for w in at.warning)
    assert "as of 2025-06-20" in summary(at) and '"nodes"' in drawn(at)
    assert "made" not in at.query_params


def test_builder_says_when_a_story_is_too_long_for_a_link(app):
    G = graph.build(graph.load())
    story = next(s for s in load_stories(actors=set(G), ties=highlightable(G)) if s.id == "russia-iran-north-korea")
    noise = random.Random(1)
    captions = ("".join(noise.choices(string.ascii_letters, k=400)) for _ in range(builder.MAX_STEPS))
    app.session_state["made"] = builder.Draft("Long", steps=tuple(replace(story.steps[0], caption=c) for c in captions))
    tab = open_tab(app)
    assert any("too long for a link — download the file instead" in shown(i.value) for i in tab.info)
    assert not [c for c in tab.code if "?made=" in c.value]


def test_builder_shows_hostile_names_and_titles_as_text(monkeypatch):
    monkeypatch.setenv("TIES_DATA_DIR", str(APP.rsplit("/", 1)[0] + "/tests/data/hostile_md"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    tab = open_tab(at)
    next(w for w in tab.text_input if w.key == "made_title").set_value(HOSTILE).run()
    widget(at.multiselect, "Focus on countries").set_value(["AAA", "BBB"]).run()
    tab = add(at, HOSTILE)
    line = next(m.value for m in tab.markdown if m.value.startswith("**Step 1**"))
    assert "among Russia ![t](http" in shown(line) and "![" not in line.split("sources", 1)[0]  # names as text
    press(at, "▶ Play the story")
    assert any(HOSTILE in shown(m.value) and "![" not in m.value for m in at.markdown)  # the title
    assert any(HOSTILE in shown(i.value) and "<script>" not in i.value for i in at.info)  # the caption


def test_back_to_an_earlier_address_of_the_story_keeps_the_edits(app):
    """The address carries the story while it plays; Back to an address written before an
    edit shows that view, and must not bring the unedited story back over the edit."""
    add(app, "One.")
    add(app, "Two.")
    press(app, "▶ Play the story")
    earlier = app.query_params["made"]
    next(w for w in open_tab(app).text_area if w.key == "made_caption_0").set_value("One, edited.").run()
    assert app.query_params["made"] != earlier
    app.query_params["made"] = earlier
    app.run()
    assert not app.exception and made(app).steps[0].caption == "One, edited."
