"""Records of agreements, deals and meetings found in one article (issue 10).

Events say who did what to whom; these say what the acts were about: the agreement signed (its name as
written, its kind, its parties, what was done to it and when, the years it runs, the earlier agreement it
amends or renews), the deal struck (buyer, seller, item, quantity, price, intermediary) and the meeting
held or planned (its name, ordinal, recurrence, participants, chairs, place). Every field keeps the
offsets of the words it came from (``Span``, or the ``start``/``end`` of an ``Entity``, ``Quantity``,
``Money`` or ``Location``), and ``event_ids`` names the events that state the same act.

A record may be mentioned several times in an article ("the 20th meeting of the commission ... In the
meeting, co-chaired by ..."): ``mentions`` holds each mention's words, the first one first; the record's
``id`` is made from the article id and the first mention's offset (``accord.base.ids.record_id``).

All ``start``/``end`` offsets count characters in ``Article.text``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal, get_args

from accord.base.ontology import Precision, Status
from accord.records import Entity, Location, Money, Quantity

__all__ = [
    "AGREEMENT_ACTIONS",
    "AGREEMENT_KINDS",
    "DEAL_KINDS",
    "DEAL_STATUSES",
    "EARLIER_RELATIONS",
    "MEETING_KINDS",
    "MEETING_STATUSES",
    "RECORD_TYPES",
    "Agreement",
    "AgreementAction",
    "Deal",
    "DealKind",
    "DealStatus",
    "EarlierAgreement",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "RecordType",
    "Span",
    "Term",
]

RecordType = Literal["agreement", "deal", "meeting"]
RECORD_TYPES: tuple[str, ...] = get_args(RecordType)

AgreementKind = Literal[
    "agreement",
    "contract",
    "protocol",
    "treaty",
    "memorandum",
    "declaration",
    "pact",
    "accord",
    "deal",
    "convention",
    "charter",
    "ceasefire",
]
AGREEMENT_KINDS: tuple[str, ...] = get_args(AgreementKind)

# What the article says was done to the agreement. "concluded": reached or agreed without a word about
# signing ("reached an agreement", "agreed a deal"); "planned": only proposed or drafted.
AgreementAction = Literal[
    "signed",
    "concluded",
    "planned",
    "negotiated",
    "ratified",
    "renewed",
    "amended",
    "extended",
    "rejected",
    "suspended",
    "withdrawn",
]
AGREEMENT_ACTIONS: tuple[str, ...] = get_args(AgreementAction)

EarlierRelation = Literal["amends", "renews", "extends", "replaces"]
EARLIER_RELATIONS: tuple[str, ...] = get_args(EarlierRelation)

DealKind = Literal["procurement", "arms_transfer", "purchase", "sale", "loan", "investment"]
DEAL_KINDS: tuple[str, ...] = get_args(DealKind)

# "signed": a contract signed or struck; "agreed": agreed to without a signature; "completed": bought,
# sold, lent or invested (the act itself); "negotiated": under talks.
DealStatus = Literal["signed", "agreed", "completed", "planned", "negotiated", "cancelled", "rejected"]
DEAL_STATUSES: tuple[str, ...] = get_args(DealStatus)

MeetingKind = Literal["summit", "commission", "dialogue", "talks", "visit", "conference", "meeting"]
MEETING_KINDS: tuple[str, ...] = get_args(MeetingKind)

MeetingStatus = Literal["held", "planned", "cancelled", "postponed"]
MEETING_STATUSES: tuple[str, ...] = get_args(MeetingStatus)


@dataclass(frozen=True)
class Span:
    """Words of the article: their text and offsets."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Term:
    """How long an agreement runs, as the text says it: years from a range ("2021-2031" gives 2021 and
    2031), a length ("10-year" gives 10) or, with ``added``, the years an extension adds ("extend the accord
    by five years"). What the text does not say stays None: a range gives no length of its own."""

    start_year: int | None = None
    end_year: int | None = None
    years: int | None = None
    added: bool = False
    evidence: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start_year": self.start_year,
            "end_year": self.end_year,
            "years": self.years,
            "added": self.added,
            "evidence": [s.to_dict() for s in self.evidence],
        }


@dataclass(frozen=True)
class EarlierAgreement:
    """The agreement that a record amends, renews, extends or replaces, as written, with its date when
    the text gives one ("the agreement ... that was originally sealed in February 2019")."""

    relation: EarlierRelation
    text: str
    start: int
    end: int
    date: str | None = None
    date_precision: Precision | None = None
    date_evidence: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_evidence": _span_dict(self.date_evidence),
        }


