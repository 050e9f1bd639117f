"""Actors in a parsed article: countries, people with their offices, organisations, groups, places.

``resolve_actors_and_places(doc, report_date, dateline)`` makes one matching pass over a parsed
article and returns an ``ActorResolution``: its actor mentions, its places and where it was filed.
``resolve_actors`` and ``resolve_locations`` give one half each.

``resolve_actors(doc, report_date)`` returns one ``ActorMention`` per mention, in text order:

- **countries** from names, short forms, adjectives and demonyms ("India", "Indian", "Russians",
  "U.S.", "Burma"), and from hyphenated pairs ("India-Russia", "Indo-Russia", "Sino-Japanese"), one
  mention per country with its own offsets. Codes are ISO 3166 alpha-3 (pycountry plus
  ``data/countries.tsv``); dissolved states keep their ISO 3166-3 code (USSR ``SUN``, ``YUG``, ``CSK``).
- **groups**: a country word governing a sector noun ("Indian troops" IND MIL, "Russian government"
  RUS GOV, "Iraqi police" IRQ COP) is one mention over both words. A sector noun with no country
  word ("police said") takes the dateline's country, or the article's only country; otherwise none.
- **people** (see ``people``): office, title and country from the words around the name,
  carried through the article ("the Defence Minister", "PM Modi", "Putin", "his Russian counterpart").
- **organisations** from ``data/organisations.tsv`` (UN -> UNO/IGO, NATO -> NAT/IGO, Taliban ->
  AFG/REB, Islamic State -> IMG/REB), joint ventures named after countries ("Indo-Russia Rifles Pvt
  Ltd" -> BUS, coded with the first country named) and intergovernmental commissions ("India-Russia
  Inter-Governmental Commission ..." -> code IGO, sector IGO). An acronym in brackets after a name is
  linked to it: later uses of the acronym get the full name.
- **metonyms**: government buildings ("Kremlin", "White House") always, and capitals used as actors
  ("Beijing said", "urged Washington") rather than as places ("in Beijing"), stand for the country
  with the building's sector (GOV; Pentagon MIL).

Mentions may nest: an organisation named after countries also yields those countries' mentions
("Indo-Russia Rifles Pvt Ltd" gives the company, IND and RUS); consumers choose by ``head``.

``resolve_locations(doc)`` returns the places named in the text with their country and coordinates:
capitals, cities of 500,000+ and curated places (``places_extra.tsv``) wherever they are named; towns
of 15,000+ and first-level regions (``places.tsv``) only when the words around them say "place" (a
GPE/LOC/FAC label, a locative preposition, "the village of X", "X province", "Belem (Para)",
"Mobile, Alabama"), more evidence for names that are English words ("Nice", "Split") and a place noun
for those on ``places_stoplist.tsv`` ("Police", "Union"); and country names after a locative
preposition. A name shared by several places takes the country named in the sentence, then in the
article, then the dateline's, then the likeliest (a capital, a big city, a region, the biggest town);
a town of a country the article never names, where it names others, is dropped. "Georgia" is the US
state in an article that names a US-only place and no other sign of the country. "Kashmir" is coded
IND (ACLED's convention for the Indian-administered part); "Azad Kashmir" PAK.
``country_code(name)`` resolves one name, adjective or demonym.

The modules, one job each; each imports only modules above it in this list:

- ``lexicon``: the TSV tables (countries, places, organisations, sectors, offices, people), ``country_code``;
- ``matching``: the one PhraseMatcher pass over an article (spaCy is imported when it is built);
- ``places``: towns and regions believed from the words around them;
- ``namesakes``: which place a name shared by several stands for, and "Georgia" the US state;
- ``dateline``: where the report was filed;
- ``context``: the per-article ``Context`` every resolver reads, built once;
- ``organisations``, ``groups``, ``person_words`` and ``people``: the resolvers;
- ``resolution``: the entry points, re-exported here.

>>> country_code("Ivory Coast")
'CIV'
"""

from __future__ import annotations

from accord.records import ActorMention
from accord.resolve.actors.dateline import dateline_location
from accord.resolve.actors.lexicon import country_code
from accord.resolve.actors.resolution import (
    ActorResolution,
    resolve_actors,
    resolve_actors_and_places,
    resolve_locations,
)

__all__ = [
    "ActorMention",
    "ActorResolution",
    "country_code",
    "dateline_location",
    "resolve_actors",
    "resolve_actors_and_places",
    "resolve_locations",
]
