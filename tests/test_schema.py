from pathlib import Path

import pytest

from graph.schema import TABLES

DICTIONARY = (Path(__file__).parent.parent / "data" / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_every_column_is_documented_in_the_data_dictionary(table):
    section = DICTIONARY.split(f"## `{table.file}`", 1)[1].split("\n## ", 1)[0]
    for column in table.columns:
        assert f"`{column}`" in section, f"{table.file}: {column} is not documented"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.file)
def test_required_and_optional_columns_do_not_overlap(table):
    assert not set(table.required) & set(table.optional)
