"""Agreements, deals and meetings found in news phrasings written for these tests (none copied from the
accord-wire-dev evidence): each test pins one rule of ``accord.facts`` through the real pipeline."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accord.pipeline import Extractor, analyse_doc
from accord.records import Article, ArticleResult

REPORT_DATE = dt.date(2021, 12, 6)  # a Monday


@pytest.fixture(scope="module")
def extractor(nlp: Any) -> Extractor:
    return Extractor(nlp)


def found(extractor: Extractor, text: str) -> ArticleResult:
    return extractor.extract_article(Article(id="t1", date=REPORT_DATE, text=text))


def codes(entities: Any) -> list[str]:
    return [e.code for e in entities]


def test_facts_memorandum_signed_with_its_topic_parties_and_date(extractor):
    result = found(
        extractor,
        "Japan and Vietnam signed a memorandum of understanding on maritime security in Hanoi on Tuesday.",
    )
    [agreement] = result.agreements
    assert agreement.kind == "memorandum"
    assert agreement.name.text == "memorandum of understanding on maritime security"  # not "in Hanoi"
    assert (agreement.action, agreement.status) == ("signed", "occurred")
    assert (
        agreement.date == "2021-11-30"
        and agreement.date_evidence
        and agreement.date_evidence.text == "Tuesday"
    )
    assert codes(agreement.parties) == ["JPN", "VNM"]
    assert agreement.action_evidence and agreement.action_evidence.text == "signed"
    text = result.article.text
    assert text[agreement.name.start : agreement.name.end] == agreement.name.text
    assert agreement.event_ids and set(agreement.event_ids) <= {e.id for e in result.events}


def test_facts_arms_deal_with_price_count_and_item(extractor):
    [deal] = found(extractor, "The two sides inked a $2 billion arms deal for 36 Rafale jets.").deals
    assert (deal.kind, deal.status) == ("arms_transfer", "signed")
    assert deal.money is not None and deal.money.amount == 2_000_000_000
    assert deal.quantity is not None and deal.quantity.value == 36
    assert deal.item is not None and deal.item.text == "Rafale jets"


def test_facts_third_round_of_talks_planned_in_geneva(extractor):
    result = found(
        extractor, "Iran and the European Union will hold the third round of talks in Geneva next week."
    )
    [meeting] = result.meetings
    assert (meeting.kind, meeting.name.text, meeting.ordinal) == ("talks", "third round of talks", 3)
    assert meeting.ordinal_evidence and meeting.ordinal_evidence.text == "third"
    assert meeting.status == "planned" and meeting.date == "2021-12-13"
    assert meeting.place is not None and meeting.place.name == "Geneva"
    assert codes(meeting.participants) == ["IRN", "EUR"]


def test_facts_summit_called_off_is_cancelled_and_postponed_talks_are_postponed(extractor):
    [called_off] = found(extractor, "The summit was called off after the attack.").meetings
    assert (called_off.kind, called_off.status) == ("summit", "cancelled")
    [postponed] = found(
        extractor, "The talks between Russia and Ukraine were postponed until next month."
    ).meetings
    assert postponed.status == "postponed" and codes(postponed.participants) == ["RUS", "UKR"]


def test_facts_commission_session_with_ordinal_recurrence_and_co_chairs(extractor):
    text = (
        "The 15th annual meeting of the China-Russia joint commission, co-chaired by Chinese Foreign Minister "
        "Wang Yi and Russian Foreign Minister Sergei Lavrov, opened in Beijing on Monday."
    )
    [meeting] = found(extractor, text).meetings
    assert (meeting.kind, meeting.ordinal, meeting.recurrence, meeting.status) == (
        "commission",
        15,
        "annual",
        "held",
    )
    assert [c.name for c in meeting.chairs] == ["Wang Yi", "Sergei Lavrov"]
    assert [c.office for c in meeting.chairs] == ["Foreign Minister", "Foreign Minister"]
    assert codes(meeting.participants) == ["CHN", "RUS"]
    assert meeting.place is not None and meeting.place.name == "Beijing"


def test_facts_chairs_as_subjects_of_the_chair_verb(extractor):
    text = (
        "Chinese Foreign Minister Wang Yi and his Russian counterpart Sergei Lavrov co-chaired the 15th annual "
        "meeting of the joint commission in Beijing on Monday."
    )
    [meeting] = found(extractor, text).meetings
    assert [c.code for c in meeting.chairs] == ["CHN", "RUS"]


def test_facts_ratified_treaty_and_withdrawal_with_its_year(extractor):
    [ratified] = found(extractor, "The Russian parliament ratified the treaty on Friday.").agreements
    assert (ratified.kind, ratified.action, ratified.date) == ("treaty", "ratified", "2021-12-03")
    assert codes(ratified.parties) == ["RUS"]
    result = found(
        extractor, "The United States withdrew from the Intermediate-Range Nuclear Forces Treaty in 2019."
    )
    [withdrawn] = result.agreements
    assert withdrawn.name.text == "Intermediate-Range Nuclear Forces Treaty"
    assert (withdrawn.action, withdrawn.date, withdrawn.date_precision) == ("withdrawn", "2019", "year")


def test_facts_extension_by_five_years_is_an_added_term(extractor):
    [accord] = found(extractor, "The two countries agreed to extend the accord by five years.").agreements
    assert accord.action == "extended"
    assert accord.term is not None and (accord.term.years, accord.term.added) == (5, True)
    assert [s.text for s in accord.term.evidence] == ["five years"]


def test_facts_purchase_stated_by_a_verb(extractor):
    [deal] = found(extractor, "Siemens bought 20% of the Spanish firm for 300 million euros.").deals
    assert (deal.kind, deal.status) == ("purchase", "completed")
    assert deal.money is not None and (deal.money.amount, deal.money.currency) == (300_000_000, "EUR")
    assert deal.quantity is not None and deal.quantity.value == 20
    assert deal.item is not None and deal.item.text == "Spanish firm"


def test_facts_loan_has_borrower_as_buyer_and_lender_as_seller(extractor):
    [loan] = found(extractor, "Pakistan secured a loan of $1.2 billion from the IMF.").deals
    assert loan.kind == "loan"
    assert (codes(loan.buyer), codes(loan.seller)) == (["PAK"], ["IGO"])
    assert loan.seller[0].name == "International Monetary Fund"
    assert loan.money is not None and (loan.money.amount, loan.money.currency) == (1_200_000_000, "USD")


def test_facts_sale_of_weapons_is_an_arms_transfer_with_its_sides(extractor):
    [deal] = found(extractor, "Russia sold 12 fighter jets to Algeria last year.").deals
    assert (deal.kind, deal.status, deal.date) == ("arms_transfer", "completed", "2020")
    assert (codes(deal.seller), codes(deal.buyer)) == (["RUS"], ["DZA"])
    assert deal.item is not None and deal.item.text == "fighter jets"


def test_facts_collective_mentions_are_no_records(extractor):
    result = found(extractor, "The two countries signed five agreements on trade and energy on Monday.")
    assert result.agreements == () and result.deals == ()
    result = found(extractor, "Officials said a number of contracts were signed.")
    assert result.agreements == ()


def test_facts_a_definite_mention_points_back_to_the_same_record(extractor):
    text = "Germany and France signed a trade agreement on Monday. The agreement cuts tariffs on cars."
    [agreement] = found(extractor, text).agreements
    assert [m.text for m in agreement.mentions] == ["trade agreement", "agreement"]


def test_facts_a_definite_mention_on_another_topic_is_another_record(extractor):
    text = "India and Japan signed a trade agreement on Monday. The defence pact signed in 2015 was also renewed."
    trade, defence = found(extractor, text).agreements
    assert (trade.name.text, trade.action) == ("trade agreement", "signed")
    assert (defence.name.text, defence.action) == ("defence pact", "renewed")


def test_facts_pact_amending_an_earlier_agreement_keeps_its_date(extractor):
    text = "Egypt and Sudan entered into a pact on amending the water agreement that was first signed in March 2015."
    [pact] = found(extractor, text).agreements
    assert (pact.kind, pact.action, pact.date) == ("pact", "amended", "2021-12-06")
    assert pact.earlier is not None
    assert (pact.earlier.relation, pact.earlier.text, pact.earlier.date) == (
        "amends",
        "water agreement",
        "2015-03",
    )
    assert pact.earlier.date_evidence and pact.earlier.date_evidence.text == "March 2015"


def test_facts_agreement_under_negotiation(extractor):
    text = "Brazil and Argentina have been negotiating a new trade agreement since March."
    [agreement] = found(extractor, text).agreements
    assert (agreement.action, agreement.date) == ("negotiated", "2021-03")
    result = found(
        extractor, "The European Union concluded negotiations on a free trade agreement on Friday."
    )
    [talked_about] = result.agreements
    assert talked_about.action == "negotiated"
    assert [m.kind for m in result.meetings] == ["talks"]


def test_facts_state_visit_planned_to_a_country(extractor):
    [visit] = found(
        extractor, "Chinese President Xi Jinping will pay a state visit to France next week."
    ).meetings
    assert (visit.kind, visit.status) == ("visit", "planned")
    assert codes(visit.participants) == ["FRA"] and [p.name for p in visit.people] == ["Xi Jinping"]
    assert visit.place is not None and visit.place.name == "France"


def test_facts_proper_plural_name_is_one_record(extractor):
    text = "Israel and the UAE signed the Abraham Accords at the White House in September 2020."
    [accords] = found(extractor, text).agreements
    assert (accords.name.text, accords.kind, accords.date) == ("Abraham Accords", "accord", "2020-09")


@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed that peace can only come through dialogue.",
        "The company said it had a great deal of work ahead.",
        "The Democratic Party convention opened in Chicago on Monday.",
        "Bilateral discussions on defence cooperation",
    ],
)
def test_facts_words_that_name_no_record(extractor, text):
    result = found(extractor, text)
    assert (result.agreements, result.deals, result.meetings) == ((), (), ())


def test_facts_ids_are_stable_and_differ_between_articles(extractor):
    text = "Greece and Turkey will hold exploratory talks in Athens next week."
    first, again = found(extractor, text), found(extractor, text)
    assert [m.id for m in first.meetings] == [m.id for m in again.meetings]
    other = extractor.extract_article(Article(id="t2", date=REPORT_DATE, text=text))
    assert first.meetings[0].id.startswith("me-") and first.meetings[0].id != other.meetings[0].id


def test_facts_finding_records_leaves_the_events_as_the_coder_made_them(extractor, monkeypatch):
    from accord.facts import Facts

    text = "Russia sold 12 fighter jets to Algeria last year. The summit was called off."
    article = Article(id="t3", date=REPORT_DATE, text=text)
    doc = extractor.nlp(text)
    with_records = analyse_doc(doc, article, extractor.lexicon)
    assert with_records.deals and with_records.meetings
    monkeypatch.setattr("accord.pipeline.find_facts", lambda *args: Facts())
    without = analyse_doc(doc, article, extractor.lexicon)
    assert without.deals == () and without.meetings == ()
    assert [e.to_dict() for e in with_records.events] == [e.to_dict() for e in without.events]


def test_facts_contract_to_sell_is_one_deal_with_its_item_and_buyer(extractor):
    [deal] = found(
        extractor, "Embraer signed a contract to sell 10 regional jets to Kenya Airways for $500 million."
    ).deals
    assert (deal.kind, deal.status, deal.name and deal.name.text) == ("sale", "signed", "contract")
    assert deal.item is not None and deal.item.text == "regional jets"
    assert deal.quantity is not None and deal.quantity.value == 10
    assert deal.money is not None and deal.money.amount == 500_000_000


def test_facts_replaced_agreement_named_in_a_relative_clause_with_its_year(extractor):
    [treaty] = found(
        extractor, "The new treaty, which replaces a 1990 accord with Chile, was signed in Lima on Friday."
    ).agreements
    assert (treaty.action, treaty.date) == ("signed", "2021-12-03")
    assert treaty.earlier is not None
    assert (treaty.earlier.relation, treaty.earlier.text, treaty.earlier.date) == (
        "replaces",
        "1990 accord",
        "1990",
    )


def test_facts_draft_treaty_is_planned_and_a_possessor_is_a_party(extractor):
    [draft] = found(extractor, "Washington handed Moscow a draft treaty on space weapons.").agreements
    assert (draft.name.text, draft.action) == ("draft treaty on space weapons", "planned")
    [accord] = found(extractor, "The ministers reaffirmed OPEC's output accord.").agreements
    assert codes(accord.parties) == ["IGO"] and accord.parties[0].name.startswith(
        "Organization of the Petroleum"
    )


def test_facts_an_agreement_only_hoped_for_is_no_record(extractor):
    result = found(extractor, "Experts saw the first real opening for a superpower accord.")
    assert result.agreements == ()


def test_facts_talks_elsewhere_are_another_meeting(extractor):
    text = "The ministers held talks in Vienna on Monday. The talks in Geneva last month had failed."
    vienna, geneva = found(extractor, text).meetings
    assert (vienna.place and vienna.place.name, vienna.date) == ("Vienna", "2021-12-06")
    assert (geneva.place and geneva.place.name, geneva.date, geneva.status) == ("Geneva", "2021-11", "held")


def test_facts_a_body_named_with_its_acronym_is_no_meeting(extractor):
    text = "A spokesman for the United Nations Conference on Trade and Development (UNCTAD) said prices would fall."
    assert found(extractor, text).meetings == ()


def test_facts_summit_attended_on_a_planned_trip_is_planned_then(extractor):
    [summit] = found(
        extractor, "The president will travel to Asia next month to attend the APEC summit."
    ).meetings
    assert (summit.status, summit.date, summit.date_precision) == ("planned", "2022-01", "month")


def test_facts_an_agreement_on_money_is_not_a_deal(extractor):
    result = found(
        extractor, "Ghana and Britain signed an agreement on rescheduling 200 million pounds of debt."
    )
    assert [a.kind for a in result.agreements] == ["agreement"] and result.deals == ()


def test_facts_deals_of_other_counts_are_other_deals(extractor):
    result = found(
        extractor, "Qantas announced the purchase of 25 planes. The sale of 10 engines was also agreed."
    )
    assert [(d.kind, d.quantity and d.quantity.value) for d in result.deals] == [
        ("purchase", 25),
        ("sale", 10),
    ]


def test_facts_a_meeting_named_inside_a_meeting_is_the_same_one(extractor):
    [congress] = found(
        extractor, "Putin will convene a Congress of National Dialogue in Sochi next month."
    ).meetings
    assert (congress.name.text, congress.kind, congress.status) == (
        "Congress of National Dialogue",
        "conference",
        "planned",
    )
    assert congress.place is not None and congress.place.name == "Sochi"
