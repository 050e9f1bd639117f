"""Handlers of the periods of results stories: quarters and halves ("the third quarter", "Q3
2021"), the story's own quarter ("the quarter", "the year-ago period"), and its year ("for the
year", "the fiscal year", "year-end").

In results stories "the quarter", "the latest period" are the last quarter named (else the one
that closed before the report), and "the year-ago quarter", "year-earlier" are that quarter a
year before; the handlers propose the report-date reading with an anchor code, and ``anchoring``
replaces it once the story's quarter is known.
"""

from __future__ import annotations

import datetime as dt
import re

from accord.resolve.dates.calendar import quarter_of, year_of
from accord.resolve.dates.candidate import Candidate
from accord.resolve.dates.context import Context

__all__ = [
    "ordinal_quarter",
    "q_quarter",
    "story_quarter",
    "the_year",
    "year_ago_period",
    "year_end",
    "year_quarter",
]

_SPACES = re.compile(r"\s+")


def _default_quarter(report: dt.date) -> tuple[int, int]:
    """The quarter a results story is about: the last one to close (reports come out ~6 weeks on)."""
    day = report - dt.timedelta(days=50)
    return day.year, quarter_of(day.month)


def ordinal_quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the third quarter', 'last year's fourth quarter', 'the first half of 2021'."""
    q = _quarter_number(m, ctx)
    if q is None or q > 4:
        return None
    year = _quarter_year(m, ctx, q)
    if m["unit"].lower() == "half":
        if q > 2:
            return None
        return Candidate.spanning(m, "DATE", f"{year:04d}-H{q}")
    return Candidate.spanning(m, "DATE", f"{year:04d}-Q{q}")


def _quarter_number(m: re.Match[str], ctx: Context) -> int | None:
    """The number of a quarter or half: 'third' -> 3, 'final' -> 4; None for another word."""
    word = (m["ord"] or "").lower()
    if m["q"]:
        return int(m["q"])
    if word in ctx.lexicon.ordinals:
        return ctx.lexicon.ordinals[word]
    if word in ("final", "fourth"):
        return 4
    return None


def _quarter_year(m: re.Match[str], ctx: Context, q: int) -> int:
    """The year of quarter ``q``: the one written, the owner's ("last year's"), else this year's,
    or last year's when the quarter has not yet begun and the sentence is in the past."""
    report = ctx.report_date
    if m["year"]:
        return year_of(m["year"], report)
    owner = (m["owner"] or "").lower()
    if owner.startswith("last"):
        return report.year - 1
    if owner.startswith("next"):
        return report.year + 1
    if owner.startswith("this"):
        return report.year
    if q > quarter_of(report.month) and ctx.tense(m.start(), m.end()) == "past":
        return report.year - 1
    return report.year


def q_quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'Q3', 'Q3 2021', 'Q3-21'."""
    year = m["year"] or m["yy"]
    value = f"{year_of(year, ctx.report_date) if year else ctx.report_date.year:04d}-Q{m['q']}"
    return Candidate.spanning(m, "DATE", value)


def story_quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the quarter', 'the latest period', 'the same period last year': the story's quarter."""
    mod = _SPACES.sub(" ", (m["mod"] or "").lower())
    if m["unit"].lower() == "period" and not (mod or m["ago"]):
        return None
    year, q = _default_quarter(ctx.report_date)
    if m["ago"]:
        return Candidate(m.start(), m.end(), "DATE", f"{year - 1:04d}-Q{q}", anchor="Q-4")
    return Candidate(m.start(), m.end(), "DATE", f"{year:04d}-Q{q}", anchor="Q0")


def year_ago_period(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the year-ago quarter', 'year-earlier results': a year before the story's period."""
    report = ctx.report_date
    word = (m["ord"] or "").lower()
    if word in ctx.lexicon.ordinals:
        return Candidate.spanning(m, "DATE", f"{report.year - 1:04d}-Q{ctx.lexicon.ordinals[word]}")
    if m["unit"]:
        year, q = _default_quarter(report)
        return Candidate(m.start(), m.end(), "DATE", f"{year - 1:04d}-Q{q}", anchor="Q-4")
    # The bare adjective ("year-earlier profit") is the expression; the noun is not.
    return Candidate(m.start("adj"), m.end("adj"), "DATE", f"{report.year - 1:04d}", anchor="YAGO")


def year_quarter(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the 1988 third quarter', 'the 1988 quarter' (the story's quarter, in 1988)."""
    year = int(m["yr"])
    word = (m["ord"] or "").lower()
    if word in ctx.lexicon.ordinals:
        return Candidate.spanning(m, "DATE", f"{year:04d}-Q{ctx.lexicon.ordinals[word]}")
    return Candidate(m.start(), m.end(), "DATE", f"{year:04d}", anchor=f"QY{year:04d}")


def the_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'for the year', 'the full year', 'the fiscal year' -> the report's year; 'the year ended
    June 30' -> a one-year duration (the fiscal year it names ends on that date)."""
    start = m.start("lead") if m["lead"] else m.start("the")
    if m["ended"]:
        return Candidate(start, m.end("year"), "DURATION", "P1Y")
    if not (m["mod"] or m["pre"] or m["lead"]):
        return None
    return Candidate(start, m.end("year"), "DATE", f"{ctx.report_date.year:04d}")


def year_end(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'year-end', "the year's end" -> the report's year."""
    return Candidate.spanning(m, "DATE", f"{ctx.report_date.year:04d}")
