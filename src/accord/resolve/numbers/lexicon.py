"""The number lexicon: number words, multiplier suffixes, units and context markers.

Read from three data files in ``accord/resolve/data/`` through ``accord.base.tsv``:

- ``number_words.tsv`` (word, value, kind): cardinals, tens, ``hundred``, magnitudes (with the
  Indian lakh/crore), dozens, fraction denominators, and ``suffix`` rows for the multipliers
  written glued after digits (``10k``, ``5M``, ``1.2b``; case-sensitive);
- ``number_units.tsv`` (surface, unit, match): units of measure after a number;
- ``number_markers.tsv`` (kind, phrase): approximation markers before and after a number,
  prefixes that make the number after them an id (``Article 370``), nouns a year may stand before.

A row with an unknown kind or a value that is not a number raises ``DataFileError`` naming the
file and line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from accord.base.tsv import TsvRow, data_file, read_tsv

__all__ = ["NumberLexicon", "alternation", "build_number_lexicon", "number_lexicon"]

# The grammar classes a number word may have (see accord.resolve.numbers.parser).
WORD_KINDS = frozenset({"unit", "ten", "hundred", "magnitude", "dozen", "denominator", "suffix"})
MARKER_KINDS = frozenset({"approximate", "approximate_after", "id_prefix", "year_noun"})
UNIT_MATCHES = frozenset({"word", "exact"})


@dataclass(frozen=True)
class NumberLexicon:
    """The compiled number lexicon."""

    words: dict[str, tuple[float, str]]  # lower-case word -> (value, kind)
    suffixes: dict[str, float]  # case-sensitive multiplier suffixes written after digits
    unit_re: re.Pattern[str]  # a unit right after a number
    units: dict[str, str]  # matched surface (lower for word units) -> unit name
    approx_before_re: re.Pattern[str]  # an approximation marker at the end of the text before
    approx_after_re: re.Pattern[str]  # one at the start of the text after ("50-odd")
    id_prefix_re: re.Pattern[str]  # a prefix that makes the number after it an id
    year_nouns: frozenset[str]  # plural nouns a year may stand before ("1990s", "2001 elections")


def alternation(phrases: Sequence[str]) -> str:
    """A regex alternation of phrases, longest first, so that ``more than`` wins over ``more`` and
    ``km/h`` over ``km``; a space in a phrase matches any run of white space."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


@functools.cache
def number_lexicon() -> NumberLexicon:
    """The lexicon of the shipped data files, read on first use; raises ``DataFileError``."""
    return build_number_lexicon(
        read_tsv(data_file("accord.resolve", "number_words.tsv"), required=("word", "value", "kind")),
        read_tsv(data_file("accord.resolve", "number_units.tsv"), required=("surface", "unit", "match")),
        read_tsv(data_file("accord.resolve", "number_markers.tsv"), required=("kind", "phrase")),
    )


def build_number_lexicon(
    word_rows: Sequence[TsvRow], unit_rows: Sequence[TsvRow], marker_rows: Sequence[TsvRow]
) -> NumberLexicon:
    """Compile the rows of the three number files; raises ``DataFileError`` for a bad row.

    >>> from accord.base.tsv import parse_tsv
    >>> words = parse_tsv("word\\tvalue\\tkind\\nlakh\\t1e5\\tmagnitude\\n", origin="w.tsv")
    >>> units = parse_tsv("surface\\tunit\\tmatch\\n%\\tpercent\\texact\\n", origin="u.tsv")
    >>> markers = parse_tsv("kind\\tphrase\\napproximate\\tabout\\n", origin="m.tsv")
    >>> build_number_lexicon(words, units, markers).words
    {'lakh': (100000.0, 'magnitude')}
    """
    words: dict[str, tuple[float, str]] = {}
    suffixes: dict[str, float] = {}
    for row in word_rows:
        kind = _one_of(row, "kind", WORD_KINDS)
        if kind == "suffix":
            suffixes[row["word"]] = _number(row, "value")
        else:
            words[row["word"].lower()] = (_number(row, "value"), kind)
    markers: dict[str, list[str]] = {}
    for row in marker_rows:
        markers.setdefault(_one_of(row, "kind", MARKER_KINDS), []).append(row["phrase"])
    unit_re, units = _units(unit_rows)
    after = [p for p in markers.get("approximate_after", []) if not p.startswith("-")]
    glued_after = [p[1:] for p in markers.get("approximate_after", []) if p.startswith("-")]
    return NumberLexicon(
        words=words,
        suffixes=suffixes,
        unit_re=unit_re,
        units=units,
        approx_before_re=re.compile(
            r"(?i)(?:(?<![A-Za-z])(?:" + alternation(markers.get("approximate", [])) + r"))\s*$"
        ),
        approx_after_re=re.compile(
            r"(?i)^(?:-(?:" + alternation(glued_after) + r")|\s+(?:" + alternation(after) + r"))(?![A-Za-z])"
        ),
        id_prefix_re=re.compile(r"(?<![A-Za-z])(?:" + alternation(markers.get("id_prefix", [])) + r")\s*$"),
        year_nouns=frozenset(p.lower() for p in markers.get("year_noun", [])),
    )


def _units(rows: Sequence[TsvRow]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The unit pattern and the surface -> unit name table."""
    units: dict[str, str] = {}
    word_units: list[str] = []
    exact_units: list[str] = []
    for row in rows:
        if _one_of(row, "match", UNIT_MATCHES) == "exact":
            exact_units.append(row["surface"])
            units[row["surface"]] = row["unit"]
        else:
            word_units.append(row["surface"])
            units[row["surface"].lower()] = row["unit"]
    # A unit follows the number directly, after a space or after a hyphen ("27-kilometre").
    unit_re = re.compile(
        r"(?:[ \u00a0]{0,2}|\s?-\s?)(?P<unit>(?i:"
        + alternation(word_units)
        + r")|"
        + alternation(exact_units)
        + r")(?![A-Za-z0-9²])"
    )
    return unit_re, units


def _one_of(row: TsvRow, column: str, allowed: frozenset[str]) -> str:
    value = row[column]
    if value not in allowed:
        raise row.error(f"{column} {value!r} is not one of {', '.join(sorted(allowed))}")
    return value


def _number(row: TsvRow, column: str) -> float:
    try:
        return float(row[column])
    except ValueError:
        raise row.error(f"{column} {row[column]!r} is not a number") from None
