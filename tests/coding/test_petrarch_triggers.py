"""PETRARCH verb entries -> Accord trigger rows: what is kept, what is skipped and why, and the output columns."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from accord.coding.lexicon import load_lexicon
from accord.coding.petrarch import parse_petrarch_verbs
from accord.coding.petrarch_rows import AccordRule, class_lines, trigger_lines
from accord.coding.petrarch_triggers import ConversionSettings, convert_verbs

SHIPPED = Path(str(resources.files("accord.coding") / "data"))
KNOWN = frozenset({"042", "057", "070", "073", "081", "111", "145", "175", "180", "190", "192"})

SNIPPET = """\
&ARMY
+TROOP
+ARMED_FORCES

--- SMASH [190] ---
SMASH
+WIPE_OUT
BREAK {BREAKS BREAKING BROKE BROKEN} [---]
- * RECORD                        [---]
- * BARRIERS                      [081]
- * &ARMY                         [190]
- * (INTO VILLAGE)                [192]
- * UP                            [175]
- * UP PROTEST                    [175]
- * {TEAR GAS}                    [175]
- * RECORD (IN FINAL)             [111]
- &ARMY *                         [190]
- * (WITH $)                      [111]
- * (BEFORE COURT)                [:173]
- * DEAL                          [057:057]
- * (TO)                          [042:043]
- * STATEMENT                     [010]

