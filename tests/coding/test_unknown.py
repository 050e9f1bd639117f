"""An attack by nobody named has the annotation guide's unknown actor, UNK."""

from __future__ import annotations

import pytest

from accord.coding.unknown import with_unknown_actor


def sides(event):
    return {e["code"] for e in event["actor"]}, {e["code"] for e in event["recipient"]}


@pytest.mark.parametrize(
    "text",
    [
        "Two Colombian policemen were killed by a landmine near Cali on Sunday.",
        "Gunmen opened fire on a bus in Karachi on Sunday, killing six people.",
    ],
)
def test_unknown_attacker_is_unk(code, text):
    attacks = [e for e in code(text) if e["event"] == "ASSAULT"]
    assert attacks, "the sentence states an attack"
    actors, recipients = sides(attacks[0])
    assert actors == {"UNK"} and recipients
    unknown = attacks[0]["actor"][0]
    assert unknown["kind"] == "group"
    assert text[unknown["start"] : unknown["end"]] == attacks[0]["trigger"]["text"]


def test_unknown_actor_is_not_given_to_a_named_attacker(code):
    [attack] = [
        e
        for e in code("Israeli troops shot dead a Palestinian in Nablus on Monday.")
        if e["event"] == "ASSAULT"
    ]
    assert sides(attack)[0] == {"ISR"}


def test_unknown_actor_only_for_attacks(code):
    # A protest with no named protesters is one-sided; it gets no unknown author.
    for event in code("Thousands marched through Caracas on Saturday against the new law."):
        assert "UNK" not in sides(event)[0]


def test_unknown_actor_leaves_events_with_an_actor_alone(code):
    [event] = [e for e in code("Russia attacked Georgia on Friday.") if e["event"] == "ASSAULT"]
    assert sides(event) == ({"RUS"}, {"GEO"})


def test_unknown_actor_needs_a_victim(code):
    # Nobody on either side: nothing to record about who attacked whom, the record stays as it is.
    from accord.records import Event, Trigger

    bare = Event(
        id="e",
        article_id="a",
        date="2006",
        date_precision="year",
        report_date="2006-11-20",
        event="ASSAULT",
        cameo="190",
        goldstein=-10.0,
        quad_class=4,
        status="occurred",
        text="x",
        text_start=0,
        text_end=1,
        trigger=Trigger("x", 0, 1),
        confidence=0.5,
    )
    assert with_unknown_actor(bare) is bare
