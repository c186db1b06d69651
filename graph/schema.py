"""The columns of each CSV file of the data contract."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """One CSV file: its name and its required and optional columns, in order."""

    file: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


ACTORS = Table(
    "actors.csv",
    ("id", "name", "kind", "region", "lat", "lon"),
    ("subregion", "aliases", "start", "end", "cow", "gw"),
)
RELATIONS = Table(
    "relations.csv",
    ("id", "source", "target", "type", "start", "status", "title", "source_url"),
    ("subtype", "end", "claimed_by", "denied_by", "description", "source_name", "checked_on", "checked_url", "tiv"),
)
MEMBERSHIPS = Table(
    "memberships.csv",
    ("member", "organization", "joined", "source_url"),
    ("left",),
)
# Which organisations bind their members to defend one another, on which article, from when.
OBLIGATIONS = Table(
    "obligations.csv",
    ("organization", "article", "since", "text", "source_url"),
    ("until",),
)
# A claim's history: from `date`, the tie `tie` had this status, named these claimants and
# deniers, on the word of `source_url`. The latest change of a tie is its row in relations.csv.
CLAIMS = Table(
    "claims.csv",
    ("tie", "date", "status", "source_url"),
    ("claimed_by", "denied_by", "note"),
)
TABLES = (ACTORS, RELATIONS, MEMBERSHIPS, OBLIGATIONS, CLAIMS)
