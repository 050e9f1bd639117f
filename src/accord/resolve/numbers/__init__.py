"""Numbers, quantities and money in English news text, with the Indian lakh/crore system.

Pure, fast, no model. One scan (``find_amounts``) reads every number phrase of a text once and
derives the three readings from it; the single readers call the same scan:

- ``find_amounts(text)`` -> ``Amounts(numbers, quantities, money)``: what the pipeline uses.
- ``parse_number(text)`` reads one number phrase: ``"6,01,427"`` -> 601427.0, ``"2.5 lakh"`` ->
  250000.0, ``"five crore"`` -> 5e7, ``"$2.5 billion"`` -> 2.5e9, ``"half a million"`` -> 5e5.
- ``find_numbers(text)`` finds every cardinal with its offsets (``NumberMention``), including the
  unit of measure that follows it (``"35%"`` -> unit ``percent``). It skips ordinals (``20th``),
  numbers glued to letters (``G20``, ``5G``) and the pronoun "one" (``the one you mentioned``).
- ``find_money(text)`` finds amounts with their ISO 4217 currency (``accord.records.Money``).
- ``find_quantities(text)`` keeps the mentions that are counts or measures an event record wants:
  not money, not years or dates, not times, not ids or names (``AK-203``, ``Article 370``,
  ``2+2 dialogue``), not calibres (``7.63 x 39mm``), not durations (``10-year pact``: the time
  resolver's), not bare proportions (``half``).

Digit forms: Western (``1,234,567.89``), Indian (``12,34,567``), space/thin-space grouped
(``1 234 567``), leading-dot decimals (``.08``), vulgar fractions (``2½``), multiplier suffixes
(``10k``, ``5M``, ``3.5bn``, ``1.2b``, ``2mil``, ``1MM``). Words: cardinals to trillions, lakh/lac
and crore/cr (``three lakh crore`` = 3e12), ``and`` (``one hundred and twenty``), dozens,
simple fractions up to tenths (``two thirds``, ``five and a half million``, ``3 million and a
quarter``) and spoken decimals (``nine point nought four``). Not read: negative numbers, scientific
notation, slash fractions, decimal commas (``1,3``), ratios (``one in five`` gives two numbers).

The modules, each importing only those above it:

    lexicon     number words, units and markers from data/number_*.tsv
    atoms       text -> digit numbers, words and vulgar fractions
    view        the atoms' grammar classes and the gaps between them
    fractions   fractions and spoken decimals
    parser      the number grammar: the longest phrase at an atom
    phrases     the one scan: every phrase of a text, with its glue and unit
    filters     year, date-part, id, dimension, duration and pronoun tests
    mentions    NumberMention, approximation markers, find_numbers
    currencies  the currency table (data/currencies.tsv) and currency tokens
    subunits    joining "3 dollars 50 cents"
    money       money from the scanned phrases, find_money
    quantities  quantities from the mentions and the money, find_quantities
    amounts     find_amounts (the one scan) and parse_number
"""

from __future__ import annotations

from accord.resolve.numbers.amounts import Amounts, find_amounts, parse_number
from accord.resolve.numbers.mentions import NumberMention, find_numbers
from accord.resolve.numbers.money import find_money
from accord.resolve.numbers.quantities import find_quantities

__all__ = [
    "Amounts",
    "NumberMention",
    "find_amounts",
    "find_money",
    "find_numbers",
    "find_quantities",
    "parse_number",
]
