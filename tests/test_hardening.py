"""Data is only ever text, links never crash, downloads are formula-safe, and the app runs
from a read-only folder: each break once found by hand, now checked in Chromium."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from browser import guarded_page, running_app, settled

from devtools import serve

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent
HOSTILE_MD = Path(__file__).parent / "data" / "hostile_md"
EVIL = "evil.invalid"
FOREIGN = """() => {
    const found = [];
    const visit = (root) => {
        for (const el of root.querySelectorAll('[href],[src],[srcset],[style]')) {
            for (const name of ['href', 'src', 'srcset', 'style']) {
                const value = el.getAttribute(name) || '';
                if (value.includes('evil.invalid')) found.push(el.tagName + ' ' + name + '=' + value);
            }
        }
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return found;
}"""


@pytest.fixture
def page(browser):
    page = guarded_page(browser, 1600, 1000)
    yield page
    page.context.close()


def drawn(page, timeout=60_000):
    page.wait_for_selector(".ties-map[data-drawn]", timeout=timeout)


def shown(page) -> str:
    """The page's text as a reader sees it (without the invisible word joiners that keep
    Markdown from linking `www.` and `http://` in data: graph.plain)."""
    return page.inner_text("body").replace("\u2060", "")


def no_markup_anywhere(page):
    """No element, in the page or any frame, points at the hostile host."""
    for frame in page.frames:
        assert frame.evaluate(FOREIGN) == [], frame.url


def test_hostile_markdown_in_the_data_stays_text_in_every_tab_quiz_and_notice(page):
    """A name such as `Russia ![t](http://host/t.png)` once made every visitor fetch that
    address; `www.` names became links. Every tab, the quiz, the story and the link notices."""
    with running_app(HOSTILE_MD) as url:
        page.goto(url + f"/?story=hostile&as_of=2022-06-01&focus=AAA,www.{EVIL}")
        drawn(page)
        page.get_by_text("Caption", exact=False).first.wait_for(timeout=20_000)
        body = shown(page)
        assert f"Caption ![c](http://{EVIL}/cap.png) www.{EVIL} :red[red]" in body
        assert f"Story ![s](http://{EVIL}/story.png) www.{EVIL}" in body  # the story title, as written
        assert "?evil.invalid" in body or f"www.{EVIL}" in body  # the link notice names the value, as text
        for name in page.get_by_role("tab").all_inner_texts():
            page.get_by_role("tab", name=name).click()
            settled(page)
            if name == "Quiz":
                options = page.get_by_role("radiogroup", name="Your answer").get_by_role("radio")
                if options.count():
                    options.first.check(force=True)
                    page.get_by_role("button", name="Check").click()
                    settled(page)
        page.get_by_role("tab", name="Profile").click()
        page.get_by_text("Russia", exact=False).first.wait_for(timeout=20_000)
        settled(page)
        assert f"Russia ![t](http://{EVIL}/name.png)" in shown(page)
        no_markup_anywhere(page)
    assert page.outside == []


@pytest.mark.parametrize("query", ["step=%C2%B2", "step=%E2%91%A0", "step=2&step=%C2%B3"])
def test_a_link_with_a_non_ascii_step_shows_the_map_and_a_notice(page, query, app_url):
    """`?story=…&step=²` once showed a ValueError traceback with the server's paths."""
    url = app_url
    page.goto(f"{url}/?story=russia-iran-north-korea&{query}")
    drawn(page)
    page.get_by_text("The story has steps 1 to", exact=False).first.wait_for(timeout=20_000)
    body = page.inner_text("body")
    assert "Traceback" not in body and "ValueError" not in body and "/work/" not in body
    assert page.outside == []


def test_the_tables_offer_no_download_of_their_own(page, app_url):
    """The tables' toolbar exported =HYPERLINK(…) as a live formula; it is off, and the
    app's own formula-safe CSV is offered instead."""
    url = app_url
    page.goto(url)
    drawn(page)
    table = page.locator("[data-testid='stDataFrame']").first
    table.wait_for(timeout=20_000)
    table.hover()
    page.locator("[data-testid='stElementToolbar']").first.wait_for(timeout=20_000)
    assert page.locator("[data-testid='stElementToolbar'] button[aria-label*='Download']").count() == 0
    assert page.get_by_role("button", name="Download as CSV").count() == 0
    page.get_by_role("tab", name="Share and download").click()
    page.get_by_role("button", name="Ties (CSV)").wait_for(timeout=20_000)


