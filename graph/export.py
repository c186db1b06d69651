"""Write a (filtered) graph as HTML, CSV, GraphML, GEXF or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import networkx as nx

from . import chromium
from .errors import UsageError
from .layout import Positions, force_layout
from .render import render_html
from .schema import RELATIONS

FORMATS = ("html", "png", "csv", "graphml", "gexf", "json")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Some spreadsheets split a cell at ";" or "|" and run what follows: ";=1+1", "|=1+1", " =1+1".
_HIDDEN_FORMULA = re.compile(r"^[\s;|,]*[=+\-@]")


def spreadsheet_safe(value: str) -> str:
    """Neutralise a cell that a spreadsheet would run as a formula.

    >>> spreadsheet_safe("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    >>> spreadsheet_safe("2024-06-19"), spreadsheet_safe(";=1+1"), spreadsheet_safe("|=1+1")
    ('2024-06-19', "';=1+1", "'|=1+1")
    """
    return "'" + value if value.startswith(_FORMULA_START) or _HIDDEN_FORMULA.match(value) else value


def ties_table(G: nx.MultiDiGraph) -> list[dict[str, str]]:
    """The ties of `G` as rows of relations.csv, sorted by id."""
    return [
        {c: tie[c] for c in RELATIONS.columns} for _, _, tie in sorted(G.edges(data=True), key=lambda e: e[2]["id"])
    ]


# A spreadsheet reads the ends' names beside their codes: these columns follow `source`
# and `target` (the relations.csv columns, otherwise in their order).
NAME_COLUMNS = {"source": "source_actor_name", "target": "target_actor_name"}


def to_csv(G: nx.MultiDiGraph) -> str:
    """The visible ties with their sources and the names of both ends, safe to open in a
    spreadsheet. Starts with a UTF-8 byte order mark, so that Excel reads dashes and
    accents as UTF-8."""
    columns = [name for c in RELATIONS.columns for name in (c, NAME_COLUMNS.get(c)) if name]
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in ties_table(G):
        for code, column in NAME_COLUMNS.items():
            row[column] = G.nodes[row[code]].get("name", row[code])
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    return out.getvalue()


def _plain(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are strings and numbers only, as GraphML and GEXF need."""

    def scalar(value: object) -> object:
        if isinstance(value, list):
            return "|".join(map(str, value))
        if isinstance(value, (dt.date, bool)):
            return str(value)
        return "" if value is None else value

    H = nx.MultiDiGraph()
    H.add_nodes_from((n, {k: scalar(v) for k, v in a.items()}) for n, a in G.nodes(data=True))
    H.add_edges_from((u, v, k, {x: scalar(y) for x, y in a.items()}) for u, v, k, a in G.edges(keys=True, data=True))
    return H


def png(page: str, *, width: int = 1920, height: int = 1080) -> bytes:
    """Draw a page in the system Chromium and return a PNG at projector resolution.

    Needs Playwright for Python and Chromium (`apt-get install chromium`), as the tests do.
    """
    import tempfile
    from pathlib import Path

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise UsageError("PNG export needs Playwright (pip install playwright) and Chromium.") from None
    chromium.executable()  # a clear error before Playwright starts
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        path = Path(folder) / "view.html"
        path.write_text(page, encoding="utf-8")
        browser = chromium.launch(p)
        tab = browser.new_page(viewport={"width": width, "height": height})
        tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        tab.goto(path.as_uri())
        tab.wait_for_selector(".ties-map[data-drawn]")
        tab.evaluate("() => document.getElementById('ties-tools').remove()")
        image = tab.screenshot(type="png")
        browser.close()
    return image


def export(G: nx.MultiDiGraph, fmt: str, *, positions: Positions | None = None, caption: str = "") -> bytes:
    """Return `G` in format `fmt` (one of FORMATS) as bytes ready to write. A picture
    (html, png) without `positions` is drawn in `layout.force_layout` of `G`."""
    if fmt in ("html", "png"):
        page = render_html(
            G, force_layout(G) if positions is None else positions, caption=caption, present=fmt == "png"
        )
        return page.encode("utf-8") if fmt == "html" else png(page)
    if fmt == "csv":
        return to_csv(G).encode("utf-8")
    if fmt == "json":
        data = nx.node_link_data(_plain(G), edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt in ("graphml", "gexf"):
        out = io.BytesIO()
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        writer(_plain(G), out)
        return out.getvalue()
    raise ValueError(f"unknown format {fmt!r}, expected one of: {', '.join(FORMATS)}")
