"""The drawn picture itself, measured in headless Chromium on exported pages: label
boxes, the base map's pixels, the mutual-defence line, a click on a line."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from browser import guard

from graph import geo
from graph.layout import LAYOUTS
from graph.state import STORY_START, ViewState
from graph.view import make_view

pytestmark = pytest.mark.browser
WORLD_DAY = dt.date(2025, 6, 1)
SIZES = [(1366, 768), (1920, 1080)]
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def pages(world, tmp_path_factory):
    """Exported pages: the world view in each layout, and the opening view."""
    folder = tmp_path_factory.mktemp("pictures")
    positions = {name: layout(world) for name, layout in LAYOUTS.items()}
    views = {name: ViewState(as_of=WORLD_DAY, layout=name) for name in LAYOUTS}
    views["opening"] = STORY_START
    views["geo-1980"] = ViewState(as_of=dt.date(1980, 6, 1), layout="geo", focus=("SUN",))
    paths = {}
    for name, state in views.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(make_view(world, positions[state.layout], state).html(), encoding="utf-8")
    return paths


def open_page(browser, path, size=(1600, 1000)):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.outside = guard(page)
    show(page, path)
    return page


def show(page, path):
    """Open an exported page in `page` and wait until its map and labels are drawn."""
    page.goto(path.as_uri())
    page.wait_for_selector(".ties-map[data-drawn]")
    page.wait_for_function("() => Array.isArray(window.tiesLabels)")


# Label boxes as drawn (in CSS pixels of the map), dots from vis-network's own nodes.
OVERLAPS = """() => {
  const net = window.network, pos = net.getPositions(), scale = net.getScale();
  const labels = window.tiesLabels.map(l => [l.x, l.y, l.x + l.w, l.y + l.h, l.id, l.text]);
  const hit = (p, q) => p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
  const pairs = [], onDots = [];
  labels.forEach((p, i) => labels.slice(i + 1).forEach(q => { if (hit(p, q)) pairs.push([p[5], q[5]]); }));
  net.body.nodeIndices.forEach(id => {
    const c = net.canvasToDOM(pos[id]), r = net.body.nodes[id].options.size * scale;
    labels.forEach(l => { if (l[4] !== id && hit(l, [c.x - r, c.y - r, c.x + r, c.y + r])) onDots.push([l[5], id]); });
  });
  return {shown: labels.filter(l => typeof l[4] === 'string' && !l[4].startsWith('e:')).map(l => l[4]),
          pairs: pairs, onDots: onDots};
}"""


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("layout", ["geo", "force"])
def test_world_view_labels_never_collide(browser, pages, layout, size):
    page = open_page(browser, pages[layout], size)
    found = page.evaluate(OVERLAPS)
    assert found["pairs"] == [] and found["onDots"] == []
    if size == (1920, 1080):
        assert len(found["shown"]) >= 40
    # Zooming in on a crowded place gives hidden labels room: new names, still no collision.
    page.evaluate("""() => window.network.moveTo({position: window.network.getPosition('DEU'),
                                                 scale: window.network.getScale() * 3})""")
    page.wait_for_function("shown => window.tiesLabels.some(l => !shown.includes(l.id))", arg=found["shown"])
    zoomed = page.evaluate(OVERLAPS)
    assert zoomed["pairs"] == [] and zoomed["onDots"] == []
    assert page.outside == []
    page.close()


def test_opening_view_names_every_focused_country(browser, pages):
    page = open_page(browser, pages["opening"], (1366, 768))
    found = page.evaluate(OVERLAPS)
    assert set(STORY_START.focus) <= set(found["shown"])
    assert found["pairs"] == [] and found["onDots"] == []
    page.close()


PIXELS = """([points, radius]) => {
  const net = window.network, canvas = document.querySelector('#ties-net canvas');
  const ctx = canvas.getContext('2d'), ratio = canvas.width / canvas.clientWidth;
  return points.map(p => {
    const d = net.canvasToDOM({x: p[0], y: p[1]}), out = [];
    for (let dx = -radius; dx <= radius; dx++) for (let dy = -radius; dy <= radius; dy++) {
      const px = ctx.getImageData(Math.round((d.x + dx) * ratio), Math.round((d.y + dy) * ratio), 1, 1).data;
      out.push('#' + [px[0], px[1], px[2]].map(v => v.toString(16).padStart(2, '0')).join('').toUpperCase());
    }
    return out;
  });
}"""
SHADED, LAND = "#C9D8E6", "#E4E4E4"


def share(colours, colour):
    return sum(c == colour for c in colours) / len(colours)


def test_base_map_is_drawn_under_the_dots(browser, pages):
    page = open_page(browser, pages["geo"], (1920, 1080))
    # Inland points of countries of the view (shaded), of one without a state in the
    # data (Greenland: plain land), and of the sea (nothing drawn).
    places = {"brazil": (-63, -6), "russia": (100, 62), "greenland": (-42, 75), "sea": (-30, -30)}
    points = [geo.project(*lonlat) for lonlat in places.values()]
    # The map alone: the lines drawn over it are hidden while its pixels are read.
    page.evaluate("""() => { const edges = window.tieNetwork.edges;
        edges.update(edges.getIds().map(id => ({id, hidden: true}))); window.network.redraw(); }""")
    page.wait_for_timeout(200)
    found = dict(zip(places, page.evaluate(PIXELS, [points, 3]), strict=True))
    assert share(found["brazil"], SHADED) > 0.6 and share(found["russia"], SHADED) > 0.6
    assert share(found["greenland"], LAND) > 0.6
    assert share(found["sea"], SHADED) == share(found["sea"], LAND) == 0
    # Each dot sits on its country: the land colour right around the dot's edge.
    node = page.evaluate("""() => { const n = window.network.body.nodes['BRA'];
                                    return [n.x, n.y, n.options.size]; }""")
    rim = [
        (node[0] + 1.6 * node[2] * dx, node[1] + 1.6 * node[2] * dy) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
    ]
    around = [c for patch in page.evaluate(PIXELS, [rim, 1]) for c in patch]
    assert share(around, SHADED) > 0.5
    assert "Natural Earth" in page.inner_text("#ties-credit") and "Borders" not in page.inner_text("#ties-credit")
    page.close()


def test_base_map_says_borders_are_todays_in_the_past(browser, pages):
    page = open_page(browser, pages["geo-1980"], (1366, 768))
    assert page.inner_text("#ties-credit").startswith("Borders as of today")
    page.close()


EDGE = """([a, b, kind]) => Object.values(window.network.body.edges).find(e =>
  [e.fromId, e.toId].sort().join() === [a, b].sort().join() && window.tieNetwork.edges.get(e.id).kind === kind).id"""
CORE = """(id) => {
  const net = window.network, e = net.body.edges[id], scale = net.getScale();
  const canvas = document.querySelector('#ties-net canvas'), ctx = canvas.getContext('2d');
  const ratio = canvas.width / canvas.clientWidth, out = [];
  const pixel = (p) => { const d = net.canvasToDOM(p);
    return Array.from(ctx.getImageData(Math.round(d.x * ratio), Math.round(d.y * ratio), 1, 1).data).slice(0, 3); };
  for (let t = 0.2; t <= 0.8; t += 0.02) {
    const p = e.edgeType.getPoint(t), q = e.edgeType.getPoint(t + 0.001);
    const len = Math.hypot(q.x - p.x, q.y - p.y), nx = -(q.y - p.y) / len, ny = (q.x - p.x) / len;
    const off = e.options.width * 0.34;
    out.push([pixel(p), pixel({x: p.x + nx * off, y: p.y + ny * off}), pixel({x: p.x - nx * off, y: p.y - ny * off})]);
  }
  return {samples: out, width: e.options.width * scale};
}"""


def blue(rgb):
    return rgb[2] > 140 and rgb[0] < 90


def white(rgb):
    return min(rgb) > 225


def test_mutual_defence_is_drawn_unlike_other_treaties(browser, pages):
    page = open_page(browser, pages["opening"])
    defence = page.evaluate(CORE, page.evaluate(EDGE, ["RUS", "PRK", "mutual_defense"]))
    plain = page.evaluate(CORE, page.evaluate(EDGE, ["RUS", "IRN", "treaty"]))
    assert defence["width"] > 1.8 * plain["width"]
    # A double line: white core between two blue rails, somewhere along it; never on the plain treaty.
    assert any(white(c) and blue(a) and blue(b) for c, a, b in defence["samples"])
    assert not any(white(c) and blue(a) and blue(b) for c, a, b in plain["samples"])
    assert any(blue(c) for c, _, _ in plain["samples"])
    page.close()


SPOTS = """() => {
  const net = window.network, ids = net.body.edgeIndices, spots = {};
  ids.forEach(id => {
    const e = net.body.edges[id];
    for (let t = 0.05; t < 0.96; t += 0.05) {
      const d = net.canvasToDOM(e.edgeType.getPoint(t));
      if (net.getNodeAt(d) === undefined && net.getEdgeAt(d) === id) { spots[id] = [d.x, d.y]; break; }
    }
  });
  return [spots, ids.length];
}"""


def test_every_line_of_the_opening_view_has_a_clickable_spot(browser, pages):
    page = open_page(browser, pages["opening"])
    spots, lines = page.evaluate(SPOTS)
    assert len(spots) == lines
    page.close()


def test_click_on_a_line_opens_that_tie(browser, pages):
    page = open_page(browser, pages["opening"])
    line = page.evaluate(EDGE, ["RUS", "PRK", "mutual_defense"])
    spots, _ = page.evaluate(SPOTS)
    box = page.locator("#ties-net").bounding_box()
    page.mouse.click(box["x"] + spots[line][0], box["y"] + spots[line][1])
    page.wait_for_selector("#ties-details:not([hidden])")
    text = page.inner_text("#ties-details")
    assert "Russia–North Korea strategic partnership treaty" in text and "mutual defense" in text
    assert page.evaluate("() => window.network.getSelectedEdges()") == [line]
    page.close()


MIDDLES = """() => { const net = window.network, canvas = document.querySelector('#ties-net canvas');
  const ctx = canvas.getContext('2d'), ratio = canvas.width / canvas.clientWidth, out = {};
  net.body.edgeIndices.forEach(id => { const e = net.body.edges[id], d = net.canvasToDOM(e.edgeType.getPoint(0.5));
    const px = ctx.getImageData(Math.round(d.x * ratio), Math.round(d.y * ratio), 1, 1).data;
    const a = px[3] / 255, seen = [0, 1, 2].map(i => px[i] * a + 255 * (1 - a));  // over the white page
    // Lines already pale (unconfirmed, approximate or contested) have little left to fade.
    if (window.tieNetwork.edges.get(id).alpha === undefined)
      out[id] = [e.fromId === 'PRK' || e.toId === 'PRK', seen[0] + seen[1] + seen[2]]; });
  return out; }"""


def test_hovering_a_country_fades_the_lines_of_others(browser, pages):
    page = open_page(browser, pages["opening"])
    before = page.evaluate(MIDDLES)
    box = page.locator("#ties-net").bounding_box()
    x, y = page.evaluate("() => Object.values(window.network.canvasToDOM(window.network.getPosition('PRK')))")
    page.mouse.move(box["x"] + x, box["y"] + y)
    page.wait_for_function(
        "() => window.network.body.edgeIndices.length && window.tiesLabels.some(l => l.id === 'PRK')"
    )
    page.wait_for_timeout(300)  # the hover's redraw; what follows compares pixels, both ways
    after = page.evaluate(MIDDLES)
    # Drawn pixels at the middle of each line: the others' turn pale, North Korea's do not.
    others = [after[k][1] - before[k][1] for k, (mine, _) in before.items() if not mine]
    mine = [after[k][1] - before[k][1] for k, (m, _) in before.items() if m]
    assert sum(d > 150 for d in others) > 0.7 * len(others)
    assert sum(d > 150 for d in mine) < 0.3 * len(mine)
    # Its lines are drawn last, over the others.
    order = page.evaluate(
        "() => window.network.body.edgeIndices.map(id => { const e = window.network.body.edges[id];"
        " return e.fromId === 'PRK' || e.toId === 'PRK'; })"
    )
    assert order == sorted(order)
    page.close()


STORY_IDS = [story["id"] for story in tomllib.loads((ROOT / "data" / "stories.toml").read_text("utf-8"))["story"]]


@pytest.fixture(scope="module")
def stories():
    import graph
    from graph.stories import load_stories

    return {story.id: story for story in load_stories(actors=set(graph.load().actors["id"]))}


@pytest.fixture(scope="module")
def positions(world):
    return {name: layout(world) for name, layout in LAYOUTS.items()}


# One test per story, so that the stories' steps are drawn on both test workers at once.
@pytest.mark.parametrize("story_id", STORY_IDS)
def test_every_story_step_is_readable_at_1366x768(browser, world, stories, positions, story_id, tmp_path):
    """No label over another label or over a dot, in every step of every shipped story."""
    from graph.view import Drawing

    assert list(stories) == STORY_IDS  # every shipped story is among the tests
    problems = []
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.outside = guard(page)
    for i, step in enumerate(stories[story_id].steps, start=1):
        drawing = Drawing(highlight=frozenset(step.highlight), colour_blocs=step.blocs)
        path = tmp_path / f"{story_id}-{i}.html"
        path.write_text(make_view(world, positions[step.state.layout], step.state, drawing).html(), encoding="utf-8")
        show(page, path)
        found = page.evaluate(OVERLAPS)
        if found["pairs"] or found["onDots"]:
            problems.append((i, found["pairs"][:3], found["onDots"][:3]))
    assert problems == [] and page.outside == []
    page.close()
