"""The story builder: a story made in the app, step by step, as a stories file or a link.

A teacher adds the view on screen as a step with a caption; the step cites the sources of
the ties it highlights, or else of the ties around its focus. The story is kept in the
browser session only: it leaves it as a file in the format of `data/stories.toml`, or as
a link that carries the whole story (`?made=`: compact JSON, zlib, base64url), since
nothing is stored on the server. Files and links coming back are checked by
`stories.check_stories`, like the shipped stories.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass, replace

import networkx as nx

from . import vocab
from .errors import DataError, Problem, UsageError
from .stories import MAX_CAPTION, MAX_TITLE, Step, Story, check_stories, read_stories
from .view import ViewState, filtered, highlightable, membership_key

MADE = "~made"  # the story being made, among the stories a session plays; never a file's id
UNTITLED = "My story"
MAX_STEPS = 30
MAX_SOURCES = 8  # cited by one step, when it takes them from the ties around its focus
MAX_LINK = 8000  # characters of a `made` value; the balancer takes 15 KB (deploy/haproxy.cfg)
MAX_UNPACKED = 64_000  # bytes a link may unpack to
LINK_VERSION = 1
TOO_LONG = "This story is too long for a link — download the file instead."
LINK_TEXT = re.compile(r"[A-Za-z0-9_-]+", re.ASCII)


@dataclass(frozen=True)
class Draft:
    """A story being made: its title, summary and steps. Each change makes a new Draft."""

    title: str = ""
    summary: str = ""
    steps: tuple[Step, ...] = ()

    def story(self) -> Story:
        """The draft as a story that plays like a shipped one."""
        title = self.title or UNTITLED
        return Story(slug(title), title, self.summary, self.steps)

    def added(self, step: Step) -> Draft:
        if len(self.steps) >= MAX_STEPS:
            raise UsageError(f"A story holds at most {MAX_STEPS} steps.")
        return replace(self, steps=(*self.steps, step))

    def moved(self, i: int, by: int) -> Draft:
        """Step `i` (from 0) moved `by` places, up (-1) or down (+1), within the story.

        >>> s = [Step(ViewState(), c, ()) for c in "abc"]
        >>> [x.caption for x in Draft(steps=tuple(s)).moved(2, -1).steps]
        ['a', 'c', 'b']
        """
        j = min(max(i + by, 0), len(self.steps) - 1)
        steps = list(self.steps)
        steps.insert(j, steps.pop(i))
        return replace(self, steps=tuple(steps))

    def without(self, i: int) -> Draft:
        return replace(self, steps=self.steps[:i] + self.steps[i + 1 :])

    def recaptioned(self, i: int, caption: str) -> Draft:
        step = replace(self.steps[i], caption=_caption(caption))
        return replace(self, steps=self.steps[:i] + (step,) + self.steps[i + 1 :])

    def retitled(self, title: str, summary: str = "") -> Draft:
        return replace(self, title=one_line(title)[:MAX_TITLE], summary=one_line(summary)[:MAX_CAPTION])


def one_line(text: str) -> str:
    """Text as the stories file keeps it: one line, single spaces."""
    return " ".join(str(text).split())


def _caption(text: str) -> str:
    caption = one_line(text)
    if not caption:
        raise UsageError("Write a caption first: a sentence or two on what this view shows.")
    if len(caption) > MAX_CAPTION:
        raise UsageError(f"A caption holds at most {MAX_CAPTION} characters (this one has {len(caption)}).")
    return caption


def slug(title: str) -> str:
    """A story id made from its title.

    >>> slug("Who arms Ukraine? (2022–25)")
    'who-arms-ukraine-2022-25'
    >>> slug("Россия")
    'my-story'
    """
    bare = "".join(c for c in unicodedata.normalize("NFKD", title) if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", "-", bare.lower(), flags=re.ASCII).strip("-")
    return words[:60].rstrip("-") or slug(UNTITLED)


def sources_of(G: nx.MultiDiGraph, state: ViewState, highlight: frozenset[str]) -> tuple[str, ...]:
    """The pages a step of this view cites: those of the ties it highlights or, when none
    is highlighted, of the ties it shows around its focus (the latest first, at most
    MAX_SOURCES)."""
    if highlight:
        urls = [t["source_url"] for *_, k, t in G.edges(keys=True, data=True) if k in highlight]
        urls += [m["source_url"] for m in G.graph.get("memberships", []) if membership_key(m) in highlight]
        return tuple(dict.fromkeys(sorted(urls)))
    H = filtered(G, state)
    ties = [t for u, v, t in H.edges(data=True) if not state.focus or {u, v} & set(state.focus)]
    ties.sort(key=lambda t: (t["first_day"], t["id"]), reverse=True)
    return tuple(dict.fromkeys(t["source_url"] for t in ties))[:MAX_SOURCES]


def step_from_view(
    G: nx.MultiDiGraph, state: ViewState, *, caption: str, highlight: frozenset[str] = frozenset(), blocs: bool = False
) -> Step:
    """The view on screen as a story step, with its caption and the sources of its ties."""
    if state.as_of is None:
        raise UsageError("Choose a date first: a story step shows the ties of one day.")
    caption = _caption(caption)
    highlight = frozenset(highlight) & highlightable(G)
    sources = sources_of(G, state, highlight)
    if not sources:
        raise UsageError("This view shows no tie, so the step would cite no source. Choose a view with ties.")
    return Step(state, caption, sources, blocs, highlight)


def describe(step: Step, names: dict[str, str]) -> str:
    """A step's view in a line, for the list of steps (`names`: actor id to name).

    >>> import datetime as dt
    >>> s = Step(ViewState(as_of=dt.date(2024, 6, 19), focus=("RUS",), layout="geo"), "c", (), True, frozenset("a"))
    >>> describe(s, {"RUS": "Russia"})
    'as of 2024-06-19 · map · all ties of Russia · coloured by camp · 1 tie highlighted'
    """
    s = step.state
    focus = ", ".join(names.get(f, f) for f in s.focus)
    parts = [
        f"as of {s.as_of}",
        "map" if s.layout == "geo" else "network",
        (f"among {focus}" if s.among else f"all ties of {focus}" + (f", {s.depth} steps" if s.depth > 1 else ""))
        if focus
        else "every tie",
        f"types: {', '.join(vocab.TIE_TYPES[t].label for t in s.types)}" if s.types != tuple(vocab.TIE_TYPES) else "",
        f"only {', '.join(s.statuses)}" if s.statuses != tuple(vocab.STATUSES) else "",
        f"members of {', '.join(names.get(m, m) for m in s.members)}" if s.members else "",
        "smaller arms flows" if s.minor else "",
        "coloured by camp" if step.blocs else "",
        f"{len(step.highlight)} tie{'s' * (len(step.highlight) > 1)} highlighted" if step.highlight else "",
    ]
    return " · ".join(p for p in parts if p)


def _raw(step: Step) -> dict:
    """A step as a stories-file table: its view's settings that are not the defaults."""
    s = step.state
    raw: dict = {"as_of": s.as_of.isoformat()} if s.as_of else {}
    if s.types != tuple(vocab.TIE_TYPES):
        raw["types"] = list(s.types)
    if s.statuses != tuple(vocab.STATUSES):
        raw["status"] = list(s.statuses)
    if s.focus:
        raw["focus"] = list(s.focus)
    if s.among:
        raw["among"] = True
    if s.depth != 1:
        raw["depth"] = s.depth
    if s.layout != "force":
        raw["layout"] = s.layout
    if s.members:
        raw["members"] = list(s.members)
    if s.minor:
        raw["minor"] = True
    if s.voice:
        raw["as"] = s.voice
    if step.blocs:
        raw["blocs"] = True
    if step.play_until:
        raw["play_until"] = step.play_until.isoformat()
    if step.play_by != "year":
        raw["play_by"] = step.play_by
    raw["caption"] = step.caption
    if step.highlight:
        raw["highlight"] = sorted(step.highlight)
    raw["sources"] = list(step.sources)
    return raw


