"""What the actor and place resolvers share about one article, built once per parsed doc.

``build_context(doc, filed)`` runs the one phrase-matcher pass, finds the places that need context,
settles overlaps between countries, places and organisations, chooses among namesakes and reads
the home country from the dateline. Every resolver (organisations, people, groups, locations) reads
the resulting ``Context`` and none changes it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.records import ActorMention, Entity, EntityKind, Location
from accord.resolve.actors.dateline import dateline_country
from accord.resolve.actors.lexicon import Lexicon, PlaceEntry, lexicon
from accord.resolve.actors.matching import COUNTRY, OFFICE, ORG, PLACE, SECTOR, Match, find_matches, longest
from accord.resolve.actors.namesakes import choose_places, states_named_like_countries
from accord.resolve.actors.places import contextual_places

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Context", "build_context"]


@dataclass(frozen=True)
class Context:
    """The matches of one article, by table, with what was settled about them.

    ``countries``, ``places`` and ``orgs`` do not overlap within a table; ``sectors`` and
    ``offices`` may ("defence ministry" and "ministry" both count). ``dateline`` is the home
    country's code; ``chosen`` maps a place match's start token to the place it names.
    """

    doc: Doc
    lex: Lexicon
    countries: tuple[Match, ...]
    places: tuple[Match, ...]
    orgs: tuple[Match, ...]
    sectors: tuple[Match, ...]
    offices: tuple[Match, ...]
    dateline: str | None
    country_counts: Counter[str]
    chosen: dict[int, PlaceEntry]

    def country_code_of(self, m: Match) -> str:
        """The code of a country match."""
        return self.lex.countries[m.key].code

    def place_of(self, m: Match) -> PlaceEntry:
        """The place a place match names."""
        return self.chosen[m.start]

    def mention(
        self,
        start: int,
        end: int,
        head: int,
        *,
        name: str,
        code: str,
        kind: EntityKind,
        sector: str | None = None,
        office: str | None = None,
    ) -> ActorMention:
        """An actor mention over tokens ``start``-``end`` (exclusive) with its coded entity."""
        span = self.doc[start:end]
        entity = Entity(
            entity_text=span.text,
            name=name,
            code=code,
            kind=kind,
            start=span.start_char,
            end=span.end_char,
            sector=sector,
            office=office,
        )
        return ActorMention(entity=entity, token_start=start, token_end=end, head=head)


def build_context(doc: Doc, filed: Location | None) -> Context:
    """The shared context of a parsed article; ``filed`` is where the report was filed when the
    input says so (``dateline_location``), else None and the text's own dateline is read."""
    lex = lexicon()
    by_label: dict[str, list[Match]] = {label: [] for label in (COUNTRY, PLACE, ORG, SECTOR, OFFICE)}
    for m in find_matches(doc, lex):
        by_label[m.label].append(m)
    orgs = longest(by_label[ORG])
    countries = longest(by_label[COUNTRY])
    strong = by_label[PLACE]
    contextual = _contextual(doc, lex, countries, strong, orgs)
    places = longest(strong + contextual)
    countries, places = states_named_like_countries(lex, countries, places)
    countries = _outside_longer_places(lex, countries, places)
    counts: Counter[str] = Counter(lex.countries[m.key].code for m in countries)
    code = dateline_country(doc, lex, filed)
    return Context(
        doc=doc,
        lex=lex,
        countries=tuple(countries),
        places=tuple(places),
        orgs=tuple(orgs),
        sectors=tuple(by_label[SECTOR]),
        offices=tuple(by_label[OFFICE]),
        dateline=code,
        country_counts=counts,
        chosen=choose_places(doc, lex, places, countries, code),
    )


def _contextual(
    doc: Doc, lex: Lexicon, countries: list[Match], strong: list[Match], orgs: list[Match]
) -> list[Match]:
    """The contextual places that no country, place known alone or organisation covers, and that
    lie in a country the article names (when it names any)."""
    taken = {i for m in (*strong, *orgs) for i in range(m.start, m.end)}
    # Country words may sit inside a longer place ("New Mexico"), never the other way round.
    contextual = [
        p
        for p in contextual_places(doc, lex, taken)
        if not any(c.start <= p.start and p.end <= c.end for c in countries)
    ]
    # A town or region of a country the article never names, in an article that names others
    # ("Soran" in Iraq in a report from Hama, Syria), is more likely a namesake the tables lack.
    named = {
        lex.countries[c.key].code
        for c in countries
        if not any(p.start <= c.start and c.end <= p.end for p in contextual)
    } | {lex.places[m.key].code for m in strong}
    if named:
        contextual = [p for p in contextual if named & lex.place_codes(p.key)]
    return contextual


def _outside_longer_places(lex: Lexicon, countries: list[Match], places: list[Match]) -> list[Match]:
    """The countries, less a country word inside a longer place of another country ("Mexico" in
    "New Mexico")."""
    spans = [(m.start, m.end, m.key) for m in places]
    return [
        c
        for c in countries
        if not any(
            s <= c.start
            and c.end <= e
            and (e - s) > (c.end - c.start)
            and lex.place_codes(k) != {lex.countries[c.key].code}
            for s, e, k in spans
        )
    ]
