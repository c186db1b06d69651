"""A district on this machine: three warm replicas behind the real HAProxy, with the
configuration deploy/compose.yaml uses (deploy/haproxy.cfg), driven in headless Chromium.

The short failover test of `make test`: kill a replica while sessions work on all three;
the others keep redrawing with no error, the dead one's sessions come back on a live
replica at the same view, a lost upload is said, and the replica is routed to again once
it returns. The long, measured version is `scripts/loadtest.py --district --kill-at`.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest

from graph.district import ROOT, running_district, wait_for
from graph.upload import TEMPLATE
from tests.browser import guard, settled

# Three warm replicas start before the first test: longer than the default timeout allows.
pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]
START = "/?story=sanctions-on-russia&step=1"
COOKIE = "TIES_REPLICA"
ERRORS = "[data-testid='stException'], [role='dialog']:has-text('Connection error')"
# Every header the balancer adds, as deploy/haproxy.cfg sets it.
HEADERS = {
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    with running_district(logs=tmp_path_factory.mktemp("district")) as d:
        yield d


class Student:
    """One browser session through the balancer, optionally pinned to a replica by its cookie."""

    def __init__(self, browser, district, replica: str | None = None, path: str = START):
        self.context = browser.new_context(viewport={"width": 1366, "height": 768})
        if replica:
            self.context.add_cookies([{"name": COOKIE, "value": replica, "url": district.url}])
        self.page = self.context.new_page()
        self.outside = guard(self.page)
        self.violations: list[str] = []
        self.page.on("console", lambda m: "Content Security Policy" in m.text and self.violations.append(m.text))
        self.page.goto(district.url + path)
        self.wait_drawn(0)

    @property
    def replica(self) -> str | None:
        return next((c["value"] for c in self.context.cookies() if c["name"] == COOKIE), None)

    def draws(self) -> int:
        return self.page.evaluate("() => window.tiesDraws || 0")

    def wait_drawn(self, seen: int, timeout: float = 30) -> None:
        self.page.wait_for_function(f"() => (window.tiesDraws || 0) > {seen}", timeout=timeout * 1000)

    def step(self, button: str = "Next ▶", timeout: float = 30) -> None:
        """Click a story button and wait for the map it draws: a redraw and the step's address.
        A redraw alone is not enough: a session that has just reconnected reruns its page and
        redraws before the click's run (the address said step 1 after "Next" once)."""
        seen, address = self.draws(), self.page.url
        self.page.get_by_role("button", name=button).click(timeout=timeout * 1000)
        self.page.wait_for_url(lambda url: url != address, timeout=timeout * 1000)
        self.wait_drawn(seen, timeout)
        settled(self.page, timeout * 1000)

    def upload(self, path) -> None:
        """Use a CSV file as the data, and wait until the app says so."""
        expander = self.page.locator("[data-testid='stExpander'] details").filter(has_text="Use your own data")
        if expander.get_attribute("open") is None:
            self.page.get_by_text("Use your own data", exact=True).click()
        self.page.get_by_test_id("stFileUploaderDropzone").wait_for(timeout=30_000)
        self.page.locator("input[type=file]").set_input_files(str(path))
        self.page.get_by_role("button", name="Check and use these files").click(timeout=30_000)
        self.page.get_by_text("Your data (2 ties)").wait_for(timeout=30_000)

    def errors(self) -> int:
        return self.page.locator(ERRORS).count()


def test_each_replica_drew_the_first_page_and_each_storys_start_before_serving(district):
    """A first visitor found the layouts made but still waited for the page's own caches
    (about 2 s); a replica now runs the page for them before it answers health checks."""
    import tomllib

    stories = tomllib.loads((ROOT / "data" / "stories.toml").read_text(encoding="utf-8"))["story"]
    for replica in district.replicas:
        log = replica.log.read_text()
        assert f"Pages drawn: {1 + len(stories)} (0 failed)." in log
        assert log.index("Pages drawn") < log.index("serving")


def test_balancer_adds_security_headers_and_hides_metrics(district):
    with urllib.request.urlopen(district.url + "/") as reply:
        headers = reply.headers
    for name, value in HEADERS.items():
        assert headers[name] == value
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(district.url + "/_stcore/metrics")
    assert refused.value.code == 403
    # The replica itself still serves them, to the admin on the inside network.
    with urllib.request.urlopen(district.replicas[0].url + "/_stcore/metrics") as reply:
        assert reply.status == 200


def test_app_works_under_the_balancers_content_security_policy(district, browser):
    student = Student(browser, district)
    student.step()
    student.page.get_by_role("tab", name="How are they tied?").click()
    student.page.get_by_text("Use your own data", exact=True).click()
    student.step("◀ Back")
    presenting = Student(browser, district, path="/?present=1&focus=UKR&among=0")
    for s in (student, presenting):
        assert s.violations == [] and s.outside == [] and s.errors() == 0
        s.context.close()


def test_failover_others_keep_drawing_and_the_dead_ones_come_back(district, browser, tmp_path):
    upload = tmp_path / "relations.csv"
    upload.write_text(TEMPLATE)
    victim = district.replicas[0]
    on_victim = Student(browser, district, victim.name)
    uploader = Student(browser, district, victim.name)
    others = [Student(browser, district, r.name) for r in district.replicas[1:]]
    assert [s.replica for s in (on_victim, uploader, *others)] == ["r1", "r1", "r2", "r3"]
    uploader.upload(upload)
    view = on_victim.page.url
    summary = on_victim.page.get_by_text("ties between").first.inner_text()

    victim.kill()
    killed = time.monotonic()
    # Everyone else: no error, and a redraw for every click, on the replica they were on.
    for student in others:
        student.step()
        student.step("◀ Back")
        assert student.errors() == 0 and student.replica in ("r2", "r3")
    assert wait_for(lambda: district.states()[victim.name] == "DOWN", "r1 marked down", timeout=10) < 10

    # The dead replica's session: reconnected to a live replica, at the same view, drawing.
    wait_for(lambda: on_victim.replica != victim.name, "a reconnection to a live replica", timeout=30)
    on_victim.page.get_by_text(summary).wait_for(timeout=30_000)
    assert on_victim.page.url == view
    on_victim.step()
    reconnected = time.monotonic() - killed
    assert "step=2" in on_victim.page.url and on_victim.errors() == 0
    print(f"reconnected and redrawn {reconnected:.1f} s after the kill")
    assert reconnected < 30, f"back at the view only {reconnected:.1f} s after the replica died"

    # The upload was in the dead process: its owner is told, and the same file uploads again
    # (to a replica that accepts the page's XSRF cookie: they share one cookie secret).
    wait_for(lambda: uploader.replica != victim.name, "the uploader's reconnection", timeout=30)
    uploader.page.get_by_text("This view was of uploaded files, and they are gone").wait_for(timeout=30_000)
    uploader.upload(upload)

    # Back in rotation: the balancer sends the next newcomer to the emptiest replica, r1.
    district.restart(victim)
    newcomer = Student(browser, district)
    assert newcomer.replica == victim.name
    newcomer.step()
    for student in (on_victim, uploader, *others, newcomer):
        assert student.outside == [] and student.violations == []
        student.context.close()
