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
import tomllib
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
    print(f"World in {seconds:.2f} s.", flush=True)
except graph.DataError:
    print("The data has problems: serving, and the app lists them to every visitor.", flush=True)
else:
    # The page itself, run once in this process for the first view and each story's first
    # step: the app's shared caches (the world, the stories, views and answers) are then
    # full, and the script compiled, before the first visitor comes. (Streamlit then reads
    # its configuration again, with this command's flags, and says a [server] option
    # changed: the server has not started yet, so it starts with them.)
    import logging

    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)

    folder = Path(os.environ.get("TIES_DATA_DIR", str(graph.DEFAULT_DATA_DIR)))
    with contextlib.suppress(OSError, tomllib.TOMLDecodeError):
        stories = tomllib.loads((folder / "stories.toml").read_text(encoding="utf-8")).get("story", [])
    links = [{}] + [{"story": str(s.get("id")), "step": "1"} for s in stories]
    failed = 0
    for link in links:
        page = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        page.query_params.update(link)
        page.run()
        failed += bool(page.exception)
    print(f"Pages drawn: {len(links)} ({failed} failed).", flush=True)
print(f"Warm in {time.perf_counter() - started:.1f} s; serving.", flush=True)

sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *sys.argv[1:]]
sys.exit(streamlit.web.cli.main())
