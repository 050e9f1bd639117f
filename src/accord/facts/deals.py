"""A group of mentions -> one ``Deal``: kind, status, buyer and seller, item, quantity, money, intermediary.

- **kind**: an arms transfer when weapons change hands ("arms deal", "a deal for 36 Rafale jets"), else
  the deal word's own ("procurement", "sale", "loan", "investment"; "bought" is a purchase).
- **buyer and seller**: from a deal verb's subject ("Siemens bought": buyer; "France sold": seller) and
  its "from"/"to" phrases; from a deal noun's possessor ("India's purchase"), its "from"/"to"/"by"
  phrases, and the verb over it ("Pakistan secured a loan": the borrower, the buyer; "the IMF granted a
  loan": the lender, the seller). When the text says neither, the event that states the deal gives them:
  its actor buys what its recipient sells ("the procurement of ... rifles": India from Russia).
- **item** as written, with its **quantity** and its **money** from the resolvers; the **intermediary**
  is the firm it goes "through" or "via".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from accord.base.ids import record_id
from accord.base.syntax import doc_text
from accord.fact_records import Deal, DealKind, DealStatus, Span
from accord.facts.clauses import entities_for, lookup_verb, partner_tokens
from accord.facts.coreference import RecordGroup
from accord.facts.merging import (
    countries_for,
    date_fields,
    main_reading,
    mention_spans,
    people_and_parties,
    unique_entities,
)
from accord.facts.phrases import span_of
from accord.facts.reading import FactContext, Reading, deal_status, token_span
from accord.records import Entity, Event, Money, Quantity

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["build_deal"]

# Kinds in which the first side of the stating event buys: it acquires what the other side supplies.
_BUYING_KINDS = frozenset({"procurement", "purchase", "arms_transfer"})
_ITEM_PREPS = frozenset({"of", "for"})
_THROUGH = frozenset({"through", "via"})
# Phrases inside an item that say who, where or for what ("planes from Airbus", "jets for the air force").
_NOT_ITEM_PREPS = frozenset({"from", "to", "by", "with", "for", "at", "in", "through", "via"})


def build_deal(
    context: FactContext, group: RecordGroup, events: Sequence[Event], claimed: Sequence[tuple[int, int]]
) -> Deal:
    """The deal a group of mentions names; ``events`` are the events linked to it, ``claimed`` the
    character ranges of the article's other records' names (an amount there is theirs)."""
    doc, article = context.doc, context.parsed.article
    main = main_reading(group)
    kind = _kind(context, group)
    status_reading = next((r for r in group.readings if deal_status(r)), None)
    status = deal_status(status_reading) if status_reading else None
    buyer, seller = _sides(context, group, kind)
    if not buyer and not seller:
        buyer, seller = _event_sides(context, group, kind, events)
    people, others = people_and_parties(e for r in group.readings for e in (*r.actors, *r.partners, *r.named))
    parties = unique_entities((*buyer, *seller, *others, *people))
    quantity, item = _item(context, group, events)
    times = [status_reading.time if status_reading else None] + [r.time for r in group.readings]
    dates = date_fields(context, times, events)
    return Deal(
        id=record_id("deal", article.id, group.lead.mention.start),
        article_id=article.id,
        kind=kind,
        status=cast(DealStatus | None, status),
        date=dates.date,
        date_precision=dates.precision,
        report_date=article.date.isoformat(),
        name=main.mention.span() if main.mention.name is not None else None,
        buyer=buyer,
        seller=seller,
        parties=parties,
        item=item,
        quantity=quantity,
        money=_money(context, group, claimed),
        intermediary=_intermediary(context, group),
        status_evidence=token_span(doc, status_reading.state_token) if status_reading else None,
        date_evidence=dates.evidence,
        mentions=mention_spans(group),
        event_ids=tuple(e.id for e in events),
    )


def _kind(context: FactContext, group: RecordGroup) -> DealKind:
    words = context.words
    kinds = [r.mention.kind for r in group.readings if r.mention.record_type == "deal"]
    lemmas = {t.lemma_.lower() for r in group.readings for t in (*r.mention.tokens(), *_object_words(r, ()))}
    if "arms_transfer" in kinds or (lemmas & words.arms_words and not set(kinds) & {"loan", "investment"}):
        return "arms_transfer"
    own = [
        r.mention.kind
        for r in group.readings
        if r.mention.record_type == "deal" and (r.mention.word in words.deal_nouns or r.mention.name is None)
    ]
    return cast(DealKind, (own or kinds or ["purchase"])[0])


def _sides(
    context: FactContext, group: RecordGroup, kind: DealKind
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """(buyer, seller) from what the mentions' words say."""
    buyer: list[Entity] = []
    seller: list[Entity] = []
    parsed, words = context.parsed, context.words
    for reading in group.readings:
        mention = reading.mention
        head = mention.head
        buys = "seller" if kind == "sale" else "buyer"
        if mention.name is None:
            role = words.deal_verbs[mention.word].subject_role
            (buyer if role == "buyer" else seller).extend(reading.actors)
        else:
            owners = [c for c in head.children if c.dep_ == "poss"]
            (buyer if buys == "buyer" else seller).extend(entities_for(parsed, owners))
            by = partner_tokens([head], frozenset({"by"}))
            (buyer if buys == "buyer" else seller).extend(entities_for(parsed, by))
            governor = mention.governor
            if governor is not None and governor.relation == "object" and kind in ("loan", "investment"):
                side = lookup_verb(governor.verb, "object", words.deal_side_verbs)
                if side is not None:
                    (buyer if side == "buyer" else seller).extend(reading.actors)
        anchors = [head] + ([mention.governor.verb] if mention.governor else [])
        seller.extend(entities_for(parsed, partner_tokens(anchors, frozenset({"from"}))))
        buyer.extend(entities_for(parsed, partner_tokens(anchors, frozenset({"to"}))))
    return unique_entities(buyer), unique_entities(seller)


