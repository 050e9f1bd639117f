"""'The two countries', vows to use force, and arrests whose author is unsaid."""

from __future__ import annotations

import datetime as dt

from accord.pipeline import Extractor
from accord.records import Article


def triples(events) -> set[tuple[str, str, str]]:
    return {
        (
            e["event"],
            "+".join(sorted({x["code"] for x in e["actor"]})) or "-",
            "+".join(sorted({x["code"] for x in e["recipient"]})) or "-",
        )
        for e in events
    }


def test_the_two_countries_are_the_parties_named_before(code):
    text = "Brazil and Argentina held talks in Brasilia on Monday. The two countries signed a trade accord."
    signing = [e for e in code(text) if e["trigger"]["text"] == "signed"]
    assert signing, code(text)
    sides = {x["code"] for x in signing[0]["actor"] + signing[0]["recipient"]}
    assert sides == {"BRA", "ARG"} and signing[0]["symmetric"]
    # The evidence of each party is the phrase that stands for it here.
    assert {x["entity_text"] for x in signing[0]["actor"]} == {"The two countries"}


def test_two_soldiers_are_no_pair(code):
    text = "Brazil and Argentina held talks on Monday. Two soldiers were injured."
    assert all(
        "BRA" not in (e["actor"] and e["actor"][0]["code"]) for e in code(text) if e["event"] == "ASSAULT"
    )


def test_a_vow_to_use_force_is_a_threat(code):
    assert ("THREATEN", "COL", "COL") in triples(code("Colombia's army vowed to attack the rebels in Cauca."))
    found = triples(
        code("The Ethiopian government vowed that it would try all means to attack Eritrean forces.")
    )
    assert ("THREATEN", "ETH", "ERI") in found


def test_a_vow_not_to_attack_is_no_threat(code):
    found = triples(code("Eritrea vowed not to attack Ethiopian forces."))
    assert not any(kind == "THREATEN" for kind, _, _ in found)


def test_arrest_without_author_is_the_authorities_of_the_place(code):
    found = triples(code("A Brazilian congressman was arrested in Brasilia on Tuesday."))
    assert ("COERCE", "BRA", "BRA") in found


def test_arrest_without_author_or_place_is_the_authorities_of_the_dateline(nlp):
    article = Article(
        id="a",
        date=dt.date(2006, 12, 15),
        text="Opposition lawmaker Ivan Petrov was arrested on Wednesday.",
        dateline="SOFIA",
    )
    events = [e.to_dict() for e in Extractor(nlp).extract_article(article).events]
    arrests = [e for e in events if e["event"] == "COERCE"]
    assert arrests and arrests[0]["actor"][0]["code"] == "BGR"
    assert arrests[0]["actor"][0]["name"] == "authorities of Sofia"


def test_the_indian_ocean_is_no_country(code):
    found = triples(code("Pirates attacked a Thai fishing boat in the Indian Ocean on Monday."))
    assert all("IND" not in side for _, a, r in found for side in (a, r))
