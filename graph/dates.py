"""Dates at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.

A date of lower precision covers its whole period: "2024" runs from 2024-01-01 to
2024-12-31. A tie is in force on day d when d is on or after the first day of its
start and on or before the last day of its end.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EXPECTED = "a date as YYYY, YYYY-MM or YYYY-MM-DD"


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day that a partial date covers.

    >>> parse_period("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> parse_period("1962")
    (datetime.date(1962, 1, 1), datetime.date(1962, 12, 31))

    Raises ValueError with a readable reason for anything else.
    """
    match = _PATTERN.match(text.strip())
    if not match:
        raise ValueError(f"got {text!r}, expected {EXPECTED}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if year < 1800:
        raise ValueError(f"got {text!r}, expected a year from 1800 on")
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        day_ = dt.date(year, month, day)
    except (ValueError, calendar.IllegalMonthError):
        raise ValueError(f"got {text!r}, which is not a real date") from None
    return day_, day_


def parse_as_of(text: str) -> dt.date:
    """Read a user's "as of" date; a partial date means the last day of its period.

    >>> parse_as_of("1962")
    datetime.date(1962, 12, 31)
    """
    return parse_period(text)[1]


def in_force(start: str, end: str, day: dt.date) -> bool:
    """Whether a tie dated start–end (end may be empty) holds on `day`.

    >>> in_force("2022-02-24", "", dt.date(2022, 2, 24))
    True
    >>> in_force("2014", "2022-02", dt.date(2022, 3, 1))
    False
    """
    if parse_period(start)[0] > day:
        return False
    return not end or day <= parse_period(end)[1]


def span(start: str, end: str) -> str:
    """Dates as people write them.

    >>> span("2022-02-24", "")
    'since 2022-02-24'
    >>> span("2014", "2022")
    '2014 – 2022'
    """
    return f"{start} – {end}" if end else f"since {start}"
