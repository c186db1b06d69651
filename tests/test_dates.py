import datetime as dt

import pytest

from graph import dates

D = dt.date


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2023-02", D(2023, 2, 1), D(2023, 2, 28)),
        ("2022-02-24", D(2022, 2, 24), D(2022, 2, 24)),
        (" 1962-10 ", D(1962, 10, 1), D(1962, 10, 31)),
    ],
)
def test_parse_period_valid(text, first, last):
    assert dates.parse_period(text) == (first, last)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2021-02-30", "not a real date"),
        ("2021-13", "not a real date"),
        ("24/02/2022", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ("22", "expected a date"),
        ("2022-2-4", "expected a date"),
        ("", "expected a date"),
        ("1066", "from 1800 on"),
    ],
)
def test_parse_period_invalid(text, reason):
    with pytest.raises(ValueError, match=reason):
        dates.parse_period(text)


@pytest.mark.parametrize(
    ("start", "end", "day", "expected"),
    [
        ("2022-02-24", "", D(2022, 2, 23), False),
        ("2022-02-24", "", D(2022, 2, 24), True),
        ("2024", "", D(2024, 1, 1), True),
        ("2014", "2022", D(2022, 12, 31), True),
        ("2014", "2022", D(2023, 1, 1), False),
        ("2014-04", "2022-02-24", D(2022, 2, 25), False),
    ],
)
def test_holds(start, end, day, expected):
    assert dates.holds(dates.lifetime(start, end), day) is expected


@pytest.mark.parametrize(
    ("start", "end", "day", "expected"),
    [
        ("2024", "", D(2024, 1, 1), True),  # may not have begun yet
        ("2024", "", D(2024, 12, 31), False),  # begun by the end of its year, for sure
        ("2024-10", "", D(2024, 10, 31), False),
        ("2024-10-03", "", D(2024, 10, 3), False),
        ("2014-04-01", "2022", D(2022, 6, 1), True),  # may have ended already
        ("2014-04-01", "2022", D(2021, 12, 31), False),
        ("2014", "2022", D(2023, 1, 1), False),  # not shown at all then
    ],
)
def test_approximate(start, end, day, expected):
    assert dates.approximate(dates.lifetime(start, end), day) is expected


def test_holds_with_no_day_is_any_date():
    assert dates.holds(dates.lifetime("2030", ""), None)
    assert not dates.approximate(dates.lifetime("2030", ""), None)


def test_parse_as_of_takes_the_last_day_of_a_period():
    assert dates.parse_as_of("1991-12") == D(1991, 12, 31)
