"""Ties between states: the Streamlit screen. Widgets in, graph.* calls, st.* out."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

import graph
from graph import builder, dates, frames, vocab
from graph.answers import balance_summary, camps, chains, leaders
from graph.balance import THEORY, balance_by_year
from graph.cache import MB, SizedCache
from graph.charts import ratio_chart, ties_chart
from graph.diff import diff, ties_per_year
from graph.export import export
from graph.layout import LAYOUTS
from graph.lens import voices
from graph.links import Link, keep_valid, navigated, parse_link, to_params
from graph.plain import plain
from graph.profile import profile
from graph.qr import base_address, qr_png, view_link
from graph.quiz import quiz, source_checks, worksheet
from graph.rank import MEASURES
from graph.render import VIS_JS, asset, map_script
from graph.score import QuizProgress
from graph.state import ViewState
from graph.still import still
from graph.stories import load_stories
from graph.upload import MAX_MB, NAMES, TEMPLATE, read_upload
from graph.view import (
    TABLE_COLUMNS,
    Drawing,
    actor_label,
    actors_by_name,
    existing,
    filtered,
    highlightable,
    make_view,
    play_extent,
)
from graph.warm import world
from graph.world import World, prepare

PRESENT = st.query_params.get("present") == "1" or st.session_state.get("present", False)
st.set_page_config(
    page_title="Ties between states",
    page_icon="🌐",
    layout="wide",
    initial_sidebar_state="collapsed" if PRESENT else "auto",
)
FIRST_DAY = dt.date(1945, 1, 1)
# vis-network is served once from the app's own static folder, so the map element loads it
# once per tab (exports still carry it inline).
STATIC = Path(__file__).parent / "static"
VIS_SRC = "app/static/vis-network.min.js"


# The map is one components-v2 element that stays mounted: a rerun hands it only the new
# data (JSON bytes), which `map.js` draws into the same network. vis-network is loaded once
# per tab from the app's own server. A click on a country or a tie comes back to Python.
MAP = st.components.v2.component(
    "ties.map",
    css=asset("map.css"),
    js=map_script() + asset("component.js").replace("__VIS_SRC__", VIS_SRC),
    isolate_styles=False,
)
# A teacher can point the app at another folder of CSV files with TIES_DATA_DIR.
DATA_DIR = os.environ.get("TIES_DATA_DIR", str(graph.DEFAULT_DATA_DIR))


@st.cache_resource
def serve_vis() -> str:
    """vis-network ships in static/ (a read-only app folder works); it is copied there from
    pyvis only when missing, as after a pyvis upgrade in a writable checkout."""
    target = STATIC / "vis-network.min.js"
    if not target.exists() or target.stat().st_size != VIS_JS.stat().st_size:
        STATIC.mkdir(exist_ok=True)
        shutil.copyfile(VIS_JS, target)
    return VIS_SRC


@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def shipped(data_dir: str) -> World:
    """The shipped data, built and laid out, shared by every user.

    Made once per process (a replica makes it before it listens: scripts/replica.py)."""
    return world(data_dir)


@st.cache_resource(max_entries=4)
def shipped_stories(data_dir: str):
    """The guided stories of the shipped data, read once (not on every rerun)."""
    G = shipped(data_dir).graph
    return {s.id: s for s in load_stories(Path(data_dir) / "stories.toml", actors=set(G), ties=highlightable(G))}


# What the app works out for a view is kept in a cache bounded by bytes: one for the shipped
# data, shared by every session, and one in the session of an upload, which goes with the
# session (the server keeps nothing of an upload once its session has ended).
SHARED_CACHE_MB, UPLOAD_CACHE_MB = 128, 32


@st.cache_resource(max_entries=4)
def shared_cache(data_dir: str) -> SizedCache:
    """The cache of one data folder's views, shared by every session that shows it (its
    keys do not name the folder, as the st.cache_data keys did: one cache a folder)."""
    return SizedCache(SHARED_CACHE_MB * MB, name=data_dir)


def cache_for(key: str) -> SizedCache:
    """The cache of the data under `key`: the shared one, or this session's upload's."""
    if key == DATA_DIR:
        return shared_cache(DATA_DIR)
    own_cache = st.session_state.get("own_cache")
    if own_cache is None or own_cache.name != key:  # a new upload: the old one's entries go
        own_cache = st.session_state.own_cache = SizedCache(UPLOAD_CACHE_MB * MB, name=key)
    return own_cache


def view(key: str, state: ViewState, drawing: Drawing, _world: World):
    """The map's data and the table for one view; cached, so returning to a view costs nothing."""
    return cache_for(key).get(
        ("view", state, drawing), lambda: make_view(_world.graph, _world.layouts[state.layout], state, drawing)
    )


def answer(key: str, state: ViewState, question: Callable, *args, _world: World):
    """`question(view's graph, *args)`, one of the typed answers of graph.*, cached by the
    data, the view, the question and its arguments."""
    name = f"{question.__module__}.{question.__name__}"
    return cache_for(key).get(("answer", state, name, args), lambda: question(filtered(_world.graph, state), *args))


def history(key: str, types: tuple, statuses: tuple, _world: World):
    """Ties per type and the balance ratio, year by year."""

    def work():
        G = _world.graph
        years = range(1946, _world.cutoff.year + 1)
        per_year = pd.DataFrame(ties_per_year(G, years, statuses=statuses)).set_index("year")

        def view_at(g, as_of):
            return filtered(g, ViewState(as_of=as_of, types=types, statuses=statuses))

        ratios = pd.DataFrame(balance_by_year(G, years, filter_fn=view_at)).set_index("year")[["ratio"]]
        return per_year, ratios

    return cache_for(key).get(("history", types, statuses), work)


