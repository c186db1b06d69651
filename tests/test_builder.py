"""The story builder: steps from views, the stories file and the link, and back."""

import base64
import datetime as dt
import json
import random
import string
import zlib
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.builder import (
    MAX_LINK,
    MAX_SOURCES,
    MAX_STEPS,
    TOO_LONG,
    Draft,
    draft_of,
    from_link,
    from_toml,
    step_from_view,
    to_link,
    to_toml,
)
from graph.errors import DataError, UsageError
from graph.stories import Step, load_stories
from graph.view import ViewState, highlightable

HOSTILE = (
    'He said "no" \\ then ]] [[story]] """ \' ` ![x](http://evil.example/x.png) <script>alert(1)</script> '
    "www.evil.example :red[red] \x7f \x00 é 🌐 \u202e"
)


def check(G):
    return {"actors": set(G), "ties": highlightable(G)}


def day(text):
    return dt.date.fromisoformat(text)


@pytest.fixture(scope="module")
def draft(tiny):
    """Three steps of the tiny data: a highlighted tie, the ties of a focus, every setting."""
    return Draft(
        "Carpania's war",
        "How the war of 2020 tied Avalon to it.",
        (
            step_from_view(
                tiny,
                ViewState(as_of=day("2021-01-01"), focus=("BBB", "CCC"), among=True),
                caption="Borduria and Carpania at war.",
                highlight=frozenset({"bc-conflict-2020"}),
            ),
            step_from_view(tiny, ViewState(as_of=day("2023-06-01"), focus=("AAA",)), caption=HOSTILE),
            step_from_view(
                tiny,
                ViewState(
                    as_of=day("2012-01-01"),
                    types=("arms_supply", "treaty"),
                    statuses=("confirmed",),
                    focus=("AAA",),
                    depth=2,
                    layout="geo",
                    members=("ALL",),
                    minor=True,
                    voice="AAA",
                ),
                caption="Members  of\nthe Alliance.",
                highlight=frozenset({"member-BBB-ALL-2004-03-29"}),
                blocs=True,
            ),
        ),
    )


def test_step_from_view_cites_the_ties_it_highlights(draft):
    assert draft.steps[0].sources == ("https://example.org/bc-war",)
    assert draft.steps[0].highlight == frozenset({"bc-conflict-2020"})
    assert draft.steps[2].sources == ("https://example.org/all",)  # a membership link's source


def test_step_from_view_without_highlight_cites_the_ties_around_the_focus(draft):
    """Avalon's ties on 2023-06-01: sanctions on Carpania, the treaty with Borduria, arms
    from Estoria (2023) and the disputed drones it claims are not Avalon's ties."""
    assert set(draft.steps[1].sources) == {
        "https://example.org/ab-treaty",
        "https://example.org/ac-sanctions",
        "https://example.org/ea-arms",
    }
    assert draft.steps[1].sources[0] == "https://example.org/ea-arms"  # the latest first


def test_step_from_view_cites_at_most_a_few_sources(world):
    step = step_from_view(world, ViewState(as_of=day("2025-06-01")), caption="Everything.")
    assert len(step.sources) == MAX_SOURCES


@pytest.mark.parametrize(
    ("state", "caption", "message"),
    [
        (ViewState(as_of=day("2021-01-01")), "  \n ", "Write a caption first"),
        (ViewState(as_of=day("1950-01-01"), focus=("AAA",)), "Nothing yet.", "shows no tie"),
        (ViewState(as_of=None), "Any day.", "Choose a date"),
        (ViewState(as_of=day("2021-01-01")), "x" * 2001, "at most 2000 characters"),
    ],
)
def test_step_from_view_refuses(tiny, state, caption, message):
    with pytest.raises(UsageError, match=message):
        step_from_view(tiny, state, caption=caption)


def test_step_caption_is_one_line(draft):
    assert draft.steps[2].caption == "Members of the Alliance."


def test_draft_moves_deletes_and_recaptions(draft):
    captions = [s.caption for s in draft.steps]
    assert [s.caption for s in draft.moved(0, 1).steps] == [captions[1], captions[0], captions[2]]
    assert [s.caption for s in draft.moved(0, -1).steps] == captions  # the first cannot go up
    assert [s.caption for s in draft.moved(2, 1).steps] == captions  # the last cannot go down
    assert [s.caption for s in draft.without(1).steps] == [captions[0], captions[2]]
    changed = draft.recaptioned(1, " New\ncaption ")
    assert changed.steps[1].caption == "New caption" and changed.steps[1].sources == draft.steps[1].sources
    with pytest.raises(UsageError):
        draft.recaptioned(1, "")


