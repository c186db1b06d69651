"""`python -m graph bench`: how fast the map is, measured, beside naive pyvis.

Server side: load and validate, build, filter, layout (cold and cached), render, page
size, and the work of one rerun that changes only a filter. In headless Chromium: from
page load to a drawn, still network, for our page and for naive pyvis (`from_nx` with
its defaults, Bootstrap's CDN tags stripped so the missing network does not slow it),
and in the running app from a filter change to the redrawn map. Each figure is the
median of several runs, on the shipped data and on synthetic data (seeded).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import random
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from graph import chromium, vocab
from graph.build import build
from graph.errors import UsageError
from graph.layout import force_layout
from graph.load import DEFAULT_DATA_DIR, load, load_bytes
from graph.state import ViewState
from graph.view import filtered, make_view

from .serve import running_app


def synthetic(actors: int, ties: int, *, seed: int = 1) -> dict[str, bytes]:
    """A valid dataset of `actors` states and `ties` ties, the same for the same seed."""
    rng = random.Random(seed)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    ids = [a + b + c for a in letters for b in letters for c in letters][:actors]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["id", "name", "kind", "region", "lat", "lon"])
    for i in ids:
        w.writerow(
            [
                i,
                f"State {i}",
                "state",
                rng.choice(vocab.REGIONS),
                round(rng.uniform(-60, 70), 3),
                round(rng.uniform(-180, 180), 3),
            ]
        )
    actors_csv = out.getvalue().encode()
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        ["id", "source", "target", "type", "start", "end", "status", "claimed_by", "denied_by", "title", "source_url"]
    )
    kinds = list(vocab.TIE_TYPES)
    for n in range(ties):
        a, b = rng.sample(ids, 2)
        start = rng.randint(1946, 2024)
        end = str(rng.randint(start, 2025)) if rng.random() < 0.4 else ""
        status = rng.choices(["confirmed", "alleged", "disputed"], [0.9, 0.05, 0.05])[0]
        claims = (a, b if status == "disputed" else "") if status != "confirmed" else ("", "")
        w.writerow(
            [f"t{n}", a, b, rng.choice(kinds), start, end, status, *claims, f"Tie {n}", f"https://example.org/{n}"]
        )
    return {"actors.csv": actors_csv, "relations.csv": out.getvalue().encode()}


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 2)


def server(sources: dict[str, bytes] | None, *, runs: int) -> dict:
    """Server-side figures for one dataset (None: the shipped data)."""
    loader = (lambda: load()) if sources is None else (lambda: load_bytes(sources))
    data = loader()
    G = build(data)
    last = max(t for *_, t in G.edges(data="first_day"))
    first_state = ViewState(as_of=last)
    second_state = ViewState(as_of=dt.date(last.year - 1, last.month, min(last.day, 28)))
    cold = median_ms(lambda: force_layout(G), 1 if G.number_of_nodes() > 400 else max(1, runs // 2))
    positions = force_layout(G)
    cache: dict = {}

    def cached_layout():
        return cache.setdefault("force", positions)

    first = make_view(G, positions, first_state)
    page = first.html()
    return {
        "actors": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        "load_validate_ms": median_ms(loader, runs),
        "build_ms": median_ms(lambda: build(data), runs),
        "filter_ms": median_ms(lambda: filtered(G, second_state), runs),
        "layout_cold_ms": cold,
        "layout_cached_ms": median_ms(cached_layout, runs),
        "render_ms": median_ms(lambda: make_view(G, positions, second_state), runs),
        "html_kb": round(len(page.encode()) / 1024, 1),
        # What the app sends for a redraw: the map's data, not a page (vis-network stays loaded).
        "data_kb": round(len(first.data.encode()) / 1024, 1),
        # What one rerun does when only a filter changes: the world is cached; filter, draw, tabulate.
        "rerun_ms": median_ms(lambda: make_view(G, cached_layout(), second_state), runs),
        "view": filtered(G, first_state),
        "positions": positions,
        "page": page,
    }


def naive_page(G: nx.MultiDiGraph) -> str:
    """What a first attempt does: pyvis defaults (physics, dynamic curves), from_nx, inline JS."""
    from pyvis.network import Network

    plain = nx.MultiDiGraph()
    plain.add_nodes_from((n, {"label": a["name"], "title": a["name"]}) for n, a in G.nodes(data=True))
    plain.add_edges_from((u, v, {"title": t["title"]}) for u, v, t in G.edges(data=True))
    net = Network(cdn_resources="in_line")
    net.from_nx(plain)
    html = net.generate_html()
    # Bootstrap from a CDN would hang here without a network: strip it, as the issue says.
    return re.sub(r"<(link|script)[^>]+(bootstrap|cdn\.jsdelivr|cdnjs)[^>]*>(\s*</script>)?", "", html)


def _has_chromium() -> bool:
    """Whether the system has Chromium: without it the bench gives server figures only."""
    try:
        chromium.executable()
    except UsageError:
        return False
    return True


def browser_times(pages: dict[str, str], *, runs: int, timeout_s: float) -> dict:
    """Median ms from page load to a drawn network that holds still, per page."""
    from playwright.sync_api import sync_playwright

    if not _has_chromium():
        return {name: None for name in pages}
    results = {}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        browser = chromium.launch(p)
        for name, page_html in pages.items():
            path = Path(folder) / f"{name}.html"
            path.write_text(page_html, encoding="utf-8")
            times = []
            for _ in range(runs):
                tab = browser.new_page(viewport={"width": 1600, "height": 900})
                tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
                start = time.perf_counter()
                tab.goto(path.as_uri())
                times.append(_until_still(tab, start, timeout_s))
                tab.close()
            done = [t for t in times if t is not None]
            results[name] = round(statistics.median(done), 1) if done else None
        browser.close()
    return results


def _until_still(tab, start: float, timeout_s: float) -> float | None:
    """Wait until the network exists and its positions stop changing; return ms from `start`."""
    tab.wait_for_function("() => typeof network !== 'undefined' || window.network", timeout=timeout_s * 1000)
    previous, still_since = None, None
    while time.perf_counter() - start < timeout_s:
        now = tab.evaluate(
            "() => { const n = window.network || network; const p = n.getPositions();"
            " return JSON.stringify(Object.keys(p).slice(0, 400).map(k => [Math.round(p[k].x), Math.round(p[k].y)])); }"
        )
        t = time.perf_counter()
        if now == previous:
            if t - still_since >= 0.25:
                return (still_since - start) * 1000
        else:
            previous, still_since = now, t
        tab.wait_for_timeout(25)
    return None


def app_filter_change(
    *, runs: int, query: str = "story=sanctions-on-russia&step=1", url: str | None = None
) -> list[float] | None:
    """Each time, in ms, in the running app from a click that changes the filters to the redrawn map.

    The change is a story step (Next ▶, then ◀ Back, and so on): it moves the date and the
    ties shown, with the table of ties open under the map, as a teacher would. The time runs
    from the click in the page (pointer down) to the map's next drawing. The app is started
    here, unless `url` names one already running.
    """
    from playwright.sync_api import sync_playwright

    if not _has_chromium():
        return None
    with contextlib.nullcontext((url, None)) if url else running_app() as (url, _):
        with sync_playwright() as p:
            browser = chromium.launch(p)
            tab = browser.new_page(viewport={"width": 1600, "height": 1000})
            tab.goto(f"{url}/?{query}")
            tab.wait_for_function("() => window.tiesDraws > 0", timeout=60_000)
            tab.evaluate("() => addEventListener('pointerdown', () => { window.clickedAt = Date.now(); }, true)")
            times = []
            for i in range(runs):
                seen = tab.evaluate("() => window.tiesDraws")
                tab.get_by_role("button", name="Next ▶" if i % 2 == 0 else "◀ Back").click()
                tab.wait_for_function(f"() => window.tiesDraws > {seen}", timeout=60_000)
                times.append(tab.evaluate("() => window.drawnWall - window.clickedAt"))
            browser.close()
        return times


def run(*, quick: bool = False, browser: bool = True, data_dir: Path = DEFAULT_DATA_DIR) -> dict:
    """All figures, as a dict ready for JSON."""
    runs = 3 if quick else 7
    scales = {"shipped": None, "synthetic 1x": synthetic(1000, 1250)}
    if not quick:
        scales["synthetic 4x"] = synthetic(1000, 5000)
        scales["synthetic 16x"] = synthetic(1000, 20000)
    result: dict = {"machine": _machine(), "quick": quick, "runs": runs, "server": {}, "browser": {}}
    pages = {}
    for name, sources in scales.items():
        figures = server(sources, runs=runs)
        shown = figures.pop("view")
        figures.pop("positions")
        pages[name] = figures.pop("page")
        result["server"][name] = figures
        if name == "shipped":  # the same ties, drawn the naive way
            pages["naive pyvis (shipped)"] = naive_page(shown)
    if browser:
        timeout = 20 if quick else 150
        chosen = {k: v for k, v in pages.items() if k in ("shipped", "naive pyvis (shipped)", "synthetic 1x")}
        result["browser"]["page_load_to_still_ms"] = browser_times(chosen, runs=1 if quick else 3, timeout_s=timeout)
        ours = result["browser"]["page_load_to_still_ms"].get("shipped")
        naive = result["browser"]["page_load_to_still_ms"].get("naive pyvis (shipped)")
        result["browser"]["naive_over_ours"] = round(naive / ours, 1) if ours and naive else None
        if naive is None and ours:
            result["browser"]["naive_over_ours"] = (
                f">{round(timeout * 1000 / ours, 1)} (naive not still after {timeout} s)"
            )
        times = app_filter_change(runs=3 if quick else 25)
        if times:
            result["browser"]["app_filter_change_ms"] = round(statistics.median(times), 1)
            result["browser"]["app_filter_change_p90_ms"] = round(statistics.quantiles(times, n=10)[-1], 1)
            result["browser"]["app_filter_change_all_ms"] = times
    return result


def _machine() -> dict:
    import os
    import platform

    return {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.platform()}


def table(result: dict) -> str:
    """The figures as a Markdown table."""
    rows = [
        "| dataset | actors | ties | load+validate | build | filter | layout cold | layout cached | "
        "render | rerun (filter only) | page KB | map data KB |",
        "|" + "---|" * 12,
    ]
    for name, f in result["server"].items():
        rows.append(
            f"| {name} | {f['actors']} | {f['ties']} | {f['load_validate_ms']} ms | {f['build_ms']} ms | "
            f"{f['filter_ms']} ms | {f['layout_cold_ms']} ms | {f['layout_cached_ms']} ms | {f['render_ms']} ms | "
            f"{f['rerun_ms']} ms | {f['html_kb']} | {f['data_kb']} |"
        )
    b = result.get("browser") or {}
    if b:
        rows.append("")
        rows.append("| in headless Chromium | median |")
        rows.append("|---|---|")
        for name, ms in b.get("page_load_to_still_ms", {}).items():
            rows.append(f"| page load → drawn, still: {name} | {ms if ms is not None else 'not still in time'} ms |")
        rows.append(f"| naive pyvis ÷ ours | {b.get('naive_over_ours')} |")
        rows.append(f"| app: filter change → redrawn map | {b.get('app_filter_change_ms')} ms |")
        rows.append(f"| app: filter change → redrawn map, 90th percentile | {b.get('app_filter_change_p90_ms')} ms |")
    return "\n".join(rows)


def main(*, quick: bool, json_path: Path | None, browser: bool) -> str:
    result = run(quick=quick, browser=browser)
    if json_path:
        json_path.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    return table(result)
