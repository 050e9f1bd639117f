"""The rows converted from PETRARCH2's verb dictionary (triggers_petrarch.tsv) on sentences of our own: each
is coded with them and not without them."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources
from pathlib import Path

import pytest

from accord.coding.lexicon import load_lexicon
from accord.pipeline import Extractor
from accord.records import Article

SHIPPED = Path(str(resources.files("accord.coding") / "data"))


@pytest.fixture(scope="module")
def extractors(nlp, tmp_path_factory):
    """Accord with the shipped lexicon, and with the same lexicon less the PETRARCH files."""
    own = tmp_path_factory.mktemp("lexicon") / "data"
    shutil.copytree(SHIPPED, own, ignore=shutil.ignore_patterns("*_petrarch.tsv"))
    return Extractor(nlp), Extractor(nlp, lexicon=load_lexicon(own))


def _events(extractor: Extractor, text: str) -> list[tuple[str, str, str, str, str]]:
    article = Article(id="t", date=dt.date(2006, 11, 20), text=text)
    return [
        (
            e.event,
            e.cameo,
            "+".join(sorted(a.code for a in e.actor)),
            "+".join(sorted(r.code for r in e.recipient)),
            e.trigger.text,
        )
        for e in extractor.extract_article(article).events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A multi-word verb with its block's code: "+WIPE_OUT" in DESTROY [190].
        (
            "Ethiopian troops wiped out an Islamist militia camp near the Somali border on Monday.",
            ("ASSAULT", "190", "ETH", "SOM", "wiped out"),
        ),
        # "+CRACK_DOWN" in SUPPRESS [170].
        (
            "Zimbabwean police cracked down on opposition supporters in Harare on Tuesday.",
            ("COERCE", "170", "ZWE", "ZWE", "cracked down"),
        ),
        # A verb with a particle and an object: "- * OFF TRIP [160]" for CALL.
        (
            "Egypt called off a planned trip to Israel by its foreign minister.",
            ("SANCTION", "160", "EGY", "ISR", "called off"),
        ),
        # Bare verbs of the material-conflict roots (CAMEO 17-20), with someone on the receiving end.
        ("Iraq annexed Kuwait in August 1990.", ("COERCE", "171", "IRQ", "KWT", "annexed")),
        (
            "Israeli police evicted Palestinian families from their homes in East Jerusalem on Sunday.",
            ("COERCE", "174", "ISR", "PSE", "evicted"),
        ),
    ],
)
def test_petrarch_rows_code_what_accord_alone_does_not(extractors, text, expected):
    full, own = extractors
    assert expected in _events(full, text)
    assert not any(event[:2] == expected[:2] for event in _events(own, text))


def test_petrarch_everyday_senses_stay_out(extractors):
    full, _ = extractors
    # "crush" is one of petrarch_excluded_verbs.tsv's figurative verbs: sport, not an assault.
    assert _events(full, "Brazil crushed Argentina 3-0 in the World Cup final on Sunday.") == []
