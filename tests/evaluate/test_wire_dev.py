"""The wire-dev scorer reproduces the reference scorer and says where each error is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from accord.evaluate.wire_dev import GoldEvent, analyse, load_wire_gold, score_wire, sides_agree


def gold(types, actors, recipients, date, *, core=True, symmetric=False):
    return GoldEvent(
        tuple(types), frozenset(actors), frozenset(recipients), symmetric, date, "occurred", core, ""
    )


def pred(event, actors, recipients, date, *, symmetric=False, cameo="000"):
    return {
        "event": event,
        "cameo": cameo,
        "actor": [{"code": c} for c in actors],
        "recipient": [{"code": c} for c in recipients],
        "date": date,
        "status": "occurred",
        "symmetric": symmetric,
        "trigger": {"text": "x"},
    }


def test_wire_dev_sides_need_the_actor_and_a_named_recipient():
    g = gold(["ASSAULT"], ["UNK"], ["IRQ"], "2005-11-14")
    assert not sides_agree(pred("ASSAULT", [], ["IRQ"], "2005-11-14"), g)
    assert sides_agree(pred("ASSAULT", ["UNK"], ["IRQ"], "2005-11-14"), g)
    one_sided = gold(["PROTEST"], ["IRN"], [], "1997")
    assert sides_agree(pred("PROTEST", ["IRN"], ["DEU"], "1997"), one_sided)


def test_wire_dev_joint_acts_match_either_way_round():
    g = gold(["CONSULT"], ["CHN"], ["PAK"], "2006-11-23", symmetric=True)
    assert sides_agree(pred("CONSULT", ["PAK"], ["CHN"], "2006-11-23"), g)
    assert not sides_agree(pred("CONSULT", ["PAK"], ["USA"], "2006-11-23"), g)


def test_wire_dev_scores_duplicates_against_precision():
    gold_events = {"a": [gold(["CONSULT"], ["USA"], ["COD"], "1997-04")]}
    twice = {"a": [pred("CONSULT", ["USA"], ["COD"], "1997-04-30")] * 2}
    scores = score_wire(gold_events, twice)
    assert scores["strict"]["precision"] == 0.5 and scores["strict"]["recall"] == 1.0
    analysis = analyse(gold_events, twice)
    assert analysis["core"]["right"] == 1 and analysis["false_positives"]["duplicate"] == 1


def test_wire_dev_non_core_matches_are_no_false_positive_and_no_recall():
    gold_events = {"a": [gold(["SUPPORT"], ["JPN"], ["USA"], "1997", core=False)]}
    scores = score_wire(gold_events, {"a": [pred("SUPPORT", ["JPN"], ["USA"], "1997-04-08")]})
    assert scores["strict"]["precision"] == 1.0 and scores["strict"]["core_gold"] == 0


def test_wire_dev_outcomes_of_core_events():
    gold_events = {
        "a": [
            gold(["COERCE"], ["MDG"], ["MDG"], "2005-12-14"),
            gold(["REQUEST"], ["USA"], ["TKM"], "2006-12-24"),
            gold(["PROTEST"], ["IRN"], ["DEU"], "1997-04-17"),
            gold(["SUPPORT"], ["FRA"], ["COD"], "1997-04-30"),
        ]
    }
    predictions = {
        "a": [
            pred("COERCE", ["MDG"], ["MDG"], "2005-12-15"),  # right but for the date
            pred("CONSULT", ["USA"], ["TKM"], "2006-12-24"),  # right sides, wrong type
            pred("PROTEST", ["DEU"], ["IRQ"], "1997-04-17"),  # right type, wrong sides
            pred("ASSAULT", ["BRA"], ["ARG"], "1997-04-17"),  # nothing close
        ]
    }
    analysis = analyse(gold_events, predictions)
    assert analysis["core"] == {
        "right": 0,
        "merged": 0,
        "wrong date": 1,
        "wrong sides": 1,
        "wrong type": 1,
        "missed": 1,
    }
    assert analysis["false_positives"]["spurious"] == 1
    assert score_wire(gold_events, predictions)["strict"]["f1"] == 0.0


def test_wire_dev_equals_the_reference_scorer(shared_dir: Path, tmp_path: Path):
    folder = shared_dir / "data/accord-wire-dev/gold"
    gold_events = load_wire_gold(folder)
    # Predictions made from the gold itself, perturbed: every other event's date moved a year.
    lines, predictions = [], {}
    for n, (article, events) in enumerate(gold_events.items()):
        for m, event in enumerate(events):
            year = int(event.date[:4]) + ((n + m) % 2)
            record = pred(
                event.types[-1], sorted(event.actors), sorted(event.recipients), f"{year}{event.date[4:]}"
            )
            record["article_id"] = article
            predictions.setdefault(article, []).append(record)
            lines.append(json.dumps(record))
    path = tmp_path / "predictions.jsonl"
    path.write_text("\n".join(lines) + "\n")
    scorer = shared_dir / "data/accord-wire-dev/score.py"
    reference = json.loads(
        subprocess.check_output([sys.executable, str(scorer), str(folder), str(path), "--json"])
    )
    mine = score_wire(gold_events, predictions)
    assert mine["strict"] == reference["strict"] and mine["lenient"] == reference["lenient"]
    assert 0 < mine["strict"]["f1"] < mine["lenient"]["f1"]
