"""Sides named through relative clauses, described objects, and two parties of one country."""

from __future__ import annotations


def found(code, text: str) -> set[tuple[str, str, str]]:
    return {
        (
            e["event"],
            "+".join(sorted(x["code"] for x in e["actor"])) or "-",
            "+".join(sorted(x["code"] for x in e["recipient"])) or "-",
        )
        for e in code(text)
    }


def test_relative_pronoun_stands_for_the_noun_it_describes(code):
    text = "Kenyan President Mwai Kibaki, who arrived in Tokyo on Monday, praised Japan's aid."
    assert ("CONSULT", "KEN", "JPN") in found(code, text)


def test_relative_pronoun_subject_of_a_visit_noun(code):
    text = (
        "Chilean Foreign Minister Alejandro Foxley, who will pay an official visit to Peru next week, spoke."
    )
    assert ("AGREE", "CHL", "PER") in found(code, text) or ("CONSULT", "CHL", "PER") in found(code, text)


def test_described_object_names_the_other_side(code):
    # The supported role is Brazil's: the clause that describes the object names it.
    assert ("SUPPORT", "ARG", "BRA") in found(code, "Argentina supports the role Brazil has played in Haiti.")


def test_two_parties_of_one_country_act_together(code):
    events = [
        e for e in code("Colombia's government and leftist rebels began peace talks in Havana on Monday.")
    ]
    talks = [e for e in events if e["event"] == "CONSULT"]
    assert talks, events
    assert {x["code"] for x in talks[0]["actor"]} == {"COL"} and {
        x["code"] for x in talks[0]["recipient"]
    } == {"COL"}
    assert talks[0]["symmetric"] is True


def test_two_officials_of_one_government_are_one_party(code):
    # A minister and his own government are not two sides of a meeting.
    for e in code("The Indian defence minister and the Indian government welcomed the decision."):
        assert not (e["symmetric"] and {x["code"] for x in e["actor"] + e["recipient"]} == {"IND"})
