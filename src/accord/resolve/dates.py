"""Find time expressions in news text and resolve them against the report date.

``find_time_expressions(text, report_date)`` runs compiled regular expressions over the text (no
parser) and returns ``TimeExpression`` records: the span, the TIMEX3 type and value (TimeML /
TempEval-3 conventions, for scoring) and the output contract's ``date``/``precision``/``enddate``.
``resolve_date(phrase, report_date)`` resolves one phrase.

Relative expressions are resolved against the report date; where the direction is open ("on
Monday", "in March", "the weekend") the tense of the sentence decides, read from cues in the same
sentence: the nearest of "will", "is due to", "plans to", "next" ... (future) or "said", "was",
verbs in -ed ... (past). Without a cue a weekday is taken as past (news reports what happened)
and a month as the nearest such month. A cue is weak evidence (it may belong to another clause),
so a date up to 45 days (a bare month: one month) on the other side keeps the report's year
("said ... on Dec. 20", written on Dec. 6, is this December's).

Contract forms chosen here (what an analyst filtering events by date expects):

- a week (``2021-W48``, "last week") -> ``date`` = its Monday, ``enddate`` = its Sunday,
  precision ``day``: the event lies somewhere in those seven days; the weekend likewise
  Saturday..Sunday;
- a quarter, half-year or season -> first and last month, precision ``month``;
- a decade or century -> first and last year, precision ``year``;
- "now"/"currently" (``PRESENT_REF``) -> the report date, precision ``day``;
- past/future references, durations and sets -> no ``date``.

TimeML forms followed here: "between 1994 and 1997" is two years (the first keeps the range's end
for the contract); "$5 million a year", "four flights a week" are SETs (``P1Y``, ``P1W``);
holidays are computed for the year (Thanksgiving, Election Day, Easter and the days counted from
it); "4 in the morning" is a clock time.

"three weeks later"/"two days earlier" are anchored to some other event in the story, not to the
report date, so they give only the duration (``P3W``, span "three weeks"); "two days ago", "in
three days' time" and "(will ...) in three days" are dates.

Story anchors, resolved in text order after the spans are chosen: "that day", "the next day",
"the following year", "the previous month" ... count from the last date named before them (the
report date when there is none); in results stories "the quarter", "the latest period" are the
last quarter named (else the one that closed before the report), and "the year-ago quarter",
"year-earlier", "a year ago" in a sentence with figures are that quarter a year before
("third-quarter profit rose to $3 million from $2 million a year earlier" -> ``2020-Q3``).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from accord.records import Precision, TimeExpression
from accord.resolve.dates_lexicon import DateLexicon, load_date_lexicon

__all__ = ["find_time_expressions", "resolve_date", "timex_to_contract"]

Tense = Literal["past", "future"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

_MAX_CUE_DISTANCE = 15
_QUOTE_CLOSE = re.compile("(?:''|\"|\u201d)")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_HALF_MONTHS = {"H1": (1, 6), "H2": (7, 12)}
# Words before a four-digit number that make it a year; "strong" ones allow years before 1800.
_STRONG_YEAR_CONTEXT = frozenset(
    "in since from until till before after during throughout between early late mid circa c. "
    "fiscal year".split()
)
_WEAK_YEAR_CONTEXT = frozenset(
    "by of for to into through around the a an that this its his her their our and , 's".split()
)
_NOT_PAST_ED = frozenset(
    "need indeed speed red bed seed feed breed united based armed hundred limited related "
    "expected scheduled planned proposed alleged detailed advanced concerned interested "
    "reported succeed proceed exceed heed bleed shed embed".split()
)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    timex_type: TimexType
    value: str
    end_value: str | None = None
    # Story-anchored expressions ("that day", "the quarter", "the year-ago quarter") carry what
    # they are anchored to; ``value`` is then the fallback against the report date (see _anchor).
    anchor: str | None = None


@dataclass
class _Context:
    text: str
    report_date: dt.date
    forced_tense: Tense | None
    lexicon: DateLexicon
    cues: re.Pattern[str]
    _boundaries: list[int] | None = field(default=None)

    def tense(self, start: int, end: int) -> Tense | None:
        """The tense of the sentence around ``text[start:end]``: the nearest cue decides."""
        if self.forced_tense is not None:
            return self.forced_tense
        s_start, s_end = self.sentence(start, end)
        best: tuple[int, Tense] | None = None
        for m in self.cues.finditer(self.text, s_start, s_end):
            if m.start() < end and start < m.end():
                continue
            word = m.group(0).lower()
            norm = re.sub(r"\s+", " ", word)
            if norm == "next" and re.match(r"\s+to\b", self.text[m.end() : m.end() + 4]):
                # "next to the embassy" is a place.
                continue
            if norm in self.lexicon.future_cues:
                cue_tense: Tense = "future"
            else:
                # A participle after "be"/"is"/"to" ("will be paid", "is based") says nothing of tense.
                passive = _PASSIVE_BEFORE.search(self.text[max(0, m.start() - 12) : m.start()])
                if passive or (m.group("ed") and word in _NOT_PAST_ED):
                    continue
                cue_tense = "past"
            if m.end() <= start:
                distance = len(_WORD.findall(self.text, m.end(), start))
            elif _QUOTE_CLOSE.search(self.text, end, m.start()):
                # '"... leave on Thursday," Castro said': the attribution after a quotation says
                # nothing of the quoted event's time.
                continue
            else:
                # A cue after the expression binds less tightly ("on Monday, he said ...").
                distance = len(_WORD.findall(self.text, end, m.start())) + 3
            # Past 15 words a cue belongs to another clause more often than not.
            if distance <= _MAX_CUE_DISTANCE and (best is None or distance < best[0]):
                best = (distance, cue_tense)
        return best[1] if best else None

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The offsets of the sentence around ``text[start:end]``."""
        if self._boundaries is None:
            self._boundaries = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        i = bisect.bisect_right(self._boundaries, start)
        s_start = self._boundaries[i - 1] if i else 0
        j = bisect.bisect_left(self._boundaries, end)
        s_end = self._boundaries[j] if j < len(self._boundaries) else len(self.text)
        return s_start, s_end


# Titles and initials ("Mr. Davison", "U.S. President") end with a period but not a sentence.
_ABBREVIATIONS = "Mr Mrs Ms Dr St Gen Col Lt Sgt Capt Adm Sen Rep Gov Pres Prof Rev Jr Sr Gov Co Corp Inc No"
_NOT_SENTENCE_END = "".join(rf"(?<!\b{a}\.)" for a in sorted(set(_ABBREVIATIONS.split()))) + r"(?<!\b[A-Z]\.)"
_SENTENCE_END = re.compile(
    r"[.!?]" + _NOT_SENTENCE_END + r"[\"'\u201d)\]]*\s+(?=[\"'\u201c(\[]?[A-Z])|\n\s*\n"
)
_WORD = re.compile(r"\w+")
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|to)\s+$", re.IGNORECASE)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "|".join(escaped)


