"""The hard rules two mentions of one event obey, and the score that ranks the rest."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from accord.link import Settings, compare
from accord.link.compare import counts_conflict, types_agree

DAY = dt.date(1987, 10, 19)


def test_compare_two_reports_of_one_strike_are_compatible_and_score_high(make):
    a = make(id="e1", article_id="a1")
    b = make(
        id="e2",
        article_id="a2",
        text="Iran said American destroyers shelled its oil platform in the Gulf.",
        trigger="shelled",
        actors={"USA"},
        recipients=set(),
    )
    verdict = compare(a, b)
    assert verdict.compatible and verdict.score >= Settings().threshold


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"type": "COERCE"}, "the types differ"),
        (
            {"date_first": DAY + dt.timedelta(days=4), "date_last": DAY + dt.timedelta(days=4)},
            "the dates differ",
        ),
        ({"actors": {"IRN"}, "recipients": {"USA"}}, "the actors differ"),  # a hostile act reported reversed
        ({"recipients": {"KWT"}}, "the recipients differ"),
        ({"kind": "meeting", "type": "meeting"}, "different kinds of record"),
    ],
)
def test_compare_refuses_what_cannot_be_one_event(make, change, reason):
    a = make(id="e1")
    b = make(id="e2", article_id="a2", **change)
    verdict = compare(a, b)
    assert not verdict.compatible and verdict.reason == reason and verdict.score == 0.0


def test_compare_dates_agree_at_their_precision(make):
    october = make(
        id="e2", date_first=dt.date(1987, 10, 1), date_last=dt.date(1987, 10, 31), precision="month"
    )
    september = dataclasses.replace(october, date_first=dt.date(1987, 9, 1), date_last=dt.date(1987, 9, 30))
    assert compare(make(), october).compatible
    assert compare(make(), september).reason == "the dates differ"
    three_days = make(date_first=DAY + dt.timedelta(days=3), date_last=DAY + dt.timedelta(days=3))
    assert compare(make(), three_days).compatible
    assert compare(make(), three_days).score < compare(make(), make(id="e3")).score


def test_compare_a_cooperative_act_may_be_reported_the_other_way_round(make):
    talks = dict(
        type="CONSULT",
        subtype="040",
        cooperative=True,
        text="Shultz met Shevardnadze in Moscow.",
        trigger="met",
    )
    a = make(actors={"USA"}, recipients={"SUN"}, **talks)
    b = make(id="e2", article_id="a2", actors={"SUN"}, recipients={"USA"}, **talks)
    assert compare(a, b).compatible


def test_compare_two_meetings_of_one_president_with_two_leaders_stay_apart(make):
    talks = dict(type="CONSULT", subtype="040", cooperative=True, trigger="met")
    thatcher = make(recipients={"GBR"}, text="Reagan met Thatcher at the White House.", **talks)
    mitterrand = make(
        id="e2",
        article_id="a2",
        recipients={"FRA"},
        text="Reagan met Mitterrand at the White House.",
        **talks,
    )
    assert compare(thatcher, mitterrand).reason == "the recipients differ"


def test_compare_places_named_in_both_sentences_must_be_near(make, place):
    lima = place("Lima", "PER", -12.05, -77.04)
    cusco = place("Cusco", "PER", -13.53, -71.97)
    callao = place("Callao", "PER", -12.06, -77.15)
    bogota = place("Bogota", "COL", 4.61, -74.08)
    bombing = dict(
        actors={"REB"}, recipients={"PER"}, text="A bomb exploded in the city.", trigger="exploded"
    )
    a = make(place=lima, **bombing)
    assert (
        compare(a, make(id="e2", article_id="a2", place=cusco, **bombing)).reason
        == "the places are far apart"
    )
    assert compare(a, make(id="e2", article_id="a2", place=callao, **bombing)).compatible
    assert compare(a, make(id="e2", article_id="a2", place=bogota, **bombing)).reason == (
        "the places are in different countries"
    )
    # A place from a dateline (not in the sentence) is no evidence either way.
    dateline = place("Bogota", "COL", 4.61, -74.08, stated=False)
    assert compare(a, make(id="e2", article_id="a2", place=dateline, **bombing)).compatible


def test_compare_two_bombings_with_different_tolls_are_two_events(make):
    fenastras = make(counts=(("killed", 10.0), ("injured", 30.0)))
    comadres = make(id="e2", article_id="a2", counts=(("injured", 4.0),))
    toll_grew = make(id="e3", article_id="a3", counts=(("killed", 12.0),))
    assert counts_conflict(fenastras, comadres) == "the counts differ"
    assert compare(fenastras, comadres).reason == "the counts differ"
    assert counts_conflict(fenastras, toll_grew) == "" and compare(fenastras, toll_grew).compatible


def test_compare_statuses_that_disagree_cost_score_but_refuse_nothing(make):
    occurred = make()
    denied = make(id="e2", article_id="a2", status="negated")
    planned = make(id="e3", article_id="a3", status="planned")
    assert compare(occurred, denied).compatible
    assert compare(occurred, denied).score == pytest.approx(compare(occurred, make(id="e4")).score - 0.1)
    assert compare(occurred, planned).score == compare(occurred, make(id="e4")).score


def test_compare_a_planned_meeting_coded_agree_is_the_consult_held(make):
    planned = make(type="AGREE", subtype="036", status="planned", cooperative=True)
    held = make(id="e2", type="CONSULT", subtype="040", cooperative=True)
    promise = make(type="AGREE", subtype="057", status="occurred", cooperative=True)
    assert types_agree(planned, held, Settings()) and not types_agree(promise, held, Settings())
    assert not types_agree(planned, held, Settings(meeting_types=False))


def test_compare_records_need_names_in_common_and_one_series_number(make):
    summit = dict(kind="meeting", type="meeting", subtype="summit", cooperative=True, symmetric=True)
    a = make(
        trigger="21st annual India-Russia summit",
        ordinal=21,
        actors={"IND", "RUS"},
        recipients=set(),
        **summit,
    )
    b = make(
        id="me-2",
        article_id="a2",
        trigger="India-Russia summit",
        ordinal=21,
        actors={"IND", "RUS"},
        recipients=set(),
        **summit,
    )
    c = dataclasses.replace(b, ordinal=20)
    d = dataclasses.replace(b, trigger=frozenset({"commission", "military"}))
    assert compare(a, b).compatible
    assert compare(a, c).reason == "the series numbers differ"
    assert compare(a, d).reason == "the names differ"
