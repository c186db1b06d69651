"""Ties between states: the Streamlit screen. Widgets in, graph.* calls, st.* out."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

import graph
from graph import vocab
from graph.balance import THEORY, balance, balance_by_year, describe
from graph.blocs import blocs
from graph.diff import diff, ties_per_year
from graph.export import export
from graph.layout import LAYOUTS
from graph.links import Link, parse_link, to_params
from graph.paths import path_ties, shortest_paths
from graph.profile import profile
from graph.quiz import quiz, worksheet
from graph.rank import MEASURES, rank
from graph.render import VIS_JS, asset
from graph.stories import load_stories
from graph.upload import MAX_MB, NAMES, TEMPLATE, read_upload
from graph.view import (
    TABLE_COLUMNS,
    Drawing,
    ViewState,
    actor_label,
    actors_by_name,
    existing,
    filtered,
    latest_date,
    make_view,
)
from graph.warm import world

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
    js=asset("map.js")
    + """
function loadVis(src) {
  if (!window.tiesVisLoaded) {
    window.tiesVisLoaded = new Promise(function (resolve, reject) {
      if (window.vis && window.vis.Network) { resolve(); return; }
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { window.tiesVisLoaded = null; reject(new Error(src)); };
      document.head.appendChild(script);
    });
  }
  return window.tiesVisLoaded;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const host = parentElement;
  host.tiesSelect = setTriggerValue;
  const text = new TextDecoder().decode(data);
  if (host.tiesText === text) return;
  host.tiesText = text;
  loadVis("__VIS_SRC__").then(function () {
    if (host.tiesText !== text) return;  // newer data came while vis-network loaded
    if (!host.tiesMap) {
      const root = document.createElement("div");
      host.appendChild(root);
      host.tiesMap = tiesMap(root, function (kind, id) { host.tiesSelect("selected", { kind: kind, id: id }); });
    }
    host.tiesMap.draw(JSON.parse(text));
  }, function () {
    host.tiesMap = host.tiesText = null;
    host.textContent = "The map could not load its drawing library from this server: reload the page.";
  });
}
""".replace("__VIS_SRC__", VIS_SRC),
    isolate_styles=False,
)
# A teacher can point the app at another folder of CSV files with TIES_DATA_DIR.
DATA_DIR = os.environ.get("TIES_DATA_DIR", str(graph.DEFAULT_DATA_DIR))


@st.cache_resource
def serve_vis() -> str:
    STATIC.mkdir(exist_ok=True)
    target = STATIC / "vis-network.min.js"
    if not target.exists() or target.stat().st_size != VIS_JS.stat().st_size:
        shutil.copyfile(VIS_JS, target)
    return VIS_SRC


@st.cache_resource(show_spinner="Loading the data…", max_entries=4)
def shipped(data_dir: str):
    """The shipped data as (graph, positions per layout, cut-off), shared by every user.

    Made once per process (a replica makes it before it listens: scripts/replica.py)."""
    return world(data_dir)


@st.cache_resource(max_entries=4)
def shipped_stories(data_dir: str):
    """The guided stories of the shipped data, read once (not on every rerun)."""
    G = shipped(data_dir)[0]
    return {s.id: s for s in load_stories(Path(data_dir) / "stories.toml", actors=set(G))}


def prepare(data: graph.Dataset):
    G = graph.build(data)
    return G, {name: layout(G) for name, layout in LAYOUTS.items()}, latest_date(G)


@st.cache_data(max_entries=256, show_spinner=False)
def view(key: str, state: ViewState, drawing: Drawing, _world):
    """The map's data and the table for one view; cached, so returning to a view costs nothing."""
    G, layouts, _ = _world
    return make_view(G, layouts[state.layout], state, drawing)


@st.cache_data(max_entries=512, show_spinner=False)
def analysis(key: str, state: ViewState, question: str, *args, _world):
    """One answer about the current view, cached by the data, the view and the question."""
    H = filtered(_world[0], state)
    match question:
        case "profile":
            return profile(H, *args)
        case "paths":
            return [(p.story(H), [h.tie for h in p.hops], path_ties([p])) for p in shortest_paths(H, *args)]
        case "rank":
            measure, top = args
            return rank(H, measure, top=top)
        case "blocs":
            return [
                (b.label, [H.nodes[n]["name"] for n in b.members], b.closest_organization, b.overlap) for b in blocs(H)
            ]
        case "balance":
            result = balance(H)
            return result.balanced, result.unbalanced, result.ratio, [describe(H, t) for t in result.telling]


