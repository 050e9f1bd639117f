"""Generic group nouns belong to the story's country; bodies are coded as the annotation guide codes them."""

from __future__ import annotations

import datetime as dt

from accord.resolve.actors import resolve_actors
from accord.resolve.actors.lexicon import reported_code


def codes(nlp, text: str, dateline: str | None = None) -> dict[str, str]:
    return {
        m.entity.entity_text: m.entity.code
        for m in resolve_actors(nlp(text), dt.date(2006, 12, 13), dateline)
    }


def test_groups_maoists_are_the_story_country(nlp):
    # Maoist rebels fight in Nepal, India and Peru: the word names no country by itself.
    assert (
        codes(nlp, "Maoist rebels attacked a police post on Friday.", "KATHMANDU")["Maoist rebels"] == "NPL"
    )
    assert codes(nlp, "The Maoists rejected the offer.", "LIMA")["Maoists"] == "PER"


def test_groups_named_groups_keep_their_country(nlp):
    assert codes(nlp, "Naxalite rebels blew up a railway line.", "KATHMANDU")["Naxalite rebels"] == "IND"


def test_groups_war_veterans_are_the_story_country(nlp):
    assert codes(nlp, "War veterans staged a sit-in outside the embassy.", "TEHRAN")["War veterans"] == "IRN"


def test_groups_bodies_are_coded_as_the_guide_codes_them():
    assert reported_code("UNO", "IGO") == "UNO" and reported_code("EUR", "IGO") == "EUR"
    assert reported_code("NAT", "IGO") == "IGO" and reported_code("IRC", "NGO") == "NGO"
    assert reported_code("IMG", "REB") == "REB" and reported_code("AFG", "REB") == "AFG"
