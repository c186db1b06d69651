"""Time that plays: the days of a play, what began and ended between two frames, and a
picture that holds still (worked out by hand on the tiny data: tests/conftest.py)."""

import datetime as dt
import json

import pytest

from graph import frames
from graph.view import Drawing, ViewState, drawn_on, make_view, play_extent

D = dt.date


@pytest.mark.parametrize(
    ("first", "last", "step", "expected"),
    [
        (D(2020, 3, 1), D(2022, 3, 1), "year", [D(2020, 3, 1), D(2021, 3, 1), D(2022, 3, 1)]),
        (D(2020, 3, 1), D(2021, 9, 1), "year", [D(2020, 3, 1), D(2021, 3, 1), D(2021, 9, 1)]),
        (
            D(2024, 1, 31),
            D(2024, 4, 30),
            "month",
            [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 29), D(2024, 4, 29), D(2024, 4, 30)],
        ),
        (D(2024, 5, 1), D(2024, 5, 1), "month", [D(2024, 5, 1)]),
    ],
)
def test_frame_days_step_by_year_or_month_and_end_on_the_last_day(first, last, step, expected):
    assert frames.frame_days(first, last, step) == expected


def test_frame_days_are_capped():
    assert len(frames.frame_days(D(1800, 1, 1), D(9000, 1, 1), "month")) == frames.MAX_FRAMES


def test_later_rejects_an_unknown_step():
    with pytest.raises(ValueError, match="expected one of year, month"):
        frames.later(D(2020, 1, 1), "week")


@pytest.mark.parametrize(
    ("before", "after", "begun", "ended"),
    [
        # 2009 → 2010: Avalon's aircraft to Borduria begin (dated only "2010": it holds from 1 January).
        (D(2009, 6, 1), D(2010, 6, 1), {"ab-arms-2010"}, set()),
        # 2015 → 2016: the aircraft end ("2015" runs to 31 December).
        (D(2015, 6, 1), D(2016, 6, 1), set(), {"ab-arms-2010"}),
        # 2021-06-14 → 2021-06-15: the sanctions begin on the day.
        (D(2021, 6, 14), D(2021, 6, 15), {"ca-sanctions-2021"}, set()),
        (D(2021, 6, 15), D(2021, 6, 15), set(), set()),
        # 1984 → 1986: the Dunland–Estoria treaty ends; Dunland itself goes on until 1990.
        (D(1984, 6, 1), D(1986, 6, 1), set(), {"de-treaty-1970"}),
    ],
)
def test_change_between_two_frames(tiny, before, after, begun, ended):
    state = ViewState(as_of=after)
    found = frames.change(drawn_on(tiny, state, before), drawn_on(tiny, state, after))
    assert (set(found.begun), set(found.ended)) == (begun, ended)


def test_change_counts_membership_links(tiny):
    state = ViewState(as_of=D(2004, 6, 1), members=("ALL",))
    found = frames.change(drawn_on(tiny, state, D(2003, 6, 1)), drawn_on(tiny, state, D(2004, 6, 1)))
    assert found.begun == {"member-BBB-ALL-2004-03-29"} and not found.ended


def edges_of(view):
    return {e["id"]: e for e in json.loads(view.data)["edges"]}


def test_a_frame_marks_what_began_and_shows_what_ended_pale_for_that_frame(tiny):
    state = ViewState(as_of=D(2016, 6, 1))
    frame = make_view(tiny, {}, state, Drawing(since=D(2015, 6, 1)))
    ended = edges_of(frame)["ab-arms-2010"]
    assert ended["note"] == "ended" and ended["alpha"] <= 0.25
    assert "Avalon aircraft to Borduria" not in set(frame.table["title"])  # the table lists what holds
    # The frame after: it is gone.
    assert "ab-arms-2010" not in edges_of(make_view(tiny, {}, state, Drawing(since=D(2016, 1, 1))))
    frame = make_view(tiny, {}, ViewState(as_of=D(2021, 6, 15)), Drawing(since=D(2021, 6, 14)))
    new, old = edges_of(frame)["ca-sanctions-2021"], edges_of(frame)["bc-conflict-2020"]
    assert new["wide"] is True and new["note"] == "new"
    assert "wide" not in old and "alpha" not in old  # the rest is drawn as it is, not dimmed


def test_a_frame_without_since_marks_nothing(tiny):
    edges = edges_of(make_view(tiny, {}, ViewState(as_of=D(2021, 6, 15))))
    assert not any(e.get("note") in ("new", "ended") or e.get("wide") for e in edges.values())


def test_play_extent_covers_every_actor_of_every_frame(tiny):
    positions = {n: (float(i), float(-i)) for i, n in enumerate(sorted(tiny))}
    state = ViewState(focus=("DDD",))
    days = frames.frame_days(D(1970, 6, 1), D(1990, 6, 1), "year")
    box = play_extent(tiny, positions, state, days)
    seen = {n for day in days for n in drawn_on(tiny, state, day)}
    assert seen == {"DDD", "EEE"}
    assert box == (
        min(positions[n][0] for n in seen),
        min(positions[n][1] for n in seen),
        max(positions[n][0] for n in seen),
        max(positions[n][1] for n in seen),
    )
    data = json.loads(make_view(tiny, positions, ViewState(as_of=D(1980, 1, 1)), Drawing(extent=box)).data)
    assert data["extent"] == list(box)


def test_a_playing_frame_asks_for_the_next_after_its_time(tiny):
    data = json.loads(make_view(tiny, {}, ViewState(as_of=D(2021, 6, 15)), Drawing(tick=0.5)).data)
    assert data["tick"] == {"after": 0.5, "day": "2021-06-15"}
    assert json.loads(make_view(tiny, {}, ViewState(as_of=D(2021, 6, 15))).data)["tick"] is None
