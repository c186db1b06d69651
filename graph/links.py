"""Shareable links: every view state in the URL query string, and back.

Names: as_of (YYYY-MM-DD), types and status (comma-separated), focus (actor ids,
comma-separated), depth, among (1), layout (force | geo), members, as (the actor id whose
claims the map shows: "Who says so?"), story and step, present (1). Values that are
unknown or hostile fall back to the default, with a notice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from typing import Any

from . import vocab
from .layout import LAYOUTS
from .state import STORY_START, VIEW_KEYS, ViewState

MAX_LENGTH = 400
# Every value is matched whole (fullmatch) and in ASCII: "²" is a digit to str.isdigit, and
# "$" lets a trailing newline through.
ID = re.compile(r"[A-Z][A-Z0-9]{1,9}", re.ASCII)
DIGITS = re.compile(r"[0-9]{1,3}", re.ASCII)
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


@dataclass(frozen=True)
class Link:
    """Everything a link can carry."""

    state: ViewState = STORY_START
    story: str | None = None
    step: int = 1
    present: bool = False
    notices: tuple[str, ...] = field(default=(), compare=False)


def _one(value) -> str:
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    return str(value)[:MAX_LENGTH]


def _show(text: str) -> str:
    """A rejected value, shortened and stripped of anything but plain characters."""
    return repr(re.sub(r"[^\w .,:-]", "?", text)[:40])


def parse_link(
    params: Mapping[str, object],
    *,
    actors: set[str],
    stories: Mapping[str, int],
    first_day: dt.date,
    last_day: dt.date,
    voices: set[str] | None = None,
) -> Link:
    """Read query parameters into a Link; bad values fall back to defaults with a notice.

    `stories` maps story ids to their number of steps; `voices` are the actors that claim or
    deny a tie (`lens.voices`), the only ones `as` may name (default: every actor).
    """
    state, notices = STORY_START, []
    values = {k: _one(v) for k, v in params.items()}
    known = VIEW_KEYS | {"story", "step", "present"}
    for name in sorted(set(values) - known):
        notices.append(f"Ignored the unknown link setting {_show(name)}.")
    if "as_of" in values:
        try:
            if not DAY.fullmatch(values["as_of"]):
                raise ValueError
            day = dt.date.fromisoformat(values["as_of"])
            if not first_day <= day <= last_day:
                raise ValueError
            state = replace(state, as_of=day)
        except ValueError:
            notices.append(
                f"The date {_show(values['as_of'])} is not a day from {first_day} to {last_day}; showing {state.as_of}."
            )
    for name, allowed, attr in (("types", vocab.TIE_TYPES, "types"), ("status", vocab.STATUSES, "statuses")):
        if name in values:
            items = list(dict.fromkeys(x for x in values[name].split(",") if x))
            good = tuple(x for x in items if x in allowed)
            if len(good) != len(items):
                notices.append(
                    f"Ignored unknown {name} in the link: {', '.join(_show(x) for x in items if x not in allowed)}."
                )
            state = _with(state, attr, good)
    for name in ("focus", "members"):
        if name in values:
            items = list(dict.fromkeys(x for x in values[name].split(",") if x))
            good = tuple(x for x in items if ID.fullmatch(x) and x in actors)
            if len(good) != len(items):
                notices.append(
                    f"Ignored unknown countries in the link: {', '.join(_show(x) for x in items if x not in good)}."
                )
            state = _with(state, name, good)
    if "focus" in values and "among" not in values:
        state = replace(state, among=False)
    if "among" in values:
        state = replace(state, among=values["among"] == "1")
    if "minor" in values:
        state = replace(state, minor=values["minor"] == "1")
    if "as" in values:
        heard = actors if voices is None else voices
        if ID.fullmatch(values["as"]) and values["as"] in heard:
            state = replace(state, voice=values["as"])
        else:
            notices.append(f"Nobody with the id {_show(values['as'])} claims or denies a tie; showing every claim.")
    if "depth" in values:
        if values["depth"] in ("1", "2", "3"):  # exactly these: never "²" or " 1"
            state = replace(state, depth=int(values["depth"]))
        else:
            notices.append(f"The depth {_show(values['depth'])} must be 1, 2 or 3; showing 1.")
    if "layout" in values:
        if values["layout"] in LAYOUTS:
            state = replace(state, layout=values["layout"])
        else:
            notices.append(f"The layout {_show(values['layout'])} must be force or geo; showing force.")
    story, step = None, 1
    if "story" in values:
        if values["story"] in stories:
            story = values["story"]
            raw = values.get("step", "1")
            if DIGITS.fullmatch(raw) and 1 <= int(raw) <= stories[story]:
                step = int(raw)
            elif "step" in values:
                notices.append(f"The story has steps 1 to {stories[story]}; showing step 1.")
        else:
            notices.append(f"There is no story {_show(values['story'])}.")
    present = values.get("present") == "1"
    return Link(state, story, step, present, tuple(notices))


def to_params(link: Link) -> dict[str, str]:
    """The query parameters that bring back `link` exactly."""
    s = link.state
    params = {
        "as_of": s.as_of.isoformat() if s.as_of else "",
        "types": ",".join(s.types),
        "status": ",".join(s.statuses),
        "focus": ",".join(s.focus),
        "depth": str(s.depth),
        "among": "1" if s.among else "0",
        "layout": s.layout,
    }
    if s.members:
        params["members"] = ",".join(s.members)
    if s.minor:
        params["minor"] = "1"
    if s.voice:
        params["as"] = s.voice
    if link.story:
        params.update(story=link.story, step=str(link.step))
    if link.present:
        params["present"] = "1"
    return {k: v for k, v in params.items() if v != "" or k in ("types", "status", "focus")}


def _with(state: ViewState, name: str, value: tuple[str, ...]) -> ViewState:
    """`state` with one of its tuple fields (types, statuses, focus, members) replaced."""
    changes: dict[str, Any] = {name: value}
    return replace(state, **changes)


def keep_valid(
    session: MutableMapping[str, Any],
    *,
    actors: set[str],
    stories: Mapping[str, int],
    first_day: dt.date,
    last_day: dt.date,
) -> None:
    """Drop or clamp every remembered view value that the data shown cannot show.

    The data may change under a user's session (an upload, or back to the shipped data):
    the date is brought within the data, unknown countries and stories are forgotten, and
    the step is kept within its story (a story being made may lose steps).

    >>> s = {"as_of": dt.date(2099, 1, 1), "focus": ["RUS", "XXX"], "story": "gone", "profile_actor": "XXX"}
    >>> keep_valid(s, actors={"RUS"}, stories={}, first_day=dt.date(1945, 1, 1), last_day=dt.date(2025, 6, 1))
    >>> s
    {'as_of': datetime.date(2025, 6, 1), 'focus': ['RUS'], 'story': None, 'members': []}
    """
    if isinstance(session.get("as_of"), dt.date):
        session["as_of"] = min(max(session["as_of"], first_day), last_day)
    for key in ("focus", "members"):
        session[key] = [n for n in session.get(key, []) if n in actors]
    if session.get("voice") and session["voice"] not in actors:
        session["voice"] = None
    if session.get("story") not in stories:
        session["story"] = None
    elif session.get("step", 1) > stories[session["story"]]:  # a story made in the app lost a step
        session["step"] = stories[session["story"]]
    if "profile_actor" in session and session["profile_actor"] not in actors:
        del session["profile_actor"]


def navigated(params: Mapping[str, object], written: Mapping[str, str] | None) -> bool:
    """Whether the address is not the one the app last wrote: the browser's Back or Forward
    (or a first visit) brought another view, which the app must show.

    >>> navigated({"as_of": "2020-01-01"}, {"as_of": "2020-01-01"})
    False
    >>> navigated({"as_of": "2019-01-01"}, {"as_of": "2020-01-01"})
    True
    """
    return written is None or {k: _one(v) for k, v in params.items()} != dict(written)