# --- values ---------------------------------------------------------------------------------


def _day(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _weekday_date(report: dt.date, weekday: int, tense: Tense | None, strict: bool = False) -> dt.date:
    """The date of an ISO ``weekday`` near ``report``: past -> on or before, future -> on or after."""
    back = (report.isoweekday() - weekday) % 7
    forward = (weekday - report.isoweekday()) % 7
    if strict:
        back = back or 7
        forward = forward or 7
    if tense == "future":
        return report + dt.timedelta(days=forward)
    return report - dt.timedelta(days=back)


def _month_year(report: dt.date, month: int, day: int | None, tense: Tense | None, slack: int = 45) -> int:
    """The year of a month (and day) written without one.

    Past -> the latest such date on or before the report date, future -> the first on or after.
    A date within ``slack`` days on the "wrong" side keeps the report's year: a tense read from
    the sentence more likely belongs to another clause than the story to a date eleven months away. Without a cue a month
    up to two months ahead is this year's, later ones last year's (news reports the past).
    """
    if day is not None:
        # "Nov. 31" happens in copy; the year is decided on the month's last real day.
        this_year = dt.date(report.year, month, min(day, calendar.monthrange(report.year, month)[1]))
        gap = (this_year - report).days
        if tense == "past" and gap > slack:
            return report.year - 1
        if tense == "future" and gap < -slack:
            return report.year + 1
        if tense is None and gap > 60:
            return report.year - 1
        return report.year
    diff = month - report.month
    # The same slack for a bare month: next month under a past cue ("said ... in March", written
    # in February) is still this year's, as is last month under a future cue.
    month_slack = 1 if slack else 0
    if tense == "past":
        return report.year if diff <= month_slack else report.year - 1
    if tense == "future":
        return report.year if diff >= -month_slack else report.year + 1
    return report.year if diff <= 2 else report.year - 1


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _number(word: str, lex: DateLexicon) -> float | None:
    """'two' -> 2, '10' -> 10, 'twenty-five' -> 25; None for vague amounts ('several')."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    if w in lex.vague_numbers:
        return None
    if w in lex.numbers:
        return lex.numbers[w]
    if re.fullmatch(r"\d+(?:\.\d+)?", w.replace(",", "")):
        return float(w.replace(",", ""))
    half = re.fullmatch(r"(\d+) 1/2", w)
    if half:
        return int(half.group(1)) + 0.5
    parts = re.split(r"[\s-]+", w)
    if len(parts) == 2 and all(p in lex.numbers for p in parts):
        return lex.numbers[parts[0]] + lex.numbers[parts[1]]
    return None


def _duration(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: (2, 'Y') -> P2Y, (5, 'TH') -> PT5H, (None, 'W') -> PXW, (3, '10Y') -> P30Y."""
    time = unit.startswith("T")
    base = unit[1:] if time else unit
    factor_match = re.fullmatch(r"(\d+)([A-Z])", base)
    factor = 1
    if factor_match:
        factor, base = int(factor_match.group(1)), factor_match.group(2)
    if amount is None:
        count = "X"
    else:
        total = float(amount * factor)
        if not total.is_integer():
            # Fractions go to the next smaller unit, as TimeML writes them: "2 1/2 years" ->
            # P2Y6M, "5 1/2 hours" -> PT5H30M, "1.5 days" -> P1DT12H.
            smaller = {
                "Y": ("M", 12),
                "M": ("D", 30),
                "W": ("D", 7),
                "D": ("H", 24),
                "H": ("M", 60),
                "M_": ("S", 60),
            }
            key = "M_" if time and base == "M" else base
            if key in smaller and (total * smaller[key][1]).is_integer():
                sub, mult = smaller[key]
                whole, rest = int(total), int(round((total - int(total)) * mult))
                head = f"{whole}{base}" if whole else ""
                if key == "D":
                    return f"P{head}T{rest}H"
                return f"P{'T' if time else ''}{head}{rest}{sub}"
            count = str(total)
        else:
            count = str(int(total))
    return f"P{'T' if time else ''}{count}{base}"


def timex_to_contract(
    value: str, report_date: dt.date, end_value: str | None = None
) -> tuple[str | None, Precision | None, str | None]:
    """Map a TIMEX3 value to the contract's ``(date, precision, enddate)``.

    >>> timex_to_contract("2021-W48", dt.date(2021, 12, 6))
    ('2021-11-29', 'day', '2021-12-05')
    >>> timex_to_contract("2021", dt.date(2021, 12, 6), "2031")
    ('2021', 'year', '2031')
    """
    start = _contract_span(value, report_date)
    if start is None:
        return None, None, None
    date, precision, enddate = start
    if end_value is not None:
        end = _contract_span(end_value, report_date)
        if end is not None:
            enddate = end[2] or end[0]
    return date, precision, enddate


def _contract_span(value: str, report: dt.date) -> tuple[str, Precision, str | None] | None:
    if value == "PRESENT_REF":
        return report.isoformat(), "day", None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return m.group(0), "day", None
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        first = monday + dt.timedelta(days=5) if m.group(3) else monday
        return first.isoformat(), "day", (monday + dt.timedelta(days=6)).isoformat()
    m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)", value)
    if m:
        year, part = int(m.group(1)), m.group(2)
        if part.startswith("Q"):
            q = int(part[1])
            first_month, last_month = 3 * q - 2, 3 * q
        else:
            first_month, last_month = (_HALF_MONTHS | _SEASON_MONTHS)[part]
        end_year, end_month = _add_months(year, 1, last_month - 1)
        return f"{year}-{first_month:02d}", "month", f"{end_year}-{end_month:02d}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        return value, "month", None
    if re.fullmatch(r"\d{4}", value):
        return value, "year", None
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0", "year", f"{value}9"
    if re.fullmatch(r"\d{2}", value):
        return f"{value}00", "year", f"{value}99"
    return None


# --- patterns -------------------------------------------------------------------------------

Handler = Callable[[re.Match[str], _Context], "_Candidate | None"]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


def _cand(m: re.Match[str], kind: TimexType, value: str, end_value: str | None = None) -> _Candidate:
    return _Candidate(m.start(), m.end(), kind, value, end_value)


def _month_of(word: str, lex: DateLexicon) -> int:
    return lex.months[word.lower().rstrip(".")]


def _month_word_ok(word: str) -> bool:
    # Month names are proper nouns: "may" and "march" in lower case are a verb and a noun.
    return word[:1].isupper()


