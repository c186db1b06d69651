"""Write a (filtered) graph as HTML, CSV, GraphML, GEXF or JSON."""

from __future__ import annotations

import datetime as dt
import io
import json

import networkx as nx

from . import chromium
from .errors import UsageError
from .layout import Positions, force_layout
from .render import render_html
from .tables import to_csv

FORMATS = ("html", "png", "csv", "graphml", "gexf", "json")


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
