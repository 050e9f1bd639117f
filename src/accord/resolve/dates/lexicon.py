"""The word lists behind date resolution, read from ``data/date_lexicon.tsv``.

Analysts change the TSV, not this module: each row is ``kind <TAB> word <TAB> value`` (see the
file's comment line for its source). Loaded once, on first use, never at import time. A row of an
unknown kind, or whose value is not what its kind needs (a number, a holiday rule, a TIMEX3 code),
raises ``DataFileError`` naming the file and line, when the lexicon loads rather than mid-article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from accord.base.tsv import TsvRow, data_file, read_tsv

__all__ = ["DateLexicon", "alternation", "load_date_lexicon", "parse_date_lexicon"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class DateLexicon:
    """Lower-cased words of time expressions, grouped by what they stand for.

    ``months``/``weekdays`` map to 1-12 / ISO 1-7; ``numbers`` to a count; ``units`` to a TIMEX3
    duration unit (``D``, ``W``, ``TH``, ``10Y`` ...); ``seasons``/``parts_of_day`` to TIMEX3 codes;
    ``fuzzy`` to ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``; ``day_offsets`` to days from the
    report date; ``times_of_day`` to ``<offset>T<part>``; ``set_adverbs`` to a SET value;
    ``holidays`` to a rule (``12-25``; ``11/4/4`` the fourth Thursday of November; ``E-2`` two days
    before Easter Sunday); ``anchored`` ("the next day") to a unit and a step counted from the
    last date before it in the story (``D+1``); the cue sets decide the tense of a sentence.
    """

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    fuzzy: dict[str, str]
    day_offsets: dict[str, int]
    times_of_day: dict[str, str]
    set_adverbs: dict[str, str]
    holidays: dict[str, str]
    anchored: dict[str, str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    count_nouns: frozenset[str]

    def count(self, word: str) -> float | None:
        """The number a count word stands for; None for a vague amount or a word that is none.

        >>> lexicon = load_date_lexicon()
        >>> [lexicon.count(w) for w in ("two", "10", "twenty-five", "5 1/2", "several")]
        [2.0, 10.0, 25.0, 5.5, None]
        """
        w = _SPACES.sub(" ", word.lower().strip())
        if w in self.vague_numbers:
            return None
        if w in self.numbers:
            return self.numbers[w]
        if _DECIMAL.fullmatch(w.replace(",", "")):
            return float(w.replace(",", ""))
        half = _AND_A_HALF.fullmatch(w)
        if half:
            return int(half.group(1)) + 0.5
        parts = _NUMBER_PARTS.split(w)
        if len(parts) == 2 and all(p in self.numbers for p in parts):
            return self.numbers[parts[0]] + self.numbers[parts[1]]
        return None


_SPACES = re.compile(r"\s+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_AND_A_HALF = re.compile(r"(\d+) 1/2")
_NUMBER_PARTS = re.compile(r"[\s-]+")

# The kinds of row the lexicon knows; a row of another kind is a typo that would otherwise be
# ignored without a word.
_KINDS = (
    "month weekday number vague_number ordinal unit season part_of_day fuzzy day_offset time_of_day "
    "set_adverb holiday anchored future_cue past_cue count_noun".split()
)
# Values that Python code takes apart at match time: a malformed one is reported at load time.
_VALUE_FORMS = {
    "unit": (r"T?\d*[A-Z]", "a TIMEX3 unit such as D, TH or 10Y"),
    "season": (r"SP|SU|FA|WI", "a TIMEX3 season (SP, SU, FA or WI)"),
    "fuzzy": (r"PRESENT_REF|PAST_REF|FUTURE_REF", "PRESENT_REF, PAST_REF or FUTURE_REF"),
    "time_of_day": (r"-?\d+T[A-Z]{2}", "<day offset>T<part of day>, such as 0TMO"),
    "holiday": (r"\d\d-\d\d|\d\d/(?:[1-5]|L)/[1-7](?:\+\d+)?|E[+-]\d+", "MM-DD, MM/N/W[+D] or E+D"),
    "anchored": (r"[DWMY][+-]\d+", "a unit D, W, M or Y and a signed step, such as D+1"),
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace.

    >>> alternation(["next week", "week"])
    'next\\\\s+week|week'
    """
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "|".join(escaped)


@functools.lru_cache(maxsize=1)
def load_date_lexicon() -> DateLexicon:
    """Read ``data/date_lexicon.tsv`` (packaged with Accord) into a ``DateLexicon``, once.

    Raises ``DataFileError`` (file:line: reason) for a malformed row.

    >>> load_date_lexicon().months["sept"]
    9
    """
    source = data_file("accord.resolve", "date_lexicon.tsv")
    return parse_date_lexicon(read_tsv(source, required=("kind", "word", "value")))


def parse_date_lexicon(rows: Iterable[TsvRow]) -> DateLexicon:
    """A ``DateLexicon`` from TSV rows with the columns ``kind``, ``word`` and ``value``.

    Words are lower-cased; a later row for the same word wins. Raises ``DataFileError`` naming
    the row for an unknown kind or a value its kind cannot use.

    >>> from accord.base.tsv import parse_tsv
    >>> rows = parse_tsv("kind\\tword\\tvalue\\nmonth\\tSept\\t9\\n", origin="dates.tsv")
    >>> parse_date_lexicon(rows).months
    {'sept': 9}
    """
    groups: dict[str, dict[str, TsvRow]] = {kind: {} for kind in _KINDS}
    for row in rows:
        if row["kind"] not in groups:
            raise row.error(f"unknown kind {row['kind']!r}; the kinds are {', '.join(_KINDS)}")
        if row["kind"] in _VALUE_FORMS:
            form, description = _VALUE_FORMS[row["kind"]]
            if not re.fullmatch(form, row["value"]):
                raise row.error(f"{row['kind']} value {row['value']!r} is not {description}")
        groups[row["kind"]][row["word"].lower()] = row

    def words(kind: str) -> frozenset[str]:
        return frozenset(groups[kind])

    def values(kind: str) -> dict[str, str]:
        return {word: row["value"] for word, row in groups[kind].items()}

    return DateLexicon(
        months=_numbers(groups["month"], int),
        weekdays=_numbers(groups["weekday"], int),
        numbers=_numbers(groups["number"], float),
        vague_numbers=words("vague_number"),
        ordinals=_numbers(groups["ordinal"], int),
        units=values("unit"),
        seasons=values("season"),
        parts_of_day=values("part_of_day"),
        fuzzy=values("fuzzy"),
        day_offsets=_numbers(groups["day_offset"], int),
        times_of_day=values("time_of_day"),
        set_adverbs=values("set_adverb"),
        holidays=values("holiday"),
        anchored=values("anchored"),
        future_cues=words("future_cue"),
        past_cues=words("past_cue"),
        count_nouns=words("count_noun"),
    )


def _numbers(rows: dict[str, TsvRow], convert: Callable[[str], _T]) -> dict[str, _T]:
    """Each word's value as a number; raises ``DataFileError`` at the first value that is none."""
    out: dict[str, _T] = {}
    for word, row in rows.items():
        try:
            out[word] = convert(row["value"])
        except ValueError:
            raise row.error(f"{row['kind']} value {row['value']!r} is not a number") from None
    return out
