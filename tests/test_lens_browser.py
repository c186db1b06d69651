"""'Who says so?' in a real Chromium: a denied tie is drawn apart, in the offline page too."""

from __future__ import annotations

import datetime as dt

import pytest
from browser import guarded_page

import graph
from graph import force_layout
from graph.view import ViewState, make_view

pytestmark = pytest.mark.browser
PWNED = "() => window.__pwned === undefined"
STEP = dict(as_of=dt.date(2025, 1, 17), focus=("RUS", "IRN", "PRK", "UKR", "USA", "GBR", "EU", "ISR"), among=True)


@pytest.fixture
def page(browser):
    page = guarded_page(browser, 1366, 768)
    yield page
    page.context.close()


def open_page(page, tmp_path, html: str, name: str = "lens.html"):
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_selector(".ties-map[data-drawn]", timeout=30_000)
    return page.evaluate("() => window.tieNetwork.edges.get()")


def line_of(edges: dict, tie: str) -> dict:
    """The drawn line that carries `tie` (several ties of a kind share one line)."""
    return next(e for e in edges.values() if e["id"] == tie or tie in e.get("ties", []))


def test_offline_page_strikes_the_ties_iran_denies(page, tmp_path, world):
    view = make_view(world, force_layout(world), ViewState(**STEP, voice="IRN"))
    edges = {e["id"]: e for e in open_page(page, tmp_path, view.html())}
    denied = {s.tie for s in view.said if s.stance == "denies"}
    assert "irn-rus-missiles-2024" in denied
    for tie, e in edges.items():
        struck = tie in denied or bool(set(e.get("ties", [])) & denied)
        assert bool(e.get("struck")) == struck, tie
        if struck:  # pale, whatever its type's colour
            assert e["color"]["color"].endswith(",0.35)"), e["color"]
    plain = make_view(world, force_layout(world), ViewState(**STEP))
    before = {e["id"]: e for e in open_page(page, tmp_path, plain.html(), "plain.html")}
    assert not any(e.get("struck") for e in before.values())
    missiles = line_of(before, "irn-rus-missiles-2024"), line_of(edges, "irn-rus-missiles-2024")
    assert missiles[0]["color"]["color"].endswith(",0.55)") and missiles[1]["color"]["color"].endswith(",0.35)")
    # The sentences and the legend row travel with the page, as text.
    page.goto((tmp_path / "lens.html").as_uri())
    page.wait_for_selector(".ties-map[data-drawn]")
    voice = page.inner_text("#ties-voice")
    assert "The map as Iran says it" in voice and "Iran and Russia deny it." in voice
    assert "Denied by Iran" in page.inner_text("#ties-legend")
    assert page.outside == []


def test_offline_page_shows_a_hostile_voice_as_text(page, tmp_path, tiny_dir):
    sources = {p.name: p.read_bytes() for p in tiny_dir.iterdir()}
    evil = '<img src=x onerror="window.__pwned=1">'
    sources["actors.csv"] = sources["actors.csv"].replace(b"Carpania", evil.encode())
    G = graph.build(graph.load_bytes(sources))
    view = make_view(G, force_layout(G), ViewState(as_of=dt.date(2023, 6, 1), voice="CCC"))
    edges = open_page(page, tmp_path, view.html())
    assert [e["id"] for e in edges if e.get("struck")] == ["cb-arms-2022"]
    assert f"{evil} denies it." in page.inner_text("#ties-voice")
    assert page.evaluate(PWNED) and page.outside == []
