import datetime as dt
from dataclasses import replace

import pytest

from graph.links import Link, parse_link, to_params
from graph.view import STORY_START, ViewState

ACTORS = {"RUS", "IRN", "PRK", "UKR", "NATO"}
KW = dict(actors=ACTORS, stories={"nato-12-to-32": 6}, first_day=dt.date(1945, 1, 1), last_day=dt.date(2025, 11, 18))


def test_parse_link_without_parameters_is_the_story_start():
    link = parse_link({}, **KW)
    assert link.state == STORY_START and link.notices == () and not link.present


@pytest.mark.parametrize(
    "link",
    [
        Link(
            ViewState(as_of=dt.date(1962, 10, 16), types=("treaty",), statuses=("confirmed",), focus=("RUS",), depth=2)
        ),
        Link(ViewState(as_of=dt.date(2024, 3, 7), focus=("NATO", "RUS"), among=True, layout="geo", members=("NATO",))),
        Link(ViewState(as_of=dt.date(2000, 1, 1), types=(), statuses=(), focus=()), story="nato-12-to-32", step=4),
        Link(replace(STORY_START, focus=()), present=True),
    ],
)
def test_links_round_trip(link):
    back = parse_link(to_params(link), **KW)
    assert back == link and back.notices == ()


@pytest.mark.parametrize(
    ("params", "field", "expected", "notice"),
    [
        ({"as_of": "99999-01-01"}, "as_of", STORY_START.as_of, "is not a day"),
        ({"as_of": "1900-01-01"}, "as_of", STORY_START.as_of, "is not a day"),
        ({"depth": "1000000"}, "depth", 1, "must be 1, 2 or 3"),
        ({"layout": "<script>"}, "layout", "force", "must be force or geo"),
        ({"types": "treaty,nuclear"}, "types", ("treaty",), "unknown types"),
        ({"focus": "RUS,<img src=x onerror=alert(1)>"}, "focus", ("RUS",), "unknown countries"),
        ({"story": "no-such"}, "story", None, "no story"),
        ({"story": "nato-12-to-32", "step": "99"}, "step", 1, "steps 1 to 6"),
        ({"colour": "red"}, "present", False, "unknown link setting"),
    ],
)
def test_parse_link_falls_back_with_a_notice(params, field, expected, notice):
    link = parse_link(params, **KW)
    value = getattr(link.state, field) if hasattr(link.state, field) else getattr(link, field)
    assert value == expected
    assert any(notice in n for n in link.notices)
    assert all("<" not in n and ">" not in n for n in link.notices)


def test_parse_link_takes_the_last_of_repeated_values_and_caps_length():
    link = parse_link({"depth": ["3", "2"], "focus": "RUS," * 500}, **KW)
    assert link.state.depth == 2 and link.state.focus == ("RUS",) * 100
