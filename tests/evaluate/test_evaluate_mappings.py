"""Pin the evaluation mapping files: every gold label mapped, no unknown PLOVER type or code."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pycountry
import pytest

from accord.evaluate._common import PLOVER_TYPES, load_mapping
from accord.evaluate.harness import DEFAULT_SETS, load_targets

ACLED_TYPES = {
    "Battles",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Protests",
    "Riots",
    "Strategic developments",
}
PLOVER_MAPS = ["gsr_types.tsv", "muc_types.tsv", "case2021_plover.tsv"]


@pytest.mark.parametrize("name", PLOVER_MAPS)
def test_mapping_values_are_contract_plover_types(name):
    mapping = load_mapping(name)
    assert mapping
    for key, labels in mapping.items():
        assert set(labels) <= PLOVER_TYPES, (key, labels)


@pytest.mark.parametrize("name", ["gsr_codes.tsv", "muc_countries.tsv"])
def test_mapping_codes_are_iso_alpha3(name):
    for key, codes in load_mapping(name).items():
        assert len(codes) == 1 and pycountry.countries.get(alpha_3=codes[0]), key


def test_gsr_types_pins_the_renamed_types():
    mapping = load_mapping("gsr_types.tsv")
    assert mapping["DEMAND"] == ("REQUEST",)
    assert mapping["DISAPPROVE"] == ("ACCUSE",)
    assert mapping["INVESTIGATE"] == ("ACCUSE",)
    assert mapping["FIGHT"] == ("ASSAULT",)
    # Every contract type keeps its own name.
    assert all(mapping[t] == (t,) for t in PLOVER_TYPES if t not in {"REQUEST", "ACCUSE"})


def test_plover_acled_maps_every_plover_type_to_acled_types():
    mapping = load_mapping("plover_acled.tsv")
    bare = {key for key in mapping if ":" not in key}
    assert bare == PLOVER_TYPES
    for key, labels in mapping.items():
        assert key.split(":")[0] in PLOVER_TYPES
        assert set(labels) <= ACLED_TYPES, key
    assert mapping["PROTEST:riot"] == ("Riots",)
    assert mapping["CONSULT"] == ()


def test_mapping_loader_rejects_a_key_mapped_twice(tmp_path, monkeypatch):
    from accord.evaluate import _common

    data = tmp_path / "twice.tsv"
    data.write_text("# c\nk\tv\nA\tX\nA\tY\n", encoding="utf-8")
    monkeypatch.setattr(_common, "data_file", lambda _package, _name: data)
    _common.load_mapping.cache_clear()
    try:
        with pytest.raises(ValueError, match="twice.tsv:4: 'A' is mapped twice"):
            _common.load_mapping("twice.tsv")
    finally:
        _common.load_mapping.cache_clear()


def test_targets_name_known_sets():
    targets = load_targets()
    assert targets[("seed", "named checks passed")] == 1.0
    assert {name for name, _ in targets} <= set(DEFAULT_SETS)
    assert all(0 < value <= 1 for value in targets.values())


# --- against the gold files themselves (skip without ../shared) ---------------------------------


def test_gsr_types_cover_every_gsr_event(shared_dir: Path):
    records = json.loads((shared_dir / "data/plover-gsr/PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    names = {r["event"] for r in records} - {"DOCUMENT"}
    assert names == set(load_mapping("gsr_types.tsv"))


def test_gsr_codes_leave_only_known_codes(shared_dir: Path):
    records = json.loads((shared_dir / "data/plover-gsr/PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    fixes = load_mapping("gsr_codes.tsv")
    non_state = {"IGO", "NGO", "IMG", "PSE", "ISM"}  # PSE is ISO (Palestine); ISM CAMEO's Islamic code
    for record in records:
        for side in ("source", "target"):
            actors = record.get(side)
            # One record carries a stray string ("diplomatic") as its target: read_gsr ignores it.
            for actor in actors if isinstance(actors, list) else []:
                code = fixes.get(actor["code"], (actor["code"],))[0]
                assert code in non_state or pycountry.countries.get(alpha_3=code), code


def test_muc_types_cover_every_incident_type(shared_dir: Path):
    mapping = load_mapping("muc_types.tsv")
    seen = set()
    for key in (shared_dir / "data/muc34/TASK/CORPORA").glob("*/key-*"):
        for line in key.read_text(encoding="latin-1").splitlines():
            if m := re.match(r"\s*4\.\s+INCIDENT: TYPE\s+(.*)$", line):
                seen.update(t.strip().lstrip("?").strip() for t in m.group(1).split("/"))
    seen.discard("*")
    assert seen and seen <= set(mapping)
    assert all(mapping[t] for t in seen)


def test_case2021_mapping_covers_every_label(shared_dir: Path):
    path = shared_dir / "data/case2021-task2/test_set_final_release_with_labels.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        labels = {r["SubType"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}
    assert len(labels) == 30
    assert labels == set(load_mapping("case2021_plover.tsv"))
