"""Shared fixtures.

- `tiny_dir`: tests/data/tiny, six actors and seven ties whose answers can be worked
  out by hand: Avalon and Borduria hold a defence treaty (2001–) and an arms sale
  (2010–2015) — two parallel ties; Borduria and Carpania are at war (2020-03–);
  Avalon sanctions Carpania (2021-06-15–); Carpania's drones to Borduria are disputed
  (claimed by Avalon, denied by Carpania); Dunland (1960–1990) and Estoria had a
  friendship treaty 1970–1985; Estoria's arms to Avalon are alleged by Borduria.
  Avalon, Borduria and Estoria (1995–2020-01-31) belong to the Alliance, whose Article 5
  (since 1990) binds its members to defend one another.
- `tiny` / `world`: the graph built from the tiny data and from the shipped data.
- `browser`: the system Chromium, headless, one per test module.
- `make_graph`: builds a small graph from ties written as words, for answers worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import graph

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def tiny_dir() -> Path:
    return DATA / "tiny"


@pytest.fixture(scope="session")
def tiny(tiny_dir):
    return graph.build(graph.load(tiny_dir))


@pytest.fixture(scope="session")
def world():
    return graph.build(graph.load())


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium (the system's) per test module that asks for it. A missing
    browser fails the tests: it is never a skip (CI's .ci/run installs it)."""
    from playwright.sync_api import sync_playwright

    from graph import chromium

    with sync_playwright() as p:
        b = chromium.launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def app_url():
    """One app server with the shipped data for every browser test that needs no other data
    (each test opens its own browser context, so its session is its own): starting one took
    a few seconds per test."""
    from devtools import serve

    with serve.running_app(None) as (url, _):
        yield url


@pytest.fixture(scope="session")
def make_graph():
    """Build a graph from ties written as 'A B type start [end] [status]' (`graph_of`)."""
    return graph_of


def graph_of(*ties: str, actors: str = "AAA BBB CCC DDD EEE"):
    """A graph from ties written as 'A B type start [end] [status]', for hand-checked answers.

    >>> G = graph_of("AAA BBB treaty 2000")
    >>> G.number_of_edges()
    1
    """
    header = "id,name,kind,region,lat,lon\n"
    rows = "".join(f"{a},{a.title()},state,Europe,0,0\n" for a in actors.split())
    rel = "id,source,target,type,start,end,status,claimed_by,denied_by,title,source_url\n"
    for i, text in enumerate(ties):
        source, target, kind, start, *rest = text.split()
        end = rest[0] if rest and rest[0] != "-" else ""
        status = rest[1] if len(rest) > 1 else "confirmed"
        claims = "AAA,BBB" if status != "confirmed" else ","
        rel += f"t{i},{source},{target},{kind},{start},{end},{status},{claims},Tie {i},https://example.org/{i}\n"
    return graph.build(graph.load_bytes({"actors.csv": (header + rows).encode(), "relations.csv": rel.encode()}))
