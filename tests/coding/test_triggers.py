"""Candidate triggers on real parses: verbs with their objects, reported obligations, acts inside acts."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.coding.attachment import time_tokens
from accord.coding.context import EventContext, ParsedArticle
from accord.coding.lexicon import load_lexicon
from accord.coding.triggers import find_candidates, object_of
from accord.records import Article


def _parsed(nlp, text: str) -> ParsedArticle:
    """The parse of ``text`` with an empty context: no actors, dates, amounts or places."""
    doc = nlp(text)
    context = EventContext(Article("t", dt.date(2021, 12, 6), text), [], [], [], [], [])
    return ParsedArticle(doc, context, load_lexicon(), {}, time_tokens(doc, []), None)


def _candidates(nlp, text: str) -> list[tuple[str, list[str], str]]:
    parsed = _parsed(nlp, text)
    [sentence] = list(parsed.doc.sents)
    return [
        (c.token.text, [t.text for t in c.trigger_tokens], c.code.cameo)
        for c in find_candidates(parsed, sentence)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The halt is the content of the demand, not a second act.
        ("Egypt urged Israel to halt its military operations in Gaza.", [("urged", ["urged"], "100")]),
        # "held talks": the verb with its object is the meeting; the object is no second event.
        ("India and Russia held talks in New Delhi.", [("held", ["held"], "040")]),
        ("Sources said on Monday that India signed the pact.", [("signed", ["signed"], "057")]),
    ],
)
def test_triggers_candidates_of_a_sentence(nlp, text, expected):
    assert _candidates(nlp, text) == expected


def test_triggers_reported_obligation_is_the_speakers_demand(nlp):
    parsed = _parsed(nlp, "A senior British minister reiterated that Libya must hand over the suspects.")
    [sentence] = list(parsed.doc.sents)
    [candidate] = find_candidates(parsed, sentence)
    assert candidate.speaker is not None and candidate.speaker.text == "reiterated"
    assert [t.text for t in candidate.trigger_tokens] == [
        "must",
        "hand",
    ] and candidate.code.event == "REQUEST"


@pytest.mark.parametrize(
    ("text", "verb", "obj"),
    [
        ("India and Russia signed an agreement.", "signed", "agreement"),
        ("The agreement signed by India and Russia.", "signed", "agreement"),
        ("Japan called on Damascus to withdraw.", "called", "Damascus"),
    ],
)
def test_triggers_object_of_a_verb(nlp, text, verb, obj):
    token = next(t for t in nlp(text) if t.text == verb)
    found = object_of(token, "on" if verb == "called" else None)
    assert found is not None and found.text == obj
