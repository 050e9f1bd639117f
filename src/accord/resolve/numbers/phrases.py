"""The one scan of a text: every number phrase, left to right, with what is glued to it.

Numbers, money and quantities are all read from this scan (``accord.resolve.numbers.amounts``).
A phrase records what the later readers need to tell a count from a name or a code: letters
glued before its digits (``G20``), letters glued after (``5G``, ``$5m``) and the unit of measure
that follows it (``35%``, ``10kg``). Ordinals (``20th``) are skipped here.

>>> [(p.value, p.unit, p.glued_left) for p in scan_phrases("35% of G20 members, 2.5 lakh")]
[(35.0, 'percent', False), (20.0, None, True), (250000.0, None, False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.resolve.numbers.atoms import Atom, atoms
from accord.resolve.numbers.lexicon import NumberLexicon, number_lexicon
from accord.resolve.numbers.parser import PhraseParser, Reading

__all__ = ["Phrase", "scan_phrases", "unit_name"]

_ORDINAL_SUFFIX = re.compile(r"(?i)(?:st|nd|rd|th)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Phrase:
    """One number phrase: ``start``/``end`` cover the number words and digits only."""

    value: float
    start: int
    end: int
    has_digits: bool
    fraction_only: bool  # a bare proportion: "half", "two thirds"
    glued_left: bool  # digits glued to a letter before: "G20", "USD115"
    glued_suffix: str | None  # letters glued after digits that were not read ("m" in "$5m")
    unit: str | None


def scan_phrases(text: str) -> list[Phrase]:
    """Every number phrase in ``text``, left to right."""
    lex = number_lexicon()
    found_atoms = atoms(text)
    parser = PhraseParser(text, found_atoms, lex)
    found: list[Phrase] = []
    i = 0
    while i < len(found_atoms):
        if found_atoms[i].kind == "num" and _is_ordinal(found_atoms, i):
            i += 2  # 20th, 21st: ordinals are not counts
            continue
        reading = parser.parse_at(i)
        if reading is None:
            i += 1
            continue
        found.append(_phrase(text, found_atoms, i, reading, lex))
        i = reading.last + 1
    return found


def unit_name(lex: NumberLexicon, surface: str) -> str:
    """The unit a matched unit surface names (``"per cent"`` -> ``percent``)."""
    if surface in lex.units:
        return lex.units[surface]
    key = _SPACES.sub(" ", surface.lower())
    return lex.units.get(key, key)


def _is_ordinal(found: list[Atom], i: int) -> bool:
    """Digits (atom i) with an ordinal suffix glued on: 20th, 21st."""
    atom = found[i]
    after = found[i + 1] if i + 1 < len(found) else None
    return (
        after is not None
        and after.kind == "word"
        and after.start == atom.end
        and _ORDINAL_SUFFIX.fullmatch(after.text) is not None
    )


def _phrase(text: str, found: list[Atom], i: int, reading: Reading, lex: NumberLexicon) -> Phrase:
    """The phrase of atoms i..reading.last, with the glue and the unit around it."""
    first_atom, last_atom = found[i], found[reading.last]
    start, end = first_atom.start, last_atom.end
    glued_suffix: str | None = None
    unit: str | None = None
    nxt = found[reading.last + 1] if reading.last + 1 < len(found) else None
    if last_atom.kind == "num" and nxt is not None and nxt.kind == "word" and nxt.start == end:
        # letters glued after digits: a unit (10kg, 39mm, 5m) or an id/code (5G, 3D, 4x4)
        m = lex.unit_re.match(text, end)
        if m and m.end() == end + len(m.group("unit")):
            unit = unit_name(lex, m.group("unit"))
        glued_suffix = nxt.text
    elif nxt is None or nxt.start >= end:
        m = lex.unit_re.match(text, end)
        if m:
            unit = unit_name(lex, m.group("unit"))
    return Phrase(
        value=reading.value,
        start=start,
        end=end,
        has_digits=any(a.kind == "num" for a in found[i : reading.last + 1]),
        fraction_only=reading.fraction_only,
        glued_left=first_atom.kind == "num" and start > 0 and text[start - 1].isalpha(),
        glued_suffix=glued_suffix,
        unit=unit,
    )
