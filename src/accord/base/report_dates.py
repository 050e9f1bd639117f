"""The range of report dates Accord accepts: 1800-01-01 to the last day of next year.

A news report dated outside it is a typo or a placeholder (0001-01-01, 9999-12-31), and the date
resolvers, which count days and years from the report date, would run off the calendar with it
(``OverflowError``). Readers reject such an article with ``report_date_problem``'s reason; the
HTTP API answers 422 with it.

>>> report_date_problem(dt.date(2021, 12, 6)) is None
True
>>> report_date_problem(dt.date(1, 1, 1), today=dt.date(2026, 1, 1))
'report date 0001-01-01 is outside 1800-01-01 .. 2027-12-31'
"""

from __future__ import annotations

import datetime as dt

__all__ = ["EARLIEST_REPORT_DATE", "latest_report_date", "report_date_problem"]

EARLIEST_REPORT_DATE = dt.date(1800, 1, 1)


def latest_report_date(today: dt.date | None = None) -> dt.date:
    """The last day of the year after ``today`` (the machine's date by default)."""
    year = (today or dt.date.today()).year + 1
    return dt.date(year, 12, 31)


def report_date_problem(date: dt.date, *, today: dt.date | None = None) -> str | None:
    """None when ``date`` is a plausible report date, else the one-line reason it is not."""
    latest = latest_report_date(today)
    if EARLIEST_REPORT_DATE <= date <= latest:
        return None
    return f"report date {date.isoformat()} is outside {EARLIEST_REPORT_DATE.isoformat()} .. {latest.isoformat()}"
