"""Dates at the precision known, and the one rule for whether something holds on a day.

A date is YYYY, YYYY-MM or YYYY-MM-DD. A date of lower precision covers its whole period:
"2024" runs from 2024-01-01 to 2024-12-31. A tie, a membership or an actor's life with
`start` and `end` *holds* on day d when d is within the widest reading of its dates (from
the first day of `start` to the last day of `end`). It holds *for sure* from the last day
of `start` to the first day of `end`; within an imprecise start or end it is shown as
*approximate* ("began in 2024; the day is not known"), never as known to the day.
Every view, answer and question asks `holds` and `approximate`; nothing else compares days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping

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
    year = int(match[1])
    month, day = (int(g) if g else None for g in match.groups()[1:])
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


FAR_PAST = dt.date(1800, 1, 1)
FAR_FUTURE = dt.date(9999, 12, 31)


def lifetime(start: str, end: str) -> dict[str, dt.date]:
    """The four days that `holds` and `approximate` read, for dates start–end (either may be
    empty: no known beginning, or still holding).

    >>> life = lifetime("2024", "2025-03-01")
    >>> life["first_day"], life["sure_from"], life["sure_until"], life["last_day"]
    (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), datetime.date(2025, 3, 1), datetime.date(2025, 3, 1))
    """
    first, sure_from = parse_period(start) if start else (FAR_PAST, FAR_PAST)
    sure_until, last = parse_period(end) if end else (FAR_FUTURE, FAR_FUTURE)
    return {"first_day": first, "sure_from": sure_from, "sure_until": sure_until, "last_day": last}


def holds(item: Mapping, day: dt.date | None) -> bool:
    """Whether a tie, membership or actor (anything carrying `lifetime`'s days) holds on
    `day`; with no day, at any date.

    >>> holds(lifetime("2022-02-24", ""), dt.date(2022, 2, 24))
    True
    >>> holds(lifetime("2014", "2022-02"), dt.date(2022, 3, 1))
    False
    """
    return day is None or item["first_day"] <= day <= item["last_day"]


def approximate(item: Mapping, day: dt.date | None) -> bool:
    """Whether `day` falls within an imprecise start or end of `item`, so that it may or may
    not have held yet (or still): a tie that began "2024" is approximate on 2024-06-01.

    >>> approximate(lifetime("2024", ""), dt.date(2024, 6, 1))
    True
    >>> approximate(lifetime("2024", ""), dt.date(2025, 1, 1))
    False
    >>> approximate(lifetime("2024-10-03", ""), dt.date(2024, 10, 3))
    False
    """
    if day is None or not holds(item, day):
        return False
    return day < item["sure_from"] or day > item["sure_until"]


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (or earlier); 29 February falls back to the 28th.

    >>> years_later(dt.date(2025, 3, 31), -1), years_later(dt.date(2024, 2, 29), 1)
    (datetime.date(2024, 3, 31), datetime.date(2025, 2, 28))
    """
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def span(start: str, end: str) -> str:
    """Dates as people write them.

    >>> span("2022-02-24", "")
    'since 2022-02-24'
    >>> span("2014", "2022")
    '2014 – 2022'
    """
    return f"{start} – {end}" if end else f"since {start}"
