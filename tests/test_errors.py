import pytest

from graph.errors import DataError, GraphError, Problem, UsageError


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (Problem("relations.csv", 3, "target", "got 'ZZZ'"), "relations.csv:3: target: got 'ZZZ'"),
        (Problem("actors.csv", 1, "", "is empty"), "actors.csv:1: is empty"),
        (Problem("relations.csv", 0, "", "file is missing"), "relations.csv: file is missing"),
    ],
)
def test_problem_reads_as_file_line_column_message(problem, text):
    assert str(problem) == text


def test_data_error_lists_problems_in_file_and_line_order():
    error = DataError([Problem("relations.csv", 9, "id", "b"), Problem("actors.csv", 4, "lat", "a")])
    assert str(error) == "actors.csv:4: lat: a\nrelations.csv:9: id: b"
    assert isinstance(error, GraphError) and issubclass(UsageError, GraphError)
