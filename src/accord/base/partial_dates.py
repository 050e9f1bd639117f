"""The contract's partial dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and the days they cover.

>>> date_bounds("2021-02")
(datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))
>>> precision_of("2021-12")
'month'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from accord.base.ontology import Precision

__all__ = ["PARTIAL_DATE_PATTERN", "date_bounds", "is_partial_date", "precision_of"]

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_FORM = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def is_partial_date(value: str) -> bool:
    """Whether ``value`` is written as a contract date (it may still be no calendar date)."""
    return _FORM.match(value.strip()) is not None


def precision_of(value: str) -> Precision:
    """``day``, ``month`` or ``year`` for a contract date; raises ``ValueError`` for another form."""
    match = _FORM.match(value.strip())
    if match is None:
        raise ValueError(f"{value!r} is not in the form YYYY, YYYY-MM or YYYY-MM-DD")
    _, month, day = match.groups()
    return "year" if month is None else "month" if day is None else "day"


def date_bounds(value: str, *, what: str = "date") -> tuple[dt.date, dt.date]:
    """First and last day of a contract date (YYYY, YYYY-MM or YYYY-MM-DD).

    Raises ``ValueError`` naming ``what`` when ``value`` is not in one of those forms or is no
    calendar date.
    """
    match = _FORM.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise ValueError(f"{what} {value!r} is not in the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        if month is None:
            return dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
        if day is None:
            last = calendar.monthrange(int(year), int(month))[1]
            return dt.date(int(year), int(month), 1), dt.date(int(year), int(month), last)
        day_date = dt.date(int(year), int(month), int(day))
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise ValueError(f"{what} {value!r} is not a calendar date ({exc})") from None
    return day_date, day_date
