"""Story anchors: expressions counted from the story's own time rather than the report date.

Resolved in text order after the spans are chosen: "that day", "the next day", "the following
year", "the previous month" ... count from the last date named before them (the report date when
there is none); in results stories "the quarter", "the latest period" are the last quarter named
(else the one that closed before the report), and "the year-ago quarter", "year-earlier", "a year
ago" in a sentence with figures are that quarter a year before ("third-quarter profit rose to $3
million from $2 million a year earlier" -> ``2020-Q3``).

The handlers mark such candidates with an anchor code: ``D+1`` ... (a unit and a step, from the
lexicon), ``Q0`` (the story's quarter), ``Q-4`` (a year before it), ``QY1988`` (the story's
quarter in 1988), ``YAGO`` (a year before the story's time).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from accord.base.partial_dates import date_bounds, precision_of
from accord.resolve.dates.calendar import quarter_of
from accord.resolve.dates.candidate import Candidate
from accord.resolve.dates.context import Context
from accord.resolve.dates.timex import shift

__all__ = ["anchor_to_story", "story_point"]

# Words of a results story: with them, "a year earlier" compares quarters, not years.
_FIGURES = re.compile(
    r"[$%€£]|\b(?:cents?|percent|per\s+cent|profit|earnings|loss|revenue|sales|net|income|ended)\b",
    re.IGNORECASE,
)
# A unit may count from a date of its own grain or a finer one ("the next month" after a day),
# not from a coarser one ("the next day" after "in March" keeps the report date).
_GRAIN = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}
_GRAIN_OF_PRECISION = {"day": "D", "month": "M", "year": "Y"}
# Anchors that look back from the story's time without moving it.
_LOOKING_BACK = frozenset({"Q-4", "YAGO"})
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


def story_point(value: str) -> tuple[dt.date, str] | None:
    """The first day and grain (D, W, M, Q, Y) of a resolved DATE/TIME value, None for others.

    >>> story_point("2021-Q3"), story_point("2021-12-06T10:00"), story_point("P3D")
    ((datetime.date(2021, 7, 1), 'Q'), (datetime.date(2021, 12, 6), 'D'), None)
    """
    day = _DAY.match(value)
    partial = day.group(0) if day else value
    if _PARTIAL_DATE.fullmatch(partial):
        return date_bounds(partial)[0], _GRAIN_OF_PRECISION[precision_of(partial)]
    week = _WEEK.fullmatch(value)
    if week:
        return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1), "W"
    quarter = _QUARTER.fullmatch(value)
    if quarter:
        return dt.date(int(quarter[1]), 3 * int(quarter[2]) - 2, 1), "Q"
    return None


@dataclass
class _Story:
    """What the story has named so far: its last date (first day and grain) and last quarter."""

    point: tuple[dt.date, str] | None = None
    quarter: tuple[int, int] | None = None

    def note(self, c: Candidate) -> None:
        """Move the story's time to ``c`` when it is a date or time."""
        if c.timex_type not in ("DATE", "TIME"):
            return
        found = story_point(c.value)
        if found is not None:
            self.point = found
            if found[1] == "Q":
                self.quarter = (found[0].year, quarter_of(found[0].month))

    def value_of(self, c: Candidate, code: str, ctx: Context) -> str | None:
        """The value of an anchored candidate in the story so far; None to drop it."""
        quarter = self.quarter
        if code == "Q0":
            if quarter is not None:
                return f"{quarter[0]:04d}-Q{quarter[1]}"
            return c.value if _has_figures(c, ctx) else None
        if code == "Q-4":
            return c.value if quarter is None else f"{quarter[0] - 1:04d}-Q{quarter[1]}"
        if code.startswith("QY"):
            return c.value if quarter is None else f"{code[2:]}-Q{quarter[1]}"
        if code == "YAGO":
            if quarter is not None and _has_figures(c, ctx):
                return f"{quarter[0] - 1:04d}-Q{quarter[1]}"
            return c.value
        if self.point is not None and _GRAIN[self.point[1]] <= _GRAIN[code[0]]:
            return shift(self.point[0], code[0], int(code[1:]))
        return c.value


def _has_figures(c: Candidate, ctx: Context) -> bool:
    """Whether the sentence of ``c`` has money, percentages or words of results."""
    s_start, s_end = ctx.sentence(c.start, c.end)
    return bool(_FIGURES.search(ctx.text, s_start, s_end))


def anchor_to_story(taken: list[Candidate], ctx: Context) -> list[Candidate]:
    """Resolve story-anchored expressions, in text order, against what the story said before.

    ``taken`` are the chosen candidates in text order; the result has the anchored ones resolved
    (and without an anchor code). "the next day" counts from the last date named before it (of
    day grain), "that year" from the last year; "the quarter"/"the year-ago quarter"/"a year
    earlier" from the last quarter named ("third-quarter profit ... up from a year earlier" ->
    the third quarter of last year). Without such a date the report date stands in; "the
    quarter" with no quarter named and no figures in its sentence (a city's old quarter) is
    dropped.
    """
    story = _Story()
    out: list[Candidate] = []
    for c in taken:
        code = c.anchor
        if code is not None:
            value = story.value_of(c, code, ctx)
            if value is None:
                continue
            c = Candidate(c.start, c.end, c.timex_type, value, c.end_value)
            if code in _LOOKING_BACK or code.startswith("QY"):
                # "a year earlier" looks back from the story's time; it does not move it.
                out.append(c)
                continue
        story.note(c)
        out.append(c)
    return out
