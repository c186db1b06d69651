"""Guided stories: a title and steps, each a view plus a caption with its sources.

Stories are data, in `data/stories.toml`, so that a teacher can write one without touching
code (or make one in the app: `builder`). Each `[[story]]` has `id`, `title`, an optional
`summary`, and `[[story.step]]` tables with the view (`as_of`, `types`, `status`, `focus`,
`depth`, `among`, `layout`, `members`, `minor`, `as`, `blocs`), a `caption` of a few sentences,
`sources` (http(s) addresses) and, if the caption is about particular ties, `highlight`:
their ids in relations.csv (or membership links, `member-FIN-NATO-2023-04-04`), which the
map brings forward while it fades the rest. A step may also set the window of a play
through time: `play_until` (a date after `as_of`) and `play_by` ("year" or "month"); ▶
then plays from the step's date to that one.

Every file, upload or link is checked by `check_stories`: each problem names its line
where the text is known, and a story with any problem is not loaded at all.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import vocab
from .dates import parse_as_of
from .errors import DataError, Problem
from .frames import STEPS
from .layout import LAYOUTS
from .load import DEFAULT_DATA_DIR, URL
from .state import VIEW_KEYS, ViewState

FILE = "stories.toml"
STORY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
STORY_KEYS = {"id", "title", "summary", "step"}
STEP_KEYS = VIEW_KEYS | {
    "blocs",
    "caption",
    "sources",
    "highlight",
    "play_until",
    "play_by",
}
MAX_TITLE = 200  # characters
MAX_CAPTION = 2000  # characters, as a cell of the data


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
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    return read_stories(data, name=path.name, actors=actors, ties=ties)


def read_stories(data: bytes, *, name: str, actors: set[str], ties: set[str] | None = None) -> list[Story]:
    """Check the text of a stories file (named `name` in the problems) and read it.

    >>> read_stories(b'[[story]]\\nid = "x"\\ntitle = "X"', name="mine.toml", actors=set())
    Traceback (most recent call last):
    graph.errors.DataError: mine.toml:1: story x: has no [[story.step]]
    """
    try:
        text = data.decode("utf-8")
        raw = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise DataError([Problem(name, 0, "", f"is not UTF-8 text (byte {exc.start + 1})")]) from None
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11 puts the place in the message only: "Unclosed array (at line 3, column 9)".
        place = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        line, column = (int(place[1]), int(place[2])) if place else (0, 0)
        at = f"column {column}: " if column else ""
        raise DataError([Problem(name, line, "", f"{at}is not valid TOML ({reason})")]) from None
    return check_stories(raw, name=name, actors=actors, ties=ties, lines=_lines(text))


def _lines(text: str) -> Callable[[int, int, str], int]:
    """Where each key of each story (step 0) and step is written: (story, step, key) → line.

    Found by reading the table headers and `key =` lines, as a person would; a key written
    otherwise (an inline table) is placed at its table's header."""
    found: dict[tuple[int, int, str], int] = {}
    story = step = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"\s*\[\[\s*story\s*\]\]", line):
            story, step = story + 1, 0
            found[story, 0, ""] = number
        elif re.match(r"\s*\[\[\s*story\s*\.\s*step\s*\]\]", line):
            step += 1
            found[story, step, ""] = number
        elif key := re.match(r"\s*([A-Za-z0-9_-]+)\s*=", line):
            found.setdefault((story, step, key[1]), number)
    return lambda i, j, key: found.get((i, j, key)) or found.get((i, j, "")) or found.get((i, 0, ""), 0)


def _strings(value: object) -> list[str] | None:
    """`value` if it is a list of strings, else None."""
    return value if isinstance(value, list) and all(isinstance(v, str) for v in value) else None


def check_stories(
    raw: dict,
    *,
    name: str,
    actors: set[str],
    ties: set[str] | None = None,
    lines: Callable[[int, int, str], int] | None = None,
) -> list[Story]:
    """The stories of `raw` (a stories file as read by tomllib); raise DataError listing every
    problem, each at its line as `lines(story, step, key)` tells (0 if unknown)."""
    where_is = lines or (lambda i, j, key: 0)
    problems: list[Problem] = []
    items = raw.get("story", [])
    extra = sorted(set(raw) - {"story"})
    if extra:
        problems.append(Problem(name, 0, "", f"unknown key(s) {', '.join(extra)} (expected [[story]] tables)"))
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        problems.append(Problem(name, 0, "", "story: expected [[story]] tables"))
        items = []
    stories = []
    seen: set[str] = set()
    for i, item in enumerate(items, start=1):
        where = f"story {str(item.get('id', i))[:60]}"

        def fail(key: str, message: str, i: int = i, where: str = where) -> None:
            problems.append(Problem(name, where_is(i, 0, key), "", f"{where}: {key + ': ' if key else ''}{message}"))

        sid = item.get("id", "")
        if not isinstance(sid, str) or not STORY_ID.match(sid):
            fail("id", f"got {sid!r}, expected a lowercase slug such as nato-12-to-32")
        elif sid in seen:
            fail("id", f"got {sid!r} again (expected a unique id)")
        seen.add(str(sid))
        unknown = sorted(set(item) - STORY_KEYS)
        if unknown:
            fail("", f"unknown key(s) {', '.join(unknown)} (expected some of: {', '.join(sorted(STORY_KEYS))})")
        title, summary = item.get("title", ""), item.get("summary", "")
        if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
            fail("title", f"expected a title of 1 to {MAX_TITLE} characters")
        if not isinstance(summary, str) or len(summary) > MAX_CAPTION:
            fail("summary", f"expected text of at most {MAX_CAPTION} characters")
        raw_steps = item.get("step", [])
        if not isinstance(raw_steps, list) or not raw_steps:
            fail("", "has no [[story.step]]")
            raw_steps = []
        steps = []
        for j, step in enumerate(raw_steps, start=1):

            def fail_step(key: str, message: str, i: int = i, j: int = j, where: str = where) -> None:
                problems.append(Problem(name, where_is(i, j, key), "", f"{where} step {j}: {key}: {message}"))

            parsed = _step(step, actors, ties, fail_step) if isinstance(step, dict) else None
            if not isinstance(step, dict):
                fail_step("step", "expected a [[story.step]] table")
            if parsed:
                steps.append(parsed)
        stories.append(Story(str(sid), str(title), str(summary), tuple(steps)))
    if problems:
        raise DataError(problems)
    return stories


