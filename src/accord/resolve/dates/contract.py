"""From TIMEX3 values to the output contract's ``date``/``precision``/``enddate``.

Contract forms chosen here (what an analyst filtering events by date expects):

- a day, with or without a clock time -> that day, precision ``day``;
- a week (``2021-W48``, "last week") -> ``date`` = its Monday, ``enddate`` = its Sunday,
  precision ``day``: the event lies somewhere in those seven days; the weekend likewise
  Saturday..Sunday;
- a quarter, half-year or season -> first and last month, precision ``month``;
- a decade or century -> first and last year, precision ``year``;
- "now"/"currently" (``PRESENT_REF``) -> the report date, precision ``day``;
- past/future references, durations and sets -> no ``date``.
"""

from __future__ import annotations

import datetime as dt
import re

from accord.base.ontology import Precision
from accord.base.partial_dates import precision_of
from accord.resolve.dates.calendar import HALF_MONTHS, SEASON_MONTHS, add_months

__all__ = ["timex_to_contract"]

# (date, precision, enddate) in the contract's forms.
ContractSpan = tuple[str, Precision, str | None]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_PART_OF_YEAR = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_MONTH_OR_YEAR = re.compile(r"\d{4}(?:-\d{2})?")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")


def timex_to_contract(
    value: str, report_date: dt.date, end_value: str | None = None
) -> tuple[str | None, Precision | None, str | None]:
    """Map a TIMEX3 value to the contract's ``(date, precision, enddate)``.

    ``end_value`` is the TIMEX3 value of a range's end ("between 1994 and 1997"); its last day
    becomes ``enddate``. A value with no calendar date (a duration, ``PAST_REF``) gives
    ``(None, None, None)``.

    >>> timex_to_contract("2021-W48", dt.date(2021, 12, 6))
    ('2021-11-29', 'day', '2021-12-05')
    >>> timex_to_contract("2021", dt.date(2021, 12, 6), "2031")
    ('2021', 'year', '2031')
    """
    start = contract_span(value, report_date)
    if start is None:
        return None, None, None
    date, precision, enddate = start
    if end_value is not None:
        end = contract_span(end_value, report_date)
        if end is not None:
            enddate = end[2] or end[0]
    return date, precision, enddate


def contract_span(value: str, report: dt.date) -> ContractSpan | None:
    """``(date, precision, enddate)`` of one TIMEX3 value (``enddate`` None for a single day,
    month or year); None when the value names no calendar date.

    >>> contract_span("2021-SU", dt.date(2021, 12, 6))
    ('2021-06', 'month', '2021-08')
    """
    if value == "PRESENT_REF":
        return report.isoformat(), "day", None
    day = _DAY.match(value)
    if day:
        return day.group(0), "day", None
    week = _WEEK.fullmatch(value)
    if week:
        return _week_span(int(week.group(1)), int(week.group(2)), weekend=bool(week.group(3)))
    part = _PART_OF_YEAR.fullmatch(value)
    if part:
        return _part_of_year_span(int(part.group(1)), part.group(2))
    if _MONTH_OR_YEAR.fullmatch(value):
        return value, precision_of(value), None
    if _DECADE.fullmatch(value):
        return f"{value}0", "year", f"{value}9"
    if _CENTURY.fullmatch(value):
        return f"{value}00", "year", f"{value}99"
    return None


def _week_span(year: int, week: int, *, weekend: bool) -> ContractSpan:
    """Monday (Saturday for the weekend) to Sunday of an ISO week."""
    monday = dt.date.fromisocalendar(year, week, 1)
    first = monday + dt.timedelta(days=5) if weekend else monday
    return first.isoformat(), "day", (monday + dt.timedelta(days=6)).isoformat()


def _part_of_year_span(year: int, part: str) -> ContractSpan:
    """First to last month of a quarter (``Q1``..``Q4``), half (``H1``, ``H2``) or season."""
    if part.startswith("Q"):
        q = int(part[1])
        first_month, last_month = 3 * q - 2, 3 * q
    else:
        first_month, last_month = (HALF_MONTHS | SEASON_MONTHS)[part]
    end_year, end_month = add_months(year, 1, last_month - 1)
    return f"{year}-{first_month:02d}", "month", f"{end_year}-{end_month:02d}"