@st.cache_data(max_entries=16, show_spinner=False)
def history(key: str, types: tuple, statuses: tuple, _world):
    """Ties per type and the balance ratio, year by year."""
    G = _world[0]
    years = range(1946, _world[2].year + 1)
    per_year = pd.DataFrame(ties_per_year(G, years, statuses=statuses)).set_index("year")
    per_year.columns = [vocab.TIE_TYPES[t].label for t in per_year.columns]

    def view_at(g, as_of):
        return filtered(g, ViewState(as_of=as_of, types=types, statuses=statuses))

    ratios = pd.DataFrame(balance_by_year(G, years, filter_fn=view_at)).set_index("year")[["ratio"]]
    return per_year, ratios


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
        colour_blocs=colour_blocs,
    )


def go_to_step(story_id: str | None, step: int) -> None:
    st.session_state.story, st.session_state.step = story_id, step
    if story_id:
        chosen = STORIES[story_id].steps[step - 1]
        apply(chosen.state, colour_blocs=chosen.blocs)


def shift_year(years: int) -> None:
    day = st.session_state.as_of
    st.session_state.as_of = min(max(day.replace(year=day.year + years, day=min(day.day, 28)), FIRST_DAY), cutoff)


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
G, LAYOUT_POSITIONS, cutoff = WORLD
try:
    STORIES = {} if use_own else shipped_stories(DATA_DIR)
except graph.DataError as exc:
    st.warning("The stories file has problems, so stories are off: " + "; ".join(map(str, exc.problems)))
    STORIES = {}

# ---- First visit: the link decides the view ------------------------------------------
# An upload lives in the session, in the one server process that holds it (docs/deploy.md);
# the address says when a view was of uploaded data, so a session that lost it is told.
if own is None and st.query_params.get("data") == "own":
    st.session_state.upload_lost = True
if "as_of" not in st.session_state:
    link = parse_link(
        {k: v for k, v in st.query_params.to_dict().items() if k != "data"},
        actors=set(G),
        stories={k: len(s.steps) for k, s in STORIES.items()},
        first_day=FIRST_DAY,
        last_day=cutoff,
    )
    st.session_state.notices = list(link.notices)
    st.session_state.present = link.present
    start = link.state if link.state.as_of is None or link.state.as_of <= cutoff else replace(link.state, as_of=cutoff)
    apply(start)
    st.session_state.story, st.session_state.step = link.story, link.step
    if link.story and not st.query_params.get("as_of"):
        go_to_step(link.story, link.step)
# The data may have changed under the widgets (an upload, or back to the shipped data):
# keep every remembered value one the new data can show.
st.session_state.as_of = min(max(st.session_state.as_of, FIRST_DAY), cutoff)
for key in ("focus", "members"):
    st.session_state[key] = [n for n in st.session_state.get(key, []) if n in G]
if st.session_state.get("story") not in STORIES:
    st.session_state.story = None
if st.session_state.get("profile_actor") not in G:
    st.session_state.pop("profile_actor", None)
for notice in st.session_state.pop("notices", []):
    st.warning(notice, icon="🔗")
if st.session_state.get("upload_lost") and own is None:
    st.warning(
        "This view was of uploaded files, and they are gone: an upload is kept only by the server that received "
        "it, for that browser session, and that session has ended (the server may have restarted). The shipped "
        "data is shown. To see yours again, upload the files again under “Use your own data”.",
        icon="📂",
    )

# A click on a country focuses it and opens its profile; a click on a tie is shown in the map.
clicked = st.session_state.pop("clicked", None)
if clicked and clicked.get("kind") == "node" and clicked.get("id") in G:
    st.session_state.update(focus=[clicked["id"]], among=False, depth=1, profile_actor=clicked["id"])

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
)
PATHS_TAB = "How are they tied?"
# The open paths tab highlights its chains in the map; worked out once, shown in the tab.
found_paths: list | graph.UsageError = []
if not ss.present and ss.get("tab") == PATHS_TAB:
    try:
        found_paths = analysis(KEY, state, "paths", ss.path_from, ss.path_to, _world=WORLD)
    except graph.UsageError as exc:
        found_paths = exc
highlight: frozenset[str] = (
    frozenset() if isinstance(found_paths, graph.UsageError) else frozenset().union(*(i for *_, i in found_paths))
)

top, summary_slot, graph_slot = st.container(), st.empty(), st.container()
drawing = Drawing(highlight=highlight, colour_blocs=ss.colour_blocs, present=ss.present)
current = view(KEY, state, drawing, _world=WORLD)
summary_slot.markdown(f"**{current.summary}**")
serve_vis()
with graph_slot:
    MAP(
        key="map",
        data=current.data.encode(),
        height=900 if ss.present else 700,
        on_selected_change=lambda: st.session_state.update(clicked=st.session_state["map"].get("selected")),
    )
