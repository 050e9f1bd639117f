"""The TempEval-3 scorer on a hand-made TimeML document, and Accord's figures on the gold sets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.evaluate.tempeval import read_timeml, score_tempeval
from accord.records import TimeExpression

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>hand_made</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-12-06" functionInDocument="CREATION_TIME">2021-12-06</TIMEX3></DCT>
<TITLE>Talks</TITLE>
<TEXT>Talks were held <TIMEX3 tid="t1" type="DATE" value="2021-12-06">Monday</TIMEX3> after <TIMEX3 tid="t2" \
type="DURATION" value="P3Y">three years</TIMEX3> of <EVENT eid="e1">work</EVENT>, officials said \
<TIMEX3 tid="t3" type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT>
</TimeML>
"""
# Tag-free text: "Talks were held Monday after three years of work, officials said now."
#                 0               16    22     29         40                       65  68


@pytest.fixture
def hand_made(tmp_path: Path) -> Path:
    path = tmp_path / "hand_made.tml"
    path.write_text(TIMEML, encoding="utf-8")
    return path


def _expr(text: str, start: int, end: int, kind: str, value: str) -> TimeExpression:
    return TimeExpression(text, start, end, kind, value)  # type: ignore[arg-type]


def test_tempeval_read_timeml_offsets(hand_made):
    doc = read_timeml(hand_made)
    assert doc.dct == dt.date(2021, 12, 6)
    assert doc.text == "Talks were held Monday after three years of work, officials said now."
    assert [(g.text, g.start, g.end, g.timex_type, g.value) for g in doc.timexes] == [
        ("Monday", 16, 22, "DATE", "2021-12-06"),
        ("three years", 29, 40, "DURATION", "P3Y"),
        ("now", 65, 68, "DATE", "PRESENT_REF"),
    ]


def test_tempeval_perfect_system_scores_one(hand_made):
    def perfect(text: str, dct: dt.date) -> list[TimeExpression]:
        doc = read_timeml(hand_made)
        return [_expr(g.text, g.start, g.end, g.timex_type, g.value) for g in doc.timexes]

    scores = score_tempeval([hand_made], extractor=perfect)
    assert (scores["gold"], scores["system"]) == (3, 3)
    for figure in ("strict", "relaxed", "value", "type"):
        assert scores[figure] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_tempeval_partial_system_by_hand(hand_made):
    # Monday: exact span, right value. "years": overlaps "three years" (relaxed only), wrong value.
    # "work": no gold there. "now": missed.
    def partial(text: str, dct: dt.date) -> list[TimeExpression]:
        return [
            _expr("Monday", 16, 22, "DATE", "2021-12-06"),
            _expr("years", 35, 40, "DURATION", "P3M"),
            _expr("work", 44, 48, "DATE", "2021"),
        ]

    scores = score_tempeval([hand_made], extractor=partial)
    third, two_thirds = 0.3333, 0.6667
    assert scores["strict"] == {"precision": third, "recall": third, "f1": third}
    assert scores["relaxed"] == {"precision": two_thirds, "recall": two_thirds, "f1": two_thirds}
    assert scores["value"] == {"precision": third, "recall": third, "f1": third}
    assert scores["type"] == {"precision": two_thirds, "recall": two_thirds, "f1": two_thirds}


def test_tempeval_empty_system_scores_zero(hand_made):
    scores = score_tempeval([hand_made], extractor=lambda text, dct: [])
    assert (scores["gold"], scores["system"]) == (3, 0)
    assert scores["value"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_tempeval_type_filter_keeps_only_dates(hand_made):
    scores = score_tempeval([hand_made], types={"DATE"})
    assert scores["gold"] == 2


def test_tempeval_accord_on_hand_made(hand_made):
    scores = score_tempeval([hand_made])
    assert scores["value"]["f1"] == 1.0


# Floors just under the figures reached (value F1: TBAQ 0.798, its AQUAINT part 0.769, platinum
# 0.800); a change that drops below them has made resolution worse.
@pytest.mark.parametrize(
    ("folder", "pattern", "floor"),
    [
        ("tempeval3-tbaq", "*/*.tml", 0.795),
        ("tempeval3-tbaq", "AQUAINT/*.tml", 0.765),
        ("tempeval3-platinum", "*.tml", 0.795),
    ],
)
def test_tempeval_gold_sets_stay_above_floor(shared_dir, folder, pattern, floor):
    paths = sorted((shared_dir / "data" / folder).glob(pattern))
    if not paths:
        pytest.skip(f"{folder} is not present")
    scores = score_tempeval(paths)
    assert scores["relaxed"]["f1"] >= 0.88
    assert scores["value"]["f1"] >= floor, scores