def window_extent(key: str, state: ViewState, first: dt.date, last: dt.date, by: str, _world: World):
    """The part of the layout a play from `first` to `last` shows in some frame: every frame
    shows it, so nothing moves on the screen between frames."""
    return cache_for(key).get(
        ("extent", state, first, last, by),
        lambda: play_extent(_world.graph, _world.layouts[state.layout], state, frames.frame_days(first, last, by)),
    )


def links(rows: list[dict], columns: dict[str, str]) -> None:
    """A table whose `source_url` column is a link."""
    st.dataframe(
        pd.DataFrame(rows)[list(columns)],
        hide_index=True,
        width="stretch",
        column_config={
            **{k: st.column_config.TextColumn(v) for k, v in columns.items() if k != "source_url"},
            "source_url": st.column_config.LinkColumn("Source", display_text="open source"),
        },
    )


def apply(state: ViewState, *, colour_blocs: bool = False) -> None:
    """Put a view into the widgets (before they are drawn: from a callback or at start)."""
    st.session_state.update(
        as_of=state.as_of,
        types=list(state.types),
        statuses=list(state.statuses),
        focus=[f for f in state.focus if f in G],
        among=state.among,
        depth=state.depth,
        layout=state.layout,
        members=[m for m in state.members if m in G],
        minor=state.minor,
        voice=state.voice or None,
        colour_blocs=colour_blocs,
    )


def go_to_step(story_id: str | None, step: int) -> None:
    st.session_state.story, st.session_state.step = story_id, step
    st.session_state.playing = False  # a new step holds still until ▶ is pressed
    if story_id:
        chosen = STORIES[story_id].steps[step - 1]
        apply(chosen.state, colour_blocs=chosen.blocs)
        if chosen.play_until:  # the step's play through time: ▶ plays from its date to this one
            st.session_state.update(
                playing=False, play_from=chosen.state.as_of, play_until=min(chosen.play_until, cutoff)
            )
            st.session_state.play_by = chosen.play_by


def move_step(by: int) -> None:
    """Back (-1) or Next (+1) in the story and step the session is at when the click arrives.

    Not from the step the button was drawn at: the map is drawn before the buttons, so a
    quick second click could land while the run that drew the map had not yet drawn the
    buttons again, and Streamlit called the callback made for the step before (the click
    was lost, or Back went back two steps; the load test saw it under load)."""
    story_id = st.session_state.story
    st.session_state.stepped = True
    if story_id in STORIES:
        go_to_step(story_id, min(max(st.session_state.step + by, 1), len(STORIES[story_id].steps)))


# ---- Time that plays: one frame after another, each marking what changed since the last --
def show_frame(day: dt.date, since: dt.date | None = None) -> None:
    """Show the view on `day` as a frame of a play; `since`, the previous frame's day, makes
    what began since then stand out and what ended fade for this frame."""
    st.session_state.update(as_of=day, play_at=day, play_since=since)


def step_date(n: int) -> None:
    """◀ and ▶ beside Play: one step (a year or a month) back or on."""
    ss = st.session_state
    day = min(max(frames.later(ss.as_of, ss.play_by, n), FIRST_DAY), cutoff)
    show_frame(day, ss.as_of if day > ss.as_of else None)


def toggle_play() -> None:
    """▶ plays on from the date shown, or from the window's start when the date is outside
    it or less than a step from its end (the opening view, in 2025, plays from 1945); ⏸
    pauses."""
    ss = st.session_state
    if ss.playing:
        ss.playing = False
        return
    ss.playing = True
    at_end = frames.later(ss.as_of, ss.play_by, 1) > ss.play_until  # not a whole step left to play
    if at_end or not ss.play_from <= ss.as_of < ss.play_until:
        show_frame(ss.play_from)
    elif ss.get("play_at") != ss.as_of:
        show_frame(ss.as_of)


def tick(day: str | None) -> None:
    """The map drew the frame of `day` and showed it for the chosen time: the next one."""
    ss = st.session_state
    if not ss.playing or day != ss.as_of.isoformat():  # from a frame no longer shown
        return
    following = frames.next_day(ss.as_of, ss.play_by, ss.play_until)
    if following is None:
        ss.playing = False
    else:
        show_frame(following, ss.as_of)


def shift_year(years: int) -> None:
    st.session_state.as_of = min(max(dates.years_later(st.session_state.as_of, years), FIRST_DAY), cutoff)


# ---- The story builder ("Make a story"): logic in graph.builder; here its widgets --------
def set_draft(draft: builder.Draft, message: tuple[str, str] | None = None) -> None:
    """Keep `draft` as the story being made, and show it in the builder's fields."""
    st.session_state.update(made=draft, made_title=draft.title, made_summary=draft.summary, made_message=message)
    for i, step in enumerate(draft.steps):
        st.session_state[f"made_caption_{i}"] = step.caption


def change_draft(how: str, *args) -> None:
    """Apply one of Draft's changes (`added`, `moved`, …); a refusal is said in the builder."""
    try:
        set_draft(getattr(st.session_state.get("made", builder.Draft()), how)(*args))
    except graph.UsageError as exc:  # the fields show the draft as it stays
        set_draft(st.session_state.get("made", builder.Draft()), ("error", str(exc)))


def add_step(state: ViewState, highlight: frozenset[str], colour_blocs: bool) -> None:
    try:
        step = builder.step_from_view(
            G, state, caption=st.session_state.made_caption, highlight=highlight, blocs=colour_blocs
        )
    except graph.UsageError as exc:
        st.session_state.made_message = ("error", str(exc))
    else:
        change_draft("added", step)
        st.session_state.made_caption = ""


