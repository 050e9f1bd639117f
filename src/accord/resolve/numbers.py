"""Numbers and quantities in English news text, with the Indian lakh/crore system.

Three public functions read running text (pure, fast, no model):

- ``parse_number(text)`` reads one number phrase: ``"6,01,427"`` -> 601427.0, ``"2.5 lakh"`` ->
  250000.0, ``"five crore"`` -> 5e7, ``"$2.5 billion"`` -> 2.5e9, ``"half a million"`` -> 5e5.
- ``find_numbers(text)`` finds every cardinal with its offsets (``NumberMention``), including the
  unit of measure that follows it (``"35%"`` -> unit ``percent``). It skips ordinals (``20th``),
  numbers glued to letters (``G20``, ``5G``) and the pronoun "one" (``the one you mentioned``).
- ``find_quantities(text)`` keeps the mentions that are counts or measures an event record wants:
  not money (see ``accord.resolve.money``), not years or dates, not times, not ids or names
  (``AK-203``, ``Article 370``, ``2+2 dialogue``), not calibres (``7.63 x 39mm``), not durations
  (``10-year pact``: the time resolver's), not bare proportions (``half``).

Digit forms: Western (``1,234,567.89``), Indian (``12,34,567``), space/thin-space grouped
(``1 234 567``), leading-dot decimals (``.08``), vulgar fractions (``2½``), multiplier suffixes
(``10k``, ``5M``, ``3.5bn``, ``1.2b``, ``2mil``, ``1MM``). Words: cardinals to trillions, lakh/lac
and crore/cr (``three lakh crore`` = 3e12), ``and`` (``one hundred and twenty``), dozens,
simple fractions up to tenths (``two thirds``, ``five and a half million``, ``3 million and a
quarter``) and spoken decimals (``nine point nought four``). Not read: negative numbers, scientific
notation, slash fractions, decimal commas (``1,3``), ratios (``one in five`` gives two numbers).

The words live in ``data/number_words.tsv``, units in ``data/number_units.tsv`` and context words
(approximation markers, id prefixes, year nouns) in ``data/number_markers.tsv``.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

from accord.records import Quantity

__all__ = ["NumberMention", "find_numbers", "find_quantities", "parse_number"]


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


# ---------------------------------------------------------------------------------------------
# Lexicon (data files, read once on first use)


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[float, str]]  # lower-case word -> (value, kind)
    suffixes: dict[str, float]  # case-sensitive multiplier suffixes written after digits
    unit_re: re.Pattern[str]  # a unit right after a number
    units: dict[str, str]  # matched surface (lower for word units) -> unit name
    approx_before_re: re.Pattern[str]
    approx_after_re: re.Pattern[str]
    id_prefix_re: re.Pattern[str]
    year_nouns: frozenset[str]


def _read_tsv(name: str) -> list[dict[str, str]]:
    text = resources.files("accord.resolve").joinpath(f"data/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def _alternation(phrases: list[str]) -> str:
    """Longest first, so that ``more than`` wins over ``more`` and ``km/h`` over ``km``."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words: dict[str, tuple[float, str]] = {}
    suffixes: dict[str, float] = {}
    for row in _read_tsv("number_words.tsv"):
        if row["kind"] == "suffix":
            suffixes[row["word"]] = float(row["value"])
        else:
            words[row["word"].lower()] = (float(row["value"]), row["kind"])

    units: dict[str, str] = {}
    word_units: list[str] = []
    exact_units: list[str] = []
    for row in _read_tsv("number_units.tsv"):
        if row["match"] == "exact":
            exact_units.append(row["surface"])
            units[row["surface"]] = row["unit"]
        else:
            word_units.append(row["surface"])
            units[row["surface"].lower()] = row["unit"]
    # A unit follows the number directly, after a space or after a hyphen ("27-kilometre").
    unit_re = re.compile(
        r"(?:[ \u00a0]{0,2}|\s?-\s?)(?P<unit>(?i:"
        + _alternation(word_units)
        + r")|"
        + _alternation(exact_units)
        + r")(?![A-Za-z0-9²])"
    )

    markers: dict[str, list[str]] = {}
    for row in _read_tsv("number_markers.tsv"):
        markers.setdefault(row["kind"], []).append(row["phrase"])
    approx_before_re = re.compile(
        r"(?i)(?:(?<![A-Za-z])(?:" + _alternation(markers.get("approximate", [])) + r"))\s*$"
    )
    after = [p for p in markers.get("approximate_after", []) if not p.startswith("-")]
    glued_after = [p[1:] for p in markers.get("approximate_after", []) if p.startswith("-")]
    approx_after_re = re.compile(
        r"(?i)^(?:-(?:" + _alternation(glued_after) + r")|\s+(?:" + _alternation(after) + r"))(?![A-Za-z])"
    )
    id_prefix_re = re.compile(r"(?<![A-Za-z])(?:" + _alternation(markers.get("id_prefix", [])) + r")\s*$")
    return _Lexicon(
        words=words,
        suffixes=suffixes,
        unit_re=unit_re,
        units=units,
        approx_before_re=approx_before_re,
        approx_after_re=approx_after_re,
        id_prefix_re=id_prefix_re,
        year_nouns=frozenset(p.lower() for p in markers.get("year_noun", [])),
    )


