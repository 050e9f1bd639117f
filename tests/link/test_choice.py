"""Which cluster a new mention joins: the best compatible one, never one its sides or numbers contradict."""

from __future__ import annotations

import dataclasses

from accord.link import Settings, choose_cluster
from accord.link.choice import profile


def _talks(make, id, article, recipient, cluster):
    recipients = {recipient} if recipient else set()
    return make(
        id=id,
        article_id=article,
        type="CONSULT",
        subtype="040",
        cooperative=True,
        recipients=recipients,
        text="President Reagan held talks at the White House.",
        trigger="held talks",
        cluster_id=cluster,
    )


def test_choice_a_vague_mention_cannot_chain_two_meetings(make):
    members = {"cl-a": [_talks(make, "e1", "a1", "GBR", "cl-a"), _talks(make, "e2", "a2", None, "cl-a")]}
    assert choose_cluster(_talks(make, "e3", "a3", "FRA", None), members) is None
    found = choose_cluster(_talks(make, "e4", "a4", "GBR", None), members)
    assert found is not None and found.cluster_id == "cl-a"


def test_choice_profile_keeps_the_sides_most_members_name(make):
    members = [
        make(id="e1", recipients={"IRN"}),
        make(id="e2", recipients={"IRN"}),
        make(id="e3", recipients={"QAT"}),  # one report with a recipient miscoded from "east of Qatar"
    ]
    assert profile("cl-x", members).recipients == {"IRN"}


def test_choice_a_member_counting_otherwise_rules_the_cluster_out(make):
    bombing = make(id="e1", counts=(("injured", 30.0),), cluster_id="cl-b")
    other = make(id="e2", article_id="a2", counts=(("injured", 4.0),))
    assert choose_cluster(other, {"cl-b": [bombing]}) is None


def test_choice_the_best_cluster_wins_and_ties_go_to_the_smaller_id(make):
    strike = make(id="e9", article_id="a9")
    near = make(id="e1", cluster_id="cl-b")
    far = make(id="e2", article_id="a2", text="A platform was hit.", trigger="hit", cluster_id="cl-a")
    assert choose_cluster(strike, {"cl-a": [far], "cl-b": [near]}).cluster_id == "cl-b"
    twin = dataclasses.replace(near, id="e3", cluster_id="cl-a")
    assert choose_cluster(strike, {"cl-b": [near], "cl-a": [twin]}).cluster_id == "cl-a"


def test_choice_a_second_mention_of_one_article_needs_a_higher_score(make):
    first = make(id="e1", article_id="a1", cluster_id="cl-a")
    again = make(id="e2", article_id="a1", text="The platform was shelled by destroyers.", trigger="shelled")
    other_article = dataclasses.replace(again, article_id="a2")
    found = choose_cluster(other_article, {"cl-a": [first]})
    assert found is not None and Settings().threshold <= found.score  # enough from another article ...
    strict = Settings(same_article=found.score + 0.01)
    assert choose_cluster(again, {"cl-a": [first]}, strict) is None  # ... not from the same one
    assert choose_cluster(other_article, {"cl-a": [first]}, strict) is not None


def test_choice_records_of_one_article_never_join_each_other(make):
    pact = dict(
        kind="agreement",
        type="agreement",
        subtype="agreement",
        cooperative=True,
        symmetric=True,
        recipients=set(),
    )
    first = make(id="ag-1", trigger="military-technical cooperation agreement", cluster_id="cl-a", **pact)
    second = make(id="ag-2", trigger="military-technical cooperation agreement", **pact)
    assert choose_cluster(second, {"cl-a": [first]}) is None
    assert choose_cluster(dataclasses.replace(second, article_id="a2"), {"cl-a": [first]}) is not None
