"""A replica's world, made once per process: data loaded, graph built, every layout placed.

A replica calls `warm` before it listens, so its first visitor waits no longer than the
hundredth. Layouts are the slow part (Kamada–Kawai, about half a second for the shipped
data): they are kept on disk, keyed by the fingerprint of the data and of the code that
turns it into positions, so a container image can carry them and a restart reads them.

    python -m graph.warm [DATA_DIR]    computes the layouts once and writes the cache
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
import threading
import time
from pathlib import Path

import networkx as nx

from .build import build
from .layout import LAYOUTS, Positions
from .load import DEFAULT_DATA_DIR, load
from .view import latest_date
from .world import World

ROOT = Path(__file__).resolve().parent.parent
# What decides the positions: the data files, and the code that reads, builds and places them.
CODE = ("load.py", "build.py", "layout.py", "geo.py", "schema.py", "vocab.py", "dates.py")

_worlds: dict[str, World] = {}
_lock = threading.Lock()


def cache_dir() -> Path:
    """Where layouts are kept: TIES_CACHE_DIR, or `.cache/` in the project."""
    return Path(os.environ.get("TIES_CACHE_DIR", ROOT / ".cache"))


def fingerprint(data_dir: str | Path) -> str:
    """A hash of every file of the data folder and of the code that places it.

    >>> fingerprint(DEFAULT_DATA_DIR) == fingerprint(DEFAULT_DATA_DIR)
    True
    """
    digest = hashlib.sha256()
    here = Path(__file__).parent
    files = sorted(p for p in Path(data_dir).iterdir() if p.is_file()) + [here / name for name in CODE]
    for path in files:
        if path.exists():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def layouts(G: nx.MultiDiGraph, key: str) -> dict[str, Positions]:
    """Every layout of `G`, read from the cache under `key` or computed and written there."""
    path = cache_dir() / f"layouts-{key}.json"
    try:
        stored = json.loads(path.read_text())
        if set(stored) == set(LAYOUTS) and all(set(p) == set(G) for p in stored.values()):
            return {name: {n: tuple(xy) for n, xy in p.items()} for name, p in stored.items()}
    except (OSError, ValueError):
        pass  # absent, unreadable or stale: compute
    computed = {name: layout(G) for name, layout in LAYOUTS.items()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(computed))
        partial.replace(path)  # replicas starting together never read half a file
    except OSError:
        pass  # a read-only image without the cache still serves, only slower to start
    return computed


def world(data_dir: str | Path = DEFAULT_DATA_DIR) -> World:
    """The World (graph, positions per layout, cut-off) of a data folder; made once per process."""
    name = str(data_dir)
    with _lock:
        if name not in _worlds:
            G = build(load(data_dir))
            _worlds[name] = World(G, layouts(G, fingerprint(data_dir)), latest_date(G))
        return _worlds[name]


def warm(data_dir: str | Path = DEFAULT_DATA_DIR) -> float:
    """Make the world of `data_dir` now and return the seconds it took.

    Then every object made so far (the modules, the world) is moved out of the garbage
    collector's sight (`gc.freeze`): they live as long as the process, and a full
    collection no longer walks them, so it stays cheap enough to run after every page.
    """
    start = time.perf_counter()
    world(data_dir)
    gc.collect()
    gc.freeze()
    return time.perf_counter() - start


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DATA_DIR
    seconds = warm(folder)
    print(f"Layouts of {folder} in {cache_dir()}/layouts-{fingerprint(folder)}.json ({seconds:.1f} s)")
