"""The fixed vocabularies of Accord's output: PLOVER event types, statuses, date precisions, quad classes.

These are the only lists of them in the code; everything else (CLI choices, API parameters, lexicon
checks, evaluation mappings) reads them from here.

>>> len(EVENT_TYPES), EVENT_TYPES[0], EVENT_TYPES[-1]
(16, 'AGREE', 'ASSAULT')
>>> quad_class("057"), quad_class("190")
(1, 4)
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "EVENT_TYPES",
    "PRECISIONS",
    "QUAD_CLASS_NAMES",
    "STATUSES",
    "EventType",
    "Precision",
    "Status",
    "is_event_type",
    "quad_class",
]

# PLOVER's sixteen event types, in the manual's order (cooperation first, then conflict).
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

# Whether the act happened, is announced for later, is explicitly denied, or only conditional.
Status = Literal["occurred", "planned", "negated", "hypothetical"]
STATUSES: tuple[str, ...] = get_args(Status)

# How precise a date is: the contract's forms YYYY-MM-DD, YYYY-MM, YYYY.
Precision = Literal["day", "month", "year"]
PRECISIONS: tuple[str, ...] = get_args(Precision)

QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def is_event_type(name: str) -> bool:
    """Whether ``name`` is one of PLOVER's sixteen types (exact, upper case)."""
    return name in EVENT_TYPES


def quad_class(cameo: str) -> int:
    """GDELT/ICEWS quad class from the CAMEO root: 1 verbal and 2 material cooperation,
    3 verbal and 4 material conflict. Raises ``ValueError`` for a code without a numeric root."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4
