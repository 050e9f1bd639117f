"""People in an article: their office, sector and country, carried from mention to mention.

A person is a name (spaCy's PERSON entities, or a capitalised name right after an office or title:
"PM Modi", "Mr Shoigu") with the words around it:

- before the name: titles ("Gen", "Mr"; a rank is a title, not an office), an office ("Defence
  Minister", "Prime Minister", "External Affairs Minister"), a nationality ("Russian", "Russia's",
  "UN"), or "his/her <nationality> counterpart";
- after it: an apposition (", the Russian foreign minister").

**Country rule**, first that applies:
1. the nationality word in the mention ("Russian President Vladimir Putin" -> RUS; "UN
   Secretary-General Kofi Annan" -> UNO, sector IGO);
2. the person introduced earlier in the article under the same name or surname;
3. the other party of a counterpart: in "Defence Minister Rajnath Singh and his Russian counterpart",
   Singh's country is the article's most-mentioned country other than Russia;
4. the people gazetteer (``data/people.tsv``, from the Phoenix dictionaries), only for roles valid
   on ``report_date`` (without a date: roles still open);
5. for office or title holders only: the dateline's country, else the nearest country named earlier
   in the same sentence, else the article's most-mentioned country.
A name with no office, no title and no country from rules 1-4 is not reported.

**Carrying people through the article**: "the Defence Minister", "the minister" (the latest person
with that office or head word), "President Putin", "Putin", "Mr Shoigu" (surname) and "his Russian
counterpart" (same office as the antecedent, that nationality) resolve to the person introduced
earlier: same code, office and sector, ``name`` the full name as first introduced. Pronouns (he,
she) are out of scope, except in "his/her ... counterpart".

The words around each name are read by ``accord.resolve.actors.person_words``; this module keeps
the people of the article and settles their countries. ``resolve_people`` is called by
``accord.resolve.actors.resolution``, which owns the public API.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.resolve.actors.context import Context
from accord.resolve.actors.descriptors import Owners, describe_after, describe_before
from accord.resolve.actors.lexicon import gazetteer_role, norm
from accord.resolve.actors.matching import Match
from accord.resolve.actors.person_registry import (
    Draft,
    Person,
    find_person,
    later_name_tokens,
    link_partial_names,
)
from accord.resolve.actors.person_words import (
    COUNTERPART,
    is_name_token,
    name_spans,
    office_words,
    read_left,
    read_right,
)

if TYPE_CHECKING:
    from accord.records import ActorMention

__all__ = ["resolve_people"]

_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})


@dataclass(frozen=True)
class _Lookups:
    """The article's matches by the token where they end or start, as the word readers want them."""

    offices_by_end: dict[int, Match]
    countries_by_end: dict[int, Match]
    countries_by_start: dict[int, Match]
    orgs_by_end: dict[int, Match]
    owners: Owners


def resolve_people(ctx: Context, report_date: dt.date | None) -> tuple[list[ActorMention], set[int]]:
    """Person mentions of an article and the tokens they cover (see the module docstring).

    ``ctx`` carries the parsed doc and its lexicon matches; ``report_date`` restricts the
    gazetteer. E.g. "Russian President Vladimir Putin" gives one mention over all four words:
    name "Vladimir Putin", code RUS, office "President", sector GOV.
    """
    at = _Lookups(
        offices_by_end=_by_end(ctx.offices, prefer_long=True),
        countries_by_end={m.end: m for m in ctx.countries},
        countries_by_start={m.start: m for m in ctx.countries},
        orgs_by_end={m.end: m for m in ctx.orgs},
        owners=Owners.of(ctx),
    )
    blocked = {i for m in ctx.orgs for i in range(m.start, m.end)} | {
        i for m in ctx.countries for i in range(m.start, m.end)
    }
    registry: list[Person] = []
    drafts: list[Draft] = []
    for start, end in name_spans(ctx, at.offices_by_end, blocked):
        drafts.append(_named(ctx, start, end, registry, drafts, at))
    drafts.extend(_bare_offices(ctx, registry, drafts, at.offices_by_end, at.countries_by_end))
    link_partial_names(registry)
    taken = blocked | {i for d in drafts for i in range(d.start, d.end)}
    drafts.extend(Draft(i, i + 1, i, person) for i, person in later_name_tokens(ctx.doc, registry, taken))
    _fill_countries(ctx, registry, drafts, report_date)
    return _mentions(ctx, drafts)


