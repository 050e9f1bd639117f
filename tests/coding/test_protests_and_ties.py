"""Whom protests address, who "they" are, and ties strengthened or to be strengthened: phrases of our own."""

from __future__ import annotations

import pytest


def sides(event) -> tuple[set[str], set[str]]:
    return {e.code for e in event.actor}, {e.code for e in event.recipient}


def test_a_protest_at_a_foreign_embassy_addresses_its_country(events):
    [protest] = [e for e in events("Hundreds of Korean students protested outside the US embassy in Seoul.")]
    assert sides(protest) == ({"KOR"}, {"USA"})
    [rally] = [e for e in events("Several rallies were held in front of the French embassy in Algiers.")]
    assert sides(rally) == ({"DZA"}, {"FRA"})


def test_a_place_inside_a_purpose_clause_is_not_where_the_protest_was(events):
    text = "Pakistani traders staged a sit-in in Lahore to protest the seizure of goods bound for Kabul."
    [protest] = [e for e in events(text) if e.trigger.text == "staged"]
    assert sides(protest) == ({"PAK"}, {"PAK"})


def test_the_author_of_a_protested_act_is_the_target_even_when_the_by_phrase_hangs_on_the_verb(events):
    text = "Greek farmers marched to protest cheap sales of wheat to Egypt by French traders."
    targets = [sides(e)[1] for e in events(text) if e.event == "PROTEST"]
    assert {"FRA"} in targets


def test_a_sentence_opening_on_they_continues_the_last_subject(events):
    text = (
        "Bolivian miners blocked roads near the Chilean border to protest a deal with Chilean firms. "
        "They clashed with police on Tuesday."
    )
    second = [e for e in events(text) if e.trigger.start > text.index("They")]
    assert second
    assert all("BOL" in sides(e)[0] for e in second)


def test_they_after_a_report_is_the_subject_of_what_was_reported(events):
    text = (
        "Kenyan officials said Somali gunmen attacked a border post. They fled across the border on Sunday."
    )
    found = [e for e in events(text) if e.trigger.text == "fled"]
    assert all("KEN" not in sides(e)[0] for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Chile is willing to further cooperation with Peru.",
        "Chile hopes to deepen ties with Peru.",
        "Chile wants to expand its partnership with Peru.",
    ],
)
def test_an_aim_to_strengthen_ties_is_an_intent(events, text):
    [intent] = events(text)
    assert intent.event == "AGREE" and intent.status == "planned"
    assert {e.code for e in intent.actor + intent.recipient} == {"CHL", "PER"}


def test_strengthened_ties_are_support(events):
    [done] = events("Chile and Peru strengthened their military cooperation on Monday.")
    assert done.event == "SUPPORT" and done.status == "occurred"
    assert {e.code for e in done.actor + done.recipient} == {"CHL", "PER"}


def test_their_protest_later_in_the_story_keeps_the_target_told_before(events):
    text = (
        "Hundreds of Turkish workers rallied outside the Dutch consulate in Istanbul on Monday. "
        "They resumed their protest on Tuesday."
    )
    later = [e for e in events(text) if e.trigger.start >= text.index("resumed")]
    assert later and all(sides(e) == ({"TUR"}, {"NLD"}) for e in later)


def test_their_protest_by_other_people_does_not_take_an_earlier_target(events):
    text = (
        "Hundreds of Turkish workers rallied outside the Dutch consulate in Istanbul on Monday. "
        "Greek farmers resumed their protest in Athens on Tuesday."
    )
    later = [e for e in events(text) if e.trigger.start >= text.index("resumed")]
    assert all("NLD" not in sides(e)[1] for e in later)


def test_they_in_a_later_clause_continues_the_last_subject(events):
    text = (
        "Bolivian miners blocked roads near the Chilean border on Monday. "
        "Police said they later clashed with soldiers on Tuesday."
    )
    second = [e for e in events(text) if e.trigger.start > text.index("Police")]
    assert any("BOL" in sides(e)[0] for e in second)
