"""The date lexicon: the packaged TSV loads, and a bad row is reported with its file and line."""

from __future__ import annotations

import pytest

from accord.base.tsv import parse_tsv
from accord.errors import DataFileError
from accord.resolve.dates.lexicon import alternation, load_date_lexicon, parse_date_lexicon

HEADER = "# source: test\nkind\tword\tvalue\n"


def _lexicon(rows: str):
    return parse_date_lexicon(parse_tsv(HEADER + rows, origin="dates.tsv"))


def test_lexicon_packaged_file_groups_words_by_kind():
    lexicon = load_date_lexicon()
    assert lexicon.months["september"] == lexicon.months["sept"] == 9
    assert lexicon.weekdays["sunday"] == 7
    assert lexicon.holidays["thanksgiving"] == "11/4/4"
    assert lexicon.anchored["the next day"] == "D+1"
    assert "will" in lexicon.future_cues and "said" in lexicon.past_cues


def test_lexicon_words_are_lower_cased_and_values_typed():
    lexicon = _lexicon("month\tSept\t9\nnumber\tdozen\t12\nunit\tDecade\t10Y\n")
    assert lexicon.months == {"sept": 9}
    assert lexicon.numbers == {"dozen": 12.0}
    assert lexicon.units == {"decade": "10Y"}


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("mnth\tjanuary\t1", "unknown kind 'mnth'"),
        ("month\tjanuary\tone", "month value 'one' is not a number"),
        ("holiday\tchristmas\t25-12-x", "holiday value '25-12-x' is not MM-DD"),
        ("anchored\tthe next day\tQ+1", "anchored value 'Q+1' is not a unit D, W, M or Y"),
        ("season\tsummer\tSUMMER", "season value 'SUMMER' is not a TIMEX3 season"),
    ],
)
def test_lexicon_bad_row_names_file_and_line(row, reason):
    with pytest.raises(DataFileError) as caught:
        _lexicon("month\tmarch\t3\n" + row + "\n")
    assert caught.value.origin == "dates.tsv"
    assert caught.value.line == 4
    assert reason in str(caught.value)


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("two", 2.0),
        ("10", 10.0),
        ("1,500", 1500.0),
        ("2.5", 2.5),
        ("5 1/2", 5.5),
        ("twenty-five", 25.0),
        ("twenty  four", 24.0),
        ("several", None),
        ("umpteen", None),
    ],
)
def test_lexicon_count_reads_number_words(word, count):
    assert load_date_lexicon().count(word) == count


def test_lexicon_alternation_puts_longer_words_first_and_spaces_flexible():
    import re

    pattern = re.compile(alternation(["day", "the next day"]))
    assert pattern.match("the  next\nday").group(0) == "the  next\nday"
    assert alternation(["a.m."]) == r"a\.m\."
