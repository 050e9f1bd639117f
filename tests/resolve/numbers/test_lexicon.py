"""The number lexicon and the currency table: shipped files load, bad rows name file and line."""

from __future__ import annotations

import pytest

from accord.base.tsv import parse_tsv
from accord.errors import DataFileError
from accord.resolve.numbers.currencies import build_currency_table, currency_table
from accord.resolve.numbers.lexicon import build_number_lexicon, number_lexicon

UNITS = parse_tsv("surface\tunit\tmatch\n%\tpercent\texact\nkm\tkm\tword\n", origin="u.tsv")
MARKERS = parse_tsv("kind\tphrase\napproximate\tabout\napproximate_after\t-odd\n", origin="m.tsv")


def test_lexicon_shipped_files_load() -> None:
    lex = number_lexicon()
    assert lex.words["crore"] == (1e7, "magnitude")
    assert lex.suffixes["k"] == 1000
    assert lex.units["%"] == "percent"
    assert currency_table().by_key["s:₹"].code == "INR"


def test_lexicon_reads_rows() -> None:
    words = parse_tsv("word\tvalue\tkind\nLakh\t1e5\tmagnitude\nbn\t1e9\tsuffix\n", origin="w.tsv")
    lex = build_number_lexicon(words, UNITS, MARKERS)
    assert lex.words == {"lakh": (1e5, "magnitude")}
    assert lex.suffixes == {"bn": 1e9}
    assert lex.approx_before_re.search("about ") and lex.approx_after_re.match("-odd people")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            "word\tvalue\tkind\nlakh\t1e5\tmagnitude\ncrore\tten million\tmagnitude\n",
            "w.tsv:3: value 'ten million'",
        ),
        ("word\tvalue\tkind\nlakh\t1e5\tmagnitudes\n", "w.tsv:2: kind 'magnitudes' is not one of"),
    ],
)
def test_lexicon_bad_word_row_names_file_and_line(rows: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        build_number_lexicon(parse_tsv(rows, origin="w.tsv"), UNITS, MARKERS)


def test_lexicon_bad_marker_and_unit_rows_name_file_and_line() -> None:
    words = parse_tsv("word\tvalue\tkind\nlakh\t1e5\tmagnitude\n", origin="w.tsv")
    markers = parse_tsv("kind\tphrase\napprox\tabout\n", origin="m.tsv")
    with pytest.raises(DataFileError, match="m.tsv:2: kind 'approx'"):
        build_number_lexicon(words, UNITS, markers)
    units = parse_tsv("surface\tunit\tmatch\nkm\tkm\twords\n", origin="u.tsv")
    with pytest.raises(DataFileError, match="u.tsv:2: match 'words'"):
        build_number_lexicon(words, units, MARKERS)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("$\tUSD\tsign\tboth\t1\t", "c.tsv:2: kind 'sign'"),
        ("$\tUSD\tsymbol\tbefore\t1\t", "c.tsv:2: position 'before'"),
        ("marks\tDEM\tword\tsuffix\t1\tmultipliers", "c.tsv:2: needs 'multipliers'"),
        ("cent\tUSD\tminor\tsuffix\tone hundredth\t", "c.tsv:2: scale 'one hundredth' is not a number"),
    ],
)
def test_lexicon_bad_currency_row_names_file_and_line(row: str, message: str) -> None:
    rows = parse_tsv("surface\tcode\tkind\tposition\tscale\tneeds\n" + row + "\n", origin="c.tsv")
    with pytest.raises(DataFileError, match=message):
        build_currency_table(rows)