def _year_of(text: str, report: dt.date) -> int:
    """'2021' -> 2021; a two-digit year '89' -> the nearest century to the report date."""
    if len(text) == 4:
        return int(text)
    two = int(text)
    century = report.year // 100 * 100
    year = century + two
    if year > report.year + 20:
        year -= 100
    return year


def _h_iso(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1000 <= y <= 2199 and _valid_day(y, mo, d)):
        return None
    return _cand(m, "DATE", f"{y:04d}-{mo:02d}-{d:02d}")


def _h_slash(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    a, b, y = int(m["a"]), int(m["b"]), _year_of(m["y"], ctx.report_date)
    # News wires in English write month/day; a first field over 12 can only be a day.
    month, day = (a, b) if a <= 12 else (b, a)
    if not _valid_day(y, month, day):
        return None
    return _cand(m, "DATE", f"{y:04d}-{month:02d}-{day:02d}")


def _h_month_day(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    if not _month_word_ok(m["mon"]):
        return None
    month, day = _month_of(m["mon"], ctx.lexicon), int(m["day"])
    if m["year"]:
        year = int(m["year"])
    else:
        tense = ctx.tense(m.start(), m.end())
        year = _month_year(ctx.report_date, month, day, tense, 0 if ctx.forced_tense else 45)
    if not _valid_day(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if m["mod"]:
        return _Candidate(m.start(), m.end(), "DATE", value)
    return _cand(m, "DATE", value)


def _h_second_day(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'April 24 and 25': the second day, in the first one's month (TimeML marks it alone)."""
    found = _h_month_day(m, ctx)
    if found is None:
        return None
    return _Candidate(m.start("day"), m.end(), "DATE", found.value)


def _h_month_year(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    if not _month_word_ok(m["mon"]):
        return None
    return _cand(m, "DATE", f"{int(m['year']):04d}-{_month_of(m['mon'], ctx.lexicon):02d}")


def _h_month(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    word = m["mon"]
    if not _month_word_ok(word):
        return None
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    has_context = bool(m["mod"] or m["rel"]) or re.search(
        r"\b(?:in|since|until|till|by|from|through|to|during|of|before|after|and|or|last|next|this)\s+$",
        before,
    )
    if word.lower() in ("may", "march") and not has_context:
        return None
    month = _month_of(word, ctx.lexicon)
    rel = (m["rel"] or "").lower()
    report = ctx.report_date
    if m["relyear"]:
        # "February this year", "in December last year".
        step = {"this": 0, "last": -1, "next": 1}[m["relyear"].lower()]
        return _cand(m, "DATE", f"{report.year + step:04d}-{month:02d}")
    if rel == "last":
        year = report.year if month < report.month else report.year - 1
    elif rel == "next":
        year = report.year if month > report.month else report.year + 1
    elif rel == "this":
        year = report.year
    else:
        tense = ctx.tense(m.start(), m.end())
        year = _month_year(report, month, None, tense, 0 if ctx.forced_tense else 45)
    return _cand(m, "DATE", f"{year:04d}-{month:02d}")


def _year_context_ok(m: re.Match[str], ctx: _Context, year: int) -> bool:
    """Whether a bare four-digit number is a year: a preposition, determiner or modifier says so."""
    if m["mod"]:
        return 1000 <= year <= 2199
    text = ctx.text
    before = text[max(0, m.start() - 30) : m.start()]
    prev = re.search(r"(\w+\.?|'s|,)\s*$", before)
    prev_word = prev.group(1).lower() if prev else ""
    after = re.match(r"\s*([A-Za-z%]+)", text[m.end() : m.end() + 20])
    next_word = after.group(1).lower() if after else ""
    if next_word in ctx.lexicon.count_nouns or next_word == "%":
        return False
    if prev_word in _STRONG_YEAR_CONTEXT:
        return 1000 <= year <= 2199
    if prev_word in ("and", ",", "or"):
        # "in 1994, 1995 and 1997": only a list that follows a year.
        return bool(re.search(r"\b(?:1[89]|20)\d\d\s*(?:,|and|or)\s*$", before)) and 1800 <= year <= 2199
    if prev_word in _WEAK_YEAR_CONTEXT:
        return 1800 <= year <= 2199
    # "In 1998, ..." at the start of a sentence is handled by "in"; a year opening a sentence
    # followed by a comma or a possessive is also a year.
    return bool(re.match(r"'s\b|,", text[m.end() : m.end() + 3])) and 1900 <= year <= 2199 and prev_word == ""


def _h_year(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    year = int(m["year"])
    if not _year_context_ok(m, ctx, year):
        return None
    return _cand(m, "DATE", f"{year:04d}")


def _h_year_range(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    y1 = int(m["y1"])
    y2_text = m["y2"]
    y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
    if not (1000 <= y1 < y2 <= 2199 and y2 - y1 <= 200):
        return None
    sep = m["sep"].strip().lower()
    before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
    if sep == "and" and not before.rstrip().endswith("between"):
        return None
    if sep in ("to", "through", "until") and not re.search(r"\bfrom\s*$", before):
        return None
    if sep in "-–—" and len(y2_text) == 2 and not (1 <= (y2 - y1) <= 1):
        # "1998-99" (a season or fiscal year) but not "1998-45".
        return None
    if sep not in "-–—":
        # TimeML marks "between 1994 and 1997", "from 1991 to 1997" as two years (the second is
        # found by the year rule); the first keeps the range's end for the contract.
        return _Candidate(m.start(), m.end("y1"), "DATE", f"{y1:04d}", f"{y2:04d}")
    return _cand(m, "DATE", f"{y1:04d}", f"{y2:04d}")


def _h_decade(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    if m["full"]:
        return _cand(m, "DATE", m["full"][:3])
    two = int(m["short"])
    century = 1900 if 1900 + two <= ctx.report_date.year else 1800
    return _cand(m, "DATE", str(century + two)[:3])


def _h_century(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    n = int(m["n"])
    if not 1 <= n <= 22:
        return None
    return _cand(m, "DATE", f"{n - 1:02d}")


def _h_rel_unit(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    report = ctx.report_date
    if rel == "the" and not m["mod"]:
        return None
    step = {
        "last": -1,
        "previous": -1,
        "the previous": -1,
        "the last": -1,
        "next": 1,
        "the next": 1,
        "coming": 1,
        "the coming": 1,
    }.get(rel, 0)
    if unit == "year":
        return _cand(m, "DATE", f"{report.year + step:04d}")
    if unit == "month":
        y, mo = _add_months(report.year, report.month, step)
        return _cand(m, "DATE", f"{y:04d}-{mo:02d}")
    if unit == "week":
        return _cand(m, "DATE", _week(report + dt.timedelta(weeks=step)))
    if unit == "weekend":
        return _cand(m, "DATE", _weekend(report, step, ctx.tense(m.start(), m.end()) if step == 0 else None))
    if unit == "quarter":
        q = (report.month - 1) // 3 + 1
        if rel in ("latest", "the latest", "past", "the past"):
            step = -1
        index = report.year * 4 + (q - 1) + step
        return _cand(m, "DATE", f"{index // 4:04d}-Q{index % 4 + 1}")
    if unit == "decade":
        return _cand(m, "DATE", str(report.year + 10 * step)[:3])
    if unit == "century":
        return _cand(m, "DATE", f"{(report.year - 1) // 100 + step:02d}")
    return None


def _weekend(report: dt.date, step: int, tense: Tense | None) -> str:
    """The weekend's ``YYYY-Www-WE``: 'last' the one before, 'this'/'the' by tense."""
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
    return _week(anchor) + "-WE"


def _h_weekend(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    return _cand(m, "DATE", _weekend(ctx.report_date, 0, ctx.tense(m.start(), m.end())))


def _part_suffix(m: re.Match[str], ctx: _Context) -> tuple[TimexType, str]:
    pod = (m["pod"] or "").lower() if "pod" in m.re.groupindex else ""
    if pod:
        return "TIME", "T" + ctx.lexicon.parts_of_day[pod]
    return "DATE", ""


def _h_weekday(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    word = m["wd"]
    if not word[:1].isupper():
        return None
    weekday = ctx.lexicon.weekdays[word.lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    report = ctx.report_date
    if rel in ("last", "this past"):
        day = _weekday_date(report, weekday, "past", strict=True)
    elif rel in ("next", "this coming"):
        day = _weekday_date(report, weekday, "future", strict=True)
    else:
        day = _weekday_date(report, weekday, ctx.tense(m.start(), m.end()))
    kind, suffix = _part_suffix(m, ctx)
    return _cand(m, kind, _day(day) + suffix)


def _h_day_offset(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    phrase = re.sub(r"\s+", " ", m["word"].lower())
    offset = ctx.lexicon.day_offsets[phrase]
    kind, suffix = _part_suffix(m, ctx)
    return _cand(m, kind, _day(ctx.report_date + dt.timedelta(days=offset)) + suffix)


def _h_time_of_day(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    code = ctx.lexicon.times_of_day[re.sub(r"\s+", " ", m["word"].lower())]
    offset, part = code.split("T")
    return _cand(m, "TIME", _day(ctx.report_date + dt.timedelta(days=int(offset))) + "T" + part)


def _h_fuzzy(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word == "current" and re.match(r"\s+accounts?\b", ctx.text[m.end() : m.end() + 10]):
        # The balance of payments, not a time.
        return None
    value = ctx.lexicon.fuzzy[word]
    start = m.start()
    # TimeML marks "recent years" / "the past" without the preposition.
    lead = re.match(r"in\s+(?=the\b|recent\b|past\b|future\b|near\b)", m.group(0), re.IGNORECASE)
    if lead and not word.startswith("in the coming") and "ahead" not in word:
        start += lead.end()
    return _Candidate(start, m.end(), "DATE", value)


def _h_ago(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    lex = ctx.lexicon
    unit = lex.units[m["unit"].lower()]
    amount = _number(m["num"], lex)
    sign = -1 if m["dir"].lower() in ("ago", "earlier") else 1
    report = ctx.report_date
    if amount is None or not float(amount).is_integer():
        fuzzy = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return _cand(m, "DATE", fuzzy)
    n = int(amount) * sign
    direction = m["dir"].lower()
    if n == -1 and unit == "Y":
        # "a year ago"/"a year earlier": in quarterly results, the same quarter a year before.
        return _Candidate(m.start(), m.end(), "DATE", f"{report.year - 1:04d}", anchor="YAGO")
    if direction in ("earlier", "later"):
        # "three days later" counts from another event of the story, not from the report date:
        # only the duration is known (TimeML marks "three days", without the adverb).
        return _Candidate(m.start(), m.start("dir"), "DURATION", _duration(abs(n), unit))
    if unit == "D":
        return _cand(m, "DATE", _day(report + dt.timedelta(days=n)))
    if unit in ("W", "2W"):
        return _cand(m, "DATE", _week(report + dt.timedelta(weeks=n * (2 if unit == "2W" else 1))))
    if unit == "M":
        y, mo = _add_months(report.year, report.month, n)
        return _cand(m, "DATE", f"{y:04d}-{mo:02d}")
    if unit == "Q":
        y, mo = _add_months(report.year, report.month, 3 * n)
        return _cand(m, "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}")
    if unit == "Y":
        return _cand(m, "DATE", f"{report.year + n:04d}")
    if unit == "10Y":
        return _cand(m, "DATE", str(report.year + 10 * n)[:3])
    if unit.startswith("T"):
        return _cand(m, "TIME", _day(report) + "T" + "XX:XX")
    return None


# After "a second": a noun or adjective it qualifies ("a second term"), not a time word.
_ORDINAL_SECOND = re.compile(
    r"\s+(?!(?:ago|later|earlier|before|after|or|and|of|to|in|for|from|longer|more)\b)[a-z]+\b", re.IGNORECASE
)
# Before "a year"/"a day": a quantity (a number, money, "%") or a plural noun ("flights",
# "seats") makes it a rate; function words ending in -s ("was", "has", "this") do not.
_RATE_BEFORE = re.compile(
    r"(?:(?:\d|%|\b(?:million|billion|trillion|thousand|hundred|dozen))|"
    r"\b(?!(?:was|is|has|does|this|its|as|his|hers|ours|theirs|yours|less|plus|thus|perhaps|always|"
    r"across|towards|sometimes|afterwards|nearly|almost|us|yes|whereas|unless)\b)[a-z]{2,}s)\s+$",
    re.IGNORECASE,
)


def _h_duration(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    lex = ctx.lexicon
    unit = lex.units[m["unit"].lower()]
    num = m["num"]
    amount = _number(num, lex)
    if amount is None and num.lower().strip() not in lex.vague_numbers:
        return None
    if amount is not None and amount <= 0:
        return None
    if unit == "Q" and re.search(r"-quarters\b", m.group(0), re.IGNORECASE):
        # "three-quarters of the vote" is a fraction.
        return None
    if m["half"] or m["half2"]:
        amount = amount + 0.5 if amount is not None else None
    if m["unit"][:1].isupper() and m.start() > 0 and ctx.sentence(m.start(), m.end())[0] < m.start():
        # A capitalised unit inside a sentence is a title ("60 Minutes", "Seven Days in May").
        return None
    word = num.lower().strip()
    if word in ("a", "an", "one") and m.group(0).lower().startswith(word):
        if unit == "TS" and _ORDINAL_SECOND.match(ctx.text, m.end()):
            # "a second betrayal", "A second group": the ordinal, not one second.
            return None
        if word != "one" and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
            # "$500 million a year", "358,000 a month", "four flights a week": a rate, which
            # TimeML marks as a SET of that period.
            return _Candidate(m.start(), m.end(), "SET", _duration(1, unit))
    start = m.start()
    if re.match(r"the\s+\S+-", m.group(0), re.IGNORECASE):
        # "the 10-year pact": the adjective is the expression, the article belongs to the noun.
        start = m.start() + 3 + len(m.group(0)[3:]) - len(m.group(0)[3:].lstrip())
    return _Candidate(start, m.end(), "DURATION", _duration(amount, unit))


def _h_plural_duration(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    word = m["unit"].lower()
    unit = ctx.lexicon.units["century" if word == "centurie" else word]
    start = m.start("unit") if not m["recent"] else m.start()
    return _Candidate(start, m.end(), "DURATION", _duration(None, unit))


def _h_quarter(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    report = ctx.report_date
    current_q = (report.month - 1) // 3 + 1
    word = (m["ord"] or "").lower()
    if m["q"]:
        q = int(m["q"])
    elif word in ctx.lexicon.ordinals:
        q = ctx.lexicon.ordinals[word]
    elif word in ("final", "fourth"):
        q = 4
    else:
        return None
    if q > 4:
        return None
    if m["year"]:
        year = _year_of(m["year"], report)
    else:
        owner = (m["owner"] or "").lower()
        year = report.year
        if owner.startswith("last"):
            year -= 1
        elif owner.startswith("next"):
            year += 1
        elif not owner.startswith("this") and q > current_q and ctx.tense(m.start(), m.end()) == "past":
            year -= 1
    unit = m["unit"].lower()
    if unit == "half":
        if q > 2:
            return None
        return _cand(m, "DATE", f"{year:04d}-H{q}")
    return _cand(m, "DATE", f"{year:04d}-Q{q}")


def _h_season(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    code = ctx.lexicon.seasons[m["season"].lower()]
    report = ctx.report_date
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if m["season"].lower() == "fall" and not (
        m["year"] or rel in ("this", "last", "next", "this past", "early", "late")
    ):
        return None
    start_month = _SEASON_MONTHS[code][0]
    if m["year"]:
        year = int(m["year"])
    elif rel in ("last", "this past"):
        year = report.year if start_month + 2 < report.month else report.year - 1
    elif rel == "next":
        year = report.year if start_month > report.month else report.year + 1
    else:
        year = report.year
        tense = ctx.tense(m.start(), m.end())
        if tense == "past" and start_month > report.month:
            year -= 1
        elif code == "WI" and report.month <= 2:
            year -= 1
    return _cand(m, "DATE", f"{year:04d}-{code}")


def _h_set(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    lex = ctx.lexicon
    if m["adverb"]:
        return _cand(m, "SET", lex.set_adverbs[re.sub(r"\s+", " ", m["adverb"].lower())])
    if m["every_wd"]:
        if not m["every_wd"][:1].isupper():
            return None
        return _cand(m, "SET", f"XXXX-WXX-{lex.weekdays[m['every_wd'].lower()]}")
    if m["every_num"]:
        amount = _number(m["every_num"], lex)
        if amount is None:
            return None
        return _cand(m, "SET", _duration(amount, lex.units[m["every_unit"].lower()]))
    if m["rate_unit"]:
        unit = lex.units[m["rate_unit"].lower()]
        return _Candidate(m.start("rate"), m.end(), "SET", _duration(1, unit))
    return None


def _h_clock(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    report = ctx.report_date
    if m["noon"]:
        word = m["noon"].lower()
        hour, minute = (12, 0) if word in ("noon", "midday") else (24, 0)
    else:
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
    day = report
    anchor = (m["anchor"] or "").lower()
    if anchor in ctx.lexicon.day_offsets:
        day = report + dt.timedelta(days=ctx.lexicon.day_offsets[anchor])
    elif anchor in ctx.lexicon.weekdays:
        day = _weekday_date(report, ctx.lexicon.weekdays[anchor], ctx.tense(m.start(), m.end()))
    if hour == 24:
        return _cand(m, "TIME", f"{_day(day)}T24:00")
    return _cand(m, "TIME", f"{_day(day)}T{hour:02d}:{minute:02d}")


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
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


def _holiday_date(rule: str, year: int) -> dt.date:
    """The day a holiday rule names in ``year``: ``12-25``, ``11/4/4`` (4th Thursday of November),
    ``05/L/1`` (last Monday of May), ``11/1/1+1`` (the day after the first Monday), ``E-2``
    (two days before Easter Sunday)."""
    if rule.startswith("E"):
        return _easter(year) + dt.timedelta(days=int(rule[1:]))
    if "/" not in rule:
        month, day = (int(x) for x in rule.split("-"))
        return dt.date(year, month, day)
    month_text, nth, weekday_text = rule.split("/")
    weekday, _, extra = weekday_text.partition("+")
    month, weekday_n = int(month_text), int(weekday)
    if nth == "L":
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.isoweekday() - weekday_n) % 7)
    else:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday_n - first.isoweekday()) % 7 + 7 * (int(nth) - 1))
    return day + dt.timedelta(days=int(extra or 0))


def _h_holiday(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'Christmas', 'last Thanksgiving', 'Easter week', 'Election Day 2000' -> the day (or week)."""
    if not m["hol"][:1].isupper():
        return None
    rule = ctx.lexicon.holidays[re.sub(r"\s+", " ", m["hol"].lower())]
    report = ctx.report_date
    rel = (m["rel"] or "").lower()
    if m["year"]:
        day = _holiday_date(rule, int(m["year"]))
    else:
        this_year = _holiday_date(rule, report.year)
        if rel == "last":
            year = report.year if this_year < report else report.year - 1
        elif rel == "next":
            year = report.year if this_year > report else report.year + 1
        elif rel == "this":
            year = report.year
        else:
            tense = ctx.tense(m.start(), m.end())
            year = _month_year(report, this_year.month, this_year.day, tense)
        day = _holiday_date(rule, year)
    if m["week"]:
        return _cand(m, "DATE", _week(day))
    return _cand(m, "DATE", _day(day))


def _default_quarter(report: dt.date) -> tuple[int, int]:
    """The quarter a results story is about: the last one to close (reports come out ~6 weeks on)."""
    day = report - dt.timedelta(days=50)
    return day.year, (day.month - 1) // 3 + 1


def _h_story_quarter(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'the quarter', 'the latest period', 'the same period last year': the story's quarter."""
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    if m["unit"].lower() == "period" and not (mod or m["ago"]):
        return None
    year, q = _default_quarter(ctx.report_date)
    if m["ago"]:
        return _Candidate(m.start(), m.end(), "DATE", f"{year - 1:04d}-Q{q}", anchor="Q-4")
    return _Candidate(m.start(), m.end(), "DATE", f"{year:04d}-Q{q}", anchor="Q0")


def _h_year_ago_adj(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'the year-ago quarter', 'year-earlier results': a year before the story's period."""
    report = ctx.report_date
    word = (m["ord"] or "").lower()
    if word in ctx.lexicon.ordinals:
        return _cand(m, "DATE", f"{report.year - 1:04d}-Q{ctx.lexicon.ordinals[word]}")
    if m["unit"]:
        year, q = _default_quarter(report)
        return _Candidate(m.start(), m.end(), "DATE", f"{year - 1:04d}-Q{q}", anchor="Q-4")
    # The bare adjective ("year-earlier profit") is the expression; the noun is not.
    return _Candidate(m.start("adj"), m.end("adj"), "DATE", f"{report.year - 1:04d}", anchor="YAGO")


def _h_year_quarter(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'the 1988 third quarter', 'the 1988 quarter' (the story's quarter, in 1988)."""
    year = int(m["yr"])
    word = (m["ord"] or "").lower()
    if word in ctx.lexicon.ordinals:
        return _cand(m, "DATE", f"{year:04d}-Q{ctx.lexicon.ordinals[word]}")
    return _Candidate(m.start(), m.end(), "DATE", f"{year:04d}", anchor=f"QY{year:04d}")


def _h_the_year(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'for the year', 'the full year', 'the fiscal year' -> the report's year; 'the year ended
    June 30' -> a one-year duration (the fiscal year it names ends on that date)."""
    start = m.start("lead") if m["lead"] else m.start("the")
    if m["ended"]:
        return _Candidate(start, m.end("year"), "DURATION", "P1Y")
    if not (m["mod"] or m["pre"] or m["lead"]):
        return None
    return _Candidate(start, m.end("year"), "DATE", f"{ctx.report_date.year:04d}")


def _h_year_end(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    return _cand(m, "DATE", f"{ctx.report_date.year:04d}")


def _h_anchored(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'that day', 'the next day', 'the following year' ...: counted from the last date before."""
    code = ctx.lexicon.anchored[re.sub(r"\s+", " ", m["word"].lower())]
    unit, step = code[0], int(code[1:])
    return _Candidate(m.start(), m.end(), "DATE", _shift(ctx.report_date, unit, step), anchor=code)


def _shift(day: dt.date, unit: str, step: int) -> str:
    """The TIMEX3 value of the day/week/month/year ``step`` units from ``day``."""
    if unit == "D":
        return _day(day + dt.timedelta(days=step))
    if unit == "W":
        return _week(day + dt.timedelta(weeks=step))
    if unit == "M":
        y, mo = _add_months(day.year, day.month, step)
        return f"{y:04d}-{mo:02d}"
    return f"{day.year + step:04d}"


def _h_in_future(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'(will ...) in three days' / 'in two weeks' time' -> the day/week/month/year it lands on."""
    lex = ctx.lexicon
    amount = _number(m["num"], lex)
    if amount is None or not float(amount).is_integer() or amount <= 0:
        return None
    if not m["time"] and ctx.tense(m.start(), m.end()) != "future":
        return None
    unit = lex.units[m["unit"].lower()]
    if unit not in ("D", "W", "M", "Y"):
        return None
    return _Candidate(m.start("num"), m.end(), "DATE", _shift(ctx.report_date, unit, int(amount)))


def _h_weekday_set(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'on Mondays' -> every Monday (a SET)."""
    if not m["wd"][:1].isupper():
        return None
    return _cand(m, "SET", f"XXXX-WXX-{ctx.lexicon.weekdays[m['wd'].lower()[:-1]]}")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[_Rule, ...], re.Pattern[str]]:
    """Compile every pattern once (on first use), from the lexicon."""
    lex = load_date_lexicon()
    month = rf"(?:{_alt(lex.months)})\.?(?!\w)"
    # Full names only: an abbreviation is a prefix of another word for the same month.
    full = [w for w in lex.months if not any(o != w and o.startswith(w) for o in lex.months)]
    month_full = rf"(?:{_alt(full)})\b"
    weekday = rf"(?:{_alt(lex.weekdays)})(?!\w)"
    year = r"(?:1\d|20|21)\d\d"
    num_word = _alt(lex.numbers)
    ones = _alt(w for w, v in lex.numbers.items() if 1 <= v <= 9 and w.isalpha() and len(w) > 2)
    # "5 1/2 hours", "twenty four hours" (transcripts leave out the hyphen), "twenty-five".
    number = rf"(?:\d+\s+1/2|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{num_word})(?:-(?:{num_word})|(?<=ty)\s+(?:{ones})\b)?)"
    vague = _alt(lex.vague_numbers)
    unit = rf"(?:{_alt(lex.units)})"
    mods = (
        r"(?:(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        r"the\s+middle\s+of|by\s+the\s+end\s+of|end|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
        r"(?:\s+|-))"
    )
    pod = rf"(?:{_alt(lex.parts_of_day)})"
    approx = r"(?:(?:nearly|almost|about|around|roughly|some|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?"
    i = re.IGNORECASE

    def rule(name: str, pattern: str, handler: Handler, flags: int = i) -> _Rule:
        return _Rule(name, re.compile(pattern, flags), handler)

    rules = (
        rule(
            "set",
            rf"\b(?:(?P<adverb>{_alt(lex.set_adverbs)})|(?:every|each)\s+(?P<every_wd>{weekday})"
            rf"|(?:every|each)\s+(?P<every_num>{number})\s+(?P<every_unit>{unit})s?"
            rf"|(?:once|twice|thrice|times|\d%?)\s+(?P<rate>a|an|per)\s+(?P<rate_unit>{unit}))\b",
            _h_set,
        ),
        rule("iso", r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])", _h_iso),
        rule("slash", r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])", _h_slash),
        rule(
            "month_day",
            rf"\b(?P<mod>{mods})?(?:(?:{weekday}),?\s+)?(?P<mon>{month})\s+(?P<day>[0-3]?\d)"
            rf"(?:st|nd|rd|th)?(?![\d:,.]\d|\w)(?!\s*(?:%|percent|million|billion))(?:,?\s+(?P<year>{year})(?![\w-]))?",
            _h_month_day,
        ),
        rule(
            "month_day_pair",
            rf"\b(?P<mod>)(?P<mon>{month})\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|or|to|through)\s+(?P<day>[0-3]?\d)"
            rf"(?:st|nd|rd|th)?(?![\d:,.]\d|\w)(?!\s*(?:%|percent|million|billion))(?:,?\s+(?P<year>{year})(?![\w-]))?",
            _h_second_day,
        ),
        rule(
            "day_month",
            rf"\b(?P<mod>)(?:(?:{weekday}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{month})(?:,?\s+(?P<year>{year})(?![\w-]))?",
            _h_month_day,
        ),
        rule(
            "month_year",
            rf"\b(?P<mod>{mods})?(?P<mon>{month})(?:\s+of)?,?\s+(?P<year>{year})(?![\w-])",
            _h_month_year,
        ),
        rule(
            "month",
            rf"\b(?P<mod>{mods})?(?:(?P<rel>last|next|this)\s+)?(?P<mon>{month_full})(?!\s*\d)(?:\s+(?P<relyear>this|last|next)\s+year\b)?",
            _h_month,
        ),
        rule(
            "year_range",
            rf"(?<![\w$€£.,/-])(?P<y1>{year})\s*(?P<sep>[-–—]|\s(?:to|and|through|until)\s)\s*"
            rf"(?P<y2>{year}|\d\d)(?![\w%.,]\d|[\w%-])",
            _h_year_range,
        ),
        rule(
            "decade",
            r"(?:\bthe\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<full>(?:1\d|20)\d0)'?s\b|'(?P<short>\d0)s\b)",
            _h_decade,
        ),
        rule("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", _h_century),
        rule(
            "anchored",
            rf"\b(?=[tTeElL])(?P<word>{_alt(lex.anchored)})\b(?!\s+(?:last|next|this|yesterday|tomorrow)\b)",
            _h_anchored,
        ),
        rule(
            "story_quarter",
            r"\b(?:the|that)\s+(?:(?P<mod>latest|same|comparable|corresponding|just-ended|just\s+ended)\s+)?"
            r"(?:fiscal\s+)?(?P<unit>quarter|period)\b(?![\w-])(?!\s+of\b)"
            r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year)\b)?",
            _h_story_quarter,
        ),
        rule(
            "year_ago_adj",
            rf"\b(?=[tTcCsSyYpP])(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<adj>year-ago|year-earlier|year-before|prior-year)"
            rf"(?:\s+(?:(?P<ord>{_alt(lex.ordinals)})[\s-]+)?(?:fiscal\s+)?(?P<unit>quarter|period)\b)?",
            _h_year_ago_adj,
        ),
        rule(
            "year_quarter",
            rf"\bthe\s+(?P<yr>{year})\s+(?:fiscal\s+)?(?:(?P<ord>{_alt(lex.ordinals)})[\s-]+)?(?:fiscal\s+)?(?:quarter|period)\b",
            _h_year_quarter,
        ),
        rule(
            "the_year",
            r"\b(?=[eElLfFoOdDiItT])(?P<lead>(?:earlier|later)\s+in\s+)?(?:(?P<pre>for|of|during|in|through|throughout|over)\s+)?(?P<the>the)\s+"
            r"(?:(?P<mod>full|fiscal|current\s+fiscal|calendar)\s+)?(?P<year>year)\b(?![-'\u2019])"
            r"(?!\s+(?:ago|earlier|before|after|later|since|\d))(?P<ended>\s+(?:that\s+)?(?:ended|ending))?",
            _h_the_year,
        ),
        rule("year_end", r"\b(?:year[\s-]end|year's\s+end)\b(?![\w-])", _h_year_end),
        rule(
            "in_future",
            rf"\bin\s+(?P<num>{number})[\s-]+(?P<unit>day|week|month|year)s?(?P<time>(?:'|\u2019)?s?\s+time)?\b",
            _h_in_future,
        ),
        rule(
            "weekday_set", rf"\b(?P<wd>{_alt(w + 's' for w in lex.weekdays if len(w) > 3)})\b", _h_weekday_set
        ),
        rule(
            "year",
            rf"(?:\b(?P<mod>{mods}|fiscal(?:\s+year)?\s+))?(?<![\w$€£.,/+#-])(?P<year>{year})(?![\w%]|[.,/:-]\d|\s*%)",
            _h_year,
        ),
        rule(
            "rel_unit",
            rf"\b(?P<mod>{mods})?(?P<rel>this|last|next|past|coming|previous|current|latest|"
            r"the\s+(?:past|previous|next|coming|current|latest|last)|the)\s+(?P<unit>week|weekend|month|year|quarter|decade|century)\b",
            _h_rel_unit,
        ),
        rule("weekend", r"\b(?:the\s+)?weekend\b", _h_weekend),
        rule(
            "weekday",
            rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?(?P<wd>{weekday})"
            rf"(?:\s+(?P<pod>{pod})\b)?",
            _h_weekday,
        ),
        rule(
            "day_offset",
            rf"\b(?:(?:late|early|later|earlier)\s+)?(?P<word>{_alt(lex.day_offsets)})(?:\s+(?P<pod>{pod})\b)?\b",
            _h_day_offset,
        ),
        rule("time_of_day", rf"\b(?P<word>{_alt(lex.times_of_day)})\b", _h_time_of_day),
        rule("fuzzy", rf"\b(?P<word>{_alt(lex.fuzzy)})\b", _h_fuzzy),
        rule(
            "ago",
            rf"\b{approx}(?P<num>{number}|{vague})[\s-]+(?P<unit>{unit})s?\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b",
            _h_ago,
        ),
        rule(
            "duration",
            rf"\b{approx}(?:(?:the\s+)?(?:(?:past|last|next|first|coming|previous|final|following|latest)\s+)?)?"
            rf"(?P<num>{number}|{vague})(?P<half>\s+and\s+a\s+half)?(?:\s+more)?[\s-]+(?P<unit>{unit})s?(?P<half2>\s+and\s+a\s+half)?\b(?:-long)?(?![\s-]+old\b)",
            _h_duration,
        ),
        rule(
            "plural_duration",
            r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?P<recent>\brecent\s+))(?P<unit>minute|hour|day|week|month|year|decade|centurie)s\b",
            _h_plural_duration,
        ),
        rule(
            "quarter",
            rf"\b(?:(?:the|its|(?P<owner>this\s+year's|last\s+year's|next\s+year's))\s+)?(?:fiscal[\s-]+)?"
            rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?P<unit>quarter|half)"
            rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{year}))?(?!\w)(?P<q>)",
            _h_quarter,
        ),
        rule(
            "quarter_q",
            rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{year})|-?(?P<yy>\d\d))?\b(?P<ord>)(?P<owner>)(?P<unit>)",
            _h_quarter_q,
            flags=0,
        ),
        rule(
            "season",
            rf"\b(?:(?P<rel>this\s+past|this|last|next|early|late|mid|the|in)[\s-]+)?(?P<season>{_alt(lex.seasons)})\b"
            rf"(?:\s+(?:of\s+)?(?P<year>{year})(?!\w))?",
            _h_season,
        ),
        rule(
            "clock",
            rf"(?:\b(?P<h>\d{{1,2}})(?::(?P<min>\d\d))?\s*(?:(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|(?:o'clock\s+)?"
            rf"in\s+the\s+(?P<part>morning|afternoon|evening)\b|(?:o'clock\s+)?at\s+(?P<night>night)\b)"
            rf"|\b(?P<noon>noon|midday|midnight)\b)"
            rf"(?:\s+(?:[A-Z]{{2,4}}T|GMT|UTC|local\s+time))?(?:,?\s+(?:on\s+)?(?P<anchor>{weekday}|today|yesterday|tomorrow))?",
            _h_clock,
        ),
        rule(
            "holiday",
            rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<hol>{_alt(lex.holidays)})(?![\w'\u2019])"
            rf"(?:(?P<week>\s+week)\b|\s+(?P<year>{year})\b)?",
            _h_holiday,
        ),
    )
    cues = sorted(lex.future_cues | lex.past_cues, key=len, reverse=True)
    cue_pattern = re.compile(rf"(?<![\w'])(?:{_alt(cues)})(?![\w'])|(?P<ed>\b[a-z]{{2,}}ed\b)", re.IGNORECASE)
    return rules, cue_pattern


def _h_quarter_q(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    year = m["year"] or m["yy"]
    value = f"{_year_of(year, ctx.report_date) if year else ctx.report_date.year:04d}-Q{m['q']}"
    return _cand(m, "DATE", value)


def _strip_article(c: _Candidate, text: str) -> _Candidate:
    """TimeML keeps 'the' in 'the third quarter' but not leading spaces; trim whitespace only."""
    start, end = c.start, c.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    if (start, end) == (c.start, c.end):
        return c
    return _Candidate(start, end, c.timex_type, c.value, c.end_value, c.anchor)


# Words of a results story: with them, "a year earlier" compares quarters, not years.
_FIGURES = re.compile(
    r"[$%€£]|\b(?:cents?|percent|per\s+cent|profit|earnings|loss|revenue|sales|net|income|ended)\b",
    re.IGNORECASE,
)
_GRAIN = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}


def _story_point(value: str) -> tuple[dt.date, str] | None:
    """The first day and grain (D, W, M, Q, Y) of a resolved DATE/TIME value, None for others."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3])), "D"
    m = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
    if m:
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "W"
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        return dt.date(int(m[1]), int(m[2]), 1), "M"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1), "Q"
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return dt.date(int(m[1]), 1, 1), "Y"
    return None


def _anchor(taken: list[_Candidate], ctx: _Context) -> list[_Candidate]:
    """Resolve story-anchored expressions, in text order, against what the story said before.

    "the next day" counts from the last date named before it (of day grain), "that year" from the
    last year; "the quarter"/"the year-ago quarter"/"a year earlier" from the last quarter named
    ("third-quarter profit ... up from a year earlier" -> the third quarter of last year). Without
    such a date the report date stands in; "the quarter" with no quarter named and no figures in
    its sentence (a city's old quarter) is dropped.
    """
    point: tuple[dt.date, str] | None = None
    quarter: tuple[int, int] | None = None
    out: list[_Candidate] = []
    for c in taken:
        code = c.anchor
        if code is not None:
            value: str | None = c.value
            s_start, s_end = ctx.sentence(c.start, c.end)
            figures = bool(_FIGURES.search(ctx.text, s_start, s_end))
            if code == "Q0":
                if quarter is not None:
                    value = f"{quarter[0]:04d}-Q{quarter[1]}"
                elif not figures:
                    value = None
            elif code == "Q-4":
                if quarter is not None:
                    value = f"{quarter[0] - 1:04d}-Q{quarter[1]}"
            elif code.startswith("QY"):
                if quarter is not None:
                    value = f"{code[2:]}-Q{quarter[1]}"
            elif code == "YAGO":
                if quarter is not None and figures:
                    value = f"{quarter[0] - 1:04d}-Q{quarter[1]}"
            elif point is not None and _GRAIN[point[1]] <= _GRAIN[code[0]]:
                value = _shift(point[0], code[0], int(code[1:]))
            if value is None:
                continue
            c = _Candidate(c.start, c.end, c.timex_type, value, c.end_value)
            if code in ("Q-4", "YAGO") or code.startswith("QY"):
                # "a year earlier" looks back from the story's time; it does not move it.
                out.append(c)
                continue
        if c.timex_type in ("DATE", "TIME"):
            found = _story_point(c.value)
            if found is not None:
                point = found
                if found[1] == "Q":
                    quarter = (found[0].year, (found[0].month - 1) // 3 + 1)
        out.append(c)
    return out


def _find(text: str, report_date: dt.date, tense: Tense | None) -> list[TimeExpression]:
    rules, cues = _rules()
    ctx = _Context(text, report_date, tense, load_date_lexicon(), cues)
    candidates: list[tuple[int, int, _Candidate]] = []
    for order, rule in enumerate(rules):
        for m in rule.pattern.finditer(text):
            if m.end() == m.start():
                continue
            found = rule.handler(m, ctx)
            if found is not None:
                found = _strip_article(found, text)
                if found.end > found.start:
                    candidates.append((order, m.start(), found))
    # Longest span wins; ties go to the rule listed first.
    candidates.sort(key=lambda item: (-(item[2].end - item[2].start), item[0], item[2].start))
    taken: list[_Candidate] = []
    for _, _, cand in candidates:
        if all(cand.end <= t.start or t.end <= cand.start for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    taken = _anchor(taken, ctx)
    result = []
    for c in taken:
        date, precision, enddate = timex_to_contract(c.value, report_date, c.end_value)
        if c.timex_type in ("DURATION", "SET"):
            date = precision = enddate = None
        result.append(
            TimeExpression(
                text=text[c.start : c.end],
                start=c.start,
                end=c.end,
                timex_type=c.timex_type,
                timex=c.value,
                date=date,
                precision=precision,
                enddate=enddate,
            )
        )
    return result


def find_time_expressions(text: str, report_date: dt.date) -> list[TimeExpression]:
    """Every time expression in ``text``, resolved against ``report_date``, in text order.

    Offsets index ``text``; spans never overlap (the longest reading wins).

    >>> [t.date for t in find_time_expressions("Talks were held on Monday.", dt.date(2021, 12, 8))]
    ['2021-12-06']
    """
    return _find(text, report_date, None)


def resolve_date(phrase: str, report_date: dt.date, *, tense: Tense | None = None) -> TimeExpression | None:
    """Resolve one phrase ("on Monday", "last week", "February 2019") against ``report_date``.

    ``tense`` says which way an open reference points ("past": on or before the report date,
    "future": on or after); None reads it from the phrase itself. Returns the longest expression
    found in the phrase (offsets into ``phrase``), or None when there is none.

    >>> resolve_date("on Monday", dt.date(2021, 12, 8), tense="future").timex
    '2021-12-13'
    """
    found = _find(phrase, report_date, tense)
    if not found:
        return None
    return max(found, key=lambda t: t.end - t.start)
