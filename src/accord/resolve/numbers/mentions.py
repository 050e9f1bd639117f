"""Cardinal numbers as mentions: ``NumberMention`` and the approximation markers around them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.resolve.numbers.filters import is_pronoun_one
from accord.resolve.numbers.lexicon import number_lexicon
from accord.resolve.numbers.phrases import Phrase, scan_phrases

__all__ = ["NumberMention", "approximate_span", "find_numbers", "number_mentions"]

# A number's marker may stand before its currency: "around Rs 5000 crore".
_CURRENCY_TAIL = re.compile(r"(?:(?<![A-Za-z])(?:[A-Z]{1,3}\s?\$|Rs\.?|Re\.?|[A-Z]{3})|[$€£¥₹₽])\s*$")


@dataclass(frozen=True)
class NumberMention:
    """One cardinal in running text.

    ``text``/``start``/``end`` cover the number itself (with its multiplier words: ``5000 crore``),
    not an approximation marker; ``approximate`` says whether one stood before or after it
    (``around``, ``nearly``, ``50-odd``). ``unit`` is the measure that follows (``percent``, ``km``,
    ``tonne`` ... see ``data/number_units.tsv``) or None.
    """

    value: float
    text: str
    start: int
    end: int
    approximate: bool
    unit: str | None


def find_numbers(text: str) -> list[NumberMention]:
    """Every cardinal number in running text, with character offsets.

    Skips ordinals (``20th``), numbers glued to letters (``G20``, ``5G``) and the pronoun "one".

    >>> [(m.value, m.text) for m in find_numbers("procured 6,01,427 rifles for Rs 5000 crore")]
    [(601427.0, '6,01,427'), (50000000000.0, '5000 crore')]
    """
    return [mention for mention, _ in number_mentions(text, scan_phrases(text))]


def number_mentions(text: str, phrases: list[Phrase]) -> list[tuple[NumberMention, Phrase]]:
    """The phrases of ``scan_phrases(text)`` that are cardinals, each with its mention."""
    out: list[tuple[NumberMention, Phrase]] = []
    for p in phrases:
        if p.glued_left:
            continue  # G20, MH17, i7: part of a name
        if p.glued_suffix is not None and p.unit is None:
            continue  # 5G, 3D, 10am: codes, not counts
        if is_pronoun_one(text, p):
            continue
        approx, _, _ = approximate_span(text, p.start, p.end)
        mention = NumberMention(
            value=p.value,
            text=text[p.start : p.end],
            start=p.start,
            end=p.end,
            approximate=approx,
            unit=p.unit,
        )
        out.append((mention, p))
    return out


def approximate_span(text: str, start: int, end: int) -> tuple[bool, int, int]:
    """(approximate?, start with the marker before, end with the marker after) of the amount at
    ``text[start:end]``.

    >>> approximate_span("nearly 50-odd", 7, 9)
    (True, 0, 13)
    """
    lex = number_lexicon()
    new_start, new_end, approx = start, end, False
    left = _CURRENCY_TAIL.sub("", text[max(0, start - 50) : start])
    m = lex.approx_before_re.search(left)
    if m:
        approx = True
        new_start = max(0, start - 50) + m.start()
    m2 = lex.approx_after_re.match(text[end : end + 20])
    if m2:
        approx = True
        new_end = end + m2.end()
    return approx, new_start, new_end
