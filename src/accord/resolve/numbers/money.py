"""Money in English news text: amounts with their ISO 4217 currency.

``find_money(text)`` finds every amount written with a currency symbol, code or name, before or
after the number, and returns ``accord.records.Money`` with the amount in units of the currency:

- ``"around Rs 5000 crore"`` -> 50000000000 INR, approximate, span includes "around";
- ``"$2.5 billion"`` -> 2500000000 USD; ``"US$ 150 million"``, ``"$5m"``, ``"£3bn"``, ``"€10M"``;
- ``"470 million dollars"`` -> USD; ``"1.175 billion ringgit"`` -> MYR; ``"35 lakh rupees"`` -> INR;
- ``"50 cents"`` -> 0.5 USD, ``"470 pence"`` -> 4.7 GBP, ``"3 dollars 50 cents"`` -> 3.5 USD;
- ``"75 USD million"``, ``"USD115"``, ``"30 MUSD"`` (M-prefixed code = millions).

The symbols, codes and names are in ``data/currencies.tsv``. Bare names and symbols that several
currencies share get one default, chosen as the currency English-language news most often means:
``$``/dollars USD, ``¥`` JPY, ``Rs``/rupees INR, pounds GBP, pesos MXN, francs CHF, dinars IQD,
rials IRR, riyals SAR, kroner NOK, shillings KES, cents USD. A qualified name or a prefixed symbol
(``A$``, ``HK$``, ``Philippine pesos``, ``Pakistani rupees``, ``PKR``) overrides the default.
Words that are also ordinary words (``500 marks`` in an exam, ``5 pounds`` of rice) are read as
money only with a multiplier (``361 million pounds``). A ``$`` between two numbers belongs to the
number after it (``1 $10 dollars``), as in English usage.

Money is read from the number phrases of the one scan (``scan_phrases``); it never scans again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.records import Money
from accord.resolve.numbers.currencies import Currency, CurrencyToken, currency_tokens
from accord.resolve.numbers.lexicon import number_lexicon
from accord.resolve.numbers.mentions import approximate_span
from accord.resolve.numbers.phrases import Phrase, scan_phrases
from accord.resolve.numbers.subunits import Amount, merge_subunits

__all__ = ["find_money", "money_in"]

_WS = re.compile(r"[ \t\u00a0]{0,3}")
_WORD_GAP = re.compile(r"[ \t\u00a0]{0,3}|\s?-\s?")
_MAGNITUDE_AFTER = re.compile(r"\s+(million|billion|trillion|thousand|crore|lakh|mn|bn|m)(?![A-Za-z])", re.I)
_STERLING_AFTER = re.compile(r"(?i)\s+sterling")
_MULTIPLIER_KINDS = ("magnitude", "hundred", "dozen")


def find_money(text: str) -> list[Money]:
    """Every amount of money in running text, with ISO 4217 currency and character offsets.

    >>> [(m.amount, m.currency, m.approximate, m.text) for m in find_money("at a cost of around Rs 5000 crore.")]
    [(50000000000.0, 'INR', True, 'around Rs 5000 crore')]
    """
    return money_in(text, scan_phrases(text))


def money_in(text: str, scanned: list[Phrase]) -> list[Money]:
    """The amounts of money among the phrases of ``scan_phrases(text)``."""
    phrases = [p for p in scanned if not p.fraction_only]
    if not phrases:
        return []
    tokens = currency_tokens(text, _windows(text, phrases))
    if not tokens:
        return []
    pairing = _Pairing(text, phrases, tokens)
    found = [paired for p in phrases if (paired := pairing.amount(p)) is not None]
    out: list[Money] = []
    for start, end, amount, cur in merge_subunits(text, found, phrases):
        approx, a_start, a_end = approximate_span(text, start, end)
        out.append(
            Money(
                amount=_tidy(amount),
                currency=cur.code,
                approximate=approx,
                text=text[a_start:a_end],
                start=a_start,
                end=a_end,
            )
        )
    return out


def _windows(text: str, phrases: list[Phrase]) -> list[tuple[int, int]]:
    """Stretches of text around numbers where a currency written with them can stand."""
    out: list[tuple[int, int]] = []
    for p in phrases:
        start = max(0, p.start - 24)
        end = min(len(text), p.end + 40)
        while start > 0 and not text[start - 1].isspace():
            start -= 1  # never start inside a word ("...dollars" must not read as "ars")
        while end < len(text) and not text[end].isspace():
            end += 1
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@dataclass(frozen=True)
class _Side:
    token: int  # index in the token list
    side: str  # prefix or suffix


class _Pairing:
    """Pairs number phrases with currency tokens, left to right; a token is used at most once."""

    def __init__(self, text: str, phrases: list[Phrase], tokens: list[CurrencyToken]) -> None:
        self.text = text
        self.tokens = tokens
        self.used: set[int] = set()
        # A currency written glued before a number belongs to that number ("3 USD50", "1 $10").
        self.glued_prefix = {
            ti
            for ti, t in enumerate(tokens)
            for p in phrases
            if t.end == p.start and t.currency.allows("prefix")
        }
        # A symbol followed by a number is that number's prefix ("1 $ 10 dollars"), not a suffix.
        self.before_number = {
            ti
            for ti, t in enumerate(tokens)
            for p in phrases
            if p.start >= t.end and _WS.fullmatch(text[t.end : p.start])
        }

    def amount(self, p: Phrase) -> Amount | None:
        """The amount of money phrase ``p`` is, with its currency, or None."""
        choice = self._currency_of(p)
        if choice is None or not self._is_money(p, choice):
            return None
        tok = self.tokens[choice.token]
        cur = tok.currency
        start, end, amount = self._scaled(p, choice)
        self.used.add(choice.token)
        end = self._redundant_name_end(end, cur)
        return Amount(start, end, amount, cur, cur.scale == 1.0)

    def _currency_of(self, p: Phrase) -> _Side | None:
        """The token that gives ``p`` its currency: a glued prefix first, then a currency name or
        code after it, then any prefix, then a symbol after it that no number follows."""
        text, tokens = self.text, self.tokens
        prefix = suffix = None
        for ti, t in enumerate(tokens):
            if ti in self.used:
                continue
            if t.end <= p.start and _WS.fullmatch(text[t.end : p.start]) and t.currency.allows("prefix"):
                prefix = ti
            elif t.start >= p.end and suffix is None:
                gap = text[p.end : t.start]
                gap_ok = (
                    _WORD_GAP.fullmatch(gap) if t.currency.kind in ("word", "minor") else _WS.fullmatch(gap)
                )
                if gap_ok and t.currency.allows("suffix"):
                    suffix = ti
        if prefix is not None and tokens[prefix].end == p.start:
            return _Side(prefix, "prefix")
        if (
            suffix is not None
            and tokens[suffix].currency.kind in ("word", "minor", "code")
            and suffix not in self.glued_prefix
        ):
            return _Side(suffix, "suffix")
        if prefix is not None:
            return _Side(prefix, "prefix")
        if suffix is not None and suffix not in self.glued_prefix and suffix not in self.before_number:
            return _Side(suffix, "suffix")
        return None

    def _is_money(self, p: Phrase, choice: _Side) -> bool:
        """Whether ``p`` with this currency is an amount, not a name, a code or a weight."""
        tok = self.tokens[choice.token]
        glued_before = choice.side == "prefix" and tok.end == p.start
        if p.glued_left and not glued_before:
            return False  # G20, MH17: a name, not an amount
        if (
            p.glued_suffix is not None
            and p.unit is None
            and not (choice.side == "suffix" and tok.start == p.end)
        ):
            return False  # "5G", "10am"
        if tok.currency.surface == "p" and tok.start != p.end:
            return False  # "50p" only glued
        if tok.currency.needs_multiplier and not _has_multiplier(self.text, p) and not tok.million:
            # "5 pounds of rice", "95 marks"; "5 pounds sterling" is money
            return _STERLING_AFTER.match(self.text[tok.end : tok.end + 12]) is not None
        return True

    def _scaled(self, p: Phrase, choice: _Side) -> tuple[int, int, float]:
        """(start, end, amount in units of the currency) with the multipliers written around the
        currency: "$5m", "$5 m", "30 MUSD", "75 USD million"; a minor unit scales it ("50 cents")."""
        tok = self.tokens[choice.token]
        amount = p.value
        end = max(p.end, tok.end) if choice.side == "suffix" else p.end
        start = tok.start if choice.side == "prefix" else p.start
        if choice.side == "prefix":
            magnitude = _MAGNITUDE_AFTER.match(self.text, p.end) if p.unit == "m" else None
            if p.glued_suffix == "m":
                amount *= 1e6  # "$5m", "£3.5m"
                end = p.end + 1
            elif magnitude is not None:
                amount *= 1e6  # "$5 m": after a currency, the "m" read as metres means million
                end = magnitude.end()
        if tok.million:
            amount *= 1e6
        if choice.side == "suffix":
            mm = _MAGNITUDE_AFTER.match(self.text, tok.end)
            if mm and mm.group(1).lower() != "m":
                amount *= number_lexicon().words[mm.group(1).lower()][0]  # "75 USD million"
                end = mm.end()
        return start, end, amount * tok.currency.scale

    def _redundant_name_end(self, end: int, cur: Currency) -> int:
        """A redundant name after a symbol joins the amount: "$10 dollars", "£5m sterling"."""
        for ti, t in enumerate(self.tokens):
            if (
                ti not in self.used
                and t.start >= end
                and _WS.fullmatch(self.text[end : t.start])
                and t.currency.code == cur.code
            ):
                if t.currency.kind in ("word", "code"):
                    self.used.add(ti)
                    return t.end
                break
        return end


def _has_multiplier(text: str, p: Phrase) -> bool:
    """Whether the phrase has a multiplier word or suffix ("361 million", "5 dozen", "3bn")."""
    lex = number_lexicon()
    for word in re.findall(r"[A-Za-z]+", text[p.start : p.end]):
        entry = lex.words.get(word.lower())
        if (entry and entry[1] in _MULTIPLIER_KINDS) or word in lex.suffixes:
            return True
    return False


def _tidy(amount: float) -> float:
    """Round away float noise from scaling: 4.7 * 1e-2 ... 12 significant digits are plenty."""
    return float(f"{amount:.12g}")
