"""Calendar arithmetic: weekdays and years of open references, two-digit years, holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.resolve.dates.calendar import add_months, easter, holiday_date, month_year, weekday_date, year_of

WED_1997_04_02 = dt.date(1997, 4, 2)
MON_2021_12_06 = dt.date(2021, 12, 6)


def test_calendar_add_months_crosses_years():
    assert add_months(2021, 12, 1) == (2022, 1)
    assert add_months(2021, 1, -13) == (2019, 12)


@pytest.mark.parametrize(
    ("weekday", "tense", "strict", "expected"),
    [
        (5, "past", False, dt.date(1997, 3, 28)),
        (5, "future", False, dt.date(1997, 4, 4)),
        (5, None, False, dt.date(1997, 3, 28)),
        (3, "past", False, WED_1997_04_02),
        (3, "past", True, dt.date(1997, 3, 26)),
        (3, "future", True, dt.date(1997, 4, 9)),
    ],
)
def test_calendar_weekday_date_looks_the_way_of_the_tense(weekday, tense, strict, expected):
    assert weekday_date(WED_1997_04_02, weekday, tense, strict) == expected


@pytest.mark.parametrize(
    ("month", "day", "tense", "slack", "expected"),
    [
        (12, 20, "past", 45, 2021),  # within the slack: this December's
        (12, 20, "past", 0, 2020),  # a forced past tense has no slack
        (3, 1, "future", 45, 2022),
        (3, None, None, 45, 2021),  # no cue: a month already past is this year's
        (2, None, "past", 45, 2021),
        (11, None, "future", 45, 2021),  # last month under a future cue keeps the year
        (10, None, "future", 0, 2022),
    ],
)
def test_calendar_month_year_reads_tense_with_slack(month, day, tense, slack, expected):
    assert month_year(MON_2021_12_06, month, day, tense, slack) == expected


def test_calendar_month_year_decides_an_impossible_day_on_the_last_real_one():
    assert month_year(dt.date(2006, 12, 5), 11, 31, "past", 0) == 2006
    assert month_year(dt.date(2006, 11, 25), 11, 31, "past", 0) == 2005


def test_calendar_year_of_two_digits_takes_the_nearest_century():
    assert year_of("2021", MON_2021_12_06) == 2021
    assert year_of("89", MON_2021_12_06) == 1989
    assert year_of("41", MON_2021_12_06) == 2041
    assert year_of("42", MON_2021_12_06) == 1942


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2021, dt.date(2021, 4, 4)), (2000, dt.date(2000, 4, 23)), (2019, dt.date(2019, 4, 21))],
)
def test_calendar_easter_sunday(year, expected):
    assert easter(year) == expected


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("12-25", 2021, dt.date(2021, 12, 25)),
        ("11/4/4", 2021, dt.date(2021, 11, 25)),  # Thanksgiving
        ("11/1/1+1", 2020, dt.date(2020, 11, 3)),  # Election Day
        ("05/L/1", 2021, dt.date(2021, 5, 31)),  # Memorial Day
        ("12/L/5", 2021, dt.date(2021, 12, 31)),  # the last Friday of December
        ("E-2", 2021, dt.date(2021, 4, 2)),  # Good Friday
        ("E+49", 2021, dt.date(2021, 5, 23)),  # Pentecost
    ],
)
def test_calendar_holiday_date_follows_its_rule(rule, year, expected):
    assert holiday_date(rule, year) == expected


def test_dates_in_n_years_after_a_superlative_is_a_period():
    import datetime as dt

    from accord.resolve.dates import find_time_expressions

    found = find_time_expressions(
        "It will be the first visit by a Brazilian leader in twelve years.", dt.date(2006, 11, 7)
    )
    assert [(t.text, t.timex, t.date) for t in found] == [("twelve years", "P12Y", None)]
    ahead = find_time_expressions("The talks will resume in two weeks.", dt.date(2006, 11, 7))
    assert [t.date for t in ahead] == ["2006-11-20"]