def _step(step: dict, actors: set[str], ties: set[str] | None, fail: Callable[[str, str], None]) -> Step | None:
    ok = True

    def check(condition: bool, key: str, message: str) -> None:
        nonlocal ok
        if not condition:
            fail(key, message)
            ok = False

    unknown = set(step) - STEP_KEYS
    allowed = ", ".join(sorted(STEP_KEYS))
    if unknown:
        key = sorted(unknown)[0]
        check(False, key, f"unknown key(s) {', '.join(sorted(unknown))} (expected some of: {allowed})")
    as_of: dt.date | None = None
    try:
        as_of = parse_as_of(str(step.get("as_of", "")))
    except ValueError as exc:
        check(False, "as_of", str(exc))
    lists = {}
    for key, allowed_values, default in (
        ("types", vocab.TIE_TYPES, list(vocab.TIE_TYPES)),
        ("status", vocab.STATUSES, list(vocab.STATUSES)),
    ):
        values = _strings(step.get(key, default))
        check(
            values is not None and set(values) <= set(allowed_values),
            key,
            f"got {step.get(key)!r}, expected some of: {', '.join(allowed_values)}",
        )
        lists[key] = tuple(values or ())
    for key in ("focus", "members"):
        values = _strings(step.get(key, []))
        missing = [a for a in values if a not in actors] if values is not None else step.get(key)
        check(not missing, key, f"got {missing!r}, expected a list of actor ids from actors.csv")
        lists[key] = tuple(values or ())
    highlight = _strings(step.get("highlight", []))
    check(highlight is not None, "highlight", f"got {step.get('highlight')!r}, expected a list of tie ids")
    if highlight is not None and ties is not None:
        missing = [t for t in highlight if t not in ties]
        expected = "expected tie ids from relations.csv or membership links such as member-FIN-NATO-2023-04-04"
        check(not missing, "highlight", f"got {missing}, {expected}")
    depth = step.get("depth", 1)
    check(type(depth) is int and 1 <= depth <= 3, "depth", f"got {depth!r}, expected 1, 2 or 3")
    layout = step.get("layout", "force")
    check(isinstance(layout, str) and layout in LAYOUTS, "layout", f"got {layout!r}, expected force or geo")
    for key in ("among", "minor", "blocs"):
        check(isinstance(step.get(key, False), bool), key, f"got {step.get(key)!r}, expected true or false")
    voice = step.get("as", "")
    check(voice == "" or voice in actors, "as", f"got {voice!r}, expected the actor id whose claims the map shows")
    caption = step.get("caption", "")
    check(isinstance(caption, str) and bool(caption.strip()), "caption", "required value is empty")
    check(len(str(caption)) <= MAX_CAPTION, "caption", f"expected at most {MAX_CAPTION} characters")
    play_until: dt.date | None = None
    if "play_until" in step:
        try:
            play_until = parse_as_of(str(step["play_until"]))
        except ValueError as exc:
            check(False, "play_until", str(exc))
        else:
            check(as_of is None or play_until > as_of, "play_until", f"got {play_until}, expected a day after as_of")
    play_by = step.get("play_by", "year")
    check(play_by in STEPS, "play_by", f"got {play_by!r}, expected one of {', '.join(STEPS)}")
    sources = _strings(step.get("sources", []))
    check(
        sources is not None and len(sources) > 0 and all(URL.match(s) for s in sources),
        "sources",
        "expected one or more http(s) addresses",
    )
    if not ok:
        return None
    state = ViewState(
        as_of=as_of,
        types=lists["types"],
        statuses=lists["status"],
        focus=lists["focus"],
        depth=depth,
        among=step.get("among", False),
        layout=layout,
        members=lists["members"],
        minor=step.get("minor", False),
        voice=voice,
    )
    return Step(
        state,
        " ".join(caption.split()),
        tuple(sources or ()),
        step.get("blocs", False),
        frozenset(highlight or ()),
        play_until,
        play_by,
    )
