"""Each scorer on small hand-made cases whose answers were computed by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from accord.evaluate.acled import AcledCase, acled_types, fatality_figure, read_acled, score_acled
from accord.evaluate.case2021 import CaseSnippet, score_case2021
from accord.evaluate.harness import format_table, run_evaluation
from accord.evaluate.muc import MucTemplate, parse_muc_date, read_keys, read_messages, recase, score_muc
from accord.evaluate.plover_gsr import GsrCase, read_gsr, score_gsr
from accord.evaluate.seed import seed_checks
from accord.records import ArticleResult

D = dt.date


def ent(code: str, name: str = "", sector: str | None = None, office: str | None = None) -> dict:
    return {"code": code, "name": name, "sector": sector, "office": office}


def ev(kind: str, start: int = 0, actor=(), recipient=(), **more) -> dict:
    event = {
        "event": kind,
        "trigger": {"start": start},
        "actor": list(actor),
        "recipient": list(recipient),
        "symmetric": False,
        "quantities": [],
        "money": [],
        "date": "2021-12-06",
        "text": "",
        "text_info": {"start": 0, "end": 0},
    }
    event.update(more)
    return event


def values(result: dict) -> dict[str, float | None]:
    return {m["metric"]: m["value"] for m in result["metrics"]}


# --- PLOVER GSR ---------------------------------------------------------------------------------

GSR = [
    GsrCase("a", "Iraq shelled Iran.", "ASSAULT", frozenset({"IRQ"}), frozenset({"IRN"}), False),
    GsrCase(
        "b", "India and Russia agreed.", "AGREE", frozenset({"IND", "RUS"}), frozenset({"IND", "RUS"}), True
    ),
    GsrCase("c", "The UN urged Israel.", "REQUEST", frozenset({"IGO"}), frozenset({"ISR"}), False),
]


def test_score_gsr_perfect():
    system = {
        "a": [ev("ASSAULT", 5, [ent("IRQ")], [ent("IRN")])],
        "b": [ev("AGREE", 17, [ent("IND")], [ent("RUS")], symmetric=True)],
        "c": [ev("REQUEST", 7, [ent("UNO", sector="IGO")], [ent("ISR")])],
    }
    got = values(score_gsr(GSR, system))
    assert got["type accuracy (first event)"] == 1.0
    assert got["type accuracy (any event)"] == 1.0
    assert got["source codes = gold (type-matched)"] == 1.0
    assert got["target codes = gold (type-matched)"] == 1.0


def test_score_gsr_partial_by_hand():
    system = {
        # first event in sentence order is CONSULT (start 2): wrong first, right "any"; target wrong.
        "a": [ev("ASSAULT", 5, [ent("IRQ")], [ent("KWT")]), ev("CONSULT", 2)],
        # not symmetric: sides IND / RUS vs gold {IND,RUS} both: both sides wrong.
        "b": [ev("AGREE", 17, [ent("IND")], [ent("RUS")])],
        "c": [ev("ACCUSE", 7)],
    }
    result = score_gsr(GSR, system)
    got = values(result)
    assert got["type accuracy (first event)"] == pytest.approx(1 / 3, abs=1e-4)
    assert got["type accuracy (any event)"] == pytest.approx(2 / 3, abs=1e-4)
    assert got["source codes = gold (type-matched)"] == 0.5
    assert got["target codes = gold (type-matched)"] == 0.0
    assert result["confusion"]["ASSAULT"] == {"CONSULT": 1}


def test_score_gsr_empty_system():
    got = values(score_gsr(GSR, {}))
    assert got["type accuracy (first event)"] == 0.0
    assert got["sentences with an event"] == 0.0
    assert got["source codes = gold (type-matched)"] is None


def test_read_gsr_maps_old_names_and_fixes_codes(shared_dir: Path):
    cases = read_gsr(shared_dir / "data/plover-gsr/PLOVER_GSR_CAMEO.txt")
    assert len(cases) == 322
    kinds = {c.event for c in cases}
    assert "DEMAND" not in kinds and "FIGHT" not in kinds and "REQUEST" in kinds
    apec = next(c for c in cases if c.id == "PLOVER-GSR01-AGREE-0002")
    assert apec.source == {"IGO"} and apec.target == {"JPN"}
    first = cases[0]
    assert first.joint and first.source == first.target == {"HUN", "ROU"}


# --- MUC ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("16 NOV 89", ((D(1989, 11, 16), D(1989, 11, 16)),)),
        ("- 19 APR 89", ((None, D(1989, 4, 19)),)),
        ("01 NOV 88 - 30 NOV 88", ((D(1988, 11, 1), D(1988, 11, 30)),)),
        ("(02 OCT 88) / (01 OCT 88)", ((D(1988, 10, 2),) * 2, (D(1988, 10, 1),) * 2)),
        ("? 9 JAN 90", ((D(1990, 1, 9), D(1990, 1, 9)),)),
        ("-", None),
        ("31 JUN 89", None),
    ],
)
def test_parse_muc_date(value, expected):
    assert parse_muc_date(value) == expected


KEY = """0.  MESSAGE: ID                    TST9-MUC4-0001
1.  MESSAGE: TEMPLATE              1
2.  INCIDENT: DATE                 16 NOV 89
3.  INCIDENT: LOCATION             (EL SALVADOR: SAN SALVADOR (CITY)) / (EL SALVADOR)
4.  INCIDENT: TYPE                 ATTACK / BOMBING
21. HUM TGT: NUMBER                6: "JESUITS"
                                   2: "MAIDS"
