from pathlib import Path

import pytest

import graph
from graph.errors import DataError

BROKEN = Path(__file__).parent / "data" / "broken"

# Each folder in tests/data/broken is the tiny dataset with one named defect, and
# the one problem `load` must report for it: (file, line, column, words in the message).
DEFECTS = {
    "unknown_actor": ("relations.csv", 3, "target", "got 'ZZZ', expected the id of an actor"),
    "unknown_type": ("relations.csv", 4, "type", "got 'friendship', expected one of: treaty"),
    "unknown_status": ("relations.csv", 5, "status", "got 'likely'"),
    "impossible_date": ("relations.csv", 5, "start", "'2021-02-30', which is not a real date"),
    "end_before_start": ("relations.csv", 3, "end", "before start '2010'"),
    "duplicate_id": ("relations.csv", 8, "id", "first used on line 2"),
    "self_tie": ("relations.csv", 5, "target", "the same as source"),
    "missing_value": ("relations.csv", 5, "title", "required value is empty"),
    "non_http_url": ("relations.csv", 4, "source_url", "expected an http:// or https:// address"),
    "unknown_column": ("relations.csv", 1, "source_nam", "unknown column"),
    "missing_column": ("actors.csv", 1, "lon", "required column is missing"),
    "duplicate_header": ("relations.csv", 1, "title", "appears twice"),
    "wrong_field_count": ("relations.csv", 3, "", "has 15 fields (expected 14"),
    "unknown_subtype": ("relations.csv", 4, "subtype", "got 'skirmish'"),
    "disputed_without_denier": ("relations.csv", 6, "denied_by", "since status is disputed"),
    "bad_state_id": ("actors.csv", 6, "id", "expected an ISO 3166-1 alpha-3 code"),
    "bad_latitude": ("actors.csv", 4, "lat", "expected a number from -90 to 90"),
    "missing_region": ("actors.csv", 4, "region", "required value is empty"),
    "member_of_a_state": ("memberships.csv", 3, "organization", "which is a state"),
    "not_utf8": ("actors.csv", 3, "", "is not UTF-8 text"),
    "binary_junk": ("relations.csv", 2, "", "is not UTF-8 text"),
    "empty_file": ("relations.csv", 1, "", "is empty"),
    "missing_file": ("relations.csv", 0, "", "file is missing"),
    "unclosed_quote": ("relations.csv", 7, "", "is not valid CSV"),
    "tie_outside_lifetime": ("relations.csv", 7, "source", "which existed only 1960 – 1990"),
    "tie_past_actor_end": ("relations.csv", 7, "source", "expected end no later than 1990"),
    "checked_on_without_url": ("relations.csv", 4, "checked_url", "expected the page that shows the tie held"),
    "url_breaks_out": ("relations.csv", 4, "source_url", "with spaces, quotes and brackets percent-encoded"),
    "obligation_of_a_state": ("obligations.csv", 3, "organization", "which is a state"),
    "claim_unknown_tie": ("claims.csv", 3, "tie", "got 'zz-arms-2022', expected the id of a tie in relations.csv"),
    "claim_outside_tie": ("claims.csv", 2, "date", "got '2021-12', outside the tie's dates since 2022-09"),
    "claim_not_latest": ("claims.csv", 3, "status", "relations.csv line 6 says 'disputed'"),
}


def test_broken_folders_are_all_listed():
    assert {p.name for p in BROKEN.iterdir()} == set(DEFECTS)


@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_load_reports_the_defect(defect):
    file, line, column, words = DEFECTS[defect]
    with pytest.raises(DataError) as caught:
        graph.load(BROKEN / defect)
    problems = caught.value.problems
    assert len(problems) >= 1
    first = next(p for p in problems if p.file == file and p.line == line and p.column == column)
    assert words in first.message
    assert str(first).startswith(f"{file}:{line}: " if line else f"{file}: ")


def test_load_reports_every_problem_at_once(tiny_dir):
    sources = {p.name: p.read_bytes() for p in tiny_dir.iterdir()}
    text = sources["relations.csv"].decode()
    text = text.replace("2021-06-15,,confirmed", "2021-06-15,,likely")
    text = text.replace("ab-arms-2010,AAA,BBB", "ab-arms-2010,AAA,ZZZ")
    sources["relations.csv"] = text.encode()
    with pytest.raises(DataError) as caught:
        graph.load_bytes(sources)
    assert [(p.line, p.column) for p in caught.value.problems] == [(3, "target"), (5, "status")]


def test_load_accepts_a_byte_order_mark_and_counts_lines_across_quoted_newlines(tiny_dir):
    sources = {p.name: p.read_bytes() for p in tiny_dir.iterdir()}
    text = sources["relations.csv"].decode()
    text = text.replace('"Each promises to defend the other."', '"Each promises\nto defend\nthe other."')
    text = text.replace("ea-arms-2023,EEE,AAA", "ea-arms-2023,EEE,QQQ")
    sources["relations.csv"] = b"\xef\xbb\xbf" + text.encode()
    with pytest.raises(DataError) as caught:
        graph.load_bytes(sources)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (10, "target")


def test_load_tiny_gives_every_row(tiny_dir):
    data = graph.load(tiny_dir)
    assert (len(data.actors), len(data.relations), len(data.memberships)) == (6, 7, 3)
    assert data.relations.loc[data.relations.id == "cb-arms-2022", "denied_by"].item() == "CCC"


def test_load_without_memberships_file_is_fine(tiny_dir):
    sources = {p.name: p.read_bytes() for p in tiny_dir.iterdir() if p.name != "memberships.csv"}
    assert graph.load_bytes(sources).memberships.empty


def test_load_rejects_a_folder_that_does_not_exist(tmp_path):
    with pytest.raises(DataError, match="not a folder"):
        graph.load(tmp_path / "nope")
