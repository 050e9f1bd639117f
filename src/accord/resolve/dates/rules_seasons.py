"""Handlers of named times of the year: seasons ("last summer", "spring 2020") and holidays
("Christmas", "last Thanksgiving", "Easter week", "Election Day 2000"), computed for the year the
words or the sentence's tense point to."""

from __future__ import annotations

import datetime as dt
import re

from accord.resolve.dates.calendar import SEASON_MONTHS, holiday_date, month_year
from accord.resolve.dates.candidate import Candidate
from accord.resolve.dates.context import Context
from accord.resolve.dates.timex import day_value, week_value

__all__ = ["holiday", "season"]

_SPACES = re.compile(r"\s+")
# "fall" alone is more often the verb or the noun ("the fall of Kabul") than the season.
_FALL_MODIFIERS = frozenset({"this", "last", "next", "this past", "early", "late"})


def season(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'last summer', 'this spring', 'winter 2020' -> ``YYYY-SU`` ..."""
    code = ctx.lexicon.seasons[m["season"].lower()]
    rel = _SPACES.sub(" ", (m["rel"] or "").lower())
    if m["season"].lower() == "fall" and not (m["year"] or rel in _FALL_MODIFIERS):
        return None
    year = int(m["year"]) if m["year"] else _season_year(m, ctx, code, rel)
    return Candidate.spanning(m, "DATE", f"{year:04d}-{code}")


def _season_year(m: re.Match[str], ctx: Context, code: str, rel: str) -> int:
    """The year of a season written without one: 'last' the one before, 'next' the one to come,
    else this year's (last year's when a past sentence names a season still to come)."""
    report = ctx.report_date
    start_month = SEASON_MONTHS[code][0]
    if rel in ("last", "this past"):
        return report.year if start_month + 2 < report.month else report.year - 1
    if rel == "next":
        return report.year if start_month > report.month else report.year + 1
    tense = ctx.tense(m.start(), m.end())
    if tense == "past" and start_month > report.month:
        return report.year - 1
    if code == "WI" and report.month <= 2:
        # Winter begins in December: in January it is the one that began last year.
        return report.year - 1
    return report.year


def holiday(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'Christmas', 'last Thanksgiving', 'Easter week', 'Election Day 2000' -> the day (or week)."""
    if not m["hol"][:1].isupper():
        return None
    rule = ctx.lexicon.holidays[_SPACES.sub(" ", m["hol"].lower())]
    year = int(m["year"]) if m["year"] else _holiday_year(m, ctx, rule)
    day = holiday_date(rule, year)
    if m["week"]:
        return Candidate.spanning(m, "DATE", week_value(day))
    return Candidate.spanning(m, "DATE", day_value(day))


def _holiday_year(m: re.Match[str], ctx: Context, rule: str) -> int:
    """The year of a holiday written without one, from 'last'/'next'/'this' or the tense."""
    report = ctx.report_date
    rel = (m["rel"] or "").lower()
    this_year: dt.date = holiday_date(rule, report.year)
    if rel == "last":
        return report.year if this_year < report else report.year - 1
    if rel == "next":
        return report.year if this_year > report else report.year + 1
    if rel == "this":
        return report.year
    tense = ctx.tense(m.start(), m.end())
    return month_year(report, this_year.month, this_year.day, tense)
