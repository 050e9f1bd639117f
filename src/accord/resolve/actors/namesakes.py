"""Which place a name stands for when several places share it ("Victoria", "Santiago", "Georgia").

``choose_places`` picks one place per place match: the country named in the same sentence, then in
the article, then the dateline's, then the likeliest (a capital, a big city, a region, the biggest
town). ``states_named_like_countries`` moves "Georgia" from the countries to the places when the
article is about the US state.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from accord.resolve.actors.lexicon import Lexicon, PlaceEntry, norm, place_rank
from accord.resolve.actors.matching import PLACE, Match

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["choose_places", "states_named_like_countries"]


def states_named_like_countries(
    lex: Lexicon, countries: list[Match], places: list[Match]
) -> tuple[list[Match], list[Match]]:
    """ "Georgia" is the US state in an article about the United States that names the country Georgia
    no other way (no "Georgian", no "Tbilisi") and names a place that lies only in the United States
    ("Atlanta"): the name moves from the countries to the places. Returns (countries, places)."""
    # Only a place of one country counts ("Atlanta", "Alabama"): "the U.S. backed Georgia" is the country.
    named = {lex.place_candidates[m.key][0].code for m in places if len(lex.place_codes(m.key)) == 1}
    moved: list[Match] = []
    kept: list[Match] = []
    for c in countries:
        code = lex.countries[c.key].code
        states = [p for p in lex.place_candidates.get(c.key, ()) if p.kind == "region" and p.code != code]
        others = any(lex.countries[o.key].code == code and o.key != c.key for o in countries) or any(
            code in lex.place_codes(m.key) for m in places
        )
        if states and not others and any(p.code in named for p in states):
            moved.append(Match(PLACE, c.start, c.end, c.key))
        else:
            kept.append(c)
    if not moved:
        return countries, places
    return kept, sorted(places + moved, key=lambda m: m.start)


def choose_places(
    doc: Doc, lex: Lexicon, places: list[Match], countries: list[Match], dateline: str | None
) -> dict[int, PlaceEntry]:
    """The place each name stands for when several share it, by the start token of its match.

    Preference: a country named in the same sentence (by a country word or a place of one country
    only), then one named anywhere in the article, then the ``dateline`` country, then the likeliest
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
        code = lex.countries[c.key].code
        article[code] += 1
        sentence_codes.setdefault(sentence(c.start), set()).add(code)
    for m in places:
        codes = lex.place_codes(m.key)
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
