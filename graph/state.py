"""What the user asked to see: the filters of one view, small enough to key a cache or a link."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import vocab


@dataclass(frozen=True)
class ViewState:
    """What the user asked to see. Hashable, so it can key a cache."""

    as_of: dt.date | None = None
    types: tuple[str, ...] = tuple(vocab.TIE_TYPES)
    statuses: tuple[str, ...] = tuple(vocab.STATUSES)
    focus: tuple[str, ...] = ()
    depth: int = 1
    among: bool = False
    layout: str = "force"
    members: tuple[str, ...] = ()  # organisations whose members are linked to them
    minor: bool = False  # smaller arms flows, beyond the focus's own
    voice: str = ""  # "Who says so?": the actor through whose claims the map is drawn


# The names of a view's settings, the same in a shareable link and in a story step
# (`as`: the voice of "Who says so?").
VIEW_KEYS = frozenset({"as_of", "types", "status", "focus", "depth", "among", "layout", "members", "minor", "as"})


# The first view a student sees: the web this project started from, in the week of
# June 2025 when the Israel–Iran war was on and the 2024–25 treaties were signed: the
# ties among Russia, Iran, North Korea and the states and blocs most concerned.
STORY_START = ViewState(
    as_of=dt.date(2025, 6, 20),
    focus=("RUS", "IRN", "PRK", "UKR", "BLR", "CHN", "USA", "GBR", "FRA", "DEU", "EU", "UN", "ISR", "SAU", "ARE"),
    among=True,
)
