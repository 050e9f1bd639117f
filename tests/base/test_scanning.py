"""``TextScanner`` finds exactly what ``re.finditer`` finds, for the date grammar and for patterns
built to trip it, on real reports and on generated texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.base.scanning import FOLDING_TO_ASCII, WHITESPACE, TextScanner, start_plan
from accord.resolve.dates.grammar import compiled_grammar

TRICKY = [
    r"\b(?:jan|feb)\w*\s+\d+",
    r"(?<![\w$-])(?:1\d|20)\d\d(?![\w%])",
    r"\bthe\s+(?:past\s+)?(?:year|week)s?\b|\b\d+\s+days?",
    r"(?:(?<=\bfor\s)|(?P<recent>\brecent\s+))(?:day|week)s\b",
    r"(?:\bthe\s+)?(?:(?:early|mid)[\s-]+)?(?:(?P<full>(?:1\d|20)\d0)'?s\b|'(?P<short>\d0)s\b)",
    r"a\.m\.|p\.m\.|\bnoon\b",
    r"\bQ[1-4](?:\s+\d{4})?",  # case-sensitive, with a space: scanned whole
    r"x?",  # may match empty text: scanned whole
    r"(?i:ab)c|(?-i:Q)\d",  # inline flags
    r"(?i:é)t[éa]",  # a letter outside ASCII with a case, case ignored: scanned whole
    r"\b(?:one|two|three)(?:-(?:one|two))?\s+(?:hundred|thousand)\b",
]
WORDS = ["é", "É", "ét", "ÉT", "QU", "abc", "ABc", "€", "$5", "Rs 5", "USD", "usd 3", "the", "The", "THE", "in", "two", "weeks", "Week", "1997", "1990s", "'90s", "May", "jan", "Feb",
         "ago", "a", "couple", "of", "days", "for", "recent", "noon", "a.m.", "Q3", "2021", "twenty-one",
         "hundred", "past", "year", "early", "mid-", "İn", "ſunday", "K", "٣", "ı", "x", "ab", "AB"]  # fmt: skip
SEPARATORS = [" ", "  ", "\n", "\t", "\u2003", "\xa0", ", ", ".", "-", "'", "", "\n\n"]


def _patterns() -> list[re.Pattern[str]]:
    rules = [rule.pattern for rule in compiled_grammar().rules]
    return rules + [re.compile(p, re.IGNORECASE) for p in TRICKY] + [re.compile(p) for p in TRICKY]


def _same(text: str) -> None:
    scanner = TextScanner(text)
    for pattern in _patterns():
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in scanner.finditer(pattern)] == expected, pattern.pattern


def test_scanning_the_folding_tables_hold_for_every_code_point():
    every = "".join(map(chr, range(0x110000)))
    assert "".join(re.findall(r"\s", every)) == WHITESPACE
    assert sorted(c for c in re.findall("[a-z]", every, re.IGNORECASE) if not c.isascii()) == sorted(
        FOLDING_TO_ASCII
    )


def test_scanning_reads_how_matches_begin():
    month = start_plan(re.compile(r"\b(?:January|Feb)\s+\d", re.IGNORECASE))
    assert month is not None and month.word_start and month.strings == ("feb", "jan")
    either = start_plan(re.compile(r"\bfoo|bar", re.IGNORECASE))
    assert either is not None and not either.word_start and either.strings == ("bar", "foo")
    after_space = start_plan(re.compile(r"a\s+b", re.IGNORECASE))
    assert after_space is not None and after_space.strings == ("a ",)  # any spaces: "a" and one
    for unsure in (r"x*", r"x?", r"(?i:é)t", r"\w+day", r".x"):
        assert start_plan(re.compile(unsure)) is None, unsure
    assert start_plan(re.compile(r"(?i:ab)c|(?-i:Q)\d|[€$]")).strings == (
        "$",
        "abc",
        "q0",
        "q1",
        "q2",
        "q3",
        "q4",
        "q5",
        "q6",
        "q7",
        "q8",
        "q9",
        "€",
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Talks on Feb 3 and JAN 9, 2021; the past year, two weeks ago, in the 1990s and '80s.",
        "K-day on ſunday, İn 1997 the ı",  # letters that fold to ASCII: scanned whole
        "٣ days ago on Monday 3 May 2021",  # a digit outside ASCII: scanned whole
        "IN\u2003TWO\u00a0WEEKS ago, a\tcouple of days AGO at 9 a.m. on Q3 2021",
        "for days, recent weeks, the mid-1990s",
    ],
)
def test_scanning_finds_what_finditer_finds_in_written_texts(text):
    _same(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30))
def test_scanning_finds_what_finditer_finds_in_generated_texts(pieces):
    _same("".join(word + separator for word, separator in pieces))


def test_scanning_finds_what_finditer_finds_in_real_reports(shared_dir: Path):
    reports = sorted((shared_dir / "data" / "te3-silver-news").glob("*.tml"))[:25]
    assert reports
    for path in reports:
        _same(path.read_text(encoding="utf-8", errors="replace"))
