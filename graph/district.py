"""A district on one machine: app replicas on loopback behind the real HAProxy.

    python -m graph.district [--port 8080]     (make district) runs until Ctrl-C

The same topology as deploy/compose.yaml, with the same deploy/haproxy.cfg, without Docker:
three replicas (scripts/replica.py, each warm before it reports healthy) on free ports of
127.0.0.1 and `haproxy` from the system's packages in front of them. Tests and the load
test use `running_district`, which can stop and restart a replica to test failover.
Nothing listens beyond this machine.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "deploy" / "haproxy.cfg"
REPLICAS = 3  # as many as deploy/haproxy.cfg has `server` lines


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url: str, timeout: float = 2) -> bool:
    """Whether `url` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as reply:
            return reply.status == 200
    except OSError:
        return False


def wait_for(check, what: str, timeout: float = 120) -> float:
    """Wait until `check()` is true; return the seconds it took."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise RuntimeError(f"{what} did not happen within {timeout:.0f} s")
        time.sleep(0.1)
    return time.monotonic() - start


@dataclass
class Replica:
    name: str
    port: int
    log: Path
    env: dict
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [sys.executable, str(ROOT / "scripts" / "replica.py"), "--server.port", str(self.port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        with self.log.open("a") as output:
            self.proc = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT)

    def healthy(self) -> bool:
        return self.proc is not None and self.proc.poll() is None and answers(f"{self.url}/_stcore/health", 1)

    def kill(self) -> None:
        """Die at once, as a crashed process or a lost machine does: no goodbye to any session."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@dataclass
class District:
    url: str
    stats_url: str
    replicas: list[Replica]
    balancer: subprocess.Popen
    logs: Path
    extra: dict = field(default_factory=dict)

    def states(self) -> dict[str, str]:
        """What HAProxy thinks of each replica: {"r1": "UP", "r2": "DOWN", ...}."""
        with urllib.request.urlopen(f"{self.stats_url}/;csv", timeout=2) as reply:
            rows = csv.DictReader(io.StringIO(reply.read().decode().lstrip("# ")))
            ours = [r for r in rows if r["pxname"] == "replicas" and r["svname"] not in ("FRONTEND", "BACKEND")]
            return {r["svname"]: r["status"].split()[0] for r in ours}

    def restart(self, replica: Replica) -> float:
        """Start a stopped replica again; return the seconds until HAProxy routes to it."""
        start = time.monotonic()
        replica.start()
        wait_for(lambda: self.states().get(replica.name) == "UP", f"{replica.name} back in rotation")
        return time.monotonic() - start


def haproxy() -> str:
    found = shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy",) if Path(p).exists()), None)
    if not found:
        raise RuntimeError("HAProxy is not installed: apt-get install haproxy (.ci/run does it)")
    return found


@contextlib.contextmanager
def running_district(*, logs: Path | None = None, port: int | None = None) -> Iterator[District]:
    """Start the replicas and the balancer; yield the District; stop everything afterwards."""
    logs = logs or Path(f"/tmp/ties-district-{os.getpid()}")
    logs.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    # Every replica must accept the others' XSRF cookies (an upload after a failover).
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    replicas = [Replica(f"r{i}", free_port(), logs / f"r{i}.log", env) for i in range(1, REPLICAS + 1)]
    front, stats = port or free_port(), free_port()
    balancer = None
    try:
        for replica in replicas:
            replica.start()
        for replica in replicas:
            wait_for(replica.healthy, f"replica {replica.name} healthy")
        balancer_env = dict(os.environ, FRONT=f"127.0.0.1:{front}", STATS=f"127.0.0.1:{stats}")
        balancer_env.update({f"REPLICA_{i}": f"127.0.0.1:{r.port}" for i, r in enumerate(replicas, 1)})
        with (logs / "haproxy.log").open("a") as output:
            balancer = subprocess.Popen(
                [haproxy(), "-db", "-f", str(CONFIG)], env=balancer_env, stdout=output, stderr=subprocess.STDOUT
            )
        district = District(f"http://127.0.0.1:{front}", f"http://127.0.0.1:{stats}", replicas, balancer, logs)

        def all_up() -> bool:
            if balancer.poll() is not None:
                raise RuntimeError(f"HAProxy stopped: see {logs / 'haproxy.log'}")
            try:
                return set(district.states().values()) == {"UP"}
            except OSError:
                return False

        wait_for(all_up, "every replica up behind HAProxy", timeout=30)
        yield district
    finally:
        if balancer and balancer.poll() is None:
            balancer.terminate()
            balancer.wait(timeout=10)
        for replica in replicas:
            replica.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080, help="the balancer's port on 127.0.0.1")
    args = parser.parse_args()
    with running_district(port=args.port) as district:
        print(f"Open {district.url} (HAProxy status: {district.stats_url}); logs in {district.logs}.")
        for replica in district.replicas:
            print(f"  {replica.name}: {replica.url}" + (f" (pid {replica.proc.pid})" if replica.proc else ""))
        with contextlib.suppress(KeyboardInterrupt):
            district.balancer.wait()


if __name__ == "__main__":
    main()
