"""Read the three CSV files and check them against the data contract.

Everything after `load` may trust the data: `load` either returns a complete
`Dataset` or raises `DataError` listing every problem, as
``FILE:LINE: column: what is wrong (got …, expected …)``.

The files are parsed with the `csv` module, which knows the line on which each
record starts even when a quoted field spans lines; pandas holds the result.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import dates, vocab
from .errors import DataError, Problem
from .schema import ACTORS, CLAIMS, MEMBERSHIPS, OBLIGATIONS, RELATIONS, TABLES, Table

STATE_ID = re.compile(r"^[A-Z]{3}$")
ORG_ID = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
CODES = re.compile(r"^\d{1,4}(\|\d{1,4})*$")
TIE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
# An address as it travels: ASCII, with anything that could end it early in Markdown or HTML
# (spaces, quotes, brackets, parentheses) percent-encoded.
URL = re.compile(
    r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9\-._~%!$&*+,;=:@/]*)?(\?[A-Za-z0-9\-._~%!$&*+,;=:@/?]*)?(#[A-Za-z0-9\-._~%!$&*+,;=:@/?]*)?$"
)
URL_EXPECTED = "an http:// or https:// address, with spaces, quotes and brackets percent-encoded"
MAX_PROBLEMS = 200  # listed in full; beyond that they are counted
MAX_SAME = 5  # problems of one kind in one column of a file's header, listed before a summary
MAX_TEXT = 2000  # characters in one cell
MAX_ROWS = 50_000  # rows in one file
MAX_COLUMNS = 50  # columns in one file: every table has far fewer

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Dataset:
    """The validated tables, every cell a string ("" when empty)."""

    actors: pd.DataFrame
    relations: pd.DataFrame
    memberships: pd.DataFrame
    obligations: pd.DataFrame
    claims: pd.DataFrame


Row = dict[str, str]


def load(data_dir: str | Path = DEFAULT_DATA_DIR) -> Dataset:
    """Load and validate `actors.csv`, `relations.csv`, `memberships.csv`,
    `obligations.csv` and `claims.csv` from a folder.

    All but the first two may be absent. Raises DataError with every problem found.
    """
    folder = Path(data_dir)
    if not folder.is_dir():
        raise DataError([Problem(str(folder), 0, "", "not a folder of CSV files")])
    sources: dict[str, bytes | None] = {}
    for table in TABLES:
        path = folder / table.file
        try:
            sources[table.file] = path.read_bytes()
        except FileNotFoundError:
            sources[table.file] = None
        except OSError as exc:
            raise DataError([Problem(table.file, 0, "", f"cannot be read ({exc.strerror})")]) from None
    return load_bytes(sources)


def load_bytes(sources: Mapping[str, bytes | None]) -> Dataset:
    """Validate CSV files given as bytes, keyed by file name (`actors.csv`, …)."""
    problems = _Bounded()
    rows: dict[str, list[tuple[int, Row]]] = {}
    for table in TABLES:
        raw = sources.get(table.file)
        if raw is None:
            if table not in (MEMBERSHIPS, OBLIGATIONS, CLAIMS):
                problems.append(Problem(table.file, 0, "", "file is missing"))
            rows[table.file] = []
            continue
        rows[table.file] = _read(table, raw, problems)
    actors = rows[ACTORS.file]
    # When actors.csv itself cannot be read, references to it are not checked: one
    # clear problem beats a line for every tie.
    kinds = {a["id"]: a["kind"] for _, a in actors} if actors or sources.get(ACTORS.file) is None else None
    _check_actors(actors, problems)
    lives = _lifetimes(actors)
    _check_relations(rows[RELATIONS.file], kinds, lives, problems)
    _check_memberships(rows[MEMBERSHIPS.file], kinds, lives, problems)
    _check_obligations(rows[OBLIGATIONS.file], kinds, problems)
    _check_claims(rows[CLAIMS.file], rows[RELATIONS.file], kinds, problems)
    if problems:
        raise DataError(problems.listed())
    return Dataset(*(_frame(t, rows[t.file]) for t in TABLES))


class _Bounded(list[Problem]):
    """The problems found, listed up to MAX_PROBLEMS and counted beyond: a hostile file
    cannot make the list, or the message built from it, grow without bound."""

    more = 0

    def append(self, problem: Problem) -> None:
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.more += 1

    def listed(self) -> list[Problem]:
        if not self.more:
            return list(self)
        return [*self, Problem("", 0, "", f"… and {self.more:,} more problems, not listed (fix these first)")]


def _frame(table: Table, rows: list[tuple[int, Row]]) -> pd.DataFrame:
    return pd.DataFrame([r for _, r in rows], columns=list(table.columns), dtype=str)


def _read(table: Table, raw: bytes, problems: list[Problem]) -> list[tuple[int, Row]]:
    """Parse one file into (line, row) pairs, or report why it cannot be parsed."""
    name = table.file
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                name,
                line,
                "",
                f"is not UTF-8 text (got byte 0x{raw[exc.start]:02x}, expected UTF-8: save the file as 'CSV UTF-8')",
            )
        )
        return []
    if "\x00" in text:
        problems.append(Problem(name, 0, "", "is not a CSV text file (it contains NUL bytes)"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        line = 1
        for record in reader:
            records.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.append(
            Problem(name, reader.line_num, "", f"is not valid CSV ({exc}; expected every opening quote to be closed)")
        )
        return []
    records = [(n, r) for n, r in records if any(cell.strip() for cell in r)]
    if not records:
        problems.append(Problem(name, 1, "", f"is empty (expected a header row: {','.join(table.required)})"))
        return []
    if len(records) - 1 > MAX_ROWS:
        problems.append(Problem(name, 0, "", f"has {len(records) - 1:,} rows (expected at most {MAX_ROWS:,})"))
        return []
    header_line, header = records[0]
    if len(header) > MAX_COLUMNS:
        problems.append(
            Problem(
                name, header_line, "", f"has {len(header):,} columns (expected at most {MAX_COLUMNS}, as documented)"
            )
        )
        return []
    header = [h.strip() for h in header]
    if not _check_header(table, header_line, header, problems):
        return []
    rows = []
    for line, record in records[1:]:
        if len(record) != len(header):
            problems.append(
                Problem(name, line, "", f"has {len(record)} fields (expected {len(header)}, as in the header)")
            )
            continue
        row = {column: "" for column in table.columns}
        row.update((h, cell.strip()) for h, cell in zip(header, record, strict=True))
        for column, value in row.items():
            if len(value) > MAX_TEXT:
                problems.append(
                    Problem(name, line, column, f"is {len(value)} characters long (expected at most {MAX_TEXT})")
                )
                row[column] = value[:MAX_TEXT]
        rows.append((line, row))
    return rows


def _check_header(table: Table, line: int, header: list[str], problems: list[Problem]) -> bool:
    ok = True
    seen: set[str] = set()
    twice, unknown = [], []
    for column in header:
        if column in seen:
            twice.append(column)
        seen.add(column)
        if column not in table.columns:
            unknown.append(column)
    for names, words in (
        (twice, "column appears twice in the header"),
        (unknown, f"unknown column (expected one of: {', '.join(table.columns)})"),
    ):
        for column in names[:MAX_SAME]:
            problems.append(Problem(table.file, line, column[:40], words))
        if len(names) > MAX_SAME:
            problems.append(Problem(table.file, line, "", f"{len(names) - MAX_SAME:,} more columns: {words}"))
        ok = ok and not names
    for column in table.required:
        if column not in seen:
            problems.append(Problem(table.file, line, column, "required column is missing from the header"))
            ok = False
    return ok


class _Checker:
    """Collects problems for one row of one file."""

    def __init__(self, file: str, line: int, row: Row, problems: list[Problem]):
        self.file, self.line, self.row, self.problems = file, line, row, problems

    def fail(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.line, column, message))

    def required(self, *columns: str) -> None:
        for column in columns:
            if not self.row[column]:
                self.fail(column, "required value is empty")

    def choice(self, column: str, allowed: Iterable[str]) -> None:
        value, allowed = self.row[column], tuple(allowed)
        if value and value not in allowed:
            self.fail(column, f"got {value!r}, expected one of: {', '.join(allowed)}")

    def pattern(self, column: str, regex: re.Pattern[str], expected: str) -> None:
        value = self.row[column]
        if value and not regex.match(value):
            self.fail(column, f"got {value!r}, expected {expected}")

    def date_range(self, start: str, end: str) -> None:
        periods = {}
        for column in (start, end):
            if self.row[column]:
                try:
                    periods[column] = dates.parse_period(self.row[column])
                except ValueError as exc:
                    self.fail(column, str(exc))
        if len(periods) == 2 and periods[end][1] < periods[start][0]:
            self.fail(end, f"got {self.row[end]!r}, which is before {start} {self.row[start]!r}")

    def number(self, column: str, low: float, high: float) -> None:
        value = self.row[column]
        try:
            number = float(value)
        except ValueError:
            self.fail(column, f"got {value!r}, expected a number from {low:g} to {high:g}")
            return
        if not low <= number <= high:
            self.fail(column, f"got {value!r}, expected a number from {low:g} to {high:g}")

    def actor(self, column: str, known: Mapping[str, str] | None, *, kind: str | None = None) -> None:
        if known is None:
            return
        for value in filter(None, self.row[column].split("|")):
            if value not in known:
                self.fail(column, f"got {value!r}, expected the id of an actor in actors.csv")
            elif kind and known[value] != kind:
                self.fail(column, f"got {value!r}, which is a {known[value]} (expected an {kind})")

    def claim(self, known: Mapping[str, str] | None) -> None:
        """A status, who claims and who denies: an alleged claim names who makes it, a
        disputed one also who denies it (relations.csv and each change in claims.csv)."""
        status = self.row["status"]
        self.choice("status", vocab.STATUSES)
        self.actor("claimed_by", known)
        self.actor("denied_by", known)
        if status in ("alleged", "disputed") and not self.row["claimed_by"]:
            self.fail("claimed_by", f"is empty (expected who makes the claim, since status is {status})")
        if status == "disputed" and not self.row["denied_by"]:
            self.fail("denied_by", "is empty (expected who denies the claim, since status is disputed)")

    def unique(self, column: str, seen: dict[str, int]) -> None:
        value = self.row[column]
        if value in seen:
            self.fail(column, f"got {value!r} again (first used on line {seen[value]}; expected a unique id)")
        else:
            seen[value] = self.line


def _each(table: Table, rows: list[tuple[int, Row]], problems: list[Problem]) -> Iterable[_Checker]:
    for line, row in rows:
        yield _Checker(table.file, line, row, problems)


def _check_actors(rows: list[tuple[int, Row]], problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for c in _each(ACTORS, rows, problems):
        c.required("id", "name", "kind", "lat", "lon")
        c.choice("kind", vocab.KINDS)
        if c.row["kind"] == "state":
            c.required("region")
            c.pattern("id", STATE_ID, "an ISO 3166-1 alpha-3 code such as RUS")
        else:
            c.pattern("id", ORG_ID, "an uppercase short code such as NATO")
        c.choice("region", vocab.REGIONS)
        c.number("lat", -90, 90)
        c.number("lon", -180, 180)
        c.date_range("start", "end")
        c.pattern("cow", CODES, "Correlates of War code(s), digits separated by |")
        c.pattern("gw", CODES, "Gleditsch–Ward code(s), digits separated by |")
        if c.row["id"]:
            c.unique("id", seen)


def _lifetimes(rows: list[tuple[int, Row]]) -> dict[str, tuple[str, str]]:
    return {r["id"]: (r["start"], r["end"]) for _, r in rows if r["start"] or r["end"]}


def _life(start: str, end: str) -> dict[str, dt.date] | None:
    try:
        return dates.lifetime(start, end)
    except ValueError:
        return None


def _check_lifetime(c: _Checker, columns: tuple[str, ...], span: tuple[str, str], lives: Mapping) -> None:
    """A tie or membership must lie within the lifetime of each actor it names: it cannot
    begin before an actor existed, nor run on (or stay open) after it ceased to exist."""
    start, end = (c.row[x] for x in span)
    period = _life(start, end)
    for column in columns:
        actor = c.row[column]
        if period is None or actor not in lives:
            continue
        life = _life(*lives[actor])
        if life is None:
            continue
        born, gone = lives[actor]
        existed = f"{actor!r}, which existed only {dates.span(born or '…', gone)}"
        if period["sure_from"] < life["first_day"]:
            c.fail(column, f"got {existed} (expected {span[0]} no earlier than {born})")
        elif period["sure_until"] > life["last_day"]:
            c.fail(column, f"got {existed} (expected {span[1]} no later than {gone}, the day it ceased to exist)")


def _check_relations(
    rows: list[tuple[int, Row]], kinds: Mapping[str, str] | None, lives: Mapping, problems: list[Problem]
) -> None:
    seen: dict[str, int] = {}
    for c in _each(RELATIONS, rows, problems):
        row = c.row
        c.required("id", "source", "target", "type", "start", "status", "title", "source_url")
        c.pattern("id", TIE_ID, "a lowercase slug of letters, digits and dashes such as rus-irn-treaty-2025")
        if row["id"]:
            c.unique("id", seen)
        c.actor("source", kinds)
        c.actor("target", kinds)
        if row["source"] and row["source"] == row["target"]:
            c.fail("target", f"got {row['target']!r}, the same as source (expected a tie between two actors)")
        c.choice("type", vocab.TIE_TYPES)
        if row["type"] in vocab.TIE_TYPES:
            c.choice("subtype", vocab.TIE_TYPES[row["type"]].subtypes)
        c.date_range("start", "end")
        c.claim(kinds)
        c.pattern("source_url", URL, URL_EXPECTED)
        c.pattern("checked_url", URL, URL_EXPECTED)
        if row["tiv"]:
            c.number("tiv", 0, 1e7)
        if row["checked_on"]:
            try:
                dates.parse_period(row["checked_on"])
            except ValueError as exc:
                c.fail("checked_on", str(exc))
            if not row["checked_url"]:
                c.fail("checked_url", "is empty (expected the page that shows the tie held on checked_on)")
        if row["checked_url"] and not (row["checked_on"] or row["end"]):
            c.fail("checked_on", "is empty (expected the day the page in checked_url shows the tie holding, or an end)")
        _check_lifetime(c, ("source", "target"), ("start", "end"), lives)


def _check_memberships(
    rows: list[tuple[int, Row]], kinds: Mapping[str, str] | None, lives: Mapping, problems: list[Problem]
) -> None:
    seen: dict[str, int] = {}
    for c in _each(MEMBERSHIPS, rows, problems):
        c.required("member", "organization", "joined", "source_url")
        c.actor("member", kinds)
        c.actor("organization", kinds, kind="organization")
        c.date_range("joined", "left")
        c.pattern("source_url", URL, URL_EXPECTED)
        _check_lifetime(c, ("member", "organization"), ("joined", "left"), lives)
        key = f"{c.row['member']} in {c.row['organization']} from {c.row['joined']}"
        if key in seen:
            c.fail("member", f"repeats line {seen[key]} ({key})")
        else:
            seen[key] = c.line


def _check_obligations(rows: list[tuple[int, Row]], kinds: Mapping[str, str] | None, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for c in _each(OBLIGATIONS, rows, problems):
        c.required("organization", "article", "since", "text", "source_url")
        c.actor("organization", kinds, kind="organization")
        c.date_range("since", "until")
        c.pattern("source_url", URL, URL_EXPECTED)
        key = f"{c.row['organization']} from {c.row['since']}"
        if key in seen:
            c.fail("organization", f"repeats line {seen[key]} ({key})")
        else:
            seen[key] = c.line


def _as_set(value: str) -> frozenset[str]:
    return frozenset(part.strip() for part in value.split("|") if part.strip())


def _check_claims(
    rows: list[tuple[int, Row]],
    ties: list[tuple[int, Row]],
    kinds: Mapping[str, str] | None,
    problems: list[Problem],
) -> None:
    """Each change names a tie of relations.csv and falls within its life; a tie's changes
    have different dates; its latest change says what its row in relations.csv says."""
    by_id = {t["id"]: (line, t) for line, t in ties if t["id"]}
    latest: dict[str, tuple[dt.date, _Checker]] = {}
    seen: dict[str, int] = {}
    for c in _each(CLAIMS, rows, problems):
        row = c.row
        c.required("tie", "date", "status", "source_url")
        c.claim(kinds)
        c.pattern("source_url", URL, URL_EXPECTED)
        if row["tie"] and row["tie"] not in by_id:
            c.fail("tie", f"got {row['tie']!r}, expected the id of a tie in relations.csv")
        try:
            first, last = dates.parse_period(row["date"]) if row["date"] else (None, None)
        except ValueError as exc:
            c.fail("date", str(exc))
            continue
        if first is None or last is None or row["tie"] not in by_id:
            continue
        key = f"{row['tie']} on {row['date']}"
        if key in seen:
            c.fail("date", f"repeats line {seen[key]} ({key}; expected one change per date)")
            continue
        seen[key] = c.line
        tie = by_id[row["tie"]][1]
        life = _life(tie["start"], tie["end"])
        if life and (first < life["first_day"] or last > life["last_day"]):
            c.fail("date", f"got {row['date']!r}, outside the tie's dates {dates.span(tie['start'], tie['end'])}")
        if row["tie"] not in latest or latest[row["tie"]][0] < last:
            latest[row["tie"]] = (last, c)
    for tie_id, (_, c) in latest.items():
        line, tie = by_id[tie_id]
        for column in ("status", "claimed_by", "denied_by"):
            if _as_set(c.row[column]) != _as_set(tie[column]):  # who claims or denies, in any order
                c.fail(
                    column,
                    f"got {c.row[column]!r} in the tie's latest change, but relations.csv line {line} says "
                    f"{tie[column]!r} (expected the latest change to match the tie's row, which holds its status now)",
                )
