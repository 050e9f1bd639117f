"""``accord explain`` and ``accord.explain``: each event's reasons, each dropped candidate's, on real text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from accord.cli import main
from accord.explanations import ArticleExplanation, explain_article
from accord.ingest import read_articles
from accord.pipeline import Extractor
from accord.records import Article


def _explained(nlp, text: str, date: str = "2006-11-20") -> ArticleExplanation:
    return explain_article(Extractor(nlp), Article(id="t", date=dt.date.fromisoformat(date), text=text))


def test_explain_names_the_row_sides_date_and_status(nlp):
    found = _explained(nlp, "Brazil and Argentina signed a trade accord in Brasilia on Monday.")
    [why] = [w for w, e in zip(found.explanations, found.events, strict=True) if e.event == "SUPPORT"]
    [mention] = why.mentions
    assert mention.rule.startswith("triggers.tsv:") and "sign" in mention.rule
    assert {s.code for s in mention.actor} | {s.code for s in mention.recipient} == {"BRA", "ARG"}
    assert "subject" in mention.actor[0].how
    assert "'Monday'" in mention.date and "2006-11-20" in mention.date
    assert mention.status.startswith("occurred")


def test_explain_says_why_a_candidate_was_dropped(nlp):
    found = _explained(nlp, "Oil prices shot above 61 dollars on Monday.")
    assert not found.events
    reasons = {d.reason for d in found.dropped}
    assert reasons, "the trigger is a candidate"
    text = found.to_text()
    assert "dropped" in text and "market" in text


def test_explain_says_why_a_code_changed(nlp):
    found = _explained(nlp, "Japan will sign a trade pact with Chile next month.")
    recoded = [m.recoded for w in found.explanations for m in w.mentions if m.recoded]
    assert recoded and "planned" in recoded[0]


def test_explain_seed(seed_path: Path, nlp):
    [article] = [a for a in read_articles([seed_path]) if isinstance(a, Article)]
    found = explain_article(Extractor(nlp), article)
    assert [e.id for e in found.events] == [w.event_id for w in found.explanations]
    summaries = [w.summary for w in found.explanations]
    assert summaries[0] == "SUPPORT 057 IND <-> RUS 2021-12-06 occurred"
    # The signing is stated four times and merged ('inked', 'signed', 'renewed', 'entered into'), with
    # India's praise of Russia's support: one (who, type, whom, when), as the annotation guide counts events.
    triggers = [m.trigger.text for m in found.explanations[0].mentions]
    assert triggers[:4] == ["inked", "signed", "renewed", "entered into"]
    procurement = next(w for w in found.explanations if w.summary.startswith("COOPERATE 062"))
    assert "inherited" in procurement.mentions[0].actor[0].how
    # The summit "later in the day" is planned; its mention says which phrase dated it.
    summit = next(m for w in found.explanations for m in w.mentions if m.trigger.text.startswith("hold"))
    assert summit.status.startswith("planned") and "'later in the day'" in summit.date
    document = found.to_dict()
    assert document["article_id"] == "000_5d68f7ddc8901266" and len(document["events"]) == len(found.events)
    json.dumps(document)  # JSON-ready


def test_explain_cli_text_and_json(nlp, monkeypatch):
    import accord.pipeline as pipeline

    monkeypatch.setattr(pipeline.Extractor, "nlp", property(lambda self: nlp))
    runner = CliRunner()
    result = runner.invoke(
        main, ["explain", "--text", "Gunmen killed two soldiers in Kabul on Monday.", "--date", "2006-11-20"]
    )
    assert result.exit_code == 0, result.output
    assert "UNK" in result.output and "the annotation guide's unknown actor" in result.output
    as_json = runner.invoke(
        main,
        [
            "explain",
            "--format",
            "json",
            "--text",
            "Gunmen killed two soldiers in Kabul.",
            "--date",
            "2006-11-20",
        ],
    )
    document = json.loads(as_json.output)
    assert document["events"][0]["explanation"]["mentions"][0]["trigger"]["text"] == "killed"


def test_explain_cli_needs_text_or_paths():
    runner = CliRunner()
    result = runner.invoke(main, ["explain"])
    assert result.exit_code == 2
    result = runner.invoke(main, ["explain", "--text", "x"])
    assert result.exit_code == 2 and "--date" in result.output


def test_the_library_function_survives_its_first_call(nlp):
    import types

    import accord

    accord.explain("Chile recalled its ambassador to Peru on Monday.", "2006-11-20")
    assert not isinstance(accord.explain, types.ModuleType)  # the module it imports must not shadow it
    assert accord.explain("Chile recalled its ambassador to Peru on Monday.", "2006-11-20").events
