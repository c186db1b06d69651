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
