"""Score event types, actor countries and fatalities on ACLED coder notes (acledR sample, 2022).

Each row's ``notes`` (the coder's English summary, its trailing ``[size=...]`` tag removed: that is
coding metadata, not prose) goes to the extractor with ``event_date`` as the report date. The 9,000
rows are sampled reproducibly: ordered by the SHA-1 of ``event_id_cnty`` and the first ``sample``
(1,000 by default; None for all) taken, so the sample does not depend on the file's row order.

Figures:

- **event type (any event)**: the gold ``event_type`` is among the ACLED types that the system's
  events map to (``data/plover_acled.tsv``; a ``TYPE:mode`` row wins over the bare type);
- **actor country**: the gold country (``iso`` numeric -> alpha-3; 0 = Kosovo, XKX) is among the codes
  of the system's actors and recipients; **event location country**: among its ``event_loc`` codes;
- **fatalities exact**: over rows with ``fatalities`` > 0 whose notes speak of killing, the system's
  fatality figure equals the gold. The system's figure is the quantity of an ASSAULT event that
  stands nearest to a killing word (killed, dead, died, fatalities, ...) of the event's sentence,
  at most 30 characters away; no such quantity counts as wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.evaluate._common import load_mapping, metric, ratio, run_extractor
from accord.records import Article

__all__ = ["AcledCase", "acled_types", "fatality_figure", "read_acled", "run_acled", "score_acled"]

ACLED_FILE = Path("data/acled-acledR-sample/acled_old_deletion_dummy.csv")
DEFAULT_SAMPLE = 1000
KILLING = re.compile(
    r"\b(kill|dead|death|die[ds]?\b|dying|fatalit|murder|slain|slay|lynch|behead|execut)", re.I
)
_SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$")


@dataclass(frozen=True)
class AcledCase:
    id: str
    date: dt.date
    notes: str
    event_type: str
    country: str
    fatalities: int


def _alpha3(numeric: str) -> str:
    import pycountry

    if numeric.strip() in {"0", ""}:
        return "XKX"  # ACLED gives Kosovo (no ISO 3166 number) iso 0; XKX is its user-assigned code
    country = pycountry.countries.get(numeric=numeric.strip().zfill(3))
    return country.alpha_3 if country else ""


def read_acled(path: Path, *, sample: int | None = DEFAULT_SAMPLE) -> list[AcledCase]:
    """Read the ACLED CSV and return the fixed sample (see the module docstring) as cases."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.sort(key=lambda r: hashlib.sha1(r["event_id_cnty"].encode()).hexdigest())
    if sample is not None:
        rows = rows[:sample]
    return [
        AcledCase(
            id=r["event_id_cnty"],
            date=dt.date.fromisoformat(r["event_date"]),
            notes=_SIZE_TAG.sub("", r["notes"]),
            event_type=r["event_type"],
            country=_alpha3(r["iso"]),
            fatalities=int(r["fatalities"] or 0),
        )
        for r in rows
    ]


def acled_types(event: Mapping[str, Any]) -> tuple[str, ...]:
    """The ACLED event types one system event maps to.

    >>> acled_types({"event": "PROTEST", "mode": "riot"})
    ('Riots',)
    """
    mapping = load_mapping("plover_acled.tsv")
    specific = f"{event['event']}:{event.get('mode')}"
    return mapping.get(specific) or mapping.get(event["event"], ())


def fatality_figure(events: Sequence[Mapping[str, Any]]) -> float | None:
    """The quantity of an ASSAULT event nearest to a killing word within 30 characters of it.

    >>> text = "Gunmen killed 2 people and injured 4."
    >>> q = [{"value": 2, "start": 14, "end": 15}, {"value": 4, "start": 35, "end": 36}]
    >>> fatality_figure([{"event": "ASSAULT", "text": text, "text_info": {"start": 0}, "quantities": q}])
    2
    """
    best: tuple[int, float] | None = None
    for event in events:
        if event["event"] != "ASSAULT":
            continue
        sentence, offset = event.get("text", ""), (event.get("text_info") or {}).get("start", 0)
        words = [(m.start(), m.end()) for m in KILLING.finditer(sentence)]
        for quantity in event.get("quantities", []):
            start, end = quantity["start"] - offset, quantity["end"] - offset
            gaps = [max(w_start - end, start - w_end, 0) for w_start, w_end in words]
            if quantity.get("unit") == "killed" or KILLING.search(quantity.get("item") or ""):
                gaps.append(0)  # a casualty count the extractor labelled, wherever the toll was stated
            gap = min(gaps, default=None)
            if gap is not None and gap <= 30 and (best is None or gap < best[0]):
                best = (gap, quantity["value"])
    return None if best is None else best[1]


def score_acled(
    cases: Sequence[AcledCase], system: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, Any]:
    """Score the system's events (``{row id: [event dict]}``) against the ACLED rows."""
    type_ok = has_event = actor_ok = loc_ok = fatal_n = fatal_ok = fatal_any = 0
    per_type: dict[str, list[int]] = {}
    for case in cases:
        events = system.get(case.id, [])
        has_event += bool(events)
        labels = {label for e in events for label in acled_types(e)}
        hit = case.event_type in labels
        type_ok += hit
        row = per_type.setdefault(case.event_type, [0, 0])
        row[0] += hit
        row[1] += 1
        codes = {
            a.get("code") for e in events for a in list(e.get("actor", [])) + list(e.get("recipient", []))
        }
        actor_ok += case.country in codes
        loc_ok += case.country in {(e.get("event_loc") or {}).get("country_code") for e in events}
        if case.fatalities > 0 and KILLING.search(case.notes):
            fatal_n += 1
            figure = fatality_figure(events)
            fatal_any += figure is not None
            fatal_ok += figure == case.fatalities
    n = len(cases)
    return {
        "cases": n,
        "metrics": [
            metric("event type (any event maps to it)", ratio(type_ok, n), n),
            metric("notes with an event", ratio(has_event, n), n),
            metric("actor country among actor codes", ratio(actor_ok, n), n),
            metric("country among event_loc codes", ratio(loc_ok, n), n),
            metric("fatalities exact (stated, > 0)", ratio(fatal_ok, fatal_n), fatal_n),
        ],
        "per_type_recall": {
            k: {"hit": v[0], "n": v[1], "recall": ratio(v[0], v[1])} for k, v in sorted(per_type.items())
        },
        "fatality_cases_with_a_figure": fatal_any,
    }


def run_acled(
    shared_dir: Path, extractor: Any, *, sample: int | None = DEFAULT_SAMPLE, limit: int | None = None
) -> dict[str, Any]:
    """Read the ACLED sample under ``shared_dir``, run ``extractor`` on the notes, score it."""
    cases = read_acled(Path(shared_dir) / ACLED_FILE, sample=sample)[:limit]
    articles = [Article(id=c.id, date=c.date, text=c.notes, origin=str(ACLED_FILE)) for c in cases]
    result = score_acled(cases, run_extractor(extractor, articles))
    result["split"] = f"sample {len(cases)}" if sample is not None else "all"
    return result
