"""Cold start: how long a freshly started server takes to give its first visitor a map.

    python scripts/coldstart.py [--runs 3]

For each way of starting a server it measures: process start → health check answers; then,
in a fresh headless Chromium context, the first visit's time to the drawn map; then a second
visit's (warm) time. "plain" is `streamlit run app.py` with an empty layout cache (as before
replicas warmed up); "replica" is scripts/replica.py with the cache the image carries.
Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graph import chromium  # noqa: E402
from graph.district import answers, free_port, wait_for  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
START = "/?story=sanctions-on-russia&step=1"


def first_map(browser, url: str, *, cached: bool = False) -> float:
    """Seconds from asking for the page to the drawn map, in a fresh browser context: with
    an empty browser cache, or (`cached`) one that has loaded the app's scripts before, as
    a school laptop that opened the app yesterday has."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        if cached:
            page = context.new_page()
            page.goto(url + "/?story=russia-iran-north-korea&step=1")  # another view
            page.wait_for_function("() => (window.tiesDraws || 0) > 0", timeout=300_000)
            page.close()
        page = context.new_page()
        start = time.monotonic()
        page.goto(url + START)
        page.wait_for_function("() => (window.tiesDraws || 0) > 0", timeout=300_000)
        return time.monotonic() - start
    finally:
        context.close()


def once(browser, how: str) -> dict:
    port = free_port()
    env = dict(os.environ)
    args = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
    if how == "plain":
        env["TIES_CACHE_DIR"] = tempfile.mkdtemp()  # nothing computed yet
        command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), *args]
    else:
        command = [sys.executable, str(ROOT / "scripts" / "replica.py"), *args]
    start = time.monotonic()
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(lambda: answers(f"{url}/_stcore/health", 1), "health")
        healthy = time.monotonic() - start
        cold = first_map(browser, url)
        warm = first_map(browser, url)
        cached = first_map(browser, url, cached=True)
        return {"healthy_s": healthy, "first_map_s": cold, "warm_s": warm, "browser_cached_s": cached}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=("plain", "replica"), help="measure one way of starting only")
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = chromium.launch(p)
        for how in [args.only] if args.only else ("plain", "replica"):
            runs = []
            for _ in range(args.runs):
                runs.append(once(browser, how))
                print(how, {k: round(v, 2) for k, v in runs[-1].items()}, flush=True)
            print(
                how,
                {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]},
                [round(r["first_map_s"], 2) for r in runs],
            )
        browser.close()


if __name__ == "__main__":
    main()