def open_story_file() -> None:
    """Open an uploaded stories file in the builder, whole or not at all."""
    file = st.session_state.get("made_file")
    if file is None:
        return
    try:
        found = builder.from_toml(file.getvalue(), name=file.name, actors=set(G), ties=highlightable(G))
    except graph.DataError as exc:
        st.session_state.made_message = ("problems", "\n".join(str(p) for p in exc.problems))
        return
    more = f" The file holds {len(found)} stories: the first is opened." if len(found) > 1 else ""
    set_draft(
        builder.draft_of(found[0]), ("success", f"Opened “{found[0].title}”, {len(found[0].steps)} step(s).{more}")
    )


def story_builder(state: ViewState, highlight: frozenset[str], colour_blocs: bool) -> None:
    """The "Make a story" tab: the view on screen as a step; the steps; file, link, play."""
    ss = st.session_state
    draft = ss.get("made", builder.Draft())
    for key, value in (("made_title", draft.title), ("made_summary", draft.summary)):
        ss.setdefault(key, value)  # widgets not drawn (another tab open) lose their state
    st.caption(
        "Set the view with the controls, write what it shows, and add it as a step. Your story lives in this "
        "browser tab only — nothing is stored on the server: download the file or copy the link to keep it."
    )
    left, right = st.columns(2)
    retitle = lambda: change_draft("retitled", ss.made_title, ss.made_summary)  # noqa: E731
    left.text_input(
        "Title", key="made_title", max_chars=builder.MAX_TITLE, placeholder=builder.UNTITLED, on_change=retitle
    )
    right.text_input("Summary (optional)", key="made_summary", max_chars=builder.MAX_CAPTION, on_change=retitle)
    st.text_area(
        "Caption for the view on screen",
        key="made_caption",
        max_chars=builder.MAX_CAPTION,
        placeholder="A sentence or two on what this view shows.",
    )
    st.button("Add this view as a step", on_click=add_step, args=(state, highlight, colour_blocs), type="primary")
    st.caption(
        f"The step cites the sources of the ties highlighted in the map ({len(highlight)} now) or, if none is, "
        f"of the ties around the focus (the latest {builder.MAX_SOURCES})."
    )
    kind, text = ss.pop("made_message", None) or (None, "")
    if kind == "problems":
        st.error("The file has problems, so nothing of it was opened; your story is as it was:")
        st.code(text, language=None)
    elif kind:
        getattr(st, kind)(plain(text))
    for i, step in enumerate(draft.steps):
        with st.container(border=True, key=f"made-step-{i}"):
            view_of = plain(builder.describe(step, dict(G.nodes(data="name"))))
            sources = " ".join(f"[{n}]({url})" for n, url in enumerate(step.sources, 1))
            st.markdown(f"**Step {i + 1}** · {view_of} · sources {sources}")
            ss.setdefault(f"made_caption_{i}", step.caption)
            st.text_area(
                f"Caption of step {i + 1}",
                key=f"made_caption_{i}",
                max_chars=builder.MAX_CAPTION,
                on_change=lambda i=i: change_draft("recaptioned", i, ss[f"made_caption_{i}"]),
            )
            with st.container(horizontal=True):
                st.button("↑ Up", key=f"made_up_{i}", on_click=change_draft, args=("moved", i, -1), disabled=i == 0)
                last = i == len(draft.steps) - 1
                st.button("↓ Down", key=f"made_down_{i}", on_click=change_draft, args=("moved", i, 1), disabled=last)
                st.button("Delete", key=f"made_delete_{i}", on_click=change_draft, args=("without", i))
                st.button("Show", key=f"made_show_{i}", on_click=go_to_step, args=(builder.MADE, i + 1))
    if draft.steps:
        with st.container(horizontal=True):
            st.button("▶ Play the story", on_click=go_to_step, args=(builder.MADE, 1))
            st.button("Present it", on_click=lambda: (go_to_step(builder.MADE, 1), ss.update(present=True)))
            story = draft.story()
            st.download_button("Download the stories file", builder.to_toml(draft), file_name=f"{story.id}.toml")
        try:
            value = builder.to_link(draft)
        except graph.UsageError as exc:
            st.info(plain(exc))
        else:
            st.markdown("**A link that opens the story** (copy it with the button at its right):")
            st.code(f"{(st.context.url or '').split('?')[0]}?made={value}", language=None)
    st.file_uploader("Open a stories file", type="toml", key="made_file", max_upload_size=1)
    st.button("Open this file", on_click=open_story_file, disabled=ss.get("made_file") is None)


# ---- A replica lost: the session comes back on another one at once --------------------
# When its replica dies, the page reconnects through the balancer to a live replica, which
# knows nothing of it. Streamlit's front end asks for a run on reconnection only when the
# page has a timed fragment; with this one (it draws nothing, and runs twice a day), the
# new replica draws the view from the address at once, instead of at the next click,
# which it would lose (docs/deploy.md, "When a replica dies").
@st.fragment(run_every=dt.timedelta(hours=12))
def rerun_on_reconnect() -> None:
    pass


rerun_on_reconnect()

# ---- The data: shipped, or the user's own upload (kept in this session only) -----------
try:
    shipped_world = shipped(DATA_DIR)
except graph.DataError as exc:
    st.error("The data files have problems, so the map cannot be drawn. Every problem found:")
    st.code("\n".join(str(p) for p in exc.problems), language=None)
    st.stop()
own = st.session_state.get("own")  # (key, world, summary) of an accepted upload
use_own = own is not None and st.session_state.get("source", "shipped") == "own"
KEY, WORLD = (own[0], own[1]) if use_own else (DATA_DIR, shipped_world)
G, cutoff = WORLD.graph, WORLD.cutoff
try:
    STORIES = {} if use_own else shipped_stories(DATA_DIR)
except graph.DataError as exc:
    st.warning("The stories file has problems, so stories are off: " + plain("; ".join(map(str, exc.problems))))
    STORIES = {}
# A story made in this session (the "Make a story" tab), or brought by a link that carries
# it whole (?made=): nothing of it is stored on the server.
# A link this session wrote or opened is not opened again: Back to a view of the story
# before an edit must not undo the edit.
made_value, made_notice = st.query_params.get("made"), None
known_links = st.session_state.setdefault("made_links", set())  # hashes, not the links
if made_value is not None and hash(made_value) not in known_links:
    known_links.add(hash(made_value))
    try:
        set_draft(builder.from_link(made_value, actors=set(G), ties=highlightable(G)))
    except graph.UsageError as exc:
        made_value, made_notice = None, str(exc)
draft = st.session_state.get("made", builder.Draft())
if draft.steps:
    STORIES = {**STORIES, builder.MADE: replace(draft.story(), id=builder.MADE)}
STEPS = {k: len(s.steps) for k, s in STORIES.items()}
PROFILE_TAB, PATHS_TAB, MAKE_TAB = "Profile", "How are they tied?", "Make a story"
VOICES = cache_for(KEY).get(("voices",), lambda: voices(G))  # the choices of "Who says so?"

# An upload lives in the session, in the one server process that holds it (docs/deploy.md);
# the address says when a view was of uploaded data, so a session that lost it is told.
if own is None and st.query_params.get("data") == "own":
    st.session_state.upload_lost = True
# ---- The address decides the view on a first visit, and after the browser's Back or
# Forward (the address is then not the one this app last wrote) ---------------------------
params = {k: v for k, v in st.query_params.to_dict().items() if k not in ("data", "made")}
# A click on Back or Next wins: its run may carry the address from before the last run wrote
# its own (two quick clicks), which is not the browser's Back.
stepped = st.session_state.pop("stepped", False)
if navigated(params, st.session_state.get("written")) and not stepped:
    link = parse_link(params, actors=set(G), stories=STEPS, first_day=FIRST_DAY, last_day=cutoff, voices=set(VOICES))
    st.session_state.notices = list(link.notices)
    st.session_state.present = link.present
    start = link.state if link.state.as_of is None or link.state.as_of <= cutoff else replace(link.state, as_of=cutoff)
    apply(start, colour_blocs=st.session_state.get("colour_blocs", False))
    st.session_state.story, st.session_state.step = link.story, link.step
    if link.story and not st.query_params.get("as_of"):
        go_to_step(link.story, link.step)
if made_value and "story" not in params:  # a story link just opened starts at its first step
    go_to_step(builder.MADE, 1)
if made_notice:
    st.session_state.notices = [*st.session_state.get("notices", []), made_notice]
keep_valid(st.session_state, actors=set(G), stories=STEPS, first_day=FIRST_DAY, last_day=cutoff)
if st.session_state.get("voice") not in VOICES:  # other data, other voices
    st.session_state.voice = None
for key, default in (("playing", False), ("play_by", "year"), ("play_speed", 1.0), ("play_from", FIRST_DAY)):
    st.session_state.setdefault(key, default)
st.session_state.play_until = min(st.session_state.get("play_until", cutoff), cutoff)
st.session_state.play_from = min(st.session_state.play_from, st.session_state.play_until)
for notice in st.session_state.pop("notices", []):
    st.warning(plain(notice), icon="🔗")
if st.session_state.get("upload_lost") and own is None:
    st.warning(
        "This view was of uploaded files, and they are gone: an upload is kept only by the server that received "
        "it, for that browser session, and that session has ended (the server may have restarted). The shipped "
        "data is shown. To see yours again, upload the files again under “Use your own data”.",
        icon="📂",
    )

# A click on a country selects it: its details in the map, its profile in the tab below;
# the view stays. "Focus on this country" (in its details) is what changes the view.
clicked = st.session_state.pop("clicked", None)
if clicked and clicked.get("kind") == "node" and clicked.get("id") in G:
    st.session_state.update(profile_actor=clicked["id"], tab=PROFILE_TAB)
focus_on = st.session_state.pop("focus_on", None)
if focus_on and focus_on.get("id") in G:
    st.session_state.update(focus=[focus_on["id"]], among=False, depth=1, profile_actor=focus_on["id"], story=None)

names = actors_by_name(G)
label = {n: actor_label(G, n) for n in names}.get
organizations = [n for n in names if G.nodes[n]["kind"] == "organization"]
for key, default in (("path_from", "PRK"), ("path_to", "UKR")):
    if st.session_state.get(key) not in G:
        st.session_state[key] = default if default in G else names[0]

# ---- The view, read from the widgets' state (they are drawn below, from the same state) --
# The map goes out first and is given a moment on its own: the browser then draws it while
# the rest of the page is on its way, instead of after re-rendering every widget, which
# takes it 150-200 ms here (docs/performance.md). The page settles that moment later.
MAP_HEAD_START_S = 0.03
ss = st.session_state
alive = existing(G, tuple(ss.focus), ss.as_of)
state = ViewState(
    as_of=ss.as_of,
    types=tuple(ss.types),
    statuses=tuple(ss.statuses),
    focus=alive,
    depth=ss.depth,
    among=ss.among,
    layout=ss.layout,
    members=tuple(ss.members),
    minor=ss.minor,
    voice=ss.get("voice") or "",
)
story = STORIES.get(ss.story)
chosen = story.steps[ss.step - 1] if story else None
# The open paths tab highlights its chains in the map; worked out once, shown in the tab.
found_paths: list | graph.UsageError = []
if not ss.present and ss.get("tab") == PATHS_TAB:
    try:
        found_paths = answer(KEY, state, chains, ss.path_from, ss.path_to, _world=WORLD)
    except graph.UsageError as exc:
        found_paths = exc
