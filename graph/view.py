"""One screen's worth of the graph: the filters a user chose and what they show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import networkx as nx
import pandas as pd

from . import dates, frames, vocab
from .blocs import bloc_of, blocs
from .build import memberships_on
from .filter import filter_graph
from .layout import Positions
from .lens import Said, said_by, seen_by, spoken_name
from .render import BLOC_COLOURS, OTHER_BLOC, map_data, page_html
from .state import ViewState
from .tables import ties_table


@dataclass(frozen=True)
class Drawing:
    """How to draw a view: ties to highlight, colour by bloc, presentation size, and the
    story caption that a saved picture carries. A frame of a play through time also has
    `since`, the previous frame's day (what is new since then is marked, what ended is
    shown pale), `extent`, the part of the layout every frame shows (`play_extent`), and
    `tick`, the seconds after which the map asks for the next frame (0: it does not)."""

    highlight: frozenset[str] = frozenset()
    colour_blocs: bool = False
    present: bool = False
    story: str = ""
    since: dt.date | None = None
    extent: tuple[float, float, float, float] | None = None
    tick: float = 0.0


@dataclass(frozen=True)
class View:
    """What a ViewState shows: the map's data, the table and a sentence saying how much."""

    data: str  # JSON for the map script (`render.map_data`)
    table: pd.DataFrame
    summary: str
    graph: nx.MultiDiGraph = field(repr=False)
    said: tuple[Said, ...] = ()  # with a voice: what it claims and denies, one sentence per tie

    def html(self, height: str = "100vh") -> str:
        """The view as one self-contained, offline page."""
        return page_html(self.data, height=height)


TABLE_COLUMNS = {
    "title": "Tie",
    "type": "Type",
    "from": "From",
    "to": "To",
    "dates": "Dates",
    "status": "Status",
    "claims": "Claimed / denied by",
    "description": "What happened",
    "source_url": "Source",
}


def latest_date(G: nx.MultiDiGraph) -> dt.date:
    """The latest date the data speaks of: its cut-off."""
    days = [dates.parse_period(d)[0] for _, _, t in G.edges(data=True) for d in (t["start"], t["end"]) if d]
    return max(days, default=dt.date.today())


def existing(G: nx.MultiDiGraph, ids: tuple[str, ...], day: dt.date | None) -> tuple[str, ...]:
    """The actors of `ids` that existed on `day` (the Soviet Union did not in 2000)."""
    return tuple(n for n in ids if n in G and dates.holds(G.nodes[n], day))


def actor_label(G: nx.MultiDiGraph, n: str) -> str:
    """An actor as a search entry: name, aliases and id, so any of them finds it.

    >>> G = nx.MultiDiGraph(); G.add_node("PRK", name="North Korea", aliases=["DPRK"])
    >>> actor_label(G, "PRK")
    'North Korea (DPRK) · PRK'
    """
    a = G.nodes[n]
    extra = f" ({', '.join(a['aliases'])})" if a.get("aliases") else ""
    return f"{a['name']}{extra} · {n}"


def actors_by_name(G: nx.MultiDiGraph) -> list[str]:
    """Actor ids sorted by name, for a picker."""
    return sorted(G, key=lambda n: G.nodes[n]["name"].casefold())


def _table(G: nx.MultiDiGraph) -> pd.DataFrame:
    name = nx.get_node_attributes(G, "name")
    rows = []
    for tie in ties_table(G):
        claims = " / ".join(
            f"{word} {', '.join(name.get(i, i) for i in tie[col].split('|'))}"
            for word, col in (("claimed by", "claimed_by"), ("denied by", "denied_by"))
            if tie[col]
        )
        rows.append(
            {
                "title": tie["title"],
                "type": vocab.TIE_TYPES[tie["type"]].label
                + (f" ({vocab.subtype_label(tie['subtype'])})" if tie["subtype"] else ""),
                "from": name[tie["source"]],
                "to": name[tie["target"]],
                "dates": dates.span(tie["start"], tie["end"]) + _unsure(G, tie),
                "status": vocab.STATUSES[tie["status"]].label,
                "claims": claims,
                "description": tie["description"],
                "source_url": tie["source_url"],
            }
        )
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))


def _unsure(G: nx.MultiDiGraph, tie: dict) -> str:
    """A mark after a tie's dates when the view's day falls within an imprecise date or after
    the end of the tie's dataset (see `provenance`)."""
    t = G.edges[tie["source"], tie["target"], tie["id"]]
    marks = ["day not known" if t.get("approximate") else ""]
    if t.get("unconfirmed") and t.get("known_until"):
        marks.append(f"unconfirmed after {t['known_until'].year}")
    found = [m for m in marks if m]
    return f" ({'; '.join(found)})" if found else ""


def filtered(G: nx.MultiDiGraph, state: ViewState) -> nx.MultiDiGraph:
    """The part of `G` that `state` asks for."""
    return filter_graph(
        G,
        as_of=state.as_of,
        types=state.types,
        statuses=state.statuses,
        focus=state.focus,
        depth=state.depth,
        among=state.among,
        minor=state.minor,
    )


def membership_key(m: dict) -> str:
    """The id of a membership link in a drawing, which a story step may highlight.

    >>> membership_key({"member": "FIN", "organization": "NATO", "joined": "2023-04-04"})
    'member-FIN-NATO-2023-04-04'
    """
    return f"member-{m['member']}-{m['organization']}-{m['joined']}"


