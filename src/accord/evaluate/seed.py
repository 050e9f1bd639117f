"""Named pass/fail checks of the facts of the seed report (India–Russia defence agreements, 2021-12-06).

The seed (``shared/seed/000_5d68f7ddc8901266.txt``) is the project's first acceptance case. Each check
looks for one fact among the extracted events (contract dicts); a check passes when some event (or
entity) carries the whole fact. People are found by name: every word of the expected name appears in
the entity's ``name`` (case-insensitive); offices compare case-insensitively with "defense" read as
"defence".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from accord.evaluate._common import metric

__all__ = ["SEED_FILE", "run_seed", "seed_checks"]

SEED_FILE = Path("seed/000_5d68f7ddc8901266.txt")
DAY = "2021-12-06"

Event = Mapping[str, Any]


def _entities(event: Event) -> list[Mapping[str, Any]]:
    return list(event.get("actor", [])) + list(event.get("recipient", []))


def _is(entity: Mapping[str, Any], name: str, code: str | None = None, office: str | None = None) -> bool:
    words = (entity.get("name") or "").lower().split()
    if not all(w in words for w in name.lower().split()):
        return False
    if code is not None and entity.get("code") != code:
        return False
    if office is not None:
        found = (entity.get("office") or "").lower().replace("defense", "defence")
        return found == office.lower()
    return True


def _has(event: Event, name: str, code: str | None = None) -> bool:
    return any(_is(e, name, code) for e in _entities(event))


def _sides(event: Event) -> tuple[set[str], set[str]]:
    return {e.get("code") for e in event.get("actor", [])}, {
        e.get("code") for e in event.get("recipient", [])
    }


def _signing(e: Event) -> bool:
    actor, recipient = _sides(e)
    pair = ("IND" in actor and "RUS" in recipient) or ("RUS" in actor and "IND" in recipient)
    return e["event"] in {"SUPPORT", "AGREE"} and e.get("date") == DAY and pair


def _procurement(e: Event) -> bool:
    quantity = any(q.get("value") == 601427 for q in e.get("quantities", []))
    money = any(
        m.get("amount") == 50_000_000_000 and m.get("currency") == "INR" and m.get("approximate")
        for m in e.get("money", [])
    )
    return e["event"] == "COOPERATE" and quantity and money


def _ministers_meet(e: Event) -> bool:
    where = (e.get("event_loc") or {}).get("country_code")
    return (
        e["event"] == "CONSULT"
        and e.get("date") == DAY
        and _has(e, "Rajnath Singh", "IND")
        and _has(e, "Sergey Shoigu", "RUS")
        and where == "IND"
    )


def _programme(e: Event) -> bool:
    return str(e.get("enddate") or "").startswith("2031")


def _summit(e: Event) -> bool:
    return (
        e["event"] in {"AGREE", "CONSULT"}
        and e.get("status") == "planned"
        and e.get("date") == DAY
        and _has(e, "Vladimir Putin")
        and _has(e, "Narendra Modi")
    )


EVENT_CHECKS: dict[str, tuple[str, Callable[[Event], bool]]] = {
    "signing": ("a SUPPORT/AGREE event IND-RUS dated 2021-12-06", _signing),
    "procurement": ("a COOPERATE event with 601427 units and approx. 50000000000 INR", _procurement),
    "ministers-meet": (
        "a CONSULT 2021-12-06 with Rajnath Singh (IND), Sergey Shoigu (RUS), in IND",
        _ministers_meet,
    ),
    "programme-2031": ("an event with enddate 2031 (the 2021-2031 programme)", _programme),
    "summit-planned": ("a planned AGREE/CONSULT 2021-12-06 with Putin and Modi", _summit),
}

PEOPLE = [
    ("Rajnath Singh", "IND", "Defence Minister"),
    ("Sergey Shoigu", "RUS", "Defence Minister"),
    ("Vladimir Putin", "RUS", "President"),
    ("Narendra Modi", "IND", "Prime Minister"),
]


def seed_checks(events: Sequence[Event]) -> list[dict[str, Any]]:
    """Run every named check on the seed's events -> ``[{"check", "what", "passed"}]``.

    >>> [c["passed"] for c in seed_checks([])][:2]
    [False, False]
    """
    checks = [
        {"check": name, "what": what, "passed": any(test(e) for e in events)}
        for name, (what, test) in EVENT_CHECKS.items()
    ]
    entities = [entity for e in events for entity in _entities(e)]
    for name, code, office in PEOPLE:
        checks.append(
            {
                "check": f"person: {name}",
                "what": f"{name} resolved as {code}, {office}",
                "passed": any(_is(entity, name, code, office) for entity in entities),
            }
        )
    return checks


def run_seed(shared_dir: Path, extractor: Any, *, limit: int | None = None) -> dict[str, Any]:
    """Read the seed with Accord's own reader, extract its events and run the checks.

    ``limit`` is accepted for a uniform signature and ignored (the seed is one article).
    """
    from accord.ingest import read_articles
    from accord.records import Article

    articles = [a for a in read_articles(Path(shared_dir) / SEED_FILE) if isinstance(a, Article)]
    events = [e.to_dict() for result in extractor.extract_articles(articles) for e in result.events]
    checks = seed_checks(events)
    passed = sum(c["passed"] for c in checks)
    return {
        "cases": 1,
        "split": "seed",
        "metrics": [
            metric(
                "named checks passed", round(passed / len(checks), 4), len(checks), f"{passed}/{len(checks)}"
            )
        ],
        "checks": checks,
    }
