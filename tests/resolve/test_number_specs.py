"""The spec scorers: pinned on hand-made cases (they can fail), then floors on the real specs."""

from __future__ import annotations

import pytest

from accord.evaluate.number_specs import (
    score_currency_cases,
    score_number_cases,
    score_quantulum,
    score_quantulum_cases,
    score_recognizers_currency,
    score_recognizers_numbers,
)


def _num(text: str, *results: tuple[str, int, str]) -> dict:
    return {
        "Input": text,
        "Results": [
            {"Text": t, "Start": s, "TypeName": "number", "Resolution": {"value": v}} for t, s, v in results
        ],
    }


def _cur(text: str, *results: tuple[str, int, str | None, str, str | None]) -> dict:
    out = []
    for t, s, v, unit, iso in results:
        res: dict = {"value": v, "unit": unit}
        if iso:
            res["isoCurrency"] = iso
        out.append({"Text": t, "Start": s, "TypeName": "currency", "Resolution": res})
    return {"Input": text, "Results": out}


def test_number_specs_number_scorer_counts_pass_fail_and_scope() -> None:
    cases = [
        _num("I can give you 13 lakh", ("13 lakh", 15, "1300000")),  # passes
        _num("There are 12,567 words", ("12,567", 10, "12567")),  # passes
        _num("The result is 12,34,567.89", ("12,34,567.89", 14, "1234567.89")),  # passes (lakh)
        _num("five people", ("five", 0, "6")),  # wrong gold value: must fail
        _num("five people", ("five", 1, "5")),  # wrong gold offset: must fail
        _num("nothing here"),  # passes (nothing found)
        _num("one two", ("one", 0, "1")),  # Accord finds a second number: must fail
        _num("The answer is minus 5", ("minus 5", 14, "-5")),  # out of scope: negative
        _num("1e10", ("1e10", 0, "10000000000")),  # out of scope: scientific
        _num("one over three", ("one over three", 0, "0.333333333333333")),  # out of scope: ratio
    ]
    summary = score_number_cases(cases)
    assert summary["cases"] == 10
    assert summary["in_scope"] == 7
    assert summary["passed"] == 4
    assert summary["pass_rate"] == pytest.approx(4 / 7)
    assert summary["out_of_scope_reasons"] == {"negative": 1, "scientific": 1, "ratio": 1}
    assert summary["lakh_crore"] == {"cases": 2, "passed": 2}
    assert set(summary["failures"]) == {"five people", "one two"}


def test_number_specs_currency_scorer_counts_pass_fail_and_scope() -> None:
    cases = [
        _cur("won a $48.2 million contract", ("$48.2 million", 6, "48200000", "Dollar", None)),
        _cur("about 50 cents", ("50 cents", 6, "50", "Cent", None)),
        _cur("for 323 million euros", ("323 million euros", 4, "323000000", "Euro", "EUR")),
        _cur("for 323 million euros", ("323 million euros", 4, "323000000", "Euro", "GBP")),  # wrong code
        _cur("for 5 yen", ("5 yen", 4, "6", "Japanese yen", "JPY")),  # wrong value
        _cur("The dollar rose"),  # passes: nothing to find
        _cur("each block mined is now 6.25 BTC", ("6.25 btc", 24, "6.25", "Bitcoin", None)),  # out
        _cur("I counted the dollars", ("dollars", 14, None, "Dollar", None)),  # out: no amount
    ]
    summary = score_currency_cases(cases)
    assert (summary["cases"], summary["in_scope"], summary["passed"]) == (8, 6, 4)
    assert summary["out_of_scope_reasons"] == {"not_iso4217": 1, "no_amount": 1}


def test_number_specs_quantulum_scorer_counts_pass_fail_and_scope() -> None:
    cases = [
        {
            "req": "In this pit, 50 cars are stored",
            "res": [{"value": 50, "unit": "dimensionless", "surface": "50"}],
        },
        {
            "req": "I want it for £2,000",
            "res": [{"value": 2000, "unit": "pound sterling", "surface": "£2,000"}],
        },
        {
            "req": "I want it for £2,000",
            "res": [{"value": 3000, "unit": "pound sterling", "surface": "£2,000"}],
        },
        {"req": "I sent some money", "res": []},
        {"req": "a 5 metre shark", "res": [{"value": 5, "unit": "metre", "surface": "5 metre"}]},
    ]
    summary = score_quantulum_cases(cases)
    assert (summary["cases"], summary["in_scope"], summary["passed"]) == (5, 4, 3)
    assert summary["out_of_scope_reasons"] == {"physical_units_only": 1}


# Floors reached when this scorer was written (numbers 155/156, currency 169/174, quantulum
# 37/40); a drop below them is a regression.
def test_number_specs_recognizers_numbers_floor(shared_dir) -> None:
    summary = score_recognizers_numbers(shared_dir)
    assert summary["cases"] == 235
    assert summary["pass_rate"] >= 0.98
    assert summary["in_scope"] >= 150
    assert summary["lakh_crore"]["cases"] >= 5
    assert summary["lakh_crore"]["passed"] == summary["lakh_crore"]["cases"]


def test_number_specs_recognizers_currency_floor(shared_dir) -> None:
    summary = score_recognizers_currency(shared_dir)
    assert summary["cases"] == 180
    assert summary["pass_rate"] >= 0.96
    assert summary["in_scope"] >= 170
    assert summary["lakh_crore"]["passed"] == summary["lakh_crore"]["cases"] >= 3


def test_number_specs_quantulum_floor(shared_dir) -> None:
    summary = score_quantulum(shared_dir)
    assert summary["cases"] == 101
    assert summary["pass_rate"] >= 0.9
    assert summary["in_scope"] >= 38
