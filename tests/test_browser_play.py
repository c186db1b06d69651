"""Time that plays, in a real headless Chromium: the date steps on by itself, nothing moves
between frames, and a tie begun since the previous frame stands out."""

from __future__ import annotations

import time

import pytest
from browser import guarded_page, settled

pytestmark = pytest.mark.browser

SNAPSHOT = """() => {
    const net = window.network, ids = window.tieNetwork.nodes.getIds();
    const canvas = net.getPositions(ids), screen = {};
    ids.forEach(id => { const p = net.canvasToDOM(canvas[id]); screen[id] = [p.x, p.y]; });
    const edges = {};  // per line: its kind, its note and the width it is drawn with
    window.tieNetwork.edges.get().forEach(e => {
        edges[e.id] = [e.kind, e.note || '', net.body.edges[e.id].options.width];
    });
    return {draws: window.tiesDraws, caption: document.getElementById('ties-caption').textContent,
            canvas: canvas, screen: screen, edges: edges};
}"""


def frames_seen(page, count, timeout=60):
    """Snapshots of the next `count` drawings, each taken as soon as it is drawn."""
    seen, deadline = [], time.monotonic() + timeout
    last = page.evaluate("() => window.tiesDraws || 0")
    while len(seen) < count:
        assert time.monotonic() < deadline, f"only {len(seen)} frames in {timeout} s"
        page.wait_for_function(f"() => (window.tiesDraws || 0) > {last}", timeout=timeout * 1000)
        shot = page.evaluate(SNAPSHOT)
        last = shot["draws"]
        seen.append(shot)
    return seen


def test_play_steps_the_date_holds_the_picture_and_marks_new_ties(browser, app_url):
    page = guarded_page(browser, 1366, 768)
    page.goto(app_url + "/?present=1&as_of=2019-06-01&focus=&among=0&types=treaty,sanctions,arms_supply,conflict")
    page.wait_for_selector(".ties-map[data-drawn]", timeout=60_000)
    assert "As of 2019-06-01" in page.inner_text("#ties-caption")
    # With no story open, the arrow key steps the date in presentation mode.
    page.get_by_role("button", name="1 year ▶").click()
    page.wait_for_function("() => document.getElementById('ties-caption').textContent.includes('2020-06-01')")
    settled(page)
    entries = page.evaluate("() => history.length")
    page.get_by_role("button", name="▶ Play").click()
    shots = frames_seen(page, 4)
    page.get_by_role("button", name="⏸ Pause").click()
    page.get_by_role("button", name="▶ Play").wait_for()
    settled(page)
    # Frames do not each leave an entry in the browser's history: the stop leaves one.
    assert page.evaluate("() => history.length") <= entries + 1
    page.context.close()
    days = [s["caption"][6:16] for s in shots]
    # Play's first drawing frames the whole window; then one year per frame.
    assert days[-3:] == ["2021-06-01", "2022-06-01", "2023-06-01"], days
    for before, after in zip(shots[1:], shots[2:], strict=False):
        shared = set(before["canvas"]) & set(after["canvas"])
        assert len(shared) > 30
        assert all(before["canvas"][n] == after["canvas"][n] for n in shared)
        moved = [
            n
            for n in shared
            if max(abs(a - b) for a, b in zip(before["screen"][n], after["screen"][n], strict=True)) > 0.5
        ]
        assert moved == [], moved  # not even the camera moved
        new = {k: (kind, width) for k, (kind, note, width) in after["edges"].items() if note.startswith("new")}
        assert new, f"nothing new on {after['caption']}"
        plain = {}  # the widest line of each kind that is not new
        for kind, note, width in after["edges"].values():
            if not note.startswith("new"):
                plain[kind] = max(plain.get(kind, 0), width)
        for k, (kind, width) in new.items():  # drawn twice as wide as the lines of its kind that go on
            assert width >= 1.9 * plain.get(kind, width / 2), (after["caption"], k)
    assert page.outside == []


def modules_of(png: bytes, count: int) -> list[list[bool]]:
    """Read a QR code of `count` × `count` modules back from its picture: the middle pixel
    of each module (dark or light)."""
    import io

    from PIL import Image

    from graph.qr import BORDER

    img = Image.open(io.BytesIO(png)).convert("L")
    scale = img.width / (count + 2 * BORDER)
    assert scale == int(scale) and img.width == img.height, "the picture was scaled"

    def dark(r, c):
        return img.getpixel((int((BORDER + c + 0.5) * scale), int((BORDER + r + 0.5) * scale))) < 128

    return [[dark(r, c) for c in range(count)] for r in range(count)]


def test_presentation_shows_a_qr_code_of_the_view(browser, app_url):
    from urllib.parse import parse_qsl, urlsplit

    from graph.qr import qr_matrix

    page = guarded_page(browser, 1920, 1080)
    page.goto(app_url + "/?present=1&as_of=1991-12-26&focus=RUS&among=0")
    page.wait_for_selector(".ties-map[data-drawn]", timeout=60_000)
    page.get_by_text("QR code", exact=True).click()
    image = page.locator(".st-key-qr img")
    image.wait_for(timeout=15_000)
    link = page.locator(".st-key-qr").inner_text().split("type:")[1].strip()
    png = page.request.get(
        image.get_attribute("src")
        if "://" in image.get_attribute("src")
        else app_url + "/" + image.get_attribute("src").lstrip("/")
    ).body()
    box = image.bounding_box()
    page.screenshot(path="/tmp/shots-play/qr-1920.png")
    page.context.close()
    shown, address = urlsplit(link), urlsplit(page.url)
    assert f"{shown.scheme}://{shown.netloc}" == f"{address.scheme}://{address.netloc}"
    assert dict(parse_qsl(shown.query)) == {k: v for k, v in parse_qsl(address.query) if k != "present"}
    expected = qr_matrix(link)
    assert modules_of(png, len(expected)) == expected  # the picture is the code of exactly that link
    assert box["width"] >= 400  # big enough to scan from the back of a room
    assert page.outside == []
