"""A story made in the app, opened from its link in a real headless Chromium."""

from __future__ import annotations

from dataclasses import replace

import pytest
from browser import guard
from test_browser import graph_frame

import graph
from graph import builder
from graph.stories import load_stories
from graph.view import highlightable

pytestmark = pytest.mark.browser
CAPTION = "Our first step: <b>not bold</b> ![x](http://evil.example/x.png) and the treaty of June 2024."


def test_made_link_opens_the_story_in_a_fresh_page(browser, app_url):
    G = graph.build(graph.load())
    shipped = next(s for s in load_stories(actors=set(G), ties=highlightable(G)) if s.id == "russia-iran-north-korea")
    steps = (replace(shipped.steps[1], caption=CAPTION), shipped.steps[3])
    value = builder.to_link(builder.Draft("Our story", steps=steps))
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    outside = guard(page)
    url = app_url
    page.goto(f"{url}/?made={value}")
    frame = graph_frame(page)
    caption = page.locator(".st-key-story-caption")
    caption.wait_for(timeout=30_000)
    assert CAPTION in caption.inner_text().replace("\u2060", "")  # as text (graph.plain's joiners aside) …
    assert caption.locator("b, img").count() == 0  # … never as HTML or Markdown
    page.get_by_text("Our story — step 1 of 2").wait_for(timeout=15_000)
    ids = set(frame.evaluate("() => window.tieNetwork.nodes.getIds()"))
    assert ids == {"RUS", "PRK", "UKR", "USA"}  # the first step's view: among its focus
    page.wait_for_function("() => /story=(~|%7E)made/.test(location.search) && location.search.includes('made=')")
    context.close()
    assert outside == []
