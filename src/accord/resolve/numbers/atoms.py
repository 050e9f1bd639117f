"""Cutting text into the atoms the number grammar reads: digit numbers, words, vulgar fractions.

Digit forms read as one atom: Western grouping (``1,234,567.89``), Indian grouping
(``12,34,567``), space or thin-space grouping (``1 234 567``), a leading-dot decimal (``.08``),
and a digit number with a vulgar fraction glued on (``2½``). A dotted run of three or more
numbers (``192.168.1.2``, ``06.12.2021``) is cut into separate integers: it is an address or a
date, never one value.

>>> [(a.kind, a.text, a.value) for a in atoms("6,01,427 and 2½ ¾")]
[('num', '6,01,427', 601427.0), ('word', 'and', 0.0), ('num', '2½', 2.5), ('vulgar', '¾', 0.75)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["VULGAR_FRACTIONS", "Atom", "atoms"]

VULGAR_FRACTIONS = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}
_VULGAR_CLASS = "[" + "".join(VULGAR_FRACTIONS) + "]"

_ATOM_RE = re.compile(
    r"(?P<dotted>(?<![\d.])\d+(?:\.\d+){2,}(?!\d))"  # 192.168.1.2, 06.12.2021: separate integers
    r"|(?P<num>(?<!\d)(?:"
    r"\d{1,2}(?:,\d\d)+,\d{3}(?!\d)"  # Indian grouping: 6,01,427 / 1,20,00,000
    r"|\d{1,3}(?:,\d{3})+(?!\d)"  # Western grouping: 1,234,567
    r"|(?<![A-Za-z])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)"  # 1 234 567, 40\u202f000 (not "i7 860")
    r"|\d+"
    r")(?:\.\d+)?(?![\d])" + "(?:" + _VULGAR_CLASS + r")?"
    r"|(?<![\d.A-Za-z])\.\d+(?!\d))"  # .08
    r"|(?P<vulgar>" + _VULGAR_CLASS + r")"
    r"|(?P<word>[A-Za-z]+)"
)
_GROUP_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")


@dataclass(frozen=True)
class Atom:
    """One atom: ``kind`` is ``num`` (digits; ``value`` and ``is_int`` set), ``vulgar`` (a lone
    ``½``; ``value`` set) or ``word`` (letters; the grammar looks the word up)."""

    kind: str
    start: int
    end: int
    text: str
    value: float = 0.0
    is_int: bool = True


def atoms(text: str) -> list[Atom]:
    """The atoms of ``text``, left to right; anything else (punctuation, symbols) is a gap."""
    found: list[Atom] = []
    for m in _ATOM_RE.finditer(text):
        if m.group("dotted"):
            pos = m.start()
            for part in m.group("dotted").split("."):
                found.append(Atom("num", pos, pos + len(part), part, float(part), True))
                pos += len(part) + 1
        elif m.group("num"):
            value, is_int = _digit_value(m.group("num"))
            found.append(Atom("num", m.start(), m.end(), m.group(), value, is_int))
        elif m.group("vulgar"):
            found.append(Atom("vulgar", m.start(), m.end(), m.group(), VULGAR_FRACTIONS[m.group()], False))
        else:
            found.append(Atom("word", m.start(), m.end(), m.group()))
    return found


def _digit_value(surface: str) -> tuple[float, bool]:
    """(value, is an integer) of a digit atom: group separators dropped, a vulgar fraction added."""
    fraction = 0.0
    if surface and surface[-1] in VULGAR_FRACTIONS:
        fraction = VULGAR_FRACTIONS[surface[-1]]
        surface = surface[:-1]
    plain = _GROUP_SEPARATORS.sub("", surface)
    return float(plain) + fraction, ("." not in plain and fraction == 0.0)
