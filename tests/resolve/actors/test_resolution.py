"""The actor stage's one-pass entry point, ``resolve_actors_and_places``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest

from accord.resolve.actors import (
    ActorResolution,
    dateline_location,
    resolve_actors,
    resolve_actors_and_places,
    resolve_locations,
)

TEXT = "Police said Indian troops arrived in Moscow on Monday. The Kremlin welcomed them."


def test_resolution_gives_actors_places_and_dateline_in_one_call(nlp) -> None:
    found = resolve_actors_and_places(nlp(TEXT), dt.date(2021, 12, 6), "NEW DELHI")
    assert [(m.entity.entity_text, m.entity.code, m.entity.sector) for m in found.mentions] == [
        ("Police", "IND", "COP"),
        ("Indian troops", "IND", "MIL"),
        ("Kremlin", "RUS", "GOV"),
    ]
    assert [(loc.name, loc.country_code, TEXT[loc.start : loc.end]) for loc in found.locations] == [
        ("Moscow", "RUS", "Moscow"),
        ("Kremlin", "RUS", "Kremlin"),
    ]
    assert found.dateline is not None
    assert (found.dateline.name, found.dateline.country_code) == ("New Delhi", "IND")


def test_resolution_matches_the_one_half_wrappers(nlp) -> None:
    doc = nlp(TEXT)
    found = resolve_actors_and_places(doc, None, "BEIRUT")
    assert list(found.mentions) == resolve_actors(doc, None, "BEIRUT")
    assert list(found.locations) == resolve_locations(doc, "BEIRUT")
    assert found.dateline == dateline_location("BEIRUT")


def test_resolution_dateline_places_a_bare_sector_noun(nlp) -> None:
    doc = nlp("Police said troops arrived in the capital.")
    assert resolve_actors_and_places(doc).mentions == ()
    filed = resolve_actors_and_places(doc, None, "BEIRUT")
    assert [(m.entity.entity_text, m.entity.code) for m in filed.mentions] == [
        ("Police", "LBN"),
        ("troops", "LBN"),
    ]
    assert filed.dateline is not None and filed.dateline.country_code == "LBN"


def test_resolution_is_frozen_and_leaves_the_doc_alone(nlp) -> None:
    doc = nlp(TEXT)
    found = resolve_actors_and_places(doc)
    assert isinstance(found, ActorResolution)
    assert found.dateline is None
    assert doc.user_data == {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.mentions = ()  # type: ignore[misc]


def test_actors_package_imports_without_spacy() -> None:
    code = (
        "import sys, accord.resolve.actors\n"
        "loaded = sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.'))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
