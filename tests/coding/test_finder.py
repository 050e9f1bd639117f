"""The event finder's account of itself: every candidate trigger gives an event or a named drop reason.

The contexts come from the real pipeline (resolvers included); a spy on the pipeline's call to the finder
keeps the findings with their drop reasons.
"""

from __future__ import annotations

import datetime as dt

import pytest

from accord.coding import EventFindings
from accord.coding.drops import DROP_REASONS, DroppedCandidate
from accord.pipeline import Extractor
from accord.records import Article, Trigger


@pytest.fixture(scope="module")
def extractor(nlp):
    return Extractor(nlp)


@pytest.fixture
def findings(extractor):
    """A function: text -> the finder's ``EventFindings`` for it (checked against the plain result)."""

    def run(text: str, date: str = "2006-11-20") -> EventFindings:
        article = Article(id="t", date=dt.date.fromisoformat(date), text=text)
        result, found = extractor.explain_article(article)
        assert result.events == found.events == extractor.extract_article(article).events
        assert [x.event_id for x in found.explanations] == [e.id for e in found.events]
        return found

    return run


def _dropped(found: EventFindings) -> list[tuple[str, str]]:
    return [(d.trigger.text, d.reason) for d in found.dropped]


@pytest.mark.parametrize(
    ("text", "trigger", "reason"),
    [
        ("The foreign ministers of India and Russia meet annually in Moscow.", "meet", "recurring"),
        ("The central bank warned that prices could rise.", "warned", "no_recipient"),
        (
            "Ice on the wings caused the Colombian company's plane to crash in Venezuela, killing 160 people.",
            "killing",
            "accident",
        ),
        (
            "Oil prices shot above 61 dollars per barrel in New York trading on Friday.",
            "shot",
            "nonagent_subject",
        ),
        (
            "Diplomats said that the envoy's departure should not make a difference to the talks.",
            "should not make",
            "nobody_obliged",
        ),
        (
            "A bomb exploded in a crowded market after a gas leak in Baghdad on Tuesday.",
            "exploded",
            "unattributed_accident",
        ),
        ("Officials discussed the talks.", "discussed", "no_sides"),
        ("Russia signed the agreement on Monday.", "signed", "one_side"),
        (
            "The Syrian Democratic Forces were raised by Washington to fight Islamic State.",
            "fight",
            "purpose",
        ),
    ],
)
def test_finder_each_drop_reason_is_named(findings, text, trigger, reason):
    found = findings(text)
    assert found.events == ()
    assert (trigger, reason) in _dropped(found), _dropped(found)


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        # The currency's country is not taken for the missing side: the act has one side and is dropped.
        (
            "China has forgiven debts of 1.38 billion U.S. dollars owed by poor African countries.",
            ("forgiven", "one_side"),
        ),
        # A news agency is no party to the act the sentence mentions.
        (
            "The Iraqi Red Crescent secretary general told AFP one day after the abductions in Baghdad.",
            ("abductions", "one_side"),
        ),
        # What would have happened is no act: the capture is considered, and dropped for want of a victim.
        (
            "Even without such help, the rebels would probably have captured Lubumbashi.",
            ("captured", "one_side"),
        ),
    ],
)
def test_finder_non_events_are_candidates_dropped_for_a_reason(findings, text, dropped):
    found = findings(text)
    assert found.events == ()
    assert dropped in _dropped(found)


def test_finder_events_and_drops_of_one_article(findings):
    found = findings(
        "Clashes broke out on Tuesday. Russian troops attacked Georgian positions near Tskhinvali."
    )
    assert [(e.event, e.trigger.text) for e in found.events] == [("ASSAULT", "attacked")]
    assert _dropped(found) == [("Clashes", "no_sides")]


def test_finder_every_drop_reason_is_explained():
    assert all(text and not text.endswith(".") for text in DROP_REASONS.values())
    dropped = DroppedCandidate(Trigger("meet", 30, 34), "036", "recurring")
    assert dropped.describe() == "'meet' (30-34, CAMEO 036): " + DROP_REASONS["recurring"]
