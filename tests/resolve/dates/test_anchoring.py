"""Story anchors: "the next day", "the quarter", "a year earlier" counted from the story's time."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.resolve.dates.anchoring import anchor_to_story, story_point
from accord.resolve.dates.candidate import Candidate
from accord.resolve.dates.context import Context
from accord.resolve.dates.grammar import compiled_grammar

MON_2021_12_06 = dt.date(2021, 12, 6)


def _context(text: str) -> Context:
    grammar = compiled_grammar()
    return Context(text, MON_2021_12_06, None, grammar.lexicon, grammar.cues)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-06", (dt.date(2021, 12, 6), "D")),
        ("2021-12-06TNI", (dt.date(2021, 12, 6), "D")),
        ("2021-W49-WE", (dt.date(2021, 12, 6), "W")),
        ("2021-02", (dt.date(2021, 2, 1), "M")),
        ("2021-Q4", (dt.date(2021, 10, 1), "Q")),
        ("2021", (dt.date(2021, 1, 1), "Y")),
        ("2021-SU", None),
        ("FUTURE_REF", None),
    ],
)
def test_anchoring_story_point(value, expected):
    assert story_point(value) == expected


def test_anchoring_next_day_counts_from_the_last_day_named():
    text = "Talks began on March 3. The next day they broke down."
    taken = [
        Candidate(15, 22, "DATE", "2021-03-03"),
        Candidate(24, 36, "DATE", "2021-12-07", anchor="D+1"),
    ]
    resolved = anchor_to_story(taken, _context(text))
    assert [c.value for c in resolved] == ["2021-03-03", "2021-03-04"]
    assert resolved[1].anchor is None


def test_anchoring_next_day_after_a_month_keeps_the_report_date():
    # A month is coarser than a day: "the next day" after "in March" cannot count from it.
    text = "Talks began in March. The next day they broke down."
    taken = [Candidate(15, 20, "DATE", "2021-03"), Candidate(22, 34, "DATE", "2021-12-07", anchor="D+1")]
    assert [c.value for c in anchor_to_story(taken, _context(text))] == ["2021-03", "2021-12-07"]


def test_anchoring_year_earlier_looks_back_from_the_story_quarter_without_moving_it():
    text = "Third-quarter profit rose to $3 million from $2 million a year earlier. The quarter was good."
    taken = [
        Candidate(0, 13, "DATE", "2021-Q3"),
        Candidate(56, 70, "DATE", "2020", anchor="YAGO"),
        Candidate(72, 83, "DATE", "2021-Q3", anchor="Q0"),
    ]
    assert [c.value for c in anchor_to_story(taken, _context(text))] == ["2021-Q3", "2020-Q3", "2021-Q3"]


def test_anchoring_the_quarter_without_figures_or_a_quarter_is_dropped():
    text = "He lives in the old quarter of the city."
    taken = [Candidate(12, 19, "DATE", "2021-Q3", anchor="Q0")]
    assert anchor_to_story(taken, _context(text)) == []
