"""Ties between states: the Streamlit screen. Widgets in, graph.* calls, st.* out."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd
import streamlit as st

import graph
from graph import vocab
from graph.balance import THEORY, balance, balance_by_year, describe
from graph.blocs import blocs
from graph.diff import diff, ties_per_year
from graph.paths import path_ties, shortest_paths
from graph.profile import profile
from graph.rank import MEASURES, rank
from graph.view import (
    STORY_START,
    TABLE_COLUMNS,
    Drawing,
    ViewState,
    actor_label,
    actors_by_name,
    filtered,
    latest_date,
    make_view,
)

st.set_page_config(page_title="Ties between states", page_icon="🌐", layout="wide")
FIRST_DAY = dt.date(1945, 1, 1)


@st.cache_resource(show_spinner="Loading the data…")
def world(data_dir: str):
    """The whole graph, its fixed positions and its cut-off date, shared by every user."""
    G = graph.build(graph.load(data_dir))
    return G, graph.force_layout(G), latest_date(G)


@st.cache_data(max_entries=256, show_spinner=False)
def view(data_dir: str, state: ViewState, drawing: Drawing):
    """The page and table for one view; cached, so returning to a view costs nothing."""
    G, positions, _ = world(data_dir)
    return make_view(G, positions, state, drawing, height="680px")


@st.cache_data(max_entries=256, show_spinner=False)
def analysis(data_dir: str, state: ViewState, question: str, *args):
    """One answer about the current view, cached by the view and the question."""
    H = filtered(world(data_dir)[0], state)
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
def history(data_dir: str, state: ViewState):
    """Ties per type and the balance ratio, year by year."""
    G = world(data_dir)[0]
    years = range(1946, latest_date(G).year + 1)
    per_year = pd.DataFrame(ties_per_year(G, years, statuses=state.statuses)).set_index("year")
    per_year.columns = [vocab.TIE_TYPES[t].label for t in per_year.columns]

    def view_at(g, as_of):
        return filtered(g, ViewState(as_of=as_of, types=state.types, statuses=state.statuses))

    ratios = pd.DataFrame(balance_by_year(G, years, filter_fn=view_at)).set_index("year")[["ratio"]]
    return per_year, ratios


def shift_year(step: int) -> None:
    day = st.session_state.as_of
    st.session_state.as_of = min(max(day.replace(year=day.year + step, day=min(day.day, 28)), FIRST_DAY), cutoff)


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


# A teacher can point the app at another folder of CSV files with TIES_DATA_DIR.
DATA_DIR = os.environ.get("TIES_DATA_DIR", str(graph.DEFAULT_DATA_DIR))
try:
    G, _, cutoff = world(DATA_DIR)
except graph.DataError as exc:
    st.error("The data files have problems, so the map cannot be drawn. Every problem found:")
    st.code("\n".join(str(p) for p in exc.problems), language=None)
    st.stop()

if "as_of" not in st.session_state:
    st.session_state.as_of = min(STORY_START.as_of, cutoff)

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
    colour_blocs = st.toggle("Colour countries by bloc", help="Camps found in the treaties and arms supplies shown.")
    st.caption(f"Data current to {cutoff:%d %B %Y}. Every tie links to its source.")

state = ViewState(
    as_of=as_of, types=tuple(types), statuses=tuple(statuses), focus=tuple(focus), depth=depth, among=among
)

st.title("Ties between states")
st.caption(
    "Treaties, sanctions, arms supplies and conflicts, each dated and sourced. "
    "The first view shows Russia, Iran, North Korea and the states most concerned in June 2025: "
    "change the date, the types or the focus to explore. Hover or click a line for details."
)
summary_slot, graph_slot = st.empty(), st.container()
names = actors_by_name(G)
label = {n: actor_label(G, n) for n in names}.get

(tab_ties, tab_profile, tab_path, tab_rank, tab_blocs, tab_balance, tab_change) = st.tabs(
    [
        "Ties shown",
        "Country profile",
        "How are they tied?",
        "Who matters most?",
        "Which camps?",
        "Balance",
        "What changed?",
    ]
)
highlight: frozenset[str] = frozenset()

with tab_profile:
    who = st.selectbox("Country", names, index=names.index("IRN") if "IRN" in names else 0, format_func=label)
    try:
        p = analysis(DATA_DIR, state, "profile", who)
    except graph.UsageError as exc:
        st.info(str(exc))
    else:
        st.markdown(p.summary)
        for kind, rows in p.groups.items():
            if rows:
                st.markdown(f"**{vocab.TIE_TYPES[kind].label}** ({len(rows)})")
                links(rows, {"phrase": "Tie", "title": "What", "source_url": "Source"})
        if p.organizations:
            st.markdown(
                "**Organisations:** " + ", ".join(f"{o['organization']} (since {o['joined']})" for o in p.organizations)
            )

with tab_path:
    left, right = st.columns(2)
    start = left.selectbox("From", names, index=names.index("PRK") if "PRK" in names else 0, format_func=label)
    end = right.selectbox("To", names, index=names.index("UKR") if "UKR" in names else 1, format_func=label)
    try:
        found = analysis(DATA_DIR, state, "paths", start, end)
    except graph.UsageError as exc:
        st.info(str(exc))
    else:
        if not found:
            st.info("No chain of ties links them in this view. Try more tie types, another date or no focus.")
        else:
            hops = len(found[0][1])
            st.markdown(f"**{len(found)} shortest chain(s), {hops} tie(s) long.** They are highlighted in the map.")
            for story, *_ in found:
                st.markdown(f"- {story}")
            links([t for _, ties, _ in found for t in ties], {"title": "Tie", "start": "Since", "source_url": "Source"})
            highlight = frozenset().union(*(ids for *_, ids in found))

with tab_rank:
    measure = st.radio("Measure", list(MEASURES), horizontal=True, format_func=str.capitalize)
    st.caption(MEASURES[measure])
    rows = analysis(DATA_DIR, state, "rank", measure, 15)
    if rows:
        columns = {"name": "Actor", "score": "Score"} | (
            {t: vocab.TIE_TYPES[t].label for t in vocab.TIE_TYPES} if measure == "ties" else {}
        )
        st.dataframe(pd.DataFrame(rows)[list(columns)].rename(columns=columns), hide_index=True, width="stretch")
    else:
        st.info("No ties in this view.")

with tab_blocs:
    st.caption(
        "Camps found by the Louvain method in the treaties and arms supplies shown (fixed seed, so the "
        "same view gives the same camps). Each is named by its best-tied members and compared with the "
        "organisation whose members it matches best. Switch on 'Colour countries by bloc' to see them."
    )
    for i, (name, members, org, overlap) in enumerate(analysis(DATA_DIR, state, "blocs"), start=1):
        closest = f" — closest organisation: {org} ({overlap:.0%} overlap)" if org else ""
        st.markdown(f"**{i}. {name}** ({len(members)} members){closest}  \n{', '.join(members)}")

with tab_balance:
    st.markdown(THEORY)
    good, bad, ratio, telling = analysis(DATA_DIR, state, "balance")
    if good + bad:
        st.markdown(f"**{good} balanced and {bad} unbalanced triangles: a balance ratio of {ratio:.0%}.**")
        for line in telling:
            st.markdown(f"- Unbalanced: {line}")
    else:
        st.info("No triangle of ties in this view.")
    st.caption("Balance ratio on 1 July of each year, with the tie types and statuses chosen:")
    st.line_chart(history(DATA_DIR, state)[1], y="ratio")

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
    try:
        change = diff(G, min(since, as_of), max(since, as_of), types=types, statuses=statuses)
    except graph.UsageError as exc:
        st.info(str(exc))
    else:
        if change.empty:
            st.info("Nothing changed between these two dates.")
        for title, rows in (("Begun", change.begun), ("Ended", change.ended)):
            if rows:
                st.markdown(f"**{title}** ({len(rows)})")
                links(rows, {"title": "Tie", "start": "Start", "end": "End", "source_url": "Source"})
        for title, rows in (("Joined", change.joined), ("Left", change.left)):
            if rows:
                st.markdown(f"**{title}:** " + ", ".join(f"{m['member']} → {m['organization']}" for m in rows))
    st.caption("Ties in force on 1 July of each year:")
    st.line_chart(history(DATA_DIR, state)[0])

current = view(DATA_DIR, state, Drawing(highlight=highlight, colour_blocs=colour_blocs))
summary_slot.markdown(f"**{current.summary}**")
with graph_slot:
    st.iframe(current.html, height=700)

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
