"""TIMEX3 values to the contract's date, precision and end date."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.resolve.dates.contract import contract_span

MON_2021_12_06 = dt.date(2021, 12, 6)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-06", ("2021-12-06", "day", None)),
        ("2021-12-06T10:30", ("2021-12-06", "day", None)),
        ("PRESENT_REF", ("2021-12-06", "day", None)),
        ("2021-W48", ("2021-11-29", "day", "2021-12-05")),
        ("2021-W48-WE", ("2021-12-04", "day", "2021-12-05")),
        ("2021-Q3", ("2021-07", "month", "2021-09")),
        ("2021-H1", ("2021-01", "month", "2021-06")),
        ("2021-WI", ("2021-12", "month", "2022-02")),
        ("2021-12", ("2021-12", "month", None)),
        ("2021", ("2021", "year", None)),
        ("199", ("1990", "year", "1999")),
        ("19", ("1900", "year", "1999")),
        ("PAST_REF", None),
        ("P3D", None),
        ("XXXX-WXX-1", None),
    ],
)
def test_contract_span_of_each_timex_form(value, expected):
    assert contract_span(value, MON_2021_12_06) == expected
