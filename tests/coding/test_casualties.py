"""Casualty counts read off the parse of wire-style sentences: kind, count, victims, offsets."""

from __future__ import annotations

import pytest

from accord.coding.casualties import find_casualties, is_accident, is_death_setting, with_casualties
from accord.records import Quantity


def _casualties(nlp, text: str, trigger: str) -> list[tuple[float, str | None, str | None, str]]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    found = find_casualties(doc, token.sent, token)
    for q in found:
        assert text[q.start : q.end] == q.text  # offsets point at the number's words
    return [(q.value, q.unit, q.item, q.text) for q in found]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "A suicide bomber killed 12 people and wounded at least 30 others in Baghdad on Tuesday.",
            "killed",
            [(12, "killed", "people", "12"), (30, "injured", "others", "30")],
        ),
        (
            "Three Israeli soldiers were killed by Palestinian gunmen on Monday.",
            "killed",
            [(3, "killed", "Israeli soldiers", "Three")],
        ),
        (
            "A Pakistani soldier was killed and two others were injured near Peshawar.",
            "killed",
            [(1, "killed", "Pakistani soldier", "A"), (2, "injured", "others", "two")],
        ),
        (
            "Two civilians died in the shelling of Kabul on Sunday.",
            "shelling",
            [(2, "killed", "civilians", "Two")],
        ),
        ("Gunmen shot dead two policemen in Karachi on Friday.", "shot", [(2, "killed", "policemen", "two")]),
        (
            "Maoist rebels ambushed a police patrol in western Nepal, killing three policemen.",
            "ambushed",
            [(3, "killed", "policemen", "three")],
        ),
        (
            "The attack left 15 people dead and 40 injured in Mumbai.",
            "attack",
            [(15, "killed", "people", "15"), (40, "injured", None, "40")],
        ),
        ("At least 20 were wounded in the attack.", "wounded", [(20, "injured", None, "20")]),
        (
            "Rebels kidnapped 16 Russian workers in Kabul on Thursday.",
            "kidnapped",
            [(16, "kidnapped", "Russian workers", "16")],
        ),
        (
            "Police arrested a dozen protesters and detained two hundred others.",
            "arrested",
            [(12, "arrested", "protesters", "a dozen"), (200, "arrested", "others", "two hundred")],
        ),
        (
            "Eight women and three men were shot and killed by gunmen in Celaya.",
            "killed",
            [(8, "killed", "women", "Eight"), (3, "killed", "men", "three")],
        ),
        (
            "Three people were killed and 20 wounded when a bomb exploded in a market.",
            "killed",
            [(3, "killed", "people", "Three"), (20, "injured", None, "20")],
        ),
        (
            "Gunmen killed a man in Manaus on Monday. 2 fatalities.",
            "killed",
            [(1, "killed", "man", "a"), (2, "killed", "fatalities", "2")],
        ),
        (
            "A man was killed in Manaus. 1 fatality.",
            "killed",
            [(1, "killed", "man", "A"), (1, "killed", "fatality", "1")],
        ),
    ],
)
def test_casualties_counts(nlp, text, trigger, expected):
    assert _casualties(nlp, text, trigger) == [(float(v), u, i, t) for v, u, i, t in expected]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A bomb exploded in a market in Baghdad on Tuesday, but no one was hurt.", "exploded"),
        ("No one was killed in the attack on the convoy.", "attack"),
        ("Dozens of people were killed in fighting in Mogadishu on Sunday.", "killed"),
        ("The Chinese delegation killed time in Paris before the talks.", "killed"),
        ("Rebels attacked the base on Monday.", "attacked"),
    ],
)
def test_casualties_none_without_an_exact_count(nlp, text, trigger):
    assert _casualties(nlp, text, trigger) == []


def test_casualties_not_tied_to_another_report(nlp):
    # The count belongs to the killing reported in the second clause, not to the protest.
    text = "Students protested in Dhaka on Monday. Police said 12 people were killed in Chittagong."
    assert _casualties(nlp, text, "protested") == []


def test_casualties_replace_plain_count_at_same_offsets():
    plain = [Quantity(12.0, "12", 24, 26), Quantity(5.0, "5", 40, 41, unit="km")]
    rich = [
        Quantity(12.0, "12", 24, 26, unit="killed", item="people"),
        Quantity(1.0, "a", 2, 3, unit="killed"),
    ]
    merged = with_casualties(plain, rich)
    assert [(q.text, q.unit) for q in merged] == [("a", "killed"), ("12", "killed"), ("5", "km")]


@pytest.mark.parametrize(
    ("text", "accident"),
    [
        ("Six people were killed in a car accident near Beijing.", True),
        ("Twenty miners died in a gas leak in Shanxi.", True),
        ("Six people were killed in a bomb attack near Beijing.", False),
    ],
)
def test_casualties_accident_words(nlp, text, accident):
    assert is_accident(nlp(text)[:]) is accident


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen attacked a village near Goma on Monday. Six villagers died and two others were injured.",
            [(6, "killed", "villagers", "Six"), (2, "injured", "others", "two")],
        ),
        (
            "Rebels attacked an army post near Goma. Three soldiers were killed and five wounded.",
            [(3, "killed", "soldiers", "Three"), (5, "injured", None, "five")],
        ),
        (
            "Rebels attacked an army post near Goma. The army sustained 3 fatalities.",
            [(3, "killed", "fatalities", "3")],
        ),
        ("Rebels attacked an army post. The attack resulted in 4 deaths.", [(4, "killed", "deaths", "4")]),
        # The event's own count stands; a later "more died" is not the same dead counted again.
        (
            "Militants attacked a checkpoint in Mosul, killing two policemen. Three more policemen died later.",
            [(2, "killed", "policemen", "two")],
        ),
        # A later act (the arrest) ends the toll clauses; a death with its author named is its own act.
        ("Gunmen attacked a bus in Lagos. Police arrested two men. Four people were killed.", []),
        ("Rebels attacked an army post near Goma. Two soldiers were killed by a sniper.", []),
        # Two sentences on, at most.
        ("Gunmen attacked a bus in Lagos. Two died. One was injured. Four were missing.", None),
    ],
)
def test_casualties_toll_clause_after_the_event(nlp, text, expected):
    found = _casualties(nlp, text, "attacked")
    if expected is None:
        assert {q[1] for q in found} == {"killed", "injured"}, found
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Two civilians died in the shelling of Kabul.", "shelling", True),
        ("Five soldiers were killed in the blast in Kandahar.", "blast", True),
        ("Ten people were wounded in the attack.", "attack", True),
        ("Officials spoke in the meeting about the attack.", "meeting", False),
        ("The blast was heard in the city.", "city", False),
    ],
)
def test_casualties_death_setting(nlp, text, noun, expected):
    doc = nlp(text)
    token = next(t for t in doc if t.text == noun)
    assert is_death_setting(token) is expected