def highlightable(G: nx.MultiDiGraph) -> set[str]:
    """Every id a story step may highlight: the ties of `G` and its membership links."""
    return {k for *_, k in G.edges(keys=True)} | {membership_key(m) for m in G.graph.get("memberships", [])}


def with_memberships(G: nx.MultiDiGraph, H: nx.MultiDiGraph, organizations: tuple[str, ...]) -> nx.MultiDiGraph:
    """A copy of `H` for drawing, with a link from each member to each of `organizations`
    at the view's date. Membership links are not ties: no analysis sees them. A link to an
    organisation whose members must defend each other that day (`obligations.csv`) carries
    the article (`basis`) and is drawn in the defence-alliance style."""
    if not organizations:
        return H
    D = H.copy()
    day = H.graph.get("as_of")
    duty = {
        o["organization"]: f"{o['article']}: {o['text']}"
        for o in G.graph.get("obligations", [])
        if o["organization"] in organizations and dates.holds(o, day)
    }
    for m in memberships_on(G, day):
        if m["organization"] in organizations:
            for n in (m["member"], m["organization"]):
                if n not in D and n in G:
                    D.add_node(n, **G.nodes[n])
            if m["member"] in D and m["organization"] in D:
                key = membership_key(m)
                D.add_edge(
                    m["member"],
                    m["organization"],
                    key=key,
                    type="membership",
                    id=key,
                    start=m["joined"],
                    end=m["left"],
                    source_url=m["source_url"],
                    subtype="defence" if m["organization"] in duty else "",
                    basis=duty.get(m["organization"], ""),
                )
    return D


def _count(D: nx.MultiDiGraph) -> str:
    """What a drawing shows, counted: its ties, its membership links and its actors.

    >>> D = nx.MultiDiGraph()
    >>> _ = D.add_edges_from([("FRA", "NATO"), ("GBR", "NATO")], type="membership")
    >>> _count(D)
    '0 ties and 2 membership links between 3 actors'
    """
    links = sum(1 for *_, t in D.edges(data="type") if t == "membership")
    ties = D.number_of_edges() - links
    also = f" and {links} membership links" if links else ""
    return f"{ties} ties{also} between {D.number_of_nodes()} actors"


def make_view(
    G: nx.MultiDiGraph,
    positions: Positions,
    state: ViewState,
    drawing: Drawing = Drawing(),
) -> View:
    """Filter `G` as `state` asks and draw it at `positions` (those of `state.layout`)."""
    H = filtered(G, state)
    fills, legend = None, None
    if drawing.colour_blocs:
        found = blocs(H)
        colours = {b.number: BLOC_COLOURS[i] if i < len(BLOC_COLOURS) else OTHER_BLOC for i, b in enumerate(found)}
        fills = {n: colours[number] for n, number in bloc_of(found).items()}
        legend = [(b.label, colours[b.number]) for b in found[: len(BLOC_COLOURS)]]
        if len(found) > len(BLOC_COLOURS):
            legend.append(("smaller blocs", OTHER_BLOC))
    when = f"as of {state.as_of.isoformat()}" if state.as_of else "at any date"
    names = ", ".join(G.nodes[f]["name"] for f in state.focus)
    steps = "1 step" if state.depth == 1 else f"{state.depth} steps"
    if state.among and state.focus:
        around = f", among {names}"
    else:
        around = f", {steps} from {names}" if state.focus else ""
    drawn = with_memberships(G, H, state.members)
    summary = f"{_count(drawn)} {when}{around}."
    begun: frozenset[str] = frozenset()
    if drawing.since is not None and state.as_of is not None:
        before = drawn_on(G, state, drawing.since)
        change = frames.change(before, drawn)
        begun, drawn = change.begun, frames.with_ended(drawn, before, change.ended)
    caption = f"{when.capitalize()}{around}"
    said: tuple[Said, ...] = ()
    voice = state.voice if state.voice in G else ""
    if voice:
        said = tuple(said_by(H, voice))
        drawn = seen_by(drawn, voice)
        caption += f", as {spoken_name(G, voice)} says"
    data = map_data(
        drawn,
        positions,
        caption=caption,
        highlight=drawing.highlight,
        blocs=legend,
        fills=fills,
        present=drawing.present,
        focus=state.focus,
        base_map=state.layout == "geo",
        story=drawing.story,
        voice=spoken_name(G, voice) if voice else "",
        said=tuple(s.sentence for s in said),
        begun=begun,
        extent=drawing.extent,
        tick=drawing.tick,
    )
    return View(data, _table(H), summary, H, said)


def drawn_on(G: nx.MultiDiGraph, state: ViewState, day: dt.date) -> nx.MultiDiGraph:
    """What `state` draws on another `day` (ties and membership links); its focus keeps
    only the actors that existed then."""
    other = replace(state, as_of=day, focus=existing(G, state.focus, day))
    return with_memberships(G, filtered(G, other), other.members)


def play_extent(
    G: nx.MultiDiGraph, positions: Positions, state: ViewState, days: list[dt.date]
) -> tuple[float, float, float, float] | None:
    """The part of the layout that `state` draws on any of `days`: a play shows it in every
    frame, so that nothing moves on the screen from one frame to the next."""
    return frames.extent((drawn_on(G, state, day) for day in days), positions)
