"""People described by a longer noun phrase, and later or earlier mentions of them by part of their name."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.resolve.actors import resolve_actors

DAY = dt.date(2006, 11, 20)


def people(nlp, text: str) -> list[tuple[str, str, str | None]]:
    """(full name, code, office) of each person mention."""
    mentions = resolve_actors(nlp(text), DAY)
    return [(m.entity.name, m.entity.code, m.entity.office) for m in mentions if m.entity.kind == "person"]


def words(nlp, text: str) -> list[tuple[str, str]]:
    """(words as written, code) of each person mention."""
    mentions = resolve_actors(nlp(text), DAY)
    return [(m.entity.entity_text, m.entity.code) for m in mentions if m.entity.kind == "person"]


@pytest.mark.parametrize(
    "text,name,code",
    [
        # The owner comes before a posting ("to", "on", "for"): the ambassador is Norway's, not the UN's.
        ("Norway's ambassador to the United Nations Erik Solberg told reporters.", "Erik Solberg", "NOR"),
        (
            "Brazilian Deputy Minister for Latin American Affairs Joaquim Pereira Lobo arrived.",
            "Joaquim Pereira Lobo",
            "BRA",
        ),
        # "of" names the owner.
        (
            "The spokesman of the African Union Desmond Orjiako said the talks failed.",
            "Desmond Orjiako",
            "IGO",
        ),
        # An apposition after the name.
        ("Helga Lindqvist, EU envoy on the Balkan crisis, met the leaders.", "Helga Lindqvist", "EUR"),
        ("Pedro Almagro, Chilean deputy foreign minister, flew to Lima.", "Pedro Almagro", "CHL"),
    ],
)
def test_people_descriptor_gives_the_owner(nlp, text: str, name: str, code: str):
    found = {n: c for n, c, _ in people(nlp, text)}
    assert found.get(name) == code, people(nlp, text)


def test_people_descriptor_names_the_office(nlp):
    [(name, code, office)] = people(nlp, "Norway's ambassador to the United Nations Erik Solberg left.")
    assert (code, office) == ("NOR", "Ambassador")


def test_people_family_name_first_finds_the_person(nlp):
    found = words(
        nlp, "Vietnamese President Nguyen Minh Triet will visit Japan. Nguyen is to meet the emperor."
    )
    assert ("Nguyen", "VNM") in found


def test_people_short_name_before_the_full_one(nlp):
    text = (
        "Officials said Ekwueme had discussed it. The visit by Samuel Ekwueme, Kenyan trade minister, ended."
    )
    assert ("Ekwueme", "KEN") in words(nlp, text)


def test_people_surname_the_tagger_missed(nlp):
    text = "The talks were led by Martti Rautava, UN envoy on the border dispute. Rautava, a former diplomat, flew home."
    assert ("Rautava", "UNO") in words(nlp, text)


def test_people_descriptor_without_an_office_says_nothing(nlp):
    # A place before a name is no descriptor: no office word in it.
    assert people(nlp, "In Geneva Tove Strand Gerhardsen spoke.") == []
