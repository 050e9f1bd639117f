"""What a record's clause says: the verb that governs a mention, the dates it owns, the place, the people.

A mention of an agreement, deal or meeting is a noun (or, for a deal, a verb: "bought"). Its *governor* is
the verb it is the subject, object or prepositional object of ("signed the treaty", "the summit was called
off", "take part in the dialogue", "signed at the 20th meeting"), or the participle hanging on it ("the
agreement signed on Monday"). The date phrases a mention owns are those whose nearest verb above is its
governor (or that sit inside its name: "Tuesday's summit"); a date in a relative clause ("the pact that was
sealed in 2019") belongs to that clause's verb, not to the governor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from accord.base.syntax import SUBJECT_DEPS, is_verb
from accord.coding.context import ParsedArticle
from accord.coding.grammar import LOCATION_PREPS
from accord.coding.mentions import mentions_for
from accord.records import Entity, Location, TimeExpression
from accord.resolve.actors.lexicon import lexicon, norm

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "Governor",
    "entities_for",
    "entities_in",
    "governor_of",
    "lookup_verb",
    "owned_times",
    "partner_tokens",
    "place_in",
    "clause_subjects",
]

_V = TypeVar("_V")

# Nouns of position that put a mention one step further from its verb: "on the sidelines of the summit".
_POSITION_NOUNS = frozenset(
    {"sidelines", "margins", "margin", "sideline", "eve", "run-up", "side", "end", "start"}
)
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "obj"})
# Codes that name no particular party unless a named body or person stands behind them: Accord codes
# every intergovernmental body but the UN and the EU as IGO (the annotation guide's code), naming it.
_VAGUE_CODES = frozenset({"IGO", "NGO", "---"})


def _vague(entity: Entity) -> bool:
    """A generic body: IGO/NGO without a body of the organisations table behind it (a commission named
    after its member countries stands for them, not for a party of its own)."""
    if entity.code not in _VAGUE_CODES:
        return False
    return entity.kind != "person" and norm(entity.name) not in lexicon().orgs


@dataclass(frozen=True)
class Governor:
    """The verb a mention hangs on and how: ``subject``, ``passive`` (passive subject or a participle on
    the noun), ``object``, or the preposition ("at", "into", "ahead")."""

    verb: Token
    relation: str


def governor_of(head: Token, before_words: frozenset[str]) -> Governor | None:
    """The verb that ``head`` (a noun) is an argument of, or None (a headline, a copula's complement)."""
    token = head
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head  # "signed a treaty and a protocol": the protocol was signed too
    dep, parent = token.dep_, token.head
    relation: str | None = None
    if dep == "nsubj":
        relation = "subject"
    elif dep == "nsubjpass":
        relation = "passive"
    elif dep in _OBJECT_DEPS:
        relation = "object"
    elif dep == "pobj" and parent.dep_ == "prep":
        relation, parent = parent.lower_, parent.head
        if parent.lower_ in _POSITION_NOUNS and parent.dep_ == "pobj" and parent.head.dep_ == "prep":
            relation, parent = parent.head.lower_, parent.head.head
        if parent.lower_ in before_words and not is_verb(parent):
            relation, parent = parent.lower_, parent.head  # "ahead of the summit"
    if relation is not None and is_verb(parent):
        return Governor(parent, relation)
    for child in head.children:
        if child.dep_ in ("acl", "relcl") and is_verb(child) and child.tag_ == "VBN":
            return Governor(child, "passive")  # "the agreement signed on Monday"
    return None


def lookup_verb(verb: Token, relation: str, table: Mapping[str, _V]) -> _V | None:
    """The value of the verb in ``table``: with its particle ("call off"), with its preposition ("enter
    into"), or by its lemma alone."""
    lemma = verb.lemma_.lower()
    if verb.i > 1 and verb.doc[verb.i - 1].text == "-":
        prefixed = f"{verb.doc[verb.i - 2].lower_}-{lemma}"  # "co - chaired", tokenised apart
        if prefixed in table:
            return table[prefixed]
    keys = [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"]
    if relation not in ("subject", "passive", "object"):
        keys.append(f"{lemma} {relation}")
    keys.append(lemma)
    for key in keys:
        if key in table:
            return table[key]
    return None


def owned_times(
    parsed: ParsedArticle,
    sentence: Span,
    anchors: Iterable[Token],
    *,
    inside: tuple[int, int] | None,
    reporting_verbs: frozenset[str],
) -> list[TimeExpression]:
    """Calendar date phrases of ``sentence`` that belong to the ``anchors`` (a mention's noun and verb),
    nearest first; a phrase within the token range ``inside`` (the mention's name) counts too."""
    doc = parsed.doc
    anchor_ids = {t.i for t in anchors}
    found: list[tuple[int, TimeExpression]] = []
    for time in parsed.context.times:
        if time.date is None or time.timex_type in ("DURATION", "SET"):
            continue
        if not sentence.start_char <= time.start < sentence.end_char:
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        if inside is not None and inside[0] <= span.start and span.end <= inside[1]:
            found.append((0, time))
            continue
        node = span.root
        while node.head.i != node.i and not is_verb(node) and node.i not in anchor_ids:
            node = node.head
        owned = node.i in anchor_ids or (
            node.lemma_.lower() in reporting_verbs
            and any(a.i in anchor_ids for a in node.subtree if is_verb(a))
        )
        if owned:
            nearest = min(abs(span.start - i) for i in anchor_ids) if anchor_ids else 0
            found.append((nearest, time))
    return [time for _, time in sorted(found, key=lambda pair: pair[0])]


def partner_tokens(tokens: Iterable[Token], preps: frozenset[str]) -> list[Token]:
    """Objects of the given prepositions on any of ``tokens``: "with Modi", "between India and Russia"."""
    found: list[Token] = []
    for token in tokens:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                found.extend(c for c in child.children if c.dep_ == "pobj")
            if child.dep_ == "agent":
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def entities_for(parsed: ParsedArticle, tokens: Sequence[Token]) -> list[Entity]:
    """The actors that argument words stand for (``coding.mentions.mentions_for``), each once."""
    return _unique(m.entity for m in mentions_for(parsed, tokens) if not _vague(m.entity))


def clause_subjects(verb: Token) -> list[Token]:
    """The verb's subjects or its passive agent's objects ("signed by ..."); a verb without either
    borrows the subjects, never the agent, of the verb it is coordinated with or controlled by ("met and
    signed", "agreed to extend"). ``base.syntax.subjects_of`` also borrows agents, which in "In the
    meeting, co-chaired by A and B, India and Russia signed ..." makes the chairs sign."""
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
        if current is verb and agents:
            return agents
        if current.dep_ not in ("conj", "xcomp") or current.head.i == current.i:
            break
        current = current.head
    return []


def entities_in(parsed: ParsedArticle, first: int, end: int) -> list[Entity]:
    """Actors named inside tokens ``first``..``end`` ("the India-Russia summit"), each once."""
    found = [parsed.mention_at[i].entity for i in range(first, end) if i in parsed.mention_at]
    return _unique(e for e in found if not _vague(e))


def place_in(parsed: ParsedArticle, tokens: Iterable[Token], name: tuple[int, int] | None) -> Location | None:
    """A place named where a meeting is: after "in"/"at"/"to" within the subtrees of ``tokens``, or inside
    its name ("the Geneva talks"); None when there is none."""
    doc = parsed.doc
    scope: set[int] = set()
    for token in tokens:
        scope |= {t.i for t in token.subtree}
    for location in parsed.context.locations:
        if location.start is None or location.end is None:
            continue
        span = doc.char_span(location.start, location.end, alignment_mode="expand")
        if span is None or span.root.i not in scope:
            continue
        if name is not None and name[0] <= span.start and span.end <= name[1]:
            return location
        root = span.root
        while root.dep_ in ("compound", "conj", "appos") and root.head.i != root.i:
            root = root.head
        if root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPS | {"to"}:
            return location
    return None


def _unique(entities: Iterable[Entity]) -> list[Entity]:
    seen: set[tuple[int, int]] = set()
    found: list[Entity] = []
    for entity in entities:
        if (entity.start, entity.end) not in seen:
            seen.add((entity.start, entity.end))
            found.append(entity)
    return found
