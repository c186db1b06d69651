"""The system Chromium, headless, launched one way for the PNG export, the tests and the dev tools."""

from __future__ import annotations

import shutil
from typing import Any

from .errors import UsageError

# No sandbox (containers run as root), no GPU, and nothing the browser would fetch by
# itself (updates, sync, QUIC probes): a picture or a test makes no outside request.
ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
MISSING = "Chromium is not installed: run `apt-get install -y chromium`."


def executable() -> str:
    """The path of the system Chromium; a UsageError that says how to install it if there is none."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise UsageError(MISSING)


def launch(playwright: Any, **options: Any) -> Any:
    """The system Chromium launched by Playwright (`sync_playwright()` or `async_playwright()`:
    with the latter, await the result), with `ARGS`. Playwright never downloads a browser."""
    return playwright.chromium.launch(executable_path=executable(), args=list(ARGS), **options)