def _event_sides(
    context: FactContext, group: RecordGroup, kind: DealKind, events: Sequence[Event]
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """(buyer, seller) from the event whose trigger is a deal word of the group."""
    heads = {r.mention.head.idx for r in group.readings}
    for event in events:
        if event.trigger.start in heads and event.actor and event.recipient:
            actor, recipient = countries_for(context, event.actor), countries_for(context, event.recipient)
            if kind in _BUYING_KINDS:
                return actor, recipient
            if kind == "sale":
                return recipient, actor
    return (), ()


def _item(
    context: FactContext, group: RecordGroup, events: Sequence[Event]
) -> tuple[Quantity | None, Span | None]:
    """The count and the item as written: the linked event's counted item when it has one ("6,01,427
    7.63 x 39mm assault rifles AK-203"), else the object of the deal word without its count."""
    doc = context.doc
    scopes = [_scope(r, "name") for r in group.readings if r.mention.name is not None]
    for event in events:
        for quantity in event.quantities:
            if quantity.item and any(first <= quantity.start < last for first, last in scopes):
                found = doc_text(doc).find(
                    quantity.item, quantity.end, quantity.end + len(quantity.item) + 40
                )
                if found >= 0:
                    return quantity, Span(quantity.item, found, found + len(quantity.item))
    money = [(m.start, m.end) for m in context.parsed.context.money]
    for reading in group.readings:
        words = _object_words(reading, money)
        if words:
            span = span_of(doc, words[0].i, words[-1].i + 1)
            return _quantity_near(context, reading, span), span
    return None, None


def _object_words(reading: Reading, money: Sequence[tuple[int, int]]) -> list[Token]:
    """What changes hands: the object of a deal verb or the "of"/"for" phrase of a deal noun, without its
    determiner, its count and amounts of money ("20% of the Spanish firm" -> "Spanish firm")."""
    mention = reading.mention
    head = mention.head
    roots: list[Token] = []
    if mention.name is None:
        roots = [c for c in head.children if c.dep_ in ("dobj", "obj")]
    else:
        roots = [
            o
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in _ITEM_PREPS
            for o in c.children
            if o.dep_ == "pobj"
        ]
    if not roots:
        return []
    root = roots[0]
    if root.like_num or root.text == "%" or root.lower_ in ("percent", "per", "worth"):
        inner = [
            o
            for c in root.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        if inner:
            root = inner[0]
    cut = {
        t.i
        for c in root.subtree
        if c.i != root.i
        and (c.dep_ in ("conj", "cc", "relcl", "acl") or (c.dep_ == "prep" and c.lower_ in _NOT_ITEM_PREPS))
        for t in c.subtree
    }
    kept = [
        t
        for t in root.subtree
        if t.i not in cut
        if t.dep_ not in ("det", "nummod", "quantmod", "punct")
        and not t.like_num
        and t.text not in ("$", "%")
        and not any(s <= t.idx < e for s, e in money)
        and t.dep_ not in ("relcl", "acl")
    ]
    if not kept or all(t.pos_ in ("NUM", "SYM") for t in kept):
        return []
    first, last = kept[0].i, kept[-1].i
    return [t for t in root.subtree if first <= t.i <= last and t.i not in cut]


def _quantity_near(context: FactContext, reading: Reading, item: Span) -> Quantity | None:
    """A count just before the item ("36 Rafale jets", "20% of ...") in the mention's sentence."""
    sentence = reading.mention.sentence
    before = [
        q
        for q in context.parsed.context.quantities
        if sentence.start_char <= q.start and q.end <= item.start and item.start - q.end <= 30
    ]
    return before[-1] if before else None


def _money(context: FactContext, group: RecordGroup, claimed: Sequence[tuple[int, int]]) -> Money | None:
    """The amount in a mention's name, else in its clause, else the first in its sentence that no other
    record names (``claimed``: the names of the article's other records)."""
    amounts = [m for m in context.parsed.context.money if not any(s <= m.start < e for s, e in claimed)]
    names = [_scope(r, "name") for r in group.readings]
    amounts += [m for m in context.parsed.context.money if any(s <= m.start < e for s, e in names)]
    for scope in ("name", "clause", "sentence"):
        for reading in group.readings:
            first, last = _scope(reading, scope)
            found = [m for m in amounts if first <= m.start and m.end <= last]
            if found:
                return found[0]
    return None


def _scope(reading: Reading, scope: str) -> tuple[int, int]:
    mention = reading.mention
    if scope == "sentence":
        return mention.sentence.start_char, mention.sentence.end_char
    tokens = mention.tokens()
    if scope == "clause":
        root = mention.governor.verb if mention.governor is not None else mention.head
        tokens = list(root.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _intermediary(context: FactContext, group: RecordGroup) -> Span | None:
    """The firm a deal goes through: "through Indo-Russia Rifles Pvt Ltd", "via a state company"."""
    for reading in group.readings:
        head = reading.mention.head
        for token in reading.mention.sentence:
            if token.i > head.i and token.lower_ in _THROUGH and token.dep_ == "prep":
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if objects:
                    words = [t for t in objects[0].subtree if t.dep_ not in ("relcl", "acl")]
                    return span_of(context.doc, words[0].i, words[-1].i + 1)
    return None