highlight: frozenset[str] = (
    frozenset() if isinstance(found_paths, graph.UsageError) else frozenset().union(*(c.ids for c in found_paths))
)
# A story step that names its ties highlights them (while its view is the one shown).
if chosen and chosen.highlight and state == chosen.state:
    highlight |= chosen.highlight

# A new address: a new entry in the browser's history. Not for each frame of a play, which
# would leave one entry per step to go Back through: the address follows when it stops.
# Written before the map is sent: a click made on seeing the new map then carries the new
# address (written after the map, a quick click carried the old one, which the next run
# took for the browser's Back).
link = Link(state, story.id if story else None, st.session_state.step, st.session_state.present)
if not ss.playing:
    st.session_state.written = to_params(link)
    also = {"data": "own"} if use_own else {}
    if story and story.id == builder.MADE:  # the address carries the story made here, if a link can
        with contextlib.suppress(graph.UsageError):
            also["made"] = builder.to_link(draft)
            known_links.add(hash(also["made"]))
    st.query_params.from_dict(st.session_state.written | also)

top, summary_slot, graph_slot, under_map = st.container(), st.empty(), st.container(), st.container()
# A frame of a play (or of a step with ◀ ▶) marks what changed since the previous frame
# and, within the play's window, keeps the part of the map every frame shows.
framed = ss.get("play_at") == ss.as_of
in_window = ss.play_from <= ss.as_of <= ss.play_until
drawing = Drawing(
    highlight=highlight,
    colour_blocs=ss.colour_blocs,
    present=ss.present,
    story=chosen.caption if chosen else "",
    since=ss.get("play_since") if framed else None,
    extent=window_extent(
        KEY, replace(state, as_of=None, focus=tuple(ss.focus)), ss.play_from, ss.play_until, ss.play_by, _world=WORLD
    )
    if (ss.playing or framed) and in_window
    else None,
    tick=ss.play_speed if ss.playing else 0.0,
)
current = view(KEY, state, drawing, _world=WORLD)
if not ss.present:
    summary_slot.markdown(f"**{plain(current.summary)}**")
if current.said:  # "Who says so?": one sentence per contested tie the voice speaks of, as text
    with graph_slot:
        st.markdown("\n".join(f"- {plain(s.sentence)}" for s in current.said))
serve_vis()
with graph_slot:
    MAP(
        key="map",
        data=current.data.encode(),
        height="content" if ss.present else 700,
        on_selected_change=lambda: st.session_state.update(clicked=st.session_state["map"].get("selected")),
        on_focus_change=lambda: st.session_state.update(focus_on=st.session_state["map"].get("focus")),
        on_tick_change=lambda: tick(st.session_state["map"].get("tick")),
    )
time.sleep(MAP_HEAD_START_S)

# ---- Sidebar: what to show -----------------------------------------------------------
with st.sidebar:
    st.header("What to show")
    as_of = st.date_input(
        "As of",
        key="as_of",
        min_value=FIRST_DAY,
        max_value=cutoff,
        format="YYYY-MM-DD",
        help="Show the ties in force on this day.",
    )
    with st.expander("Play through time"):
        st.date_input("Play from", key="play_from", min_value=FIRST_DAY, max_value=cutoff, format="YYYY-MM-DD")
        st.date_input("Play until", key="play_until", min_value=FIRST_DAY, max_value=cutoff, format="YYYY-MM-DD")
        st.caption(
            "▶ Play (under the map) steps the date from the one shown to “Play until”, or from “Play from” when "
            "the date is outside these. New ties stand out; ended ones fade for one step. The map holds still."
        )
    st.multiselect("Tie types", list(vocab.TIE_TYPES), key="types", format_func=lambda t: vocab.TIE_TYPES[t].label)
    st.multiselect(
        "Status of the claim",
        list(vocab.STATUSES),
        key="statuses",
        format_func=lambda s: vocab.STATUSES[s].label,
        help="Confirmed: acknowledged or established. Alleged: claimed by others. Disputed: claimed, and denied.",
    )
    focus = st.multiselect(
        "Focus on countries",
        names,
        key="focus",
        format_func=label,
        placeholder="Type a name, such as Iran or DPRK",
        help="Show only the ties around these countries. Clear it to see every tie.",
    )
    among = st.radio(
        "Which ties",
        [True, False],
        key="among",
        disabled=not focus,
        format_func=lambda a: "Only among these countries" if a else "All their ties",
    )
    st.slider(
        "Steps from the focus",
        1,
        3,
        key="depth",
        disabled=not focus or among,
        help="1: their own ties. 2: also the ties of their partners.",
    )
    st.checkbox(
        "Smaller arms flows",
        key="minor",
        help="Arms deliveries worth under 500 million TIV (SIPRI's measure). A focused country's own always show.",
    )
    st.radio(
        "Layout",
        list(LAYOUTS),
        key="layout",
        horizontal=True,
        format_func=lambda name: {"force": "Network", "geo": "Map"}[name],
        help="Network: tied countries close together. Map: each country at its capital.",
    )
    st.multiselect(
        "Link members of",
        organizations,
        key="members",
        format_func=label,
        help="Draw a thin grey line from each member to these organisations.",
    )
    st.selectbox(
        "Who says so?",
        [None, *VOICES],
        key="voice",
        format_func=lambda n: "Every claim as recorded" if n is None else label(n),
        help="The map as one state or organisation claims it: the ties it claims drawn plainly, those it denies "
        "pale and crossed out, with a sentence for each.",
    )
    st.toggle("Colour countries by bloc", key="colour_blocs", help="Camps in the treaties and arms shown.")
    st.toggle(
        "Presentation mode", key="present", help="Big labels, no controls: for a projector. Arrow keys step a story."
    )
    st.text_input(
        "Address students open",
        key="qr_base",
        placeholder="such as http://192.168.1.20:8501",
        help="For the QR code of presentation mode. Leave empty to use this browser's address; a phone cannot "
        "open 'localhost', so give the address of this computer on the school network.",
    )
    st.caption(f"Data current to {cutoff:%d %B %Y}. Every tie links to its source.")

    with st.expander("Use your own data"):
        st.caption(
            f"Upload relations.csv (and, if you like, actors.csv and memberships.csv), at most {MAX_MB} MB each. "
            "They are checked like the shipped data and stay in your session only; nothing is stored."
        )
        st.download_button("Template relations.csv", TEMPLATE, file_name="relations.csv", mime="text/csv")
        if said := st.session_state.pop("upload_notice", None):
            st.info(plain(said))
        uploads = st.file_uploader(
            "CSV files",
            type="csv",
            accept_multiple_files=True,
            max_upload_size=MAX_MB,
            # After a lost upload the page still lists the files it sent to the dead server,
            # and would not send them again: a widget of its own starts empty.
            key="uploads_again" if st.session_state.get("upload_lost") else None,
        )
        if uploads and st.button("Check and use these files"):
            wrong = [f.name for f in uploads if f.name not in NAMES]
            names = [f.name for f in uploads]
            twice = sorted({n for n in names if names.count(n) > 1})
            notice = f"More than one file is named {', '.join(twice)}: the last one chosen is used."
            if twice:  # the uploader keeps every file chosen: the last of a name is the one meant
                st.info(plain(notice))
            if wrong:
                st.error(plain(f"Files must be named {', '.join(NAMES)} (got {', '.join(wrong)})."))
            else:
                try:
                    data, key = read_upload({f.name: f.getvalue() for f in uploads})  # the last of a name wins
                except graph.DataError as exc:
                    st.error(f"{len(exc.problems)} problem(s) found; nothing was loaded:")
                    st.code("\n".join(str(p) for p in exc.problems), language=None)
                else:
                    st.session_state.own = (key, prepare(data), f"{len(data.relations)} ties")
                    st.session_state.source = "own"
                    if twice:  # said again after the rerun, which would otherwise wipe it at once
                        st.session_state.upload_notice = notice
                    st.rerun()
        if own:
            st.radio(
                "Data shown",
                ["own", "shipped"],
                key="source",
                format_func=lambda s: f"Your data ({own[2]})" if s == "own" else "The shipped data",
            )


