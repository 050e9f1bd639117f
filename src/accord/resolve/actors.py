"""Actors in a parsed article: countries, people with their offices, organisations, groups, places.

``resolve_actors(doc, report_date)`` returns one ``ActorMention`` per mention, in text order:

- **countries** from names, short forms, adjectives and demonyms ("India", "Indian", "Russians",
  "U.S.", "Burma"), and from hyphenated pairs ("India-Russia", "Indo-Russia", "Sino-Japanese"), one
  mention per country with its own offsets. Codes are ISO 3166 alpha-3 (pycountry plus
  ``data/countries.tsv``); dissolved states keep their ISO 3166-3 code (USSR ``SUN``, ``YUG``, ``CSK``).
- **groups**: a country word governing a sector noun ("Indian troops" IND MIL, "Russian government"
  RUS GOV, "Iraqi police" IRQ COP) is one mention over both words. A sector noun with no country
  word ("police said") takes the dateline's country, or the article's only country; otherwise none.
- **people** (see ``actors_people``): office, title and country from the words around the name,
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

>>> country_code("Ivory Coast")
'CIV'
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.records import ActorMention, Entity, Location
from accord.resolve.actors_lexicon import (
    COUNTRY,
    OFFICE,
    ORG,
    PLACE,
    SECTOR,
    Lexicon,
    PlaceEntry,
    lexicon,
    norm,
    phrase_matcher,
    place_rank,
)

__all__ = ["ActorMention", "country_code", "resolve_actors", "resolve_locations"]

_LOCATIVE_PREPOSITIONS = frozenset(
    "in at to from into across inside near throughout within around outside toward towards via".split()
)
# Dependency labels under which a capital acts (is the subject, object or possessor of an act).
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "appos"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
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
class _Match:
    label: str
    start: int
    end: int
    key: str  # the normalised phrase


def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code for a country name, short form, adjective or demonym, else None.

    Case matters only for acronyms ("US" is the United States, "us" is nothing). Historic names
    resolve per ``data/countries.tsv`` ("Burma" MMR, "Soviet" SUN).

    >>> country_code("Indians"), country_code("S. Korea"), country_code("us")
    ('IND', 'KOR', None)
    """
    text = name.strip().rstrip("-").strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    if text.endswith(("'s", "\u2019s")):
        text = text[:-2]
    form = lexicon().countries.get(norm(text))
    if form is None:
        return None
    if _case_sensitive(form.spellings) and text not in form.spellings:
        return None
    return form.code


def _case_sensitive(spellings: frozenset[str]) -> bool:
    """Acronyms ("US", "UK", "IS") match only as written."""
    return any(s.replace(".", "").isupper() and len(s.replace(".", "")) <= 5 for s in spellings)


def _accept_case(span: Span, spellings: frozenset[str]) -> bool:
    text = span.text.replace("\u2019", "'")
    if _case_sensitive(spellings):
        return text in spellings
    return text[:1].isupper() or text[:1].isdigit()


def _matches(doc: Doc, lex: Lexicon) -> list[_Match]:
    """Every lexicon phrase in the doc, case rules applied (lower-case "china" is not a country)."""
    matcher = phrase_matcher(doc.vocab)
    found: list[_Match] = []
    strings = doc.vocab.strings
    for match_id, start, end in matcher(doc):
        label = strings[match_id]
        span = doc[start:end]
        key = norm(span.text)
        if label == COUNTRY:
            form = lex.countries.get(key)
            if form is None or not _accept_case(span, form.spellings):
                continue
            if form.form == "prefix" and not (
                end < len(doc) and doc[end].text == "-" and not span[-1].whitespace_
            ):
                continue
            # "Georgia Smith", "Jordan" the person: the name, not the country. A PERSON label that covers
            # exactly an unambiguous country name ("Sri Lanka said") is the tagger's mistake.
            if (
                span[0].ent_type_ == "PERSON"
                and form.form in ("name", "historic")
                and _personal_name(span, key)
            ):
                continue
            # "IS" the verb in a headline.
            if span[0].pos_ == "AUX":
                continue
        elif label == PLACE:
            place = lex.places.get(key)
            if place is None or not span.text[:1].isupper() or span[0].ent_type_ == "PERSON":
                continue
            if key in lex.place_stoplist and not place.curated:
                continue  # "Sale of the book": Salé (Morocco) is a big city, "sale" a word
            if place.kind != "building" and _inside_longer_name(doc, start, end):
                continue
        elif label == ORG:
            org = lex.orgs.get(key)
            if org is None or not _accept_case(span, org.spellings) or span[0].pos_ == "AUX":
                continue
        # "pro-Syrian", "anti-American": a stance, not a party.
        if (
            label == COUNTRY
            and start >= 2
            and doc[start - 1].text == "-"
            and doc[start - 2].lower_ in ("pro", "anti")
        ):
            continue
        found.append(_Match(label, start, end, key))
    return found


