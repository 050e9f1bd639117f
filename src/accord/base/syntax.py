"""Small tests on a spaCy dependency parse, shared by every stage that reads one.

The labels are spaCy's English ones (ClearNLP style: ``nsubj``, ``dobj``, ``auxpass``, ``agent``, ...).
Only the types are imported from spaCy (for the checker), so importing this module loads no model.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "doc_text",
    "SUBJECT_DEPS",
    "has_agent",
    "has_passive_auxiliary",
    "is_agentless_passive",
    "is_passive",
    "is_passive_participle",
    "is_purpose_infinitive",
    "is_supposed_act",
    "is_verb",
    "sentences",
    "subjects_of",
]

# The dependencies that make a token the subject of its head: a noun phrase or a clause.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


def is_verb(token: Token) -> bool:
    """A full verb: spaCy's VERB, or a VB* tag on anything but an auxiliary ("has" in "has met"), or a word
    the small model mistags but that takes an infinitive's "to" ("willing to further cooperation")."""
    return (
        token.pos_ == "VERB"
        or (token.tag_.startswith("VB") and token.pos_ != "AUX")
        or (token.pos_ == "ADJ" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))
    )


def is_passive(verb: Token) -> bool:
    """A passive clause: the verb has a passive auxiliary or a passive subject ("was signed")."""
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def has_passive_auxiliary(verb: Token) -> bool:
    """The verb has a passive auxiliary ("were deployed"); stricter than ``is_passive``, which also
    takes a passive subject alone."""
    return any(child.dep_ == "auxpass" for child in verb.children)


def has_agent(verb: Token) -> bool:
    """A passive verb whose author is named ("signed by the ministers")."""
    return any(child.dep_ == "agent" for child in verb.children)


def is_passive_participle(verb: Token) -> bool:
    """A past participle that modifies a noun: "the agreement signed by ...", "groups accused of ..."."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl")


def is_agentless_passive(verb: Token) -> bool:
    """A passive verb or participle whose author is left unsaid: "X was accused of ...", "groups
    accused of ...". False for a token that is not a verb."""
    if not is_verb(verb):
        return False
    passive = is_passive(verb) or is_passive_participle(verb)
    return passive and not has_agent(verb)


def is_purpose_infinitive(verb: Token) -> bool:
    """An infinitive of purpose: "raised to fight Isis", "troops sent to protect the embassy". Not the
    idioms that state the act itself: "went out of his way to praise", "took the opportunity to thank"."""
    if not is_verb(verb) or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if _asserts_its_infinitive(verb.head) or (
        verb.dep_ == "acl" and verb.head.lemma_.lower() in _OCCASION_NOUNS
    ):
        return False
    return verb.dep_ in ("advcl", "acl") or (verb.dep_ == "xcomp" and verb.head.tag_ == "VBN")


def is_supposed_act(verb: Token) -> bool:
    """An act named as the subject of a supposition: "attacking Iran's facilities might only drive the
    programme underground", "bombing the bridges would cut the city off". The act is an idea weighed,
    not one that happened or is planned (the guide's events are actions stated in the article)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("csubj", "csubjpass"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in _SUPPOSING for c in verb.head.children)


_SUPPOSING = frozenset({"might", "could", "would", "may", "can", "should", "'d"})


# "took the opportunity to", "used the occasion to", "seized the chance to": the infinitive is the act done.
_OCCASION_NOUNS = frozenset({"opportunity", "occasion", "chance", "moment"})


def _asserts_its_infinitive(head: Token) -> bool:
    """Whether a verb's infinitive states what was done rather than what was aimed at."""
    for child in head.subtree:
        if child.lemma_.lower() == "way" and child.head.lower_ == "of" and child.head.head.lower_ == "out":
            return True  # "went out of his way to praise"
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _OCCASION_NOUNS for c in head.children)


def subjects_of(verb: Token) -> list[Token]:
    """The subject of a verb, else its passive agent's objects; borrowed, when it has neither, from the
    verb it is coordinated with or controlled by ("met and signed", "plans to sign", "went ... to praise"), or for a gerund
    that modifies a noun, that noun ("a resolution denouncing China"). Empty when none is found."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
        agents = [p for c in current.children if c.dep_ == "agent" for p in c.children]
        if agents:
            return agents
        if current.dep_ in ("conj", "xcomp") and current.head.i != current.i:
            current = current.head
            continue
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if current.dep_ == "advcl" and infinitive and current.head.i != current.i:
            current = current.head  # "went out of his way to praise": the goer praises
            continue
        occasion = current.head
        if current.dep_ == "acl" and infinitive and occasion.lemma_.lower() in _OCCASION_NOUNS:
            current = occasion.head  # "took the opportunity to thank": the taker thanks
            continue
        if current.dep_ in ("acl", "relcl") and current.tag_ == "VBG":
            return [current.head]
        break
    return []


def sentences(doc: Doc) -> Iterator[Span]:
    """spaCy's sentences, also cut at blank lines: headlines, captions and embedded tweets carry no
    full stop, and the parser runs them into the next paragraph."""
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and token.text.count("\n") >= 2 and token.i > start:
                yield doc[start : token.i]
                start = token.i + 1
        if start < sentence.end:
            yield doc[start : sentence.end]


_TEXT_KEY = "accord.text"


def doc_text(doc: Doc) -> str:
    """The parsed text, built once per document: spaCy's ``Doc.text`` joins every token on each access,
    which made per-trigger slicing quadratic in the article's length."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text
