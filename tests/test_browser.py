"""What only a browser shows: the drawn network, hover and click, no outside requests."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from browser import guard, guarded_page, running_app, settled
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import graph
from graph import force_layout, render_html

pytestmark = pytest.mark.browser
HOSTILE = Path(__file__).parent / "data" / "hostile"
PWNED = "() => window.__pwned === undefined && (!window.parent || window.parent.__pwned === undefined)"


@pytest.fixture
def page(browser):
    page = guarded_page(browser, 1600, 1000)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    page.context.close()


def graph_frame(page, timeout=60_000):
    """The frame that holds the drawn network (the page itself, in the app and in an
    exported page), once vis-network has drawn it."""
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate("() => !!document.querySelector('.ties-map[data-drawn]')"):
                    return frame
            except Exception:  # a frame may go away while the page loads
                pass
        page.wait_for_timeout(50)
    raise AssertionError("the network was never drawn")


def drawn_nodes(frame):
    return int(frame.get_attribute(".ties-map", "data-drawn"))


def point_of(frame, kind, item_id):
    """Where a node or the middle of a tie is on the page, in CSS pixels."""
    xy = frame.evaluate(
        """([kind, id]) => {
            const net = window.network;
            const p = kind === 'node' ? net.getPosition(id) : net.body.edges[id].edgeType.getPoint(0.5);
            const dom = net.canvasToDOM(p);
            const box = document.getElementById('ties-net').getBoundingClientRect();
            return [dom.x + box.left, dom.y + box.top];
        }""",
        [kind, item_id],
    )
    box = frame.frame_element().bounding_box() if frame.parent_frame else {"x": 0, "y": 0}
    return xy[0] + box["x"], xy[1] + box["y"]


def hover_and_open_everything(page, frame, *, click_nodes=True):
    """Hover every node and tie and open its details; return the texts seen.

    In the app a click on a country focuses it (and redraws), so there nodes are hovered
    and their tooltip read; ties are clicked everywhere.
    """
    seen = []
    if page.evaluate("() => !!document.querySelector('[data-testid=stApp]')"):
        # In the app the page may still move (its CSS comes with a lazily loaded element):
        # a point worked out before then is not where the country is (a tooltip never came).
        settled(page)
    for kind in ("node", "edge"):
        ids = frame.evaluate(f"() => window.tieNetwork.{kind}s.getIds()")
        for item in ids:
            x, y = point_of(frame, kind, item)
            page.mouse.move(x, y)
            if kind == "edge" or click_nodes:
                page.mouse.click(x, y)
                frame.wait_for_selector("#ties-details:not([hidden])", timeout=5_000)
                seen.append(frame.inner_text("#ties-details"))
            else:
                tooltip = frame.locator("div.vis-tooltip")
                tooltip.wait_for(state="visible", timeout=5_000)
                seen.append(tooltip.inner_text())
                page.mouse.move(5, 5)
            assert page.evaluate(PWNED) and frame.evaluate(PWNED), f"payload ran after {kind} {item}"
    return seen


def test_app_draws_the_story_and_asks_nothing_from_outside(page, app_url):
    url = app_url
    timings = []
    for _ in range(3):  # the first visitor after a start pays for loading and layout
        started = time.monotonic()
        page.goto(url)
        frame = graph_frame(page)
        timings.append(time.monotonic() - started)
    actors = int(re.search(r"ties between (\d+) actors", page.inner_text("body")).group(1))
    assert drawn_nodes(frame) == actors
    ids = set(frame.evaluate("() => window.tieNetwork.nodes.getIds()"))
    assert {"RUS", "IRN", "PRK", "UKR", "ISR", "USA"} <= ids
    assert frame.evaluate("() => window.network.physics.options.enabled") is False
    print(
        "\nbrowser: page load to drawn network in the app, first and later visits (s):",
        [round(t, 2) for t in timings],
    )
    assert page.outside == []


def test_app_picture_holds_still(page, app_url):
    url = app_url
    page.goto(url)
    frame = graph_frame(page)
    first = frame.evaluate("() => window.network.getPositions()")
    page.wait_for_timeout(700)
    assert frame.evaluate("() => window.network.getPositions()") == first


def test_app_with_hostile_data_runs_no_payload(page):
    with running_app(HOSTILE) as url:
        page.goto(url)
        frame = graph_frame(page)
        texts = hover_and_open_everything(page, frame, click_nodes=False)
        assert any('<script>window.__pwned="script"</script>' in t for t in texts), "payloads shown as text"
        links = frame.eval_on_selector_all("#ties-details a", "els => els.map(a => [a.href, a.rel, a.target])")
        assert all(
            href.startswith("https://") and rel == "noopener noreferrer" and t == "_blank" for href, rel, t in links
        )
        settled(page)
        assert page.evaluate(PWNED) and frame.evaluate(PWNED)
        # A click on a country opens its profile in the app: its texts stay text there too.
        page.mouse.click(*point_of(frame, "node", "AAA"))
        page.get_by_role("tab", name="Profile").click()
        page.get_by_text("is in conflict with").first.wait_for(timeout=15_000)
        for name in page.get_by_role("tab").all_inner_texts():
            page.get_by_role("tab", name=name).click()
        settled(page)
        assert page.evaluate(PWNED)
        # A story whose title and captions carry payloads, and a hostile link.
        page.goto(url + "/?story=hostile&focus=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E")
        page.get_by_text("[click me](javascript:", exact=False).or_(page.get_by_text("click me")).first.wait_for()
        assert "<img src=x" in page.inner_text("body")  # shown as text
        page.get_by_role("button", name="Next ▶").click()
        page.get_by_text("<svg onload", exact=False).first.wait_for()
        assert not page.locator("a[href^='javascript']").count()
        settled(page)
        assert page.evaluate(PWNED)
    assert page.dialogs == []
    assert page.outside == []


def test_exported_page_works_offline_and_escapes_text(page, tmp_path):
    G = graph.build(graph.load(HOSTILE))
    path = tmp_path / "hostile.html"
    path.write_text(render_html(G, force_layout(G), caption="<img src=x onerror=window.__pwned=1>"), encoding="utf-8")
    started = time.monotonic()
    page.goto(path.as_uri())
    frame = graph_frame(page)
    print(f"\nbrowser: exported page load to drawn network: {time.monotonic() - started:.2f} s")
    assert drawn_nodes(frame) == G.number_of_nodes()
    hover_and_open_everything(page, frame)
    page.mouse.move(5, 5)
    tooltip = frame.locator("div.vis-tooltip")
    x, y = point_of(frame, "node", "AAA")
    page.mouse.move(x, y)
    tooltip.wait_for(state="visible", timeout=5_000)
    assert '<script>window.__pwned="script"</script>' in tooltip.inner_text()
    assert page.evaluate(PWNED)
    assert page.dialogs == [] and page.outside == []


def positions(frame):
    return frame.evaluate("() => window.network.getPositions()")


def mark(frame):
    """Count the drawings so far, to tell the next one (the map stays; its data changes)."""
    frame.evaluate("() => { window.__seen = window.tiesDraws; }")


def wait_redraw(page):
    """Wait for a drawing after `mark`; return its frame and node ids."""
    frame = page.main_frame
    frame.wait_for_function("() => window.tiesDraws > (window.__seen || 0)", timeout=30_000)
    return frame, set(frame.evaluate("() => window.tieNetwork.nodes.getIds()"))


def test_app_positions_hold_across_a_filter_change(page, app_url):
    url = app_url
    page.goto(url + "/?focus=&among=0&as_of=2025-06-20")
    frame = graph_frame(page)
    before = positions(frame)
    frame.evaluate("() => { window.network.keptAcrossRedraws = true; }")
    mark(frame)
    page.get_by_role("tab", name="What changed?").click()
    page.get_by_role("button", name="◀ One year back").click()
    frame, ids = wait_redraw(page)
    # The map stayed mounted and got only new data: same network, vis-network loaded once.
    assert frame.evaluate("() => window.network.keptAcrossRedraws") is True
    assert frame.evaluate("() => document.querySelectorAll('script[src$=\"vis-network.min.js\"]').length") == 1
    assert not page.locator("iframe").count()
    after = positions(frame)
    shared = set(before) & set(after)
    assert len(shared) > 50
    assert {n: after[n] for n in shared} == {n: before[n] for n in shared}
    assert "as of 2024-06-20" in page.inner_text("body")
    assert page.outside == []


def test_app_map_layout_is_geographic(page, app_url):
    url = app_url
    page.goto(url + "/?focus=&among=0&layout=geo&as_of=1993-06-01")
    frame = graph_frame(page)
    pos = positions(frame)
    assert pos["USA"]["x"] < pos["CHN"]["x"]
    assert pos["RUS"]["y"] < pos["ZAF"]["y"]
    assert page.outside == []


def test_app_png_export_downloads_an_image(page, app_url):
    url = app_url
    page.goto(url)
    frame = graph_frame(page)
    with page.expect_download() as download:
        frame.click("#ties-png")
    path = download.value.path()
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert download.value.suggested_filename == "ties-between-states.png"
    assert page.outside == []


@pytest.fixture
def app(app_url):
    """The running app, for the tests that only read and click (each has its own page)."""
    return app_url


def settle(page, frame, timeout=15):
    """Wait until the page is complete and the map has stopped moving on it (the parts
    above it arrive after it), so that a point computed now is still right at the click."""
    page.get_by_role("tab", name="Ties shown").wait_for()
    top = "() => document.getElementById('ties-net').getBoundingClientRect().top"
    last, deadline = None, time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = frame.evaluate(top)
        if now == last:
            return
        last = now
        page.wait_for_timeout(300)
    raise AssertionError("the map kept moving on the page")


def drawn_ids(frame):
    return sorted(frame.evaluate("() => window.tieNetwork.nodes.getIds()"))


def test_app_click_on_a_country_selects_it_and_back_restores_the_view(page, app):
    page.goto(app)
    frame = graph_frame(page)
    settle(page, frame)
    first_ids, first_url = drawn_ids(frame), page.url
    x, y = point_of(frame, "node", "ISR")
    page.mouse.click(x, y)
    # The profile tab opens on Israel; the map keeps its view and the address stays.
    expect_selected = page.get_by_role("tab", name="Profile", selected=True)
    expect_selected.wait_for(timeout=15_000)
    page.get_by_text("Israel · ISR", exact=False).first.wait_for(timeout=15_000)
    assert drawn_ids(frame) == first_ids and page.url == first_url
    assert frame.inner_text("#ties-details").startswith("×")  # its details are open
    # Focusing is an action; it makes a new view and a new address.
    mark(frame)
    frame.click("#ties-focus")
    frame, focused = wait_redraw(page)
    page.wait_for_function("() => location.search.includes('focus=ISR&')", timeout=15_000)
    assert "1 step from Israel" in page.inner_text("body") and focused != set(first_ids)
    # Back brings the first view back, picture and address; Forward the focused one.
    mark(frame)
    page.go_back()
    frame, ids = wait_redraw(page)
    assert sorted(ids) == first_ids
    page.wait_for_function(f"() => location.href === {first_url!r}", timeout=15_000)
    mark(frame)
    page.go_forward()
    frame, ids = wait_redraw(page)
    assert ids == focused and "focus=ISR&" in page.url
    assert page.outside == []


def test_app_story_step_highlights_the_tie_its_caption_names(page, app):
    page.goto(app + "/?story=russia-iran-north-korea&step=2")
    frame = graph_frame(page)
    drawn = frame.evaluate(
        """() => Object.values(window.network.body.edges).map(e => [e.id, e.options.width, e.options.color.color])"""
    )
    widths = {i: w for i, w, _ in drawn}
    faded = {i: c.startswith("rgba") and float(c.split(",")[3].rstrip(")")) <= 0.2 for i, _, c in drawn}
    assert widths["rus-prk-treaty-2024"] > max(w for i, w in widths.items() if i != "rus-prk-treaty-2024")
    assert not faded["rus-prk-treaty-2024"] and all(f for i, f in faded.items() if i != "rus-prk-treaty-2024")
    assert page.outside == []


def layout_boxes(page):
    return page.evaluate(
        """() => {
            const box = s => document.querySelector(s).getBoundingClientRect().toJSON();
            const text = document.querySelector('.st-key-story-caption p');
            return {net: box('#ties-net'), legend: box('#ties-legend'), caption: box('.st-key-story-caption'),
                    font: parseFloat(getComputedStyle(text).fontSize), scroll: window.scrollY};
        }"""
    )


def fits(boxes, width, height):
    inside = all(
        b["top"] >= 0 and b["bottom"] <= height and b["right"] <= width
        for b in (boxes["net"], boxes["legend"], boxes["caption"])
    )
    return inside and boxes["net"]["height"] >= 200 and boxes["font"] >= 24 and boxes["scroll"] == 0


def test_app_presentation_fits_the_window_and_follows_it(browser, app):
    page = guarded_page(browser, 1920, 1080)
    page.goto(app + "/?present=1&story=russia-iran-north-korea&step=5")  # a long caption
    graph_frame(page)
    page.wait_for_function("() => document.querySelector('.st-key-story-caption p')", timeout=15_000)
    for width, height in ((1920, 1080), (1280, 720)):
        page.set_viewport_size({"width": width, "height": height})
        deadline = time.monotonic() + 10
        while not fits(layout_boxes(page), width, height) and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        boxes = layout_boxes(page)
        assert fits(boxes, width, height), (width, height, boxes)
        page.screenshot(path=f"/tmp/present-{width}.png")
    assert page.outside == []
    page.context.close()


def tappable_node(page, frame):
    """The point of a country inside the phone's window and the map, with no other country
    within 30 px (so a finger cannot miss it), nearest the middle of the window."""
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    ids = frame.evaluate("() => window.tieNetwork.nodes.getIds()")
    points = {n: point_of(frame, "node", n) for n in ids}
    box = frame.evaluate(
        "() => { const r = document.getElementById('ties-net').getBoundingClientRect();"
        " return [r.left, r.top, r.right, r.bottom]; }"
    )
    inside = {
        n: (x, y)
        for n, (x, y) in points.items()
        if 20 < x < width - 20
        and 20 < y < height - 20
        and box[0] + 20 < x < box[2] - 20
        and box[1] + 20 < y < box[3] - 20
    }
    alone = [
        n
        for n, p in inside.items()
        if all(abs(p[0] - q[0]) + abs(p[1] - q[1]) > 30 for m, q in points.items() if m != n)
    ]
    best = min(alone or inside, key=lambda n: abs(inside[n][0] - width / 2) + abs(inside[n][1] - height / 2))
    return inside[best]


def test_phone_swipe_over_the_map_scrolls_the_page(browser, app):
    page = guarded_page(browser, 390, 844, has_touch=True, is_mobile=True)
    page.goto(app)
    frame = graph_frame(page)
    frame.evaluate("() => document.getElementById('ties-net').scrollIntoView({block: 'center'})")
    before = frame.evaluate("() => document.getElementById('ties-net').getBoundingClientRect().top")
    view = frame.evaluate("() => window.network.getViewPosition()")
    cdp = page.context.new_cdp_session(page)
    x, y = 200, 500
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for i in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 30 * i}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    frame.wait_for_function(
        f"() => document.getElementById('ties-net').getBoundingClientRect().top < {before - 150}", timeout=5_000
    )
    assert frame.evaluate("() => window.network.getViewPosition()") == view  # the map did not pan
    # A tap on a country opens its details and lets one finger move the map.
    frame.evaluate("() => document.getElementById('ties-net').scrollIntoView({block: 'center'})")
    settle(page, frame)  # the swipe's scroll has run out
    for _ in range(3):  # a loaded machine may take a slow tap for a swipe: tap again
        x, y = tappable_node(page, frame)
        page.touchscreen.tap(x, y)
        try:
            frame.wait_for_selector("#ties-details:not([hidden])", timeout=5_000)
            break
        except PlaywrightTimeout:
            settle(page, frame)
    assert frame.is_visible("#ties-details")
    frame.wait_for_function("() => !document.querySelector('.ties-map').classList.contains('ties-locked')")
    # Stories are reachable from a labelled control on the page itself.
    assert page.get_by_label("Guided story").first.is_visible()
    assert page.outside == []
    page.context.close()


def test_app_png_is_opaque_with_legend_and_csv_has_a_bom(page, app):
    page.goto(app)
    frame = graph_frame(page)
    with page.expect_download() as download:
        frame.click("#ties-png")
    image = Image.open(download.value.path()).convert("RGBA")
    assert image.width == 1920 and image.height > 1080  # a band for the caption, legend and credit
    assert image.getchannel("A").getextrema() == (255, 255)  # opaque: no transparent pixel
    band = image.crop((0, image.height - 160, image.width, image.height)).convert("RGB")
    treaty = tuple(int(graph.vocab.TIE_TYPES["treaty"].colour[i : i + 2], 16) for i in (1, 3, 5))
    assert treaty in {c for _, c in band.getcolors(1 << 20)}  # the legend is drawn in it
    page.get_by_role("tab", name="Share and download").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Ties (CSV)").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"source_actor_name" in data.splitlines()[0]
    assert page.outside == []


def test_app_upload_good_and_bad_files(page, tmp_path, app_url):
    from graph.upload import TEMPLATE

    good, bad = tmp_path / "good" / "relations.csv", tmp_path / "bad" / "relations.csv"
    good.parent.mkdir()
    bad.parent.mkdir()
    good.write_text(TEMPLATE)
    bad.write_text(TEMPLATE.replace("IRN,RUS", "IRN,ZZZ"))
    url = app_url
    page.goto(url)
    graph_frame(page)
    page.get_by_text("Use your own data").click()
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name="Check and use these files").click()
    page.get_by_text("nothing was loaded").wait_for(timeout=15_000)
    page.get_by_text("relations.csv:3: target: got 'ZZZ'").first.wait_for(timeout=15_000)
    page.locator("input[type=file]").set_input_files(str(good))
    page.get_by_role("button", name="Check and use these files").click()
    page.get_by_text("Your data (2 ties)").wait_for(timeout=15_000)
    assert page.outside == []


def test_one_users_upload_and_view_stay_in_their_session(browser, tmp_path, app_url):
    from graph.upload import TEMPLATE

    upload = tmp_path / "relations.csv"
    upload.write_text(TEMPLATE)
    url = app_url
    first = browser.new_context(viewport={"width": 1600, "height": 1000})
    second = browser.new_context(viewport={"width": 1600, "height": 1000})
    a, b = first.new_page(), second.new_page()
    outside_a, outside_b = guard(a), guard(b)
    a.goto(url + "/?focus=UKR&among=0")
    graph_frame(a)
    a.get_by_text("Use your own data").click()
    a.locator("input[type=file]").set_input_files(str(upload))
    a.get_by_role("button", name="Check and use these files").click()
    a.get_by_text("Your data (2 ties)").wait_for(timeout=15_000)
    b.goto(url)
    graph_frame(b)
    body = b.inner_text("body")
    assert "as of 2025-06-20, among Russia, Iran, North Korea" in body
    assert "Your data" not in body and "Ukraine" not in b.url
    b.get_by_text("Use your own data").click()
    assert not b.get_by_text("Your data (2 ties)").count()
    first.close()
    second.close()
    assert outside_a == [] and outside_b == []


@pytest.mark.timeout(600)  # the script's own limit is 300 s
def test_load_test_script_runs_a_short_load():
    """The load test itself keeps working (its figures go to docs/reliability.md).

    It runs in its own process: it drives Chromium with asyncio, these tests synchronously.
    """
    import ast
    import subprocess
    import sys

    script = Path(__file__).parent.parent / "scripts" / "loadtest.py"
    done = subprocess.run(
        [sys.executable, str(script), "--sessions", "2", "--seconds", "6"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert result["failures"] == [] and result["server_errors"] == []
    assert result["redraws"] >= 2 and result["peak_memory_mb"] > 0


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)])
def test_presented_countries_sit_below_the_caption_and_above_the_tools(browser, app_url, size):
    """In presentation mode at 1366×768, North Korea was drawn under the map's caption: the
    map was fitted to the whole stage, over which the caption and the tools sit."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(app_url + "/?present=1&story=russia-iran-north-korea&step=2")
    frame = graph_frame(page)
    settled(page)
    found = frame.evaluate(
        """() => {
            const net = window.network, stage = document.getElementById('ties-net').getBoundingClientRect();
            const caption = document.getElementById('ties-caption').getBoundingClientRect();
            const tools = document.getElementById('ties-tools').getBoundingClientRect();
            return net.body.nodeIndices.map(id => {
                const node = net.body.nodes[id], dom = net.canvasToDOM({x: node.x, y: node.y});
                const r = node.options.size * net.getScale();
                return [id, dom.y + stage.top - r, dom.y + stage.top + r, caption.bottom, tools.top];
            });
        }"""
    )
    assert len(found) == 4
    for node, top, bottom, below, above in found:
        assert below <= top and bottom <= above, (node, top, bottom, below, above)
    page.close()


