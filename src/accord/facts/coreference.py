"""Which mentions of an article are one record.

Mentions become one record when:

- one states the other's earlier agreement: "a pact on amending the agreement ... sealed in 2019" is one
  record (the pact, action amended) that amends the inner agreement, which is no record of its own;
- one sits inside the other's name ("a contract for the procurement of 36 jets"), or a deal verb hangs
  on an agreement noun ("a deal to buy 36 jets"): one deal;
- an unnamed agreement is signed "on" a named one ("Another agreement was signed on the protocol of
  ..."): the protocol;
- a definite mention without a name of its own points back to the nearest earlier record it fits: the
  same type (an unnamed "agreement", "deal" or "pact" also fits a deal), the same kind unless its word
  is generic ("the treaty" fits a treaty, "the meeting" any meeting, the same word first), no other
  ordinal, no other length ("the 10-year pact" fits a 2021-2031 programme), a topic sharing a word with
  the record's names ("the pact on military cooperation" fits the "Agreement on ... Military-Technical
  Cooperation", not a trade deal), and for meetings no other status;
- an indefinite, unnamed mention of talks ("had productive discussions ... today") joins the meeting
  of the same status and date that shares its actors: the talks held at it;
- a named mention repeats a name already seen.

Collective mentions ("four agreements", "a number of Agreements/Contracts/Protocols") are never a record.
A definite or generic mention that points back to nothing becomes a record only when its verb says what
was done ("the summit was called off").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from accord.fact_records import RecordType
from accord.facts.clauses import lookup_verb
from accord.facts.reading import FactContext, Reading

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Earlier", "RecordGroup", "group_mentions"]

_REACH = 12  # sentences back in which a definite mention looks for what it points to
_AGREEMENT_LIKE = frozenset({"agreement", "deal"})
# Kinds of deal that name one transaction from either side: a sale is the buyer's purchase.
_ONE_TRANSACTION = frozenset({"purchase", "sale", "procurement", "arms_transfer"})
_SIGNED_ON = frozenset({"on", "for", "of", "regarding", "concerning"})
_STOP_WORDS = frozenset({"of", "on", "for", "the", "a", "an", "and", "in", "to", "between", "with", "from"})
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Earlier:
    """The agreement a record amends or renews: the relation, the mention that names it and the verb."""

    relation: str
    reading: Reading
    verb: Token | None


@dataclass
class _Draft:
    record_type: RecordType
    readings: list[Reading]
    earlier: Earlier | None = None
    renewals: list[Reading] = field(default_factory=list)


@dataclass(frozen=True)
class RecordGroup:
    """The mentions of one record, in text order, with the earlier agreement it amends or renews."""

    record_type: RecordType
    readings: tuple[Reading, ...]
    earlier: Earlier | None = None
    renewals: tuple[Reading, ...] = ()

    @property
    def lead(self) -> Reading:
        """The first mention: it names the record and gives its id."""
        return self.readings[0]


def group_mentions(context: FactContext, readings: Sequence[Reading]) -> list[RecordGroup]:
    """The records of an article as groups of readings (see the module docstring), in text order."""
    joins: dict[int, int] = {}  # reading index -> index of the reading it joins
    earlier: dict[int, Earlier] = {}
    absorbed: set[int] = set()
    _absorb_earlier(context, readings, earlier, absorbed)
    _join_attached(readings, joins, absorbed)
    drafts: list[_Draft] = []
    draft_of: dict[int, _Draft] = {}
    for index, reading in enumerate(readings):
        if index in absorbed or index in joins or reading.mention.collective:
            continue
        draft = _place(context, reading, drafts)
        if draft is None:
            continue
        draft_of[index] = draft
        if index in earlier:
            draft.earlier = earlier[index]
    for index, target in sorted(joins.items()):
        while target in joins:
            target = joins[target]
        if target in draft_of:
            draft = draft_of[target]
            draft.readings.append(readings[index])
            if readings[index].mention.record_type == "deal":
                draft.record_type = "deal"  # "a contract for the procurement of ..." is a deal
    groups = []
    for draft in drafts:
        ordered = sorted(draft.readings, key=lambda r: r.mention.start)
        groups.append(RecordGroup(draft.record_type, tuple(ordered), draft.earlier, tuple(draft.renewals)))
    return sorted(groups, key=lambda g: g.lead.mention.start)


def _absorb_earlier(
    context: FactContext, readings: Sequence[Reading], earlier: dict[int, Earlier], absorbed: set[int]
) -> None:
    """ "a pact on amending the agreement ...": the inner agreement is the pact's earlier agreement."""
    by_head = {r.mention.head.i: i for i, r in enumerate(readings)}
    for index, reading in enumerate(readings):
        governor = reading.mention.governor
        if reading.mention.record_type != "agreement" or governor is None or governor.relation != "object":
            continue
        verb = governor.verb
        relation = lookup_verb(verb, "object", context.words.earlier_verbs)
        if relation is None:
            continue
        owner: int | None = None
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "which expands and replaces a prior agreement"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            owner = by_head.get(verb.head.head.i)  # "a pact on amending the agreement"
        elif clause.dep_ == "relcl":
            owner = by_head.get(clause.head.i)  # "the new agreement, which replaces a prior agreement"
        if owner is None:
            owner = next(
                (by_head[s.i] for s in clause.children if s.dep_ == "nsubj" and s.i in by_head), None
            )
        if owner is not None and owner != index and readings[owner].mention.record_type in _AGREEMENT_LIKE:
            earlier[owner] = Earlier(relation, reading, verb)
            absorbed.add(index)


