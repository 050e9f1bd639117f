"""Handlers of dates written out: ISO and slashed dates, month and day, month and year, a month,
a year, a range of years, a decade, a century.

A month or a month and day written without a year takes the year the sentence's tense points
to (see ``calendar.month_year``); a bare four-digit number is a year only where the words
around it say so.
"""

from __future__ import annotations

import re

from accord.resolve.dates.calendar import month_year, valid_day, year_of
from accord.resolve.dates.candidate import Candidate
from accord.resolve.dates.context import Context
from accord.resolve.dates.lexicon import DateLexicon

__all__ = [
    "bare_year",
    "century",
    "decade",
    "iso_date",
    "month_day",
    "month_with_year",
    "named_month",
    "second_day",
    "slash_date",
    "year_range",
]

# Words before a four-digit number that make it a year; "strong" ones allow years before 1800.
_STRONG_YEAR_CONTEXT = frozenset(
    "in since from until till before after during throughout between early late mid circa c. "
    "fiscal year".split()
)
_WEAK_YEAR_CONTEXT = frozenset(
    "by of for to into through around the a an that this its his her their our and , 's".split()
)
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|until|till|by|from|through|to|during|of|before|after|and|or|last|next|this)\s+$"
)
_PREVIOUS_WORD = re.compile(r"(\w+\.?|'s|,)\s*$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z%]+)")
_YEAR_LIST_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d\s*(?:,|and|or)\s*$")
_COMMA_OR_POSSESSIVE = re.compile(r"'s\b|,")
_FROM_BEFORE = re.compile(r"\bfrom\s*$")
_RELATIVE_YEAR_STEP = {"this": 0, "last": -1, "next": 1}


def _month_of(word: str, lex: DateLexicon) -> int:
    """The number (1-12) of a month word as written ("Sept.", "DECEMBER")."""
    return lex.months[word.lower().rstrip(".")]


def _month_word_ok(word: str) -> bool:
    # Month names are proper nouns: "may" and "march" in lower case are a verb and a noun.
    return word[:1].isupper()


def iso_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'2021-12-06'."""
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1000 <= y <= 2199 and valid_day(y, mo, d)):
        return None
    return Candidate.spanning(m, "DATE", f"{y:04d}-{mo:02d}-{d:02d}")


def slash_date(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'12/6/2021', '6/12/21'."""
    a, b, y = int(m["a"]), int(m["b"]), year_of(m["y"], ctx.report_date)
    # News wires in English write month/day; a first field over 12 can only be a day.
    month, day = (a, b) if a <= 12 else (b, a)
    if not valid_day(y, month, day):
        return None
    return Candidate.spanning(m, "DATE", f"{y:04d}-{month:02d}-{day:02d}")


def month_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'Dec. 6', 'December 6, 2021', 'the 6th of December', 'early Dec. 6'."""
    if not _month_word_ok(m["mon"]):
        return None
    month, day = _month_of(m["mon"], ctx.lexicon), int(m["day"])
    if not 1 <= day <= 31:
        return None  # "March 0": no day
    if m["year"]:
        year = int(m["year"])
    else:
        tense = ctx.tense(m.start(), m.end())
        year = month_year(ctx.report_date, month, day, tense, 0 if ctx.forced_tense else 45)
    if not valid_day(year, month, day):
        return None
    return Candidate.spanning(m, "DATE", f"{year:04d}-{month:02d}-{day:02d}")


def second_day(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'April 24 and 25': the second day, in the first one's month (TimeML marks it alone)."""
    found = month_day(m, ctx)
    if found is None:
        return None
    return Candidate(m.start("day"), m.end(), "DATE", found.value)