def test_draft_holds_at_most_max_steps(draft):
    full = Draft(steps=(draft.steps[0],) * MAX_STEPS)
    with pytest.raises(UsageError, match=f"at most {MAX_STEPS} steps"):
        full.added(draft.steps[1])


def test_to_toml_round_trip_equals_the_input(tiny, draft):
    text = to_toml(draft)
    (story,) = from_toml(text.encode(), name="mine.toml", **check(tiny))
    assert draft_of(story) == draft
    assert story.id == "carpania-s-war" and story.steps[1].caption == " ".join(HOSTILE.split())


def test_to_toml_round_trips_every_shipped_story(world):
    for shipped in load_stories(**check(world)):
        draft = draft_of(shipped)
        (back,) = from_toml(to_toml(draft).encode(), name="s.toml", **check(world))
        assert draft_of(back) == draft, shipped.id


def test_from_toml_names_the_line_of_each_problem_and_loads_nothing(tiny, draft):
    lines = to_toml(draft).splitlines()
    focus = lines.index('focus = ["AAA"]')
    lines[focus] = 'focus = ["ZZZ"]'
    depth = lines.index("depth = 2")
    lines[depth] = "depth = 7"
    with pytest.raises(DataError) as caught:
        from_toml("\n".join(lines).encode(), name="mine.toml", **check(tiny))
    found = [str(p) for p in caught.value.problems]
    assert found == [
        f"mine.toml:{focus + 1}: story carpania-s-war step 2: focus: got ['ZZZ'], expected a list of actor ids "
        "from actors.csv",
        f"mine.toml:{depth + 1}: story carpania-s-war step 3: depth: got 7, expected 1, 2 or 3",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'[[story]]\nid = "x"\ntitle = "unclosed\n', "mine.toml:3: column 18: is not valid TOML (Illegal character"),
        (b"# nothing here\n", "mine.toml: has no [[story]]"),
        (b"\xff\xfe", "mine.toml: is not UTF-8 text"),
        (
            b'[[story]]\nid = "x"\ntitle = "X"\n[[story.step]]\nas_of = "2021"\ncaption = "C"\ntypes = 3\n'
            b'sources = ["https://example.org/bc-war"]\n',
            "mine.toml:7: story x step 1: types: got 3, expected some of",
        ),
    ],
)
def test_from_toml_refuses_what_is_not_a_stories_file(tiny, text, message):
    with pytest.raises(DataError) as caught:
        from_toml(text, name="mine.toml", **check(tiny))
    assert str(caught.value).startswith(message)


def test_link_round_trip_equals_the_input(tiny, draft):
    value = to_link(draft)
    assert len(value) < 1000 and value.isascii()
    assert from_link(value, **check(tiny)) == draft


def test_link_of_a_shipped_story_round_trips(world):
    story = next(s for s in load_stories(**check(world)) if s.id == "russia-iran-north-korea")
    draft = draft_of(story)
    assert from_link(to_link(draft), **check(world)) == draft


def test_to_link_refuses_a_story_too_long_for_a_link(draft):
    noise = random.Random(1)
    captions = ("".join(noise.choices(string.ascii_letters, k=400)) for _ in range(MAX_STEPS))
    big = Draft("Long", steps=tuple(Step(draft.steps[0].state, c, draft.steps[0].sources) for c in captions))
    with pytest.raises(UsageError, match="too long for a link — download the file instead"):
        to_link(big)
    assert TOO_LONG.endswith("download the file instead.")


def pack(obj) -> str:
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(obj).encode(), 9)).decode().rstrip("=")


GOOD = {"v": 1, "title": "T", "step": [{"as_of": "2021", "caption": "C", "sources": ["https://example.org/bc-war"]}]}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "garbled"),
        ("<script>alert(1)</script>", "garbled"),
        ("abc=", "garbled"),
        ("A" * (MAX_LINK + 1), "too long"),
        (base64.urlsafe_b64encode(b"not zlib at all").decode(), "garbled"),
        (pack("just a string"), "garbled"),
        (pack(GOOD)[:-6], "garbled"),  # cut short
        (pack({**GOOD, "v": 2}), "garbled"),
        (pack({**GOOD, "owner": "x"}), "garbled"),
        (pack({**GOOD, "step": GOOD["step"] * (MAX_STEPS + 1)}), f"more than {MAX_STEPS} steps"),
        (pack({**GOOD, "step": [{**GOOD["step"][0], "focus": ["ZZZ"]}]}), "focus: got ['ZZZ']"),
        (pack({**GOOD, "step": [{**GOOD["step"][0], "sources": ["javascript:alert(1)"]}]}), "sources: expected"),
        (pack({**GOOD, "title": ["x"]}), "title: expected"),
        (pack({**GOOD, "title": "\ud800"}), "garbled"),
        # A bomb: 4 MB packed into 5 kB, refused after 64 kB unpacked (else: "summary: expected …").
        (pack({**GOOD, "summary": " " * 4_000_000}), "garbled"),
    ],
)
def test_from_link_refuses_a_bad_link_with_a_sentence(tiny, value, message):
    with pytest.raises(UsageError) as caught:
        from_link(value, **check(tiny))
    assert message in str(caught.value)