def _join_attached(readings: Sequence[Reading], joins: dict[int, int], absorbed: set[int]) -> None:
    """Mentions that are part of another: nested names, deal verbs on agreement nouns, "signed on"."""
    by_head = {r.mention.head.i: i for i, r in enumerate(readings)}
    for index, reading in enumerate(readings):
        if index in absorbed or reading.mention.collective:
            continue
        mention = reading.mention
        target = _outer(readings, index, absorbed)
        if target is None and mention.name is None:
            verb = mention.head  # a deal verb: "a deal to buy ...", "bought a stake in ..."
            if verb.dep_ in ("acl", "relcl", "xcomp") and verb.head.i in by_head:
                target = by_head[verb.head.i]
            elif verb.dep_ in ("advcl", "xcomp") and _object_mention(readings, verb.head) is not None:
                target = _object_mention(readings, verb.head)  # "signed a contract to sell 10 jets"
            else:
                target = next(
                    (
                        i
                        for i, r in enumerate(readings)
                        if r.mention.governor
                        and r.mention.governor.verb.i == verb.i
                        and r.mention.record_type in _AGREEMENT_LIKE
                        and i != index
                    ),
                    None,
                )
        if target is None and mention.record_type == "agreement" and mention.generic and mention.governor:
            verb = mention.governor.verb  # "Another agreement was signed on the protocol of ..."
            target = next(
                (
                    i
                    for i, r in enumerate(readings)
                    if i != index
                    and r.mention.governor is not None
                    and r.mention.governor.verb.i == verb.i
                    and r.mention.governor.relation in _SIGNED_ON
                    and r.mention.record_type in _AGREEMENT_LIKE
                ),
                None,
            )
        if target is not None and target not in absorbed and joins.get(target) != index:
            joins[index] = target


def _object_mention(readings: Sequence[Reading], verb: Token) -> int | None:
    """The agreement or deal mention that is the object of ``verb``, or None."""
    for index, reading in enumerate(readings):
        governor = reading.mention.governor
        if governor is not None and governor.verb.i == verb.i and governor.relation == "object":
            if reading.mention.record_type in _AGREEMENT_LIKE:
                return index
    return None


def _outer(readings: Sequence[Reading], index: int, absorbed: set[int]) -> int | None:
    """The mention whose name holds this one's noun, in the same sentence: an agreement or deal in an
    agreement's or deal's name ("a contract for the procurement of ..."), a meeting in a meeting's
    ("the Syrian Congress of National Dialogue")."""
    mention = readings[index].mention
    kinds = _AGREEMENT_LIKE if mention.record_type in _AGREEMENT_LIKE else frozenset({"meeting"})
    for other, reading in enumerate(readings):
        outer = reading.mention
        if other == index or other in absorbed or outer.name is None or outer.record_type not in kinds:
            continue
        if (
            outer.sentence_index == mention.sentence_index
            and outer.name.first <= mention.head.i < outer.name.end
        ):
            return other
    return None


def _place(context: FactContext, reading: Reading, drafts: list[_Draft]) -> _Draft | None:
    """The draft record this mention belongs to (a new one when it starts one), or None to drop it."""
    mention = reading.mention
    words = context.words
    if mention.named:
        same = next((d for d in drafts if _same_name(d, reading)), None)
        return _join(same, reading) if same is not None else _new(drafts, reading)
    if mention.definite:
        antecedent = _antecedent(context, reading, drafts)
        if antecedent is not None:
            if reading.state in ("renewed", "extended") and antecedent.readings[0].state in (
                "signed",
                "concluded",
            ):
                antecedent.renewals.append(reading)
            return _join(antecedent, reading)
    elif mention.record_type == "meeting" and mention.word in words.generic_nouns:
        gathering = _same_gathering(context, reading, drafts)
        if gathering is not None:
            return _join(gathering, reading)
    if mention.generic and reading.state is None:
        return None  # "an agreement", "the meeting" pointing to nothing and saying nothing
    if mention.record_type == "agreement" and not mention.definite and reading.state is None:
        return None  # "the first real opening for a superpower accord": no agreement yet
    return _new(drafts, reading)


