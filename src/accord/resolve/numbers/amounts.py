"""The one scan: numbers, money and quantities of a text from one pass over it.

``find_amounts(text)`` scans the number phrases once and derives the three readings from that
scan; ``parse_number(text)`` reads a text that is one number phrase (with its currency).
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.records import Money, Quantity
from accord.resolve.numbers.filters import is_pronoun_one
from accord.resolve.numbers.lexicon import number_lexicon
from accord.resolve.numbers.mentions import NumberMention, approximate_span, number_mentions
from accord.resolve.numbers.money import money_in
from accord.resolve.numbers.phrases import scan_phrases
from accord.resolve.numbers.quantities import quantities_in

__all__ = ["Amounts", "find_amounts", "parse_number"]


@dataclass(frozen=True)
class Amounts:
    """What one scan of a text found: every cardinal (as ``find_numbers``), the amounts of money
    (as ``find_money``) and the counts and measures (as ``find_quantities``), each in text order."""

    numbers: tuple[NumberMention, ...]
    quantities: tuple[Quantity, ...]
    money: tuple[Money, ...]


def find_amounts(text: str) -> Amounts:
    """Numbers, quantities and money in running text, from one scan.

    >>> amounts = find_amounts("The army bought 6,01,427 rifles for around Rs 5000 crore.")
    >>> [q.text for q in amounts.quantities], [(m.amount, m.currency) for m in amounts.money]
    (['6,01,427'], [(50000000000.0, 'INR')])
    >>> [n.text for n in amounts.numbers]
    ['6,01,427', '5000 crore']
    """
    phrases = scan_phrases(text)
    mentions = number_mentions(text, phrases)
    money = money_in(text, phrases)
    return Amounts(
        numbers=tuple(mention for mention, _ in mentions),
        quantities=tuple(quantities_in(text, mentions, money)),
        money=tuple(money),
    )


def parse_number(text: str) -> float | None:
    """The value of one number phrase, or None when ``text`` is not (just) a number.

    Currency marks and approximation words around the number are allowed and ignored.

    >>> parse_number("1,20,00,000"), parse_number("2.5 lakh"), parse_number("$2.5 billion")
    (12000000.0, 250000.0, 2500000000.0)
    >>> parse_number("the AK-203") is None
    True
    """
    text = text.strip()
    phrases = scan_phrases(text)
    found = [p for p in phrases if not is_pronoun_one(text, p) and not p.glued_left]
    if len(found) != 1:
        return None
    p = found[0]
    if p.glued_suffix is not None and p.unit is None:
        return None  # 5G, 10am
    value = p.value
    money = money_in(text, phrases)
    if len(money) == 1 and money[0].start <= p.start and p.end <= money[0].end:
        if p.glued_suffix == "m":
            value *= 1e6  # "$5m"
        start, end = money[0].start, money[0].end
    else:
        _, start, end = approximate_span(text, p.start, p.end)
        unit = number_lexicon().unit_re.match(text, p.end) if p.unit else None
        end = max(end, unit.end()) if unit else end
    if (text[:start] + text[end:]).strip():
        return None
    return value
