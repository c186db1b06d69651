"""Property-based tests: any bytes, any query string, end in data or in a clear error."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.errors import DataError
from graph.links import parse_link
from graph.schema import ACTORS, MEMBERSHIPS, RELATIONS

SETTINGS = settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
TINY = {p.name: p.read_bytes() for p in (graph.DEFAULT_DATA_DIR.parent / "tests" / "data" / "tiny").iterdir()}
CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


def outcome(sources):
    """Load, and check that failure is a DataError whose every problem names its place (a
    file given, and a line within it), and that success is whole: every tie names actors."""
    try:
        data = graph.load_bytes(sources)
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            if not problem.file:  # the count of problems beyond those listed
                assert problem.message.startswith("… and ")
                continue
            assert problem.file in (ACTORS.file, RELATIONS.file, MEMBERSHIPS.file)
            # A lone \r ends a line too, for the CSV reader as for a spreadsheet.
            lines = len((sources.get(problem.file) or b"").splitlines()) + 1
            assert 0 <= problem.line <= lines and problem.message
        return None
    actors = set(data.actors["id"])
    assert set(data.relations["source"]) | set(data.relations["target"]) <= actors
    assert (data.relations["source_url"].str.match(r"https?://")).all()
    return data


@SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes_as_relations(raw):
    outcome({**TINY, "relations.csv": raw})


@SETTINGS
@given(
    st.lists(st.lists(CELL, min_size=0, max_size=16), max_size=30),
    st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]),
)
def test_any_table_in_any_encoding(rows, encoding):
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(rows)
    try:
        raw = out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    outcome({**TINY, "relations.csv": raw})


@SETTINGS
@given(st.permutations(list(RELATIONS.columns)), st.integers(0, 3), st.booleans())
def test_reordered_missing_and_duplicated_columns(columns, drop, duplicate):
    header = columns[drop:] + (columns[:1] if duplicate else [])
    tiny_rows = TINY["relations.csv"].decode().splitlines()[1:]
    body = "\n".join(",".join("x" for _ in header) for _ in tiny_rows)
    data = outcome({**TINY, "relations.csv": (",".join(header) + "\n" + body).encode()})
    assert data is None  # every row is nonsense here: never half-loaded


@SETTINGS
@given(st.text(max_size=200), st.integers(0, 5))
def test_quoted_newlines_and_long_fields(text, repeat):
    description = (text.replace('"', '""') + "\n") * repeat + "x" * (repeat * 700)
    rows = TINY["relations.csv"].decode().splitlines()
    rows[1] = rows[1].replace('"Each promises to defend the other."', f'"{description}"')
    data = outcome({**TINY, "relations.csv": "\n".join(rows).encode()})
    if data is not None:
        assert len(data.relations) == 7


def test_tens_of_thousands_of_rows_load_whole_or_not_at_all():
    head, first = TINY["relations.csv"].decode().splitlines()[:2]
    rows = [first.replace("ab-treaty-2001", f"tie-{i}") for i in range(30_000)]
    data = outcome({**TINY, "relations.csv": ("\n".join([head, *rows])).encode()})
    assert data is None or len(data.relations) == 30_000


QUERY = st.dictionaries(
    st.sampled_from(
        ["as_of", "types", "status", "focus", "depth", "among", "layout", "members", "story", "step", "present", "x"]
    ),
    st.one_of(
        st.text(max_size=60),
        st.text(alphabet=string.printable, max_size=500),
        st.lists(st.text(max_size=20), max_size=3),
    ),
    max_size=8,
)


@SETTINGS
@given(QUERY)
def test_any_query_string_gives_a_view_and_plain_notices(params):
    link = parse_link(
        params,
        actors={"RUS", "IRN", "NATO"},
        stories={"one": 2},
        first_day=dt.date(1945, 1, 1),
        last_day=dt.date(2025, 11, 18),
    )
    state = link.state
    assert state.as_of is None or dt.date(1945, 1, 1) <= state.as_of <= dt.date(2025, 11, 18)
    assert 1 <= state.depth <= 3 and state.layout in ("force", "geo")
    if "focus" in params:
        assert set(state.focus) <= {"RUS", "IRN", "NATO"}
    assert all("<" not in n and ">" not in n and len(n) < 400 for n in link.notices)
