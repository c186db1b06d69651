"""Draw a graph with pyvis' vis-network: as data for the map script, or as one
self-contained, offline HTML page.

pyvis assembles the nodes, edges and options (`map_data`); our own script
(`templates/map.js`) draws them, in the app's map element and in a page from our own
template (`page_html`), because pyvis' template loads Bootstrap from a CDN, switches
tooltips to ``innerHTML`` and leaves its heading unescaped. Here every text from the
CSV files travels only as JSON (``<``, ``>``, ``&`` escaped, so it is safe inside a
script) and is put on screen with ``textContent``; positions are fixed and physics is
off, so the picture appears at once and holds still.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network

from . import claims, dates, geo, labels, provenance, vocab
from .build import memberships_on
from .layout import Positions

VIS_JS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"

OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": {"enabled": True, "bindToWindow": False}},
    "nodes": {
        "font": {
            "size": 22,
            "face": "system-ui, sans-serif",
            "color": "#111111",
            "strokeWidth": 4,
            "strokeColor": "#ffffff",
        },
        "borderWidth": 2,
    },
    "edges": {
        "font": {
            "size": 15,
            "face": "system-ui, sans-serif",
            "color": "#222222",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
            "align": "middle",
        },
        "selectionWidth": 2,
        "hoverWidth": 1.5,
        "smooth": False,
    },
}

STATE_STYLE = {"shape": "dot", "color": {"background": "#E8EEF4", "border": "#1F3B57"}}
# An organisation is a square, a state a round dot; both are named beside the mark by
# the label placement (`templates/labels.js`), never inside it.
ORG_STYLE = {"shape": "square", "color": {"background": "#FFF4D6", "border": "#6B4E00"}}
# "Who says so?": a tie the chosen actor denies is drawn paler than any status, and struck.
DENIED_ALPHA = 0.35
# Time that plays: a tie ended since the previous frame is shown this pale for one frame.
ENDED_ALPHA = 0.22
# A tie shown past the end of its dataset, or on a day within an imprecise date, is pale.
UNSURE_ALPHA = 0.3
# The credit line under an exported picture: where the ties come from.
CREDIT = (
    "Ties between states: curated ties from cited pages, with SIPRI Arms Transfers, UCDP/PRIO Armed Conflict "
    "and ATOP data. Each tie links to its source."
)


@cache
def asset(name: str) -> str:
    """A file of `templates/`, read once: the page template, and the map script (`map.js`)
    and styles (`map.css`) that the offline page and the app's map element share."""
    return (Path(__file__).parent / "templates" / name).read_text(encoding="utf-8")


@cache
def map_script() -> str:
    """The map's whole script: the country shapes (`geo.world`), the base map, the label
    placement and the map itself, for the offline page and the app's map element."""
    shapes = "var TIES_WORLD = " + _script_json(geo.world()) + ";\n"
    return shapes + asset("basemap.js") + asset("labels.js") + asset("map.js")


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(asset("network.html.j2"))


@cache
def _vis_js() -> str:
    return VIS_JS.read_text(encoding="utf-8")


def _names(G: nx.MultiDiGraph, ids: str) -> list[str]:
    known = G.graph.get("names", {})  # an actor the view leaves out is still named
    return [G.nodes[i]["name"] if i in G else known.get(i, i) for i in ids.split("|") if i]


def tie_tip(G: nx.MultiDiGraph, u: str, v: str, tie: dict, sources: dict[tuple[str, str], int]) -> dict:
    """The facts shown for a tie on hover and click, as plain data.

    The page adds the two names (from the node labels) and the source (from `sources`,
    one entry per distinct source, since thousands of ties share a dataset's page).
    """
    kind = vocab.TIE_TYPES[tie["type"]]
    what = kind.label + (f" ({vocab.subtype_label(tie['subtype'])})" if tie["subtype"] else "")
    lines = [f"{what}, {dates.span(tie['start'], tie['end'])}", f"Status: {vocab.STATUSES[tie['status']].label}"]
    lines += provenance.notes(tie)
    if tie["claimed_by"]:
        lines.append("Claimed by: " + ", ".join(_names(G, tie["claimed_by"])))
    if tie["denied_by"]:
        lines.append("Denied by: " + ", ".join(_names(G, tie["denied_by"])))
    source = (tie["source_url"], tie["source_name"] or "Source")
    tip = {
        "title": tie["title"],
        "lines": lines,
        "text": tie["description"],
        "src": sources.setdefault(source, len(sources)),
    }
    changes = claims.history_lines(G, tie["id"], G.graph.get("as_of"))
    if changes:  # what was claimed and denied when, each change with its source
        tip["history"] = [
            {"text": c["text"], "src": sources.setdefault((c["url"], "source"), len(sources)), "now": c["now"]}
            for c in changes
        ]
    return tip