def test_from_link_reads_a_good_link(tiny):
    draft = from_link(pack(GOOD), **check(tiny))
    assert draft.title == "T" and draft.steps[0].state.as_of == day("2021-12-31")


def test_balancer_takes_the_longest_address_of_a_made_story(tmp_path):
    """deploy/haproxy.cfg keeps a request's line and headers within one 16 kB buffer (less
    1 kB kept for rewriting): the longest `made` link, with every view setting and a
    browser's headers, must pass it. A limit above what it takes fails here."""
    import http.server
    import os
    import subprocess
    import threading
    import urllib.request
    from urllib.parse import urlencode

    from graph.district import CONFIG, answers, free_port, haproxy, wait_for
    from graph.links import Link, to_params
    from graph.state import STORY_START

    class Echo(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = str(len(self.path)).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    replica = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=replica.serve_forever, daemon=True).start()
    front = free_port()
    env = dict(os.environ, FRONT=f"127.0.0.1:{front}", STATS=f"127.0.0.1:{free_port()}")
    env.update({f"REPLICA_{i}": f"127.0.0.1:{replica.server_port}" for i in (1, 2, 3)})
    balancer = subprocess.Popen([haproxy(), "-db", "-f", str(CONFIG)], env=env, stdout=(tmp_path / "log").open("w"))
    try:
        wait_for(lambda: answers(f"http://127.0.0.1:{front}/"), "the balancer up", timeout=20)
        view = replace(STORY_START, members=("NATO", "EU", "CSTO"), minor=True)
        link = Link(view, story="~made", step=MAX_STEPS, present=True)
        path = f"/?{urlencode(to_params(link))}&made={'A' * MAX_LINK}"
        headers = {"User-Agent": "Mozilla/5.0 " + "x" * 300, "Accept-Language": "en-GB,en;q=0.9", "Cookie": "c" * 1200}
        request = urllib.request.Request(f"http://127.0.0.1:{front}{path}", headers=headers)
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert reply.status == 200 and int(reply.read()) == len(path)
        assert len(path) + sum(len(k) + len(v) for k, v in headers.items()) > MAX_LINK + 1_500
    finally:
        balancer.terminate()
        balancer.wait(timeout=10)
        replica.shutdown()


TOML_PIECES = st.sampled_from(
    [
        "[[story]]\n",
        "[[story.step]]\n",
        'id = "x"\n',
        'title = "T"\n',
        'as_of = "2021"\n',
        'caption = "C"\n',
        'sources = ["https://example.org/bc-war"]\n',
        "types = 3\n",
        "focus = [1, 2]\n",
        'layout = ["geo"]\n',
        "depth = true\n",
        "step = 5\n",
        "story = 1\n",
        'among = "yes"\n',
        "highlight = [[]]\n",
        "[story]\n",
        '"\n',
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TOML_PIECES, max_size=12))
def test_any_stories_file_reads_whole_or_gives_problems(pieces):
    try:
        from_toml("".join(pieces).encode(), name="any.toml", actors={"AAA"}, ties={"bc-war"})
    except DataError as exc:
        assert exc.problems and all(p.file == "any.toml" for p in exc.problems)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        st.builds(
            pack,
            st.recursive(
                st.none() | st.text(max_size=5),
                lambda c: (
                    st.lists(c, max_size=3)
                    | st.dictionaries(
                        st.sampled_from(["v", "title", "step", "caption", "as_of", "sources"]), c, max_size=4
                    )
                ),
            ),
        ),
    )
)
def test_any_made_link_opens_or_gives_a_sentence(value):
    try:
        from_link(value, actors={"AAA"}, ties={"bc-war"})
    except UsageError as exc:
        assert str(exc).startswith("The story in this link")
