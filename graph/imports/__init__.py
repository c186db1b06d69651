"""Turn public research datasets into rows of relations.csv, by documented rules.

Each importer reads the export a user downloads (SIPRI, UCDP/PRIO, ATOP) and names
actors by the project's own `actors.csv`: by name or alias (SIPRI) or by Correlates
of War / Gleditsch–Ward code (UCDP, ATOP), choosing the actor that existed at the
date in question (code 365 is the Soviet Union until 1991-12-26 and Russia after).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

import pandas as pd

from .. import dates


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(text.replace("-", " ").replace(".", "").split())


class Resolver:
    """Finds the actor a dataset means, by name or code, at a date."""

    def __init__(self, actors: pd.DataFrame):
        self.names: dict[str, list[dict]] = {}
        self.codes: dict[tuple[str, str], list[dict]] = {}
        self.name: dict[str, str] = dict(zip(actors["id"], actors["name"], strict=True))
        for actor in actors.to_dict("records"):
            first = dates.parse_period(actor["start"])[0] if actor["start"] else dt.date.min
            last = dates.parse_period(actor["end"])[1] if actor["end"] else dt.date.max
            entry = {"id": actor["id"], "first": first, "last": last}
            for name in [actor["name"], actor["id"], *actor["aliases"].split("|")]:
                if name.strip():
                    self.names.setdefault(_key(name), []).append(entry)
            for system in ("cow", "gw"):
                for code in filter(None, actor.get(system, "").split("|")):
                    self.codes.setdefault((system, code), []).append(entry)

    @staticmethod
    def _at(candidates: Iterable[dict], first: dt.date, last: dt.date) -> str | None:
        """The one candidate alive during first–last; when two are (1991: the Soviet
        Union, then Russia), the one alive on the last day."""
        alive = list(dict.fromkeys(c["id"] for c in candidates if c["first"] <= last and c["last"] >= first))
        if len(alive) > 1:
            alive = list(dict.fromkeys(c["id"] for c in candidates if c["first"] <= last <= c["last"]))
        return alive[0] if len(alive) == 1 else None

    def by_name(self, name: str, first: dt.date, last: dt.date | None = None) -> str | None:
        """The actor called `name` during first–last, or None (unknown, not a state, ambiguous)."""
        return self._at(self.names.get(_key(name), []), first, last or first)

    def by_code(self, system: str, code: str | float, first: dt.date, last: dt.date | None = None) -> str | None:
        """The actor with Correlates of War (`cow`) or Gleditsch–Ward (`gw`) code during first–last."""
        try:
            code = str(int(float(code)))
        except (TypeError, ValueError):
            return None
        return self._at(self.codes.get((system, code), []), first, last or first)


def read_table(path) -> pd.DataFrame:
    """A dataset export as strings, whatever its encoding."""
    for encoding in ("utf-8-sig", "latin-1"):
        try:
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")