# ---- Main: a story caption over the map (sent above), and answers under it --------------
# Presentation mode: no controls but the story's, big text, and the map filling the rest
# of the window (its element sizes itself: component.js).
PRESENT_CSS = """<style>
[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],[data-testid='stHeader']{display:none}
[data-testid='stMainBlockContainer']{padding-top:0.75rem;padding-bottom:0}
.st-key-story-caption p{font-size:26px;line-height:1.3}
.st-key-story-nav p,.st-key-play-bar p{font-size:22px}
@media (max-width:600px){.st-key-story-caption p{font-size:18px}.st-key-story-nav p,.st-key-play-bar p{font-size:16px}}
</style>"""
# On a laptop's 768 pixels the map starts higher: less empty space above the title.
PAGE_CSS = "<style>[data-testid='stMainBlockContainer']{padding-top:2rem}</style>"
with top:
    if len(alive) < len(focus):
        gone = ", ".join(G.nodes[f]["name"] for f in focus if f not in alive)
        st.info(plain(f"{gone} did not exist on {as_of.day} {as_of:%B %Y}, so the focus leaves them out."))
    if st.session_state.present:
        st.html(PRESENT_CSS)
    else:
        st.html(PAGE_CSS)
        st.title("Ties between states")
        st.caption(
            "Treaties, sanctions, arms supplies and conflicts, each dated and sourced. The first view shows Russia, "
            "Iran, North Korea and the states most concerned in June 2025: change the date, the types or the focus "
            "to explore, or follow a guided story. Click a country or a line for details."
        )
        st.selectbox(
            "Guided story",
            [None, *STORIES],
            format_func=lambda s: (
                "None: explore freely" if s is None else ("Your story: " * (s == builder.MADE)) + STORIES[s].title
            ),
            key="story",
            on_change=lambda: go_to_step(st.session_state.story, 1),
            placeholder="None: explore freely",
            help="A story steps through views, each with a caption and its sources.",
        )
    with st.container(key="story-nav", horizontal=True, vertical_alignment="center"):
        if story:
            step = st.session_state.step
            st.button("◀ Back", on_click=move_step, args=(-1,), disabled=step <= 1, shortcut="Left")
            st.markdown(f"**{plain(story.title)}** — step {step} of {len(story.steps)}", width="stretch")
            st.button(
                "Next ▶",
                on_click=move_step,
                args=(+1,),
                disabled=step >= len(story.steps),
                shortcut="Right",
            )
        if st.session_state.present:
            st.toggle("QR code", key="show_qr", help="A QR code of this view, for students' phones")
            st.button("Leave", on_click=lambda: st.session_state.update(present=False), help="Leave presentation mode")
    if ss.present and ss.get("show_qr"):  # the view's own link, for students' phones
        try:
            base = base_address(ss.get("qr_base", ""), st.context.url or "")
        except graph.UsageError as exc:
            st.warning(plain(exc))
        else:
            phone = view_link(base, to_params(replace(link, present=False)))
            with st.container(key="qr", horizontal=True, vertical_alignment="center"):
                st.image(qr_png(phone), width="content")  # its own size: a scaled code blurs
                st.text(f"Scan to open this view, or type:\n{phone}")
    # Time that plays, outside a story or in a step that plays (a step's caption speaks of
    # its one day: elsewhere the bar would only push its map down). In presentation mode
    # with no story open, the arrow keys step the date.
    unit = {"year": "year", "month": "month"}[ss.play_by]
    # Under the map, as a player's controls (the map starts higher on a laptop); over it in
    # presentation mode, where the map takes the rest of the window.
    if not story or (chosen and chosen.play_until):
        with (
            under_map if not ss.present else st.container(),
            st.container(key="play-bar", horizontal=True, vertical_alignment="center"),
        ):
            st.button(
                f"◀ 1 {unit}",
                key="play-back",
                on_click=step_date,
                args=(-1,),
                disabled=as_of <= FIRST_DAY,
                shortcut="Left" if ss.present and not story else None,
            )
            st.button(
                "⏸ Pause" if ss.playing else "▶ Play",
                key="play",
                on_click=toggle_play,
                type="primary" if ss.playing else "secondary",
                shortcut="P",
                help="Step the date on by itself (key P). New ties stand out, ended ones fade; the map holds still.",
            )
            st.button(
                f"1 {unit} ▶",
                key="play-on",
                on_click=step_date,
                args=(1,),
                disabled=as_of >= cutoff,
                shortcut="Right" if ss.present and not story else None,
            )
            st.segmented_control(
                "Step",
                list(frames.STEPS),
                key="play_by",
                format_func=frames.STEPS.get,
                required=True,
                label_visibility="collapsed",
            )
            st.segmented_control(
                "Seconds per step",
                list(frames.SPEEDS),
                key="play_speed",
                format_func=frames.SPEEDS.get,
                required=True,
                label_visibility="collapsed",
                help="How long each step is shown",
            )
    if chosen:
        with st.container(key="story-caption"):
            st.info(
                plain(chosen.caption)
                + "  \nSources: "
                + " · ".join(f"[{i}]({url})" for i, url in enumerate(chosen.sources, 1))
            )