@dataclass(frozen=True)
class Agreement:
    """An agreement, contract, protocol, treaty, memorandum, declaration or pact named in an article.

    ``action`` is what was done to it (signed, ratified, amended, ...) and ``status`` whether that
    happened, is planned, was denied or is only supposed (the events' vocabulary); ``date`` is the
    action's date. ``parties`` are the countries and organisations bound, ``signatories`` the people
    who signed, with their offices.
    """

    id: str
    article_id: str
    kind: AgreementKind
    name: Span
    action: AgreementAction | None  # None: the text names the agreement without saying what was done
    status: Status
    date: str
    date_precision: Precision
    report_date: str
    parties: tuple[Entity, ...] = ()
    signatories: tuple[Entity, ...] = ()
    action_evidence: Span | None = None
    date_evidence: Span | None = None
    term: Term | None = None
    earlier: EarlierAgreement | None = None
    mentions: tuple[Span, ...] = ()
    event_ids: tuple[str, ...] = ()

    record_type: RecordType = dataclasses.field(default="agreement", init=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as the API and ``accord agreements --format json`` give it."""
        return {
            **_head(self),
            "kind": self.kind,
            "name": self.name.to_dict(),
            "action": self.action,
            "action_evidence": _span_dict(self.action_evidence),
            "status": self.status,
            **_dates(self),
            "parties": [e.to_dict() for e in self.parties],
            "signatories": [e.to_dict() for e in self.signatories],
            "term": self.term.to_dict() if self.term else None,
            "earlier": self.earlier.to_dict() if self.earlier else None,
            **_tail(self),
        }


@dataclass(frozen=True)
class Deal:
    """A procurement, arms transfer, purchase, sale, loan or investment.

    ``buyer`` and ``seller`` are who the text says buys and sells (for a loan: the borrower and the
    lender; for an investment: the investor, and no seller); ``parties`` everyone named on the deal,
    also when the text does not say who buys. ``item`` is what changes hands as written; ``quantity``
    and ``money`` are the resolvers' normalised values; ``intermediary`` the firm it goes through.
    """

    id: str
    article_id: str
    kind: DealKind
    status: DealStatus | None  # None: the text says nothing of it
    date: str
    date_precision: Precision
    report_date: str
    name: Span | None = None
    buyer: tuple[Entity, ...] = ()
    seller: tuple[Entity, ...] = ()
    parties: tuple[Entity, ...] = ()
    item: Span | None = None
    quantity: Quantity | None = None
    money: Money | None = None
    intermediary: Span | None = None
    status_evidence: Span | None = None
    date_evidence: Span | None = None
    mentions: tuple[Span, ...] = ()
    event_ids: tuple[str, ...] = ()

    record_type: RecordType = dataclasses.field(default="deal", init=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as the API and ``accord deals --format json`` give it."""
        return {
            **_head(self),
            "kind": self.kind,
            "name": _span_dict(self.name),
            "status": self.status,
            "status_evidence": _span_dict(self.status_evidence),
            **_dates(self),
            "buyer": [e.to_dict() for e in self.buyer],
            "seller": [e.to_dict() for e in self.seller],
            "parties": [e.to_dict() for e in self.parties],
            "item": _span_dict(self.item),
            "quantity": self.quantity.to_dict() if self.quantity else None,
            "money": self.money.to_dict() if self.money else None,
            "intermediary": _span_dict(self.intermediary),
            **_tail(self),
        }


@dataclass(frozen=True)
class Meeting:
    """A summit, commission session, ministerial dialogue, round of talks, visit or conference.

    ``ordinal`` is its number in a series ("20th" 20, "first" 1), ``recurrence`` how often the series
    meets ("annual"); ``participants`` the countries and organisations taking part, ``chairs`` the people
    who chair it ("co-chaired by ..."), ``people`` everyone named as taking part, chairs included.
    """

    id: str
    article_id: str
    kind: MeetingKind
    name: Span
    status: MeetingStatus
    date: str
    date_precision: Precision
    report_date: str
    ordinal: int | None = None
    ordinal_evidence: Span | None = None
    recurrence: str | None = None
    recurrence_evidence: Span | None = None
    participants: tuple[Entity, ...] = ()
    chairs: tuple[Entity, ...] = ()
    people: tuple[Entity, ...] = ()
    place: Location | None = None
    status_evidence: Span | None = None
    date_evidence: Span | None = None
    mentions: tuple[Span, ...] = ()
    event_ids: tuple[str, ...] = ()

    record_type: RecordType = dataclasses.field(default="meeting", init=False)

    def to_dict(self) -> dict[str, Any]:
        """The record as the API and ``accord meetings --format json`` give it."""
        return {
            **_head(self),
            "kind": self.kind,
            "name": self.name.to_dict(),
            "status": self.status,
            "status_evidence": _span_dict(self.status_evidence),
            **_dates(self),
            "ordinal": self.ordinal,
            "ordinal_evidence": _span_dict(self.ordinal_evidence),
            "recurrence": self.recurrence,
            "recurrence_evidence": _span_dict(self.recurrence_evidence),
            "participants": [e.to_dict() for e in self.participants],
            "chairs": [e.to_dict() for e in self.chairs],
            "people": [e.to_dict() for e in self.people],
            "place": self.place.to_dict() if self.place else None,
            **_tail(self),
        }


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    return span.to_dict() if span is not None else None


def _head(record: Agreement | Deal | Meeting) -> dict[str, Any]:
    return {"id": record.id, "record_type": record.record_type, "article_id": record.article_id}


def _dates(record: Agreement | Deal | Meeting) -> dict[str, Any]:
    return {
        "date": record.date,
        "date_precision": record.date_precision,
        "date_evidence": _span_dict(record.date_evidence),
        "report_date": record.report_date,
    }


def _tail(record: Agreement | Deal | Meeting) -> dict[str, Any]:
    return {
        "mentions": [m.to_dict() for m in record.mentions],
        "event_ids": list(record.event_ids),
    }
