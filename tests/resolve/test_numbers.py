"""Numbers and quantities: Indian lakh/crore grouping and words, Western forms, what is not a count."""

from __future__ import annotations

import re

import pytest

from accord.resolve.numbers import NumberMention, find_numbers, find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Indian digit grouping
        ("6,01,427", 601427),
        ("1,20,00,000", 12000000),
        ("12,34,567.89", 1234567.89),
        ("1,00,000", 100000),
        ("10,00,00,000", 100000000),
        # lakh / lac / crore / cr, digits and words, combined
        ("2.5 lakh", 250000),
        ("13 lakh", 1300000),
        ("35 lakhs", 3500000),
        ("4 lac", 400000),
        ("5 lacs", 500000),
        ("5000 crore", 5e10),
        ("1 crore", 1e7),
        ("10 crores", 1e8),
        ("500 cr", 5e9),
        ("50cr", 5e8),
        ("five crore", 5e7),
        ("two lakh fifty thousand", 250000),
        ("1 crore 20 lakh", 12000000),
        ("three lakh crore", 3e12),
        ("2.5 lakh crore", 2.5e12),
        ("1.5-lakh", 150000),
        ("12 thousand crore", 1.2e11),
        ("one lakh", 100000),
        ("a lakh", 100000),
        ("6 crore and two hundred", 60000200),
        ("Rs 5000 crore", 5e10),
        ("₹1.5 lakh crore", 1.5e12),
        # Western separators, decimals and multipliers
        ("1,189.42", 1189.42),
        ("1,234,567", 1234567),
        ("1 234 567", 1234567),
        ("1.2 million", 1.2e6),
        ("3.5bn", 3.5e9),
        ("3bn", 3e9),
        ("10 bln", 1e10),
        ("4.5 mn", 4.5e6),
        ("1.2b", 1.2e9),
        ("10k", 10000),
        ("10M", 1e7),
        ("2mil", 2e6),
        ("1 trillion", 1e12),
        ("$2.5 billion", 2.5e9),
        ("$5m", 5e6),
        ("322 hundred", 32200),
        (".08", 0.08),
        # words
        ("twenty-three", 23),
        ("fifty - two", 52),
        ("one hundred and twenty", 120),
        ("a hundred and two", 102),
        ("two hundred and two thousand", 202000),
        ("twenty-one trillion three hundred", 21000000000300),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("3 dozens", 36),
        ("half a million", 500000),
        ("half million", 500000),
        ("a quarter million", 250000),
        ("five and a half million", 5.5e6),
        ("3 million and a half", 3.5e6),
        ("one and a half", 1.5),
        ("two thirds", 2 / 3),
        ("nine point nought four", 9.04),
        ("zero", 0),
        ("2½", 2.5),
        ("around 500", 500),
    ],
)
def test_numbers_parse_number_reads_value(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "the AK-203",
        "20th",
        "5G",
        "a",
        "an",
        "G20",
        "two and three",
        "the first quarter",
        "a third term",
    ],
)
def test_numbers_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_numbers_find_numbers_offsets_and_values() -> None:
    text = "India procured 6,01,427 rifles at about Rs 5000 crore, and 12 jets."
    found = find_numbers(text)
    assert [(m.value, m.text) for m in found] == [(601427, "6,01,427"), (5e10, "5000 crore"), (12, "12")]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[1].approximate and not found[0].approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("192.168.1.2", [192, 168, 1, 2]),
        ("Exercises nrs. 22,24,26,31.", [22, 24, 26, 31]),
        ("423 0000 will be two numbers", [423, 0, 2]),
        ("3 hundred and 2 hundred", [300, 200]),
        ("4 thousand 3 hundred and 21", [4321]),
        ("they were playing three-nought-four", [3, 0, 4]),
        ("Which one do you prefer?", []),
        ("no one came, one soldier died", [1]),
        ("the 20th meeting and 21st summit", []),
        ("the 180ml bottle", []),
        ("500 billion and 2 million doses", [5e11, 2e6]),
    ],
)
def test_numbers_find_numbers_unitless_values(text: str, expected: list[float]) -> None:
    assert [m.value for m in find_numbers(text) if m.unit is None] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("rose 35% in a year", 35, "percent"),
        ("fell 7.8 per cent", 7.8, "percent"),
        ("a 27-kilometre road", 27, "km"),
        ("300 km of border", 300, "km"),
        ("2 million tonnes of wheat", 2e6, "tonne"),
        ("10kg of gold", 10, "kg"),
        ("1,500 MW plant", 1500, "MW"),
    ],
)
def test_numbers_find_numbers_units(text: str, value: float, unit: str) -> None:
    m = find_numbers(text)[0]
    assert (m.value, m.unit) == (pytest.approx(value), unit)
    assert isinstance(m, NumberMention)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the procurement of 6,01,427 7.63 x 39mm assault rifles AK-203", [(601427, "6,01,427")]),
        ("signed on December 6, 2021 and sealed in February 2019", []),
        ("the programme for 2021-2031", []),
        ("the first 2+2 ministerial dialogue at 10:30", []),
        ("the G20, the F-16 and the AK-203", []),
        ("the 10-year pact, three days of talks", []),
        ("Article 370 and Resolution 2334", []),
        ("at 2 pm and 10.30 am", []),
        ("a 155mm howitzer and 5.56x45mm rounds", []),
        ("over 1,500 people and 50-odd rockets", [(1500, "over 1,500"), (50, "50-odd")]),
        ("nearly 4.5 lakh troops", [(450000, "nearly 4.5 lakh")]),
        ("The 2000 soldiers arrived in 2000", [(2000, "2000")]),
        ("India and Russia inked four defence agreements", [(4, "four")]),
        ("at a cost of around Rs 5000 crore", []),
        ("half the country", []),
        ("the 2019 elections", []),
    ],
)
def test_numbers_find_quantities(text: str, expected: list[tuple[float, str]]) -> None:
    found = find_quantities(text)
    assert [(q.value, q.text) for q in found] == [(pytest.approx(v), t) for v, t in expected]
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.item is None


def test_numbers_find_quantities_units_and_approximate_span() -> None:
    (q,) = find_quantities("exports grew about 18% to Europe")
    assert (q.value, q.unit, q.text) == (18, "percent", "about 18%")


def test_numbers_seed_article_quantities(seed_path) -> None:
    text = re.sub(r"^\s*date \d{4}-\d\d-\d\d\s", "", seed_path.read_text(encoding="utf-8")).strip()
    values = [q.value for q in find_quantities(text)]
    assert 601427 in values
    assert not {2019, 2021, 2031, 20, 21, 203, 7.63, 39, 10, 6, 5e10} & set(values)
