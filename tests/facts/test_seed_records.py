"""The reference report gives exactly the seven records of issue 10 (see seed_records.py for the
decisions), straight from the pipeline; tests/cli and tests/api check the same through the CLI and API."""

from __future__ import annotations

from accord.ingest import read_articles
from accord.pipeline import Extractor
from accord.records import Article


def test_seed_records_from_the_pipeline(nlp, seed_path, seed_records):
    [article] = [a for a in read_articles([seed_path]) if isinstance(a, Article)]
    result = Extractor(nlp).extract_article(article)
    seed_records.check_seed_records(
        [a.to_dict() for a in result.agreements],
        [d.to_dict() for d in result.deals],
        [m.to_dict() for m in result.meetings],
    )
    # Every field's evidence is the text it names.
    text = article.text
    for record in (*result.agreements, *result.deals, *result.meetings):
        for span in record.mentions:
            assert text[span.start : span.end] == span.text
    [deal] = result.deals
    assert deal.money is not None and text[deal.money.start : deal.money.end] == "around Rs 5000 crore"
    linked = {e.id: e for e in result.events}
    # The deal is stated by the procurement event, and by the signing its agreement was part of.
    assert "procurement" in [linked[i].trigger.text for i in deal.event_ids]
    summit = result.meetings[-1]
    # The summit is stated by the planned meeting event ('will hold ... summit', merged with the 2+2
    # dialogue planned the same day between the same two sides).
    assert [(linked[i].event, linked[i].status) for i in summit.event_ids] == [("AGREE", "planned")]
