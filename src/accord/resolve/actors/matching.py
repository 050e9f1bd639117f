"""Finding the lexicon's phrases in a parsed article: one spaCy ``PhraseMatcher`` pass, case rules applied.

``find_matches(doc, lex)`` returns every country, place, organisation, sector and office phrase of
the lexicon that the article names, as ``Match`` records (label, token span, normalised phrase);
``longest`` keeps the longest of overlapping matches. ``phrase_matcher(vocab)`` builds one matcher
over all phrase tables per vocabulary and caches it, so that an article costs one matcher pass, not
a regular expression per token. spaCy is imported only when the matcher is built.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.resolve.actors.lexicon import Lexicon, case_sensitive, lexicon, norm

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

__all__ = [
    "COUNTRY",
    "NAME_JOINERS",
    "OFFICE",
    "ORG",
    "PLACE",
    "SECTOR",
    "Match",
    "find_matches",
    "inside_longer_name",
    "longest",
    "phrase_matcher",
]

# Labels of the one PhraseMatcher; a match's label says which table to look the words up in.
COUNTRY, PLACE, ORG, SECTOR, OFFICE = "COUNTRY", "PLACE", "ORG", "SECTOR", "OFFICE"
_LABELS = (COUNTRY, PLACE, ORG, SECTOR, OFFICE)

# Lower-case words that may join the capitalised words of one name ("Rio Grande do Sul").
NAME_JOINERS = frozenset(
    "de del do da dos das la las los le les el al of on upon am an der di du y sur".split()
)
# Country names that are also given names: a PERSON label on them alone is believed.
_GIVEN_NAME_COUNTRIES = frozenset(
    {"jordan", "georgia", "chad", "israel", "kenya", "india", "china", "niger", "cuba"}
)


@dataclass(frozen=True)
class Match:
    """A lexicon phrase found in the article: its table (``label``), tokens ``start``-``end``
    (exclusive) and ``key``, the normalised phrase to look up in that table."""

    label: str
    start: int
    end: int
    key: str


def find_matches(doc: Doc, lex: Lexicon) -> list[Match]:
    """Every lexicon phrase in the doc, case rules applied (lower-case "china" is not a country)."""
    matcher = phrase_matcher(doc.vocab)
    found: list[Match] = []
    strings = doc.vocab.strings
    for match_id, start, end in matcher(doc):
        label = strings[match_id]
        span = doc[start:end]
        key = norm(span.text)
        if label == COUNTRY and not _country_believed(doc, span, key, lex):
            continue
        if label == PLACE and not _place_believed(doc, span, key, lex):
            continue
        if label == ORG:
            org = lex.orgs.get(key)
            if org is None or not _accept_case(span, org.spellings) or span[0].pos_ == "AUX":
                continue
        found.append(Match(label, start, end, key))
    return found


_GEOGRAPHIC_NOUNS = frozenset(
    {"Ocean", "Sea", "Gulf", "Strait", "Straits", "Peninsula", "Subcontinent", "Basin", "Plateau", "Desert"}
)


def _country_believed(doc: Doc, span: Span, key: str, lex: Lexicon) -> bool:
    """Whether a country phrase names the country here (not a person, a verb or a stance)."""
    form = lex.countries.get(key)
    if form is None or not _accept_case(span, form.spellings):
        return False
    start, end = span.start, span.end
    if form.form == "prefix" and not (end < len(doc) and doc[end].text == "-" and not span[-1].whitespace_):
        return False
    # "Georgia Smith", "Jordan" the person: the name, not the country. A PERSON label that covers
    # exactly an unambiguous country name ("Sri Lanka said") is the tagger's mistake.
    if span[0].ent_type_ == "PERSON" and form.form in ("name", "historic") and _personal_name(span, key):
        return False
    # "IS" the verb in a headline.
    if span[0].pos_ == "AUX":
        return False
    # "the Indian Ocean", "the South China Sea", "the Arabian Gulf": a sea or a land named after a
    # country is a place, not the country.
    if end < len(doc) and doc[end].text in _GEOGRAPHIC_NOUNS:
        return False
    # "pro-Syrian", "anti-American": a stance, not a party.
    return not (start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti"))


def _place_believed(doc: Doc, span: Span, key: str, lex: Lexicon) -> bool:
    """Whether a place known alone (capital, big city, building) is named here as that place."""
    place = lex.places.get(key)
    if place is None or not span.text[:1].isupper() or span[0].ent_type_ == "PERSON":
        return False
    if key in lex.place_stoplist and not place.curated:
        return False  # "Sale of the book": Salé (Morocco) is a big city, "sale" a word
    return place.kind == "building" or not inside_longer_name(doc, span.start, span.end)


def _accept_case(span: Span, spellings: frozenset[str]) -> bool:
    text = span.text.replace("\u2019", "'")
    if case_sensitive(spellings):
        return text in spellings
    return text[:1].isupper() or text[:1].isdigit()


def _personal_name(span: Span, key: str) -> bool:
    doc = span.doc
    ent_start, ent_end = span.start, span.end
    for ent in doc.ents:
        if ent.start <= span.start < ent.end:
            ent_start, ent_end = ent.start, ent.end
            break
    return ent_start < span.start or ent_end > span.end or key in _GIVEN_NAME_COUNTRIES


def longest(matches: list[Match]) -> list[Match]:
    """Longest non-overlapping matches, in text order ("United States" over "States")."""
    chosen: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if taken.isdisjoint(range(m.start, m.end)):
            chosen.append(m)
            taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is the head or tail of a longer one that the tables lack: "San Jose" and
    "Flores" in "San Jose de las Flores"."""
    k = end
    while k < len(doc) and k < end + 3 and doc[k].lower_ in NAME_JOINERS and doc[k].is_lower:
        k += 1
    if end < k < len(doc) and doc[end].lower_ not in ("of", "on") and doc[k].text[:1].isupper():
        return True
    if start >= 2 and doc[start - 1].lower_ in NAME_JOINERS and doc[start - 1].is_lower:
        k = start - 1
        while k > 0 and doc[k].lower_ in NAME_JOINERS and doc[k].is_lower:
            k -= 1
        return doc[k].text[:1].isupper() and doc[start - 1].lower_ != "of"
    return False


@functools.lru_cache(maxsize=4)
def phrase_matcher(vocab: Vocab) -> PhraseMatcher:
    """One case-insensitive PhraseMatcher over every phrase table, built once per vocabulary.

    Patterns are tokenised by spaCy's rule-based English tokenizer on the same vocabulary, which
    is the tokenizer of spaCy's English pipelines, so the phrases split as the article does.
    """
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en", vocab=vocab)

    lex = lexicon()
    tables: dict[str, set[str]] = {
        COUNTRY: {s for form in lex.countries.values() for s in form.spellings},
        PLACE: set(lex.places) | {p.name for p in lex.places.values()},
        ORG: {s for org in lex.orgs.values() for s in org.spellings},
        SECTOR: set(lex.sectors),
        OFFICE: set(lex.offices),
    }
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label in _LABELS:
        # make_doc is the tokenizer alone, as tokenizer.pipe was.
        matcher.add(label, [nlp.make_doc(phrase) for phrase in sorted(tables[label])])
    return matcher