def test_the_app_runs_from_a_read_only_folder_as_another_user(browser):
    """Copying vis-network into static/ at run time once gave every visitor a PermissionError
    on a locked-down server. Here the app runs from a read-only copy of the repository, as an
    unprivileged user when the tests run as root."""
    import tempfile

    tmp_path = Path(tempfile.mkdtemp(prefix="ties-readonly-"))  # not under pytest's private 0700 folder
    tmp_path.chmod(0o755)
    folder = tmp_path / "app"
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, folder / name)
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        path.chmod(mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH | (stat.S_IXOTH if path.is_dir() else 0))
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o777)
    command = [sys.executable, "-m", "streamlit", "run", str(folder / "app.py"), "--server.headless", "true"]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    log = tmp_path / "server.log"
    env = {**os.environ, "HOME": str(home)}
    try:
        with serve.running_command(command, cwd=folder, env=env, log=log) as url:
            with urllib.request.urlopen(f"{url}/app/static/vis-network.min.js", timeout=10) as reply:
                assert reply.status == 200 and len(reply.read()) > 100_000
            page = browser.new_page()
            page.goto(url)
            drawn(page)
            assert "PermissionError" not in page.inner_text("body")
            page.close()
    except RuntimeError:
        raise AssertionError("the app did not start:\n" + log.read_text()[-2000:]) from None
    finally:
        for path in [tmp_path, *tmp_path.rglob("*")]:
            path.chmod(0o755)
        shutil.rmtree(tmp_path)


def test_two_uploaded_files_with_one_name_are_named_and_the_last_is_used(page, tmp_path, app_url):
    """Two files named relations.csv once silently overwrote each other. The uploader keeps
    every file chosen (a bad one, then its fix): the last of a name is used, and said."""
    from graph.upload import TEMPLATE

    paths = []
    for folder, text in (("a", TEMPLATE.replace("IRN,RUS", "IRN,ZZZ")), ("b", TEMPLATE)):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "relations.csv")
        paths[-1].write_text(text)
    url = app_url
    page.goto(url)
    drawn(page)
    page.get_by_text("Use your own data").click()
    page.locator("input[type=file]").set_input_files([str(p) for p in paths])
    page.get_by_role("button", name="Check and use these files").click()
    page.get_by_text("Your data (2 ties)").wait_for(timeout=20_000)  # the second, good file
    settled(page)
    # Still said once the app has rerun with the data (it was wiped by that rerun at once).
    assert page.get_by_text("More than one file is named", exact=False).is_visible()
    assert page.outside == []


def test_an_uploads_views_are_kept_in_its_session_and_go_with_it():
    """The views of an upload were kept in the process-wide cache (256 entries of any
    size) after the session had gone; now they live in the session, bounded by bytes."""
    import gc
    import weakref

    from streamlit.testing.v1 import AppTest

    from devtools.bench import synthetic
    from graph.cache import SizedCache
    from graph.load import load_bytes
    from graph.world import prepare

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    data = load_bytes(synthetic(40, 60))
    at.session_state["own"] = ("upload-test", prepare(data), f"{len(data.relations)} ties")
    at.session_state["source"] = "own"
    at.run()
    assert not at.exception
    own_cache = at.session_state["own_cache"]
    assert own_cache.name == "upload-test" and len(own_cache) >= 1
    assert 0 < own_cache.used <= own_cache.budget
    (kept_view,) = [value for key, (value, _) in own_cache._entries.items() if key[0] == "view"]
    assert kept_view.graph.number_of_nodes() <= 40
    shared = [c for c in gc.get_objects() if isinstance(c, SizedCache) and c is not own_cache]
    assert all(value is not kept_view for c in shared for value, _ in c._entries.values())
    gone = weakref.ref(own_cache)
    del at, own_cache, kept_view, shared
    gc.collect()
    assert gone() is None
