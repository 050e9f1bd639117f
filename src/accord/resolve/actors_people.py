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

``resolve_people`` is called by ``accord.resolve.actors.resolve_actors``, which owns the public API.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from accord.resolve.actors_lexicon import gazetteer_role, norm

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from accord.resolve.actors import ActorMention, _Context, _Match

__all__ = ["resolve_people"]

_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
_COUNTERPART = frozenset({"counterpart", "counterparts"})
_APOSTROPHE_S = frozenset({"'s", "\u2019s"})
_DETERMINERS = frozenset({"the", "a", "an"})
# Office head words whose modifier names the sector: "army chief" MIL, "police spokesman" COP.
# Words before an office that are not part of its name: "Outgoing UN chief", "former minister".
_NOT_PORTFOLIO = frozenset(
    {"the", "a", "an", "former", "outgoing", "incoming", "new", "then", "acting", "late", "ex"}
)
_GENERIC_HEADS = frozenset(
    {"Chief", "Leader", "Head", "Spokesman", "Spokeswoman", "Spokesperson", "Commander"}
)


@dataclass
class _Person:
    name: str
    code: str | None
    office: str | None
    sector: str | None
    not_code: str | None = None  # the other party of a counterpart: this person's country is not it
    mentions: list[int] = field(default_factory=list)  # indexes into the draft list

    @property
    def surname(self) -> str:
        return norm(self.name).split()[-1]


@dataclass
class _Draft:
    """A person mention before the article-wide country pass."""

    start: int
    end: int
    head: int
    person: _Person
    needs_context: bool = False  # office or title holder whose country may come from rule 5
    office_in_text: bool = False  # this mention itself states the office ("Defence Minister X")


@dataclass
class _Left:
    """What the words before a name say."""

    start: int
    office: str | None = None
    office_sector: str | None = None
    title_sector: str | None = None
    code: str | None = None
    code_sector: str | None = None
    counterpart: bool = False
    has_title: bool = False


def resolve_people(ctx: _Context, report_date: dt.date | None) -> tuple[list[ActorMention], set[int]]:
    """Person mentions of an article and the tokens they cover (see the module docstring).

    ``ctx`` carries the parsed doc and its lexicon matches; ``report_date`` restricts the
    gazetteer. E.g. "Russian President Vladimir Putin" gives one mention over all four words:
    name "Vladimir Putin", code RUS, office "President", sector GOV.
    """
    from accord.resolve.actors import _mention

    doc = ctx.doc
    offices_by_end = _by_end(ctx.offices, prefer_long=True)
    countries_by_end = {m.end: m for m in ctx.countries}
    countries_by_start = {m.start: m for m in ctx.countries}
    orgs_by_end = {m.end: m for m in ctx.orgs}
    blocked = {i for m in ctx.orgs for i in range(m.start, m.end)} | {
        i for m in ctx.countries for i in range(m.start, m.end)
    }
    names = _name_spans(ctx, offices_by_end, blocked)
    registry: list[_Person] = []
    drafts: list[_Draft] = []
    for start, end in names:
        left = _read_left(ctx, start, offices_by_end, countries_by_end, orgs_by_end)
        office, office_sector, code, code_sector = (
            left.office,
            left.office_sector,
            left.code,
            left.code_sector,
        )
        mention_end = end
        right = _read_right(ctx, end, countries_by_start)
        if right is not None and (office is None or (code is None and right[2] is not None)):
            right_office, right_sector, right_code, mention_end = right
            if office is None and right_office:
                office, office_sector = right_office, right_sector
            code = code or right_code
        name = doc[start:end].text
        person = _find(registry, name)
        antecedent = _antecedent(drafts, start) if left.counterpart else None
        if person is None:
            if left.counterpart and antecedent is not None and office is None:
                office, office_sector = antecedent.person.office, antecedent.person.sector
            sector = office_sector or left.title_sector
            if code_sector is not None:
                sector = code_sector if office_sector in (None, "GOV") else office_sector
            # The gazetteer waits for _fill_countries: a later "his Russian counterpart" is text,
            # and the text wins over the gazetteer.
            person = _Person(name=name, code=code, office=office, sector=sector)
            registry.append(person)
        else:
            person.office = person.office or office
            person.sector = person.sector or office_sector or left.title_sector
            person.code = person.code or code
        if left.counterpart and antecedent is not None and person.code is not None:
            if antecedent.person.code is None:
                antecedent.person.not_code = person.code
        drafts.append(
            _Draft(
                left.start,
                mention_end,
                end - 1,
                person,
                needs_context=bool(office or left.has_title),
                office_in_text=bool(left.office or office) and not left.counterpart,
            )
        )
    drafts.extend(_bare_offices(ctx, registry, drafts, offices_by_end, countries_by_end))
    _fill_countries(ctx, registry, drafts, report_date)
    mentions: list[ActorMention] = []
    consumed: set[int] = set()
    for d in sorted(drafts, key=lambda d: d.start):
        p = d.person
        if p.code is None or not consumed.isdisjoint(range(d.start, d.end)):
            continue
        mentions.append(
            _mention(
                doc,
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


def _by_end(matches: list[_Match], prefer_long: bool) -> dict[int, _Match]:
    out: dict[int, _Match] = {}
    for m in matches:
        current = out.get(m.end)
        if current is None or (m.start < current.start) == prefer_long:
            out[m.end] = m
    return out


def _name_spans(ctx: _Context, offices_by_end: dict[int, _Match], blocked: set[int]) -> list[tuple[int, int]]:
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
        while end < len(doc) and end - m.end < 4 and _is_name_token(doc, end) and end not in blocked:
            end += 1
        if end > m.end and not covered.intersection(range(m.end, end)):
            spans.append((m.end, end))
            covered.update(range(m.end, end))
    return sorted(set(spans))


def _is_name_token(doc: Doc, i: int) -> bool:
    token = doc[i]
    return (
        token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in ("GPE", "NORP", "DATE")
    )


def _read_left(
    ctx: _Context,
    start: int,
    offices_by_end: dict[int, _Match],
    countries_by_end: dict[int, _Match],
    orgs_by_end: dict[int, _Match],
) -> _Left:
    doc = ctx.doc
    places_by_end = {m.end: m for m in ctx.places}
    lex = ctx.lex
    left = _Left(start=start)
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
            or doc[i - 2].lower_ in _COUNTERPART
        )
    ):
        i -= 1
    office_match = offices_by_end.get(i)
    if office_match is not None and lex.offices[office_match.key].role != "title":
        left.office, left.office_sector, i = _office_words(ctx, office_match)
        left.code = lex.offices[office_match.key].code
    elif i >= 1 and doc[i - 1].lower_ in _COUNTERPART:
        left.counterpart = True
        i -= 1
    # Nationality: "Russian", "Russia's", "UN".
    if i >= 2 and doc[i - 1].lower_ in _APOSTROPHE_S and (i - 1) in countries_by_end:
        c = countries_by_end[i - 1]
        left.code, i = ctx.country_code_of(c), c.start
    elif i in countries_by_end:
        c = countries_by_end[i]
        left.code, i = ctx.country_code_of(c), c.start
    elif i in orgs_by_end and lex.orgs[orgs_by_end[i].key].sector in ("IGO", "NGO"):
        org = lex.orgs[orgs_by_end[i].key]
        left.code, left.code_sector, i = org.code, org.sector, orgs_by_end[i].start
    elif i in places_by_end and ctx.place_of(places_by_end[i]).sector is not None:
        # "White House spokesman", "Kremlin aide": the building's government.
        left.code, i = ctx.place_of(places_by_end[i]).code, places_by_end[i].start
    if i < start and (left.office or left.counterpart or left.code or left.has_title):
        left.start = i
    return left


