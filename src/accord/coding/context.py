"""The records the event coder's steps pass to each other.

``EventContext`` is what the resolvers found in one article (the coder's input besides the parse);
``ParsedArticle`` is that context indexed by token, built once per article; ``Candidate`` is a trigger
found in a sentence, before it is built into an ``Event`` or dropped; ``PreviousSides`` are the sides of
the last event built, which a later sentence may inherit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from accord.coding.lexicon import CodeInfo, Lexicon, TriggerRule
from accord.records import ActorMention, Article, Entity, Location, Money, Quantity, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Candidate", "EventContext", "ParsedArticle", "PreviousSides"]


@dataclass(frozen=True)
class EventContext:
    """What the resolvers found in one article, handed to ``find_events``."""

    article: Article
    actors: Sequence[ActorMention]
    times: Sequence[TimeExpression]
    quantities: Sequence[Quantity]
    money: Sequence[Money]
    locations: Sequence[Location]
    dateline: Location | None = None  # where the report was filed, when the input says so


@dataclass(frozen=True)
class ParsedArticle:
    """One article's parse with its context, indexed for the coder's lookups by token.

    ``mention_at`` maps a token index to the actor mention standing there; ``time_tokens`` maps a token
    index to the date phrase that covers it; ``default_location`` is where the article's events happen
    when their sentence names no place.
    """

    doc: Doc
    context: EventContext
    lexicon: Lexicon
    mention_at: Mapping[int, ActorMention]
    time_tokens: Mapping[int, TimeExpression]
    default_location: Location | None

    @property
    def article(self) -> Article:
        return self.context.article

    def mention_in(self, token: Token) -> ActorMention | None:
        """The first actor mention in the token's subtree, in text order."""
        for t in token.subtree:
            if t.i in self.mention_at:
                return self.mention_at[t.i]
        return None


@dataclass(frozen=True)
class Candidate:
    """A trigger found in a sentence: the word, the lexicon rule it matched and that rule's code."""

    token: Token
    rule: TriggerRule
    code: CodeInfo
    support: Token | None  # the support verb of an event noun ("held talks")
    trigger_tokens: tuple[Token, ...]  # the words shown as the trigger ("took part", "co-chaired")
    speaker: Token | None = None  # a reported obligation: "X said Y must ..." (X demands of Y)

    @property
    def clause(self) -> Token:
        """The verb whose clause states the event: the support verb of a noun, else the trigger."""
        return self.support or self.token


class PreviousSides(NamedTuple):
    """The sides of the last event built, and the index of its sentence."""

    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    sentence_index: int
    # The latest protest's sides, for "their protest" later in the story (empty when there was none).
    protest: tuple[tuple[Entity, ...], tuple[Entity, ...]] = ((), ())
