"""Start the app in a process of its own on a free local port, for tests, bench and load test."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextlib.contextmanager
def running_app(data_dir: Path | None = None, *, log: Path | None = None) -> Iterator[tuple[str, int]]:
    """Yield (URL, process id) of the app on 127.0.0.1; stop it afterwards.

    The server's output goes to `log` when given. It never listens beyond this machine.
    """
    env = dict(os.environ)
    if data_dir is not None:
        env["TIES_DATA_DIR"] = str(data_dir)
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true"]
    with running_command(command, cwd=ROOT, env=env, log=log, with_pid=True) as found:
        yield found


@contextlib.contextmanager
def running_command(command: list[str], *, cwd: Path, env: dict, log: Path | None = None, with_pid: bool = False):
    """Run a Streamlit command on a free port of 127.0.0.1 until its health check answers;
    yield its URL (and process id with `with_pid`); stop it afterwards."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [*command, "--server.port", str(port), "--server.address", "127.0.0.1"]
    with open(log or os.devnull, "w") as output:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                        if reply.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the Streamlit app did not start")
                time.sleep(0.2)
            yield (url, proc.pid) if with_pid else url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
