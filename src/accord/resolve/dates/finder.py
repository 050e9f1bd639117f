"""Finding time expressions in a text: run every rule of the grammar, keep the longest readings,
resolve story anchors, and write the records.

>>> [t.timex for t in find_time_expressions("He left on Monday, two days ago.", dt.date(2021, 12, 8))]
['2021-12-06', '2021-12-06']
"""

from __future__ import annotations

import datetime as dt

from accord.base.scanning import TextScanner
from accord.records import TimeExpression
from accord.resolve.dates.anchoring import anchor_to_story
from accord.resolve.dates.calendar import Tense
from accord.resolve.dates.candidate import Candidate, trimmed
from accord.resolve.dates.context import Context
from accord.resolve.dates.contract import timex_to_contract
from accord.resolve.dates.grammar import Rule, compiled_grammar

__all__ = ["find_time_expressions", "resolve_date"]


def find_time_expressions(text: str, report_date: dt.date) -> list[TimeExpression]:
    """Every time expression in ``text``, resolved against ``report_date``, in text order.

    Offsets index ``text``; spans never overlap (the longest reading wins). Raises
    ``DataFileError`` on first use when the packaged lexicon is malformed.

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


def _find(text: str, report_date: dt.date, tense: Tense | None) -> list[TimeExpression]:
    grammar = compiled_grammar()
    ctx = Context(text, report_date, tense, grammar.lexicon, grammar.cues)
    taken = _longest_first(_candidates(ctx, grammar.rules))
    return [_record(c, text, report_date) for c in anchor_to_story(taken, ctx)]


def _candidates(ctx: Context, rules: tuple[Rule, ...]) -> list[tuple[int, Candidate]]:
    """What every rule proposes, with the rule's position in the table."""
    found: list[tuple[int, Candidate]] = []
    scanner = TextScanner(ctx.text)  # each rule tried only where its matches can begin
    for order, rule in enumerate(rules):
        for m in scanner.finditer(rule.pattern):
            if m.end() == m.start():
                continue
            proposed = rule.handler(m, ctx)
            if proposed is not None:
                proposed = trimmed(proposed, ctx.text)
                if proposed.end > proposed.start:
                    found.append((order, proposed))
    return found


def _longest_first(candidates: list[tuple[int, Candidate]]) -> list[Candidate]:
    """The candidates that survive overlaps, in text order: the longest span wins; ties go to the
    rule listed first."""
    candidates.sort(key=lambda item: (-(item[1].end - item[1].start), item[0], item[1].start))
    taken: list[Candidate] = []
    for _, cand in candidates:
        if all(cand.end <= t.start or t.end <= cand.start for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken


def _record(c: Candidate, text: str, report_date: dt.date) -> TimeExpression:
    """The output record of a chosen candidate; durations and sets have no contract date."""
    if c.timex_type in ("DURATION", "SET"):
        date = precision = enddate = None
    else:
        date, precision, enddate = timex_to_contract(c.value, report_date, c.end_value)
    return TimeExpression(
        text=text[c.start : c.end],
        start=c.start,
        end=c.end,
        timex_type=c.timex_type,
        timex=c.value,
        date=date,
        precision=precision,
        enddate=enddate,
    )
