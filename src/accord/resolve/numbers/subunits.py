"""Joining an amount of money with the minor-unit amount after it: ``3 dollars 50 cents``.

After any amount, a minor-unit amount right after it joins it (``3 dollars 50 cents``,
``10 $ 30 cent``). After a currency name or code only, a bare 1-99 joins it as cents
(``15 dollars 50``, ``17 USD 25``, ``one dollar and one``); after a symbol only a spelled-out one
at the end of a clause (``C$ 100 and fifty``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from accord.resolve.numbers.currencies import Currency, currency_tokens
from accord.resolve.numbers.phrases import Phrase

__all__ = ["Amount", "merge_subunits"]

_WS = re.compile(r"[ \t\u00a0]{0,3}")
_AND_GAP = re.compile(r"\s+(?:and\s+)?")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")


class Amount(NamedTuple):
    """An amount of money paired with its currency, before minor units are joined."""

    start: int
    end: int
    amount: float
    currency: Currency
    major: bool  # in major units (dollars), not minor ones (cents)


def merge_subunits(
    text: str, found: list[Amount], phrases: list[Phrase]
) -> list[tuple[int, int, float, Currency]]:
    """(start, end, amount, currency) of each amount in ``found`` (left to right), with the minor
    amount after it joined in (see the module docstring)."""
    out: list[tuple[int, int, float, Currency]] = []
    k = 0
    while k < len(found):
        start, end, amount, cur, major = found[k]
        nxt = found[k + 1] if k + 1 < len(found) else None
        if (
            nxt is not None
            and major
            and not nxt.major
            and nxt.amount < 1
            and _AND_GAP.fullmatch(text[end : nxt.start])
        ):
            out.append((start, nxt.end, amount + nxt.amount, cur))
            k += 2
            continue
        if major and float(amount).is_integer() and not (nxt is not None and nxt.start < end + 12):
            cents = _bare_cents(text, start, end, cur, phrases)
            if cents is not None:
                out.append((start, cents[1], amount + cents[0], cur))
                k += 1
                continue
        out.append((start, end, amount, cur))
        k += 1
    return out


def _bare_cents(
    text: str, start: int, end: int, cur: Currency, phrases: list[Phrase]
) -> tuple[float, int] | None:
    """A bare 1-99 after an amount that reads as its cents: (fraction, end) or None."""
    name_after = cur.kind in ("word", "code") and text[start:end].lower().endswith(cur.surface.lower())
    for p in phrases:
        if p.start < end:
            continue
        if not _AND_GAP.fullmatch(text[end : p.start]):
            return None
        if not (p.value.is_integer() and 1 <= p.value <= 99) or p.unit is not None or p.glued_suffix:
            return None
        clause_end = _CLAUSE_END.match(text[p.end : p.end + 2]) is not None
        if not (name_after or (not p.has_digits and clause_end)):
            return None
        if _follows_currency(text, p.end):
            return None  # "50 dollar 50 dollar": two amounts
        return p.value / 100, p.end
    return None


def _follows_currency(text: str, pos: int) -> bool:
    """Whether a currency token starts right after pos ("50 dollar 50 dollar")."""
    for t in currency_tokens(text[pos : pos + 40]):
        return _WS.fullmatch(text[pos : pos + t.start]) is not None
    return False
