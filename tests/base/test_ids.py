"""One article id for one text, whichever entry point the text came through."""

from __future__ import annotations

import io

from accord.base.ids import article_id_for_text, event_id
from accord.ingest import read_articles
from accord.pipeline import Extractor
from accord.records import Article

TEXT = "India and Russia signed four defence agreements on Monday."


def test_ids_article_id_depends_only_on_the_text():
    assert article_id_for_text(TEXT) == article_id_for_text(TEXT)
    assert article_id_for_text(TEXT) != article_id_for_text(TEXT + " ")
    assert article_id_for_text(TEXT).startswith("sha256-")


def test_ids_event_id_changes_with_each_part():
    base = event_id("a1", 10, "057")
    assert base.startswith("ev-") and len(base) == 19
    assert len({base, event_id("a2", 10, "057"), event_id("a1", 11, "057"), event_id("a1", 10, "036")}) == 4


def test_ids_stdin_ingest_and_extract_agree(nlp, monkeypatch):
    [read] = list(read_articles(["-"], stdin=io.StringIO(f"date 2021-12-06 {TEXT}")))
    assert isinstance(read, Article)
    assert read.id == article_id_for_text(TEXT)

    import accord.pipeline as pipeline

    monkeypatch.setattr(pipeline, "default_extractor", lambda: Extractor(nlp))
    events = pipeline.extract(TEXT, "2021-12-06")
    assert events, "the sentence names a signing: at least one event"
    assert {event["article_id"] for event in events} == {read.id}
