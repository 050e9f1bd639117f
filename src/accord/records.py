"""Plain records passed between Accord's stages.

Every stage takes and returns these frozen dataclasses, never untyped dicts. The event record
serialises (``to_dict``) to exactly the shape of the output contract (PLOVER JSON fields plus
Accord's own), so the CLI, the HTTP API, exports and the evaluation harness all agree.

All ``start``/``end`` offsets count characters in ``Article.text``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from accord.base.ontology import Precision, Status

if TYPE_CHECKING:  # the records of agreements, deals and meetings build on the ones here
    from accord.fact_records import Agreement, Deal, Meeting

EntityKind = Literal["country", "person", "organization", "group"]

__all__ = [
    "ActorMention",
    "Article",
    "ArticleResult",
    "Entity",
    "EntityKind",
    "Event",
    "Location",
    "Money",
    "Precision",
    "Quantity",
    "Reject",
    "Status",
    "TimeExpression",
    "Trigger",
]


@dataclass(frozen=True)
class Article:
    """One dated news report as read from an input.

    ``origin`` names the file (or ``<stdin>``) and ``line`` the line or row it came from, so that
    any later problem can be reported where the analyst can find it.
    """

    id: str
    date: dt.date
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = "<memory>"
    line: int | None = None
    # The wire dateline's place as printed ("BEIRUT", "LEGASPI, Philippines"), when the input gives it
    # outside the text (TimeML's DCT): where the report was filed, a hint for places and home country.
    dateline: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input that could not be read, with where it was and why."""

    origin: str
    line: int | None
    reason: str
    article_id: str | None = None

    def describe(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class TimeExpression:
    """A date or time phrase resolved against the report date.

    ``date``/``enddate`` use the contract's forms (YYYY-MM-DD, YYYY-MM, YYYY); ``timex`` is the
    TIMEX3 value (e.g. ``2021-12-06``, ``2021-W49``, ``P10Y``, ``PRESENT_REF``) for scoring against
    TimeML gold. ``date`` is None for expressions that are not calendar points (durations, sets).
    """

    text: str
    start: int
    end: int
    timex_type: Literal["DATE", "TIME", "DURATION", "SET"]
    timex: str
    date: str | None = None
    precision: Precision | None = None
    enddate: str | None = None


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str
    start: int
    end: int
    unit: str | None = None
    item: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _plain_number(self.value),
            "unit": self.unit,
            "item": self.item,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str
    approximate: bool
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "amount": _plain_number(self.amount),
            "currency": self.currency,
            "approximate": self.approximate,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Entity:
    """An actor mention resolved to a code (ISO 3166 alpha-3 or a PLOVER non-state code)."""

    entity_text: str
    name: str
    code: str
    kind: EntityKind
    start: int
    end: int
    sector: str | None = None
    office: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_text": self.entity_text,
            "name": self.name,
            "code": self.code,
            "sector": self.sector,
            "office": self.office,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class ActorMention:
    """An actor mention as the resolver hands it to the event coder: the coded entity, its token
    span in the parsed article (``token_end`` exclusive) and ``head``, the token index an event
    coder looks for in the parse (a person's name head, a group's noun, the country word)."""

    entity: Entity
    token_start: int
    token_end: int
    head: int


@dataclass(frozen=True)
class Location:
    """A place; ``start``/``end`` are None for a place known from outside the text (a dateline)."""

    name: str
    country_code: str
    start: int | None
    end: int | None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "name": self.name,
            "country_code": self.country_code,
            "lat": self.lat,
            "lon": self.lon,
        }
        if self.start is not None and self.end is not None:
            found["start"], found["end"] = self.start, self.end
        return found


@dataclass(frozen=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One coded event, in the contract's shape (see ``to_dict``)."""

    id: str
    article_id: str
    date: str
    date_precision: Precision
    report_date: str
    event: str
    cameo: str
    goldstein: float
    quad_class: int
    status: Status
    text: str
    text_start: int
    text_end: int
    trigger: Trigger
    confidence: float
    mode: str | None = None
    context: tuple[str, ...] = ()
    enddate: str | None = None
    actor: tuple[Entity, ...] = ()
    recipient: tuple[Entity, ...] = ()
    symmetric: bool = False
    event_loc: Location | None = None
    quantities: tuple[Quantity, ...] = ()
    money: tuple[Money, ...] = ()
    # Evidence for the date, beyond the contract: which phrase gave it (None = the report date).
    date_evidence: TimeExpression | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's event object (``shared/contract/event.schema.json``)."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "date": self.date,
            "date_precision": self.date_precision,
            "enddate": self.enddate,
            "report_date": self.report_date,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "status": self.status,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "symmetric": self.symmetric,
            "event_loc": self.event_loc.to_dict() if self.event_loc else None,
            "quantities": [q.to_dict() for q in self.quantities],
            "money": [m.to_dict() for m in self.money],
            "text": self.text,
            "text_info": {"start": self.text_start, "end": self.text_end},
            "trigger": dataclasses.asdict(self.trigger),
            "confidence": self.confidence,
            "date_evidence": dataclasses.asdict(self.date_evidence) if self.date_evidence else None,
        }


@dataclass(frozen=True)
class ArticleResult:
    """Everything Accord found in one article: the unit that is stored in one transaction."""

    article: Article
    events: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    money: tuple[Money, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    # Agreements, deals and meetings named in the article (``accord.fact_records``, ``accord.facts``).
    agreements: tuple[Agreement, ...] = ()
    deals: tuple[Deal, ...] = ()
    meetings: tuple[Meeting, ...] = ()


def _plain_number(value: float) -> int | float:
    """601427.0 -> 601427, so that JSON shows counts and amounts as people write them."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value
