"""The pins in requirements.txt, the lock with hashes and pyproject.toml agree."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)", line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_lock_pins_what_requirements_pin_with_hashes():
    wanted, locked = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements.lock")
    assert wanted and {name: locked.get(name) for name in wanted} == wanted
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", text)
    assert all("--hash=sha256:" in b for b in blocks if re.match(r"[A-Za-z0-9_.-]+==", b))
    assert len(locked) > len(wanted)  # Streamlit's own dependencies are pinned too


def test_pyproject_declares_every_runtime_requirement():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!~ ]", d)[0].lower() for d in project["dependencies"]}
    assert set(pins(ROOT / "requirements.txt")) == declared
    assert project["scripts"]["ties"] == "graph.cli:main"


def test_lint_type_checks_the_package_with_the_pinned_mypy():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["graph"]
    assert "mypy" in pins(ROOT / "requirements-dev.txt")
    lint = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nlint:")[1].split("\n\n")[0]
    assert "$(BIN)/mypy" in lint


def test_a_test_that_hangs_fails_after_the_default_timeout(request):
    assert float(request.config.getini("timeout")) == 120
    assert "pytest-timeout" in pins(ROOT / "requirements-dev.txt")


def test_make_test_fast_leaves_out_the_browser_tests_only():
    fast = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ntest-fast:")[1].split("\n\n")[0]
    assert '-m "not browser"' in fast
    found = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "not browser", "-p", "no:cacheprovider"]
        + ["tests/test_picture.py", "tests/test_chromium.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "tests/test_chromium.py::" in found and "tests/test_picture.py::" not in found


def test_the_image_installs_the_locked_tree_runs_as_a_user_and_ships_what_the_app_reads():
    """No Docker engine runs here (docs/deploy.md), so the image is checked as text: the
    locked dependency tree with hashes, a non-root user, the health check, the warm replica,
    and a .dockerignore that keeps out nothing the app reads when it runs (it once kept out
    static/, which a read-only container needs)."""
    import fnmatch

    docker = (ROOT / "Dockerfile").read_text()
    assert "pip install --require-hashes -r requirements.lock" in docker
    assert re.search(r"^USER (?!root)\w+", docker, re.M)
    assert "/_stcore/health" in re.search(r"^HEALTHCHECK .*(\n\s+.*)*", docker, re.M).group(0)
    assert '"scripts/replica.py"' in docker and (ROOT / "scripts" / "replica.py").exists()
    for source in re.findall(r"^COPY (?:--\S+ )*(\S+) ", docker, re.M):
        assert (ROOT / source).exists(), source
    ignored = [p.strip().rstrip("/") for p in (ROOT / ".dockerignore").read_text().splitlines() if p.strip()]
    needed = ["app.py", "graph/render.py", "graph/templates/map.js", "data/relations.csv", "static/vis-network.min.js"]
    needed += [".streamlit/config.toml", "scripts/replica.py", "requirements.lock"]
    for path in needed:
        assert (ROOT / path).exists(), path
        parts = Path(path).parts
        hit = [p for p in ignored for i in range(len(parts)) if fnmatch.fnmatch("/".join(parts[: i + 1]), p)]
        assert not hit, (path, hit)
