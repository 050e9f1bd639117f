"""Whom a named person serves, read from the noun phrase that describes them.

Wire reports introduce a person with a descriptor just before or just after the name:

- "Iran's ambassador to the UN watchdog IAEA Ali Asghar Soltanieh"
- "US Assistant Secretary of State for South and Central Asian Affairs Richard Boucher"
- "the leader of the Islamic Resistance Movement (Hamas) Khaled Meshaal"
- "Martti Ahtisaari, UN envoy on Kosovo future status, said"
- "Salva Kiir Mayardit, Sudanese First-Vice President and President of ..."

A descriptor is a run of words that can describe a person: capitalised words, office words,
nationalities, organisations, possessives and the prepositions inside titles. It must hold an office
word. Its *owner* (the state or body the person serves) is the first nationality or organisation in it
that is not the object of a preposition of posting or topic ("to the UN", "on Kosovo", "for Central
Asian Affairs"); "of" names the owner ("leader of Hamas", "President of Russia").

``accord.resolve.actors.people`` asks for a descriptor only when the words right beside the name
(``person_words``) gave no country.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.resolve.actors.context import Context
from accord.resolve.actors.matching import Match

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Descriptor", "Owners", "describe_after", "describe_before"]

# Prepositions after which a country or body is where the person is posted, or what they deal with.
_POSTING = frozenset({"to", "on", "for", "in", "at", "with", "toward", "towards", "against", "over", "from"})
_CONNECTORS = frozenset({"of", "and", "&", "the", "-", "(", ")", "'s", "\u2019s"}) | _POSTING
_MODIFIERS = frozenset(
    {"former", "deputy", "senior", "top", "acting", "vice", "first", "chief", "assistant", "special", "then"}
)
# Lower-case nouns that describe a person's post but are not offices in the table.
_POST_NOUNS = frozenset(
    {
        "official",
        "officials",
        "delegate",
        "representative",
        "negotiator",
        "adviser",
        "advisor",
        "aide",
        "director",
        "chairman",
        "commander",
        "head",
        "envoy",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "secretary",
        "minister",
        "president",
        "premier",
        "chief",
        "governor",
        "mediator",
        "commissioner",
        "consul",
        "general",
        "watchdog",
        "agency",
        "authority",
    }
)
_MAX_WORDS = 16


@dataclass(frozen=True)
class Descriptor:
    """What a descriptor says: the owner's code and sector (None when it names no owner), the office
    it names before any posting ("ambassador" in "Iran's ambassador to the IAEA"), and its token
    span (``end`` exclusive)."""

    code: str | None
    sector: str | None
    start: int
    end: int
    office: Match | None = None


@dataclass(frozen=True)
class Owners:
    """The article's owner-like matches by their first token: countries (with the code), bodies
    (code and sector) and places that stand for a government ("White House")."""

    by_start: dict[int, tuple[Match, str, str | None]]
    offices: frozenset[int]
    office_matches: tuple[Match, ...]

    @classmethod
    def of(cls, ctx: Context) -> Owners:
        found: dict[int, tuple[Match, str, str | None]] = {}
        for m in ctx.countries:
            found[m.start] = (m, ctx.country_code_of(m), None)
        for m in ctx.orgs:
            org = ctx.lex.orgs[m.key]
            found[m.start] = (m, org.code, org.sector)
        for m in ctx.places:
            place = ctx.place_of(m)
            if place.sector is not None:
                found.setdefault(m.start, (m, place.code, place.sector))
        posts = tuple(m for m in ctx.offices if ctx.lex.offices[m.key].role != "title")
        offices = frozenset(i for m in ctx.offices for i in range(m.start, m.end))
        return cls(found, offices, posts)


def describe_before(ctx: Context, owners: Owners, name_start: int) -> Descriptor | None:
    """The descriptor that ends right before the name starting at token ``name_start``."""
    doc = ctx.doc
    i = name_start
    while i > 0 and name_start - i < _MAX_WORDS:
        token = doc[i - 1]
        if not _describes(token, owners) or token.ent_type_ == "PERSON":
            break
        i -= 1
        if token.is_sent_start:
            break
    return _read(ctx, owners, _trim(ctx, i, name_start))


def describe_after(ctx: Context, owners: Owners, name_end: int) -> Descriptor | None:
    """The apposition after the name ending at token ``name_end``: ", UN envoy on Kosovo, ..."."""
    doc = ctx.doc
    if name_end >= len(doc) or doc[name_end].text != ",":
        return None
    start = name_end + 1
    end = start
    while end < len(doc) and end - start < _MAX_WORDS:
        token = doc[end]
        if not _describes(token, owners) or token.is_sent_start or token.ent_type_ == "PERSON":
            break
        end += 1
    return _read(ctx, owners, _trim(ctx, start, end))


def _describes(token: Token, owners: Owners) -> bool:
    """Whether a word can belong to a descriptor."""
    word = token.lower_
    if token.i in owners.offices or word in _CONNECTORS or word in _MODIFIERS or word in _POST_NOUNS:
        return True
    if any(m.start <= token.i < m.end for m, _, _ in owners.by_start.values()):
        return True
    if token.is_punct or token.like_num or token.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP", "CCONJ"):
        return False
    # "foreign policy chief": a lower-case modifier of a word to its right is part of the phrase.
    modifies = token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i
    return token.is_title or token.is_upper or modifies


def _trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """A run without connectors at either end ("the", "and", "of", a lone parenthesis)."""
    doc = ctx.doc
    while start < end and doc[start].lower_ in _CONNECTORS:
        start += 1
    while end > start and doc[end - 1].lower_ in _CONNECTORS - {")"}:
        end -= 1
    return start, end


def _read(ctx: Context, owners: Owners, span: tuple[int, int]) -> Descriptor | None:
    """The owner of the run ``span``, if the run holds an office word (else it describes no post)."""
    start, end = span
    doc = ctx.doc
    if end - start < 1 or not any(
        i in owners.offices or doc[i].lower_ in _POST_NOUNS for i in range(start, end)
    ):
        return None
    posted_at = next((i for i in range(start, end) if doc[i].lower_ in _POSTING), end)
    office = max(
        (m for m in owners.office_matches if start <= m.start and m.end <= posted_at),
        key=lambda m: (m.end, m.end - m.start),
        default=None,
    )
    posting = False
    i = start
    while i < end:
        word = doc[i].lower_
        if word in _POSTING:
            posting = True
        elif word == "of":
            posting = False
        found = owners.by_start.get(i)
        if found is not None and not posting and found[0].end <= end:
            _, code, sector = found
            return Descriptor(code, sector, start, end, office)
        i = found[0].end if found is not None else i + 1
    return Descriptor(None, None, start, end, office)
