"""The atoms of one text as the number grammar sees them: grammar classes and the gaps between.

A number phrase may cross a gap of spaces (one line break at most), sometimes a hyphen
(``twenty-one``, ``1.5-lakh``) or a comma (``two million, three hundred``); never a blank line.
"""

from __future__ import annotations

import re

from accord.resolve.numbers.atoms import Atom
from accord.resolve.numbers.lexicon import NumberLexicon

__all__ = ["END", "AtomView"]

END = "\x00"  # the "gap" after the last atom
_SPACE_GAP = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*")
_HYPHEN_GAP = re.compile(r"\s*[-\u2010\u2011\u2013]\s*")
_COMMA_GAP = re.compile(r",\s*")
# Spaced after a number, only these suffixes still multiply it: "2.33 k", "1,674.5 M".
_SPACED_SUFFIXES = ("k", "K", "M")


class AtomView:
    """Atoms of ``text`` with their grammar classes (``kind``) and gaps (``gap``, ``joined``)."""

    def __init__(self, text: str, atoms: list[Atom], lex: NumberLexicon) -> None:
        self.text = text
        self.atoms = atoms
        self.lex = lex

    def gap(self, i: int) -> str:
        """Text between atom i and atom i+1: '' when glued, ``END`` after the last atom."""
        if i + 1 >= len(self.atoms):
            return END
        return self.text[self.atoms[i].end : self.atoms[i + 1].start]

    def word(self, i: int) -> tuple[float, str] | None:
        """(value, kind) of atom i when it is a number word, else None."""
        if i >= len(self.atoms) or self.atoms[i].kind != "word":
            return None
        return self.lex.words.get(self.atoms[i].text.lower())

    def value_of(self, i: int) -> float:
        """The value of atom i, a word of the number lexicon (the caller has checked its kind)."""
        return self.lex.words[self.atoms[i].text.lower()][0]

    def kind(self, i: int) -> str | None:
        """Grammar class of atom i: num, vulgar, unit, ten, hundred, magnitude, dozen, denominator,
        a, and, point, of; None for any other word and past the end."""
        if i >= len(self.atoms):
            return None
        atom = self.atoms[i]
        if atom.kind != "word":
            return atom.kind
        low = atom.text.lower()
        if low in ("a", "an"):
            return "a"
        if low in ("and", "point", "of"):
            return low
        entry = self.lex.words.get(low)
        return entry[1] if entry else None

    def spaced(self, i: int) -> bool:
        """Atom i and i+1 are apart by white space on one line."""
        g = self.gap(i)
        return g != END and _SPACE_GAP.fullmatch(g) is not None and g.count("\n") == 0

    def joined(self, i: int, *, hyphen: bool = False, comma: bool = False) -> bool:
        """Atom i and i+1 belong to one phrase across the gap between them."""
        g = self.gap(i)
        if g == END or "\n" in g:
            return False
        if _SPACE_GAP.fullmatch(g):
            return True
        if hyphen and _HYPHEN_GAP.fullmatch(g):
            return True
        return comma and _COMMA_GAP.fullmatch(g) is not None

    def next_is_word(self, i: int) -> bool:
        """A word, spaced, follows atom i."""
        if i + 1 >= len(self.atoms):
            return False
        return self.atoms[i + 1].kind == "word" and self.spaced(i)

    def magnitude_after(self, i: int) -> tuple[float, int] | None:
        """(value, atom index) of a multiplier word or suffix at atom i+1 joined to atom i."""
        j = i + 1
        if j >= len(self.atoms) or self.atoms[j].kind != "word":
            return None
        atom = self.atoms[j]
        g = self.gap(i)
        if self.atoms[i].kind == "num" and atom.text in self.lex.suffixes:
            # 10k, 5M, 1.2b are written glued; "2.33 k" and "1,674.5 M" spaced only for k/M.
            if g == "" or (atom.text in _SPACED_SUFFIXES and _SPACE_GAP.fullmatch(g) and self._word_ends(j)):
                return self.lex.suffixes[atom.text], j
            return None
        if self.kind(j) == "magnitude" and (g == "" or self.joined(i, hyphen=True)):
            return self.value_of(j), j
        return None

    def _word_ends(self, j: int) -> bool:
        after = self.text[self.atoms[j].end : self.atoms[j].end + 1]
        return not after.isalnum()