if not st.session_state.present:
    tabs = st.tabs(
        [
            "Ties shown",
            PROFILE_TAB,
            PATHS_TAB,
            "Who matters?",
            "Which camps?",
            "Balance",
            "What changed?",
            "Quiz",
            MAKE_TAB,
            "Share and download",
        ],
        key="tab",  # only the open tab does its work, so a filter change reruns little
        on_change="rerun",
    )
    tab_ties, tab_profile, tab_path, tab_rank, tab_blocs, tab_balance, tab_change, tab_quiz, tab_make, tab_share = tabs

    if tab_profile.open:
        with tab_profile:
            if "profile_actor" not in st.session_state:
                st.session_state.profile_actor = "IRN" if "IRN" in names else names[0]
            who = st.selectbox("Country", names, key="profile_actor", format_func=label)
            try:
                p = answer(KEY, state, profile, who, _world=WORLD)
            except graph.UsageError as exc:
                st.info(plain(exc))
            else:
                st.markdown(plain(p.summary))
                for kind, rows in p.groups.items():
                    if rows:
                        st.markdown(f"**{vocab.TIE_TYPES[kind].label}** ({len(rows)})")
                        links(rows, {"phrase": "Tie", "title": "What", "note": "Note", "source_url": "Source"})
                if p.defenders:
                    st.markdown(f"**Bound by treaty to help defend it** ({len({d['other'] for d in p.defenders})})")
                    links(p.defenders, {"other": "State", "basis": "Because of", "source_url": "Source"})
                if p.organizations:
                    st.markdown(
                        "**Organisations:** "
                        + plain(", ".join(f"{o['organization']} (since {o['joined']})" for o in p.organizations))
                    )

    if tab_path.open:
        with tab_path:
            left, right = st.columns(2)
            left.selectbox("From", names, key="path_from", format_func=label)
            right.selectbox("To", names, key="path_to", format_func=label)
            if isinstance(found_paths, graph.UsageError):
                st.info(plain(found_paths))
            else:
                if not found_paths:
                    st.info("No chain of ties links them in this view. Try more tie types, another date or no focus.")
                else:
                    st.markdown(
                        f"**{len(found_paths)} shortest chain(s), {len(found_paths[0].ties)} tie(s) long.** "
                        "Highlighted in the map."
                    )
                    for chain in found_paths:
                        st.markdown(f"- {plain(chain.story)}")
                    links(
                        [t for chain in found_paths for t in chain.ties],
                        {"title": "Tie", "start": "Since", "source_url": "Source"},
                    )

    if tab_rank.open:
        with tab_rank:
            measure = st.radio("Measure", list(MEASURES), horizontal=True, format_func=str.capitalize)
            st.caption(MEASURES[measure])
            rows = answer(KEY, state, leaders, measure, 15, _world=WORLD)
            if rows:
                columns = {"name": "Actor", "score": "Score"} | (
                    {t: vocab.TIE_TYPES[t].label for t in vocab.TIE_TYPES} if measure == "ties" else {}
                )
                st.dataframe(
                    pd.DataFrame(rows)[list(columns)].rename(columns=columns), hide_index=True, width="stretch"
                )
            else:
                st.info("No ties in this view.")

    if tab_blocs.open:
        with tab_blocs:
            st.caption(
                "Camps found by the Louvain method in the treaties and arms supplies shown (fixed seed, so the "
                "same view gives the same camps). Each is named by its best-tied members and compared with the "
                "organisation whose members it matches best. Switch on 'Colour countries by bloc' to see them."
            )
            for i, camp in enumerate(answer(KEY, state, camps, _world=WORLD), start=1):
                closest = camp.closest and f" — closest organisation: {camp.closest} ({camp.overlap:.0%} overlap)"
                members = ", ".join(camp.members)
                heading = f"**{i}. {plain(camp.label)}** ({len(camp.members)} members){plain(closest or '')}"
                st.markdown(f"{heading}  \n{plain(members)}")

    if tab_balance.open:
        with tab_balance:
            st.markdown(THEORY)
            result = answer(KEY, state, balance_summary, _world=WORLD)
            if result.balanced + result.unbalanced:
                st.markdown(
                    f"**{result.balanced} balanced and {result.unbalanced} unbalanced triangles: "
                    f"a balance ratio of {result.ratio:.0%}.**"
                )
                for line in result.telling:
                    st.markdown(f"- Unbalanced: {plain(line)}")
            else:
                st.info("No triangle of ties in this view.")
            st.caption("Balance ratio on 1 July of each year, with the tie types and statuses chosen:")
            st.altair_chart(ratio_chart(history(KEY, state.types, state.statuses, _world=WORLD)[1]))

    if tab_change.open:
        with tab_change:
            back, forward, _ = st.columns([1, 1, 4])
            back.button("◀ One year back", on_click=shift_year, args=(-1,), width="stretch")
            forward.button("One year on ▶", on_click=shift_year, args=(1,), width="stretch")
            since = st.date_input(
                "Compare with",
                value=max(dates.years_later(as_of, -1), FIRST_DAY),
                min_value=FIRST_DAY,
                max_value=cutoff,
                format="YYYY-MM-DD",
            )
            change = diff(G, min(since, as_of), max(since, as_of), types=state.types, statuses=state.statuses)
            if change.empty:
                st.info("Nothing changed between these two dates.")
            for title_text, rows in (("Begun", change.begun), ("Ended", change.ended)):
                if rows:
                    st.markdown(f"**{title_text}** ({len(rows)})")
                    links(rows, {"title": "Tie", "start": "Start", "end": "End", "source_url": "Source"})
            for title_text, rows in (("Joined", change.joined), ("Left", change.left)):
                if rows:
                    st.markdown(
                        f"**{title_text}:** " + plain(", ".join(f"{m['member']} → {m['organization']}" for m in rows))
                    )
            st.caption("Ties in force on 1 July of each year:")
            st.altair_chart(ties_chart(history(KEY, state.types, state.statuses, _world=WORLD)[0]))

