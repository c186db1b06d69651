import pytest

import graph
from graph.errors import DataError
from graph.upload import TEMPLATE, read_upload


def test_read_upload_uses_the_shipped_actors_when_none_are_given():
    data, key = read_upload({"relations.csv": TEMPLATE.encode()})
    assert len(data.relations) == 2 and len(data.actors) == len(graph.load().actors)
    assert key.startswith("upload:") and read_upload({"relations.csv": TEMPLATE.encode()})[1] == key


def test_read_upload_rejects_bad_files_whole():
    bad = TEMPLATE.replace("IRN,RUS", "IRN,ZZZ").encode()
    with pytest.raises(DataError) as caught:
        read_upload({"relations.csv": bad})
    assert (
        str(caught.value.problems[0]) == "relations.csv:3: target: got 'ZZZ', expected the id of an actor in actors.csv"
    )


def test_template_is_valid_and_sourced():
    data, _ = read_upload({"relations.csv": TEMPLATE.encode()})
    assert data.relations["source_url"].str.startswith("https://").all()


def test_read_upload_refuses_a_file_over_the_limit_without_reading_it():
    from graph.upload import MAX_BYTES

    with pytest.raises(DataError) as caught:
        read_upload({"relations.csv": b"x" * (MAX_BYTES + 1)})
    assert [str(p) for p in caught.value.problems] == ["relations.csv: is 2.0 MB (expected at most 2 MB)"]


@pytest.mark.parametrize("columns", [60, 999_499])
def test_read_upload_header_bomb_gives_one_problem(columns):
    """A header `a,a,a,…` once gave 1,999,007 problems and 1.9 GB of server memory."""
    bomb = ",".join(["a"] * columns).encode() + b"\n"
    with pytest.raises(DataError) as caught:
        read_upload({"relations.csv": bomb})
    assert [str(p) for p in caught.value.problems] == [
        f"relations.csv:1: has {columns:,} columns (expected at most 50, as documented)"
    ]


def test_read_upload_lists_a_few_hundred_problems_and_counts_the_rest():
    from graph.load import MAX_PROBLEMS

    rows = "".join(f"t{i},RUS,ZZZ,treaty,2000,confirmed,T,https://example.org\n" for i in range(5000))
    upload = ("id,source,target,type,start,status,title,source_url\n" + rows).encode()
    with pytest.raises(DataError) as caught:
        read_upload({"relations.csv": upload})
    problems = caught.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    assert str(problems[-1]) == "… and 4,800 more problems, not listed (fix these first)"


def test_read_upload_caps_ties_so_layout_stays_quick():
    from graph.upload import MAX_TIES

    rows = "".join(f"t{i},RUS,IRN,treaty,2000,confirmed,T,https://example.org\n" for i in range(MAX_TIES + 1))
    upload = ("id,source,target,type,start,status,title,source_url\n" + rows).encode()
    with pytest.raises(DataError) as caught:
        read_upload({"relations.csv": upload})
    assert [str(p) for p in caught.value.problems] == [
        f"relations.csv: has {MAX_TIES + 1:,} ties (expected at most {MAX_TIES:,} in an upload)"
    ]


def test_read_upload_refuses_a_header_without_ties():
    """A header-only file once loaded as '0 ties' without a word."""
    header = TEMPLATE.splitlines()[0] + "\n"
    with pytest.raises(DataError) as caught:
        read_upload({"relations.csv": header.encode()})
    assert [str(p) for p in caught.value.problems] == [
        "relations.csv:1: has a header but no ties (expected at least one row)"
    ]
