"""Writing TIMEX3 values (TimeML 1.2.1): days, weeks, weekends, periods counted from a day, and
durations.

>>> week_value(dt.date(2021, 12, 6)), shift(dt.date(2021, 12, 6), "M", -1)
('2021-W49', '2021-11')
>>> duration(2.5, "Y"), duration(None, "W"), duration(3, "10Y")
('P2Y6M', 'PXW', 'P30Y')
"""

from __future__ import annotations

import datetime as dt
import re

from accord.resolve.dates.calendar import Tense, add_months

__all__ = ["day_value", "duration", "shift", "week_value", "weekend_value"]

# How a fraction of a unit is written in the next smaller unit: "2 1/2 years" -> P2Y6M, "5 1/2
# hours" -> PT5H30M, "1.5 days" -> P1DT12H. ``M_`` is minutes (``M`` after ``T``).
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "M_": ("S", 60)}
_FACTOR = re.compile(r"(\d+)([A-Z])")


def day_value(day: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return day.isoformat()


def week_value(day: dt.date) -> str:
    """The ISO week of ``day``: ``YYYY-Www``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekend_value(report: dt.date, step: int, tense: Tense | None) -> str:
    """The weekend's ``YYYY-Www-WE``: 'last' (step -1) the one before, 'next' (step 1) the one to
    come, 'this'/'the' (step 0) by tense (the past one without a cue, unless it is the weekend)."""
    if step == 0:
        on_weekend = report.isoweekday() >= 6
        if tense == "future" or on_weekend:
            anchor = report
        else:
            anchor = report - dt.timedelta(weeks=1)
    elif step < 0:
        anchor = report - dt.timedelta(weeks=1)
    else:
        anchor = report if report.isoweekday() <= 3 else report + dt.timedelta(weeks=1)
    return week_value(anchor) + "-WE"


def shift(day: dt.date, unit: str, step: int) -> str:
    """The TIMEX3 value of the day/week/month/year (``unit`` D, W, M, any other: Y) ``step``
    units from ``day``."""
    if unit == "D":
        return day_value(day + dt.timedelta(days=step))
    if unit == "W":
        return week_value(day + dt.timedelta(weeks=step))
    if unit == "M":
        y, mo = add_months(day.year, day.month, step)
        return f"{y:04d}-{mo:02d}"
    return f"{day.year + step:04d}"


def duration(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (2, 'Y') -> P2Y, (5, 'TH') -> PT5H, (None, 'W') -> PXW, (3, '10Y') -> P30Y.

    ``unit`` is a lexicon unit: a letter, after ``T`` for clock units, after a factor for
    multiples (``10Y`` a decade). ``amount`` None is an unknown count ("several years").
    """
    time = unit.startswith("T")
    base = unit[1:] if time else unit
    factor_match = _FACTOR.fullmatch(base)
    factor = 1
    if factor_match:
        factor, base = int(factor_match.group(1)), factor_match.group(2)
    if amount is None:
        return f"P{'T' if time else ''}X{base}"
    total = float(amount * factor)
    if total.is_integer():
        return f"P{'T' if time else ''}{int(total)}{base}"
    key = "M_" if time and base == "M" else base
    if key in _SMALLER and (total * _SMALLER[key][1]).is_integer():
        return _fraction(total, base, key, time)
    return f"P{'T' if time else ''}{total}{base}"


def _fraction(total: float, base: str, key: str, time: bool) -> str:
    """A duration of ``total`` ``base`` units written as whole units and the next smaller unit."""
    sub, mult = _SMALLER[key]
    whole, rest = int(total), int(round((total - int(total)) * mult))
    head = f"{whole}{base}" if whole else ""
    if key == "D":
        return f"P{head}T{rest}H"
    return f"P{'T' if time else ''}{head}{rest}{sub}"
