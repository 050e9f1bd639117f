"""Handlers of durations and sets: "three years", "the 10-year pact", "for months"; "every
Monday", "twice a week", "on Mondays", and rates ("$5 million a year", "four flights a week"),
which TimeML marks as a SET of that period (``P1Y``, ``P1W``)."""

from __future__ import annotations

import re

from accord.resolve.dates.candidate import Candidate
from accord.resolve.dates.context import Context
from accord.resolve.dates.timex import duration

__all__ = ["duration_expression", "plural_duration", "set_expression", "weekday_set"]

_SPACES = re.compile(r"\s+")
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
_QUARTERS_FRACTION = re.compile(r"-quarters\b", re.IGNORECASE)
_THE_ADJECTIVE = re.compile(r"the\s+\S+-", re.IGNORECASE)


def duration_expression(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'three years', 'nearly two and a half hours', 'the past five days', 'a 10-year pact'."""
    lex = ctx.lexicon
    unit = lex.units[m["unit"].lower()]
    amount = lex.count(m["num"])
    if not _is_duration(m, ctx, unit, amount):
        return None
    if m["half"] or m["half2"]:
        amount = amount + 0.5 if amount is not None else None
    if _is_ordinal_second(m, ctx, unit):
        return None
    if _is_rate(m, ctx):
        # "$500 million a year", "358,000 a month", "four flights a week": a rate, which TimeML
        # marks as a SET of that period.
        return Candidate(m.start(), m.end(), "SET", duration(1, unit))
    start = m.start()
    if _THE_ADJECTIVE.match(m.group(0)):
        # "the 10-year pact": the adjective is the expression, the article belongs to the noun.
        start = m.start() + 3 + len(m.group(0)[3:]) - len(m.group(0)[3:].lstrip())
    return Candidate(start, m.end(), "DURATION", duration(amount, unit))


def _is_duration(m: re.Match[str], ctx: Context, unit: str, amount: float | None) -> bool:
    """Whether the count and unit of a match can be a duration at all."""
    if amount is None and m["num"].lower().strip() not in ctx.lexicon.vague_numbers:
        return False
    if amount is not None and amount <= 0:
        return False
    if unit == "Q" and _QUARTERS_FRACTION.search(m.group(0)):
        # "three-quarters of the vote" is a fraction.
        return False
    # A capitalised unit inside a sentence is a title ("60 Minutes", "Seven Days in May").
    titled = m["unit"][:1].isupper() and m.start() > 0
    return not (titled and ctx.sentence(m.start(), m.end())[0] < m.start())


def _one_word(m: re.Match[str]) -> str | None:
    """'a', 'an' or 'one' when the match opens with it as its count, else None."""
    word = m["num"].lower().strip()
    if word in ("a", "an", "one") and m.group(0).lower().startswith(word):
        return word
    return None


def _is_ordinal_second(m: re.Match[str], ctx: Context, unit: str) -> bool:
    """'a second betrayal', 'A second group': the ordinal, not one second."""
    return _one_word(m) is not None and unit == "TS" and bool(_ORDINAL_SECOND.match(ctx.text, m.end()))


def _is_rate(m: re.Match[str], ctx: Context) -> bool:
    """'a year' after a quantity or a plural noun."""
    word = _one_word(m)
    return word in ("a", "an") and bool(_RATE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()))


def plural_duration(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'(for) months', '(over) years', 'recent decades': an unknown count (``PXM``)."""
    word = m["unit"].lower()
    unit = ctx.lexicon.units["century" if word == "centurie" else word]
    start = m.start("unit") if not m["recent"] else m.start()
    return Candidate(start, m.end(), "DURATION", duration(None, unit))


def set_expression(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'daily', 'every Monday', 'every two years', 'twice a week'."""
    lex = ctx.lexicon
    if m["adverb"]:
        return Candidate.spanning(m, "SET", lex.set_adverbs[_SPACES.sub(" ", m["adverb"].lower())])
    if m["every_wd"]:
        if not m["every_wd"][:1].isupper():
            return None
        return Candidate.spanning(m, "SET", f"XXXX-WXX-{lex.weekdays[m['every_wd'].lower()]}")
    if m["every_num"]:
        amount = lex.count(m["every_num"])
        if amount is None:
            return None
        return Candidate.spanning(m, "SET", duration(amount, lex.units[m["every_unit"].lower()]))
    if m["rate_unit"]:
        unit = lex.units[m["rate_unit"].lower()]
        return Candidate(m.start("rate"), m.end(), "SET", duration(1, unit))
    return None


def weekday_set(m: re.Match[str], ctx: Context) -> Candidate | None:
    """'on Mondays' -> every Monday (a SET)."""
    if not m["wd"][:1].isupper():
        return None
    return Candidate.spanning(m, "SET", f"XXXX-WXX-{ctx.lexicon.weekdays[m['wd'].lower()[:-1]]}")
