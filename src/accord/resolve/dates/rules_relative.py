"""Handlers of dates counted from the report date: "last week", "the weekend", "on Monday",
"yesterday", "recently", "two days ago", "(will ...) in three days", and the story anchors
("the next day"), whose report-date value ``anchoring`` replaces when the story names a date.

"three weeks later"/"two days earlier" are anchored to some other event in the story, not to the
report date, so they give only the duration (``P3W``, span "three weeks").
"""

from __future__ import annotations

import datetime as dt
import re

from accord.resolve.dates.calendar import add_months, quarter_of, weekday_date
from accord.resolve.dates.candidate import Candidate, TimexType
from accord.resolve.dates.context import Context
from accord.resolve.dates.timex import day_value, duration, shift, week_value, weekend_value

__all__ = [
    "ago",
    "anchored",
    "day_offset",
    "fuzzy",
    "in_future",
    "part_of_day_suffix",
    "relative_unit",
    "weekday",
    "weekend",
]

_SPACES = re.compile(r"\s+")
_RELATIVE_STEPS = {
    "last": -1,
    "previous": -1,
    "the previous": -1,
    "the last": -1,
    "next": 1,
    "the next": 1,
    "coming": 1,
    "the coming": 1,
}
# "the latest quarter", "the past quarter" is the last one to close, not the current one.
_CLOSED_QUARTER = frozenset({"latest", "the latest", "past", "the past"})
_CURRENT_ACCOUNT = re.compile(r"\s+accounts?\b")
_LEADING_IN = re.compile(r"in\s+(?=the\b|recent\b|past\b|future\b|near\b)", re.IGNORECASE)


def part_of_day_suffix(m: re.Match[str], ctx: Context) -> tuple[TimexType, str]:
    """("TIME", "TMO") when the match names a part of the day (group ``pod``), else ("DATE", "")."""
    pod = (m["pod"] or "").lower() if "pod" in m.re.groupindex else ""
    if pod:
        return "TIME", "T" + ctx.lexicon.parts_of_day[pod]
    return "DATE", ""


