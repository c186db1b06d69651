"""The Resolver that names dataset codes by the project's actors."""

import datetime as dt
from pathlib import Path

import pytest

import graph
from graph.imports import Resolver

D = dt.date


@pytest.fixture(scope="module")
def resolver():
    return Resolver(graph.load(Path(__file__).parent / "data" / "imports").actors)


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("Soviet Union", D(1980, 1, 1), "SUN"),
        ("USSR", D(1980, 1, 1), "SUN"),
        ("Russia", D(1995, 1, 1), "RUS"),
        ("Russia", D(1980, 1, 1), None),  # Russia, the state, begins on 1991-12-26
        ("DPRK", D(2000, 1, 1), "PRK"),
        ("north  korea", D(2000, 1, 1), "PRK"),
        ("Houthi rebels (Yemen)*", D(2020, 1, 1), None),
    ],
)
def test_resolver_by_name(resolver, name, day, expected):
    assert resolver.by_name(name, day) == expected


@pytest.mark.parametrize(
    ("system", "code", "first", "last", "expected"),
    [
        ("gw", "365.0", D(1960, 1, 1), None, "SUN"),
        ("gw", 365, D(2022, 1, 1), None, "RUS"),
        # A year that holds both: the actor alive on its last day.
        ("cow", "365", D(1991, 1, 1), D(1991, 12, 31), "RUS"),
        ("cow", "999", D(2000, 1, 1), None, None),
        ("gw", "", D(2000, 1, 1), None, None),
    ],
)
def test_resolver_by_code(resolver, system, code, first, last, expected):
    assert resolver.by_code(system, code, first, last) == expected
