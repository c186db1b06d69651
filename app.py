"""Ties between states: the Streamlit screen. Widgets in, graph.* calls, st.* out."""

from __future__ import annotations

import datetime as dt
import os

import streamlit as st

import graph
from graph import vocab
from graph.view import STORY_START, TABLE_COLUMNS, ViewState, actor_label, actors_by_name, latest_date, make_view

st.set_page_config(page_title="Ties between states", page_icon="🌐", layout="wide")


@st.cache_resource(show_spinner="Loading the data…")
def world(data_dir: str):
    """The whole graph, its fixed positions and its cut-off date, shared by every user."""
    G = graph.build(graph.load(data_dir))
    return G, graph.force_layout(G), latest_date(G)


@st.cache_data(max_entries=256, show_spinner=False)
def view(data_dir: str, state: ViewState):
    """The page and table for one view; cached, so returning to a view costs nothing."""
    G, positions, _ = world(data_dir)
    return make_view(G, positions, state, height="680px")


# A teacher can point the app at another folder of CSV files with TIES_DATA_DIR.
DATA_DIR = os.environ.get("TIES_DATA_DIR", str(graph.DEFAULT_DATA_DIR))
try:
    G, _, cutoff = world(DATA_DIR)
except graph.DataError as exc:
    st.error("The data files have problems, so the map cannot be drawn. Every problem found:")
    st.code("\n".join(str(p) for p in exc.problems), language=None)
    st.stop()

with st.sidebar:
    st.header("What to show")
    as_of = st.date_input(
        "As of",
        value=min(STORY_START.as_of, cutoff),
        min_value=dt.date(1945, 1, 1),
        max_value=cutoff,
        format="YYYY-MM-DD",
        help="Show the ties in force on this day.",
    )
    types = st.multiselect(
        "Tie types",
        list(vocab.TIE_TYPES),
        default=list(STORY_START.types),
        format_func=lambda t: vocab.TIE_TYPES[t].label,
    )
    statuses = st.multiselect(
        "Status of the claim",
        list(vocab.STATUSES),
        default=list(STORY_START.statuses),
        format_func=vocab.STATUSES.get,
        help="Confirmed: acknowledged or established. Alleged: claimed by others. Disputed: claimed, and denied.",
    )
    focus = st.multiselect(
        "Focus on countries",
        actors_by_name(G),
        default=[f for f in STORY_START.focus if f in G],
        format_func=lambda n: actor_label(G, n),
        placeholder="Type a name, such as Iran or DPRK",
        help="Show only the ties around these countries. Clear it to see every tie.",
    )
    among = st.radio(
        "Which ties",
        [True, False],
        index=0 if STORY_START.among else 1,
        format_func=lambda a: "Only among these countries" if a else "All their ties",
        disabled=not focus,
    )
    depth = st.slider(
        "Steps from the focus",
        1,
        3,
        STORY_START.depth,
        disabled=not focus or among,
        help="1: their own ties. 2: also the ties of their partners.",
    )
    st.caption(f"Data current to {cutoff:%d %B %Y}. Every tie links to its source.")

st.title("Ties between states")
st.caption(
    "Treaties, sanctions, arms supplies and conflicts, each dated and sourced. "
    "The first view shows Russia, Iran, North Korea and the states most concerned in June 2025: "
    "change the date, the types or the focus to explore. Hover or click a line for details."
)

state = ViewState(
    as_of=as_of, types=tuple(types), statuses=tuple(statuses), focus=tuple(focus), depth=depth, among=among
)
current = view(DATA_DIR, state)
st.markdown(f"**{current.summary}**")
st.iframe(current.html, height=700)

st.subheader("The ties shown, with their sources")
st.dataframe(
    current.table,
    hide_index=True,
    width="stretch",
    column_config={
        **{k: st.column_config.TextColumn(v) for k, v in TABLE_COLUMNS.items() if k != "source_url"},
        "source_url": st.column_config.LinkColumn("Source", display_text="open source"),
    },
)