# Country names that are also given names: a PERSON label on them alone is believed.
_GIVEN_NAME_COUNTRIES = frozenset(
    {"jordan", "georgia", "chad", "israel", "kenya", "india", "china", "niger", "cuba"}
)


def _personal_name(span: Span, key: str) -> bool:
    doc = span.doc
    ent_start, ent_end = span.start, span.end
    for ent in doc.ents:
        if ent.start <= span.start < ent.end:
            ent_start, ent_end = ent.start, ent.end
            break
    return ent_start < span.start or ent_end > span.end or key in _GIVEN_NAME_COUNTRIES


def _longest(matches: list[_Match]) -> list[_Match]:
    """Longest non-overlapping matches, in text order ("United States" over "States")."""
    chosen: list[_Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            chosen.append(m)
            taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


@dataclass
class _Context:
    """What the resolvers share about one article."""

    doc: Doc
    lex: Lexicon
    countries: list[_Match]
    places: list[_Match]
    orgs: list[_Match]
    sectors: list[_Match]
    offices: list[_Match]
    dateline: str | None
    country_counts: Counter[str]
    chosen: dict[int, PlaceEntry]  # place match start -> the place it names

    def country_code_of(self, m: _Match) -> str:
        return self.lex.countries[m.key].code

    def place_of(self, m: _Match) -> PlaceEntry:
        return self.chosen[m.start]


def _context(doc: Doc, dateline: str | None = None) -> _Context:
    # resolve_actors and resolve_locations share one matching pass per parsed article.
    cached = doc.user_data.get(_CONTEXT_KEY)
    if cached is not None and cached[0] == dateline:
        return cached[1]
    context = _build_context(doc, dateline)
    doc.user_data[_CONTEXT_KEY] = (dateline, context)
    return context


_CONTEXT_KEY = "accord.actors.context"


def _build_context(doc: Doc, dateline: str | None) -> _Context:
    lex = lexicon()
    found = _matches(doc, lex)
    by_label: dict[str, list[_Match]] = {label: [] for label in (COUNTRY, PLACE, ORG, SECTOR, OFFICE)}
    for m in found:
        by_label[m.label].append(m)
    orgs = _longest(by_label[ORG])
    countries = _longest(by_label[COUNTRY])
    strong = by_label[PLACE]
    taken = {i for m in (*strong, *orgs) for i in range(m.start, m.end)}
    # Country words may sit inside a longer place ("New Mexico"), never the other way round.
    contextual = [
        p
        for p in _contextual_places(doc, lex, taken)
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
        contextual = [p for p in contextual if named & _codes(lex, p.key)]
    places = _longest(strong + contextual)
    countries, places = _states_named_like_countries(doc, lex, countries, places)
    # A country word inside a longer place of another country ("Mexico" in "New Mexico") is no country.
    spans = [(m.start, m.end, m.key) for m in places]
    countries = [
        c
        for c in countries
        if not any(
            s <= c.start and c.end <= e and (e - s) > (c.end - c.start) and _codes(lex, k) != {_code(lex, c)}
            for s, e, k in spans
        )
    ]
    counts: Counter[str] = Counter(lex.countries[m.key].code for m in countries)
    code = _explicit_dateline_country(dateline) or _dateline_country(doc, lex)
    return _Context(
        doc=doc,
        lex=lex,
        countries=countries,
        places=places,
        orgs=orgs,
        # Sector and office matches stay overlapping: "defence ministry" and "ministry" both count.
        sectors=by_label[SECTOR],
        offices=by_label[OFFICE],
        dateline=code,
        country_counts=counts,
        chosen=_choose_places(doc, lex, places, countries, code),
    )


def _code(lex: Lexicon, m: _Match) -> str:
    return lex.countries[m.key].code


def _codes(lex: Lexicon, key: str) -> set[str]:
    return {p.code for p in lex.place_candidates.get(key, ())}


# Nouns that say the name beside them is a place: "the village of X", "X province".
_PLACE_NOUNS = frozenset(
    "village town city district province region state county governorate prefecture municipality "
    "department oblast krai territory suburb outskirts township commune area neighbourhood neighborhood "
    "capital port island islands valley camp settlement locality division zone sector".split()
)
# Nouns after which "of X" names a place but X beside them does not ("X capital" is not said of X).
_PLACE_NOUNS_AFTER = _PLACE_NOUNS - {
    "capital",
    "outskirts",
    "suburb",
    "port",
    "area",
    "zone",
    "sector",
    "camp",
}
# Named-entity labels that rule a name out as a place ("Jackson said", "Lincoln Center").
_NOT_PLACE_LABELS = frozenset(
    "PERSON DATE TIME MONEY PERCENT CARDINAL ORDINAL QUANTITY WORK_OF_ART EVENT LAW PRODUCT LANGUAGE".split()
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAME_JOINERS = frozenset(
    "de del do da dos das la las los le les el al of on upon am an der di du y sur".split()
)
_LONGEST_PLACE = 6  # tokens


def _contextual_places(doc: Doc, lex: Lexicon, taken: set[int]) -> list[_Match]:
    """Towns, regions and other places that need context to be believed (see ``_place_evidence``).

    Each capitalised word starts a search for the longest known name (up to six tokens, joined by
    "de", "do", "al" ... as in "Rio Grande do Sul"); the name counts when the words around it say
    it is a place.
    """
    found: list[_Match] = []
    candidates = lex.place_candidates
    words = [t.text for t in doc]
    capital = [w[:1].isupper() for w in words]
    # Tokens a name may hold between its capitalised words ("Rio Grande do Sul", "Trinidad and Tobago").
    inner = [
        c or w.lower() in _NAME_JOINERS or w in ("-", "'", ".", "and")
        for c, w in zip(capital, words, strict=True)
    ]
    n = len(doc)
    i = 0
    while i < n:
        if i in taken or not capital[i]:
            i += 1
            continue
        matched = 0
        for size in range(min(_LONGEST_PLACE, n - i), 0, -1):
            end = i + size
            if not capital[end - 1] or not all(inner[i:end]) or not taken.isdisjoint(range(i, end)):
                continue
            span = doc[i:end]
            key = norm(span.text)
            places = candidates.get(key)
            if places is None or key in lex.countries or _inside_longer_name(doc, i, end):
                continue
            if _in_capitalised_run(doc, i, end):
                continue
            if _place_evidence(span, key, places, lex):
                found.append(_Match(PLACE, i, end, key))
                matched = size
                break
        i += matched or 1
    return found


def _in_capitalised_run(doc: Doc, start: int, end: int) -> bool:
    """Whether capitalised words run on either side of a name ("San" in "San Jose", "Jackson" in
    "Jesse Jackson"): then it is part of a name the tables lack. "Zhejiang Province" is not."""
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ not in _PLACE_NOUNS:
        return True
    if start > 0 and doc[start - 1].text[:1].isupper() and not doc[start].is_sent_start:
        return True
    return False


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is the head or tail of a longer one that the tables lack: "San Jose" and
    "Flores" in "San Jose de las Flores"."""
    k = end
    while k < len(doc) and k < end + 3 and doc[k].lower_ in _NAME_JOINERS and doc[k].is_lower:
        k += 1
    if end < k < len(doc) and doc[end].lower_ not in ("of", "on") and doc[k].text[:1].isupper():
        return True
    if start >= 2 and doc[start - 1].lower_ in _NAME_JOINERS and doc[start - 1].is_lower:
        k = start - 1
        while k > 0 and doc[k].lower_ in _NAME_JOINERS and doc[k].is_lower:
            k -= 1
        return doc[k].text[:1].isupper() and doc[start - 1].lower_ != "of"
    return False


def _place_evidence(span: Span, key: str, places: tuple[PlaceEntry, ...], lex: Lexicon) -> bool:
    """Whether the words around a known but small place name say it is meant as the place.

    Strong context, enough alone: a place noun ("the village of X", "X province"), a bracket after a
    place ("Dimitrovgrad (Ulyanovsk)"), or a country or region after a comma ("Reading, Pennsylvania").
    Weak context: the tagger's GPE/LOC/FAC label; a locative preposition before a proper noun ("in X").
    Names that are English words ("Nice", "Split") need both weak kinds; names on the stop list
    ("Police", "Union") need strong context; any other name needs one kind.
    """
    doc = span.doc
    start, end = span.start, span.end
    if any(t.ent_type_ in _NOT_PLACE_LABELS for t in span):
        return False
    if span.text.isupper() and len(span.text) <= 4:
        return False  # an acronym ("ORE", "ISE"), not a town
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    strong = (
        (
            before is not None
            and before.lower_ == "of"
            and start >= 2
            and doc[start - 2].lemma_.lower() in _PLACE_NOUNS_AFTER
        )
        or (
            after is not None
            and after.lower_ in _PLACE_NOUNS
            and not (end + 1 < len(doc) and doc[end + 1].text[:1].isupper())
            and after.lower_ != "city"
        )
        or (
            before is not None
            and before.text == "("
            and after is not None
            and after.text == ")"
            and start >= 2
            and doc[start - 2].text[:1].isupper()
        )
        or (after is not None and after.text == "," and _names_area(doc, end + 1, lex))
    )
    if strong:
        return True
    if key in lex.place_stoplist or span[0].ent_type_ == "ORG":
        return False
    labelled = all(t.ent_type_ in _PLACE_LABELS for t in span)
    if after is not None and after.lower_ in ("'s", "\u2019s") and not labelled:
        return False  # "in Jackson's view"
    located = (
        before is not None and before.lower_ in _LOCATIVE_PREPOSITIONS and span[-1].tag_ in ("NNP", "NNPS")
    )
    located = located or (span.root.tag_ in ("NNP", "NNPS") and _is_located(span.root))
    short = len(span) == 1 and len(span.text) <= 3
    if short or all(p.word for p in places):
        return labelled and located
    return labelled or located


def _names_area(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether a country or a region is named at token ``i`` ("..., Pennsylvania", "..., Brazil")."""
    for size in (3, 2, 1):
        if i + size > len(doc) or not doc[i].text[:1].isupper():
            continue
        key = norm(doc[i : i + size].text)
        form = lex.countries.get(key)
        if form is not None and form.form in ("name", "historic"):
            return True
        if (
            any(p.kind == "region" for p in lex.place_candidates.get(key, ()))
            and key not in lex.place_stoplist
        ):
            return True
    return False


def _states_named_like_countries(
    doc: Doc, lex: Lexicon, countries: list[_Match], places: list[_Match]
) -> tuple[list[_Match], list[_Match]]:
    """ "Georgia" is the US state in an article about the United States that names the country Georgia
    no other way (no "Georgian", no "Tbilisi") and names a place that lies only in the United States
    ("Atlanta"): the name moves from the countries to the places."""
    # Only a place of one country counts ("Atlanta", "Alabama"): "the U.S. backed Georgia" is the country.
    named = {lex.place_candidates[m.key][0].code for m in places if len(_codes(lex, m.key)) == 1}
    moved: list[_Match] = []
    kept: list[_Match] = []
    for c in countries:
        code = _code(lex, c)
        states = [p for p in lex.place_candidates.get(c.key, ()) if p.kind == "region" and p.code != code]
        others = any(_code(lex, o) == code and o.key != c.key for o in countries) or any(
            code in _codes(lex, m.key) for m in places
        )
        if states and not others and any(p.code in named for p in states):
            moved.append(_Match(PLACE, c.start, c.end, c.key))
        else:
            kept.append(c)
    if not moved:
        return countries, places
    return kept, sorted(places + moved, key=lambda m: m.start)


def _choose_places(
    doc: Doc, lex: Lexicon, places: list[_Match], countries: list[_Match], dateline: str | None
) -> dict[int, PlaceEntry]:
    """The place each name stands for when several share it ("Victoria", "Santiago", "Punjab").

    Preference: a country named in the same sentence (by a country word or a place of one country
    only), then one named anywhere in the article, then the dateline's country, then the likeliest
    place alone (a capital, a big city, a region, the most populous town).
    """
    chosen: dict[int, PlaceEntry] = {}
    sentence_of: dict[int, int] = {}
    article: Counter[str] = Counter()
    sentence_codes: dict[int, set[str]] = {}

    def sentence(token_i: int) -> int:
        if token_i not in sentence_of:
            sentence_of[token_i] = doc[token_i].sent.start if doc.has_annotation("SENT_START") else 0
        return sentence_of[token_i]

    for c in countries:
        code = _code(lex, c)
        article[code] += 1
        sentence_codes.setdefault(sentence(c.start), set()).add(code)
    for m in places:
        codes = _codes(lex, m.key)
        if len(codes) == 1:
            code = next(iter(codes))
            article[code] += 1
            sentence_codes.setdefault(sentence(m.start), set()).add(code)
    for m in places:
        options = lex.place_candidates[m.key]
        if len({p.code for p in options}) == 1:
            chosen[m.start] = options[0]
            continue
        here = sentence_codes.get(sentence(m.start), set())
        default = options[0]
        pick = None
        for preferred in (
            _area_after(doc, m.end, lex),
            here,
            set(article),
            {dateline} if dateline else set(),
        ):
            fitting = [
                p for p in options if p.code in preferred and (p is default or _may_replace(default, p))
            ]
            if fitting:
                pick = max(fitting, key=lambda p: (article[p.code], place_rank(p, lex.country_weight)))
                break
        chosen[m.start] = pick or default
    return chosen


def _may_replace(default: PlaceEntry, other: PlaceEntry) -> bool:
    """Whether context may prefer ``other`` to a name's usual place: "Victoria" in Canada over the
    Seychelles' small capital, but never Paris, Texas over Paris because the article names the US."""
    if not default.known_alone:
        return True
    if default.curated:
        return False
    size = default.population or 0
    if default.kind == "capital":
        # A capital yields only to a bigger namesake, or a region, when the capital is small (Victoria).
        return size < 300_000 if other.kind == "region" else (other.population or 0) >= size
    if other.kind == "region":
        return size < 1_000_000
    return (other.population or 0) * 10 >= size


def _area_after(doc: Doc, end: int, lex: Lexicon) -> set[str]:
    """Countries of a country or region named after a comma or in brackets ("Victoria, Australia",
    "Exeter (New Hampshire)"), else none."""
    if end + 1 >= len(doc) or doc[end].text not in (",", "("):
        return set()
    i = end + 1
    for size in (3, 2, 1):
        if i + size > len(doc) or not doc[i].text[:1].isupper():
            continue
        key = norm(doc[i : i + size].text)
        form = lex.countries.get(key)
        if form is not None and form.form in ("name", "historic"):
            return {form.code}
        regions = {p.code for p in lex.place_candidates.get(key, ()) if p.kind == "region"}
        if regions and key not in lex.place_stoplist:
            return regions
    return set()


def dateline_location(dateline: str | None) -> Location | None:
    """Where a report was filed, from a dateline given outside the text ("BEIRUT", "LEGASPI, Philippines").

    Returns a Location without offsets (the words are not in the article text), or None when the
    place is unknown.

    >>> dateline_location("LEGASPI, Philippines").country_code  # doctest: +SKIP
    'PHL'
    """
    if not dateline:
        return None
    lex = lexicon()
    parts = [part.strip() for part in dateline.split(",") if part.strip()]
    if not parts:
        return None
    country: str | None = None
    for part in reversed(parts[1:]):
        form = lex.countries.get(norm(part))
        if form is not None and form.form in ("name", "historic"):
            country = form.code
            break
    options = lex.place_candidates.get(norm(parts[0]), ())
    if norm(parts[0]) in lex.place_stoplist:
        options = ()
    place = (
        next((p for p in options if p.code == country), None) if country else lex.places.get(norm(parts[0]))
    )
    if place is None and country is None and options and norm(parts[0]) not in lex.countries:
        place = options[0]  # a dateline names the place it was filed from: any known town will do
    if place is not None:
        return Location(place.name, place.code, None, None, place.lat, place.lon)
    if country is not None:
        return Location(parts[0].title(), country, None, None)
    form = lex.countries.get(norm(parts[0]))
    if form is not None and form.form in ("name", "historic"):
        return Location(lex.country_names.get(form.code, parts[0]), form.code, None, None)
    return None


def _explicit_dateline_country(dateline: str | None) -> str | None:
    location = dateline_location(dateline)
    return location.country_code if location is not None else None


def _dateline_country(doc: Doc, lex: Lexicon) -> str | None:
    """The country of a wire dateline ("NEW DELHI, Dec 6 (Reuters) -", "BEIJING, Nov. 30 (Xinhua) --")."""
    head = doc.text[:80].lstrip()
    for stop in (",", " (", " -", " \u2014"):
        cut = head.find(stop)
        if 2 < cut <= 40:
            name = head[:cut].strip()
            if not name.replace(" ", "").replace(".", "").replace("-", "").replace("'", "").isupper():
                continue
            place = lex.places.get(norm(name))
            if place is None and norm(name) not in lex.place_stoplist and norm(name) not in lex.countries:
                place = next(iter(lex.place_candidates.get(norm(name), ())), None)
            if place is not None:
                return place.code
            form = lex.countries.get(norm(name))
            if form is not None and form.form in ("name", "historic"):
                return form.code
            return None
    return None


def _mention(doc: Doc, start: int, end: int, head: int, **fields: object) -> ActorMention:
    span = doc[start:end]
    entity = Entity(entity_text=span.text, start=span.start_char, end=span.end_char, **fields)  # type: ignore[arg-type]
    return ActorMention(entity=entity, token_start=start, token_end=end, head=head)


def _organisations(ctx: _Context) -> tuple[list[ActorMention], set[int]]:
    """Lexicon organisations, country-named companies and commissions, and their acronyms."""
    doc = ctx.doc
    mentions: list[ActorMention] = []
    consumed: set[int] = set()
    for m in ctx.orgs:
        org = ctx.lex.orgs[m.key]
        span = doc[m.start : m.end]
        mentions.append(
            _mention(
                doc,
                m.start,
                m.end,
                span.root.i,
                name=org.name,
                code=org.code,
                kind=org.kind,
                sector=org.sector,
            )
        )
        consumed.update(range(m.start, m.end))
    acronyms: dict[str, tuple[str, str, str | None, int, int]] = {}
    in_run: set[int] = set()
    for m in ctx.countries:
        if m.start in in_run or m.start in consumed:
            continue
        found = _named_organisation(ctx, m)
        if found is None:
            continue
        end, code, sector, acronym = found
        in_run.update(range(m.start, end))
        span = doc[m.start : end]
        mentions.append(
            _mention(
                doc, m.start, end, span.root.i, name=span.text, code=code, kind="organization", sector=sector
            )
        )
        if acronym is not None:
            acronyms[acronym[0]] = (span.text, code, sector, acronym[1], acronym[2])
    for acronym, (name, code, sector, def_start, def_end) in acronyms.items():
        mentions.extend(_acronym_uses(doc, acronym, name, code, sector, def_start, def_end))
    return mentions, consumed


def _named_organisation(
    ctx: _Context, first: _Match
) -> tuple[int, str, str, tuple[str, int, int] | None] | None:
    """A capitalised name that starts with a country word: "Indo-Russia Rifles Pvt Ltd." (BUS,
    coded with the first country named) or "India-Russia Inter-Governmental Commission on ..."
    (code IGO). Returns (end token, code, sector, (acronym, its char span) or None)."""
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
    acronym = None
    if end + 2 < len(doc) and doc[end].text == "(":
        close = next((k for k in range(end + 1, min(end + 8, len(doc))) if doc[k].text == ")"), None)
        if close is not None and close > end + 1:
            inner = doc[end + 1 : close]
            if inner.text.replace("-", "").replace("&", "").replace(" ", "").isupper():
                acronym = (inner.text, inner.start_char, inner.end_char)
    return end, code, sector, acronym


def _acronym_uses(
    doc: Doc, acronym: str, name: str, code: str, sector: str | None, def_start: int, def_end: int
) -> list[ActorMention]:
    """Later uses of an acronym defined in brackets, each given the full name."""
    mentions: list[ActorMention] = []
    text = doc.text
    at = text.find(acronym)
    while at != -1:
        end = at + len(acronym)
        boundary = (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
        if boundary and not (def_start <= at < def_end):
            span = doc.char_span(at, end, alignment_mode="expand")
            if span is not None:
                mentions.append(
                    _mention(
                        doc,
                        span.start,
                        span.end,
                        span.root.i,
                        name=name,
                        code=code,
                        kind="organization",
                        sector=sector,
                    )
                )
        at = text.find(acronym, end)
    return mentions


def _country_groups(ctx: _Context, taken: set[int]) -> tuple[list[ActorMention], set[int]]:
    """A country word that governs a sector noun: "Indian troops", "Russia's defence ministry"."""
    doc = ctx.doc
    mentions: list[ActorMention] = []
    consumed: set[int] = set()
    sectors_by_start: dict[int, list[_Match]] = {}
    for m in ctx.sectors:
        sectors_by_start.setdefault(m.start, []).append(m)
    for c in ctx.countries:
        if not taken.isdisjoint(range(c.start, c.end)):
            continue
        j = c.end
        if j < len(doc) and doc[j].lower_ in ("'s", "\u2019s"):
            j += 1
        anchor = doc[c.end - 1]
        best: _Match | None = None
        for k in range(j, min(j + 3, len(doc))):
            if k > j and doc[k - 1].pos_ not in ("ADJ", "NOUN", "PROPN"):
                break
            for s in sorted(sectors_by_start.get(k, ()), key=lambda m: m.start - m.end):
                if s.start <= anchor.head.i < s.end and taken.isdisjoint(range(s.start, s.end)):
                    best = s
                    break
            if best is not None:
                break
        if best is None:
            continue
        sector, kind = ctx.lex.sectors[best.key]
        code = ctx.country_code_of(c)
        span = doc[c.start : best.end]
        mentions.append(
            _mention(
                doc, c.start, best.end, best.end - 1, name=span.text, code=code, kind=kind, sector=sector
            )
        )
        consumed.update(range(c.start, best.end))
    return mentions, consumed


def _metonyms(ctx: _Context, taken: set[int]) -> tuple[list[ActorMention], set[int]]:
    """Buildings that stand for a government, and capitals used as actors ("Beijing said")."""
    doc = ctx.doc
    mentions: list[ActorMention] = []
    consumed: set[int] = set()
    for m in ctx.places:
        if not taken.isdisjoint(range(m.start, m.end)):
            continue
        place = ctx.place_of(m)
        if place.sector is None:
            continue
        root = doc[m.start : m.end].root
        if place.kind != "building" and not _acts(root):
            continue
        mentions.append(
            _mention(
                doc,
                m.start,
                m.end,
                root.i,
                name=place.name,
                code=place.code,
                kind="country",
                sector=place.sector,
            )
        )
        consumed.update(range(m.start, m.end))
    return mentions, consumed


def _acts(token: Token) -> bool:
    """Whether a place word is a participant (subject, object, possessor) rather than a location."""
    if token.dep_ == "conj" and token.head.i != token.i:
        return _acts(token.head)
    if token.dep_ == "pobj":
        return token.head.lower_ in ("by", "with", "between")
    return token.dep_ in _ACTING_DEPS


def _bare_sectors(ctx: _Context, taken: set[int]) -> list[ActorMention]:
    """Sector nouns with no country word ("police said"): the home country of the story.

    That is the dateline's country when the text names it too (a story filed from Beirut about Lebanese
    politics, however often it says "pro-Syrian"), else the country the text names most (filed from
    Doha about Palestinian politics: "the government" is the Palestinian one), ties left unplaced; with
    no country named, the dateline's.
    """
    code = ctx.dateline
    counts = ctx.country_counts
    if counts and (code is None or code not in counts):
        ranked = counts.most_common(2)
        code = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    if code is None:
        return []
    doc = ctx.doc
    mentions: list[ActorMention] = []
    used: set[int] = set()
    for m in sorted(ctx.sectors, key=lambda m: (m.start, m.start - m.end)):
        if m.key not in ctx.lex.bare_sectors:
            continue
        if not taken.isdisjoint(range(m.start, m.end)) or not used.isdisjoint(range(m.start, m.end)):
            continue
        root = doc[m.end - 1]
        # "Force" inside "UN Stabilisation Force" is part of a name, not the noun.
        if root.text[:1].isupper() and not root.is_sent_start and doc[m.start].ent_type_ in ("ORG", "FAC"):
            continue
        if root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") or root.pos_ not in (
            "NOUN",
            "PROPN",
        ):
            continue
        sector, kind = ctx.lex.sectors[m.key]
        mentions.append(
            _mention(
                doc,
                m.start,
                m.end,
                root.i,
                name=doc[m.start : m.end].text,
                code=code,
                kind=kind,
                sector=sector,
            )
        )
        used.update(range(m.start, m.end))
    return mentions


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
    from accord.resolve.actors_people import resolve_people

    ctx = _context(doc, dateline)
    orgs, org_tokens = _organisations(ctx)
    people, person_tokens = resolve_people(ctx, report_date)
    taken = org_tokens | person_tokens
    groups, group_tokens = _country_groups(ctx, taken)
    taken |= group_tokens
    metonyms, metonym_tokens = _metonyms(ctx, taken)
    taken |= metonym_tokens
    countries: list[ActorMention] = []
    for c in ctx.countries:
        if not taken.isdisjoint(range(c.start, c.end)):
            continue
        code = ctx.country_code_of(c)
        countries.append(
            _mention(
                doc,
                c.start,
                c.end,
                c.end - 1,
                name=ctx.lex.country_names.get(code, code),
                code=code,
                kind="country",
            )
        )
    bare = _bare_sectors(ctx, taken | {i for m in countries for i in range(m.token_start, m.token_end)})
    mentions = orgs + people + groups + metonyms + countries + bare
    return sorted(mentions, key=lambda m: (m.entity.start, -m.entity.end))


def _is_located(token: Token) -> bool:
    """Whether a name is the object of a locative preposition ("in Russia and India")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPOSITIONS


def resolve_locations(doc: Doc, dateline: str | None = None) -> list[Location]:
    """Places named in a parsed article, with their country: capitals, cities, regions, and country
    names after a locative preposition ("in Russia", "to India"). Buildings used as metonyms
    ("the Kremlin") count as places too. Cities carry GeoNames coordinates; countries none.

    >>> [(l.name, l.country_code) for l in resolve_locations(nlp("Talks opened in New Delhi."))]  # doctest: +SKIP
    [('New Delhi', 'IND')]
    """
    ctx = _context(doc, dateline)
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
        if not _is_located(doc[c.end - 1]):
            continue
        span = doc[c.start : c.end]
        found.append(
            Location(
                ctx.lex.country_names.get(form.code, span.text), form.code, span.start_char, span.end_char
            )
        )
    return sorted(found, key=lambda loc: loc.start or 0)
