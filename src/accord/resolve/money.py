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
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from accord.records import Money
from accord.resolve import numbers as _numbers

__all__ = ["find_money"]


@dataclass(frozen=True)
class _Currency:
    surface: str
    code: str
    kind: str  # symbol, code, word, minor
    position: str  # prefix, suffix, both
    scale: float
    needs_multiplier: bool


@dataclass(frozen=True)
class _Table:
    token_re: re.Pattern[str]
    by_key: dict[str, _Currency]
    codes: frozenset[str]


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    currency: _Currency
    million: bool  # M-prefixed code: "30 MUSD"


def _key(kind: str, surface: str) -> str:
    if kind in ("word", "minor"):
        return kind[0] + ":" + re.sub(r"\s+", " ", surface.lower())
    if kind == "symbol" and surface.endswith("$") and len(surface) > 1:
        return "s:" + re.sub(r"[\s.]", "", surface).upper()
    if kind == "code":
        return "c:" + surface
    return "s:" + surface


@functools.lru_cache(maxsize=1)
def _table() -> _Table:
    rows = _numbers._read_tsv("currencies.tsv")
    by_key: dict[str, _Currency] = {}
    dollar_prefixes: list[str] = []
    letter_symbols: list[str] = []
    plain_symbols: list[str] = []
    codes: list[str] = []
    words: list[str] = []
    for row in rows:
        cur = _Currency(
            surface=row["surface"],
            code=row["code"],
            kind=row["kind"],
            position=row["position"],
            scale=float(row["scale"] or 1),
            needs_multiplier=row.get("needs", "") == "multiplier",
        )
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

    def alt(items: list[str]) -> str:
        return "|".join(
            re.escape(x).replace(r"\ ", r"\s+") for x in sorted(set(items), key=len, reverse=True)
        )

    pattern = (
        r"(?P<word>(?<![A-Za-z])(?i:" + alt(words) + r")(?![A-Za-z]))"
        r"|(?P<dollar>(?<![A-Za-z])(?i:"
        + alt(dollar_prefixes + upper_codes).replace(r"\.", r"\.?")
        + r")\s?\$)"
        r"|(?P<mcode>(?<![A-Za-z])M(?:" + alt(upper_codes) + r")(?![A-Za-z]))"
        r"|(?P<code>(?<![A-Za-z])(?:" + alt(codes) + r")(?![A-Za-z]))"
        r"|(?P<letters>(?<![A-Za-z])(?:" + alt(letter_symbols) + r")(?![A-Za-z]))"
        r"|(?P<symbol>" + alt(plain_symbols) + r")"
    )
    return _Table(token_re=re.compile(pattern), by_key=by_key, codes=frozenset(codes))


def _tokens(text: str, windows: list[tuple[int, int]] | None = None) -> list[_Token]:
    """Currency tokens in text, or only inside the given (start, end) windows (faster)."""
    table = _table()
    out: list[_Token] = []
    spans = windows if windows is not None else [(0, len(text))]
    matches = (m for start, end in spans for m in table.token_re.finditer(text, start, end))
    for m in matches:
        surface = m.group()
        cur: _Currency | None = None
        million = False
        if m.group("word"):
            cur = table.by_key.get(_key("word", surface)) or table.by_key.get(_key("minor", surface))
        elif m.group("dollar"):
            cur = table.by_key.get(_key("symbol", surface))
            if cur is None:  # "usd$ 15", "mxn$ 15": a code written with its dollar sign
                code = re.sub(r"[\s$]", "", surface).upper()
                base = table.by_key.get(_key("code", code))
                if base is not None:
                    cur = _Currency(surface, base.code, "symbol", "prefix", 1.0, False)
        elif m.group("mcode"):
            cur = table.by_key.get(_key("code", surface[1:]))
            million = True
        elif m.group("code"):
            cur = table.by_key.get(_key("code", surface))
        else:
            cur = table.by_key.get(_key("symbol", surface))
        if cur is not None:
            out.append(_Token(m.start(), m.end(), cur, million))
    return out


