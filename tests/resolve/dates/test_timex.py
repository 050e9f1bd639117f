"""TIMEX3 values: weeks, weekends, shifted periods and durations."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.resolve.dates.timex import duration, shift, week_value, weekend_value

MON_2021_12_06 = dt.date(2021, 12, 6)
SAT_2021_12_11 = dt.date(2021, 12, 11)


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (2, "Y", "P2Y"),
        (5, "TH", "PT5H"),
        (None, "W", "PXW"),
        (3, "10Y", "P30Y"),
        (2.5, "Y", "P2Y6M"),
        (5.5, "TH", "PT5H30M"),
        (1.5, "D", "P1DT12H"),
        (0.5, "TM", "PT30S"),
        (1.25, "W", "P1.25W"),  # a quarter of a week is no whole number of days
    ],
)
def test_timex_duration(amount, unit, expected):
    assert duration(amount, unit) == expected


def test_timex_shift_by_unit():
    assert shift(MON_2021_12_06, "D", -6) == "2021-11-30"
    assert shift(MON_2021_12_06, "W", 1) == "2021-W50"
    assert shift(MON_2021_12_06, "M", 1) == "2022-01"
    assert shift(MON_2021_12_06, "Y", -1) == "2020"


def test_timex_week_value_is_the_iso_week():
    assert week_value(dt.date(2021, 1, 1)) == "2020-W53"


@pytest.mark.parametrize(
    ("report", "step", "tense", "expected"),
    [
        (MON_2021_12_06, 0, None, "2021-W48-WE"),  # "the weekend", read on a Monday: the one just past
        (MON_2021_12_06, 0, "future", "2021-W49-WE"),
        (SAT_2021_12_11, 0, None, "2021-W49-WE"),  # on the weekend itself
        (MON_2021_12_06, -1, None, "2021-W48-WE"),
        (MON_2021_12_06, 1, None, "2021-W49-WE"),  # early in the week, "next weekend" is this week's
        (dt.date(2021, 12, 8), 1, None, "2021-W49-WE"),  # up to Wednesday
        (dt.date(2021, 12, 9), 1, None, "2021-W50-WE"),  # from Thursday, the one after
    ],
)
def test_timex_weekend_value(report, step, tense, expected):
    assert weekend_value(report, step, tense) == expected