def test_every_tab_is_in_sight_on_a_laptop(browser, app_url):
    """With "Make a story" added, "Share and download" was cut off at 1366 px and the tab
    row scrolled; every tab's name now fits beside the sidebar."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(app_url)
    graph_frame(page)
    settled(page)
    row = page.get_by_role("tablist").first
    assert row.evaluate("t => t.scrollWidth <= t.clientWidth"), row.evaluate("t => [t.scrollWidth, t.clientWidth]")
    names = page.get_by_role("tab").all_inner_texts()
    assert "Share and download" in names and "Make a story" in names
    page.close()


@pytest.mark.parametrize(
    ("size", "query"), [((390, 844), ""), ((1366, 768), "?present=1&story=russia-iran-north-korea&step=1")]
)
def test_no_name_is_drawn_under_the_maps_caption_or_buttons(browser, app_url, size, query):
    """On a phone the label placement pushed "European Union" and "Saudi Arabia" up under
    the map's caption, which hid them; the caption and the buttons are kept clear now."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(app_url + "/" + query)
    frame = graph_frame(page)
    settled(page)
    found = frame.evaluate(
        """() => {
            const over = ['ties-caption', 'ties-tools'].map(id => document.getElementById(id))
                .filter(el => !el.hidden && el.offsetHeight)
                .map(el => [el.offsetLeft, el.offsetTop,
                            el.offsetLeft + el.offsetWidth, el.offsetTop + el.offsetHeight]);
            const labels = window.tiesLabels || [];
            return {count: labels.length, under: labels.filter(l => over.some(([x0, y0, x1, y1]) =>
                l.x < x1 && x0 < l.x + l.w && l.y < y1 && y0 < l.y + l.h)).map(l => l.text)};
        }"""
    )
    assert found["count"] >= 5
    assert found["under"] == []
    page.close()


def test_the_map_starts_in_the_upper_half_of_a_laptops_screen(browser, app_url):
    """At 1366×768 the map began 460 px down the page (the title, the story picker, the play
    bar and the summary above it); the play bar is under the map now, as a player's are."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(app_url)
    graph_frame(page)
    settled(page)
    top = page.evaluate("() => document.querySelector('.ties-map').getBoundingClientRect().top")
    assert top < 768 / 2, top
    below = page.evaluate("() => document.querySelector('.st-key-play-bar').getBoundingClientRect().top")
    assert below > top
    page.close()
