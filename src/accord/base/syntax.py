"""Small tests on a spaCy dependency parse, shared by every stage that reads one.

Only the types are imported from spaCy (for the checker), so importing this module loads no model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["has_agent", "is_passive", "is_verb"]


def is_verb(token: Token) -> bool:
    """A full verb: spaCy's VERB, or a VB* tag on anything but an auxiliary ("has" in "has met")."""
    return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")


def is_passive(verb: Token) -> bool:
    """A passive clause: the verb has a passive auxiliary or a passive subject ("was signed")."""
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def has_agent(verb: Token) -> bool:
    """A passive verb whose author is named ("signed by the ministers")."""
    return any(child.dep_ == "agent" for child in verb.children)