# ---------------------------------------------------------------------------------------------
# Atoms: digit numbers, words, vulgar fractions

_VULGAR = {
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
_VULGAR_CLASS = "[" + "".join(_VULGAR) + "]"

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


@dataclass(frozen=True)
class _Atom:
    kind: str  # "num", "word", "vulgar"
    start: int
    end: int
    text: str
    value: float = 0.0
    is_int: bool = True


def _num_value(surface: str) -> tuple[float, bool]:
    frac = 0.0
    if surface and surface[-1] in _VULGAR:
        frac = _VULGAR[surface[-1]]
        surface = surface[:-1]
    plain = re.sub(r"[,\s\u00a0\u202f\u2009]", "", surface)
    return float(plain) + frac, ("." not in plain and frac == 0.0)


def _atoms(text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _ATOM_RE.finditer(text):
        if m.group("dotted"):
            pos = m.start()
            for part in m.group("dotted").split("."):
                atoms.append(_Atom("num", pos, pos + len(part), part, float(part), True))
                pos += len(part) + 1
        elif m.group("num"):
            value, is_int = _num_value(m.group("num"))
            atoms.append(_Atom("num", m.start(), m.end(), m.group(), value, is_int))
        elif m.group("vulgar"):
            atoms.append(_Atom("vulgar", m.start(), m.end(), m.group(), _VULGAR[m.group()], False))
        else:
            atoms.append(_Atom("word", m.start(), m.end(), m.group()))
    return atoms


# ---------------------------------------------------------------------------------------------
# The phrase parser

_SPACE_GAP = re.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*")
_HYPHEN_GAP = re.compile(r"\s*[-\u2010\u2011\u2013]\s*")
_COMMA_GAP = re.compile(r",\s*")
_AMP_GAP = re.compile(r"\s*&\s*")
_ORDINAL_SUFFIX = re.compile(r"(?i)(?:st|nd|rd|th)")
_DETERMINERS_BEFORE_ONE = re.compile(
    r"(?i)(?:^|[^A-Za-z])(?:the|this|that|which|each|every|any|no|another|only|last|next|little|"
    r"right|wrong|new|old|same|such a|a|one|big|small|other|latest)\s+$"
)
_HALF_EXCLUDERS = re.compile(
    r"(?i)(?:^|[^A-Za-z])(?:the|first|second|third|last|latter|former|other|each|either)\s+$"
)
# "at one point" is a figure of speech, not 1.x
_AT_ONE_POINT = re.compile(r"(?i)(?:^|[^A-Za-z])at\s+$")


@dataclass(frozen=True)
class _Parsed:
    value: float
    start: int
    end: int
    first: int  # atom index
    last: int  # atom index, inclusive
    has_digits: bool
    has_words: bool
    fraction_only: bool  # a bare proportion: "half", "two thirds"
    glued_left: bool  # digits glued to a letter before: "G20", "USD115"
    glued_suffix: str | None  # letters glued after digits that were not read ("m" in "$5m")
    unit: str | None


class _Parser:
    """Reads one number phrase starting at an atom; see ``_parse_at``."""

    def __init__(self, text: str, atoms: list[_Atom], lex: _Lexicon) -> None:
        self.text = text
        self.atoms = atoms
        self.lex = lex

    def gap(self, i: int) -> str:
        """Text between atom i and atom i+1 ('' when glued, None-like '\x00' at the end)."""
        if i + 1 >= len(self.atoms):
            return "\x00"
        return self.text[self.atoms[i].end : self.atoms[i + 1].start]

    def word(self, i: int) -> tuple[float, str] | None:
        if i >= len(self.atoms) or self.atoms[i].kind != "word":
            return None
        return self.lex.words.get(self.atoms[i].text.lower())

    def kind(self, i: int) -> str | None:
        """Grammar class of atom i: num, unit, ten, hundred, magnitude, dozen, denominator,
        a, and, point, of, vulgar, suffix (glued multiplier), or None."""
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
        g = self.gap(i)
        return g != "\x00" and _SPACE_GAP.fullmatch(g) is not None and g.count("\n") == 0

    def joined(self, i: int, *, hyphen: bool = False, comma: bool = False) -> bool:
        """Atom i and i+1 belong to one phrase across the gap between them."""
        g = self.gap(i)
        if g == "\x00" or "\n" in g:
            return False
        if _SPACE_GAP.fullmatch(g):
            return True
        if hyphen and _HYPHEN_GAP.fullmatch(g):
            return True
        return comma and _COMMA_GAP.fullmatch(g) is not None

    def magnitude_after(self, i: int) -> tuple[float, int] | None:
        """A multiplier word/suffix at atom i+1 (value, atom index), if joined to atom i."""
        j = i + 1
        if j >= len(self.atoms) or self.atoms[j].kind != "word":
            return None
        atom = self.atoms[j]
        g = self.gap(i)
        if self.atoms[i].kind == "num" and atom.text in self.lex.suffixes:
            # 10k, 5M, 1.2b are written glued; "2.33 k" and "1,674.5 M" spaced only for k/M.
            if g == "" or (atom.text in ("k", "K", "M") and _SPACE_GAP.fullmatch(g) and self._word_ends(j)):
                return self.lex.suffixes[atom.text], j
            return None
        if self.kind(j) == "magnitude" and (g == "" or self.joined(i, hyphen=True)):
            return self.lex.words[atom.text.lower()][0], j
        return None

    def _word_ends(self, j: int) -> bool:
        after = self.text[self.atoms[j].end : self.atoms[j].end + 1]
        return not after.isalnum()

    def parse_at(self, i: int) -> tuple[float, int, bool] | None:
        """Parse the longest number phrase starting at atom i.

        Returns (value, last atom index, fraction_only) or None when atom i starts no number.
        """
        atoms = self.atoms
        k0 = self.kind(i)
        if k0 is None:
            return None
        total = 0.0  # completed big groups (thousands, lakhs, millions ...)
        group_hi = 0.0  # hundreds of the current group
        low = 0.0  # below-hundred part of the current group (or a whole digit number)
        low_kind: str | None = None  # unit / ten / num
        last_mag = float("inf")
        best: tuple[float, int, bool] | None = None
        j = i
        prev: str | None = None  # kind of the previous consumed token
        after_and = False
        numerator_at: int | None = None
        only_word_numbers = True
        and_after_big = False

        def value() -> float:
            return total + group_hi + low

        # -- start
        if k0 == "a":
            nxt = self.kind(i + 1)
            if not self.spaced(i) or nxt not in ("hundred", "magnitude", "dozen", "denominator"):
                return None
            low, low_kind, prev = 1.0, "unit", "a"
            numerator_at = i
            j = i + 1
        elif k0 == "denominator":
            den_word = atoms[i].text.lower()
            mag = self._fraction_tail(i)
            if mag is not None:
                return 1 / self.lex.words[den_word][0] * mag[0], mag[1], False
            if den_word == "half" and not _HALF_EXCLUDERS.search(self.text[: atoms[i].start]):
                return 0.5, i, True
            return None
        elif k0 in ("hundred", "magnitude"):
            # "hundred thousand dollars": a bare leading multiplier only before another one
            if not (self.spaced(i) and self.kind(i + 1) in ("magnitude",)):
                return None
            low, low_kind, prev = 1.0, "unit", "a"
            j = i
        elif k0 == "vulgar":
            return atoms[i].value, i, True
        elif k0 not in ("num", "unit", "ten"):
            return None

        while j < len(atoms):
            k = self.kind(j)
            atom = atoms[j]
            ok = False
            if j > i and prev is not None:
                g = self.gap(j - 1)
                if _AMP_GAP.fullmatch(g) and prev in ("hundred", "magnitude") and k in ("unit", "ten", "num"):
                    after_and = True  # "two hundred & forty"
                elif not (
                    self.joined(j - 1, hyphen=k in ("unit", "magnitude", "denominator") and prev != "and")
                    or (prev == "magnitude" and k in ("unit", "ten") and self.joined(j - 1, comma=True))
                ):
                    break
            if k == "num":
                if prev is None:
                    low, low_kind, ok = atom.value, "num", True
                    only_word_numbers = False
                elif prev in ("hundred", "magnitude") or (after_and and prev == "and"):
                    nxt = self.kind(j + 1)
                    before_mult = nxt in ("hundred", "magnitude") and self.joined(j, hyphen=True)
                    small = atom.is_int and 1 <= atom.value <= 99 and after_and
                    if (before_mult or small) and low == 0:
                        low, low_kind, ok = atom.value, "num", True
                        only_word_numbers = False
                if ok:
                    mult = self.magnitude_after(j)
                    if mult is not None and self.kind(mult[1]) != "magnitude":
                        # a glued suffix multiplier: 10k, 5M, 1.2b
                        total, group_hi, low, low_kind = total + group_hi + low * mult[0], 0.0, 0.0, None
                        last_mag = mult[0]
                        j = mult[1]
                        prev = "magnitude"
                        best = (value(), j, False)
                        after_and = False
                        j += 1
                        continue
            elif k == "unit":
                v = self.lex.words[atom.text.lower()][0]
                if prev is None or prev in ("hundred", "magnitude") or (prev == "and" and after_and):
                    ok = low == 0
                elif prev == "ten" and low_kind == "ten" and 0 < v < 10:
                    ok = True
                if ok:
                    low += v
                    low_kind = "ten" if prev == "ten" else "unit"
                    numerator_at = j if prev != "ten" else None
            elif k == "ten":
                if (
                    prev is None or prev in ("hundred", "magnitude") or (prev == "and" and after_and)
                ) and low == 0:
                    low, low_kind, ok = self.lex.words[atom.text.lower()][0], "ten", True
                    numerator_at = None
            elif k == "hundred":
                if prev in ("unit", "ten", "num", "a") and group_hi == 0 and low > 0:
                    group_hi, low, low_kind, ok = low * 100, 0.0, None, True
            elif k == "magnitude":
                m = self.lex.words[atom.text.lower()][0]
                group = group_hi + low
                if and_after_big and m >= 1000:
                    pass
                elif prev in ("unit", "ten", "num", "a", "hundred") and group > 0 and m < last_mag:
                    total, group_hi, low, low_kind, last_mag, ok = total + group * m, 0.0, 0.0, None, m, True
                elif prev in ("magnitude", "hundred", "unit", "ten", "num") and last_mag < m and total > 0:
                    # "three lakh crore", "12 thousand crore": a multiplier of the whole so far
                    total, group_hi, low, low_kind, last_mag, ok = (
                        (total + group) * m,
                        0.0,
                        0.0,
                        None,
                        m,
                        True,
                    )
            elif k == "dozen":
                plural = atom.text.lower() not in ("dozen", "doz", "dz")
                if (
                    prev in ("unit", "ten", "num", "a")
                    and low > 0
                    and (not plural or low > 1 or prev == "num")
                ):
                    low *= 12
                    best = (value(), j, False)
                break
            elif k == "and":
                if (
                    prev in ("unit", "ten", "num", "hundred", "magnitude")
                    and self.joined(j)
                    and self._fraction_follows(j)
                ):
                    # "one and a half", "twenty and three fifths", "one million and a half"
                    numer = 1.0 if self.kind(j + 1) == "a" else self.lex.words[atoms[j + 1].text.lower()][0]
                    frac = self._denominator(j + 2, numer, value(), last_mag, total, group_hi)
                    if frac is not None:
                        best = (frac[0], frac[1], False)
                    break
                if (
                    prev in ("hundred", "magnitude")
                    and self.joined(j)
                    and self.kind(j + 1) in ("unit", "ten", "num", "a")
                ):
                    # after "thousand and"/"billion and" only a part below a thousand may follow:
                    # "500 billion and 2 million doses" is two amounts
                    and_after_big = prev == "magnitude"
                    after_and, prev = True, "and"
                    j += 1
                    continue
            elif k == "denominator":
                if numerator_at is not None and numerator_at == j - 1 and prev in ("unit", "a", "num"):
                    numer = low if prev != "num" else atoms[j - 1].value
                    base = 0.0
                    if numer <= 10 and (prev != "num" or atoms[j - 1].is_int):
                        frac = self._denominator(
                            j, numer, base, last_mag if base else float("inf"), total, group_hi
                        )
                        if frac is not None:
                            return frac[0], frac[1], base == 0.0 and frac[2]
                        if numerator_at == i:
                            return None  # "a third term": an ordinal, not a number
                # "one hundred thirty fifths": a fraction we do not read; stop before the numerator
                break
            elif k == "point" and prev in ("unit", "ten", "hundred") and only_word_numbers and total == 0:
                dec = self._spoken_decimals(j)
                if dec is not None and not (low == 1 and _AT_ONE_POINT.search(self.text[: atoms[i].start])):
                    return float(f"{int(group_hi + low)}.{dec[0]}"), dec[1], False
                break
            if not ok:
                break
            if k == "num" and prev is None:
                numerator_at = j
            prev = k
            after_and = False
            best = (value(), j, False)
            j += 1

        if best is None:
            return None
        # "3 hundred and 2 hundred": a number followed by a multiplier it cannot take starts the
        # next phrase, so give it back (and the "and" before it).
        stop = best[1] + 1
        if (
            stop < len(atoms)
            and best[1] > i
            and self.kind(stop) in ("hundred", "magnitude")
            and self.joined(best[1])
        ):
            back = best[1]
            if self.kind(back) in ("num", "unit", "ten"):
                back -= 1
                while back > i and self.kind(back) == "and":
                    back -= 1
                if back >= i:
                    prefix = self._reparse_prefix(i, back)
                    if prefix is not None:
                        return prefix
        # "3 million and a half", "one million and a half": the half is of the last magnitude
        return best

    def _reparse_prefix(self, i: int, last: int) -> tuple[float, int, bool] | None:
        sub = _Parser(self.text, self.atoms[: last + 1], self.lex)
        return sub.parse_at(i)

    def _fraction_follows(self, j: int) -> bool:
        """After "and" at atom j: "a half", "two thirds", "one fourth" ..."""
        k1, k2 = self.kind(j + 1), self.kind(j + 2)
        if k2 != "denominator":
            return False
        if k1 == "a":
            return True
        return k1 == "unit" and self.lex.words[self.atoms[j + 1].text.lower()][0] <= 10

    def _fraction_tail(self, j: int) -> tuple[float, int] | None:
        """After a denominator at atom j: "(of) (a) million" -> (multiplier, last atom)."""
        k = j + 1
        if self.kind(k) == "of" and self.spaced(j):
            if (
                self.kind(k + 1) == "a"
                and self.spaced(k)
                and self.kind(k + 2) in ("magnitude", "dozen")
                and self.spaced(k + 1)
            ):
                return self.lex.words[self.atoms[k + 2].text.lower()][0], k + 2
            return None
        if (
            self.kind(k) == "a"
            and self.spaced(j)
            and self.kind(k + 1) in ("magnitude", "dozen")
            and self.spaced(k)
        ):
            return self.lex.words[self.atoms[k + 1].text.lower()][0], k + 1
        if self.kind(k) in ("magnitude",) and self.spaced(j):
            return self.lex.words[self.atoms[k].text.lower()][0], k
        return None

    def _denominator(
        self, j: int, numer: float, base: float, last_mag: float, total: float, group_hi: float
    ) -> tuple[float, int, bool] | None:
        """Fraction numer/denominator(atom j) added to base; handles a trailing magnitude."""
        word = self.atoms[j].text.lower()
        den = self.lex.words[word][0]
        singular = not word.endswith("s")
        # the gap before the denominator: space or hyphen ("one-half", "two - thirds")
        if not self.joined(j - 1, hyphen=True):
            return None
        frac = numer / den
        tail = self._fraction_tail(j)
        follows_word = self._next_is_word(j)
        if tail is None:
            # "a third term", "the two quarters": ordinals and periods, not fractions
            if word == "quarters" and follows_word and self.kind(j + 1) != "of":
                return None
            if singular and word not in ("half", "quarter") and follows_word and self.kind(j + 1) != "of":
                return None
            if base and last_mag >= 1e6 and last_mag != float("inf") and group_hi == 0 and base == total:
                return base + frac * last_mag, j, False
            return base + frac, j, base == 0.0
        mult, last = tail
        if base and last_mag != float("inf"):
            return base + frac * mult, last, False  # "one billion and a half million"
        return (base + frac) * mult, last, False  # "five and a half million", "half a million"

    def _next_is_word(self, j: int) -> bool:
        if j + 1 >= len(self.atoms):
            return False
        return self.atoms[j + 1].kind == "word" and self.spaced(j)

    def _spoken_decimals(self, j: int) -> tuple[str, int] | None:
        """After "point" at atom j: "zero three" -> ("03", last), "seventy-one" -> ("71", last)."""
        digits = ""
        k = j + 1
        last = j
        while k < len(self.atoms) and self.joined(k - 1, hyphen=bool(digits)):
            entry = self.word(k)
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
            if entry[1] == "ten" and self.kind(k + 1) == "unit" and self.joined(k, hyphen=True):
                u = int(self.lex.words[self.atoms[k + 1].text.lower()][0])
                if 0 < u < 10:
                    return str(v + u), k + 1
            return str(v), k
        return (digits, last) if digits else None


def _scan(text: str) -> list[_Parsed]:
    """Every number phrase in text, left to right, with glue and unit information."""
    lex = _lexicon()
    atoms = _atoms(text)
    parser = _Parser(text, atoms, lex)
    found: list[_Parsed] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if atom.kind == "num":
            after = atoms[i + 1] if i + 1 < len(atoms) else None
            glued_word = after is not None and after.kind == "word" and after.start == atom.end
            if glued_word and _ORDINAL_SUFFIX.fullmatch(after.text):
                i += 2  # 20th, 21st: ordinals are not counts
                continue
        res = parser.parse_at(i)
        if res is None:
            i += 1
            continue
        value, last, fraction_only = res
        first_atom, last_atom = atoms[i], atoms[last]
        start, end = first_atom.start, last_atom.end
        glued_left = first_atom.kind == "num" and start > 0 and text[start - 1].isalpha()
        glued_suffix: str | None = None
        unit: str | None = None
        nxt = atoms[last + 1] if last + 1 < len(atoms) else None
        if last_atom.kind == "num" and nxt is not None and nxt.kind == "word" and nxt.start == end:
            # letters glued after digits: a unit (10kg, 39mm, 5m) or an id/code (5G, 3D, 4x4)
            m = lex.unit_re.match(text, end)
            if m and m.end() == end + len(m.group("unit")):
                unit = _unit_name(lex, m.group("unit"))
                glued_suffix = nxt.text
            else:
                glued_suffix = nxt.text
        elif nxt is None or nxt.start >= end:
            m = lex.unit_re.match(text, end)
            if m:
                unit = _unit_name(lex, m.group("unit"))
        has_digits = any(a.kind == "num" for a in atoms[i : last + 1])
        has_words = any(a.kind == "word" for a in atoms[i : last + 1])
        found.append(
            _Parsed(
                value=value,
                start=start,
                end=end,
                first=i,
                last=last,
                has_digits=has_digits,
                has_words=has_words,
                fraction_only=fraction_only,
                glued_left=glued_left,
                glued_suffix=glued_suffix,
                unit=unit,
            )
        )
        i = last + 1
    return found


def _unit_name(lex: _Lexicon, surface: str) -> str:
    if surface in lex.units:
        return lex.units[surface]
    key = re.sub(r"\s+", " ", surface.lower())
    return lex.units.get(key, key)


def _is_pronoun_one(text: str, p: _Parsed) -> bool:
    """ "the one you mentioned", "which one", "no one", "one another": not the number 1."""
    if text[p.start : p.end].lower() != "one":
        return False
    if _DETERMINERS_BEFORE_ONE.search(text[max(0, p.start - 30) : p.start]):
        return True
    return re.match(r"\s+another\b", text[p.end : p.end + 10], flags=re.I) is not None


_CURRENCY_TAIL = re.compile(r"(?:(?<![A-Za-z])(?:[A-Z]{1,3}\s?\$|Rs\.?|Re\.?|[A-Z]{3})|[$€£¥₹₽])\s*$")


def _is_approximate(text: str, start: int, end: int) -> tuple[bool, int, int]:
    """(approximate?, start with the marker before, end with the marker after)."""
    lex = _lexicon()
    new_start, new_end, approx = start, end, False
    left = text[max(0, start - 50) : start]
    # a number's marker may stand before its currency: "around Rs 5000 crore"
    left = _CURRENCY_TAIL.sub("", left)
    m = lex.approx_before_re.search(left)
    if m:
        approx = True
        new_start = max(0, start - 50) + m.start()
    m2 = lex.approx_after_re.match(text[end : end + 20])
    if m2:
        approx = True
        new_end = end + m2.end()
    return approx, new_start, new_end


def _mentions(text: str, scanned: list[_Parsed] | None = None) -> list[tuple[NumberMention, _Parsed]]:
    out: list[tuple[NumberMention, _Parsed]] = []
    for p in _scan(text) if scanned is None else scanned:
        if p.glued_left:
            continue  # G20, MH17, i7: part of a name
        if p.glued_suffix is not None and p.unit is None:
            continue  # 5G, 3D, 10am: codes, not counts
        if _is_pronoun_one(text, p):
            continue
        approx, _, _ = _is_approximate(text, p.start, p.end)
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


def find_numbers(text: str) -> list[NumberMention]:
    """Every cardinal number in running text, with character offsets.

    >>> [(m.value, m.text) for m in find_numbers("procured 6,01,427 rifles for Rs 5000 crore")]
    [(601427.0, '6,01,427'), (50000000000.0, '5000 crore')]
    """
    return [m for m, _ in _mentions(text)]


def parse_number(text: str) -> float | None:
    """The value of one number phrase, or None when ``text`` is not (just) a number.

    Currency marks and approximation words around the number are allowed and ignored.

    >>> parse_number("1,20,00,000"), parse_number("2.5 lakh"), parse_number("$2.5 billion")
    (12000000.0, 250000.0, 2500000000.0)
    >>> parse_number("the AK-203") is None
    True
    """
    from accord.resolve.money import find_money  # money reads numbers; imported here to avoid a cycle

    text = text.strip()
    found = [p for p in _scan(text) if not _is_pronoun_one(text, p) and not p.glued_left]
    if len(found) != 1:
        return None
    p = found[0]
    if p.glued_suffix is not None and p.unit is None:
        return None  # 5G, 10am
    value = p.value
    money = find_money(text)
    if len(money) == 1 and money[0].start <= p.start and p.end <= money[0].end:
        if p.glued_suffix == "m":
            value *= 1e6  # "$5m"
        start, end = money[0].start, money[0].end
    else:
        _, start, end = _is_approximate(text, p.start, p.end)
        unit = _lexicon().unit_re.match(text, p.end) if p.unit else None
        end = max(end, unit.end()) if unit else end
    if (text[:start] + text[end:]).strip():
        return None
    return value


# ---------------------------------------------------------------------------------------------
# Quantities: counts and measures, not money, dates, ids or names

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_BEFORE_MONTH = re.compile(r"\s*(?:of\s+)?" + _MONTHS + r"(?![A-Za-z])")
_MONTH_BEFORE = re.compile(_MONTHS + r"\s*$")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|since|from|until|till|by|of|during|before|after|early|late|mid|fiscal|FY|year|the year|"
    r"spring|summer|autumn|fall|winter|circa|through|to|between|and|around|about)\s*|[-\u2013/'’]|,\s*)$"
)
_TIME_AFTER = re.compile(
    r"(?i)\s*(?:a\.?m\.?|p\.?m\.?|hrs|hours\s+(?:IST|GMT|UTC)|GMT|UTC|IST|o'clock)(?![A-Za-z])"
)
_DURATION_AFTER = re.compile(
    r"(?i)(?:\s+|\s*-\s*)(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|yrs?|"
    r"decades?|centuries|century|millennia|millennium)(?![A-Za-z])"
)
_DIMENSION = re.compile(r"\s*[x×\*]\s*\d")
_DIMENSION_BEFORE = re.compile(r"\d\s*[x×\*]\s*$")
_CALIBRE = {"mm", "cm"}
# words after "200 mm" that show a measure, not a calibre used as a name ("7.62 mm rifles")
_MEASURE_FOLLOWERS = frozenset(
    "of in on at and or to per a an the was were is are has had have rain rainfall from by for with long wide thick deep high tall".split()
)
_AGE_AFTER = re.compile(r"(?i)-year-old")


def _is_year(text: str, p: _Parsed) -> bool:
    surface = text[p.start : p.end]
    if not re.fullmatch(r"\d{4}", surface) or not 1800 <= p.value <= 2100:
        return False
    before = text[max(0, p.start - 25) : p.start]
    if _lexicon().approx_before_re.search(before):
        return False  # "about 2000 soldiers"
    after = text[p.end : p.end + 30]
    m = re.match(r"\s+([a-z]+)", after)
    if m and m.group(1).endswith("s") and m.group(1) not in _lexicon().year_nouns:
        # "2000 soldiers": a count, unless the context before says it is a time
        return bool(_YEAR_CONTEXT_BEFORE.search(before)) and not before.rstrip().endswith(",")
    return True


def _is_date_part(text: str, p: _Parsed) -> bool:
    """Day numbers next to month names, years, year ranges and numeric dates."""
    surface = text[p.start : p.end]
    if _is_year(text, p):
        return True
    if re.fullmatch(r"\d{1,2}", surface) and 1 <= p.value <= 31:
        if _DAY_BEFORE_MONTH.match(text, p.end) or _MONTH_BEFORE.search(text[max(0, p.start - 12) : p.start]):
            return True
    # 5/17/2018, 06-12-2021, 2021-22, 06.12.2021
    if re.search(r"\d[/.]\s?$", text[max(0, p.start - 3) : p.start]) or re.match(
        r"[/]\d", text[p.end : p.end + 2]
    ):
        return True
    if re.match(r"[-\u2013]\d{2,4}(?!\d)", text[p.end : p.end + 6]) and re.fullmatch(
        r"(?:1[89]|20)\d\d", surface
    ):
        return True  # 2021-2031, 2021-22
    if re.search(r"(?:1[89]|20)\d\d[-\u2013]$", text[max(0, p.start - 5) : p.start]) and p.value < 10000:
        return True
    return False


def _is_identifier(text: str, p: _Parsed) -> bool:
    """AK-203, F-16, 2+2, Article 370, 10:30, 9/11, No. 5: names, ids and times."""
    before = text[max(0, p.start - 30) : p.start]
    if re.search(r"[A-Za-z][\-\u2010\u2011]$", before):
        return True  # AK-203, F-16, COVID-19
    if re.search(r"[+#]$", before) or re.match(r"\+\d", text[p.end : p.end + 2]):
        return True  # 2+2, #5
    if _lexicon().id_prefix_re.search(before):
        return True
    if re.search(r"\d[:]$", before) or re.match(r":\d\d", text[p.end : p.end + 3]):
        return True  # 10:30
    return _TIME_AFTER.match(text, p.end) is not None


def _is_dimension(text: str, p: _Parsed) -> bool:
    """7.63 x 39mm, 5.56x45mm, 155mm howitzers, 7.62 mm rifles: calibres and sizes used as names."""
    if _DIMENSION.match(text, p.end) or _DIMENSION_BEFORE.search(text[max(0, p.start - 4) : p.start]):
        return True
    if p.unit not in _CALIBRE:
        return False
    if p.glued_suffix is not None:
        return True
    m = _lexicon().unit_re.match(text, p.end)
    after = re.match(r"\s+([A-Za-z]+)", text[m.end() if m else p.end :])
    return after is not None and after.group(1).lower() not in _MEASURE_FOLLOWERS


def find_quantities(text: str) -> list[Quantity]:
    """Counts and measures in running text: not money, dates, times, ordinals, ids or calibres.

    ``unit`` is a measure (``percent``, ``km``, ``tonne``...) or None for a count; ``item`` is left
    None (the event extractor attaches the counted noun from the parse). An approximation marker
    (``around``, ``nearly``, ``50-odd``) is included in the span.

    >>> [(q.value, q.text) for q in find_quantities("6,01,427 7.63 x 39mm assault rifles AK-203 for Rs 5000 crore")]
    [(601427.0, '6,01,427')]
    """
    from accord.resolve.money import _find_money  # money and quantities share the number scan

    scanned = _scan(text)
    money_spans = [(m.start, m.end) for m in _find_money(text, scanned)]
    out: list[Quantity] = []
    for mention, p in _mentions(text, scanned):
        if any(s < p.end and p.start < e for s, e in money_spans):
            continue
        if p.fraction_only and p.unit is None:
            continue  # "half the country": a proportion, not a count
        if p.unit is None and (_is_date_part(text, p) or _is_identifier(text, p)):
            continue
        if _is_dimension(text, p):
            continue
        if p.unit is None and (_DURATION_AFTER.match(text, p.end) or _AGE_AFTER.match(text, p.end)):
            continue  # durations and ages belong to the time resolver
        _, start, end = _is_approximate(text, p.start, p.end)
        if p.unit is not None:
            m = _lexicon().unit_re.match(text, p.end)
            if m:
                end = max(end, m.end())
        out.append(Quantity(value=mention.value, text=text[start:end], start=start, end=end, unit=p.unit))
    return out
