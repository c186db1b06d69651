"""Load test: many browser sessions change the view of one app at once.

    python scripts/loadtest.py --sessions 30 --seconds 120            one app, started here
    python scripts/loadtest.py --url http://127.0.0.1:8080 ...        any app or balancer running here
    python scripts/loadtest.py --district --kill-at 60 --return-at 90 3 replicas behind HAProxy

Opens N sessions in one headless Chromium (each its own context, so its own Streamlit
session), and has each step through a guided story (a filter change each time) for the
given time. It records, per redraw, the time from the click to the new map; every server
log line; and each server's memory once a second.

With --district it starts graph.district (the real HAProxy, three warm replicas) and goes
through the balancer. --kill-at S kills a replica (SIGKILL) S seconds in; a session on it
must come back on a live replica, at the same view, and redraw: the time from the kill to
that redraw is its reconnect time. Sessions elsewhere must see no error. --return-at S
starts the killed replica again and checks that the balancer sends new sessions to it.
Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from devtools.serve import running_app  # noqa: E402 - the project root is on the path only now
from graph import chromium  # noqa: E402
from graph.district import running_district  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
START = "/?story=sanctions-on-russia&step=1"
COOKIE = "TIES_REPLICA"  # set by deploy/haproxy.cfg


def rss_mb(pid: int) -> float:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0  # the process is gone (a killed replica)
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


async def drawn(page, seen: int, timeout_s: float) -> bool:
    """Wait, inside the page, until more than `seen` maps have been drawn."""
    try:
        # The map counts its drawings in `window.tiesDraws`.
        await page.wait_for_function(f"() => (window.tiesDraws || 0) > {seen}", timeout=timeout_s * 1000)
        return True
    except Exception:  # noqa: BLE001 - a timeout is counted by the caller
        return False


async def drawn_unless_killed(page, seen: int, run, mine: str | None, timeout_s: float = 60) -> bool:
    """`drawn`, in one-second slices, giving up early once this session's replica is killed."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if await drawn(page, seen, 1):
            return True
        if mine is not None and mine == run.killed:
            return False
    return False


async def replica_of(context) -> str | None:
    """The replica the balancer's cookie ties this browser to (None without a balancer)."""
    return next((c["value"] for c in await context.cookies() if c["name"] == COOKIE), None)


async def shows_error(page) -> bool:
    """A Python exception or Streamlit's connection-error dialog on the page."""
    return bool(await page.locator("[data-testid='stException'], [role='dialog']:has-text('Connection error')").count())


class Run:
    """What every session reports into, and the failover plan they all share."""

    def __init__(self, url: str, seconds: int, district=None):
        self.url, self.seconds, self.district = url, seconds, district
        self.latencies: list[float] = []
        self.failures: list[str] = []
        self.first_maps: list[float] = []
        self.placed: dict[str, int] = {}  # sessions per replica, as placed by the balancer
        self.killed: str | None = None  # the replica killed, once it is
        self.killed_at = 0.0
        self.reconnects: list[float] = []  # kill → redrawn map, per session that was on it
        self.after_kill: dict[str, int] = {}  # redraws after the kill, per replica
        self.returned_to: list[str] = []  # replicas of the sessions opened after the return


