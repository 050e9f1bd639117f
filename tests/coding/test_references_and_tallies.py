"""Words that refer back ("the army", "five more policemen", "their convoy") and running totals: our phrases."""

from __future__ import annotations

from accord.resolve.actors import resolve_actors


def sides(event) -> tuple[set[str], set[str]]:
    return {e.code for e in event.actor}, {e.code for e in event.recipient}


def test_a_definite_noun_refers_back_to_the_body_named_with_its_country(nlp):
    doc = nlp(
        "The Turkish army shelled a village in Iraq on Monday. On Tuesday the army said it had hit rebels."
    )
    codes = [(m.entity.entity_text, m.entity.code) for m in resolve_actors(doc)]
    assert ("army", "TUR") in codes


def test_more_of_the_same_noun_refers_back(nlp):
    doc = nlp("Three Afghan policemen were killed in Herat. Five more policemen died in Pakistan's Quetta.")
    codes = [(m.entity.entity_text, m.entity.code) for m in resolve_actors(doc)]
    assert ("policemen", "AFG") in codes


def test_a_bare_noun_with_no_earlier_body_keeps_the_home_country(nlp):
    doc = nlp("Police arrested two men in Lima on Monday. Peru's president praised the police.")
    codes = {m.entity.code for m in resolve_actors(doc) if m.entity.entity_text.lower() == "police"}
    assert codes == {"PER"}


def test_running_totals_are_no_event(events):
    assert not events("More than 400 Kenyan soldiers have been killed in Somalia since the mission began.")
    assert not events("At least 90 Indian policemen have died since 2004.")
    assert [e.event for e in events("Somali gunmen have killed three Kenyan soldiers.")] == ["ASSAULT"]


def test_the_owner_of_what_was_hit_is_the_target(events):
    text = "Two Dutch soldiers were wounded on Friday when their convoy was ambushed near Kandahar."
    found = [e for e in events(text) if e.event == "ASSAULT"]
    assert found
    assert all(sides(e)[1] == {"NLD"} for e in found)


def test_an_act_in_an_adjunct_takes_its_acts_date_not_the_reports(events):
    text = (
        "Late on Sunday the Kenyan army said that two Kenyan soldiers were killed on Friday "
        "when their truck was hit by a mine near the border."
    )
    found = [e for e in events(text) if e.event == "ASSAULT"]
    assert found
    assert {e.date for e in found} == {"2006-11-17"}
