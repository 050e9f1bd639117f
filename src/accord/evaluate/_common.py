"""Pieces every scorer shares: mapping files, ratios, running the extractor, reading entity codes.

A scorer takes gold cases and the system's events as contract dicts (``Event.to_dict()``), so it can
be tested on hand-made events without a model; the ``run_*`` function of each set reads the gold,
runs one ``Extractor`` over all of its articles (batched) and calls the scorer.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from accord.base.ontology import EVENT_TYPES
from accord.base.tsv import data_file, read_tsv
from accord.records import Article

__all__ = [
    "PLOVER_TYPES",
    "Metric",
    "load_mapping",
    "metric",
    "prf",
    "ratio",
    "run_extractor",
    "side_codes",
]

# The contract's sixteen PLOVER event types, from the one list in the base layer.
PLOVER_TYPES = frozenset(EVENT_TYPES)

Metric = dict[str, Any]


@functools.cache
def load_mapping(name: str) -> dict[str, tuple[str, ...]]:
    """Read ``data/<name>`` (TSV: comment lines ``#``, a header, then ``key<TAB>values<TAB>why``).

    ``values`` holds one or more labels separated by ``|``; ``none`` (or an empty field) maps to
    no label. Returns ``{key: (label, ...)}``.

    >>> load_mapping("gsr_types.tsv")["DEMAND"]
    ('REQUEST',)
    """
    mapping: dict[str, tuple[str, ...]] = {}
    for row in read_tsv(data_file("accord.evaluate", name)):
        key, values, *_ = row.values()  # the first two columns, whatever the header calls them
        if key in mapping:
            raise row.error(f"{key!r} is mapped twice")
        mapping[key] = tuple(v.strip() for v in values.split("|") if v.strip() and v.strip() != "none")
    return mapping


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator`` rounded to 4 places; None when nothing was counted."""
    return round(numerator / denominator, 4) if denominator else None


def prf(correct: int, system: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where a denominator is 0)."""
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def metric(name: str, value: float | None, n: int, note: str = "") -> Metric:
    """One figure of a set: its name, value (None = not measurable), the cases it counts, a note."""
    return {"metric": name, "value": value, "n": n, "note": note}


def run_extractor(extractor: Any, articles: Sequence[Article]) -> dict[str, list[dict[str, Any]]]:
    """Run one ``Extractor`` over all ``articles`` (batched) -> ``{article id: [event dict, ...]}``.

    Events are contract dicts, in the order the extractor gives them.
    """
    found: dict[str, list[dict[str, Any]]] = {}
    for result in extractor.extract_articles(articles):
        found[result.article.id] = [event.to_dict() for event in result.events]
    return found


def side_codes(entities: Iterable[dict[str, Any]]) -> set[str]:
    """The codes of a list of contract entities, IGOs and NGOs reduced to their sector.

    PLOVER gold (like CAMEO) codes international bodies coarsely as ``IGO``/``NGO``, while Accord
    gives the body's own code (``UNO``, ``EUR``) with sector ``IGO``; the sector is what compares.

    >>> sorted(side_codes([{"code": "UNO", "sector": "IGO"}, {"code": "IND", "sector": "GOV"}]))
    ['IGO', 'IND']
    """
    codes: set[str] = set()
    for entity in entities:
        sector = entity.get("sector")
        code = sector if sector in {"IGO", "NGO"} else entity.get("code")
        if isinstance(code, str):
            codes.add(code)
    return codes


def sentence_order(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Events sorted by where their trigger stands in the text (stable for equal offsets)."""
    return sorted(events, key=lambda e: (e.get("trigger") or {}).get("start", 0))
