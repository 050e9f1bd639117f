"""Conflict events on wire-style sentences: ASSAULT, COERCE, PROTEST and MOBILIZE with their sides and counts."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.coding.lexicon import load_lexicon
from accord.pipeline import Extractor
from accord.records import Article


@pytest.fixture(scope="module")
def extractor(nlp):
    return Extractor(nlp)


def _events(extractor, text: str, date: str = "2004-06-15"):
    article = Article(id="t", date=dt.date.fromisoformat(date), text=text)
    return [e.to_dict() for e in extractor.extract_article(article).events]


def _codes(entities) -> set[str]:
    return {e["code"] for e in entities}


@pytest.mark.parametrize(
    ("text", "event", "actor", "recipient"),
    [
        # Unknown perpetrators: the victims' side is the place where the act fell; the actor is the guide's UNK.
        (
            "A suicide bomber killed 12 people and wounded 30 others at a police station in Baghdad on Tuesday.",
            "ASSAULT",
            {"UNK"},
            {"IRQ"},
        ),
        ("Both armed men were killed in Karachi.", "ASSAULT", {"UNK"}, {"PAK"}),
        ("A Thai soldier was shot dead in Bangkok on Friday.", "ASSAULT", {"UNK"}, {"THA"}),
        (
            "Two civilians died in the shelling of Kabul on Sunday, officials said.",
            "ASSAULT",
            {"UNK"},
            {"AFG"},
        ),
        (
            "A bomb exploded in a market in Baghdad on Tuesday, but no one was hurt.",
            "ASSAULT",
            {"UNK"},
            {"IRQ"},
        ),
        # Named sides come from the parse.
        (
            "Three Israeli soldiers were killed by Palestinian gunmen in the Gaza Strip on Monday.",
            "ASSAULT",
            {"PSE"},
            {"ISR"},
        ),
        (
            "Israeli troops shot and killed a Palestinian teenager in Hebron on Wednesday, witnesses said.",
            "ASSAULT",
            {"ISR"},
            {"PSE"},
        ),
        # The state's own police at home; protesters and the authorities they address where they rally.
        ("Police arrested 25 protesters in Cairo on Wednesday.", "COERCE", {"EGY"}, {"EGY"}),
        ("Indonesian police arrested 12 students in Jakarta on Tuesday.", "COERCE", {"IDN"}, {"IDN"}),
        (
            "Thousands of students demonstrated in Jakarta on Saturday to demand the resignation of the government.",
            "PROTEST",
            {"IDN"},
            {"IDN"},
        ),
        (
            "Thousands of people rallied in Manila on Friday to demand the president's resignation.",
            "PROTEST",
            {"PHL"},
            {"PHL"},
        ),
        (
            "Workers in Seoul went on strike on Monday to protest against layoffs.",
            "PROTEST",
            {"KOR"},
            {"KOR"},
        ),
        (
            "Protesters blocked roads in La Paz on Thursday to demand the president's resignation.",
            "PROTEST",
            {"BOL"},
            {"BOL"},
        ),
        ("Protesters threw stones at police in Dhaka on Monday.", "PROTEST", {"BGD"}, {"BGD"}),
        ("Nepal deployed 5,000 troops in Kathmandu on Sunday.", "MOBILIZE", {"NPL"}, {"NPL"}),
    ],
)
def test_conflict_event_type_and_sides(extractor, text, event, actor, recipient):
    events = _events(extractor, text)
    found = [(e["event"], _codes(e["actor"]), _codes(e["recipient"])) for e in events]
    assert (event, actor, recipient) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Six people were killed in a car accident near Beijing on Monday.",
        "The former Indian prime minister died of a heart attack in New Delhi on Friday.",
        "The Chinese delegation killed time in Paris before the talks.",
        "The Japanese parliament killed the bill on Friday.",
        "The company fired 200 workers at its plant in Shanghai on Monday.",
        "It has been demonstrated worldwide that progress can only be achieved through democracy.",
        "Iran demonstrated its missile capability on Monday.",
        # No place, no named side: nobody to code, so no event rather than an invented side.
        "The explosion killed three, police said.",
    ],
)
def test_conflict_non_events(extractor, text):
    events = _events(extractor, text)
    assert not [e for e in events if e["event"] in ("ASSAULT", "COERCE", "PROTEST")], events


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        (
            "A suicide bomber killed 12 people and wounded at least 30 others at a police station in Baghdad.",
            {(12, "killed"), (30, "injured")},
        ),
        ("A Thai soldier was shot dead in Bangkok on Friday.", {(1, "killed")}),
        (
            "Three Indian soldiers were killed and five wounded when militants attacked an army camp in Srinagar.",
            {(3, "killed"), (5, "injured")},
        ),
        ("Police arrested 25 protesters in Cairo on Wednesday.", {(25, "arrested")}),
        ("Unidentified gunmen abducted two Italian aid workers in Baghdad on Tuesday.", {(2, "kidnapped")}),
        (
            "Around 3 February 2004, in Manaus, a man was killed and his body was found with blunt wounds. 1 fatality.",
            {(1, "killed")},
        ),
    ],
)
def test_conflict_event_carries_casualties(extractor, text, counts):
    events = [e for e in _events(extractor, text) if e["event"] in ("ASSAULT", "COERCE")]
    assert events
    for event in events:
        found = {(q["value"], q["unit"]) for q in event["quantities"] if q["unit"] is not None}
        assert counts <= found, event["quantities"]
        offsets = [(q["start"], q["end"]) for q in event["quantities"]]
        assert len(offsets) == len(set(offsets))  # a count is never listed twice


def test_conflict_toll_sentence_counts_for_the_event(extractor):
    text = "On 6 May 2004, gunmen attacked a bus in Lagos, killing a woman. 3 fatalities."
    [event] = [e for e in _events(extractor, text) if e["event"] == "ASSAULT"][:1]
    by_text = {q["text"]: (q["value"], q["unit"], q["item"]) for q in event["quantities"]}
    assert by_text["3"] == (3, "killed", "fatalities")


def test_conflict_rows_live_in_their_topic_file():
    lexicon = load_lexicon()
    [kill_time] = [r for r in lexicon.rules("kill", "VERB") if r.blocked]
    assert "time" in kill_time.objects
    assert lexicon.rules("protest", "VERB")[0].code.event == "PROTEST"
    assert lexicon.rules("gunfight", "NOUN")[0].reciprocal


@pytest.mark.parametrize(
    ("text", "event", "mode", "country"),
    [
        ("Hundreds of farmers staged a protest in New Delhi on Monday.", "PROTEST", "demo", "IND"),
        ("Workers staged a sit-in outside the parliament in Nairobi on Tuesday.", "PROTEST", "demo", "KEN"),
        ("Teachers staged a strike in Lagos on Monday.", "PROTEST", "boycott", "NGA"),
        ("Prisoners staged a hunger strike in Ankara on Sunday.", "PROTEST", "hunger", "TUR"),
        ("Villagers staged a blockade of the highway near Lima on Friday.", "PROTEST", "obstruct", "PER"),
        ("Opposition supporters held a rally in Dhaka on Sunday.", "PROTEST", "demo", "BGD"),
        ("Thousands of students took to the streets of Jakarta on Tuesday.", "PROTEST", "demo", "IDN"),
        ("Activists gathered for a vigil outside the embassy in Seoul on Monday.", "PROTEST", "demo", "KOR"),
        ("Cambodian workers went on strike in Phnom Penh on Monday.", "PROTEST", "boycott", "KHM"),
        ("Residents blocked the highway near Quito on Monday.", "PROTEST", "obstruct", "ECU"),
        ("Protesters pelted stones at the police in Srinagar on Friday.", "PROTEST", "riot", "IND"),
        ("Youths threw petrol bombs at police in Belfast on Monday.", "PROTEST", "riot", "GBR"),
        ("Rebels carried out a bomb attack on a bus in Colombo on Monday.", "ASSAULT", "explosives", "LKA"),
        ("An IED exploded near a convoy in Kandahar on Monday.", "ASSAULT", "explosives", "AFG"),
        ("Five soldiers were killed in the blast in Kandahar on Monday.", "ASSAULT", "explosives", "AFG"),
        ("Coalition jets carried out air raids on Fallujah on Friday.", "ASSAULT", "heavy-weapons", "IRQ"),
        ("Israeli troops shelled Gaza on Monday.", "ASSAULT", "heavy-weapons", "PSE"),
        ("Soldiers fired shots at a car in Hebron on Monday.", "ASSAULT", "firearms", "PSE"),
        (
            "Rebels and troops exchanged fire in Aceh on Monday, leaving five dead.",
            "ASSAULT",
            "firearms",
            "IDN",
        ),
        ("A mob lynched a suspected thief in Nairobi on Monday.", "ASSAULT", "beat", "KEN"),
    ],
)
def test_conflict_protest_and_weapon_modes(extractor, text, event, mode, country):
    events = _events(extractor, text)
    found = [
        (e["event"], e["mode"]) for e in events if country in _codes(e["actor"]) | _codes(e["recipient"])
    ]
    assert (event, mode) in found, [(e["event"], e["mode"], e["trigger"]["text"]) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        # Non-violent senses of the light verbs and of the crowd words.
        "The theatre staged a new production of Hamlet in London on Monday.",
        "The company staged a remarkable recovery in Tokyo last year.",
        "The Indian team staged a comeback against Pakistan in Lahore on Sunday.",
        "The party held a press conference in Bangkok on Monday.",
        "Friends gathered for a dinner in Paris on Monday.",
        "The minister took the road to Damascus on Monday.",
        "Rain pelted the coast of Manila on Monday.",
        "He threw the ball to the crowd in Madrid.",
        "Three people were killed in a gas cylinder explosion in Karachi on Monday.",
    ],
)
def test_conflict_light_verbs_without_protest(extractor, text):
    events = _events(extractor, text)
    assert not [e for e in events if e["event"] in ("ASSAULT", "COERCE", "PROTEST")], events


def test_conflict_later_toll_clause_counts_for_the_attack(extractor):
    text = "Rebels attacked an army post near Goma on Monday. The army sustained 3 fatalities."
    [event] = [e for e in _events(extractor, text) if e["event"] == "ASSAULT"]
    assert {(q["value"], q["unit"]) for q in event["quantities"]} == {(3, "killed")}


def test_conflict_staged_rows_cover_the_lemmatiser():
    lexicon = load_lexicon()
    # spaCy's small model lemmatises "staged" as "stag": both lemmas must reach a protest.
    for lemma in ("stag", "stage"):
        codes = {r.code.cameo for r in lexicon.rules(lemma, "VERB")}
        assert {"141", "142", "143", "144"} <= codes
    assert lexicon.rules("explode", "VERB")[0].code.mode == "explosives"
