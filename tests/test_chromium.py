import pytest

from graph import chromium
from graph.errors import UsageError
from graph.export import png


def test_executable_without_chromium_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(chromium.shutil, "which", lambda name: None)
    with pytest.raises(UsageError, match="apt-get install -y chromium"):
        chromium.executable()


def test_launch_starts_the_system_chromium_with_the_shared_arguments(monkeypatch):
    monkeypatch.setattr(chromium.shutil, "which", lambda name: f"/usr/bin/{name}")
    seen = {}

    class Launcher:
        def launch(self, **options):
            seen.update(options)
            return "browser"

    class Playwright:
        chromium = Launcher()

    assert chromium.launch(Playwright(), slow_mo=5) == "browser"
    assert seen == {"executable_path": "/usr/bin/chromium", "args": list(chromium.ARGS), "slow_mo": 5}
    assert "--no-sandbox" in seen["args"] and "--disable-background-networking" in seen["args"]


def test_png_without_chromium_is_a_usage_error(monkeypatch):
    monkeypatch.setattr(chromium.shutil, "which", lambda name: None)
    with pytest.raises(UsageError, match="Chromium"):
        png("<html></html>")
