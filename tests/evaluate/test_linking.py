"""The linking scorer on hand-computed cases, the labelled set's files, and the Reuters reader."""

from __future__ import annotations

import pytest

from accord.evaluate.linking import LabelledMention, b_cubed, load_links, near_misses, pairwise, score_linking
from accord.evaluate.reuters import parse_body


def test_linking_pairwise_counts_pairs_of_one_cluster():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    # System: {a, b}, {c, d}: 1 right pair of 2 made; 3 gold pairs.
    system = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert pairwise(gold, system) == {
        "precision": 0.5,
        "recall": 0.3333,
        "f1": 0.4,
        "system_pairs": 2,
        "gold_pairs": 3,
    }
    assert pairwise(gold, {"a": 1, "b": 2, "c": 3, "d": 4})["recall"] == 0.0
    assert pairwise(gold, {"a": 1, "b": 1, "c": 1, "d": 2})["f1"] == 1.0


def test_linking_b_cubed_averages_over_mentions():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    system = {"a": 1, "b": 1, "c": 2, "d": 2}
    # Precision: a 2/2, b 2/2, c 1/2, d 1/2 -> 0.75; recall: a 2/3, b 2/3, c 1/3, d 1/1 -> 0.6667.
    assert b_cubed(gold, system) == {"precision": 0.75, "recall": 0.6667, "f1": 0.7059}
    assert b_cubed({}, {}) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def _event(id, article, event="ASSAULT", date="1987-10-19", actor=("USA",), recipient=("IRN",), cluster="c1"):
    return {
        "id": id,
        "article_id": article,
        "event": event,
        "date": date,
        "actor": [{"code": c} for c in actor],
        "recipient": [{"code": c} for c in recipient],
        "cluster_id": cluster,
        "trigger": {"start": 0},
    }


def test_linking_near_misses_are_look_alike_pairs_of_two_events():
    events = {
        "e1": _event("e1", "a1"),
        "e2": _event("e2", "a2", date="1987-10-20"),  # another event, the next day, same dyad
        "e3": _event("e3", "a3", event="THREATEN"),  # another type: no near miss
        "e4": _event("e4", "a1", date="1987-10-20"),  # e1's article: no near miss with e1, one with e2
        "e5": _event("e5", "a5", date="1987-11-20"),  # a month later: no near miss
    }
    gold = {"e1": "x", "e2": "y", "e3": "z", "e4": "w", "e5": "v"}
    assert near_misses(gold, events) == [frozenset({"e1", "e2"}), frozenset({"e2", "e4"})]
    assert near_misses({**gold, "e2": "x"}, events) == [frozenset({"e2", "e4"})]  # one event: no near miss


def test_linking_score_uses_labelled_mentions_found_and_reports_the_rest():
    labels = [
        LabelledMention("a1", 0, "ASSAULT", "strike", "", "t.tsv"),
        LabelledMention("a2", 0, "ASSAULT", "strike", "", "t.tsv"),
        LabelledMention("a3", 0, "ASSAULT", "-", "not an act", "t.tsv"),
        LabelledMention("a4", 0, "ASSAULT", "strike", "", "t.tsv"),  # no longer extracted
    ]
    stored = {
        ("a1", 0, "ASSAULT"): _event("e1", "a1"),
        ("a2", 0, "ASSAULT"): _event("e2", "a2"),
        ("a3", 0, "ASSAULT"): _event("e3", "a3"),
        ("a5", 0, "ASSAULT"): _event("e5", "a5"),  # extracted but never labelled
    }
    found = score_linking(labels, stored)
    assert found["pairwise"]["f1"] == 1.0 and found["gold_clusters"] == 1
    assert found["coverage"]["labelled"] == 3 and found["coverage"]["found"] == 2
    assert found["coverage"]["missing"] == ["a4@0 ASSAULT"] and found["coverage"]["unlabelled_events"] == [
        "a5@0 ASSAULT"
    ]


def test_linking_labelled_set_files_parse_and_keep_held_out_data_out():
    labels = load_links()
    assert len(labels) > 300
    articles = {m.article_id for m in labels}
    assert any(a.startswith("reut-") for a in articles) and any(a.startswith("guardian-") for a in articles)
    assert any(a.startswith("DEV-MUC3-") for a in articles)
    # te3-silver-news is where the held-out checks come from: none of its reports (AFP/XIE ids) here.
    assert not any(a.startswith(("AFP_", "XIE_", "APW_", "NYT_")) for a in articles)
    real = [m for m in labels if m.label not in ("-", "?")]
    assert len({m.label for m in real}) > 50 and all(m.note for m in labels)


def test_linking_reuters_bodies_are_unwrapped():
    assert (
        parse_body("First line\nwraps.\n    Second paragraph.\n Reuter\n\x03")
        == "First line wraps.\n\nSecond paragraph."
    )


def test_linking_reuters_reader_reads_a_known_report(shared_dir):
    from accord.evaluate.reuters import read_reuters

    [article] = list(read_reuters(shared_dir, ["reut-21459"]))
    assert str(article.date) == "1987-10-19" and article.dateline == "WASHINGTON"
    assert article.text.startswith("U.S. warships attacked and destroyed an Iranian oil platform on Monday")
    with pytest.raises(FileNotFoundError):
        list(read_reuters(shared_dir / "nowhere"))