time.sleep(MAP_HEAD_START_S)

# ---- Sidebar: what to show -----------------------------------------------------------
with st.sidebar:
    st.header("What to show")
    st.selectbox(
        "Guided story",
        [None, *STORIES],
        format_func=lambda s: "None: explore freely" if s is None else STORIES[s].title,
        key="story",
        on_change=lambda: go_to_step(st.session_state.story, 1),
        placeholder="None: explore freely",
    )
    as_of = st.date_input(
        "As of",
        key="as_of",
        min_value=FIRST_DAY,
        max_value=cutoff,
        format="YYYY-MM-DD",
        help="Show the ties in force on this day.",
    )
    st.multiselect("Tie types", list(vocab.TIE_TYPES), key="types", format_func=lambda t: vocab.TIE_TYPES[t].label)
    st.multiselect(
        "Status of the claim",
        list(vocab.STATUSES),
        key="statuses",
        format_func=vocab.STATUSES.get,
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
    st.toggle("Colour countries by bloc", key="colour_blocs", help="Camps in the treaties and arms shown.")
    st.toggle(
        "Presentation mode", key="present", help="Big labels, no controls: for a projector. Arrow keys step a story."
    )
    st.caption(f"Data current to {cutoff:%d %B %Y}. Every tie links to its source.")

    with st.expander("Use your own data"):
        st.caption(
            f"Upload relations.csv (and, if you like, actors.csv and memberships.csv), at most {MAX_MB} MB each. "
            "They are checked like the shipped data and stay in your session only; nothing is stored."
        )
        st.download_button("Template relations.csv", TEMPLATE, file_name="relations.csv", mime="text/csv")
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
            if wrong:
                st.error(f"Files must be named {', '.join(NAMES)} (got {', '.join(wrong)}).")
            else:
                try:
                    data, key = read_upload({f.name: f.getvalue() for f in uploads})
                except graph.DataError as exc:
                    st.error(f"{len(exc.problems)} problem(s) found; nothing was loaded:")
                    st.code("\n".join(str(p) for p in exc.problems), language=None)
                else:
                    st.session_state.own = (key, prepare(data), f"{len(data.relations)} ties")
                    st.session_state.source = "own"
                    st.rerun()
        if own:
            st.radio(
                "Data shown",
                ["own", "shipped"],
                key="source",
                format_func=lambda s: f"Your data ({own[2]})" if s == "own" else "The shipped data",
            )

story = STORIES.get(st.session_state.story)
link = Link(state, story.id if story else None, st.session_state.step, st.session_state.present)
st.query_params.from_dict(to_params(link) | ({"data": "own"} if use_own else {}))

# ---- Main: a story caption over the map (sent above), and answers under it --------------
with top:
    if len(alive) < len(focus):
        gone = ", ".join(G.nodes[f]["name"] for f in focus if f not in alive)
        st.info(f"{gone} did not exist on {as_of:%d %B %Y}, so the focus leaves them out.")
    if st.session_state.present:
        st.html("<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl']{display:none}</style>")
        st.button("Leave presentation mode", on_click=lambda: st.session_state.update(present=False))
    else:
        st.title("Ties between states")
        st.caption(
            "Treaties, sanctions, arms supplies and conflicts, each dated and sourced. The first view shows Russia, "
            "Iran, North Korea and the states most concerned in June 2025: change the date, the types or the focus "
            "to explore, or follow a guided story. Hover or click a line for details."
        )
    if story:
        step = st.session_state.step
        back, title, forward = st.columns([1, 6, 1])
        back.button("◀ Back", on_click=go_to_step, args=(story.id, step - 1), disabled=step <= 1, shortcut="Left")
        forward.button(
            "Next ▶",
            on_click=go_to_step,
            args=(story.id, step + 1),
            disabled=step >= len(story.steps),
            shortcut="Right",
        )
        title.markdown(f"**{story.title}** — step {step} of {len(story.steps)}")
        chosen = story.steps[step - 1]
        st.info(
            chosen.caption + "  \nSources: " + " · ".join(f"[{i}]({url})" for i, url in enumerate(chosen.sources, 1))
        )

if not st.session_state.present:
    tabs = st.tabs(
        [
            "Ties shown",
            "Country profile",
            PATHS_TAB,
            "Who matters most?",
            "Which camps?",
            "Balance",
            "What changed?",
            "Quiz",
            "Share and download",
        ],
        key="tab",  # only the open tab does its work, so a filter change reruns little
        on_change="rerun",
    )
    tab_ties, tab_profile, tab_path, tab_rank, tab_blocs, tab_balance, tab_change, tab_quiz, tab_share = tabs

    if tab_profile.open:
        with tab_profile:
            if "profile_actor" not in st.session_state:
                st.session_state.profile_actor = "IRN" if "IRN" in names else names[0]
            who = st.selectbox("Country", names, key="profile_actor", format_func=label)
            try:
                p = analysis(KEY, state, "profile", who, _world=WORLD)
            except graph.UsageError as exc:
                st.info(str(exc))
            else:
                st.markdown(p.summary)
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
                        + ", ".join(f"{o['organization']} (since {o['joined']})" for o in p.organizations)
                    )

    if tab_path.open:
        with tab_path:
            left, right = st.columns(2)
            left.selectbox("From", names, key="path_from", format_func=label)
            right.selectbox("To", names, key="path_to", format_func=label)
            if isinstance(found_paths, graph.UsageError):
                st.info(str(found_paths))
            else:
                if not found_paths:
                    st.info("No chain of ties links them in this view. Try more tie types, another date or no focus.")
                else:
                    st.markdown(
                        f"**{len(found_paths)} shortest chain(s), {len(found_paths[0][1])} tie(s) long.** "
                        "Highlighted in the map."
                    )
                    for story_text, *_ in found_paths:
                        st.markdown(f"- {story_text}")
                    links(
                        [t for _, ties, _ in found_paths for t in ties],
                        {"title": "Tie", "start": "Since", "source_url": "Source"},
                    )

    if tab_rank.open:
        with tab_rank:
            measure = st.radio("Measure", list(MEASURES), horizontal=True, format_func=str.capitalize)
            st.caption(MEASURES[measure])
            rows = analysis(KEY, state, "rank", measure, 15, _world=WORLD)
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
            for i, (name, group, org, overlap) in enumerate(analysis(KEY, state, "blocs", _world=WORLD), start=1):
                closest = f" — closest organisation: {org} ({overlap:.0%} overlap)" if org else ""
                st.markdown(f"**{i}. {name}** ({len(group)} members){closest}  \n{', '.join(group)}")

    if tab_balance.open:
        with tab_balance:
            st.markdown(THEORY)
            good, bad, ratio, telling = analysis(KEY, state, "balance", _world=WORLD)
            if good + bad:
                st.markdown(f"**{good} balanced and {bad} unbalanced triangles: a balance ratio of {ratio:.0%}.**")
                for line in telling:
                    st.markdown(f"- Unbalanced: {line}")
            else:
                st.info("No triangle of ties in this view.")
            st.caption("Balance ratio on 1 July of each year, with the tie types and statuses chosen:")
            st.line_chart(history(KEY, state.types, state.statuses, _world=WORLD)[1], y="ratio")

    if tab_change.open:
        with tab_change:
            back, forward, _ = st.columns([1, 1, 4])
            back.button("◀ One year back", on_click=shift_year, args=(-1,), width="stretch")
            forward.button("One year on ▶", on_click=shift_year, args=(1,), width="stretch")
            since = st.date_input(
                "Compare with",
                value=as_of.replace(year=as_of.year - 1, day=min(as_of.day, 28)),
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
                    st.markdown(f"**{title_text}:** " + ", ".join(f"{m['member']} → {m['organization']}" for m in rows))
            st.caption("Ties in force on 1 July of each year:")
            st.line_chart(history(KEY, state.types, state.statuses, _world=WORLD)[0])

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
            st.info(str(exc))
            questions = []
        if questions:
            progress = st.session_state.setdefault("quiz", {"seed": seed, "at": 0, "right": 0, "done": 0})
            if progress["seed"] != seed:
                progress.update(seed=seed, at=0, right=0, done=0)
            q = questions[progress["at"] % len(questions)]
            st.markdown(f"**Question {progress['at'] % len(questions) + 1} of {len(questions)}.** {q.text}")
            choice = st.radio(
                "Your answer",
                list(range(len(q.options))),
                format_func=lambda i: q.options[i],
                index=None,
                key=f"quiz-{seed}-{progress['at']}",
            )
            if st.button("Check", disabled=choice is None):
                progress["done"] += 1
                progress["right"] += int(choice == q.answer)
                (st.success if choice == q.answer else st.error)(
                    ("Right. " if choice == q.answer else f"Not quite: the answer is {q.options[q.answer]}. ")
                    + q.explanation
                )
                st.markdown(f"[Source]({q.source_url})")
            st.button("Next question ▶", on_click=lambda: progress.update(at=progress["at"] + 1))
            st.caption(f"Score: {progress['right']} of {progress['done']} checked.")
            sheet = worksheet(questions, title="Ties between states: a worksheet", day=state.as_of)
            st.download_button(
                "Printable worksheet with answer key (HTML)", sheet, file_name="worksheet.html", mime="text/html"
            )

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
