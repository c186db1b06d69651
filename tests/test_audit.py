from pathlib import Path

import pytest

from graph.audit import audit
from graph.cli import main

AUDIT = Path(__file__).parent / "data" / "audit"

# Each folder is the tiny dataset with one breach of one truth rule: (file, line, rule, words).
BREACHES = {
    "dataset_mark": ("relations.csv", 9, "dataset-mark", "cites atopdata.org but its id lacks 'atop-'"),
    "unchecked": ("relations.csv", 9, "unchecked", "atop-9-aaa-eee is open-ended past 2016"),
    "capital": ("actors.csv", 3, "capital", "Borduria is drawn 890 km from its capital Borduria City"),
    "untied": ("actors.csv", 8, "untied", "Fernland has no tie"),
    "invalid": ("relations.csv", 9, "valid", "target: got 'ZZZ'"),
    "stale_listing": ("unconfirmed.csv", 2, "unchecked", "atop-8-aaa-ccc is listed, but is not an open-ended"),
}


def test_audit_folders_are_all_listed():
    assert {p.name for p in AUDIT.iterdir()} == set(BREACHES) | {"clean", "searched"}


@pytest.mark.parametrize("case", sorted(BREACHES))
def test_audit_reports_the_breach(case):
    file, line, rule, words = BREACHES[case]
    found = audit(AUDIT / case, priority=frozenset({"AAA"}), max_untied=0)
    assert len(found) == 1, found
    assert (found[0].file, found[0].line, found[0].rule) == (file, line, rule)
    assert words in found[0].what


def test_audit_clean_folder_has_no_breach():
    assert audit(AUDIT / "clean", priority=frozenset({"AAA"}), max_untied=0) == []


def test_audit_accepts_a_row_searched_without_result():
    assert audit(AUDIT / "searched", priority=frozenset({"AAA"}), max_untied=0) == []


def test_audit_untied_allows_a_few():
    assert audit(AUDIT / "untied", max_untied=1) == []


def test_main_audit_exit_code_and_lines(capsys):
    assert main(["audit", str(AUDIT / "invalid")]) == 1
    out = capsys.readouterr().out
    assert "relations.csv:9: valid: target: got 'ZZZ'" in out
    assert main(["audit", str(AUDIT / "clean")]) == 0
    assert "OK: no row breaks a truth rule." in capsys.readouterr().out


def test_shipped_data_breaks_no_truth_rule():
    found = audit()
    assert not found, "\n".join(map(str, found[:40]))
