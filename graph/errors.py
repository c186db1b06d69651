"""The package's exceptions.

GraphError
 ├── DataError    the CSV files break the data contract; `.problems` lists every one
 └── UsageError   a request cannot be answered: unknown actor, impossible date, …

Both carry messages written for the user; the app and the command line show them
as they are and never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.file:
            return self.message
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


class GraphError(Exception):
    """Base of every error this package raises on purpose."""


class DataError(GraphError):
    """The data breaks the contract. Holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (not p.file, p))  # a summary (no file) last
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(GraphError):
    """A request that cannot be answered, such as an unknown actor or date."""