def month_with_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'February 2019', 'May of 2020'."""
    if not _month_word_ok(m["mon"]):
        return None
    return Candidate.spanning(m, "DATE", f"{int(m['year']):04d}-{_month_of(m['mon'], ctx.lexicon):02d}")


def named_month(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'in March', 'last December', 'February this year': a month of the year the words point to."""
    word = m["mon"]
    if not _month_word_ok(word):
        return None
    if word.lower() in ("may", "march") and not _month_has_context(m, ctx):
        return None
    month = _month_of(word, ctx.lexicon)
    report = ctx.report_date
    rel = (m["rel"] or "").lower()
    if m["relyear"]:
        # "February this year", "in December last year".
        year = report.year + _RELATIVE_YEAR_STEP[m["relyear"].lower()]
    elif rel == "last":
        year = report.year if month < report.month else report.year - 1
    elif rel == "next":
        year = report.year if month > report.month else report.year + 1
    elif rel == "this":
        year = report.year
    else:
        tense = ctx.tense(m.start(), m.end())
        year = month_year(report, month, None, tense, 0 if ctx.forced_tense else 45)
    return Candidate.spanning(m, "DATE", f"{year:04d}-{month:02d}")


def _month_has_context(m: re.Match[str], ctx: Context) -> bool:
    """Whether a modifier or a preposition before "May"/"March" makes it the month."""
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    return bool(m["mod"] or m["rel"]) or bool(_MONTH_CONTEXT.search(before))


def bare_year(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'in 1998', 'fiscal 2021', 'late 1990': a four-digit number that the words around make a year."""
    value = int(m["year"])
    if not _year_context_ok(m, ctx, value):
        return None
    return Candidate.spanning(m, "DATE", f"{value:04d}")


def _year_context_ok(m: re.Match[str], ctx: Context, year: int) -> bool:
    """Whether a bare four-digit number is a year: a preposition, determiner or modifier says so."""
    if m["mod"]:
        return 1000 <= year <= 2199
    text = ctx.text
    before = text[max(0, m.start() - 30) : m.start()]
    prev = _PREVIOUS_WORD.search(before)
    prev_word = prev.group(1).lower() if prev else ""
    after = _NEXT_WORD.match(text[m.end() : m.end() + 20])
    next_word = after.group(1).lower() if after else ""
    if next_word in ctx.lexicon.count_nouns or next_word == "%":
        return False
    if prev_word in _STRONG_YEAR_CONTEXT:
        return 1000 <= year <= 2199
    if prev_word in ("and", ",", "or"):
        # "in 1994, 1995 and 1997": only a list that follows a year.
        return bool(_YEAR_LIST_BEFORE.search(before)) and 1800 <= year <= 2199
    if prev_word in _WEAK_YEAR_CONTEXT:
        return 1800 <= year <= 2199
    # "In 1998, ..." at the start of a sentence is handled by "in"; a year opening a sentence
    # followed by a comma or a possessive is also a year.
    opens = bool(_COMMA_OR_POSSESSIVE.match(text[m.end() : m.end() + 3]))
    return opens and 1900 <= year <= 2199 and prev_word == ""


def year_range(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'1998-99', '1994-1997', 'between 1994 and 1997', 'from 1991 to 1997'."""
    y1 = int(m["y1"])
    y2_text = m["y2"]
    y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
    if not (1000 <= y1 < y2 <= 2199 and y2 - y1 <= 200):
        return None
    sep = m["sep"].strip().lower()
    before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
    if sep == "and" and not before.rstrip().endswith("between"):
        return None
    if sep in ("to", "through", "until") and not _FROM_BEFORE.search(before):
        return None
    if sep in "-–—" and len(y2_text) == 2 and not (1 <= (y2 - y1) <= 1):
        # "1998-99" (a season or fiscal year) but not "1998-45".
        return None
    if sep not in "-–—":
        # TimeML marks "between 1994 and 1997", "from 1991 to 1997" as two years (the second is
        # found by the year rule); the first keeps the range's end for the contract.
        return Candidate(m.start(), m.end("y1"), "DATE", f"{y1:04d}", f"{y2:04d}")
    return Candidate.spanning(m, "DATE", f"{y1:04d}", f"{y2:04d}")


def decade(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the 1990s', "the '90s" -> ``199``."""
    if m["full"]:
        return Candidate.spanning(m, "DATE", m["full"][:3])
    two = int(m["short"])
    hundreds = 1900 if 1900 + two <= ctx.report_date.year else 1800
    return Candidate.spanning(m, "DATE", str(hundreds + two)[:3])


def century(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'the 20th century' -> ``19``."""
    n = int(m["n"])
    if not 1 <= n <= 22:
        return None
    return Candidate.spanning(m, "DATE", f"{n - 1:02d}")
