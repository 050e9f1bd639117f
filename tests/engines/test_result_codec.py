"""An ``ArticleResult`` written as JSON (the Ray engine's datasets) comes back equal, whatever it holds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from accord.engines import extract_files
from accord.engines.result_codec import decode_result, encode_result
from accord.records import Article, ArticleResult


def test_result_codec_round_trips_real_results_with_every_record(nlp):
    results = list(extract_files(["samples/"], nlp=nlp))
    assert any(r.events for r in results) and any(r.agreements or r.deals or r.meetings for r in results)
    for result in results:
        text = encode_result(result)
        assert decode_result(text) == result
        assert encode_result(decode_result(text)) == text


def test_result_codec_keeps_lists_dicts_dates_and_exact_floats():
    article = Article("a1", dt.date(2021, 12, 6), "Text.", title="T", line=3)
    result = ArticleResult(
        article, extra={"scores": [0.1 + 0.2, 1e-300], "when": dt.date(2020, 2, 29), "n": (1, 2)}
    )
    back = decode_result(encode_result(result))
    assert back == result and back.extra["scores"] == [0.30000000000000004, 1e-300]
    assert isinstance(back.extra["scores"], list) and isinstance(back.extra["n"], tuple)


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({"@": "Article", "id": "a", "date": {"@d": "2021-12-06"}, "text": "x"}),  # no result
        json.dumps({"@": "os.system", "cmd": "true"}),  # only Accord's records are built
        json.dumps({"@": "ArticleResult", "nope": 1}),
    ],
)
def test_result_codec_refuses_what_is_no_result(text):
    with pytest.raises((ValueError, TypeError)):
        decode_result(text)


def test_result_codec_refuses_values_it_cannot_write():
    article = Article("a1", dt.date(2021, 12, 6), "Text.")
    with pytest.raises(ValueError, match="cannot encode a set"):
        encode_result(dataclasses.replace(ArticleResult(article), extra={"s": {1}}))