def relative_unit(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'last week', 'this year', 'the coming month', 'the past quarter', 'early next decade'."""
    rel = _SPACES.sub(" ", m["rel"].lower())
    unit = m["unit"].lower()
    if rel == "the" and not m["mod"]:
        return None
    step = _RELATIVE_STEPS.get(rel, 0)
    if unit == "weekend":
        tense = ctx.tense(m.start(), m.end()) if step == 0 else None
        return Candidate.spanning(m, "DATE", weekend_value(ctx.report_date, step, tense))
    if unit == "quarter" and rel in _CLOSED_QUARTER:
        step = -1
    value = _period_value(ctx.report_date, unit, step)
    return None if value is None else Candidate.spanning(m, "DATE", value)


def _period_value(report: dt.date, unit: str, step: int) -> str | None:
    """The year/month/week/quarter/decade/century ``step`` units from the report date's."""
    if unit in ("year", "month", "week"):
        return shift(report, unit[0].upper(), step)
    if unit == "quarter":
        index = report.year * 4 + (quarter_of(report.month) - 1) + step
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(report.year + 10 * step)[:3]
    if unit == "century":
        return f"{(report.year - 1) // 100 + step:02d}"
    return None


def weekend(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the weekend', by the sentence's tense."""
    return Candidate.spanning(m, "DATE", weekend_value(ctx.report_date, 0, ctx.tense(m.start(), m.end())))


def weekday(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'on Monday', 'last Friday', 'this coming Tuesday', 'Sunday night'."""
    word = m["wd"]
    if not word[:1].isupper():
        return None
    number = ctx.lexicon.weekdays[word.lower()]
    rel = _SPACES.sub(" ", (m["rel"] or "").lower())
    report = ctx.report_date
    if rel in ("last", "this past"):
        day = weekday_date(report, number, "past", strict=True)
    elif rel in ("next", "this coming"):
        day = weekday_date(report, number, "future", strict=True)
    else:
        day = weekday_date(report, number, ctx.tense(m.start(), m.end()))
    kind, suffix = part_of_day_suffix(m, ctx)
    return Candidate.spanning(m, kind, day_value(day) + suffix)


def day_offset(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'yesterday', 'the day after tomorrow', 'late yesterday', 'tomorrow morning'."""
    offset = ctx.lexicon.day_offsets[_SPACES.sub(" ", m["word"].lower())]
    kind, suffix = part_of_day_suffix(m, ctx)
    return Candidate.spanning(m, kind, day_value(ctx.report_date + dt.timedelta(days=offset)) + suffix)


def fuzzy(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'now', 'recently', 'in the future' -> ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``."""
    word = _SPACES.sub(" ", m["word"].lower())
    if word == "current" and _CURRENT_ACCOUNT.match(ctx.text[m.end() : m.end() + 10]):
        # The balance of payments, not a time.
        return None
    value = ctx.lexicon.fuzzy[word]
    start = m.start()
    # TimeML marks "recent years" / "the past" without the preposition.
    lead = _LEADING_IN.match(m.group(0))
    if lead and not word.startswith("in the coming") and "ahead" not in word:
        start += lead.end()
    return Candidate(start, m.end(), "DATE", value)


def ago(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'two days ago', 'a year earlier', 'three weeks later', 'a month from now'."""
    lex = ctx.lexicon
    unit = lex.units[m["unit"].lower()]
    amount = lex.count(m["num"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier") else 1
    report = ctx.report_date
    if amount is None or not float(amount).is_integer():
        return Candidate.spanning(m, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    n = int(amount) * sign
    if n == -1 and unit == "Y":
        # "a year ago"/"a year earlier": in quarterly results, the same quarter a year before.
        return Candidate(m.start(), m.end(), "DATE", f"{report.year - 1:04d}", anchor="YAGO")
    if direction in ("earlier", "later"):
        # "three days later" counts from another event of the story, not from the report date:
        # only the duration is known (TimeML marks "three days", without the adverb).
        return Candidate(m.start(), m.start("dir"), "DURATION", duration(abs(n), unit))
    try:
        found = _counted_value(report, unit, n)
    except (OverflowError, ValueError):
        return None  # "104303 weeks ago": before the calendar begins
    return None if found is None else Candidate.spanning(m, *found)


def _counted_value(report: dt.date, unit: str, n: int) -> tuple[TimexType, str] | None:
    """The type and value of the period ``n`` lexicon ``unit``s from the report date."""
    if unit == "D":
        return "DATE", day_value(report + dt.timedelta(days=n))
    if unit in ("W", "2W"):
        return "DATE", week_value(report + dt.timedelta(weeks=n * (2 if unit == "2W" else 1)))
    if unit == "M":
        y, mo = add_months(report.year, report.month, n)
        return "DATE", f"{y:04d}-{mo:02d}"
    if unit == "Q":
        y, mo = add_months(report.year, report.month, 3 * n)
        return "DATE", f"{y:04d}-Q{quarter_of(mo)}"
    if unit == "Y":
        return "DATE", f"{report.year + n:04d}"
    if unit == "10Y":
        return "DATE", str(report.year + 10 * n)[:3]
    if unit.startswith("T"):
        return "TIME", day_value(report) + "T" + "XX:XX"
    return None


# "the first ... in", "the biggest ... in", "the only ... in": the phrase after "in" is a period, not a day ahead.
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:first|last|only|highest|lowest|biggest|largest|worst|best|deadliest|longest)\b[^.,;:]{0,60}\s$",
    re.IGNORECASE,
)


def in_future(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'(will ...) in three days' / 'in two weeks' time' -> the day/week/month/year it lands on."""
    lex = ctx.lexicon
    amount = lex.count(m["num"])
    if amount is None or not float(amount).is_integer() or amount <= 0:
        return None
    if not m["time"] and ctx.tense(m.start(), m.end()) != "future":
        return None
    if _SUPERLATIVE_BEFORE.search(ctx.text, max(0, m.start() - 80), m.start()):
        return None  # "the first visit by a Chinese leader in ten years": a period looked back on
    unit = lex.units[m["unit"].lower()]
    if unit not in ("D", "W", "M", "Y"):
        return None
    try:
        value = shift(ctx.report_date, unit, int(amount))
    except (OverflowError, ValueError):
        return None  # "will ... in 104303 days": past the calendar's end
    return Candidate(m.start("num"), m.end(), "DATE", value)


def anchored(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'that day', 'the next day', 'the following year' ...: counted from the last date before
    (see ``anchoring``); the value here counts from the report date, for a story without one."""
    code = ctx.lexicon.anchored[_SPACES.sub(" ", m["word"].lower())]
    unit, step = code[0], int(code[1:])
    return Candidate(m.start(), m.end(), "DATE", shift(ctx.report_date, unit, step), anchor=code)