_WS = re.compile(r"[ \t\u00a0]{0,3}")
_WORD_GAP = re.compile(r"[ \t\u00a0]{0,3}|\s?-\s?")
_AND_GAP = re.compile(r"\s+(?:and\s+)?")
_MAGNITUDE_AFTER = re.compile(r"\s+(million|billion|trillion|thousand|crore|lakh|mn|bn|m)(?![A-Za-z])", re.I)


def _has_multiplier(text: str, p: _numbers._Parsed) -> bool:
    lex = _numbers._lexicon()
    for word in re.findall(r"[A-Za-z]+", text[p.start : p.end]):
        entry = lex.words.get(word.lower())
        if (entry and entry[1] in ("magnitude", "hundred", "dozen")) or word in lex.suffixes:
            return True
    return False


def _allows(cur: _Currency, side: str) -> bool:
    return cur.position in (side, "both")


def find_money(text: str) -> list[Money]:
    """Every amount of money in running text, with ISO 4217 currency and character offsets.

    >>> [(m.amount, m.currency, m.approximate, m.text) for m in find_money("at a cost of around Rs 5000 crore.")]
    [(50000000000.0, 'INR', True, 'around Rs 5000 crore')]
    """
    return _find_money(text, _numbers._scan(text))


def _windows(text: str, phrases: list[_numbers._Parsed]) -> list[tuple[int, int]]:
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


def _find_money(text: str, scanned: list[_numbers._Parsed]) -> list[Money]:
    """find_money on an already scanned text (find_quantities shares the scan)."""
    phrases = [p for p in scanned if not p.fraction_only]
    if not phrases:
        return []
    tokens = _tokens(text, _windows(text, phrases))
    if not tokens:
        return []
    used: set[int] = set()
    # A currency written glued before a number belongs to that number ("3 USD50", "1 $10").
    glued_prefix = {
        ti
        for ti, t in enumerate(tokens)
        for p in phrases
        if t.end == p.start and _allows(t.currency, "prefix")
    }
    # A symbol followed by a number is that number's prefix ("1 $ 10 dollars"), not a suffix.
    before_number = {
        ti
        for ti, t in enumerate(tokens)
        for p in phrases
        if p.start >= t.end and _WS.fullmatch(text[t.end : p.start])
    }
    found: list[tuple[int, int, float, _Currency, bool]] = []  # start, end, amount, currency, major
    for p in phrases:
        prefix = suffix = None
        for ti, t in enumerate(tokens):
            if ti in used:
                continue
            if t.end <= p.start and _WS.fullmatch(text[t.end : p.start]) and _allows(t.currency, "prefix"):
                prefix = ti
            elif t.start >= p.end and suffix is None:
                gap = text[p.end : t.start]
                gap_ok = (
                    _WORD_GAP.fullmatch(gap) if t.currency.kind in ("word", "minor") else _WS.fullmatch(gap)
                )
                if gap_ok and _allows(t.currency, "suffix"):
                    suffix = ti
        choice: int | None = None
        side = ""
        if prefix is not None and tokens[prefix].end == p.start:
            choice, side = prefix, "prefix"
        elif (
            suffix is not None
            and tokens[suffix].currency.kind in ("word", "minor", "code")
            and suffix not in glued_prefix
        ):
            choice, side = suffix, "suffix"
        elif prefix is not None:
            choice, side = prefix, "prefix"
        elif suffix is not None and suffix not in glued_prefix and suffix not in before_number:
            choice, side = suffix, "suffix"
        if choice is None:
            continue
        if p.glued_left and not (side == "prefix" and tokens[choice].end == p.start):
            continue  # G20, MH17: a name, not an amount
        tok = tokens[choice]
        cur = tok.currency
        if p.glued_suffix is not None and p.unit is None and not (side == "suffix" and tok.start == p.end):
            continue  # "5G", "10am"
        if cur.surface == "p" and tok.start != p.end:
            continue  # "50p" only glued
        amount = p.value
        end = max(p.end, tok.end) if side == "suffix" else p.end
        start = tok.start if side == "prefix" else p.start
        if p.glued_suffix == "m" and side == "prefix":
            amount *= 1e6  # "$5m", "£3.5m"
            end = p.end + 1
        elif p.unit == "m" and side == "prefix" and _MAGNITUDE_AFTER.match(text, p.end):
            mm = _MAGNITUDE_AFTER.match(text, p.end)
            assert mm is not None
            amount *= 1e6
            end = mm.end()
        elif p.unit is not None and side == "prefix" and p.glued_suffix is None:
            pass  # "$5 per kg": still an amount of money
        if cur.needs_multiplier and not _has_multiplier(text, p) and not tok.million:
            if not re.match(r"(?i)\s+sterling", text[tok.end : tok.end + 12]):
                continue  # "5 pounds of rice", "95 marks"
        if tok.million:
            amount *= 1e6
        if side == "suffix":
            mm = _MAGNITUDE_AFTER.match(text, tok.end)
            if mm and mm.group(1).lower() != "m":
                # "75 USD million"
                word = mm.group(1).lower()
                amount *= _numbers._lexicon().words[word][0]
                end = mm.end()
        amount *= cur.scale
        used.add(choice)
        # a redundant name after a symbol: "$10 dollars", "£5m sterling"
        for ti, t in enumerate(tokens):
            if (
                ti not in used
                and t.start >= end
                and _WS.fullmatch(text[end : t.start])
                and t.currency.code == cur.code
            ):
                if t.currency.kind in ("word", "code"):
                    used.add(ti)
                    end = t.end
                break
        found.append((start, end, amount, cur, cur.scale == 1.0))

    merged = _merge_subunits(text, found, phrases)
    out: list[Money] = []
    for start, end, amount, cur in merged:
        approx, a_start, a_end = _numbers._is_approximate(text, start, end)
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


