"""The actor tables and the phrase matching over them."""

from __future__ import annotations

from accord.resolve.actors.lexicon import case_sensitive, lexicon
from accord.resolve.actors.matching import COUNTRY, find_matches, longest


def test_lexicon_place_codes_lists_every_namesake_country() -> None:
    lex = lexicon()
    assert {"AUS", "CAN", "SYC"} <= lex.place_codes("victoria")
    assert lex.place_codes("no such place anywhere") == set()


def test_lexicon_acronyms_are_case_sensitive() -> None:
    assert case_sensitive(frozenset({"US", "U.S."}))
    assert not case_sensitive(frozenset({"India"}))


def test_matching_applies_case_rules_and_keeps_the_longest(nlp) -> None:
    doc = nlp("The United States and India sent china plates to pro-Syrian groups.")
    countries = longest([m for m in find_matches(doc, lexicon()) if m.label == COUNTRY])
    assert [doc[m.start : m.end].text for m in countries] == ["United States", "India"]