def _by_end(matches: Sequence[Match], prefer_long: bool) -> dict[int, Match]:
    """The match ending at each token; of two, the longer (``prefer_long``) or the shorter."""
    out: dict[int, Match] = {}
    for m in matches:
        current = out.get(m.end)
        if current is None or (m.start < current.start) == prefer_long:
            out[m.end] = m
    return out


def _named(
    ctx: Context, start: int, end: int, registry: list[Person], drafts: list[Draft], at: _Lookups
) -> Draft:
    """The draft mention of the name at tokens ``start``-``end``, with the words around it (rules 1-3);
    a person new to ``registry`` is added to it, a known one completed."""
    left = read_left(ctx, start, at.offices_by_end, at.countries_by_end, at.orgs_by_end)
    office, office_sector, code, code_sector = (
        left.office,
        left.office_sector,
        left.code,
        left.code_sector,
    )
    mention_end = end
    right = read_right(ctx, end, at.countries_by_start)
    if right is not None and (office is None or (code is None and right[2] is not None)):
        right_office, right_sector, right_code, mention_end = right
        if office is None and right_office:
            office, office_sector = right_office, right_sector
        code = code or right_code
    described = False
    if code is None:
        # A longer descriptor: "Iran's ambassador to the IAEA Ali Soltanieh", "X, UN envoy on Kosovo".
        descriptor = describe_before(ctx, at.owners, start) or describe_after(ctx, at.owners, end)
        if descriptor is not None:
            described = True
            code = descriptor.code
            if descriptor.sector is not None:
                code_sector = descriptor.sector
            if office is None and descriptor.office is not None:
                office, office_sector, _ = office_words(ctx, descriptor.office)
    name = ctx.doc[start:end].text
    person = find_person(registry, name)
    antecedent = _antecedent(drafts, start) if left.counterpart else None
    if person is None:
        if left.counterpart and antecedent is not None and office is None:
            office, office_sector = antecedent.person.office, antecedent.person.sector
        sector = office_sector or left.title_sector
        if code_sector is not None:
            sector = code_sector if office_sector in (None, "GOV") else office_sector
        # The gazetteer waits for _fill_countries: a later "his Russian counterpart" is text,
        # and the text wins over the gazetteer.
        person = Person(name=name, code=code, office=office, sector=sector)
        registry.append(person)
    else:
        person.office = person.office or office
        person.sector = person.sector or office_sector or left.title_sector
        person.code = person.code or code
    if left.counterpart and antecedent is not None and person.code is not None:
        if antecedent.person.code is None:
            antecedent.person.not_code = person.code
    return Draft(
        left.start,
        mention_end,
        end - 1,
        person,
        needs_context=bool(office or left.has_title or described),
        office_in_text=bool(left.office or office) and not left.counterpart,
    )


def _mentions(ctx: Context, drafts: list[Draft]) -> tuple[list[ActorMention], set[int]]:
    """One mention per draft whose person has a country, earlier drafts first, none overlapping."""
    mentions: list[ActorMention] = []
    consumed: set[int] = set()
    for d in sorted(drafts, key=lambda d: d.start):
        p = d.person
        if p.code is None or not consumed.isdisjoint(range(d.start, d.end)):
            continue
        mentions.append(
            ctx.mention(
                d.start,
                d.end,
                d.head,
                name=p.name,
                code=p.code,
                kind="person",
                sector=p.sector,
                office=p.office,
            )
        )
        consumed.update(range(d.start, d.end))
    return mentions, consumed


def _antecedent(drafts: list[Draft], start: int) -> Draft | None:
    """The person whose counterpart this is: the latest person mentioned before ``start``."""
    earlier = [d for d in drafts if d.end <= start]
    return earlier[-1] if earlier else None