def _merge_subunits(
    text: str, found: list[tuple[int, int, float, _Currency, bool]], phrases: list[_numbers._Parsed]
) -> list[tuple[int, int, float, _Currency]]:
    """Join a unit amount with the minor amount after it.

    ``3 dollars 50 cents`` and ``10 $ 30 cent`` (a minor-unit amount right after), and, after a
    currency name or code only, a bare 1-99: ``15 dollars 50``, ``17 USD 25``, ``one dollar and
    one``; after a symbol only a spelled-out one at the end of a clause: ``C$ 100 and fifty``.
    """
    out: list[tuple[int, int, float, _Currency]] = []
    k = 0
    while k < len(found):
        start, end, amount, cur, major = found[k]
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is not None and major and not nxt[4] and nxt[2] < 1 and _AND_GAP.fullmatch(text[end : nxt[0]]):
            out.append((start, nxt[1], amount + nxt[2], cur))
            k += 2
            continue
        if major and float(amount).is_integer() and not (nxt is not None and nxt[0] < end + 12):
            cents = _bare_cents(text, start, end, cur, phrases)
            if cents is not None:
                out.append((start, cents[1], amount + cents[0], cur))
                k += 1
                continue
        out.append((start, end, amount, cur))
        k += 1
    return out


def _bare_cents(
    text: str, start: int, end: int, cur: _Currency, phrases: list[_numbers._Parsed]
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
        clause_end = re.match(r"\s*(?:[.,;:!?)]|$)", text[p.end : p.end + 2]) is not None
        if not (name_after or (not p.has_digits and clause_end)):
            return None
        if _follows_currency(text, p.end):
            return None  # "50 dollar 50 dollar": two amounts
        return p.value / 100, p.end
    return None


def _follows_currency(text: str, pos: int) -> bool:
    """Whether a currency token starts right after pos ("50 dollar 50 dollar")."""
    for t in _tokens(text[pos : pos + 40]):
        return _WS.fullmatch(text[pos : pos + t.start]) is not None
    return False


def _tidy(amount: float) -> float:
    """Round away float noise from scaling: 4.7 * 1e-2 ... 12 significant digits are plenty."""
    return float(f"{amount:.12g}")