def membership_tip(G: nx.MultiDiGraph, member: str, org: str, m: dict) -> dict:
    """The facts shown for a membership link."""
    duty = [f"Bound to defend the other members: {m['basis']}"] if m.get("basis") else []
    return {
        "title": f"{G.nodes[member]['name']} in {G.nodes[org]['name']}",
        "lines": [f"Member {dates.span(m['start'], m['end'])}", *duty],
        "text": "",
        "url": m["source_url"],
        "source": "Source",
    }


def node_tip(G: nx.MultiDiGraph, n: str, orgs: dict[str, list[str]] | None = None) -> dict:
    """The facts shown for an actor on hover and click (`orgs`: member → organisations)."""
    a = G.nodes[n]
    kind = "Organisation" if a["kind"] == "organization" else "State"
    ties = sum(1 for *_, t in G.edges(n, data="type") if t != "membership") + sum(
        1 for *_, t in G.in_edges(n, data="type") if t != "membership"
    )
    lines = [f"{kind}" + (f", {a['region']}" if a["region"] else ""), f"{ties} ties shown"]
    mine = (orgs if orgs is not None else _organizations(G)).get(n)
    if mine:
        lines.append("Member of: " + ", ".join(sorted(mine)))
    return {"title": a["name"], "lines": lines, "text": "", "url": "", "source": ""}