--- SEND [070] ---
SEND {SENDS SENT SENDING}
DISPATCH
- * RELIEF                        [073]
- * RELIEF                        [070]
"""


def _rows(settings: ConversionSettings | None = None) -> list[tuple[str, str, str, tuple[str, ...]]]:
    conversion = convert_verbs(parse_petrarch_verbs(SNIPPET), settings or ConversionSettings(KNOWN))
    return [(r.lemma, r.object, r.cameo, r.flags) for r in conversion.rows]


def test_petrarch_triggers_rows_in_the_order_accord_reads_them():
    smash = [row for row in _rows() if row[0].startswith("smash")]
    assert smash == [
        # A particle with an object, then a particle or preposition alone, then objects, then the bare verb.
        ("smash+into", "village", "192", ()),
        ("smash+up", "protest", "175", ()),
        ("smash+up", "*", "175", ()),
        ("smash+to", "*", "042", ("dest",)),
        ("smash", "record", "-", ()),  # PETRARCH's null pattern blocks the bare verb's code
        ("smash", "barriers", "081", ()),
        ("smash", "@PETRARCH_ARMY", "190", ()),
        ("smash", "deal", "057", ("reciprocal",)),
        ("smash", "*", "190", ()),
    ]


def test_petrarch_triggers_synonym_sets_become_word_classes():
    conversion = convert_verbs(parse_petrarch_verbs(SNIPPET), ConversionSettings(KNOWN))
    # Phrases of several words are left out: Accord matches an object by its head word.
    assert conversion.classes == {"PETRARCH_ARMY": ("troop", "troops")}
    assert class_lines(conversion.classes) == ["class\tlemmas", "PETRARCH_ARMY\ttroop|troops"]


def test_petrarch_triggers_what_accord_cannot_state_is_counted_by_kind():
    conversion = convert_verbs(parse_petrarch_verbs(SNIPPET), ConversionSettings(KNOWN))
    counts = conversion.counts
    assert counts["patterns"] == 16
    assert counts["patterns skipped: object with modifiers ({ADJ NOUN})"] == 1
    assert counts["patterns skipped: object and prepositional phrases (longer phrase)"] == 1
    assert counts["patterns skipped: words before the verb (subject)"] == 1
    assert counts["patterns skipped: source/target positions ($, +)"] == 1
    assert counts["patterns skipped: reverse event only ([:code])"] == 1
    assert counts["patterns skipped: no PLOVER mapping"] == 1
    assert conversion.unmapped == {"010": 1}  # CAMEO 01 (statements) has no PLOVER type
    assert counts["patterns kept: verb + object"] == 5
    assert counts["patterns kept: verb + object (null: blocking)"] == 1
    assert counts["default codes skipped: null (the bare verb is no event)"] == 1  # BREAK [---]


def test_petrarch_triggers_multi_word_verbs_keep_their_particle():
    rows = _rows()
    assert ("wipe+out", "@PETRARCH_ARMY", "190", ()) in rows
    assert ("wipe+out", "*", "190", ()) in rows
    # A pattern's own particle cannot be added to the verb's: "wipe out up" is not a rule.
    assert not any(row[0].startswith("wipe+out+") or row[0] == "wipe+up" for row in rows)


def test_petrarch_triggers_first_pattern_for_an_object_wins():
    send = [row for row in _rows() if row[0] == "send"]
    assert send == [("send", "relief", "073", ()), ("send", "*", "070", ())]


def test_petrarch_triggers_excluded_verbs_lose_only_their_bare_code():
    rows = _rows(ConversionSettings(KNOWN, excluded=frozenset({"smash"})))
    assert ("smash", "*", "190", ()) not in rows
    assert ("smash", "barriers", "081", ()) in rows
    assert ("wipe+out", "*", "190", ()) in rows  # a phrasal verb is no everyday bare verb


def test_petrarch_triggers_default_roots_and_transitive_defaults():
    rows = _rows(ConversionSettings(KNOWN, default_roots=frozenset({"18", "19"}), transitive_defaults=True))
    assert ("smash", "*", "190", ("transitive",)) in rows
    assert not any(row[0] in ("send", "dispatch") and row[1] == "*" for row in rows)  # 070 is outside
    assert ("send", "relief", "073", ()) in rows


def test_petrarch_triggers_accord_rows_win():
    own = {
        "send": [AccordRule(None, frozenset({"relief", "aid"}))],  # Accord codes "send relief" itself
        "dispatch": [AccordRule(None, frozenset({"troops"}))],
        "smash": [AccordRule("up", None)],
    }
    rows = _rows(ConversionSettings(KNOWN, accord_rules=own))
    assert [row for row in rows if row[0] == "send"] == []  # its object row is Accord's; its bare verb too
    assert ("dispatch", "relief", "073", ()) in rows  # an object Accord lacks
    assert not any(row[0] == "dispatch" and row[1] == "*" for row in rows)
    assert not any(row[0] == "smash+up" for row in rows)  # Accord's "smash up" takes any object
    assert ("smash+into", "village", "192", ()) in rows


def test_petrarch_triggers_lemmas_of_the_verb_forms():
    # spaCy's small model reads "staged" as "stag"; "FOUND" alone must not become "find".
    lemmas = {"staged": "stag", "stages": "stag", "staging": "stag", "found": "find"}
    text = "--- STAGE [141] ---\nSTAGE\n\n--- ENACT [081] ---\nFOUND\n"
    settings = ConversionSettings(frozenset({"141", "081"}), lemma_of=lambda w: lemmas.get(w, w))
    rows = convert_verbs(parse_petrarch_verbs(text), settings).rows
    assert sorted((r.lemma, r.cameo) for r in rows) == [("found", "081"), ("stag", "141"), ("stage", "141")]


def test_petrarch_triggers_output_columns_load_as_accord_triggers(tmp_path):
    conversion = convert_verbs(parse_petrarch_verbs(SNIPPET), ConversionSettings(KNOWN))
    lines = trigger_lines(conversion.rows)
    assert lines[0].split("\t") == [
        "lemma", "pos", "object", "cameo", "event", "mode", "context", "flags", "petrarch",
    ]  # fmt: skip
    first = dict(zip(lines[0].split("\t"), lines[1].split("\t"), strict=True))
    assert first == {
        "lemma": "smash+into",
        "pos": "VERB",
        "object": "village",
        "cameo": "192",
        "event": "",
        "mode": "",
        "context": "",
        "flags": "",
        "petrarch": "line 12",
    }
    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    (data / "triggers_petrarch.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "word_classes_petrarch.tsv").write_text("\n".join(class_lines(conversion.classes)) + "\n")
    lexicon = load_lexicon(data)
    [smash_into] = [r for r in lexicon.rules("smash", "VERB") if r.particle == "into"]
    assert smash_into.objects == frozenset({"village"}) and smash_into.code is not None
    assert smash_into.code.event == "COERCE"  # CAMEO 192 through cameo_plover.tsv
    [army] = [r for r in lexicon.rules("smash", "VERB") if r.objects and "troops" in r.objects]
    assert army.code is not None and army.code.cameo == "190"


@pytest.mark.parametrize("flag", ["reciprocal", "dest"])
def test_petrarch_triggers_flags_are_accord_flags(flag):
    rows = _rows()
    assert any(flag in row[3] for row in rows)


def test_petrarch_triggers_support_verbs_keep_accords_event_nouns():
    text = "&FIGHT\n+BATTLE\n+RIOT\n\n--- STAGE [---] ---\nSTAGE\n- * TALKS [046]\n- * &FIGHT [190]\n- * SIEGE [191]\n"
    settings = ConversionSettings(
        frozenset({"046", "190", "191"}),
        event_nouns=frozenset({"talk", "riot"}),
        support_verbs=frozenset({"stage"}),
    )
    conversion = convert_verbs(parse_petrarch_verbs(text), settings)
    # "staged talks", "staged a riot": Accord's nouns with their support verb; the class is spelt out without them.
    assert [(r.lemma, r.object, r.cameo) for r in conversion.rows] == [
        ("stage", "battle|battles", "190"),
        ("stage", "siege", "191"),
    ]
    assert conversion.counts["row objects: an event noun Accord reads with its support verb"] == 3
