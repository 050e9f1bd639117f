"""Money: currencies by symbol, code and name; lakh/crore amounts; approximation markers."""

from __future__ import annotations

import pytest

from accord.records import Money
from accord.resolve.numbers import find_money


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        # Indian amounts, with and without currency words
        ("at a cost of Rs 5000 crore", 5e10, "INR"),
        ("Rs. 500 crore", 5e9, "INR"),
        ("Rs.500 crore", 5e9, "INR"),
        ("Rs500cr", 5e9, "INR"),
        ("₹1.5 lakh crore", 1.5e12, "INR"),
        ("Rs 2.5 lakh crore", 2.5e12, "INR"),
        ("INR 2,000 cr", 2e10, "INR"),
        ("fined Rs 10 lakh", 1e6, "INR"),
        ("Rs 1,20,00,000", 1.2e7, "INR"),
        ("35 lakh rupees", 3.5e6, "INR"),
        ("12,34,567.89 rupees", 1234567.89, "INR"),
        ("five crore rupees", 5e7, "INR"),
        ("Rupees 10,000", 10000, "INR"),
        ("a Rs 5,000-crore deal", 5e10, "INR"),
        ("PKR 500 billion", 5e11, "PKR"),
        ("20 crore Pakistani rupees", 2e8, "PKR"),
        # dollars and other symbols
        ("$2.5 billion", 2.5e9, "USD"),
        ("$ 75 million", 7.5e7, "USD"),
        ("$94,000", 94000, "USD"),
        ("$5m", 5e6, "USD"),
        ("$1.2bn", 1.2e9, "USD"),
        ("US$ 150 million", 1.5e8, "USD"),
        ("us $ 10 billion", 1e10, "USD"),
        ("A$ 3 billion", 3e9, "AUD"),
        ("C$16.4 million", 1.64e7, "CAD"),
        ("HK$ 10.05 billion", 1.005e10, "HKD"),
        ("R$ 5 bn", 5e9, "BRL"),
        ("€500 million", 5e8, "EUR"),
        ("€10M", 1e7, "EUR"),
        ("£900m", 9e8, "GBP"),
        ("£ 8.10 million", 8.1e6, "GBP"),
        ("¥300 billion", 3e11, "JPY"),
        ("₽50 billion", 5e10, "RUB"),
        ("USD 200", 200, "USD"),
        ("EUR 125", 125, "EUR"),
        ("USD115", 115, "USD"),
        ("115USD", 115, "USD"),
        ("75 USD million", 7.5e7, "USD"),
        ("30 MUSD", 3e7, "USD"),
        # names
        ("470 million dollars", 4.7e8, "USD"),
        ("10 US dollars", 10, "USD"),
        ("125 million Australian dollars", 1.25e8, "AUD"),
        ("1.175 billion ringgit", 1.175e9, "MYR"),
        ("323 million euros", 3.23e8, "EUR"),
        ("361 million pounds", 3.61e8, "GBP"),
        ("20 million pounds sterling", 2e7, "GBP"),
        ("five million yen", 5e6, "JPY"),
        ("100 billion yuan", 1e11, "CNY"),
        ("40 rmb", 40, "CNY"),
        ("2 billion renminbi", 2e9, "CNY"),
        ("3 billion roubles", 3e9, "RUB"),
        ("3 billion rubles", 3e9, "RUB"),
        ("10,000 Swiss francs", 10000, "CHF"),
        ("1.5 billion lira", 1.5e9, "TRY"),
        ("500 million pesos", 5e8, "MXN"),
        ("500 million Philippine pesos", 5e8, "PHP"),
        ("420 million Finnish markka", 4.2e8, "FIM"),
        ("6.65 billion pesetas", 6.65e9, "ESP"),
        ("10 turkish lira", 10, "TRY"),
        ("one-yen bid", 1, "JPY"),
        # minor units and dollars-and-cents
        ("50 cents", 0.5, "USD"),
        ("a 12-cent dividend", 0.12, "USD"),
        ("470 pence", 4.7, "GBP"),
        ("50p", 0.5, "GBP"),
        ("3 dollars 50 cents", 3.5, "USD"),
        ("thirteen dollars and forty-five cents", 13.45, "USD"),
        ("15 dollars 50.", 15.5, "USD"),
        ("100元", 100, "CNY"),
    ],
)
def test_money_amount_and_currency(text: str, amount: float, currency: str) -> None:
    (m,) = find_money(text)
    assert isinstance(m, Money)
    assert (m.amount, m.currency) == (pytest.approx(amount), currency)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("at a cost of around Rs 5000 crore.", "around Rs 5000 crore"),
        ("about $ 14 million", "about $ 14 million"),
        ("nearly $1 billion", "nearly $1 billion"),
        ("over €2 million", "over €2 million"),
        ("some 5,000 crore rupees", "some 5,000 crore rupees"),
        ("roughly £3bn", "roughly £3bn"),
        ("approximately $62.7 million", "approximately $62.7 million"),
        ("almost Rs 10 lakh", "almost Rs 10 lakh"),
        ("more than $247 million", "more than $247 million"),
        ("up to $5 billion", "up to $5 billion"),
        ("an estimated £50 million", "an estimated £50 million"),
    ],
)
def test_money_approximate_span_includes_marker(text: str, span: str) -> None:
    (m,) = find_money(text)
    assert m.approximate
    assert m.text == span


def test_money_exact_amounts_are_not_approximate() -> None:
    (m,) = find_money("paid $48.2 million for the contract")
    assert not m.approximate and m.text == "$48.2 million"


@pytest.mark.parametrize(
    "text",
    [
        "All 70 of us.",
        "ALL 5 solutions are wrong.",
        "He tried to call Bob 3 times already.",
        "He scored 95 marks in the exam.",
        "She bought 5 pounds of rice.",
        "The dollar fell against the yen.",
        "6,01,427 assault rifles",
        "the G20 summit",
        "Hey, the cost is 32 and the quantity 5",
    ],
)
def test_money_none_where_there_is_none(text: str) -> None:
    assert find_money(text) == []


def test_money_several_amounts_in_one_sentence() -> None:
    text = "They paid 75 USD million but the price was 50 million USD, and Japan gave ¥3 billion."
    found = find_money(text)
    assert [(m.amount, m.currency) for m in found] == [(7.5e7, "USD"), (5e7, "USD"), (3e9, "JPY")]


def test_money_dollar_before_a_number_belongs_to_it() -> None:
    (m,) = find_money("1 $10 dollars bill")
    assert (m.amount, m.currency) == (10, "USD")
    assert m.text.startswith("$10")


def test_money_seed_article(seed_path) -> None:
    found = find_money(seed_path.read_text(encoding="utf-8"))
    assert [(m.amount, m.currency, m.approximate, m.text) for m in found] == [
        (5e10, "INR", True, "around Rs 5000 crore")
    ]


@pytest.mark.parametrize(
    ("text", "currency", "span"),
    [
        ("The bank approved a $2 billion loan.", "USD", "$2 billion"),
        ("A $40 million grant was announced.", "USD", "$40 million"),
        ("Qantas paid A$2 billion.", "AUD", "A$2 billion"),
        ("Aid of US $5 million arrived.", "USD", "US $5 million"),
        ("a deal worth HK $3 billion", "HKD", "HK $3 billion"),
    ],
)
def test_money_an_article_before_the_dollar_is_no_australian_dollar(
    text: str, currency: str, span: str
) -> None:
    [money] = find_money(text)
    assert (money.currency, money.text) == (currency, span)
