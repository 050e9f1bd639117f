"""The one scan: find_amounts reads numbers, money and quantities from one pass over the text."""

from __future__ import annotations

import dataclasses

import pytest

import accord.resolve.numbers.amounts as amounts_module
import accord.resolve.numbers.money as money_module
import accord.resolve.numbers.quantities as quantities_module
from accord.resolve.numbers import Amounts, find_amounts, find_money, find_numbers, find_quantities
from accord.resolve.numbers.phrases import Phrase

TEXTS = [
    "India procured 6,01,427 AK-203 rifles at about Rs 5000 crore, and 12 jets in 2021.",
    "The loan of $2.5 billion and 3 dollars 50 cents; 35% of 1,200 km; half the country.",
    "Nearly 50-odd people died and two hundred and forty were hurt on 5 May at 10:30.",
    "No numbers here at all.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_amounts_find_amounts_agrees_with_the_single_readers(text: str) -> None:
    amounts = find_amounts(text)
    assert list(amounts.numbers) == find_numbers(text)
    assert list(amounts.money) == find_money(text)
    assert list(amounts.quantities) == find_quantities(text)


def test_amounts_find_amounts_splits_money_from_counts() -> None:
    text = "India procured 6,01,427 rifles at about Rs 5000 crore, and 12 jets."
    amounts = find_amounts(text)
    assert [(n.value, n.text) for n in amounts.numbers] == [
        (601427, "6,01,427"),
        (5e10, "5000 crore"),
        (12, "12"),
    ]
    assert [(m.amount, m.currency, m.approximate, m.text) for m in amounts.money] == [
        (5e10, "INR", True, "about Rs 5000 crore")
    ]
    # the amount of money is a number but no quantity
    assert [(q.value, q.text) for q in amounts.quantities] == [(601427, "6,01,427"), (12, "12")]
    for q in amounts.quantities:
        assert text[q.start : q.end] == q.text


def test_amounts_find_amounts_of_empty_text() -> None:
    assert find_amounts("") == Amounts(numbers=(), quantities=(), money=())


def test_amounts_find_amounts_is_frozen() -> None:
    amounts = find_amounts("12 jets")
    with pytest.raises(dataclasses.FrozenInstanceError):
        amounts.numbers = ()  # type: ignore[misc]


def test_amounts_find_amounts_scans_the_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_scan = amounts_module.scan_phrases

    def counting_scan(text: str) -> list[Phrase]:
        calls.append(text)
        return real_scan(text)

    def no_scan(text: str) -> list[Phrase]:
        raise AssertionError("money and quantities must read the scan they are given")

    monkeypatch.setattr(amounts_module, "scan_phrases", counting_scan)
    monkeypatch.setattr(money_module, "scan_phrases", no_scan)
    monkeypatch.setattr(quantities_module, "scan_phrases", no_scan)
    text = "Rs 5000 crore for 6,01,427 rifles and $5m for 12 jets"
    amounts = find_amounts(text)
    assert calls == [text]
    assert len(amounts.money) == 2 and len(amounts.quantities) == 2