async def session(browser, run: Run, n: int, *, delay: float):
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    outside = []

    async def route(r):
        if urlsplit(r.request.url).hostname == "127.0.0.1" or r.request.url.startswith(("data:", "blob:", "about:")):
            await r.continue_()
        else:
            outside.append(r.request.url)
            await r.abort()

    await page.route("**/*", route)
    await asyncio.sleep(delay)  # a class arrives over half a minute, not in one instant
    start = time.monotonic()
    try:
        await page.goto(run.url + START, timeout=180_000)
    except Exception as exc:  # noqa: BLE001 - counted as a failure of this session
        run.failures.append(f"session {n}: page did not load ({type(exc).__name__})")
        await context.close()
        return
    if not await drawn(page, 0, 180):
        run.failures.append(f"session {n}: first map never drawn")
        await context.close()
        return
    run.first_maps.append(time.monotonic() - start)
    mine = await replica_of(context)
    run.placed[mine] = run.placed.get(mine, 0) + 1
    step, forward = 1, True
    until = time.monotonic() + run.seconds  # each session works for `seconds` once it has its map
    while time.monotonic() < until:
        count = await page.evaluate("() => window.tiesDraws")
        view = page.url
        started = time.monotonic()
        with contextlib.suppress(Exception):  # a click that cannot land is told by the missing redraw
            await page.get_by_role("button", name="Next ▶" if forward else "◀ Back").click(timeout=60_000)
        if await drawn_unless_killed(page, count, run, mine):
            run.latencies.append((time.monotonic() - started) * 1000)
            if mine is not None and mine == run.killed:  # the click waited for the reconnection
                run.reconnects.append(time.monotonic() - run.killed_at)
                mine = await replica_of(context)
            elif run.killed:
                run.after_kill[mine] = run.after_kill.get(mine, 0) + 1
        elif mine is not None and mine == run.killed:
            # This session's replica died under it: Streamlit reconnects through the
            # balancer, which sends it to a live replica; the view comes from the address.
            if not await recover(page, context, run, n, view, count):
                break
            mine = await replica_of(context)
        else:
            run.failures.append(f"session {n} on {mine}: no redraw after step {step}")
        if await shows_error(page):
            run.failures.append(f"session {n} on {mine}: an error on the page after step {step}")
            break
        step += 1 if forward else -1
        forward = step < 4 if forward else step <= 1
    if outside:
        run.failures.append(f"session {n}: {len(outside)} outside requests")
    await context.close()


async def recover(page, context, run: Run, n: int, view: str, count: int) -> bool:
    """Wait for a session on the killed replica to be redrawn by a live one, at the same view."""
    deadline = run.killed_at + 60
    while time.monotonic() < deadline:
        if await replica_of(context) != run.killed:
            break
        await asyncio.sleep(0.1)
    else:
        run.failures.append(f"session {n}: not reconnected to a live replica within 60 s")
        return False
    if page.url != view and "step=" not in page.url:
        run.failures.append(f"session {n}: came back at another view ({page.url})")
        return False
    # The same click again, now that a live replica holds the session.
    while time.monotonic() < deadline:
        seen = await page.evaluate("() => window.tiesDraws")
        button = "Next ▶" if "step=4" not in view else "◀ Back"
        with contextlib.suppress(Exception):
            await page.get_by_role("button", name=button).click(timeout=10_000)
        if await drawn(page, max(seen, count), 5):
            run.reconnects.append(time.monotonic() - run.killed_at)
            return True
    run.failures.append(f"session {n}: no redraw within 60 s of its replica's death")
    return False


async def failover(run: Run, kill_at: float, return_at: float | None, browser):
    """Kill the replica holding the most sessions; later start it again and open a session."""
    district = run.district
    await asyncio.sleep(kill_at)
    victim = max(district.replicas, key=lambda r: (run.placed.get(r.name, 0), r.name))
    run.killed, run.killed_at = victim.name, time.monotonic()
    victim.kill()
    while district.states().get(victim.name) != "DOWN":
        await asyncio.sleep(0.1)
    run.marked_down_s = time.monotonic() - run.killed_at
    if return_at is None:
        return
    await asyncio.sleep(max(0.0, return_at - kill_at - run.marked_down_s))
    run.back_in_rotation_s = await asyncio.to_thread(district.restart, victim)
    run.killed = None  # sessions may land on it again
    # With `balance leastconn`, the emptiest replica gets the next sessions: the returned one.
    for extra in range(2):
        context = await browser.new_context()
        page = await context.new_page()
        await page.goto(run.url + START, timeout=60_000)
        if await drawn(page, 0, 60):
            run.returned_to.append(await replica_of(context))
        else:
            run.failures.append(f"after the return: session {extra} drew no map")
        await context.close()


