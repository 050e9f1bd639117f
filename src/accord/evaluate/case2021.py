"""Score coarse event types on CASE 2021 Task 2 (1,019 news snippets, 30 ACLED-style sub-types).

Each snippet goes to the extractor alone. It has no date: a fixed stand-in report date (2021-01-01,
the shared task's year) is given, which no figure here depends on. Sub-types map to PLOVER types
through ``data/case2021_plover.tsv``; ``none`` marks the types with no PLOVER event (disasters,
OTHER).

Figures:

- **type accuracy (first event)**: over snippets whose sub-type maps to PLOVER types, the system's
  first event in text order has one of them (no event counts as wrong);
- **type accuracy (any event)**: one of the system's events has one of them;
- **no event where none is expected**: over ``none`` snippets, the system gives no event at all.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.evaluate._common import load_mapping, metric, ratio, run_extractor, sentence_order
from accord.records import Article

__all__ = ["CaseSnippet", "read_case2021", "run_case2021", "score_case2021"]

CASE_FILE = Path("data/case2021-task2/test_set_final_release_with_labels.tsv")
CASE_DATE = dt.date(2021, 1, 1)


@dataclass(frozen=True)
class CaseSnippet:
    id: str
    text: str
    subtype: str
    plover: frozenset[str]


def read_case2021(path: Path) -> list[CaseSnippet]:
    """Read the labelled TSV (``id``, ``EventSnippet``, ``SubType``) into snippets with PLOVER types.

    Raises ``KeyError`` for a sub-type that ``case2021_plover.tsv`` does not map.
    """
    mapping = load_mapping("case2021_plover.tsv")
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        CaseSnippet(r["id"], r["EventSnippet"], r["SubType"], frozenset(mapping[r["SubType"]])) for r in rows
    ]


def score_case2021(
    snippets: Sequence[CaseSnippet], system: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, Any]:
    """Score the system's events (``{snippet id: [event dict]}``) against the mapped sub-types."""
    typed = none_n = first_ok = any_ok = none_ok = 0
    per_subtype: dict[str, list[int]] = {}
    for snippet in snippets:
        events = sentence_order(system.get(snippet.id, []))
        if not snippet.plover:
            none_n += 1
            none_ok += not events
            continue
        typed += 1
        hit = any(e["event"] in snippet.plover for e in events)
        first_ok += bool(events) and events[0]["event"] in snippet.plover
        any_ok += hit
        row = per_subtype.setdefault(snippet.subtype, [0, 0])
        row[0] += hit
        row[1] += 1
    return {
        "cases": len(snippets),
        "metrics": [
            metric("coarse type accuracy (first event)", ratio(first_ok, typed), typed),
            metric("coarse type accuracy (any event)", ratio(any_ok, typed), typed),
            metric("no event where none is expected", ratio(none_ok, none_n), none_n),
        ],
        "per_subtype_any": {
            k: {"hit": v[0], "n": v[1], "accuracy": ratio(v[0], v[1])} for k, v in sorted(per_subtype.items())
        },
    }


def run_case2021(shared_dir: Path, extractor: Any, *, limit: int | None = None) -> dict[str, Any]:
    """Read the CASE 2021 Task 2 test set under ``shared_dir``, run ``extractor``, score it."""
    snippets = read_case2021(Path(shared_dir) / CASE_FILE)[:limit]
    articles = [Article(id=s.id, date=CASE_DATE, text=s.text, origin=str(CASE_FILE)) for s in snippets]
    result = score_case2021(snippets, run_extractor(extractor, articles))
    result["split"] = "test"
    return result
