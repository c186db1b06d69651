"""Load test: many browser sessions change the view of one app at once.

    python scripts/loadtest.py --sessions 30 --seconds 120 [--out docs/reliability.md]

Starts the app on a free local port, opens N sessions in one headless Chromium (each its
own context, so its own Streamlit session), and has each step through a guided story
(a filter change each time) for the given time. It records, per redraw, the time from the
click to the new map; every server log line; and the server's memory once a second.
Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

from playwright.async_api import async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graph.serve import running_app  # noqa: E402 - the project root is on the path only now

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"]


def rss_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


async def drawn(page, seen: int, timeout_s: float) -> bool:
    """Wait, inside the page, until more than `seen` maps have been drawn."""
    try:
        # The map counts its drawings in `window.tiesDraws`.
        await page.wait_for_function(f"() => (window.tiesDraws || 0) > {seen}", timeout=timeout_s * 1000)
        return True
    except Exception:  # noqa: BLE001 - a timeout is counted by the caller
        return False


async def session(browser, url: str, seconds: int, latencies: list, failures: list, n: int):
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    outside = []

    async def route(r):
        if "127.0.0.1" in r.request.url or r.request.url.startswith(("data:", "blob:", "about:")):
            await r.continue_()
        else:
            outside.append(r.request.url)
            await r.abort()

    await page.route("**/*", route)
    await asyncio.sleep(n * 1.0)  # a class arrives over half a minute, not in one instant
    try:
        await page.goto(f"{url}/?story=sanctions-on-russia&step=1", timeout=180_000)
    except Exception as exc:  # noqa: BLE001 - counted as a failure of this session
        failures.append(f"session {n}: page did not load ({type(exc).__name__})")
        await context.close()
        return
    if not await drawn(page, 0, 180):
        failures.append(f"session {n}: first map never drawn")
        await context.close()
        return
    step, forward, count = 1, True, 1
    until = time.monotonic() + seconds  # each session works for `seconds` once it has its map
    while time.monotonic() < until:
        count = await page.evaluate("() => window.tiesDraws")
        start = time.monotonic()
        await page.get_by_role("button", name="Next ▶" if forward else "◀ Back").click()
        if await drawn(page, count, 60):
            latencies.append((time.monotonic() - start) * 1000)
        else:
            failures.append(f"session {n}: no redraw after step {step}")
        step += 1 if forward else -1
        forward = step < 4 if forward else step <= 1
    if outside:
        failures.append(f"session {n}: {len(outside)} outside requests")
    await context.close()


async def run(sessions: int, seconds: int) -> dict:
    memory: list[tuple[float, float]] = []
    log = Path("/tmp/loadtest-server.log")
    with running_app(log=log) as (url, pid):
        latencies: list[float] = []
        failures: list[str] = []
        started = time.monotonic()
        done = asyncio.Event()

        async def watch():
            while not done.is_set():
                memory.append((time.monotonic() - started, rss_mb(pid)))
                await asyncio.sleep(1)

        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            watcher = asyncio.create_task(watch())
            await asyncio.gather(*(session(browser, url, seconds, latencies, failures, n) for n in range(sessions)))
            done.set()
            await watcher
            await browser.close()
    with log.open() as server_log:
        errors = [line for line in server_log if re.search(r"Traceback|Error|Exception", line)]
    warm = [m for t, m in memory if t >= sessions * 1.0 + 30]  # after the class has arrived
    return {
        "sessions": sessions,
        "seconds": seconds,
        "redraws": len(latencies),
        "p50_ms": round(statistics.median(latencies)) if latencies else None,
        "p95_ms": round(statistics.quantiles(latencies, n=20)[18]) if len(latencies) >= 20 else None,
        "failures": failures,
        "server_errors": errors,
        "memory_after_warmup_mb": (round(warm[0]), round(warm[-1])) if warm else None,
        "peak_memory_mb": round(max(m for _, m in memory)) if memory else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=120)
    args = parser.parse_args()
    print(asyncio.run(run(args.sessions, args.seconds)))


if __name__ == "__main__":
    main()
