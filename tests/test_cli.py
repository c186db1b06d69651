import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import devtool, main

BROKEN = Path(__file__).parent / "data" / "broken"


def test_main_validate_accepts_the_shipped_data(capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


def run(argv):
    """main's exit code, also when argparse exits on a usage error."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


@pytest.mark.parametrize("defect", sorted(p.name for p in BROKEN.iterdir()))
def test_main_validate_rejects_each_broken_folder(defect, capsys):
    assert run(["validate", str(BROKEN / defect)]) == 1
    err = capsys.readouterr().err
    assert "problem(s) found" in err
    assert re.search(r"^  (actors|relations|memberships|obligations|claims)\.csv(:\d+)?: ", err, re.M)


def test_python_m_graph_validate_exits_non_zero_without_a_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "graph", "validate", str(BROKEN / "unknown_actor")], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "relations.csv:3: target: got 'ZZZ'" in done.stderr


@pytest.mark.parametrize("fmt", ["html", "csv", "graphml", "gexf", "json"])
def test_main_export_writes_each_format(tmp_path, fmt, tiny_dir):
    out = tmp_path / f"view.{fmt}"
    code = main(["export", "--format", fmt, "--out", str(out), "--data", str(tiny_dir), "--as-of", "2023"])
    assert code == 0 and out.stat().st_size > 0


def test_main_export_filters_like_the_app(tmp_path, tiny_dir, capsys):
    out = tmp_path / "view.csv"
    args = ["export", "--format", "csv", "--out", str(out), "--data", str(tiny_dir)]
    assert main([*args, "--focus", "CCC", "--types", "arms_supply,conflict", "--status", "confirmed"]) == 0
    assert capsys.readouterr().out.startswith("Wrote 2 actors and 1 ties")


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [
        (["--as-of", "2021-02-30"], 2, "not a real date"),
        (["--types", "friendship"], 2, "unknown friendship"),
        (["--focus", "XYZ"], 1, "no actor with the id 'XYZ'"),
        (["--data", "/nonexistent"], 1, "not a folder"),
    ],
)
def test_main_export_explains_user_errors(tmp_path, capsys, extra, code, message):
    assert run(["export", "--format", "csv", "--out", str(tmp_path / "x.csv"), *extra]) == code
    assert message in capsys.readouterr().err


def test_main_export_to_an_unwritable_place(tmp_path, capsys, tiny_dir):
    target = tmp_path / "missing-folder" / "x.csv"
    assert main(["export", "--format", "csv", "--out", str(target), "--data", str(tiny_dir)]) == 1
    assert "Cannot write" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["profile", "Carpania", "--as-of", "2023"], "Carpania is sanctioned by Avalon"),
        (["profile", "ccc"], "Carpania"),
        (["path", "AAA", "CCC", "--as-of", "2023", "--types", "treaty,conflict"], "Avalon — has a mutual defense"),
        (["rank", "--measure", "pagerank", "--top", "2"], "pagerank: "),
        (["blocs", "--as-of", "2012"], "1. Avalon / Borduria"),
        (["balance"], "balance ratio"),
        (["diff", "2012", "2021"], "Begun (2):"),
        (["diff", "2012", "2012"], "Nothing changed"),
    ],
)
def test_main_answers_questions(tiny_dir, capsys, argv, words):
    assert run([*argv, "--data", str(tiny_dir)]) == 0
    assert words in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["profile", "Narnia"], 1, "There is no actor called 'Narnia'"),
        (["path", "AAA", "AAA"], 1, "Pick two different actors"),
        (["path", "AAA", "DDD", "--as-of", "2023"], 1, "Dunland has no tie in this view"),
        (["rank", "--top", "0"], 1, "--top must be 1 or more"),
        (["rank", "--measure", "fame"], 2, "invalid choice"),
        (["diff", "2021", "2020"], 1, "must not be after"),
        (["diff", "2021-13", "2022"], 2, "not a real date"),
    ],
)
def test_main_question_errors_exit_non_zero_with_a_sentence(tiny_dir, capsys, argv, code, message):
    assert run([*argv, "--data", str(tiny_dir)]) == code
    captured = capsys.readouterr()
    assert message in captured.err + captured.out
    assert "Traceback" not in captured.err


def test_bench_is_found_in_devtools_from_any_working_directory(monkeypatch, tmp_path, capsys):
    root = str(Path(__file__).resolve().parent.parent)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p not in ("", ".", root)])
    for name in [m for m in sys.modules if m == "devtools" or m.startswith("devtools.")]:
        monkeypatch.delitem(sys.modules, name)
    bench = devtool("bench")
    assert Path(bench.__file__).parent == Path(root) / "devtools"
    monkeypatch.setattr(bench, "main", lambda **options: f"bench {sorted(options.items())}")
    assert main(["bench", "--quick", "--no-browser"]) == 0
    assert capsys.readouterr().out.startswith("bench [('browser', False), ('json_path', None), ('quick', True)]")


def test_main_profile_as_claimed_by_prints_the_sentences(capsys):
    assert main(["profile", "--as-claimed-by", "IRN", "--as-of", "2025-01-17"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Who says so? The ties Iran claims or denies, as of 17 January 2025:")
    claimants = "The United States, the United Kingdom, France, Germany and the European Union"
    assert f"  denies: {claimants} say Iran supplies missiles to Russia" in out


@pytest.mark.parametrize("voice", ["XXX", "NATO!", ""])
def test_main_profile_as_claimed_by_unknown_id_lists_the_valid_ones(voice, capsys):
    assert run(["profile", "--as-claimed-by", voice]) == 2
    err = capsys.readouterr().err
    assert "claims or denies no tie" in err and "Use one of these ids: " in err and "IRN" in err and "USA" in err


def test_main_worksheet_has_the_picture_and_source_checks(tmp_path, capsys):
    out = tmp_path / "sheet.html"
    assert main(["worksheet", "--n", "3", "--as-of", "2025-06-20", "--out", str(out), "--checks", "3"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "As of 20 June 2025</text>" in page and ">Sanctions</text>" in page
    assert page.count("Open source ") == 3 and "<h2>Sources</h2>" in page
    assert "Wrote 3 questions" in capsys.readouterr().out
    assert run(["worksheet", "--out", str(out), "--checks", "11"]) == 1
    assert "0 to 10" in capsys.readouterr().err
