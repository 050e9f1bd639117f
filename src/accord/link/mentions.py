"""A mention: what the linker knows of one stored event or record, read from its table row.

The store hands the linker plain rows (column name -> value, as the tables hold them), for the
article being written as for the candidates already stored, so that both are seen the same way.
``event_mention`` reads a row of ``events``; ``record_mention`` a row of ``agreements``, ``deals`` or
``meetings``. Codes that name nobody (``UNK``) are left out of the sides.

>>> import datetime as dt
>>> row = {"id": "ev-1", "article_id": "a1", "event": "ASSAULT", "cameo": "190", "status": "occurred",
...        "date_first": dt.date(1987, 10, 19), "date_last": dt.date(1987, 10, 19), "date_precision": "day",
...        "actor_codes": ["USA"], "recipient_codes": ["IRN", "UNK"], "symmetric": False, "quad_class": 4,
...        "text": "U.S. warships destroyed an Iranian oil platform.", "trigger_text": "destroyed"}
>>> mention = event_mention(row)
>>> mention.recipients, sorted(mention.trigger)
(frozenset({'IRN'}), ['destroy'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from accord.link.words import content_words, trigger_words

__all__ = ["NO_CODE", "Kind", "Mention", "Place", "event_mention", "record_mention"]

Kind = Literal["event", "agreement", "deal", "meeting"]

# Codes that say "someone we could not name": never evidence that two mentions share a side.
NO_CODE = frozenset({"UNK", ""})


@dataclass(frozen=True)
class Place:
    """Where a mention puts its event; ``stated`` when the place is named in the mention's own
    sentence (a dateline or a place elsewhere in the article is weaker evidence)."""

    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    stated: bool


@dataclass(frozen=True)
class Mention:
    """One event (or agreement, deal, meeting) as one article reports it.

    ``type`` is the PLOVER type of an event or the record type of a record (``kind`` says which
    table); ``subtype`` the CAMEO code or the record's kind (treaty, summit, ...). Dates are the
    period ``date_first``..``date_last`` at ``precision``. ``actors``/``recipients`` are codes (a
    record's parties, buyer or participants are its actors; a deal's seller its recipient).
    ``words`` are the content words of its sentences or name, ``trigger`` those of the words
    that state it. ``ordinal`` ("20th" summit) and ``term`` (first year of an agreement's span)
    tell records of one series apart; ``amount`` a deal's quantity or money; ``counts`` an event's
    numbers with their unit (("killed", 10.0), ("injured", 30.0)).
    """

    id: str
    article_id: str
    kind: Kind
    type: str
    subtype: str | None
    status: str | None
    date_first: dt.date
    date_last: dt.date
    precision: str
    actors: frozenset[str]
    recipients: frozenset[str]
    symmetric: bool
    cooperative: bool
    place: Place | None
    words: frozenset[str]
    trigger: frozenset[str]
    cluster_id: str | None = None
    counts: tuple[tuple[str, float], ...] = ()
    ordinal: int | None = None
    term: int | None = None
    amount: float | None = None

    @property
    def codes(self) -> frozenset[str]:
        """Every code on either side."""
        return self.actors | self.recipients


def _codes(values: Iterable[str] | None) -> frozenset[str]:
    return frozenset(v for v in values or () if v not in NO_CODE)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _place(row: Mapping[str, Any], prefix: str, sentence: tuple[int, int] | None) -> Place | None:
    """The place of columns ``<prefix>_name``, ``_country_code``, ``_lat``, ``_lon``; stated when its
    offsets lie in ``sentence`` (or, without a sentence, always: a record's place is read from the
    words around its own mention)."""
    name, country = row.get(f"{prefix}_name"), row.get(f"{prefix}_country_code")
    if not name and not country:
        return None
    start, end = row.get(f"{prefix}_start"), row.get(f"{prefix}_end")
    if sentence is None:
        stated = True
    else:
        stated = (
            start is not None and end is not None and sentence[0] <= int(start) and int(end) <= sentence[1]
        )
    return Place(name, country, row.get(f"{prefix}_lat"), row.get(f"{prefix}_lon"), stated)


def event_mention(row: Mapping[str, Any]) -> Mention:
    """The mention of one ``events`` row (keys are the table's column names)."""
    sentence = (-1, -1)  # no sentence offsets: no place counts as stated
    if row.get("text_start") is not None and row.get("text_end") is not None:
        sentence = (int(row["text_start"]), int(row["text_end"]))
    quad = row.get("quad_class")
    actors, recipients = _codes(row.get("actor_codes")), _codes(row.get("recipient_codes"))
    if not row.get("symmetric"):
        # A one-sided act of a country on itself ("U.S. warships destroyed a platform" coded USA->USA)
        # says nothing about whom it was done to: that side is left unknown rather than in conflict.
        recipients -= actors
    return Mention(
        id=str(row["id"]),
        article_id=str(row["article_id"]),
        kind="event",
        type=str(row["event"]),
        subtype=row.get("cameo"),
        status=row.get("status"),
        date_first=_date(row["date_first"]),
        date_last=_date(row["date_last"]),
        precision=str(row.get("date_precision") or "day"),
        actors=actors,
        recipients=recipients,
        symmetric=bool(row.get("symmetric")),
        cooperative=quad in (1, 2),
        place=_place(row, "event_loc", sentence),
        words=content_words(str(row.get("text") or "")),
        trigger=trigger_words(str(row.get("trigger_text") or "")),
        cluster_id=row.get("cluster_id"),
        counts=tuple((str(c["unit"]), float(c["value"])) for c in row.get("counts") or () if c.get("unit")),
    )


def _record_words(row: Mapping[str, Any]) -> str:
    mentions = row.get("mentions") or []
    texts = [str(row.get("name") or ""), *(str(m.get("text") or "") for m in mentions)]
    texts += [str(row.get(key) or "") for key in ("item", "intermediary", "place_name")]
    return " ".join(texts)


def record_mention(record_type: Kind, row: Mapping[str, Any]) -> Mention:
    """The mention of one row of ``agreements``, ``deals`` or ``meetings`` (``record_type`` says which)."""
    if record_type == "deal":
        actors, recipients = _codes(row.get("buyer_codes")), _codes(row.get("seller_codes"))
        if not actors and not recipients:
            actors = _codes(row.get("party_codes"))
        symmetric = False
    else:
        actors, recipients, symmetric = _codes(row.get("actor_codes")), frozenset[str](), True
    amount = row.get("quantity") if row.get("quantity") is not None else row.get("amount")
    name = str(row.get("name") or row.get("item") or "")  # a deal is often named by its item only
    return Mention(
        id=str(row["id"]),
        article_id=str(row["article_id"]),
        kind=record_type,
        type=record_type,
        subtype=row.get("kind"),
        status=row.get("action") or row.get("status"),
        date_first=_date(row["date_first"]),
        date_last=_date(row["date_last"]),
        precision=str(row.get("date_precision") or "day"),
        actors=actors,
        recipients=recipients,
        symmetric=symmetric,
        cooperative=True,
        place=_place(row, "place", None) if record_type == "meeting" else None,
        words=content_words(_record_words(row)),
        trigger=trigger_words(name),
        cluster_id=row.get("cluster_id"),
        ordinal=row.get("ordinal"),
        term=row.get("term_start_year"),
        amount=float(amount) if amount is not None else None,
    )