if not st.session_state.present and tab_quiz.open:
    with tab_quiz:
        st.caption(
            "Questions made from the ties shown on the chosen date (set the date, types and focus in the sidebar). "
            "Nothing about your answers is stored beyond this page."
        )
        seed = st.number_input(
            "Quiz number", min_value=1, max_value=9999, value=1, help="The same number, the same quiz."
        )
        try:
            questions = quiz(filtered(G, state), 10, seed=int(seed))
        except graph.UsageError as exc:
            st.info(plain(exc))
            questions = []
        if questions:
            progress = st.session_state.get("quiz", QuizProgress(seed=seed)).for_quiz(seed)
            st.session_state.quiz = progress
            q = questions[progress.question(len(questions))]
            st.markdown(f"**Question {progress.question(len(questions)) + 1} of {len(questions)}.** {plain(q.text)}")
            choice = st.radio(
                "Your answer",
                list(range(len(q.options))),
                format_func=lambda i: plain(q.options[i]),
                index=None,
                key=f"quiz-{seed}-{progress.at}",
            )
            if st.button("Check", disabled=choice is None):
                progress = st.session_state.quiz = progress.checked(right=choice == q.answer)
                (st.success if choice == q.answer else st.error)(
                    plain(
                        ("Right. " if choice == q.answer else f"Not quite: the answer is {q.options[q.answer]}. ")
                        + q.explanation
                    )
                )
                st.markdown(f"[Source]({q.source_url})")
            st.button("Next question ▶", on_click=lambda: st.session_state.update(quiz=st.session_state.quiz.next()))
            st.caption(progress.score)
            checks, sources = source_checks(current.graph, 3, seed=int(seed))
            sheet = worksheet(
                questions,
                title="Ties between states: a worksheet",
                day=state.as_of,
                picture=still(current.graph, WORLD.layouts[state.layout], day=state.as_of, focus=state.focus),
                checks=checks,
                sources=sources,
            )
            st.download_button(
                "Printable worksheet with answer key (HTML)", sheet, file_name="worksheet.html", mime="text/html"
            )

if not st.session_state.present and tab_make.open:
    with tab_make:
        story_builder(state, highlight, st.session_state.colour_blocs)

if not st.session_state.present:
    if tab_ties.open:
        with tab_ties:
            st.dataframe(
                current.table,
                hide_index=True,
                width="stretch",
                column_config={
                    **{k: st.column_config.TextColumn(v) for k, v in TABLE_COLUMNS.items() if k != "source_url"},
                    "source_url": st.column_config.LinkColumn("Source", display_text="open source"),
                },
            )
    if tab_share.open:
        with tab_share:
            base = (st.context.url or "").split("?")[0]
            st.markdown("**A link to exactly this view** (copy it with the button at its right):")
            st.code(f"{base}?{urlencode(to_params(link))}", language=None)
            st.markdown("**Download this view**")
            page = current.html()
            cols = st.columns(4)
            cols[0].download_button("Offline page (HTML)", page, file_name="ties.html", mime="text/html")
            cols[1].download_button("Ties (CSV)", export(current.graph, "csv"), file_name="ties.csv", mime="text/csv")
            cols[2].download_button("GraphML (Gephi)", export(current.graph, "graphml"), file_name="ties.graphml")
            cols[3].download_button("GEXF (Gephi)", export(current.graph, "gexf"), file_name="ties.gexf")
            st.caption("For a picture, use 'Save PNG' under the map: it saves the drawing at 1920×1080.")
