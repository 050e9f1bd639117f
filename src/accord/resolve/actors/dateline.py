"""Where a report was filed: the dateline given beside the text, or the wire dateline at its start.

``dateline_location("LEGASPI, Philippines")`` reads a dateline that the input gives outside the
text (TimeML's DCT); ``dateline_country(doc, lex, filed)`` is the country the rest of the actor
resolvers take as the story's home: that dateline's, else the one printed at the start of the text
("NEW DELHI, Dec 6 (Reuters) -").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.records import Location
from accord.resolve.actors.lexicon import Lexicon, lexicon, norm

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["dateline_country", "dateline_location"]


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


def dateline_country(doc: Doc, lex: Lexicon, filed: Location | None) -> str | None:
    """The story's home country: that of ``filed`` (from ``dateline_location``), else that of a wire
    dateline at the start of the text, else None."""
    return (filed.country_code if filed is not None else None) or _printed_dateline_country(doc, lex)


def _printed_dateline_country(doc: Doc, lex: Lexicon) -> str | None:
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
