"""'The two sides', 'both countries', 'the two leaders': phrases that stand for two parties named before.

Wire reports of bilateral news name the two parties once and then say "the two countries have signed a
series of agreements" or "the two sides were still at odds". Such a phrase stands for the two sides of
the last event with two distinct parties; failing that, for the two countries the article has named
most often before it. The entities keep the parties' names and codes, with the phrase as their evidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from accord.coding.context import ParsedArticle, PreviousSides
from accord.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["dual_parties", "is_dual_reference"]

_DUAL_HEADS = frozenset(
    {
        "side",
        "country",
        "nation",
        "leader",
        "government",
        "party",
        "president",
        "minister",
        "state",
        "neighbour",
        "neighbor",
        "delegation",
        "capital",
    }
)

Entities = tuple[Entity, ...]


def is_dual_reference(token: Token) -> bool:
    """ "the two sides", "both countries", "the two leaders" (not "two soldiers")."""
    if token.lemma_.lower() not in _DUAL_HEADS or token.tag_ not in ("NNS", "NNPS"):
        return False
    return any(
        (child.dep_ == "nummod" and child.lower_ in ("two", "2"))
        or (child.lower_ == "both" and child.i < token.i)
        for child in token.children
    )


def dual_parties(
    parsed: ParsedArticle, tokens: Sequence[Token], previous: PreviousSides | None
) -> tuple[Entities, Entities] | None:
    """The two parties a dual phrase among ``tokens`` stands for, as (one side, the other), or None."""
    phrase = next((t for t in tokens if is_dual_reference(t)), None)
    if phrase is None:
        return None
    pair = _previous_pair(previous) or _most_named_pair(parsed, phrase.i)
    if pair is None:
        return None
    words = parsed.doc[phrase.left_edge.i : phrase.i + 1]
    start, end = words.start_char, words.end_char

    def here(entities: Entities) -> Entities:
        return tuple(replace(e, entity_text=words.text, start=start, end=end) for e in entities)

    return here(pair[0]), here(pair[1])


def _previous_pair(previous: PreviousSides | None) -> tuple[Entities, Entities] | None:
    if previous is None or not previous.actor or not previous.recipient:
        return None
    if {(e.code, e.name) for e in previous.actor} & {(e.code, e.name) for e in previous.recipient}:
        return None
    return previous.actor, previous.recipient


def _most_named_pair(parsed: ParsedArticle, before: int) -> tuple[Entities, Entities] | None:
    """The two countries named most often before token ``before``, when two lead the count."""
    counts: Counter[str] = Counter()
    first: dict[str, Entity] = {}
    for mention in parsed.context.actors:
        if mention.token_start >= before or mention.entity.code in ("UNK", "IGO", "NGO", "REB"):
            continue
        counts[mention.entity.code] += 1
        first.setdefault(mention.entity.code, mention.entity)
    ranked = counts.most_common(3)
    if len(ranked) < 2 or (len(ranked) == 3 and ranked[1][1] == ranked[2][1]):
        return None
    return (first[ranked[0][0]],), (first[ranked[1][0]],)
