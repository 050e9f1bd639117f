"""Actors: countries, groups, people with offices, organisations, metonyms and places."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from accord.resolve.actors import ActorMention, country_code, resolve_actors, resolve_locations
from accord.resolve.actors.lexicon import gazetteer_role

DAY_2021 = dt.date(2021, 12, 6)


def _actors(nlp, text: str, report_date: dt.date | None = DAY_2021) -> list[ActorMention]:
    doc = nlp(text)
    mentions = resolve_actors(doc, report_date)
    for m in mentions:
        e = m.entity
        assert text[e.start : e.end] == e.entity_text, "offsets must point at the exact words"
        assert doc[m.token_start : m.token_end].text == e.entity_text
        assert m.token_start <= m.head < m.token_end
    return mentions


def _by_text(mentions: list[ActorMention]) -> dict[str, tuple[str, str, str | None, str | None]]:
    return {
        m.entity.entity_text: (m.entity.code, m.entity.kind, m.entity.sector, m.entity.office)
        for m in mentions
    }


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("India", "IND"),
        ("Indian", "IND"),
        ("Indians", "IND"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Russians", "RUS"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("United States", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("British", "GBR"),
        ("S. Korea", "KOR"),
        ("South Korean", "KOR"),
        ("North Korea", "PRK"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Zaire", "COD"),
        ("DR Congo", "COD"),
        ("Soviet", "SUN"),
        ("Soviet Union", "SUN"),
        ("Yugoslavia", "YUG"),
        ("Czechoslovakia", "CSK"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Vietnam", "VNM"),
        ("Filipino", "PHL"),
        ("Turkey", "TUR"),
        ("Indo-", "IND"),
        ("Sino", "CHN"),
        ("Russia's", "RUS"),
        ("the Netherlands", "NLD"),
    ],
)
def test_country_code_names_adjectives_demonyms(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["us", "Atlantis", "", "Indianapolis", "turkey dinner"])
def test_country_code_unknown(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize(
    ("text", "pair", "codes"),
    [
        ("India-Russia ties have never been stronger, officials said.", "India-Russia", ["IND", "RUS"]),
        ("The Indo-Russia joint statement was released on Monday.", "Indo-Russia", ["IND", "RUS"]),
        ("Russia-India defence cooperation is important, he said.", "Russia-India", ["RUS", "IND"]),
        ("US-China trade talks resumed in Geneva on Tuesday.", "US-China", ["USA", "CHN"]),
        ("Historians still debate the Sino-Japanese war of 1937.", "Sino-Japanese", ["CHN", "JPN"]),
        ("Indo-Pakistani talks on Kashmir ended without agreement.", "Indo-Pakistani", ["IND", "PAK"]),
    ],
)
def test_actors_hyphenated_pairs_give_one_mention_per_country(
    nlp, text: str, pair: str, codes: list[str]
) -> None:
    mentions = _actors(nlp, text)
    at = text.index(pair)
    inside = [
        m.entity for m in mentions if m.entity.kind == "country" and at <= m.entity.start < at + len(pair)
    ]
    assert [e.code for e in inside] == codes
    first, second = inside
    assert first.start == at
    assert second.end == at + len(pair)


@pytest.mark.parametrize(
    ("text", "words", "code", "sector"),
    [
        ("Indian troops crossed the Line of Control early on Sunday.", "Indian troops", "IND", "MIL"),
        ("The Russian government denied the report on Friday.", "Russian government", "RUS", "GOV"),
        ("Iraqi police found 12 bodies in western Baghdad.", "Iraqi police", "IRQ", "COP"),
        (
            "Russia's defence ministry said the drills were routine.",
            "Russia's defence ministry",
            "RUS",
            "GOV",
        ),
        ("Pakistani soldiers returned fire, the army said.", "Pakistani soldiers", "PAK", "MIL"),
        ("The Iranian parliament approved the budget on Sunday.", "Iranian parliament", "IRN", "LEG"),
        ("Sudanese rebels attacked a convoy near the border.", "Sudanese rebels", "SDN", "REB"),
        ("Thai protesters blocked the airport for a third day.", "Thai protesters", "THA", "CVL"),
        ("A Pakistani court sentenced the men to death.", "Pakistani court", "PAK", "JUD"),
        ("US soldiers have been killed in Iraq by a roadside bomb.", "US soldiers", "USA", "MIL"),
    ],
)
def test_actors_country_and_sector_noun_make_one_group(
    nlp, text: str, words: str, code: str, sector: str
) -> None:
    found = _by_text(_actors(nlp, text))
    assert found[words][0] == code
    assert found[words][2] == sector


@pytest.mark.parametrize(
    ("text", "words", "name", "code", "office", "sector"),
    [
        (
            "Russian President Vladimir Putin arrived in New Delhi on Monday.",
            "Russian President Vladimir Putin",
            "Vladimir Putin",
            "RUS",
            "President",
            "GOV",
        ),
        (
            "German Chancellor Angela Merkel met French President Jacques Chirac in Berlin.",
            "German Chancellor Angela Merkel",
            "Angela Merkel",
            "DEU",
            "Chancellor",
            "GOV",
        ),
        (
            "UN Secretary-General Kofi Annan urged both sides to show restraint.",
            "UN Secretary-General Kofi Annan",
            "Kofi Annan",
            "UNO",
            "Secretary-General",
            "IGO",
        ),
        (
            "Chinese Foreign Ministry spokesman Kong Quan told a news briefing that talks would resume.",
            "Chinese Foreign Ministry spokesman Kong Quan",
            "Kong Quan",
            "CHN",
            "Foreign Ministry Spokesman",
            "GOV",
        ),
        (
            "The talks were led by Sergei Lavrov, the Russian foreign minister, and his aides.",
            "Sergei Lavrov, the Russian foreign minister",
            "Sergei Lavrov",
            "RUS",
            "Foreign Minister",
            "GOV",
        ),
        (
            "Security Council president Antonio Monteiro read the statement.",
            "Security Council president Antonio Monteiro",
            "Antonio Monteiro",
            "UNO",
            "President",
            "IGO",
        ),
        (
            "Ugandan President Yoweri Museveni blamed ancestral spirits for the defeat.",
            "Ugandan President Yoweri Museveni",
            "Yoweri Museveni",
            "UGA",
            "President",
            "GOV",
        ),
        (
            "The statement was read by council president Antonio Monteiro of Portugal.",
            "president Antonio Monteiro of Portugal",
            "Antonio Monteiro",
            "PRT",
            "President",
            "GOV",
        ),
        (
            "White House spokesman Scott Stanzel said Iran had missed the deadline.",
            "White House spokesman Scott Stanzel",
            "Scott Stanzel",
            "USA",
            "Spokesman",
            "GOV",
        ),
    ],
)
def test_actors_people_with_office_and_country(
    nlp, text: str, words: str, name: str, code: str, office: str, sector: str
) -> None:
    mentions = [m.entity for m in _actors(nlp, text) if m.entity.kind == "person"]
    person = next(e for e in mentions if e.entity_text == words)
    assert (person.name, person.code, person.office, person.sector) == (name, code, office, sector)


def test_actors_gazetteer_gives_country_when_text_does_not(nlp) -> None:
    text = "Prime Minister Narendra Modi will address the nation on Sunday."
    person = next(m.entity for m in _actors(nlp, text) if m.entity.kind == "person")
    assert (person.name, person.code, person.office) == ("Narendra Modi", "IND", "Prime Minister")


def test_actors_gazetteer_respects_date_restrictions(nlp) -> None:
    # Modi became Prime Minister on 2014-05-26; in 2010 the gazetteer has no role for him, and the
    # sentence names no country, so no country can be given and the mention is left out.
    text = "Prime Minister Narendra Modi will address the nation on Sunday."
    assert [m for m in _actors(nlp, text, dt.date(2010, 1, 1)) if m.entity.kind == "person"] == []
    assert gazetteer_role("Narendra Modi", dt.date(2010, 1, 1)) is None
    assert gazetteer_role("Vladimir Putin", dt.date(2021, 12, 6)).code == "RUS"  # type: ignore[union-attr]
    assert gazetteer_role("Kofi Annan", dt.date(2000, 1, 1)).code == "UNO"  # type: ignore[union-attr]
    assert gazetteer_role("Kofi Annan", dt.date(2010, 1, 1)) is None


def test_actors_counterpart_inherits_office_and_gives_the_other_party_a_country(nlp) -> None:
    text = (
        "India and Russia signed four defence pacts. The meeting was co-chaired by Defence Minister "
        "Rajnath Singh and his Russian counterpart Gen Sergey Shoigu. India values the partnership."
    )
    people = {m.entity.name: m.entity for m in _actors(nlp, text) if m.entity.kind == "person"}
    assert people["Rajnath Singh"].code == "IND"
    assert people["Rajnath Singh"].office == "Defence Minister"
    assert people["Sergey Shoigu"].code == "RUS"
    assert people["Sergey Shoigu"].office == "Defence Minister"
    assert people["Sergey Shoigu"].sector == "GOV"


def test_actors_carry_people_through_the_article(nlp) -> None:
    text = (
        "Russian President Vladimir Putin met Prime Minister Narendra Modi in New Delhi on Monday. "
        "PM Modi and President Putin reviewed bilateral ties. Putin later left for Moscow. "
        "Speaking to reporters, the Prime Minister said the visit was a success."
    )
    refs = [
        (m.entity.entity_text, m.entity.name, m.entity.code)
        for m in _actors(nlp, text)
        if m.entity.kind == "person"
    ]
    assert ("PM Modi", "Narendra Modi", "IND") in refs
    assert ("President Putin", "Vladimir Putin", "RUS") in refs
    assert ("Putin", "Vladimir Putin", "RUS") in refs
    assert ("Prime Minister", "Narendra Modi", "IND") in refs


def test_actors_bare_office_prefers_the_person_introduced_with_it(nlp) -> None:
    text = (
        "Defence Minister Rajnath Singh met his Russian counterpart Sergey Shoigu in New Delhi. "
        "After the meeting, the Defence Minister said the talks were productive."
    )
    later = [m.entity for m in _actors(nlp, text) if m.entity.entity_text == "Defence Minister"]
    assert later and later[-1].name == "Rajnath Singh"


@pytest.mark.parametrize(
    ("text", "words", "name", "code", "sector", "kind"),
    [
        (
            "The UN Security Council on Friday denounced Libya.",
            "UN Security Council",
            "UN Security Council",
            "UNO",
            "IGO",
            "organization",
        ),
        (
            "NATO foreign ministers meet in Brussels next week.",
            "NATO",
            "North Atlantic Treaty Organization",
            "IGO",
            "IGO",
            "organization",
        ),
        ("The EU imposed new sanctions on Minsk.", "EU", "European Union", "EUR", "IGO", "organization"),
        (
            "The African Union sent observers to the vote.",
            "African Union",
            "African Union",
            "IGO",
            "IGO",
            "organization",
        ),
        (
            "OPEC agreed to cut output by one million barrels a day.",
            "OPEC",
            "Organization of the Petroleum Exporting Countries",
            "IGO",
            "IGO",
            "organization",
        ),
        (
            "The IMF approved a 3 billion dollar loan to Pakistan.",
            "IMF",
            "International Monetary Fund",
            "IGO",
            "IGO",
            "organization",
        ),
        ("The World Bank cut its growth forecast.", "World Bank", "World Bank", "IGO", "IGO", "organization"),
        (
            "The ICRC said it had visited the detainees.",
            "ICRC",
            "International Committee of the Red Cross",
            "NGO",
            "NGO",
            "organization",
        ),
        (
            "Taliban fighters seized the district centre overnight.",
            "Taliban",
            "Taliban",
            "AFG",
            "REB",
            "group",
        ),
        ("Hamas fired rockets into southern Israel.", "Hamas", "Hamas", "PSE", "REB", "group"),
        ("ISIS claimed responsibility for the bombing.", "ISIS", "Islamic State", "REB", "REB", "group"),
        (
            "The SDF said it had captured the town from Islamic State.",
            "SDF",
            "Syrian Democratic Forces",
            "SYR",
            "REB",
            "group",
        ),
        (
            "Kurdish fighters pushed into the city on Tuesday.",
            "Kurdish fighters",
            "Kurdish fighters",
            "KUR",
            "REB",
            "group",
        ),
        ("Hezbollah denied any role in the attack.", "Hezbollah", "Hezbollah", "LBN", "REB", "group"),
    ],
)
def test_actors_organisations_and_armed_groups(
    nlp, text: str, words: str, name: str, code: str, sector: str, kind: str
) -> None:
    found = {m.entity.entity_text: m.entity for m in _actors(nlp, text)}
    e = found[words]
    assert (e.name, e.code, e.sector, e.kind) == (name, code, sector, kind)


def test_actors_is_the_verb_is_not_islamic_state(nlp) -> None:
    mentions = _actors(nlp, "IT IS TIME TO ACT, SAYS MINISTER")
    assert all(m.entity.name != "Islamic State" for m in mentions)


def test_actors_joint_venture_and_commission_with_acronym(nlp) -> None:
    text = (
        "The rifles will be made by Indo-Russia Rifles Pvt Ltd. The deal was signed at the meeting of the "
        "India-Russia Inter-Governmental Commission on Military and Military-Technical Cooperation "
        "(IRIGC-M&MTC). A protocol of the 20th IRIGC-M&MTC was also signed."
    )
    mentions = _actors(nlp, text)
    orgs = [m.entity for m in mentions if m.entity.kind == "organization"]
    venture = next(e for e in orgs if e.entity_text.startswith("Indo-Russia Rifles"))
    assert (venture.code, venture.sector) == ("IND", "BUS")
    commission = next(e for e in orgs if e.entity_text.startswith("India-Russia Inter-Governmental"))
    assert (commission.code, commission.sector) == ("IGO", "IGO")
    later = [e for e in orgs if e.entity_text == "IRIGC-M&MTC"]
    assert len(later) == 1 and later[0].name == commission.name
    countries = [(m.entity.entity_text, m.entity.code) for m in mentions if m.entity.kind == "country"]
    assert ("Indo", "IND") in countries and countries.count(("Russia", "RUS")) == 2


@pytest.mark.parametrize(
    ("text", "words", "code", "sector"),
    [
        ("Beijing said on Monday it would retaliate.", "Beijing", "CHN", "GOV"),
        ("The Kremlin dismissed the report as nonsense.", "Kremlin", "RUS", "GOV"),
        ("The White House declined to comment.", "White House", "USA", "GOV"),
        ("The Pentagon confirmed the deployment.", "Pentagon", "USA", "MIL"),
        ("Washington urged Moscow to withdraw its troops.", "Moscow", "RUS", "GOV"),
        ("New Delhi rejected the allegation.", "New Delhi", "IND", "GOV"),
    ],
)
def test_actors_metonyms_stand_for_governments(nlp, text: str, words: str, code: str, sector: str) -> None:
    found = _by_text(_actors(nlp, text))
    assert found[words][0] == code and found[words][2] == sector


def test_actors_capital_as_a_place_is_not_an_actor(nlp) -> None:
    found = _by_text(_actors(nlp, "The two ministers met in Beijing on Friday."))
    assert "Beijing" not in found


def test_actors_bare_sector_noun_takes_the_dateline_country(nlp) -> None:
    text = "BAGHDAD, April 3 (AFP) - Police said 12 bodies were found. Insurgents attacked a checkpoint."
    found = _by_text(_actors(nlp, text))
    assert found["Police"][:3] == ("IRQ", "organization", "COP")
    assert found["Insurgents"][0] == "IRQ"


def test_actors_bare_sector_noun_without_context_is_left_out(nlp) -> None:
    found = _by_text(_actors(nlp, "Police in India and Pakistan said troops were on alert."))
    assert "Police" not in found and "troops" not in found


def test_actors_lower_case_words_are_not_countries(nlp) -> None:
    found = _by_text(_actors(nlp, "The turkey and the china plates were sold to us in a chad of paper."))
    assert not any(code in ("TUR", "CHN", "USA", "TCD") for code, *_ in found.values())


@pytest.mark.parametrize(
    ("text", "name", "code", "located"),
    [
        ("Talks opened in New Delhi on Monday.", "New Delhi", "IND", True),
        ("The ministers meet alternately in Russia and India.", "India", "IND", False),
        ("A car bomb exploded in Baghdad, killing five.", "Baghdad", "IRQ", True),
        ("Fighting continued near Aleppo.", "Aleppo", "SYR", True),
        ("The delegation flew from Bombay to Geneva.", "Bombay", "IND", True),
    ],
)
def test_resolve_locations(nlp, text: str, name: str, code: str, located: bool) -> None:
    locations = resolve_locations(nlp(text))
    loc = next(loc for loc in locations if loc.name == name)
    assert loc.country_code == code
    assert text[loc.start : loc.end] in (name, "Bombay")
    assert (loc.lat is not None) == located


def _seed(seed_path: Path) -> tuple[dt.date, str]:
    raw = seed_path.read_text(encoding="utf-8")
    match = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) ", raw)
    assert match is not None
    return dt.date.fromisoformat(match.group(1)), raw[match.end() :].strip()


def test_actors_seed_article(nlp, seed_path: Path) -> None:
    day, text = _seed(seed_path)
    mentions = _actors(nlp, text, day)
    people = {}
    for m in mentions:
        e = m.entity
        if e.kind == "person":
            people.setdefault(e.name, (e.code, e.office))
    assert people["Rajnath Singh"] == ("IND", "Defence Minister")
    assert people["Sergey Shoigu"] == ("RUS", "Defence Minister")
    assert people["Vladimir Putin"] == ("RUS", "President")
    assert people["Narendra Modi"] == ("IND", "Prime Minister")
    countries = {
        (m.entity.start, m.entity.end, m.entity.code) for m in mentions if m.entity.kind == "country"
    }
    first_india = text.index("India and Russia inked")
    assert (first_india, first_india + 5, "IND") in countries
    assert (first_india + 10, first_india + 16, "RUS") in countries
    indo = text.index("Indo-Russia")
    assert (indo, indo + 4, "IND") in countries
    assert (indo + 5, indo + 11, "RUS") in countries
    later = [m.entity for m in mentions if m.entity.entity_text in ("PM Modi", "President Putin")]
    assert {e.name for e in later} == {"Narendra Modi", "Vladimir Putin"}


def test_actors_offsets_exact_on_wire_copy(nlp, shared_dir: Path) -> None:
    files = sorted((shared_dir / "data" / "te3-silver-news").glob("*.tml"))[::150]
    assert files
    total = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        assert body is not None
        text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1))).strip()
        total += len(_actors(nlp, text, None))
    assert total > 0


def test_actors_nameless_counterpart_resolves_to_the_person_introduced(nlp) -> None:
    text = (
        "Defence Minister Rajnath Singh met his Russian counterpart Sergey Shoigu on Monday. "
        "Singh said ties were strong. His Russian counterpart agreed, officials said."
    )
    mentions = [m.entity for m in _actors(nlp, text) if m.entity.kind == "person"]
    later = [e for e in mentions if e.entity_text == "Russian counterpart"]
    assert later and later[0].name == "Sergey Shoigu" and later[0].office == "Defence Minister"
    assert any(e.entity_text == "Singh" and e.name == "Rajnath Singh" for e in mentions)


@pytest.mark.parametrize("text", ["", "   ", "Markets were quiet on Tuesday.", "he said she said"])
def test_actors_articles_without_actors(nlp, text: str) -> None:
    assert _actors(nlp, text) == []
    assert resolve_locations(nlp(text)) == []


@pytest.mark.parametrize(
    ("dateline", "code"),
    [
        ("BEIRUT", "LBN"),
        ("LEGASPI, Philippines", "PHL"),
        ("WASHINGTON", "USA"),
        ("Nowhere Town", None),
        ("", None),
    ],
)
def test_actors_dateline_location(dateline, code):
    from accord.resolve.actors import dateline_location

    location = dateline_location(dateline)
    assert (location.country_code if location else None) == code
    if location is not None:
        assert "start" not in location.to_dict()


def test_actors_dateline_places_bare_sector_nouns(nlp):
    from accord.resolve.actors import resolve_actors

    doc = nlp("Police said five ministers resigned on Saturday.")
    assert "LBN" in {m.entity.code for m in resolve_actors(doc, None, "BEIRUT")}


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Sri Lanka has established diplomatic ties with Iran.", ["LKA", "IRN"]),
        ("Georgia Smith met Jordan Peterson in London.", []),
    ],
)
def test_actors_person_label_on_a_whole_country_name(nlp, text, codes):
    from accord.resolve.actors import resolve_actors

    found = [m.entity.code for m in resolve_actors(nlp(text)) if m.entity.kind == "country"]
    assert found == codes


# -- towns, regions and their guards -------------------------------------------------------------


def _places(nlp, text: str, dateline: str | None = None) -> list[tuple[str, str, int]]:
    found = []
    for loc in resolve_locations(nlp(text), dateline):
        assert loc.start is not None and loc.end is not None
        found.append((text[loc.start : loc.end], loc.country_code, loc.start))
    return found


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "On 12 March 2022, protesters gathered in Dimitrovgrad (Ulyanovsk) against the war.",
            "Dimitrovgrad",
            "RUS",
        ),
        (
            "On 12 March 2022, protesters gathered in Dimitrovgrad (Ulyanovsk) against the war.",
            "Ulyanovsk",
            "RUS",
        ),
        ("On 3 May 2022, a man was killed by police in Belem (Para).", "Belem", "BRA"),
        ("On 3 May 2022, a man was killed by police in Belem (Para).", "Para", "BRA"),
        ("Floods hit Bihar and Zhejiang province last week.", "Bihar", "IND"),
        ("Floods hit Bihar and Zhejiang province last week.", "Zhejiang", "CHN"),
        (
            "Soldiers killed three peasants in the village of San Jose de las Flores, Chalatenango department.",
            "Chalatenango",
            "SLV",
        ),
        ("Fighting erupted in Punjab, Pakistan's most populous province.", "Punjab", "PAK"),
        ("The yacht sailed from Split to Dubrovnik.", "Split", "HRV"),
        ("He moved to Mobile, Alabama, in 1990.", "Mobile", "USA"),
        ("Rebels attacked the town of Police near the border.", "Police", "POL"),
        ("Unrest spread across the West Bank and Gaza.", "West Bank", "PSE"),
        ("Unrest spread across the West Bank and Gaza.", "Gaza", "PSE"),
        ("Militants attacked a checkpoint in Kashmir.", "Kashmir", "IND"),
        ("Guerrillas attacked a post in San Salvador.", "San Salvador", "SLV"),
        ("Carnival crowds filled the streets of Salvador in Brazil.", "Salvador", "BRA"),
        ("Voters in Georgia went to the polls in Atlanta on Tuesday.", "Georgia", "USA"),
        ("The U.S. pledged support to Georgia against Russia.", "Georgia", "GEO"),
        ("Canadian police said the man was arrested in Victoria.", "Victoria", "CAN"),
        ("Talks were held in Santiago, Chile's capital.", "Santiago", "CHL"),
        ("US and French officials met in Paris on Monday.", "Paris", "FRA"),
        ("Demonstrators marched in Sao Paulo on Sunday.", "Sao Paulo", "BRA"),
    ],
)
def test_locations_towns_and_regions_with_context(nlp, text: str, words: str, code: str) -> None:
    start = text.index(words)
    assert (words, code, start) in _places(nlp, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Reading the report, he said the figures were wrong.", "Reading"),
        ("It was a Nice day, he said.", "Nice"),
        ("Police said the suspect fled on foot.", "Police"),
        ("Mobile phones were banned in the exam.", "Mobile"),
        ("Split decisions are rare, the judge said.", "Split"),
        ("Along the way, they met no one.", "Along"),
        ("Of the 20 passengers, five were hurt.", "Of"),
        ("Abraham Lincoln was president then.", "Lincoln"),
        ("Jackson said he would run again.", "Jackson"),
        ("the crowd in reading was large and nice.", "reading"),
        ("Soldiers entered San Jose de las Flores at dawn.", "San Jose"),
        ("The Union said the strike would go ahead.", "Union"),
    ],
)
def test_locations_words_and_names_are_not_places(nlp, text: str, words: str) -> None:
    assert words not in [w for w, _, _ in _places(nlp, text)]


def test_locations_dateline_country_breaks_ties(nlp) -> None:
    text = "Three people were killed in Victoria on Monday, police said."
    assert _places(nlp, text, "SYDNEY") == [("Victoria", "AUS", text.index("Victoria"))]


def test_locations_new_mexico_is_no_mexico(nlp) -> None:
    text = "Wildfires burned across New Mexico on Friday."
    assert _places(nlp, text) == [("New Mexico", "USA", text.index("New Mexico"))]
    codes = {m.entity.code for m in _actors(nlp, text)}
    assert "MEX" not in codes


def test_locations_georgia_the_state_is_no_country_actor(nlp) -> None:
    codes = {
        m.entity.code for m in _actors(nlp, "Voters in Georgia went to the polls in Atlanta on Tuesday.")
    }
    assert "GEO" not in codes


@pytest.mark.parametrize(
    ("dateline", "code"),
    [("DIMITROVGRAD, Russia", "RUS"), ("MOBILE", "USA"), ("Police", None)],
)
def test_locations_dateline_small_towns(dateline: str, code: str | None) -> None:
    from accord.resolve.actors import dateline_location

    location = dateline_location(dateline)
    assert (location.country_code if location else None) == code


def test_locations_place_table_loads_fast() -> None:
    import time

    from accord.resolve.actors.lexicon import lexicon

    lexicon.cache_clear()
    began = time.perf_counter()
    lex = lexicon()
    assert time.perf_counter() - began < 2.0
    assert len(lex.place_candidates) > 30_000
    assert {p.code for p in lex.place_candidates["punjab"]} == {"IND", "PAK"}


def test_actors_stance_adjectives_are_not_parties(nlp):
    from accord.resolve.actors import resolve_actors

    doc = nlp("The pro-Syrian opposition marched against the anti-Syrian majority in Beirut.")
    assert "SYR" not in {m.entity.code for m in resolve_actors(doc)}