def _toml(value: object) -> str:
    """A value as TOML. Strings as JSON writes them are TOML basic strings, but for DEL.

    >>> _toml(['a "b"', "c\\\\d\\x7f"])
    '["a \\\\"b\\\\"", "c\\\\\\\\d\\\\u007f"]'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def to_toml(draft: Draft) -> str:
    """The draft as a stories file, in the format of `data/stories.toml`."""
    story = draft.story()
    lines = [
        '# A story made in the app "Ties between states". Open it there again ("Make a story"),',
        "# or add it to data/stories.toml and check it with `python -m graph stories`.",
        "",
        "[[story]]",
        f"id = {_toml(story.id)}",
        f"title = {_toml(story.title)}",
    ]
    if story.summary:
        lines.append(f"summary = {_toml(story.summary)}")
    for step in story.steps:
        lines += ["", "[[story.step]]"]
        for key, value in _raw(step).items():
            if key == "sources":
                lines += ["sources = [", *(f"  {_toml(url)}," for url in value), "]"]
            else:
                lines.append(f"{key} = {_toml(value)}")
    return "\n".join(lines) + "\n"


def from_toml(data: bytes, *, name: str, actors: set[str], ties: set[str] | None) -> list[Story]:
    """The stories of an uploaded file, checked like the shipped ones (DataError if any is wrong)."""
    stories = read_stories(data, name=name, actors=actors, ties=ties)
    if not stories:
        raise DataError([Problem(name, 0, "", "has no [[story]]: expected a stories file such as a downloaded one")])
    return stories


def draft_of(story: Story) -> Draft:
    return Draft(story.title, story.summary, story.steps)


def to_link(draft: Draft) -> str:
    """The draft packed into the value of a `made` link parameter (UsageError if too long)."""
    story = draft.story()
    packed = {"v": LINK_VERSION, "title": story.title, "summary": story.summary, "step": list(map(_raw, story.steps))}
    if not story.summary:
        del packed["summary"]
    text = json.dumps(packed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    value = base64.urlsafe_b64encode(zlib.compress(text, 9)).decode("ascii").rstrip("=")
    if len(value) > MAX_LINK or len(story.steps) > MAX_STEPS:
        raise UsageError(TOO_LONG)
    return value


def from_link(value: str, *, actors: set[str], ties: set[str] | None) -> Draft:
    """The story a `made` link carries, checked like a stories file; UsageError with a
    sentence for the reader if the link is too long, garbled or names what is not here."""
    garbled = "The story in this link is garbled (perhaps cut short when it was copied): it cannot be opened."
    if len(value) > MAX_LINK:
        raise UsageError("The story in this link is too long to open (a link holds at most 8,000 characters).")
    if not LINK_TEXT.fullmatch(value):
        raise UsageError(garbled)
    try:
        packed = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        unpack = zlib.decompressobj()
        text = unpack.decompress(packed, MAX_UNPACKED)
        if unpack.unconsumed_tail or not unpack.eof:
            raise ValueError
        raw = json.loads(text.decode("utf-8"))
        json.dumps(raw, ensure_ascii=False).encode("utf-8")  # no lone surrogates ("\ud800")
    except (binascii.Error, zlib.error, ValueError, UnicodeError, RecursionError):
        raise UsageError(garbled) from None
    if not isinstance(raw, dict) or raw.get("v") != LINK_VERSION or not set(raw) <= {"v", "title", "summary", "step"}:
        raise UsageError(garbled)
    if isinstance(raw.get("step"), list) and len(raw["step"]) > MAX_STEPS:
        raise UsageError(f"The story in this link has more than {MAX_STEPS} steps: it cannot be opened.")
    title = raw.get("title")
    story = {"id": slug(title) if isinstance(title, str) else "", **{k: v for k, v in raw.items() if k != "v"}}
    try:
        (found,) = check_stories({"story": [story]}, name="link", actors=actors, ties=ties)
    except DataError as exc:
        listed = "; ".join(p.message[:200] for p in exc.problems[:3])
        raise UsageError(f"The story in this link cannot be opened: {listed}.") from None
    return draft_of(found)
