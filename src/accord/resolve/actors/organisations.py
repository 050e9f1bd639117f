"""Organisations: lexicon entries, companies and commissions named after countries, and acronyms.

Lexicon organisations come from ``data/organisations.tsv`` (UN -> UNO/IGO, NATO -> NAT/IGO, Taliban
-> AFG/REB, Islamic State -> IMG/REB). A capitalised name that starts with country words is a joint
venture ("Indo-Russia Rifles Pvt Ltd" -> BUS, coded with the first country named) or an
intergovernmental commission ("India-Russia Inter-Governmental Commission ..." -> code IGO, sector
IGO). An acronym in brackets after such a name is linked to it: later uses of the acronym get the
full name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.resolve.actors.context import Context
from accord.resolve.actors.matching import Match

if TYPE_CHECKING:
    from accord.records import ActorMention

__all__ = ["resolve_organisations"]

_BUSINESS_WORDS = frozenset(
    "ltd ltd. limited pvt pvt. private inc inc. corp corp. corporation co co. company llc plc jsc gmbh ag sa "
    "holdings industries enterprises rifles systems technologies motors airlines bank".split()
)
_IGO_WORDS = frozenset(
    "commission committee council forum organisation organization dialogue summit group partnership".split()
)
_INTERGOVERNMENTAL_WORDS = frozenset({"inter-governmental", "intergovernmental", "joint", "bilateral"})
_NAME_LINKS = frozenset({"on", "of", "for", "and", "&", "-", "the"})


@dataclass(frozen=True)
class _Acronym:
    """An acronym in brackets after a name ("(IRIGC)") and the characters it covers there."""

    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class _NamedOrganisation:
    end: int  # token after the name
    code: str
    sector: str
    acronym: _Acronym | None


def resolve_organisations(ctx: Context) -> tuple[list[ActorMention], set[int]]:
    """Organisation mentions of an article and the tokens the lexicon's organisations cover.

    Country-named organisations do not add to the covered tokens: their country words stay mentions
    of their own ("Indo-Russia Rifles Pvt Ltd" gives the company, IND and RUS).
    """
    doc = ctx.doc
    mentions: list[ActorMention] = []
    consumed: set[int] = set()
    for m in ctx.orgs:
        org = ctx.lex.orgs[m.key]
        span = doc[m.start : m.end]
        mentions.append(
            ctx.mention(
                m.start, m.end, span.root.i, name=org.name, code=org.code, kind=org.kind, sector=org.sector
            )
        )
        consumed.update(range(m.start, m.end))
    defined: dict[str, tuple[str, str, str | None, _Acronym]] = {}
    in_run: set[int] = set()
    for m in ctx.countries:
        if m.start in in_run or m.start in consumed:
            continue
        found = _named_organisation(ctx, m)
        if found is None:
            continue
        in_run.update(range(m.start, found.end))
        span = doc[m.start : found.end]
        mentions.append(
            ctx.mention(
                m.start,
                found.end,
                span.root.i,
                name=span.text,
                code=found.code,
                kind="organization",
                sector=found.sector,
            )
        )
        if found.acronym is not None:
            defined[found.acronym.text] = (span.text, found.code, found.sector, found.acronym)
    for name, code, sector, acronym in defined.values():
        mentions.extend(_acronym_uses(ctx, acronym, name, code, sector))
    return mentions, consumed


def _named_organisation(ctx: Context, first: Match) -> _NamedOrganisation | None:
    """A capitalised name that starts with a country word: "Indo-Russia Rifles Pvt Ltd." (BUS,
    coded with the first country named) or "India-Russia Inter-Governmental Commission on ..."
    (code IGO); None when the words after the country name no company or commission."""
    doc = ctx.doc
    i = first.end
    countries = [ctx.country_code_of(first)]
    words: list[str] = []
    last_word_end = first.end
    while i < len(doc):
        token = doc[i]
        low = token.lower_
        if token.text == "-" and not doc[i - 1].whitespace_:
            i += 1
            continue
        if token.is_title or token.is_upper or token.text[:1].isupper():
            nxt = next((c for c in ctx.countries if c.start == i), None)
            if nxt is not None and not words:
                countries.append(ctx.country_code_of(nxt))
                i = nxt.end
                last_word_end = i
                continue
            words.append(low)
            i += 1
            last_word_end = i
            continue
        if low in _NAME_LINKS and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
            i += 1
            continue
        break
    if not words:
        return None
    end = last_word_end
    word_set = set(words)
    if word_set & _BUSINESS_WORDS:
        code, sector = countries[0], "BUS"
    elif word_set & _IGO_WORDS and (word_set & _INTERGOVERNMENTAL_WORDS or len(set(countries)) > 1):
        code, sector = "IGO", "IGO"
    elif (word_set & {"governmental"}) and word_set & _IGO_WORDS:
        code, sector = "IGO", "IGO"
    else:
        return None
    return _NamedOrganisation(end, code, sector, _acronym_after(ctx, end))


def _acronym_after(ctx: Context, end: int) -> _Acronym | None:
    """An all-capitals acronym in brackets right after a name ("... Commission (IRIGC)")."""
    doc = ctx.doc
    if end + 2 < len(doc) and doc[end].text == "(":
        close = next((k for k in range(end + 1, min(end + 8, len(doc))) if doc[k].text == ")"), None)
        if close is not None and close > end + 1:
            inner = doc[end + 1 : close]
            if inner.text.replace("-", "").replace("&", "").replace(" ", "").isupper():
                return _Acronym(inner.text, inner.start_char, inner.end_char)
    return None


def _acronym_uses(
    ctx: Context, acronym: _Acronym, name: str, code: str, sector: str | None
) -> list[ActorMention]:
    """Later uses of an acronym defined in brackets, each given the full name."""
    doc = ctx.doc
    mentions: list[ActorMention] = []
    text = doc.text
    at = text.find(acronym.text)
    while at != -1:
        end = at + len(acronym.text)
        boundary = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        if boundary and not (acronym.start_char <= at < acronym.end_char):
            span = doc.char_span(at, end, alignment_mode="expand")
            if span is not None:
                mentions.append(
                    ctx.mention(
                        span.start,
                        span.end,
                        span.root.i,
                        name=name,
                        code=code,
                        kind="organization",
                        sector=sector,
                    )
                )
        at = text.find(acronym.text, end)
    return mentions
