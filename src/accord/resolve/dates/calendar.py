"""Calendar arithmetic for time expressions: months counted from a month, the weekday or year that
an open reference ("on Monday", "in March") points to from the report date, two-digit years, and
holidays (fixed days, the Nth weekday of a month, days counted from Easter).

>>> weekday_date(dt.date(2021, 12, 8), 1, "past")
datetime.date(2021, 12, 6)
>>> holiday_date("11/4/4", 2021)
datetime.date(2021, 11, 25)
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from accord.base.partial_dates import date_bounds

__all__ = [
    "HALF_MONTHS",
    "SEASON_MONTHS",
    "Tense",
    "add_months",
    "easter",
    "holiday_date",
    "month_year",
    "quarter_of",
    "valid_day",
    "weekday_date",
    "year_of",
]

Tense = Literal["past", "future"]
"""Which way an open reference points: on or before the report date, or on or after it."""

# First and last month of TIMEX3 seasons and halves; winter runs into the next year (month 14).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
HALF_MONTHS = {"H1": (1, 6), "H2": (7, 12)}


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The (year, month) ``delta`` months after ``month`` of ``year`` (before it when negative)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    """The quarter (1-4) a month (1-12) lies in."""
    return (month - 1) // 3 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    """Whether the three numbers name a calendar day ("Nov. 31" does not)."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def weekday_date(report: dt.date, weekday: int, tense: Tense | None, strict: bool = False) -> dt.date:
    """The date of an ISO ``weekday`` near ``report``: past -> on or before, future -> on or after.

    Without a tense the weekday is past (news reports what happened); ``strict`` ("last Monday",
    "next Monday") skips the report date itself.
    """
    back = (report.isoweekday() - weekday) % 7
    forward = (weekday - report.isoweekday()) % 7
    if strict:
        back = back or 7
        forward = forward or 7
    if tense == "future":
        return report + dt.timedelta(days=forward)
    return report - dt.timedelta(days=back)


def month_year(report: dt.date, month: int, day: int | None, tense: Tense | None, slack: int = 45) -> int:
    """The year of a month (and day) written without one.

    Past -> the latest such date on or before the report date, future -> the first on or after.
    A date within ``slack`` days on the "wrong" side keeps the report's year: a tense read from
    the sentence more likely belongs to another clause than the story to a date eleven months
    away. Without a cue a month up to two months ahead is this year's, later ones last year's
    (news reports the past). Raises ``ValueError`` for a day 0.
    """
    if day is not None:
        return _day_year(report, month, day, tense, slack)
    diff = month - report.month
    # The same slack for a bare month: next month under a past cue ("said ... in March", written
    # in February) is still this year's, as is last month under a future cue.
    month_slack = 1 if slack else 0
    if tense == "past":
        return report.year if diff <= month_slack else report.year - 1
    if tense == "future":
        return report.year if diff >= -month_slack else report.year + 1
    return report.year if diff <= 2 else report.year - 1


def _day_year(report: dt.date, month: int, day: int, tense: Tense | None, slack: int) -> int:
    """``month_year`` for a month and day."""
    # "Nov. 31" happens in copy; the year is decided on the month's last real day.
    last = date_bounds(f"{report.year:04d}-{month:02d}")[1].day
    gap = (dt.date(report.year, month, min(day, last)) - report).days
    if tense == "past" and gap > slack:
        return report.year - 1
    if tense == "future" and gap < -slack:
        return report.year + 1
    if tense is None and gap > 60:
        return report.year - 1
    return report.year


def year_of(text: str, report: dt.date) -> int:
    """'2021' -> 2021; a two-digit year '89' -> the nearest century to the report date.

    >>> year_of("89", dt.date(2021, 12, 6)), year_of("35", dt.date(2021, 12, 6))
    (1989, 2035)
    """
    if len(text) == 4:
        return int(text)
    two = int(text)
    century = report.year // 100 * 100
    year = century + two
    if year > report.year + 20:
        year -= 100
    return year


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus).

    >>> easter(2021)
    datetime.date(2021, 4, 4)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month = (h + lw - 7 * m + 114) // 31
    day = (h + lw - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(rule: str, year: int) -> dt.date:
    """The day a holiday rule names in ``year``: ``12-25``, ``11/4/4`` (4th Thursday of November),
    ``05/L/1`` (last Monday of May), ``11/1/1+1`` (the day after the first Monday), ``E-2``
    (two days before Easter Sunday). Raises ``ValueError`` for a rule in none of these forms."""
    if rule.startswith("E"):
        return easter(year) + dt.timedelta(days=int(rule[1:]))
    if "/" not in rule:
        month, day = (int(x) for x in rule.split("-"))
        return dt.date(year, month, day)
    month_text, nth, weekday_text = rule.split("/")
    weekday, _, extra = weekday_text.partition("+")
    month, weekday_n = int(month_text), int(weekday)
    if nth == "L":
        last = date_bounds(f"{year:04d}-{month:02d}")[1]
        found = last - dt.timedelta(days=(last.isoweekday() - weekday_n) % 7)
    else:
        first = dt.date(year, month, 1)
        found = first + dt.timedelta(days=(weekday_n - first.isoweekday()) % 7 + 7 * (int(nth) - 1))
    return found + dt.timedelta(days=int(extra or 0))
