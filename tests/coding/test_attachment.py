"""Dates, places and amounts attached to events: which event owns a date phrase, and the date it gives."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.coding.attachment import article_location, date_fields, time_owners, time_tokens
from accord.coding.context import EventContext, ParsedArticle
from accord.coding.lexicon import load_lexicon
from accord.coding.triggers import find_candidates
from accord.records import Article, Location, TimeExpression

REPORTED = dt.date(2021, 12, 6)


def _time(text: str, phrase: str, date: str) -> TimeExpression:
    start = text.index(phrase)
    return TimeExpression(phrase, start, start + len(phrase), "DATE", date, date=date, precision="day")


def _owners(nlp, text: str, times: list[TimeExpression]) -> dict[str, list[str]]:
    doc = nlp(text)
    context = EventContext(Article("t", REPORTED, text), [], times, [], [], [])
    parsed = ParsedArticle(doc, context, load_lexicon(), {}, time_tokens(doc, times), None)
    [sentence] = list(doc.sents)
    owners = time_owners(parsed, sentence, find_candidates(parsed, sentence))
    return {doc[i].text: [t.text for t in found] for i, found in owners.items()}


def test_attachment_a_reporting_verbs_date_dates_what_it_reports(nlp):
    text = "Sources said on Monday that India signed the pact."
    assert _owners(nlp, text, [_time(text, "Monday", "2021-12-06")]) == {"signed": ["Monday"]}


def test_attachment_each_date_phrase_belongs_to_its_own_verb(nlp):
    text = "The pact that was sealed in February 2019 was signed on Monday."
    times = [_time(text, "February 2019", "2019-02"), _time(text, "Monday", "2021-12-06")]
    assert _owners(nlp, text, times) == {"sealed": ["February 2019"], "signed": ["Monday"]}


@pytest.mark.parametrize(
    ("time", "expected"),
    [
        (None, ("2021-12-06", "day", None)),
        (
            TimeExpression("March", 0, 5, "DATE", "2021-03", date="2021-03", precision="month"),
            ("2021-03", "month", None),
        ),
        # A span that covers the report date: the act happens now and the span's end is the enddate.
        (
            TimeExpression("2021-2031", 0, 9, "DATE", "2021", date="2021", precision="year", enddate="2031"),
            ("2021-12-06", "day", "2031"),
        ),
        (
            TimeExpression("2010-2015", 0, 9, "DATE", "2010", date="2010", precision="year", enddate="2015"),
            ("2010", "year", "2015"),
        ),
    ],
)
def test_attachment_date_fields(time, expected):
    assert date_fields(REPORTED, time) == expected


def test_attachment_article_location_is_the_most_named_country():
    places = [
        Location("Delhi", "IND", 0, 5),
        Location("Moscow", "RUS", 10, 16),
        Location("Mumbai", "IND", 20, 26),
    ]
    assert article_location(places) == places[0]
    assert article_location([]) is None


def test_attachment_event_noun_subject_shares_its_verbs_date(code):
    text = "The meeting between Sudan and Chad on Tuesday agreed to reopen the border."
    meetings = [e for e in code(text, "2006-12-22") if e["trigger"]["text"] == "meeting"]
    assert meetings and meetings[0]["date"] == "2006-12-19"


def test_attachment_a_statements_topic_keeps_its_own_date(code):
    text = "They protested a German court ruling accusing the Iranian government in the 1992 murder of dissidents."
    found = code(text, "1997-04-17")
    accusations = [e for e in found if e["event"] == "ACCUSE"]
    assert accusations and accusations[0]["date"] != "1992"


def test_attachment_a_killing_in_dated_bombings_shares_their_date(code):
    found = code("Three Iraqi soldiers were killed in Thursday's bombings in Baghdad.", "2006-11-20")
    assert any(e["event"] == "ASSAULT" and e["date"] == "2006-11-16" for e in found)
