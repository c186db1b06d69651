"""Real headless Chromium for the tests: the system browser, the app on a free port,
and a guard that refuses and records every request that would leave this machine."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from devtools import serve

ROOT = Path(__file__).parent.parent
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


@contextlib.contextmanager
def running_app(data_dir: Path | None = None) -> Iterator[str]:
    """Start the Streamlit app on a free local port; yield its URL; stop it afterwards."""
    with serve.running_app(data_dir) as (url, _):
        yield url


def guard(page) -> list[str]:
    """Refuse every request that would leave this machine, and list them."""
    outside: list[str] = []

    def check(route):
        url = route.request.url
        parts = urlsplit(url)
        if (
            parts.scheme in ("data", "blob", "about", "file")
            or parts.hostname in LOCAL_HOSTS
            or parts.netloc in LOCAL_HOSTS
        ):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", check)
    return outside


def guarded_page(browser, width: int, height: int, **options):
    """A page in a browser context of its own (so a Streamlit session of its own) of
    `width`×`height`, whose requests beyond this machine are refused and listed in
    `page.outside`. Close it with `page.context.close()`."""
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    page = context.new_page()
    page.outside = guard(page)
    return page


def settled(page, timeout: float = 30_000) -> None:
    """Wait until the app has finished its run (Streamlit marks its root element) and the
    browser has painted what it sent twice over: what a page would do, it has done. Then
    a test may assert that something did not happen, without waiting a fixed time."""
    # Streamlit loads some elements' code lazily and draws a grey skeleton until it comes: a
    # finished run is not yet a drawn page (the page's own CSS, in such an element, was not
    # yet applied, and the map stood 64 px lower on a loaded machine).
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'"
        " && !document.querySelector('[data-testid=stSkeleton]')",
        timeout=timeout,
    )
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
