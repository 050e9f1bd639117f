"""The words around a personal name: who the name is, and what the words before and after say.

``name_spans`` finds personal names (spaCy's PERSON entities without their titles, and capitalised
names right after an office or title: "PM Modi", "Mr Shoigu"). ``read_left`` reads the words before
a name (titles, an office, a nationality, "his/her ... counterpart"), ``read_right`` an apposition
after it (", the Russian foreign minister"), and ``office_words`` widens an office head word over
its portfolio ("External Affairs Minister"). ``accord.resolve.actors.people`` carries what they
find through the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.resolve.actors.context import Context
from accord.resolve.actors.lexicon import norm
from accord.resolve.actors.matching import Match

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["COUNTERPART", "Left", "is_name_token", "name_spans", "office_words", "read_left", "read_right"]

COUNTERPART = frozenset({"counterpart", "counterparts"})
_APOSTROPHE_S = frozenset({"'s", "\u2019s"})
_DETERMINERS = frozenset({"the", "a", "an"})
_POSTED_PREPOSITIONS = frozenset({"to", "on", "for", "at"})
# Words before an office that are not part of its name: "Outgoing UN chief", "former minister".
_NOT_PORTFOLIO = frozenset(
    {
        "the",
        "a",
        "an",
        "former",
        "outgoing",
        "incoming",
        "new",
        "then",
        "acting",
        "late",
        "ex",
        "top",
        "senior",
        "interim",
        "current",
        "powerful",
        "veteran",
        "influential",
        "chief",
    }
)
# Office head words whose modifier names the sector: "army chief" MIL, "police spokesman" COP.
_GENERIC_HEADS = frozenset(
    {"Chief", "Leader", "Head", "Spokesman", "Spokeswoman", "Spokesperson", "Commander"}
)


@dataclass
class Left:
    """What the words before a name say."""

    start: int
    office: str | None = None
    office_sector: str | None = None
    title_sector: str | None = None
    code: str | None = None
    code_sector: str | None = None
    counterpart: bool = False
    has_title: bool = False


def name_spans(ctx: Context, offices_by_end: dict[int, Match], blocked: set[int]) -> list[tuple[int, int]]:
    """Token spans of personal names: PERSON entities without their titles, and capitalised
    names right after a capitalised office or title ("PM Modi", "President Putin")."""
    doc = ctx.doc
    office_tokens = {i for m in ctx.offices for i in range(m.start, m.end)}
    spans: list[tuple[int, int]] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while start < end and (start in office_tokens or doc[start].text in (",", ".")):
            start += 1
        while end > start and (doc[end - 1].lower_ in _APOSTROPHE_S or doc[end - 1].is_punct):
            end -= 1
        if start >= end or not blocked.isdisjoint(range(start, end)):
            continue
        spans.append((start, end))
        covered.update(range(ent.start, ent.end))
    for m in ctx.offices:
        if m.end >= len(doc) or m.end in covered or not doc[m.start].text[:1].isupper():
            continue
        end = m.end
        while end < len(doc) and end - m.end < 4 and is_name_token(doc, end) and end not in blocked:
            end += 1
        if end > m.end and not covered.intersection(range(m.end, end)):
            spans.append((m.end, end))
            covered.update(range(m.end, end))
    return sorted(set(spans))


def is_name_token(doc: Doc, i: int) -> bool:
    """Whether token ``i`` may be part of a name after an office ("President Putin")."""
    token = doc[i]
    return (
        token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in ("GPE", "NORP", "DATE")
    )


def read_left(
    ctx: Context,
    start: int,
    offices_by_end: dict[int, Match],
    countries_by_end: dict[int, Match],
    orgs_by_end: dict[int, Match],
) -> Left:
    """What the words before the name starting at token ``start`` say: titles ("Lt Gen", "Mr"), an
    office ("Defence Minister"), a nationality ("Russian", "Russia's", "UN", "White House"), or
    "counterpart". The ``*_by_end`` maps give the matches ending at each token."""
    doc = ctx.doc
    places_by_end = {m.end: m for m in ctx.places}
    lex = ctx.lex
    left = Left(start=start)
    i = start
    # Titles: "Lt Gen", "Mr", "General".
    while i in offices_by_end and lex.offices[offices_by_end[i].key].role == "title":
        entry = lex.offices[offices_by_end[i].key]
        left.title_sector = left.title_sector or entry.sector
        left.has_title = True
        i = offices_by_end[i].start
    # "Defence Minister, General Sergey Shoigu" and "counterpart, Sergey Shoigu".
    if (
        i >= 2
        and doc[i - 1].text == ","
        and (
            (i - 1 in offices_by_end and lex.offices[offices_by_end[i - 1].key].role != "title")
            or doc[i - 2].lower_ in COUNTERPART
        )
    ):
        i -= 1
    office_match = offices_by_end.get(i)
    if office_match is not None and lex.offices[office_match.key].role != "title":
        left.office, left.office_sector, i = office_words(ctx, office_match)
        left.code = lex.offices[office_match.key].code
    elif i >= 1 and doc[i - 1].lower_ in COUNTERPART:
        left.counterpart = True
        i -= 1
    # Nationality: "Russian", "Russia's", "UN"; not the body someone is posted to ("ambassador to the
    # United Nations X" is the ambassador of the country before it: see ``descriptors``).
    if _posted_to(doc, i, countries_by_end, orgs_by_end):
        pass
    elif i >= 2 and doc[i - 1].lower_ in _APOSTROPHE_S and (i - 1) in countries_by_end:
        c = countries_by_end[i - 1]
        left.code, i = ctx.country_code_of(c), c.start
    elif i in countries_by_end:
        c = countries_by_end[i]
        left.code, i = ctx.country_code_of(c), c.start
    elif i in orgs_by_end and lex.orgs[orgs_by_end[i].key].sector in ("IGO", "NGO"):
        org = lex.orgs[orgs_by_end[i].key]
        left.code, left.code_sector, i = org.code, org.sector, orgs_by_end[i].start
        if i >= 2 and doc[i - 1].lower_ in _APOSTROPHE_S and (i - 1) in countries_by_end:
            # "Britain's UN ambassador": the ambassador is Britain's, posted to the UN.
            c = countries_by_end[i - 1]
            left.code, left.code_sector, i = ctx.country_code_of(c), None, c.start
    elif i in places_by_end and ctx.place_of(places_by_end[i]).sector is not None:
        # "White House spokesman", "Kremlin aide": the building's government.
        left.code, i = ctx.place_of(places_by_end[i]).code, places_by_end[i].start
    if i < start and (left.office or left.counterpart or left.code or left.has_title):
        left.start = i
    return left


def _posted_to(doc: Doc, i: int, countries_by_end: dict[int, Match], orgs_by_end: dict[int, Match]) -> bool:
    """Whether the country or body ending at token ``i`` follows a preposition of posting ("to the UN")."""
    match = countries_by_end.get(i) or orgs_by_end.get(i)
    if match is None:
        return False
    k = match.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in _POSTED_PREPOSITIONS


def office_words(ctx: Context, m: Match) -> tuple[str, str | None, int]:
    """(office, sector, first token) of an office match, widened over a portfolio for head words:
    "Justice Minister", "Army Chief"."""
    doc = ctx.doc
    entry = ctx.lex.offices[m.key]
    if entry.role != "head":
        return entry.office, entry.sector, m.start
    i = m.start
    sector = entry.sector
    named = {
        k for group in (ctx.countries, ctx.orgs, ctx.places) for x in group for k in range(x.start, x.end)
    }
    while (
        i > 0
        and m.start - i < 3
        and doc[i - 1].dep_ in ("compound", "amod")
        and (doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ"))
        and (i - 1) not in named
        and doc[i - 1].lower_ not in _NOT_PORTFOLIO
    ):
        i -= 1
    if i == m.start:
        return entry.office, entry.sector, m.start
    words = doc[i : m.end]
    modifier = norm(doc[i : m.start].text)
    if entry.office in _GENERIC_HEADS and modifier in ctx.lex.sectors:
        sector = ctx.lex.sectors[modifier][0]
    office = " ".join(w.text[:1].upper() + w.text[1:] for w in words)
    return office, sector, i


def read_right(
    ctx: Context, end: int, countries_by_start: dict[int, Match]
) -> tuple[str, str | None, str | None, int] | None:
    """An apposition after the name: ", the Russian foreign minister" -> (office, sector, code, end)."""
    doc = ctx.doc
    k = end
    if k + 1 < len(doc) and doc[k].lower_ == "of" and k + 1 in countries_by_start:
        # "Security Council president Antonio Monteiro of Portugal"
        c = countries_by_start[k + 1]
        return "", None, ctx.country_code_of(c), c.end
    if k >= len(doc) or doc[k].text != ",":
        return None
    k += 1
    if k < len(doc) and doc[k].lower_ in _DETERMINERS:
        k += 1
    code = None
    if k in countries_by_start:
        c = countries_by_start[k]
        code, k = ctx.country_code_of(c), c.end
        if k < len(doc) and doc[k].lower_ in _APOSTROPHE_S:
            k += 1
    best = None
    for m in ctx.offices:
        entry = ctx.lex.offices[m.key]
        if m.start == k and entry.role != "title" and (best is None or m.end > best.end):
            best = m
    if best is None:
        return None
    entry = ctx.lex.offices[best.key]
    return entry.office, entry.sector, code, best.end