def _new(drafts: list[_Draft], reading: Reading) -> _Draft:
    draft = _Draft(reading.mention.record_type, [reading])
    drafts.append(draft)
    return draft


def _join(draft: _Draft, reading: Reading) -> _Draft:
    draft.readings.append(reading)
    return draft


def _same_name(draft: _Draft, reading: Reading) -> bool:
    name = _normal_name(reading)
    return draft.record_type == reading.mention.record_type and any(
        _normal_name(r) == name for r in draft.readings
    )


def _normal_name(reading: Reading) -> str:
    return " ".join(_WORD.findall(reading.mention.span().text.lower()))


def _antecedent(context: FactContext, reading: Reading, drafts: list[_Draft]) -> _Draft | None:
    """The nearest earlier record this definite mention fits (its own word first), or None."""
    mention = reading.mention
    fitting = [
        d
        for d in drafts
        if mention.sentence_index - d.readings[-1].mention.sentence_index <= _REACH
        and _fits(context, d, reading)
    ]
    if not fitting:
        return None
    fitting.sort(key=lambda d: max(r.mention.start for r in d.readings), reverse=True)
    place = reading.place
    same_place = [
        d
        for d in fitting
        if place is not None and any(r.place and r.place.name == place.name for r in d.readings)
    ]
    same_word = [d for d in fitting if d.readings[0].mention.word == mention.word]
    return (same_place or same_word or fitting)[0]


def _fits(context: FactContext, draft: _Draft, reading: Reading) -> bool:
    mention, lead = reading.mention, draft.readings[0]
    generic_word = mention.word in context.words.generic_nouns
    if mention.record_type != draft.record_type:
        if not ({mention.record_type, draft.record_type} <= _AGREEMENT_LIKE and generic_word):
            return False
    elif not generic_word and mention.kind != lead.mention.kind:
        if not {mention.kind, lead.mention.kind} <= _ONE_TRANSACTION:
            return False
    ordinals = {r.ordinal[0] for r in draft.readings if r.ordinal}
    if reading.ordinal and ordinals and reading.ordinal[0] not in ordinals:
        return False
    if reading.years is not None and not _same_length(draft, reading.years[0]):
        return False
    if mention.record_type == "meeting" and reading.state and _states(draft) - {reading.state}:
        return False
    counts = {r.count for r in draft.readings if r.count is not None}
    if reading.count is not None and counts and reading.count not in counts:
        return False  # "the purchase of 25 planes" is not the sale of 10
    places = {r.place.name for r in draft.readings if r.place is not None}
    if reading.place is not None and places and reading.place.name not in places:
        return False  # "the meeting in Qatar" is not the one held here
    topic = _topic(context, reading)
    known = set().union(*(_topic(context, r) for r in draft.readings))
    return not (topic and known and not topic & known)


def _same_length(draft: _Draft, years: int) -> bool:
    for other in draft.readings:
        if other.years is not None and other.years[0] != years:
            return False
        if other.years_range is not None and other.years_range[1] - other.years_range[0] != years:
            return False
    return True


def _states(draft: _Draft) -> set[str]:
    return {r.state for r in draft.readings if r.state}


def _topic(context: FactContext, reading: Reading) -> set[str]:
    """The words of a mention's name that say what it is about (not its kind, not vague, no numbers, no
    ordinal, not the series: "the eighth round of talks" is about nothing more than the talks)."""
    words = context.words
    found: set[str] = set()
    for token in reading.mention.tokens():
        if token.i == reading.mention.head.i or token.lower_ in words.ordinals:
            continue
        if token.lemma_.lower() in words.series_nouns or token.lower_ in words.meeting_nouns:
            continue
        for word in _WORD.findall(token.lemma_.lower()):
            if word not in _STOP_WORDS and word not in words.vague_modifiers and len(word) > 2:
                found.add(word)
    return found


def _same_gathering(context: FactContext, reading: Reading, drafts: list[_Draft]) -> _Draft | None:
    """The meeting whose talks an indefinite, unnamed mention of talks reports: same status, same date,
    shared actors (when it names any); the nearest first."""
    report = context.parsed.article.date.isoformat()
    date = reading.time.date if reading.time is not None else report
    for draft in reversed(drafts):
        if draft.record_type != "meeting":
            continue
        states = _states(draft)
        if reading.state and states and reading.state not in states:
            continue
        dates = {r.time.date if r.time is not None else report for r in draft.readings}
        if date not in dates:
            continue
        codes = set().union(*(r.codes for r in draft.readings))
        if reading.codes and codes and not reading.codes & codes:
            continue
        return draft
    return None
