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
