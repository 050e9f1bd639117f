"""Handlers of times of day: clock times ("4 p.m.", "10:30 am Monday", "4 in the morning",
"noon") and parts of days ("tonight", "this morning")."""

from __future__ import annotations

import datetime as dt
import re

from accord.resolve.dates.calendar import weekday_date
from accord.resolve.dates.candidate import Candidate
from accord.resolve.dates.context import Context
from accord.resolve.dates.timex import day_value

__all__ = ["clock", "time_of_day"]

_SPACES = re.compile(r"\s+")


def clock(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'4 p.m.', '10:30 am Monday', '8 in the evening', 'midnight' -> ``YYYY-MM-DDThh:mm``."""
    found = _hour_minute(m)
    if found is None:
        return None
    hour, minute = found
    return Candidate.spanning(m, "TIME", f"{day_value(_clock_day(m, ctx))}T{hour:02d}:{minute:02d}")


def _hour_minute(m: re.Match[str]) -> tuple[int, int] | None:
    """The 24-hour clock time of a match (midnight is 24:00); None for no time ("13 pm")."""
    if m["noon"]:
        return (12, 0) if m["noon"].lower() in ("noon", "midday") else (24, 0)
    hour, minute = int(m["h"]), int(m["min"] or 0)
    if m["ampm"]:
        ampm = m["ampm"].lower().replace(".", "")
    else:
        # "4 in the morning", "8 in the evening", "11 at night" (but "2 at night" is a.m.).
        late = m["part"] in ("afternoon", "evening") or (m["night"] and hour >= 6)
        ampm = "pm" if late else "am"
    if not (1 <= hour <= 12 and minute < 60):
        return None
    if ampm == "pm" and hour != 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour, minute


def _clock_day(m: re.Match[str], ctx: Context) -> dt.date:
    """The day of a clock time: the day or weekday named after it (group ``anchor``), else the
    report date."""
    report = ctx.report_date
    anchor = (m["anchor"] or "").lower()
    if anchor in ctx.lexicon.day_offsets:
        return report + dt.timedelta(days=ctx.lexicon.day_offsets[anchor])
    if anchor in ctx.lexicon.weekdays:
        return weekday_date(report, ctx.lexicon.weekdays[anchor], ctx.tense(m.start(), m.end()))
    return report


def time_of_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'tonight', 'this morning', 'last night' -> ``YYYY-MM-DDTNI`` ..."""
    code = ctx.lexicon.times_of_day[_SPACES.sub(" ", m["word"].lower())]
    offset, part = code.split("T")
    return Candidate.spanning(
        m, "TIME", day_value(ctx.report_date + dt.timedelta(days=int(offset))) + "T" + part
    )