def _office_words(ctx: _Context, m: _Match) -> tuple[str, str | None, int]:
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
        and (doc[i - 1].pos_ in ("NOUN", "PROPN") or (doc[i - 1].pos_ == "ADJ" and doc[i - 1].is_title))
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


def _read_right(
    ctx: _Context, end: int, countries_by_start: dict[int, _Match]
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


def _find(registry: list[_Person], name: str) -> _Person | None:
    """The person introduced earlier under this full name, or whose surname this name ends with."""
    key = norm(name)
    for person in reversed(registry):
        if norm(person.name) == key:
            return person
    last = key.split()[-1]
    for person in reversed(registry):
        if person.surname == last and (len(key.split()) == 1 or key.split()[0] in norm(person.name).split()):
            return person
    return None


def _antecedent(drafts: list[_Draft], start: int) -> _Draft | None:
    """The person whose counterpart this is: the latest person mentioned before ``start``."""
    earlier = [d for d in drafts if d.end <= start]
    return earlier[-1] if earlier else None


def _bare_offices(
    ctx: _Context,
    registry: list[_Person],
    drafts: list[_Draft],
    offices_by_end: dict[int, _Match],
    countries_by_end: dict[int, _Match],
) -> list[_Draft]:
    """Offices without a name ("the Defence Minister said", "the minister") and nameless
    counterparts ("His Russian counterpart said"), resolved to people introduced earlier."""
    doc = ctx.doc
    taken = {i for d in drafts for i in range(d.start, d.end)}
    out: list[_Draft] = []
    for end, m in sorted(offices_by_end.items()):
        entry = ctx.lex.offices[m.key]
        if entry.role == "title" or not taken.isdisjoint(range(m.start, m.end)):
            continue
        last = doc[end - 1]
        if last.tag_ in ("NNS", "NNPS") or (end < len(doc) and _is_name_token(doc, end)):
            continue
        office, _, first = _office_words(ctx, m)
        start = first
        code = None
        if start in countries_by_end:
            c = countries_by_end[start]
            code, start = ctx.country_code_of(c), c.start
        if start == 0 or doc[start - 1].lower_ != "the":
            continue
        person = _latest_with_office(registry, drafts, out, start, office, code)
        if person is not None:
            out.append(_Draft(start, end, end - 1, person, office_in_text=True))
            taken.update(range(start, end))
    for token in doc:
        if token.lower_ not in _COUNTERPART or token.i in taken or token.tag_ == "NNS":
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
                out.append(_Draft(start, token.i + 1, token.i, person))
                break
    return out


def _latest_with_office(
    registry: list[_Person],
    drafts: list[_Draft],
    extra: list[_Draft],
    before: int,
    office: str,
    code: str | None,
) -> _Person | None:
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
    ctx: _Context, registry: list[_Person], drafts: list[_Draft], report_date: dt.date | None
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
