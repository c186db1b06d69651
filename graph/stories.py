"""Guided stories: a title and steps, each a view plus a caption with its sources.

Stories are data, in `data/stories.toml`, so that a teacher can write one without touching
code. Each `[[story]]` has `id`, `title`, an optional `summary`, and `[[story.step]]`
tables with the view (`as_of`, `types`, `status`, `focus`, `depth`, `among`, `layout`,
`members`, `blocs`), a `caption` of a few sentences, `sources` (http(s) addresses) and,
if the caption is about particular ties, `highlight`: their ids in relations.csv (or
membership links, `member-FIN-NATO-2023-04-04`), which the map brings forward while it
fades the rest. A step may also set the window of a play through time: `play_until`
(a date after `as_of`) and `play_by` ("year" or "month"); ▶ then plays from the step's
date to that one.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import vocab
from .dates import parse_as_of
from .errors import DataError, Problem
from .frames import STEPS
from .layout import LAYOUTS
from .load import DEFAULT_DATA_DIR, URL
from .view import ViewState

FILE = "stories.toml"
STORY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
STEP_KEYS = {
    "as_of",
    "types",
    "status",
    "focus",
    "depth",
    "among",
    "layout",
    "members",
    "blocs",
    "caption",
    "sources",
    "highlight",
    "play_until",
    "play_by",
}


@dataclass(frozen=True)
class Step:
    state: ViewState
    caption: str
    sources: tuple[str, ...]
    blocs: bool = False
    highlight: frozenset[str] = frozenset()  # ids of the ties the caption is about
    play_until: dt.date | None = None  # the end of the step's play through time
    play_by: str = "year"


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    summary: str
    steps: tuple[Step, ...]


def load_stories(
    path: str | Path = DEFAULT_DATA_DIR / FILE, *, actors: set[str], ties: set[str] | None = None
) -> list[Story]:
    """Read and check the stories file; raise DataError listing every problem.

    `ties` are the ids a step may highlight, ties and membership links
    (`view.highlightable`); none are checked if it is None."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        line = getattr(exc, "lineno", 0) or 0
        raise DataError([Problem(path.name, line, "", f"is not valid TOML ({exc})")]) from None
    problems: list[Problem] = []
    stories = []
    seen: set[str] = set()
    for i, item in enumerate(raw.get("story", []), start=1):
        where = f"story {item.get('id', i)!s}"

        def fail(message: str, where: str = where) -> None:
            problems.append(Problem(path.name, 0, "", f"{where}: {message}"))

        sid = str(item.get("id", ""))
        if not STORY_ID.match(sid):
            fail(f"id: got {sid!r}, expected a lowercase slug such as nato-12-to-32")
        elif sid in seen:
            fail(f"id: got {sid!r} again (expected a unique id)")
        seen.add(sid)
        if not str(item.get("title", "")).strip():
            fail("title: required value is empty")
        steps = []
        for j, step in enumerate(item.get("step", []), start=1):
            parsed = _step(step, actors, ties, lambda m, j=j, where=where: fail(m, f"{where} step {j}"))
            if parsed:
                steps.append(parsed)
        if not item.get("step"):
            fail("has no [[story.step]]")
        stories.append(Story(sid, str(item.get("title", "")), str(item.get("summary", "")), tuple(steps)))
    if problems:
        raise DataError(problems)
    return stories


def _step(step: dict, actors: set[str], ties: set[str] | None, fail) -> Step | None:
    ok = True

    def check(condition: bool, message: str) -> None:
        nonlocal ok
        if not condition:
            fail(message)
            ok = False

    unknown = set(step) - STEP_KEYS
    allowed = ", ".join(sorted(STEP_KEYS))
    check(not unknown, f"unknown key(s) {', '.join(sorted(unknown))} (expected some of: {allowed})")
    as_of: dt.date | None = None
    try:
        as_of = parse_as_of(str(step.get("as_of", "")))
    except ValueError as exc:
        check(False, f"as_of: {exc}")
    types = tuple(step.get("types", list(vocab.TIE_TYPES)))
    kinds = ", ".join(vocab.TIE_TYPES)
    check(set(types) <= set(vocab.TIE_TYPES), f"types: got {list(types)}, expected some of: {kinds}")
    statuses = tuple(step.get("status", list(vocab.STATUSES)))
    check(
        set(statuses) <= set(vocab.STATUSES),
        f"status: got {list(statuses)}, expected some of: {', '.join(vocab.STATUSES)}",
    )
    for key in ("focus", "members"):
        missing = [a for a in step.get(key, []) if a not in actors]
        check(not missing, f"{key}: got {missing}, expected actor ids from actors.csv")
    highlight = step.get("highlight", [])
    check(isinstance(highlight, list), f"highlight: got {highlight!r}, expected a list of tie ids")
    if isinstance(highlight, list) and ties is not None:
        missing = [t for t in highlight if t not in ties]
        expected = "expected tie ids from relations.csv or membership links such as member-FIN-NATO-2023-04-04"
        check(not missing, f"highlight: got {missing}, {expected}")
    depth = step.get("depth", 1)
    check(isinstance(depth, int) and 1 <= depth <= 3, f"depth: got {depth!r}, expected 1, 2 or 3")
    layout = step.get("layout", "force")
    check(layout in LAYOUTS, f"layout: got {layout!r}, expected force or geo")
    caption = str(step.get("caption", "")).strip()
    check(bool(caption), "caption: required value is empty")
    play_until: dt.date | None = None
    if "play_until" in step:
        try:
            play_until = parse_as_of(str(step["play_until"]))
        except ValueError as exc:
            check(False, f"play_until: {exc}")
        else:
            check(as_of is None or play_until > as_of, f"play_until: got {play_until}, expected a day after as_of")
    play_by = step.get("play_by", "year")
    check(play_by in STEPS, f"play_by: got {play_by!r}, expected one of {', '.join(STEPS)}")
    sources = tuple(step.get("sources", []))
    check(bool(sources) and all(URL.match(str(s)) for s in sources), "sources: expected one or more http(s) addresses")
    if not ok:
        return None
    state = ViewState(
        as_of=as_of,
        types=types,
        statuses=statuses,
        focus=tuple(step.get("focus", [])),
        depth=depth,
        among=bool(step.get("among", False)),
        layout=layout,
        members=tuple(step.get("members", [])),
    )
    return Step(
        state,
        " ".join(caption.split()),
        sources,
        bool(step.get("blocs", False)),
        frozenset(map(str, highlight)),
        play_until,
        play_by,
    )
