"""The lexicon loader: the shipped files load, and one bad row in a copy of them fails with file:line."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from accord.base.ontology import EVENT_TYPES
from accord.coding import codes
from accord.coding.lexicon import load_lexicon
from accord.errors import DataFileError

SHIPPED = Path(str(resources.files("accord.coding") / "data"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the shipped data files, to be spoiled by one edit."""
    target = tmp_path / "data"
    shutil.copytree(SHIPPED, target)
    return target


def _replace_line(path: Path, old: str, new: str) -> int:
    """Replace the line that starts with ``old`` (exactly one) and return its line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    [number] = [n for n, line in enumerate(lines, start=1) if line.startswith(old)]
    lines[number - 1] = new
    path.write_text("".join(lines), encoding="utf-8")
    return number


def test_lexicon_shipped_files_load_with_the_classes_the_coder_reads():
    lexicon = load_lexicon()
    assert {"say", "claim", "disclose"} <= lexicon.reporting_verbs
    assert {"say", "announce"} <= lexicon.future_reporting_verbs
    assert "claim" not in lexicon.future_reporting_verbs
    assert {"reiterate", "insist"} <= lexicon.obligation_frames
    assert lexicon.obligation_rule is not None and lexicon.obligation_rule.code is not None
    assert lexicon.obligation_rule.code.cameo == codes.DEMAND
    assert {code.event for code in lexicon.codes.values()} <= set(EVENT_TYPES)


def test_lexicon_a_copy_of_the_shipped_files_loads_the_same(data_dir):
    assert load_lexicon(data_dir) == load_lexicon()


def test_lexicon_unknown_plover_type_in_the_code_table(data_dir):
    line = _replace_line(data_dir / "cameo_plover.tsv", "0871\t", "0871\tCOOPERATES\t\t\tDeclare ceasefire\n")
    with pytest.raises(
        DataFileError, match=rf"^cameo_plover\.tsv:{line}: 'COOPERATES' is not a PLOVER event type"
    ):
        load_lexicon(data_dir)


def test_lexicon_unknown_cameo_code_in_a_trigger_row(data_dir):
    line = _replace_line(
        data_dir / "triggers.tsv", "sign\tVERB\t@CEASEFIRE\t", "sign\tVERB\t@CEASEFIRE\t0879\n"
    )
    with pytest.raises(
        DataFileError, match=rf"^triggers\.tsv:{line}: CAMEO 0879 has no row in cameo_plover\.tsv"
    ):
        load_lexicon(data_dir)


def test_lexicon_unknown_type_override_in_a_topic_file(data_dir):
    path = data_dir / "triggers_conflict.tsv"
    first = next(
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("kill\tVERB\t*")
    )
    fields = first.split("\t")
    fields[4] = "KILL"
    line = _replace_line(path, first, "\t".join(fields) + "\n")
    with pytest.raises(
        DataFileError, match=rf"^triggers_conflict\.tsv:{line}: 'KILL' is not a PLOVER event type"
    ):
        load_lexicon(data_dir)


def test_lexicon_unknown_word_class_in_a_trigger_row(data_dir):
    line = _replace_line(data_dir / "triggers.tsv", "sign\tVERB\t@CEASEFIRE\t", "sign\tVERB\t@TRUCES\t0871\n")
    with pytest.raises(DataFileError, match=rf"^triggers\.tsv:{line}: no word class TRUCES"):
        load_lexicon(data_dir)


def test_lexicon_goldstein_value_that_is_no_number(data_dir):
    line = _replace_line(data_dir / "cameo_goldstein.tsv", "010\t", "010\tneutral\n")
    with pytest.raises(DataFileError, match=rf"^cameo_goldstein\.tsv:{line}: Goldstein value 'neutral'"):
        load_lexicon(data_dir)


def test_lexicon_code_named_in_python_missing_from_the_code_table(data_dir):
    # CAMEO 111 (criticism) is named in codes.py; without its row the error points at that line.
    _replace_line(data_dir / "cameo_plover.tsv", "111\t", "")
    source = Path(codes.__file__).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(source, start=1) if f'"{codes.CRITICISM}"' in text)
    with pytest.raises(DataFileError, match=rf"^codes\.py:{line}: CAMEO 111 has no row in cameo_plover\.tsv"):
        load_lexicon(data_dir)


def test_lexicon_word_class_the_coder_reads_is_missing(data_dir):
    _replace_line(data_dir / "word_classes.tsv", "REPORTING_VERB\t", "")
    with pytest.raises(DataFileError, match=r"^word_classes\.tsv:1: no class REPORTING_VERB"):
        load_lexicon(data_dir)


def test_lexicon_named_types_and_codes_are_plover_types_and_table_rows():
    lexicon = load_lexicon()
    assert set(codes.named_types()) <= set(EVENT_TYPES)
    assert all(code in lexicon.codes for code in codes.named_codes())
    assert codes.CRITICISM in codes.named_codes() and "0333" in codes.named_codes()


def test_lexicon_petrarch_rows_come_after_accords_own(data_dir, tmp_path):
    full = load_lexicon(data_dir)
    own_dir = tmp_path / "own"  # another folder: load_lexicon caches by folder
    shutil.copytree(data_dir, own_dir, ignore=shutil.ignore_patterns("*_petrarch.tsv"))
    own = load_lexicon(own_dir)
    # Every word keeps Accord's rows first, in their order; PETRARCH's only follow or add words.
    for key, rules in own.rules_by_lemma.items():
        assert full.rules_by_lemma[key][: len(rules)] == rules
    added = set(full.rules_by_lemma) - set(own.rules_by_lemma)
    assert ("wipe", "VERB") in added and ("annex", "VERB") in added


def test_lexicon_petrarch_word_classes_are_read(data_dir):
    lexicon = load_lexicon(data_dir)
    [wipe_out] = [r for r in lexicon.rules("wipe", "VERB") if r.particle == "out" and r.objects is None]
    assert wipe_out.code is not None and wipe_out.code.event == "ASSAULT"


def test_lexicon_word_class_defined_twice(data_dir):
    path = data_dir / "word_classes_petrarch.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "TROOPS\tsoldier\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(
        DataFileError, match=rf"^word_classes_petrarch\.tsv:{line}: class TROOPS is defined twice"
    ):
        load_lexicon(data_dir)