def _bare_offices(
    ctx: Context,
    registry: list[Person],
    drafts: list[Draft],
    offices_by_end: dict[int, Match],
    countries_by_end: dict[int, Match],
) -> list[Draft]:
    """Offices without a name ("the Defence Minister said", "the minister") and nameless
    counterparts ("His Russian counterpart said"), resolved to people introduced earlier."""
    doc = ctx.doc
    taken = {i for d in drafts for i in range(d.start, d.end)}
    out: list[Draft] = []
    for end, m in sorted(offices_by_end.items()):
        entry = ctx.lex.offices[m.key]
        if entry.role == "title" or not taken.isdisjoint(range(m.start, m.end)):
            continue
        last = doc[end - 1]
        if last.tag_ in ("NNS", "NNPS") or (end < len(doc) and is_name_token(doc, end)):
            continue
        office, _, first = office_words(ctx, m)
        start = first
        code = None
        if start in countries_by_end:
            c = countries_by_end[start]
            code, start = ctx.country_code_of(c), c.start
        if start == 0 or doc[start - 1].lower_ != "the":
            continue
        person = _latest_with_office(registry, drafts, out, start, office, code)
        if person is not None:
            out.append(Draft(start, end, end - 1, person, office_in_text=True))
            taken.update(range(start, end))
    for token in doc:
        if token.lower_ not in COUNTERPART or token.i in taken or token.tag_ == "NNS":
            continue
        start = token.i
        code = None
        if start in countries_by_end:
            c = countries_by_end[start]
            code, start = ctx.country_code_of(c), c.start
        if start == 0 or doc[start - 1].lower_ not in _POSSESSIVE_PRONOUNS or code is None:
            continue
        # The antecedent is the latest person of another country: "Singh met Shoigu. ... his
        # Russian counterpart" is Singh's counterpart, not Shoigu's.
        earlier = [
            d for d in sorted(drafts + out, key=lambda d: d.start) if d.end <= start and d.person.code != code
        ]
        antecedent = earlier[-1] if earlier else None
        if antecedent is None:
            continue
        for person in reversed(registry):
            if (
                person.code == code
                and person.office == antecedent.person.office
                and person is not antecedent.person
            ):
                out.append(Draft(start, token.i + 1, token.i, person))
                break
    return out


def _latest_with_office(
    registry: list[Person],
    drafts: list[Draft],
    extra: list[Draft],
    before: int,
    office: str,
    code: str | None,
) -> Person | None:
    wanted = norm(office)
    head = wanted.split()[-1]
    for d in sorted(drafts + extra, key=lambda d: d.start, reverse=True):
        p = d.person
        # Only mentions that state the office: "the Defence Minister" is the one introduced as
        # such, not his counterpart who inherited the title.
        if d.start >= before or p.office is None or not d.office_in_text:
            continue
        if code is not None and p.code is not None and p.code != code:
            continue
        have = norm(p.office)
        if have == wanted or (wanted == head and have.split()[-1] == head):
            return p
    return None


def _fill_countries(
    ctx: Context, registry: list[Person], drafts: list[Draft], report_date: dt.date | None
) -> None:
    """Rules 3-5 of the module docstring, for people whose mention gave no country."""
    counts = ctx.country_counts
    for person in registry:
        if person.code is not None:
            continue
        if person.not_code is not None:
            others = [(n, code) for code, n in counts.items() if code != person.not_code]
            if others:
                person.code = max(others)[1]
                continue
        role = gazetteer_role(person.name, report_date)
        if role is not None:
            person.code = role.code
            person.sector = person.sector or role.sector
    for d in drafts:
        person = d.person
        if person.code is not None or not d.needs_context:
            continue
        if ctx.dateline is not None:
            person.code = ctx.dateline
            continue
        sentence_start = ctx.doc[d.start].sent.start
        before = [c for c in ctx.countries if sentence_start <= c.start < d.start]
        if before:
            person.code = ctx.country_code_of(before[-1])
        elif counts:
            person.code = counts.most_common(1)[0][0]
