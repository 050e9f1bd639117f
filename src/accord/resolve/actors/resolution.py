"""The actor stage's entry points: one pass over a parsed article gives its actors and its places.

``resolve_actors_and_places(doc, report_date, dateline)`` builds the shared ``Context`` once and
runs every resolver over it, in the order that settles overlaps: organisations, people, country
groups, metonyms, countries, bare sector nouns. ``resolve_actors`` and ``resolve_locations`` are
the same, for callers that want one half.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.records import ActorMention, Location
from accord.resolve.actors.context import Context, build_context
from accord.resolve.actors.dateline import dateline_location
from accord.resolve.actors.groups import bare_sectors, country_groups, metonyms
from accord.resolve.actors.organisations import resolve_organisations
from accord.resolve.actors.people import resolve_people
from accord.resolve.actors.places import is_located

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorResolution", "resolve_actors", "resolve_actors_and_places", "resolve_locations"]


@dataclass(frozen=True)
class ActorResolution:
    """What the actor stage found in one article.

    ``mentions``: every actor mention, coded, in text order (see ``resolve_actors``);
    ``locations``: the places named in the text (see ``resolve_locations``); ``dateline``: where the
    report was filed when the input gives a dateline outside the text (``dateline_location``).
    """

    mentions: tuple[ActorMention, ...]
    locations: tuple[Location, ...]
    dateline: Location | None


def resolve_actors_and_places(
    doc: Doc, report_date: dt.date | None = None, dateline: str | None = None
) -> ActorResolution:
    """The actors and places of a parsed article, from one matching pass.

    ``doc`` is the whole article parsed by a spaCy English pipeline with tagger, parser and NER;
    ``report_date`` restricts the people gazetteer to the roles held on that day; ``dateline`` is the
    place a wire report was filed from, when the input gives it outside the text ("BEIRUT",
    "LEGASPI, Philippines"). Raises ``DataFileError`` if a shipped actor table is malformed.

    >>> found = resolve_actors_and_places(nlp("Indian troops arrived in Moscow."), None, "NEW DELHI")  # doctest: +SKIP
    >>> [m.entity.code for m in found.mentions], [l.name for l in found.locations], found.dateline.name  # doctest: +SKIP
    (['IND'], ['Moscow'], 'New Delhi')
    """
    filed = dateline_location(dateline)
    ctx = build_context(doc, filed)
    return ActorResolution(
        mentions=tuple(_actor_mentions(ctx, report_date)),
        locations=tuple(_locations(ctx)),
        dateline=filed,
    )


def resolve_actors(
    doc: Doc, report_date: dt.date | None = None, dateline: str | None = None
) -> list[ActorMention]:
    """Every actor mention in a parsed article, coded, in text order.

    ``doc`` is the whole article parsed by a spaCy English pipeline with tagger, parser and NER;
    ``report_date`` restricts the people gazetteer to the roles held on that day; ``dateline`` (the
    place a wire report was filed from, when given outside the text) places office holders and bare
    sector nouns ("police said") that the text leaves unplaced. Returns mentions
    whose ``entity.start``/``end`` point at the exact words in ``doc.text``.

    >>> [m.entity.code for m in resolve_actors(nlp("Indian troops met Russian President Vladimir Putin."))]  # doctest: +SKIP
    ['IND', 'RUS']
    """
    return _actor_mentions(build_context(doc, dateline_location(dateline)), report_date)


def resolve_locations(doc: Doc, dateline: str | None = None) -> list[Location]:
    """Places named in a parsed article, with their country: capitals, cities, regions, and country
    names after a locative preposition ("in Russia", "to India"). Buildings used as metonyms
    ("the Kremlin") count as places too. Cities carry GeoNames coordinates; countries none.

    >>> [(l.name, l.country_code) for l in resolve_locations(nlp("Talks opened in New Delhi."))]  # doctest: +SKIP
    [('New Delhi', 'IND')]
    """
    return _locations(build_context(doc, dateline_location(dateline)))


def _actor_mentions(ctx: Context, report_date: dt.date | None) -> list[ActorMention]:
    """Every resolver in turn, each leaving alone the tokens that earlier ones took."""
    orgs, org_tokens = resolve_organisations(ctx)
    people, person_tokens = resolve_people(ctx, report_date)
    taken = org_tokens | person_tokens
    groups, group_tokens = country_groups(ctx, taken)
    taken |= group_tokens
    buildings, metonym_tokens = metonyms(ctx, taken)
    taken |= metonym_tokens
    countries = _countries(ctx, taken)
    bare = bare_sectors(
        ctx,
        taken | {i for m in countries for i in range(m.token_start, m.token_end)},
        orgs + people + groups + buildings,
    )
    mentions = orgs + people + groups + buildings + countries + bare
    return sorted(mentions, key=lambda m: (m.entity.start, -m.entity.end))


def _countries(ctx: Context, taken: set[int]) -> list[ActorMention]:
    """Country words that no earlier resolver took, each a country mention of its own."""
    countries: list[ActorMention] = []
    for c in ctx.countries:
        if not taken.isdisjoint(range(c.start, c.end)):
            continue
        code = ctx.country_code_of(c)
        name = ctx.lex.country_names.get(code, code)
        countries.append(ctx.mention(c.start, c.end, c.end - 1, name=name, code=code, kind="country"))
    return countries


def _locations(ctx: Context) -> list[Location]:
    """Place matches outside organisation names, then country names used as places, by position."""
    doc = ctx.doc
    org_tokens = {i for m in ctx.orgs for i in range(m.start, m.end)}
    found: list[Location] = []
    place_tokens: set[int] = set()
    for m in ctx.places:
        if not org_tokens.isdisjoint(range(m.start, m.end)):
            continue
        place = ctx.place_of(m)
        span = doc[m.start : m.end]
        found.append(Location(place.name, place.code, span.start_char, span.end_char, place.lat, place.lon))
        place_tokens.update(range(m.start, m.end))
    for c in ctx.countries:
        form = ctx.lex.countries[c.key]
        if form.form not in ("name", "historic") or not place_tokens.isdisjoint(range(c.start, c.end)):
            continue
        if not is_located(doc[c.end - 1]):
            continue
        span = doc[c.start : c.end]
        found.append(
            Location(
                ctx.lex.country_names.get(form.code, span.text), form.code, span.start_char, span.end_char
            )
        )
    return sorted(found, key=lambda loc: loc.start or 0)
