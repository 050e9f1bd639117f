"""The shared route parameters: the date-range check and the pattern descriptions."""

from __future__ import annotations

import pytest

from accord.api.errors import ApiError
from accord.api.params import CODE_PATTERN, DATE_PATTERN, check_date_range, describe_pattern


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, None), ("2021", None), (None, "2021-02"), ("2021-02", "2021-02-28"), ("2021-02-28", "2021-02")],
)
def test_params_date_range_accepts_overlapping_bounds(start, end):
    assert check_date_range(start, end) is None


@pytest.mark.parametrize(
    ("start", "end", "status", "message"),
    [
        ("2021-13", None, 422, "start '2021-13' is not a calendar date"),
        (None, "2021-02-30", 422, "end '2021-02-30' is not a calendar date"),
        ("0000", None, 422, "start '0000' is not a calendar date"),
        ("2021-03", "2021-02", 400, "start 2021-03 is after end 2021-02"),
        ("2022", "2021-12-31", 400, "start 2022 is after end 2021-12-31"),
    ],
)
def test_params_date_range_refuses_impossible_bounds(start, end, status, message):
    with pytest.raises(ApiError) as caught:
        check_date_range(start, end)
    assert (caught.value.status, caught.value.message) == (status, message)


def test_params_describe_pattern_names_the_form():
    assert describe_pattern(DATE_PATTERN) == "a date YYYY, YYYY-MM or YYYY-MM-DD"
    assert describe_pattern(CODE_PATTERN).startswith("a 3-letter")
    assert describe_pattern("^x$") == "a value matching ^x$"
