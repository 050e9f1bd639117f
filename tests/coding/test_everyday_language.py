"""Everyday diplomatic and conflict language, on phrases of our own: calls, blocks, charges, expulsions by
force, appreciation, statements about an attack, and statements about talks that are not talks."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.pipeline import Extractor
from accord.records import Article


@pytest.fixture(scope="module")
def coded(nlp):
    extractor = Extractor(nlp)

    def run(text: str, dateline: str | None = None) -> set[tuple[str, str, str, str]]:
        article = Article(id="t", date=dt.date(2006, 11, 20), text=text, dateline=dateline)
        return {
            (
                e.event,
                e.cameo,
                "+".join(sorted({x.code for x in e.actor})) or "-",
                "+".join(sorted({x.code for x in e.recipient})) or "-",
            )
            for e in extractor.extract_article(article).events
        }

    return run


def test_language_a_phone_call_is_consult_by_phone(coded):
    found = coded(
        "Chilean President Michelle Bachelet spoke by telephone with Peruvian President Alan Garcia."
    )
    assert any(kind == "CONSULT" and cameo == "041" for kind, cameo, _, _ in found)


def test_language_blocking_a_resolution_rejects_its_author(coded):
    assert ("REJECT", "120", "CHN", "UNO") in coded("China blocked a UN resolution on Myanmar on Friday.")


def test_language_charging_soldiers_is_an_accusation_against_them(coded):
    found = coded("Afghan prosecutors charged two Canadian soldiers with manslaughter.")
    assert ("ACCUSE", "1121", "AFG", "CAN") in found
    # The charge is no side: "with manslaughter" names what they are accused of.
    assert not any("with" in r for _, _, _, r in found)


def test_language_driving_fighters_out_is_force(coded):
    found = coded("Kenyan troops drove Somali militants out of Kismayo on Thursday.")
    assert any(kind == "ASSAULT" and actor == "KEN" for kind, _, actor, _ in found)


def test_language_appreciation_is_support(coded):
    assert any(
        k == "SUPPORT" and a == "MWI"
        for k, _, a, r in coded("Malawi appreciates Japan's aid to its farmers.")
    )


def test_language_deploring_an_attack_accuses_its_unnamed_author(coded):
    found = coded("Spain deplored the bombing in Istanbul on Sunday.")
    assert ("ACCUSE", "111", "ESP", "UNK") in found
    assert not any(kind == "ASSAULT" and actor == "ESP" for kind, _, actor, _ in found)


def test_language_concern_over_talks_is_no_consultation_by_the_speaker(coded):
    found = coded("Australia voiced concern over the talks between Iran and Syria.")
    assert not any(kind == "CONSULT" and actor == "AUS" for kind, _, actor, _ in found)


def test_language_leaders_named_by_surname_alone(coded):
    found = coded("Putin and Bush will hold talks in Moscow next week.")
    assert any(kind == "AGREE" and {a, r} == {"RUS", "USA"} for kind, _, a, r in found)


def test_language_a_rights_group_is_an_ngo(coded):
    found = coded("The rights group accused the army of torture.", dateline="KATHMANDU")
    assert ("ACCUSE", "112", "NGO", "NPL") in found
