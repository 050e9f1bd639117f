"""Score event types and actor codes on the PLOVER Gold Standard Records (322 coded sentences).

Each gold record is one sentence with one event: its type (GSR names of 2016, mapped to the
contract's types by ``data/gsr_types.tsv``), its source and target actors (codes, a few corrected by
``data/gsr_codes.tsv``). The sentence goes to the extractor alone, dated 2000-01-01 (the GSR's own
placeholder, used as the report date).

Figures:

- **type, first event**: the system's first event in sentence order (by trigger offset) has the
  gold type; a sentence with no system event counts as wrong;
- **type, any event**: one of the system's events has the gold type;
- **source / target codes**: on the matched event (the first system event, in sentence order, whose
  type is the gold type), the set of actor (recipient) codes equals the gold source (target) set.
  Counted over sentences whose type matched. Compound actors marked ``SRC/TAR`` in the gold markup
  and system events marked ``symmetric`` act jointly: each side is then the union of both lists.
  IGOs and NGOs compare by sector (see ``side_codes``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.evaluate._common import (
    load_mapping,
    metric,
    ratio,
    run_extractor,
    sentence_order,
    side_codes,
)
from accord.records import Article

__all__ = ["GsrCase", "read_gsr", "run_plover_gsr", "score_gsr"]

GSR_FILE = Path("data/plover-gsr/PLOVER_GSR_CAMEO.txt")
GSR_DATE = dt.date(2000, 1, 1)


@dataclass(frozen=True)
class GsrCase:
    """One gold sentence: its text, PLOVER type (contract names) and source/target code sets."""

    id: str
    text: str
    event: str
    source: frozenset[str]
    target: frozenset[str]
    joint: bool


def _codes(actors: Any, fixes: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    codes = set()
    for actor in actors:
        code = (actor.get("code") or "").strip()
        if code:
            codes.add(fixes[code][0] if code in fixes else code)
    return frozenset(codes)


def read_gsr(path: Path) -> list[GsrCase]:
    """Read ``PLOVER_GSR_CAMEO.txt`` (a JSON array) into cases, skipping the DOCUMENT record.

    Raises ``KeyError`` for a GSR event name that ``gsr_types.tsv`` does not map.

    >>> read_gsr(Path("PLOVER_GSR_CAMEO.txt"))[0].event  # doctest: +SKIP
    'AGREE'
    """
    types = load_mapping("gsr_types.tsv")
    fixes = load_mapping("gsr_codes.tsv")
    cases = []
    for record in json.loads(Path(path).read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT":
            continue
        info = record.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        source = _codes(record.get("source"), fixes)
        target = _codes(record.get("target"), fixes)
        joint = "SRC/TAR" in markup
        if joint:
            source = target = source | target
        cases.append(GsrCase(record["id"], record["text"], types[record["event"]][0], source, target, joint))
    return cases


def _sides(event: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    actor, recipient = side_codes(event.get("actor", [])), side_codes(event.get("recipient", []))
    if event.get("symmetric"):
        both = actor | recipient
        return both, both
    return actor, recipient


def score_gsr(cases: Sequence[GsrCase], system: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Score the system's events (``{case id: [event dict]}``) against the gold cases.

    Returns ``{"cases", "metrics": [...], "confusion": {gold type: {first system type: count}}}``.

    >>> case = GsrCase("1", "Iraq attacked Iran.", "ASSAULT", frozenset({"IRQ"}), frozenset({"IRN"}), False)
    >>> ev = {"event": "ASSAULT", "actor": [{"code": "IRQ"}], "recipient": [{"code": "IRN"}], "trigger": {"start": 5}}
    >>> [m["value"] for m in score_gsr([case], {"1": [ev]})["metrics"]][:2]
    [1.0, 1.0]
    """
    first_ok = any_ok = has_event = source_ok = target_ok = 0
    confusion: dict[str, dict[str, int]] = {}
    for case in cases:
        events = sentence_order(system.get(case.id, []))
        first = events[0]["event"] if events else "(none)"
        row = confusion.setdefault(case.event, {})
        row[first] = row.get(first, 0) + 1
        has_event += bool(events)
        first_ok += first == case.event
        matched = next((e for e in events if e["event"] == case.event), None)
        if matched is None:
            continue
        any_ok += 1
        actor, recipient = _sides(matched)
        source_ok += actor == set(case.source)
        target_ok += recipient == set(case.target)
    n = len(cases)
    return {
        "cases": n,
        "metrics": [
            metric("type accuracy (first event)", ratio(first_ok, n), n),
            metric("type accuracy (any event)", ratio(any_ok, n), n),
            metric("sentences with an event", ratio(has_event, n), n),
            metric("source codes = gold (type-matched)", ratio(source_ok, any_ok), any_ok),
            metric("target codes = gold (type-matched)", ratio(target_ok, any_ok), any_ok),
        ],
        "confusion": confusion,
    }


def run_plover_gsr(shared_dir: Path, extractor: Any, *, limit: int | None = None) -> dict[str, Any]:
    """Read the GSR under ``shared_dir``, run ``extractor`` on every sentence, score it."""
    cases = read_gsr(Path(shared_dir) / GSR_FILE)[:limit]
    articles = [Article(id=c.id, date=GSR_DATE, text=c.text, origin=str(GSR_FILE)) for c in cases]
    result = score_gsr(cases, run_extractor(extractor, articles))
    result["split"] = "all"
    return result
