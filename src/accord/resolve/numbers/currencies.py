"""The currency table (``data/currencies.tsv``) and the currency tokens it finds in text.

Columns: surface, code (ISO 4217), kind (``symbol``, ``code``, ``word``, ``minor``), position
(``prefix``, ``suffix``, ``both``), scale (a minor unit's fraction of the major one), needs
(``multiplier`` for names that are also ordinary words). A row with an unknown kind, position or
need, or a scale that is not a number, raises ``DataFileError`` naming the file and line.

>>> [(t.currency.code, t.million) for t in currency_tokens("Rs 500 and 30 MUSD")]
[('INR', False), ('USD', True)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from accord.base.scanning import TextScanner
from accord.base.tsv import TsvRow, data_file, read_tsv
from accord.resolve.numbers.lexicon import alternation

__all__ = ["Currency", "CurrencyToken", "build_currency_table", "currency_table", "currency_tokens"]

_KINDS = frozenset({"symbol", "code", "word", "minor"})
_POSITIONS = frozenset({"prefix", "suffix", "both"})
_NEEDS = frozenset({"", "multiplier"})


@dataclass(frozen=True)
class Currency:
    """One row of the currency table."""

    surface: str
    code: str
    kind: str  # symbol, code, word, minor
    position: str  # prefix, suffix, both
    scale: float
    needs_multiplier: bool

    def allows(self, side: str) -> bool:
        """Whether the currency may stand on this side (``prefix``/``suffix``) of an amount."""
        return self.position in (side, "both")


@dataclass(frozen=True)
class CurrencyTable:
    """The compiled table: one pattern for every surface, and the rows by lookup key."""

    token_re: re.Pattern[str]
    by_key: dict[str, Currency]


@dataclass(frozen=True)
class CurrencyToken:
    """A currency written in the text."""

    start: int
    end: int
    currency: Currency
    million: bool  # M-prefixed code: "30 MUSD"


@functools.cache
def currency_table() -> CurrencyTable:
    """The table of the shipped ``currencies.tsv``, read on first use; raises ``DataFileError``."""
    source = data_file("accord.resolve", "currencies.tsv")
    return build_currency_table(
        read_tsv(source, required=("surface", "code", "kind", "position", "scale", "needs"))
    )


# Dollar prefixes that are also English words, read as a prefix only when glued to "$".
_ENGLISH_WORDS = frozenset({"a"})


def build_currency_table(rows: Sequence[TsvRow]) -> CurrencyTable:
    """Compile the rows of a currency file; raises ``DataFileError`` for a bad row."""
    by_key: dict[str, Currency] = {}
    dollar_prefixes: list[str] = []  # letters before "$": US$, A$, HK$
    letter_symbols: list[str] = []  # Rs, Re, Tk
    plain_symbols: list[str] = []  # $, €, £, ₹
    codes: list[str] = []
    words: list[str] = []
    for row in rows:
        cur = _currency(row)
        by_key.setdefault(_key(cur.kind, cur.surface), cur)
        s = cur.surface
        if cur.kind == "symbol":
            if s.endswith("$") and len(s) > 1:
                dollar_prefixes.append(s[:-1].strip())
            elif s[0].isascii() and s[0].isalpha():
                letter_symbols.append(s)
            else:
                plain_symbols.append(s)
        elif cur.kind == "code":
            codes.append(s)
        else:
            words.append(s)
    upper_codes = sorted({c for c in codes if c.isupper()})
    glued = alternation(dollar_prefixes + upper_codes).replace(r"\.", r"\.?")
    # Apart from its "$" ("US $5", "c $ 16.4 million"), any prefix but a word of English: "a $2 billion
    # loan" and "A $2 billion deal" are the article, so "A$" (AUD) must be glued.
    apart = alternation(
        [p for p in dollar_prefixes + upper_codes if p.lower() not in _ENGLISH_WORDS]
    ).replace(r"\.", r"\.?")
    pattern = (
        r"(?P<word>(?<![A-Za-z])(?i:" + alternation(words) + r")(?![A-Za-z]))"
        r"|(?P<dollar>(?<![A-Za-z])(?i:(?:" + glued + r")\$|(?:" + apart + r")\s\$))"
        r"|(?P<mcode>(?<![A-Za-z])M(?:" + alternation(upper_codes) + r")(?![A-Za-z]))"
        r"|(?P<code>(?<![A-Za-z])(?:" + alternation(codes) + r")(?![A-Za-z]))"
        r"|(?P<letters>(?<![A-Za-z])(?:" + alternation(letter_symbols) + r")(?![A-Za-z]))"
        r"|(?P<symbol>" + alternation(plain_symbols) + r")"
    )
    return CurrencyTable(token_re=re.compile(pattern), by_key=by_key)


def currency_tokens(text: str, windows: list[tuple[int, int]] | None = None) -> list[CurrencyToken]:
    """Currencies written in ``text``, or only inside the given (start, end) windows (faster)."""
    table = currency_table()
    out: list[CurrencyToken] = []
    spans = windows if windows is not None else [(0, len(text))]
    scanner = TextScanner(text)  # the table's pattern tried only where a currency can begin
    for m in (m for start, end in spans for m in scanner.finditer(table.token_re, start, end)):
        cur, million = _lookup(table, m)
        if cur is not None:
            out.append(CurrencyToken(m.start(), m.end(), cur, million))
    return out


def _lookup(table: CurrencyTable, m: re.Match[str]) -> tuple[Currency | None, bool]:
    """The currency a token match stands for, and whether it is an M-prefixed code."""
    surface = m.group()
    if m.group("word"):
        return table.by_key.get(_key("word", surface)) or table.by_key.get(_key("minor", surface)), False
    if m.group("dollar"):
        cur = table.by_key.get(_key("symbol", surface))
        if cur is None:  # "usd$ 15", "mxn$ 15": a code written with its dollar sign
            base = table.by_key.get(_key("code", re.sub(r"[\s$]", "", surface).upper()))
            if base is not None:
                cur = Currency(surface, base.code, "symbol", "prefix", 1.0, False)
        return cur, False
    if m.group("mcode"):
        return table.by_key.get(_key("code", surface[1:])), True
    if m.group("code"):
        return table.by_key.get(_key("code", surface)), False
    return table.by_key.get(_key("symbol", surface)), False


def _key(kind: str, surface: str) -> str:
    """The lookup key of a surface: names in lower case, "US $" and "U.S.$" as "US$"."""
    if kind in ("word", "minor"):
        return kind[0] + ":" + re.sub(r"\s+", " ", surface.lower())
    if kind == "symbol" and surface.endswith("$") and len(surface) > 1:
        return "s:" + re.sub(r"[\s.]", "", surface).upper()
    if kind == "code":
        return "c:" + surface
    return "s:" + surface


def _currency(row: TsvRow) -> Currency:
    for column, allowed in (("kind", _KINDS), ("position", _POSITIONS), ("needs", _NEEDS)):
        if row[column] not in allowed:
            raise row.error(f"{column} {row[column]!r} is not one of {', '.join(sorted(allowed))}")
    try:
        scale = float(row["scale"] or 1)
    except ValueError:
        raise row.error(f"scale {row['scale']!r} is not a number") from None
    return Currency(
        surface=row["surface"],
        code=row["code"],
        kind=row["kind"],
        position=row["position"],
        scale=scale,
        needs_multiplier=row["needs"] == "multiplier",
    )
