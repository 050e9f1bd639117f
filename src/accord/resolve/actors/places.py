"""Places that need context to be believed: towns, regions, and names that are also words.

Capitals, cities of 500,000+ and curated places are found by the phrase matcher wherever they are
named. Towns of 15,000+ and first-level regions (``places.tsv``) count only when the words around
them say "place" (see ``place_evidence``): a GPE/LOC/FAC label, a locative preposition, "the
village of X", "X province", "Belem (Para)", "Mobile, Alabama". Names that are English words
("Nice", "Split") need more evidence, and those on ``places_stoplist.tsv`` ("Police", "Union") a
place noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.resolve.actors.lexicon import Lexicon, PlaceEntry, norm
from accord.resolve.actors.matching import NAME_JOINERS, PLACE, Match, inside_longer_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["LOCATIVE_PREPOSITIONS", "contextual_places", "is_located", "place_evidence"]

LOCATIVE_PREPOSITIONS = frozenset(
    "in at to from into across inside near throughout within around outside toward towards via".split()
)
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
_LONGEST_PLACE = 6  # tokens


def contextual_places(doc: Doc, lex: Lexicon, taken: set[int]) -> list[Match]:
    """Towns, regions and other places that need context to be believed (see ``place_evidence``).

    Each capitalised word outside ``taken`` (token indexes already named) starts a search for the
    longest known name (up to six tokens, joined by "de", "do", "al" ... as in "Rio Grande do Sul");
    the name counts when the words around it say it is a place. Returns PLACE matches in text order.
    """
    found: list[Match] = []
    candidates = lex.place_candidates
    words = [t.text for t in doc]
    capital = [w[:1].isupper() for w in words]
    # Tokens a name may hold between its capitalised words ("Rio Grande do Sul", "Trinidad and Tobago").
    inner = [
        c or w.lower() in NAME_JOINERS or w in ("-", "'", ".", "and")
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
            if places is None or key in lex.countries or inside_longer_name(doc, i, end):
                continue
            if _in_capitalised_run(doc, i, end):
                continue
            if place_evidence(span, key, places, lex):
                found.append(Match(PLACE, i, end, key))
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


def place_evidence(span: Span, key: str, places: tuple[PlaceEntry, ...], lex: Lexicon) -> bool:
    """Whether the words around a known but small place name say it is meant as the place.

    Strong context, enough alone: a place noun ("the village of X", "X province"), a bracket after a
    place ("Dimitrovgrad (Ulyanovsk)"), or a country or region after a comma ("Reading, Pennsylvania").
    Weak context: the tagger's GPE/LOC/FAC label; a locative preposition before a proper noun ("in X").
    Names that are English words ("Nice", "Split") need both weak kinds; names on the stop list
    ("Police", "Union") need strong context; any other name needs one kind.
    """
    if any(t.ent_type_ in _NOT_PLACE_LABELS for t in span):
        return False
    if span.text.isupper() and len(span.text) <= 4:
        return False  # an acronym ("ORE", "ISE"), not a town
    if _strong_evidence(span, lex):
        return True
    if key in lex.place_stoplist or span[0].ent_type_ == "ORG":
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    labelled = all(t.ent_type_ in _PLACE_LABELS for t in span)
    if after is not None and after.lower_ in ("'s", "\u2019s") and not labelled:
        return False  # "in Jackson's view"
    located = (
        before is not None and before.lower_ in LOCATIVE_PREPOSITIONS and span[-1].tag_ in ("NNP", "NNPS")
    )
    located = located or (span.root.tag_ in ("NNP", "NNPS") and is_located(span.root))
    short = len(span) == 1 and len(span.text) <= 3
    if short or all(p.word for p in places):
        return labelled and located
    return labelled or located


def _strong_evidence(span: Span, lex: Lexicon) -> bool:
    """A place noun, a bracket after a place, or an area after a comma (see ``place_evidence``)."""
    doc = span.doc
    start, end = span.start, span.end
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return (
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


def is_located(token: Token) -> bool:
    """Whether a name is the object of a locative preposition ("in Russia and India")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS
