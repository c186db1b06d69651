"""One app replica: warm up first, then serve, so its health check passes only when warm.

    python scripts/replica.py --server.port 8501 [--server.address 127.0.0.1]

The modules are imported and the shipped world made (layouts read from the cache keyed by
the data's fingerprint, or computed and written there) before Streamlit opens its port:
until then `/_stcore/health` does not answer, so neither HAProxy nor Docker sends anyone
here. Every other argument goes to `streamlit run app.py`.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

started = time.perf_counter()
# Streamlit runs each page in a thread of its own; glibc gives threads arenas of their own
# (up to 8 per core), and memory freed in one is seldom given back: two arenas are enough
# for a process that holds the interpreter lock anyway (docs/deploy.md, "Memory").
with contextlib.suppress(OSError, AttributeError):
    ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX
import pandas  # noqa: E402,F401 - imported now rather than in the first visitor's page
import streamlit.web.cli  # noqa: E402

import graph  # noqa: E402
from graph.warm import warm  # noqa: E402

for module in sorted((ROOT / "graph").glob("*.py")):
    if module.stem not in ("__init__", "__main__"):
        importlib.import_module(f"graph.{module.stem}")
try:
    seconds = warm(os.environ.get("TIES_DATA_DIR", str(graph.DEFAULT_DATA_DIR)))
    print(f"Warm in {time.perf_counter() - started:.1f} s (world {seconds:.2f} s); serving.", flush=True)
except graph.DataError:
    print("The data has problems: serving, and the app lists them to every visitor.", flush=True)

sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *sys.argv[1:]]
sys.exit(streamlit.web.cli.main())
