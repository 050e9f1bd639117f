"""One batch in, one outcome per article out: a failing article costs only itself."""

from __future__ import annotations

import datetime as dt

from accord.engines.analysis import BatchAnalyser
from accord.records import Article, ArticleResult


def test_analysis_a_failing_article_is_a_reason_in_its_place(nlp, monkeypatch):
    import accord.pipeline

    real = accord.pipeline.analyse_doc

    def analyse_doc(doc, article, lexicon):
        if article.id == "bad":
            raise ValueError("offsets out of range")
        return real(doc, article, lexicon)

    monkeypatch.setattr(accord.pipeline, "analyse_doc", analyse_doc)
    day = dt.date(2021, 12, 6)
    batch = [
        Article("good", day, "India and Russia signed a defence pact on Monday."),
        Article("bad", day, "Pakistan accused India of backing the rebels."),
        Article("fine", day, "China held talks with Japan."),
    ]
    outcomes = BatchAnalyser(nlp).analyse(batch)
    assert [type(o) for o in outcomes] == [ArticleResult, str, ArticleResult]
    assert (
        outcomes[1] == "could not be analysed (ValueError: offsets out of range); please report this article"
    )
    assert [o.article.id for o in outcomes if isinstance(o, ArticleResult)] == ["good", "fine"]
    assert outcomes[0].events