24. HUM TGT: TOTAL NUMBER          -

0.  MESSAGE: ID                    TST9-MUC4-0001
1.  MESSAGE: TEMPLATE              2 (OPTIONAL)
2.  INCIDENT: DATE                 -
3.  INCIDENT: LOCATION             GUATAMALA
4.  INCIDENT: TYPE                 KIDNAPPING
21. HUM TGT: NUMBER                1: "JUDGE"

0.  MESSAGE: ID                    TST9-MUC4-0002 (NCCOSC)
1.  MESSAGE: TEMPLATE              *
2.  INCIDENT: DATE                 *
"""


def test_read_keys_by_hand(tmp_path: Path):
    path = tmp_path / "key"
    path.write_text(KEY, encoding="latin-1")
    templates, messages = read_keys(path)
    assert messages == {"TST9-MUC4-0001", "TST9-MUC4-0002"}
    assert len(templates) == 2
    first, second = templates
    assert first.types == {"ASSAULT"} and first.countries == {"SLV"} and not first.optional
    assert first.victims == {6, 2}
    assert second.optional and second.dates is None and second.countries == {"GTM"}
    assert second.victims == frozenset()  # a single victim is not a count


TEXT = """TST9-MUC4-0001

   SAN SALVADOR, 17 NOV 89 (RADIO) -- [TEXT] SIX JESUITS WERE KILLED
YESTERDAY IN EL SALVADOR.

   THE ARMY DENIED IT.

TST9-MUC4-0002 (NOSC)

   LIMA, NO DATE (EFE) -- [TEXT] NOTHING HAPPENED.
