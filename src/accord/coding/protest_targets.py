"""Whom a protest addresses when the text names only where it was held, or names it before.

"Veterans staged a sit-in in front of the German embassy": a protest at a foreign mission is a protest
to that mission's country. The mission must stand in a place phrase of the protest's own clause, not of
a clause below it ("...to protest aid to Baghdad" names no place of the sit-in). "Their protest" later in
the story is the protest told of before, at the same target (``refers_back``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.coding.context import ParsedArticle
from accord.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["protested_mission", "refers_back"]

_MISSIONS = frozenset(
    {"embassy", "embassies", "consulate", "consulates", "mission", "legation", "commission"}
)
_AT = frozenset({"in", "at", "outside", "near", "before", "to", "of", "front", "opposite", "towards"})
_OTHER_CLAUSES = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "conj", "csubj"})


def protested_mission(parsed: ParsedArticle, clause: Token) -> Entity | None:
    """The country of a foreign mission where the clause's protest was held, or None."""
    for token in _own_words(clause):
        if token.lower_ not in _MISSIONS:
            continue
        mention = parsed.mention_at.get(token.i)
        if mention is None or mention.entity.kind == "person":
            continue
        if _in_place_phrase(token, clause):
            return mention.entity
    return None


def refers_back(trigger: Token) -> bool:
    """A protest word that points at one told of before: "their protest", "the sit-in", "the rallies"."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ in ("poss", "det") and c.lower_ in ("their", "the", "its", "this", "these")
        for c in trigger.children
    )


def _own_words(clause: Token) -> list[Token]:
    """The clause's words, without those of the clauses that hang on it."""
    found: list[Token] = []
    stack = [c for c in clause.children if c.dep_ not in _OTHER_CLAUSES]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _OTHER_CLAUSES)
    return sorted(found, key=lambda t: t.i)


def _in_place_phrase(token: Token, clause: Token) -> bool:
    """'in front of the embassy', 'outside the consulate', 'at the US mission': a chain of place words."""
    node = token
    while node.head.i != node.i and node.head.i != clause.i:
        node = node.head
        if node.dep_ == "prep" and node.lower_ not in _AT:
            return False
        if node.pos_ in ("VERB", "AUX"):
            return False
    return node.dep_ in ("prep", "advmod") and node.lower_ in _AT