async def run_load(url: str, sessions: int, seconds: int, *, pids: dict, logs: list[Path], district=None, **plan):
    memory: dict[str, list[tuple[float, float]]] = {name: [] for name in pids}
    run = Run(url, seconds, district)
    started = time.monotonic()
    done = asyncio.Event()

    async def watch():
        while not done.is_set():
            for name, pid in pids.items():
                if district is not None:  # a restarted replica has a new process
                    pid = next(r.proc.pid for r in district.replicas if r.name == name)
                memory[name].append((time.monotonic() - started, rss_mb(pid)))
            await asyncio.sleep(1)

    async with async_playwright() as p:
        browser = await chromium.launch(p)
        watcher = asyncio.create_task(watch())
        tasks = [session(browser, run, n, delay=n * plan.get("arrival", 1.0)) for n in range(sessions)]
        if plan.get("kill_at") is not None:
            tasks.append(failover(run, plan["kill_at"], plan.get("return_at"), browser))
        await asyncio.gather(*tasks)
        done.set()
        await watcher
        await browser.close()
    errors = []
    for log in logs:
        with log.open() as server_log:
            errors += [line.strip() for line in server_log if re.search(r"Traceback|Error|Exception", line)]
    arrived = sessions * plan.get("arrival", 1.0) + 30  # after the class has arrived

    def at_minutes(samples):
        marks = {}
        for minute in range(0, int(samples[-1][0] // 60) + 1 if samples else 0, 5):
            near = [m for t, m in samples if t >= minute * 60 and m > 0]
            if near:
                marks[minute] = round(near[0])
        return marks

    result = {
        "url": url,
        "sessions": sessions,
        "seconds": seconds,
        "redraws": len(run.latencies),
        "p50_ms": round(statistics.median(run.latencies)) if run.latencies else None,
        "p95_ms": round(statistics.quantiles(run.latencies, n=20)[18]) if len(run.latencies) >= 20 else None,
        "first_map_s": round(statistics.median(run.first_maps), 2) if run.first_maps else None,
        "failures": run.failures,
        "server_errors": errors,
        "peak_memory_mb": round(max((m for s in memory.values() for _, m in s), default=0)),
    }
    if district is not None:
        result["placed"] = run.placed
    for name, samples in memory.items():
        warm = [m for t, m in samples if t >= arrived and m > 0]
        result[f"memory_{name}_mb"] = (round(warm[0]), round(warm[-1])) if warm else None
        result[f"memory_{name}_every_5_min_mb"] = at_minutes(samples)
    if plan.get("kill_at") is not None:
        result.update(
            killed_at_s=plan["kill_at"],
            marked_down_s=round(getattr(run, "marked_down_s", -1), 1),
            reconnect_s=[round(s, 1) for s in run.reconnects],
            redraws_after_kill=run.after_kill,
            back_in_rotation_s=round(getattr(run, "back_in_rotation_s", -1), 1),
            new_sessions_after_return_on=run.returned_to,
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--arrival", type=float, default=1.0, help="seconds between two sessions' arrivals")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--url", help="an app or balancer already running on 127.0.0.1")
    where.add_argument("--district", action="store_true", help="start 3 replicas behind HAProxy and go through it")
    parser.add_argument("--kill-at", type=float, help="with --district: kill a replica this many seconds in")
    parser.add_argument("--return-at", type=float, help="with --kill-at: start it again this many seconds in")
    args = parser.parse_args()
    plan = {"kill_at": args.kill_at, "return_at": args.return_at, "arrival": args.arrival}
    if args.url:
        if urlsplit(args.url).hostname != "127.0.0.1":
            parser.error("the load test only ever targets 127.0.0.1")
        result = asyncio.run(run_load(args.url.rstrip("/"), args.sessions, args.seconds, pids={}, logs=[], **plan))
    elif args.district:
        with running_district() as district:
            pids = {r.name: r.proc.pid for r in district.replicas}
            logs = [r.log for r in district.replicas]
            result = asyncio.run(
                run_load(district.url, args.sessions, args.seconds, pids=pids, logs=logs, district=district, **plan)
            )
    else:
        if args.kill_at is not None:
            parser.error("--kill-at needs --district")
        log = Path("/tmp/loadtest-server.log")
        with running_app(log=log) as (url, pid):
            result = asyncio.run(run_load(url, args.sessions, args.seconds, pids={"server": pid}, logs=[log], **plan))
        result["memory_after_warmup_mb"] = result.pop("memory_server_mb")
    print(result)


if __name__ == "__main__":
    main()