"""


def test_read_messages_dateline_unwrap_and_recase(tmp_path: Path):
    path = tmp_path / "text"
    path.write_text(TEXT, encoding="latin-1")
    first, second = read_messages(path, upper_case=True)
    assert (first.id, first.date, first.dated) == ("TST9-MUC4-0001", D(1989, 11, 17), True)
    assert first.text == "[Text] Six jesuits were killed yesterday in El Salvador.\n\nThe army denied it."
    assert (second.id, second.date, second.dated) == ("TST9-MUC4-0002", D(1989, 11, 17), False)
    assert (first.dateline, second.dateline) == ("SAN SALVADOR", "LIMA")


@pytest.mark.parametrize(
    ("upper", "expected"),
    [
        ("BOMB IN BOGOTA ON MONDAY. COLOMBIA MOURNS.", "Bomb in bogota on Monday. Colombia mourns."),
        ('HE SAID: "WE WILL FIGHT." I LEFT IN MAY', 'He said: "we will fight." I left in May'),
    ],
)
def test_recase(upper, expected):
    assert recase(upper) == expected


NOV16 = ((D(1989, 11, 16), D(1989, 11, 16)),)


def tpl(message="m1", types=("ASSAULT",), dates=NOV16, countries=("SLV",), optional=False, victims=()):
    return MucTemplate(
        message,
        optional,
        frozenset(types),
        dates,
        frozenset(countries) if countries else None,
        frozenset(victims),
    )


def muc_ev(kind="ASSAULT", date="1989-11-16", country="SLV", quantities=()):
    return ev(
        kind, date=date, event_loc={"country_code": country}, quantities=[{"value": q} for q in quantities]
    )


def test_score_muc_perfect_with_count():
    result = score_muc([tpl(victims=(6, 2))], {"m1": [muc_ev(quantities=(6,))]}, ["m1"])
    got = values(result)
    assert got["incident precision"] == got["incident recall"] == got["incident F1"] == 1.0
    assert got["victim count exact (matched)"] == 1.0


def test_score_muc_partial_by_hand():
    templates = [
        tpl("m1"),
        tpl("m1", dates=((None, D(1989, 11, 30)),)),  # on or before 30 Nov
        tpl("m2", countries=("PER",)),
        tpl("m2", optional=True, types=("COERCE", "PROTEST")),
    ]
    system = {
        # Two mentions of one incident merge into one event; a month-precise date fits no day.
        "m1": [muc_ev(), muc_ev(), muc_ev(date="1989-11")],
        # Wrong country for the PER template; a CONSULT is outside the task; the PROTEST fills the optional one.
        "m2": [muc_ev(country="COL"), muc_ev("CONSULT"), muc_ev("PROTEST")],
    }
    result = score_muc(templates, system, ["m1", "m2"])
    counts = result["counts"]
    # merged system events: m1 {day, month} = 2, m2 {ASSAULT COL, PROTEST} = 2 -> 4
    assert counts["system_events_merged"] == 4
    # m1: day event matches one template; the month event (Nov 1989) lies before 30 Nov -> matches the other.
    assert counts["matched_required"] == 2 and counts["matched_optional"] == 1
    got = values(result)
    assert got["incident precision"] == 0.75  # 3 / 4
    assert got["incident recall"] == 0.75  # 3 / (3 required + 1 matched optional)
    assert got["victim count exact (matched)"] is None


def test_score_muc_one_event_fills_one_template():
    result = score_muc([tpl(), tpl()], {"m1": [muc_ev()]}, ["m1"])
    assert values(result)["incident recall"] == 0.5


def test_score_muc_empty_system():
    got = values(score_muc([tpl(), tpl(optional=True)], {}, ["m1"]))
    assert got["incident precision"] == 0.0 and got["incident recall"] == 0.0


# --- ACLED --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ({"event": "PROTEST", "mode": "riot"}, ("Riots",)),
        ({"event": "PROTEST", "mode": None}, ("Protests",)),
        ({"event": "ASSAULT", "mode": "explosives"}, ("Explosions/Remote violence",)),
        ({"event": "ASSAULT", "mode": "no-such-mode"}, ("Battles", "Violence against civilians")),
        ({"event": "CONSULT"}, ()),
    ],
)
def test_acled_types(event, expected):
    assert acled_types(event) == expected


def killing_event(text: str, number: float, kind: str = "ASSAULT") -> dict:
    start = text.index(str(int(number)))
    quantity = {"value": number, "start": start, "end": start + 1, "item": None}
    return ev(kind, text=text, text_info={"start": 0, "end": len(text)}, quantities=[quantity])


def test_fatality_figure_needs_a_killing_word_near_an_assault_quantity():
    assert fatality_figure([killing_event("Gunmen attacked a village, killing 3 people.", 3)]) == 3
    far = "Some 40 gunmen in 9 trucks attacked a village far away from the capital; one person was killed."
    assert fatality_figure([killing_event(far, 9)]) is None
    assert fatality_figure([killing_event("Police arrested 5, killing none.", 5, "COERCE")]) is None
    assert fatality_figure([]) is None


def acled_case(i: str, kind: str, country: str = "NGA", fatalities: int = 0, notes: str = "x") -> AcledCase:
    return AcledCase(i, D(2022, 1, 1), notes, kind, country, fatalities)


def test_score_acled_by_hand():
    cases = [
        acled_case("1", "Protests"),
        acled_case("2", "Riots"),
        acled_case("3", "Battles", fatalities=3, notes="Troops clashed with rebels, killing 3."),
        acled_case("4", "Strategic developments", fatalities=2, notes="2 people were killed."),
    ]
    system = {
        "1": [ev("PROTEST", actor=[ent("NGA")], event_loc={"country_code": "NGA"})],
        "2": [ev("PROTEST", mode="demo", recipient=[ent("GHA")])],
        "3": [killing_event("Troops clashed with rebels, killing 3.", 3)],
    }
    got = values(score_acled(cases, system))
    assert got["event type (any event maps to it)"] == 0.5  # 1 and 3
    assert got["actor country among actor codes"] == 0.25
    assert got["country among event_loc codes"] == 0.25
    assert got["fatalities exact (stated, > 0)"] == 0.5  # 3 right, 4 has no figure
    assert values(score_acled(cases, {}))["event type (any event maps to it)"] == 0.0


def test_read_acled_sample_is_fixed(shared_dir: Path):
    path = shared_dir / "data/acled-acledR-sample/acled_old_deletion_dummy.csv"
    first = read_acled(path, sample=50)
    assert len(first) == 50 and [c.id for c in first] == [c.id for c in read_acled(path, sample=50)]
    assert all(c.country and "[size=" not in c.notes for c in first)


# --- CASE 2021 ----------------------------------------------------------------------------------


def test_score_case2021_by_hand():
    snippets = [
        CaseSnippet("1", "", "PEACE_PROTEST", frozenset({"PROTEST"})),
        CaseSnippet("2", "", "ARREST", frozenset({"COERCE"})),
        CaseSnippet("3", "", "AIR_STRIKE", frozenset({"ASSAULT"})),
        CaseSnippet("4", "", "NATURAL_DISASTER", frozenset()),
        CaseSnippet("5", "", "OTHER", frozenset()),
    ]
    system = {
        "1": [ev("PROTEST", 3)],
        "2": [ev("COERCE", 9), ev("ACCUSE", 1)],  # right, but not first
        "4": [ev("AID")],
    }
    got = values(score_case2021(snippets, system))
    assert got["coarse type accuracy (first event)"] == pytest.approx(1 / 3, abs=1e-4)
    assert got["coarse type accuracy (any event)"] == pytest.approx(2 / 3, abs=1e-4)
    assert got["no event where none is expected"] == 0.5
    assert values(score_case2021(snippets, {}))["coarse type accuracy (any event)"] == 0.0


# --- seed ---------------------------------------------------------------------------------------

RAJNATH = ent("IND", "Rajnath Singh", "GOV", "Defence Minister")
SHOIGU = ent("RUS", "Sergey Shoigu", "MIL", "Defense Minister")
PUTIN = ent("RUS", "Vladimir Putin", "GOV", "President")
MODI = ent("IND", "Narendra Modi", "GOV", "Prime Minister")
SEED_EVENTS = [
    ev("SUPPORT", actor=[ent("IND")], recipient=[ent("RUS")], enddate="2031"),
    ev(
        "COOPERATE",
        quantities=[{"value": 601427}],
        money=[{"amount": 50_000_000_000, "currency": "INR", "approximate": True}],
    ),
    ev("CONSULT", actor=[RAJNATH], recipient=[SHOIGU], event_loc={"country_code": "IND"}),
    ev("AGREE", actor=[PUTIN], recipient=[MODI], status="planned"),
]


def test_seed_checks_all_pass_on_the_full_facts():
    checks = seed_checks(SEED_EVENTS)
    assert len(checks) == 9 and all(c["passed"] for c in checks)


def test_seed_checks_fail_on_each_missing_fact():
    wrong = [
        ev("SUPPORT", actor=[ent("IND")], recipient=[ent("CHN")]),
        ev(
            "COOPERATE",
            quantities=[{"value": 601427}],
            money=[{"amount": 5e10, "currency": "INR", "approximate": False}],
        ),
        ev("CONSULT", actor=[RAJNATH], recipient=[SHOIGU], event_loc={"country_code": "RUS"}),
        ev(
            "AGREE", actor=[PUTIN], recipient=[{**MODI, "office": None}], status="occurred", date="2021-12-07"
        ),
    ]
    passed = {c["check"]: c["passed"] for c in seed_checks(wrong)}
    assert passed == {
        "signing": False,
        "procurement": False,
        "ministers-meet": False,
        "programme-2031": False,
        "summit-planned": False,
        "person: Rajnath Singh": True,
        "person: Sergey Shoigu": True,
        "person: Vladimir Putin": True,
        "person: Narendra Modi": False,
    }
    assert not any(c["passed"] for c in seed_checks([]))


# --- harness ------------------------------------------------------------------------------------


class NoEvents:
    """An extractor that finds nothing: every figure must then be at its floor."""

    def extract_articles(self, articles):
        for article in articles:
            yield ArticleResult(article=article)


def test_run_evaluation_with_an_empty_extractor(shared_dir: Path):
    results = run_evaluation(
        shared_dir, sets=["plover-gsr", "seed", "case2021-task2"], limit=20, extractor=NoEvents()
    )
    gsr = results["sets"]["plover-gsr"]
    assert gsr["cases"] == 20
    assert values(gsr)["type accuracy (first event)"] == 0.0
    assert gsr["metrics"][0]["target"] == 0.85  # issue 3
    assert values(results["sets"]["seed"])["named checks passed"] == 0.0
    table = format_table(results)
    assert "plover-gsr" in table and "type accuracy (first event)" in table and "0.000" in table


def test_run_evaluation_reports_a_missing_set_and_rejects_unknown_names(tmp_path: Path):
    results = run_evaluation(tmp_path, sets=["plover-gsr"], extractor=NoEvents())
    assert "No such file" in results["sets"]["plover-gsr"]["error"]
    assert "No such file" in format_table(results)
    with pytest.raises(ValueError, match="unknown evaluation set"):
        run_evaluation(tmp_path, sets=["no-such-set"])


def test_fatality_figure_takes_the_count_nearest_the_killing_word():
    text = "Clashes resulted in killing 2 police members, and injuring four others."
    quantities = [
        {"value": 2, "start": text.index("2"), "end": text.index("2") + 1},
        {"value": 4, "start": text.index("four"), "end": text.index("four") + 4},
    ]
    event = ev("ASSAULT", text=text, text_info={"start": 0, "end": len(text)}, quantities=quantities)
    assert fatality_figure([event]) == 2


def test_empty_extractor_floors_muc_and_acled(shared_dir: Path):
    results = run_evaluation(
        shared_dir, sets=["muc34", "acled-acledR-sample"], limit=10, extractor=NoEvents()
    )
    muc = values(results["sets"]["muc34"])
    assert results["sets"]["muc34"]["cases"] == 10
    assert muc["incident recall"] == 0.0 and muc["incident precision"] == 0.0
    assert values(results["sets"]["acled-acledR-sample"])["event type (any event maps to it)"] == 0.0


def test_harness_with_the_real_extractor_on_a_few_cases(shared_dir: Path, nlp):
    from accord.pipeline import Extractor

    results = run_evaluation(shared_dir, sets=["seed", "plover-gsr"], limit=10, extractor=Extractor(nlp))
    assert results["sets"]["plover-gsr"]["cases"] == 10
    for result in results["sets"].values():
        assert "error" not in result
        assert all(m["value"] is None or 0.0 <= m["value"] <= 1.0 for m in result["metrics"])
    # The seed is read with Accord's reader and yields events: the person checks can be computed.
    assert len(results["sets"]["seed"]["checks"]) == 9