def _organizations(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Member → the organisations it belongs to at the view's date."""
    found: dict[str, list[str]] = defaultdict(list)
    for m in memberships_on(G, G.graph.get("as_of")):
        found[m["member"]].append(m["organization"])
    return found


class _Ids(list):
    """pyvis keeps node ids in a list and scans it for every node and tie it adds;
    this list answers `in` from a set, so building the network stays linear."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._seen.add(item)

    def __contains__(self, item) -> bool:
        return item in self._seen


def _curves(lines: list[tuple[str, str, str]]) -> dict[str, dict | bool]:
    """Straight lines for a pair with one line; separate curves for lines sharing a pair.
    `lines`: (from, to, id) in the order they are drawn."""
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, k in lines:
        low, high = sorted((u, v))
        pairs[(low, high)].append((u, v, k))
    smooth: dict[str, dict | bool] = {}
    for (a, _), ties in pairs.items():
        n = len(ties)
        for i, (u, _, k) in enumerate(ties):
            rank = i + (1 - n % 2)  # an odd count keeps one straight line in the middle
            if rank == 0:
                smooth[k] = False
                continue
            # Alternate sides, bending further out; the same side whichever way a tie points.
            clockwise = (rank % 2 == 1) == (u == a)
            roundness = 0.15 * ((rank + 1) // 2)
            smooth[k] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW", "roundness": roundness}
    return smooth


def merged_lines(G: nx.MultiDiGraph) -> dict[tuple[str, str, str, str, bool], list[str]]:
    """Ties drawn as one line: those of one style and status between the same two actors
    (the same way round, for a type with a direction), and equally sure on the view's day.
    Keyed (style, from, to, status, unsure), each with its ties' keys in order; the first
    key names the line. `unsure`: unconfirmed past its dataset, or within an imprecise date.
    A tie marked `ended` (it ended since the previous frame of a play) has the status
    "ended", so it is drawn apart from the ties that go on."""
    lines: dict[tuple[str, str, str, str, bool], list[str]] = defaultdict(list)
    for u, v, k, tie in sorted(G.edges(keys=True, data=True), key=lambda e: e[2]):
        style = vocab.line_style(tie["type"], tie.get("subtype", ""))
        directed = vocab.LINE_STYLES[style].arrow
        a, b = (u, v) if directed or u <= v else (v, u)
        unsure = bool(tie.get("unconfirmed") or tie.get("approximate"))
        # `drawn_as`: how the voice of "Who says so?" sees the tie (`lens.seen_by`), if one is
        # chosen; "ended": a tie that ended since the previous frame of a play.
        status = "ended" if tie.get("ended") else tie.get("drawn_as", tie.get("status", "confirmed"))
        lines[(style, a, b, status, unsure)].append(k)
    return dict(lines)


# Paul Tol's "light" scheme: pale fills that stay apart under colour-vision deficiencies.
BLOC_COLOURS = ("#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00")
OTHER_BLOC = "#DDDDDD"


def to_network(
    G: nx.MultiDiGraph,
    positions: Positions,
    *,
    highlight: frozenset[str] = frozenset(),
    fills: dict[str, str] | None = None,
    focus: tuple[str, ...] = (),
    begun: frozenset[str] = frozenset(),
) -> Network:
    """Assemble the pyvis Network for `G`: nodes at `positions`, one line per set of
    parallel ties of one style (`merged_lines`), each tie listed in the line's details.

    `highlight` names ties to stand out (the others fade); `fills` colours nodes; `focus`
    names actors whose labels come first. `begun` names ties and membership links new
    since the previous frame of a play: drawn wide and marked "new", the others as they are
    (so the picture does not dim and brighten from frame to frame); a tie marked `ended`
    is drawn pale and marked "ended". Works on its own copy of the data: pyvis' `from_nx`
    would change `G`.
    """
    net = Network(directed=True)
    net.node_ids = _Ids()
    orgs = _organizations(G)
    lit = {n for u, v, k in G.edges(keys=True) if k in highlight for n in (u, v)}
    rank = labels.priorities(G, focus)
    for n, a in sorted(G.nodes(data=True)):
        x, y = positions.get(n, (0.0, 0.0))
        look: dict[str, Any] = dict(ORG_STYLE if a["kind"] == "organization" else STATE_STYLE)
        if fills and n in fills:
            look["color"] = {"background": fills[n], "border": "#1F3B57"}
        if highlight and n not in lit:
            look["opacity"] = 0.35
        if n in focus:
            look["focus"] = True
        size = 10 + 2.5 * min(G.degree(n), 12) ** 0.9
        net.add_node(n, label=a["name"], x=x, y=y, size=size, rank=rank[n], tip=node_tip(G, n, orgs), **look)
    lines = merged_lines(G)
    ends = {k: (u, v, tie) for u, v, k, tie in G.edges(keys=True, data=True)}
    smooth = _curves(sorted((a, b, keys[0]) for (_, a, b, *_), keys in lines.items()))
    sources: dict[tuple[str, str], int] = {}
    for (style, u, v, status, unsure), keys in sorted(lines.items(), key=lambda item: item[1][0]):
        k = keys[0]
        ended, new = status == "ended", any(key in begun for key in keys)
        marks = {"alpha": ENDED_ALPHA, "note": "ended"} if ended else {"wide": True, "note": "new"} if new else {}
        if style in vocab.MEMBERSHIP_STYLES:
            net.edges.append(Edge(u, v, False, id=k, kind=style, tip=membership_tip(G, *ends[k]), **marks).options)
            continue
        tips = [tie_tip(G, *ends[key], sources) for key in keys]
        bright = any(key in highlight for key in keys)
        if ended:
            status = ends[k][2].get("drawn_as", ends[k][2]["status"])
        faded = DENIED_ALPHA if status == "denied" else vocab.STATUSES[status].alpha
        alpha = faded if not highlight else (1.0 if bright else 0.12)
        if unsure:
            alpha = min(alpha, UNSURE_ALPHA)
        if ended:
            alpha = min(alpha, ENDED_ALPHA)
        # Colour, dashes, width and arrow come from one table per style (`styles`), not per tie.
        # (`True in (1.0, False)` holds in Python, so the two are tested apart.)
        extra: dict[str, Any] = {"alpha": alpha} if alpha != 1.0 else {}
        if bright or new:
            extra["wide"] = True
        if smooth[k]:
            extra["smooth"] = smooth[k]
        notes = ["new" if new else "ended" if ended else "", status if status != "confirmed" else ""]
        if any(notes):
            extra["note"] = " · ".join(n for n in notes if n)
        if status == "denied":
            extra["struck"] = True
        if len(keys) > 1:
            extra["ties"] = keys
        tip = tips[0] if len(tips) == 1 else _many_tip(style, tips)
        # pyvis' Edge builds the record; add_edge would check both ends again in a list.
        net.edges.append(Edge(u, v, False, id=k, kind=style, tip=tip, **extra).options)
    net.options = OPTIONS
    net.sources = [list(pair) for pair in sources]  # in the order of their numbers
    return net


def _many_tip(style: str, tips: list[dict]) -> dict:
    """The details of a line that stands for several ties: a count, then each tie."""
    title = f"{len(tips)} ties: {vocab.LINE_STYLES[style].label.lower()}"
    return {"title": title, "lines": [], "text": "", "items": tips}


def styles() -> dict[str, dict]:
    """How each style of line is drawn (`vocab.LINE_STYLES`), sent once per page."""
    return {
        name: {
            "color": st.colour,
            "dashes": list(st.dashes) if st.dashes else False,
            "width": st.width,
            "arrow": st.arrow,
            "double": st.double,
            "strike": st.strike,
        }
        for name, st in vocab.LINE_STYLES.items()
    }


def legend(drawn: set[str] | None = None) -> list[dict]:
    """One legend row per style of line: colour, dashes, arrow, double line, words. The four
    tie types always; the styles drawn apart (mutual defence, a guarantee, membership links)
    only when `drawn` names them, so the legend speaks of what the map shows. Without
    `drawn`, every style."""
    drawn = set(vocab.LINE_STYLES) if drawn is None else drawn | set(vocab.TIE_TYPES)
    return [
        {
            "label": st.label,
            "colour": st.colour,
            "dashes": " ".join(map(str, st.dashes)) if st.dashes else "",
            "arrow": st.arrow,
            "double": st.double,
            "strike": st.strike,
            "hint": st.hint,
        }
        for name, st in vocab.LINE_STYLES.items()
        if name in drawn
    ]


def _script_json(value: object) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def map_data(
    G: nx.MultiDiGraph,
    positions: Positions,
    *,
    caption: str = "",
    highlight: frozenset[str] = frozenset(),
    blocs: list[tuple[str, str]] | None = None,
    fills: dict[str, str] | None = None,
    present: bool = False,
    focus: tuple[str, ...] = (),
    base_map: bool = False,
    story: str = "",
    voice: str = "",
    said: tuple[str, ...] = (),
    begun: frozenset[str] = frozenset(),
    extent: tuple[float, float, float, float] | None = None,
    tick: float = 0.0,
) -> str:
    """Everything the map script (`templates/map.js`) draws, as JSON safe inside a <script>.

    `voice` names the actor through whose eyes the map is drawn ("Who says so?", `lens`);
    `said` are its sentences, shown over the map and carried by the offline page.

    `blocs` (label, colour) pairs add a legend for node `fills`. Labels are 15 px on
    screen whatever the zoom, 26 px with `present` (a projector in a classroom); those of
    `focus` come first. `base_map` draws the country shapes under the nodes (for the
    positions of `layout.geo_layout`), the view's states shaded. `story` is the caption of
    a story step, printed on a saved picture. `begun` (see `to_network`) and `extent`
    belong to a frame of a play: `extent` (x0, y0, x1, y1) is the part of the layout that
    every frame shows, so the map keeps one frame of view and nothing moves between frames.
    With `tick` (seconds) the app's map element asks for the next frame that long after
    drawing this one, naming this frame's day (`component.js`).
    """
    day = G.graph.get("as_of")
    net = to_network(G, positions, highlight=highlight, fills=fills, focus=focus, begun=begun)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    options = json.loads(options)
    if present:  # the arrow keys step the story or the date; they must not also pan the map
        options["interaction"]["keyboard"]["enabled"] = False
    return _script_json(
        {
            "nodes": nodes,
            "edges": edges,
            "styles": styles(),
            "sources": net.sources,
            "options": options,
            "labelPx": 26 if present else 15,
            "present": present,
            "caption": caption,
            "story": story,
            "credit": CREDIT,
            "legend": [
                {**row, "label": f"Denied by {voice}"} if row.get("strike") else row
                for row in legend(
                    {vocab.line_style(t["type"], t.get("subtype", "")) for *_, t in G.edges(data=True)}
                    | ({"denied"} if any(t.get("drawn_as") == "denied" for *_, t in G.edges(data=True)) else set())
                )
            ],
            "voice": voice,
            "said": list(said),
            "blocs": [list(b) for b in blocs or []],
            "baseMap": _base_map(G) if base_map else None,
            "extent": list(extent) if extent else None,
            "tick": {"after": tick, "day": day.isoformat()} if tick and day else None,
        }
    )


def _base_map(G: nx.MultiDiGraph) -> dict:
    """What the map script needs besides the shapes it carries: which to shade, and
    whether to say that the borders are today's (a view of an earlier date)."""
    day = G.graph.get("as_of")
    historical = day is not None and day.year < geo.BORDERS_YEAR
    return {"shaded": geo.shaded(G), "note": "Borders as of today" if historical else ""}


def page_html(data_json: str, *, height: str = "100vh") -> str:
    """One self-contained HTML page that draws `data_json` (from `map_data`); it carries
    vis-network and makes no network request."""
    return _template().render(
        vis_js=_vis_js(),
        css=asset("map.css"),
        map_js=map_script(),
        data_json=data_json,
        height=height,
    )


def render_html(
    G: nx.MultiDiGraph,
    positions: Positions,
    *,
    caption: str = "",
    height: str = "100vh",
    highlight: frozenset[str] = frozenset(),
    blocs: list[tuple[str, str]] | None = None,
    fills: dict[str, str] | None = None,
    present: bool = False,
) -> str:
    """Return one self-contained HTML page that draws `G`; it makes no network request."""
    data = map_data(G, positions, caption=caption, highlight=highlight, blocs=blocs, fills=fills, present=present)
    return page_html(data, height=height)
