"""The number grammar: the longest number phrase that starts at an atom.

A phrase is read left to right, one atom per step, keeping the value as in speech: complete
groups (``total``: thousands, lakhs, millions ...), the hundreds of the open group (``group_hi``)
and the part below a hundred (``low``, or a whole digit number). Each grammar class of atom has
one method (``_num``, ``_unit``, ``_ten``, ``_hundred``, ``_magnitude``, ``_dozen``, ``_and``,
``_denominator``, ``_point``) that takes the atom into the phrase, stops the phrase before it, or
finishes the whole reading (fractions and spoken decimals end a phrase).

>>> from accord.resolve.numbers.atoms import atoms
>>> from accord.resolve.numbers.lexicon import number_lexicon
>>> text = "two lakh fifty thousand and 1,20,00,000"
>>> parser = PhraseParser(text, atoms(text), number_lexicon())
>>> parser.parse_at(0), parser.parse_at(5)
(Reading(value=250000.0, last=3, fraction_only=False), Reading(value=12000000.0, last=5, fraction_only=False))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from accord.resolve.numbers.fractions import (
    Reading,
    denominator,
    fraction_follows,
    fraction_tail,
    spoken_decimals,
)
from accord.resolve.numbers.view import AtomView

__all__ = ["PhraseParser", "Reading"]

_INF = float("inf")
_AMP_GAP = re.compile(r"\s*&\s*")
_HALF_EXCLUDERS = re.compile(
    r"(?i)(?:^|[^A-Za-z])(?:the|first|second|third|last|latter|former|other|each|either)\s+$"
)
_AT_ONE_POINT = re.compile(r"(?i)(?:^|[^A-Za-z])at\s+$")  # "at one point" is a figure of speech, not 1.x

_NUMBERS = ("unit", "ten", "num")
_MULTIPLIERS = ("hundred", "magnitude")


@dataclass
class _Phrase:
    """The state of one phrase being read (mutable; lives for one ``parse_at``)."""

    start: int  # index of its first atom
    j: int  # index of the atom to read next
    prev: str | None  # grammar class of the atom read last ("a" also for a bare leading multiplier)
    low: float = 0.0
    low_kind: str | None = None  # unit / ten / num
    group_hi: float = 0.0
    total: float = 0.0
    last_mag: float = _INF  # the smallest magnitude read so far
    best: Reading | None = None  # the longest complete reading so far
    after_and: bool = False  # the atom before was "and" (or "&") after a multiplier
    and_after_big: bool = False  # "thousand and", "billion and": only a part below a thousand follows
    numerator_at: int | None = None  # the atom a denominator after it would divide
    only_word_numbers: bool = True  # no digits so far (spoken decimals need words)

    def value(self) -> float:
        return self.total + self.group_hi + self.low


# What a step did with its atom: took it into the phrase, stopped the phrase before it, or moved
# on by itself (past a glued suffix or an "and"); a _Finished step ends the whole reading.
_Step = Literal["take", "stop", "moved"]


@dataclass(frozen=True)
class _Finished:
    reading: Reading | None


class PhraseParser(AtomView):
    """Reads number phrases from the atoms of one text (see the module docstring)."""

    def parse_at(self, i: int) -> Reading | None:
        """The longest number phrase starting at atom i, or None when atom i starts none."""
        phrase = self._begin(i)
        if not isinstance(phrase, _Phrase):
            return phrase
        while phrase.j < len(self.atoms):
            step = self._step(phrase)
            if isinstance(step, _Finished):
                return step.reading
            if step == "stop":
                break
        if phrase.best is None:
            return None
        return self._give_back(i, phrase.best)

    def _begin(self, i: int) -> _Phrase | Reading | None:
        """How atom i opens a phrase: a phrase to read on, a whole reading, or None (no number)."""
        k0 = self.kind(i)
        if k0 == "a":  # "a hundred", "a lakh", "a dozen", "a third"
            if not self.spaced(i) or self.kind(i + 1) not in ("hundred", "magnitude", "dozen", "denominator"):
                return None
            return _Phrase(start=i, j=i + 1, prev="a", low=1.0, low_kind="unit", numerator_at=i)
        if k0 == "denominator":
            return self._bare_fraction(i)
        if k0 in _MULTIPLIERS:
            # "hundred thousand dollars": a bare leading multiplier only before another one
            if not (self.spaced(i) and self.kind(i + 1) == "magnitude"):
                return None
            return _Phrase(start=i, j=i, prev="a", low=1.0, low_kind="unit")
        if k0 == "vulgar":
            return Reading(self.atoms[i].value, i, True)
        if k0 not in _NUMBERS:
            return None
        return _Phrase(start=i, j=i, prev=None)

    def _bare_fraction(self, i: int) -> Reading | None:
        """A phrase that opens with a denominator: ``half a million``, ``quarter million``, ``half``."""
        den_word = self.atoms[i].text.lower()
        mag = fraction_tail(self, i)
        if mag is not None:
            return Reading(1 / self.lex.words[den_word][0] * mag[0], mag[1], False)
        if den_word == "half" and not _HALF_EXCLUDERS.search(self.text[: self.atoms[i].start]):
            return Reading(0.5, i, True)
        return None

    def _step(self, phrase: _Phrase) -> _Step | _Finished:
        """Read atom j: the method of its grammar class decides; a taken atom extends the phrase."""
        kind = self.kind(phrase.j)
        if phrase.j > phrase.start and phrase.prev is not None and not self._crosses_gap(phrase, kind):
            return "stop"
        method = self._by_kind.get(kind or "")
        if method is None:
            return "stop"
        step = method(self, phrase)
        if step == "take":
            phrase.prev = kind
            phrase.after_and = False
            phrase.best = Reading(phrase.value(), phrase.j, False)
            phrase.j += 1
        return step

    def _crosses_gap(self, phrase: _Phrase, kind: str | None) -> bool:
        """Whether the phrase goes on across the gap before atom j; "&" after a multiplier counts
        as "and" ("two hundred & forty")."""
        j, prev = phrase.j, phrase.prev
        if _AMP_GAP.fullmatch(self.gap(j - 1)) and prev in _MULTIPLIERS and kind in _NUMBERS:
            phrase.after_and = True
            return True
        hyphen = kind in ("unit", "magnitude", "denominator") and prev != "and"
        if self.joined(j - 1, hyphen=hyphen):
            return True
        # "two million, three hundred"
        return prev == "magnitude" and kind in ("unit", "ten") and self.joined(j - 1, comma=True)

    def _opens_group(self, phrase: _Phrase) -> bool:
        """A unit or ten may start the part below a hundred here."""
        prev = phrase.prev
        return prev is None or prev in _MULTIPLIERS or (prev == "and" and phrase.after_and)

    def _num(self, phrase: _Phrase) -> _Step:
        """A digit number: first in the phrase, or the part after a multiplier or "and"."""
        j = phrase.j
        atom = self.atoms[j]
        if phrase.prev is not None:
            if not (phrase.prev in _MULTIPLIERS or (phrase.after_and and phrase.prev == "and")):
                return "stop"
            before_mult = self.kind(j + 1) in _MULTIPLIERS and self.joined(j, hyphen=True)
            small = atom.is_int and 1 <= atom.value <= 99 and phrase.after_and
            if not ((before_mult or small) and phrase.low == 0):
                return "stop"
        phrase.low, phrase.low_kind = atom.value, "num"
        phrase.only_word_numbers = False
        mult = self.magnitude_after(j)
        if mult is not None and self.kind(mult[1]) != "magnitude":
            self._glued_multiplier(phrase, *mult)
            return "moved"
        if phrase.prev is None:
            phrase.numerator_at = j
        return "take"

    def _glued_multiplier(self, phrase: _Phrase, mult: float, at: int) -> None:
        """A multiplier suffix after digits (10k, 5M, 1.2b) closes the group; read past it."""
        phrase.total, phrase.group_hi = phrase.total + phrase.group_hi + phrase.low * mult, 0.0
        phrase.low, phrase.low_kind = 0.0, None
        phrase.last_mag = mult
        phrase.prev = "magnitude"
        phrase.best = Reading(phrase.value(), at, False)
        phrase.after_and = False
        phrase.j = at + 1

    def _unit(self, phrase: _Phrase) -> _Step:
        """one ... nine, eleven ... nineteen: a new part below a hundred, or the unit of a ten."""
        v = self.value_of(phrase.j)
        if self._opens_group(phrase):
            ok = phrase.low == 0
        else:
            ok = phrase.prev == "ten" and phrase.low_kind == "ten" and 0 < v < 10  # "twenty one"
        if not ok:
            return "stop"
        phrase.low += v
        phrase.low_kind = "ten" if phrase.prev == "ten" else "unit"
        phrase.numerator_at = phrase.j if phrase.prev != "ten" else None
        return "take"

    def _ten(self, phrase: _Phrase) -> _Step:
        """twenty ... ninety."""
        if not (self._opens_group(phrase) and phrase.low == 0):
            return "stop"
        phrase.low, phrase.low_kind = self.value_of(phrase.j), "ten"
        phrase.numerator_at = None
        return "take"

    def _hundred(self, phrase: _Phrase) -> _Step:
        if not (phrase.prev in ("unit", "ten", "num", "a") and phrase.group_hi == 0 and phrase.low > 0):
            return "stop"
        phrase.group_hi, phrase.low, phrase.low_kind = phrase.low * 100, 0.0, None
        return "take"

    def _magnitude(self, phrase: _Phrase) -> _Step:
        """thousand, lakh, million, crore ...: closes a group, or multiplies the whole so far."""
        m = self.value_of(phrase.j)
        group = phrase.group_hi + phrase.low
        prev = phrase.prev
        if phrase.and_after_big and m >= 1000:
            return "stop"  # "500 billion and 2 million doses" is two amounts
        if prev in ("unit", "ten", "num", "a", "hundred") and group > 0 and m < phrase.last_mag:
            phrase.total = phrase.total + group * m
        elif (
            prev in ("magnitude", "hundred", "unit", "ten", "num")
            and phrase.last_mag < m
            and phrase.total > 0
        ):
            phrase.total = (phrase.total + group) * m  # "three lakh crore", "12 thousand crore"
        else:
            return "stop"
        phrase.group_hi, phrase.low, phrase.low_kind, phrase.last_mag = 0.0, 0.0, None, m
        return "take"

    def _dozen(self, phrase: _Phrase) -> _Step:
        """ "a dozen", "two dozen", "5 dozens" end the phrase; "dozens" alone is no number."""
        plural = self.atoms[phrase.j].text.lower() not in ("dozen", "doz", "dz")
        prev = phrase.prev
        if (
            prev in ("unit", "ten", "num", "a")
            and phrase.low > 0
            and (not plural or phrase.low > 1 or prev == "num")
        ):
            phrase.low *= 12
            phrase.best = Reading(phrase.value(), phrase.j, False)
        return "stop"

    def _and(self, phrase: _Phrase) -> _Step:
        """ "and" before a fraction ("one and a half") or after a multiplier ("hundred and five")."""
        j, prev = phrase.j, phrase.prev
        if (
            prev in ("unit", "ten", "num", "hundred", "magnitude")
            and self.joined(j)
            and fraction_follows(self, j)
        ):
            # "one and a half", "twenty and three fifths", "one million and a half"
            numer = 1.0 if self.kind(j + 1) == "a" else self.value_of(j + 1)
            frac = denominator(
                self, j + 2, numer, phrase.value(), phrase.last_mag, phrase.total, phrase.group_hi
            )
            if frac is not None:
                phrase.best = Reading(frac.value, frac.last, False)
            return "stop"
        if prev in _MULTIPLIERS and self.joined(j) and self.kind(j + 1) in ("unit", "ten", "num", "a"):
            # after "thousand and"/"billion and" only a part below a thousand may follow:
            # "500 billion and 2 million doses" is two amounts
            phrase.and_after_big = prev == "magnitude"
            phrase.after_and, phrase.prev = True, "and"
            phrase.j += 1
            return "moved"
        return "stop"

    def _denominator(self, phrase: _Phrase) -> _Step | _Finished:
        """ "two thirds", "a quarter", "3 fifths": a fraction right after its numerator."""
        j, prev = phrase.j, phrase.prev
        if phrase.numerator_at == j - 1 and prev in ("unit", "a", "num"):
            numer = phrase.low if prev != "num" else self.atoms[j - 1].value
            if numer <= 10 and (prev != "num" or self.atoms[j - 1].is_int):
                frac = denominator(self, j, numer, 0.0, _INF, phrase.total, phrase.group_hi)
                if frac is not None:
                    return _Finished(frac)
                if phrase.numerator_at == phrase.start:
                    return _Finished(None)  # "a third term": an ordinal, not a number
        # "one hundred thirty fifths": a fraction we do not read; stop before the numerator
        return "stop"

    def _point(self, phrase: _Phrase) -> _Step | _Finished:
        """Spoken decimals after whole words: "nine point nought four", "one point five"."""
        if not (phrase.prev in ("unit", "ten", "hundred") and phrase.only_word_numbers and phrase.total == 0):
            return "stop"
        dec = spoken_decimals(self, phrase.j)
        at_one_point = phrase.low == 1 and _AT_ONE_POINT.search(self.text[: self.atoms[phrase.start].start])
        if dec is not None and not at_one_point:
            return _Finished(Reading(float(f"{int(phrase.group_hi + phrase.low)}.{dec[0]}"), dec[1], False))
        return "stop"

    _by_kind: dict[str, Callable[[PhraseParser, _Phrase], _Step | _Finished]] = {
        "num": _num,
        "unit": _unit,
        "ten": _ten,
        "hundred": _hundred,
        "magnitude": _magnitude,
        "dozen": _dozen,
        "and": _and,
        "denominator": _denominator,
        "point": _point,
    }

    def _give_back(self, i: int, best: Reading) -> Reading:
        """ "3 hundred and 2 hundred": a number followed by a multiplier it cannot take starts the
        next phrase, so give it back (and the "and" before it)."""
        stop = best.last + 1
        if not (
            stop < len(self.atoms)
            and best.last > i
            and self.kind(stop) in _MULTIPLIERS
            and self.joined(best.last)
        ):
            return best
        back = best.last
        if self.kind(back) in _NUMBERS:
            back -= 1
            while back > i and self.kind(back) == "and":
                back -= 1
            if back >= i:
                prefix = PhraseParser(self.text, self.atoms[: back + 1], self.lex).parse_at(i)
                if prefix is not None:
                    return prefix
        return best
