"""The fraction and spoken-decimal parts of the number grammar.

Simple fractions up to tenths (``two thirds``, ``one-half``, ``half a million``, ``five and a
half million``, ``3 million and a quarter``) and spoken decimals after ``point`` (``nine point
nought four``, ``point seventy-one``). Each function reads atoms of an ``AtomView`` from a given
index and returns what it read with the index of the last atom it used, or None.
"""

from __future__ import annotations

from typing import NamedTuple

from accord.resolve.numbers.view import AtomView

__all__ = ["Reading", "denominator", "fraction_follows", "fraction_tail", "spoken_decimals"]

_INF = float("inf")


class Reading(NamedTuple):
    """A number phrase read from the atoms: its value, the index of its last atom, and whether it
    is a bare proportion (``half``, ``two thirds``) rather than a count."""

    value: float
    last: int
    fraction_only: bool


def fraction_follows(view: AtomView, j: int) -> bool:
    """After ``and`` at atom j: ``a half``, ``two thirds``, ``one fourth`` ..."""
    k1, k2 = view.kind(j + 1), view.kind(j + 2)
    if k2 != "denominator":
        return False
    if k1 == "a":
        return True
    return k1 == "unit" and view.value_of(j + 1) <= 10


def fraction_tail(view: AtomView, j: int) -> tuple[float, int] | None:
    """After a denominator at atom j: ``(of) (a) million`` -> (multiplier, last atom)."""
    k = j + 1
    if view.kind(k) == "of" and view.spaced(j):
        if (
            view.kind(k + 1) == "a"
            and view.spaced(k)
            and view.kind(k + 2) in ("magnitude", "dozen")
            and view.spaced(k + 1)
        ):
            return view.value_of(k + 2), k + 2
        return None
    if (
        view.kind(k) == "a"
        and view.spaced(j)
        and view.kind(k + 1) in ("magnitude", "dozen")
        and view.spaced(k)
    ):
        return view.value_of(k + 1), k + 1
    if view.kind(k) == "magnitude" and view.spaced(j):
        return view.value_of(k), k
    return None


def denominator(
    view: AtomView, j: int, numer: float, base: float, last_mag: float, total: float, group_hi: float
) -> Reading | None:
    """The fraction ``numer``/(denominator at atom j) added to ``base``, the number read so far
    (``total`` of its complete groups, ``group_hi`` hundreds of the open one, ``last_mag`` its
    smallest magnitude); a magnitude after the denominator multiplies it."""
    word = view.atoms[j].text.lower()
    den = view.value_of(j)
    singular = not word.endswith("s")
    # the gap before the denominator: space or hyphen ("one-half", "two - thirds")
    if not view.joined(j - 1, hyphen=True):
        return None
    frac = numer / den
    tail = fraction_tail(view, j)
    follows_word = view.next_is_word(j)
    if tail is None:
        # "a third term", "the two quarters": ordinals and periods, not fractions
        if word == "quarters" and follows_word and view.kind(j + 1) != "of":
            return None
        if singular and word not in ("half", "quarter") and follows_word and view.kind(j + 1) != "of":
            return None
        if base and last_mag >= 1e6 and last_mag != _INF and group_hi == 0 and base == total:
            return Reading(base + frac * last_mag, j, False)  # "3 million and a quarter"
        return Reading(base + frac, j, base == 0.0)
    mult, last = tail
    if base and last_mag != _INF:
        return Reading(base + frac * mult, last, False)  # "one billion and a half million"
    return Reading((base + frac) * mult, last, False)  # "five and a half million", "half a million"


def spoken_decimals(view: AtomView, j: int) -> tuple[str, int] | None:
    """After ``point`` at atom j: ``zero three`` -> ("03", last), ``seventy-one`` -> ("71", last)."""
    digits = ""
    k = j + 1
    last = j
    while k < len(view.atoms) and view.joined(k - 1, hyphen=bool(digits)):
        entry = view.word(k)
        if entry is None or entry[1] not in ("unit", "ten"):
            break
        v = int(entry[0])
        if entry[1] == "unit" and v < 10:
            digits += str(v)
            last = k
            k += 1
            continue
        if digits:
            break
        # one two-digit word: "point eleven", "point seventy-one"
        if entry[1] == "ten" and view.kind(k + 1) == "unit" and view.joined(k, hyphen=True):
            u = int(view.value_of(k + 1))
            if 0 < u < 10:
                return str(v + u), k + 1
        return str(v), k
    return (digits, last) if digits else None
