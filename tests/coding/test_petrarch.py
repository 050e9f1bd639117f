"""Reading PETRARCH-format verb dictionaries: made-up snippets in the format of PETRARCH2's CAMEO.2.0.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.coding.petrarch import (
    NounPhrase,
    PetrarchCode,
    PrepPhrase,
    parse_petrarch_verbs,
    read_petrarch_verbs,
    regular_plural,
)

SNIPPET = """\
# A made-up dictionary in PETRARCH's verb format.
####### SYNONYM SETS #######

&ARMY
+TROOP
+SOLDIERS_
+ARMED_FORCES

&HELPERVERB_
+WILL
+WOULD

####### VERB PATTERNS #######

---  HURL   [---]  ---
HURL  # a comment after the verb
THROW {THROWS THROWING THREW THROWN }
- * STONE                                  [145]   # THROW
- * (AT &ARMY)                             [180]   # HURL
- * {TEAR GAS}                             [175]   # THROW

---  DESTROY   [190]---  ---
+WIPE_OUT
RE_+TAKE {RE_+TAKES RE_+TOOK}  [192]
SMASH ;tony 3/9/91
- * &ARMY                                  [190]
- * UP (WITH $)                             [111]
- &ARMY * (INTO +)                         [192]
- * RECORD                                 [---]
- * OUT                                    [042:043]
- * SHOP                                   [057:057]
- * (BEFORE COURT)                         [:173]
"""


@pytest.fixture(scope="module")
def dictionary():
    return parse_petrarch_verbs(SNIPPET)


def test_petrarch_synonym_sets_keep_phrases_and_make_regular_plurals(dictionary):
    army = dictionary.synsets["&ARMY"]
    assert army.phrases == (("TROOP",), ("SOLDIERS",), ("ARMED", "FORCES"))
    # "SOLDIERS_" says no plural; a phrase of several words gets none either.
    assert army.words() == (("TROOP",), ("TROOPS",), ("SOLDIERS",), ("ARMED", "FORCES"))
    # A label ending in "_" makes no plurals for any of its phrases.
    assert dictionary.synsets["&HELPERVERB_"].words() == (("WILL",), ("WOULD",))


def test_petrarch_blocks_verbs_forms_and_codes(dictionary):
    hurl, destroy = dictionary.entries
    assert (hurl.name, hurl.code) == ("HURL", PetrarchCode(None, None))
    assert hurl.code.null
    assert [(v.verb, v.forms) for v in hurl.verbs] == [
        ("HURL", None),
        ("THROW", ("THROWS", "THROWING", "THREW", "THROWN")),
    ]
    # "[190]---" glued to the closing dashes is still the block's code.
    assert (destroy.name, destroy.code) == ("DESTROY", PetrarchCode("190"))
    wipe, retake, smash = destroy.verbs
    assert (wipe.verb, wipe.before, wipe.after, wipe.code.actor) == ("WIPE", (), ("OUT",), "190")
    assert (retake.verb, retake.before, retake.code.actor) == ("TAKE", ("RE",), "192")
    assert retake.forms == ("RE_+TAKES", "RE_+TOOK")
    assert smash.verb == "SMASH"  # the TABARI ";" comment is dropped


def test_petrarch_patterns_nouns_phrases_and_prepositions(dictionary):
    stone, at_army, tear_gas = dictionary.entries[0].patterns
    assert stone.after == (NounPhrase("STONE"),) and stone.code == PetrarchCode("145")
    assert at_army.after == () and at_army.after_preps == (PrepPhrase("AT", (NounPhrase("&ARMY"),)),)
    assert tear_gas.after == (NounPhrase("GAS", ("TEAR",)),)
    assert stone.line == 18 and stone.text.startswith("* STONE")


def test_petrarch_roles_nulls_and_two_sided_codes(dictionary):
    army, up_with, into, record, out, shop, court = dictionary.entries[1].patterns
    assert not army.marks_roles and up_with.marks_roles and into.marks_roles
    assert into.before == (NounPhrase("&ARMY"),)
    assert record.code.null
    assert out.code == PetrarchCode("042", "043")
    assert shop.code == PetrarchCode("057", "057")
    assert court.code == PetrarchCode(None, "173") and not court.code.null


def test_petrarch_unreadable_lines_are_reported_not_fatal():
    text = (
        "--- BACK [---] ---\nBACK\n"
        "- * DOWN (FROM)   [080!]\n"  # a code that is not one
        "- STRONGLY * ATTACK (ON ^)   ^)[111]\n"  # an unopened bracket
        "- * RETREAT   [080]\n"
        "WIRE_TAP\n"  # a multi-word verb without its "+"
    )
    dictionary = parse_petrarch_verbs(text)
    assert [line for line, _ in dictionary.problems] == [3, 4, 6]
    assert "without a valid [code]" in dictionary.problems[0][1]
    [entry] = dictionary.entries
    assert [p.after[0].head for p in entry.patterns] == ["RETREAT"]


def test_petrarch_transformations_are_counted_and_skipped():
    dictionary = parse_petrarch_verbs("--- SAY [---] ---\nSAY\n~ a (a b ATTACK) SAY = a b 015\n")
    assert dictionary.transformations == 1
    assert dictionary.entries[0].patterns == ()


def test_petrarch_reads_the_shipped_cameo_dictionary(shared_dir):
    path = shared_dir / "data" / "phoenix-dictionaries" / "CAMEO.2.0.txt"
    if not path.is_file():
        pytest.skip("CAMEO.2.0.txt is not present")
    dictionary = read_petrarch_verbs(path)
    assert len(dictionary.entries) == 397
    assert len(dictionary.synsets) == 40
    assert sum(len(e.patterns) for e in dictionary.entries) > 4600
    # Its three malformed pattern lines are reported, not read.
    assert [line for line, _ in dictionary.problems] == [2374, 5787, 7606]


def test_petrarch_reads_latin1_files(tmp_path: Path):
    path = tmp_path / "verbs.txt"
    path.write_bytes("--- PRAISE [051] ---\nPRAISE # caf\xe9\n".encode("latin-1"))
    assert read_petrarch_verbs(path).entries[0].verbs[0].verb == "PRAISE"


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("TROOP", "TROOPS"),
        ("MILITIA", "MILITIAS"),
        ("ARMY", "ARMIES"),
        ("PROGRESS", "PROGRESSES"),
        ("MISSILES", None),
    ],
)
def test_petrarch_regular_plurals_of_the_format(word, plural):
    # A word that already ends in a single S is taken as listed plural (CAMEO.2.0.txt lists "MISSILES").
    assert regular_plural(word) == plural
