"""The words of the parse that name an act's two sides: its actor tokens and its recipient tokens.

A verb's actor is its subject (or its passive agent) and its recipient its object or the object of a
recipient preposition ("met with", "aid to"); an event noun's sides hang on its support verb or on the
noun itself ("the India-Russia summit", "attacks by rebels", "aid for Haiti"). These are words, not yet
actors: ``mentions.mentions_for`` turns them into actor mentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.base.syntax import (
    SUBJECT_DEPS,
    has_passive_auxiliary,
    is_passive,
    is_passive_participle,
    is_verb,
    subjects_of,
)
from accord.coding.context import Candidate, ParsedArticle
from accord.coding.grammar import MODIFIER_DEPS, OBJECT_DEPS, RECIPIENT_PREPS, RELATIVE_PRONOUNS
from accord.coding.mentions import mentions_for

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["argument_tokens", "preposition_objects"]


def argument_tokens(parsed: ParsedArticle, candidate: Candidate) -> tuple[list[Token], list[Token]]:
    """The actor tokens and the recipient tokens of a candidate, each in the order found (may repeat)."""
    token = candidate.token
    if candidate.speaker is not None:
        # "Britain said Libya must hand over ...": the speaker demands, the one obliged is asked.
        return subjects_of(candidate.speaker), [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    actors: list[Token] = []
    if candidate.code.event in ("MOBILIZE", "RETREAT") and has_passive_auxiliary(token):
        # "Lebanese troops were deployed in the capital": the forces moved are their own side.
        forces = parsed.lexicon.forces
        actors += [c for c in token.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in forces]
    if candidate.support is not None or not is_verb(token):
        return _noun_arguments(candidate, actors)
    return _verb_arguments(parsed, candidate, actors)


def preposition_objects(token: Token, exclude: Token | None = None) -> list[Token]:
    """The objects of the token's recipient prepositions ("met with X", "attack on X"), but ``exclude``."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            found += [p for p in child.children if p.dep_ == "pobj" and p is not exclude]
    return found


def _noun_arguments(candidate: Candidate, actors: list[Token]) -> tuple[list[Token], list[Token]]:
    """An event noun's sides: on its support verb ("India held talks with Russia"), on the verb of the
    clause it sets ("At the meeting, X and Y signed ..."), and on the noun itself."""
    token = candidate.token
    recipients: list[Token] = []
    verb = candidate.support
    if verb is not None:
        actors += subjects_of(verb)
        recipients += preposition_objects(verb, exclude=token)
    elif token.dep_ == "pobj" and is_verb(token.head.head) and candidate.code.event == "CONSULT":
        actors += subjects_of(token.head.head)  # "At the meeting, X and Y signed ..."
    actors += [c for c in token.children if c.dep_ in MODIFIER_DEPS or c.dep_ == "agent"]
    actors += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
    recipients += preposition_objects(token)
    # "support for the Indian bid", "aid for Haiti": a noun's "for" names its beneficiary.
    recipients += [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    if not actors and not recipients:
        recipients += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    return actors, recipients


def _verb_arguments(
    parsed: ParsedArticle, candidate: Candidate, actors: list[Token]
) -> tuple[list[Token], list[Token]]:
    """A verb's sides: subject and object, passive agent and passive subject, recipient prepositions."""
    token, event = candidate.token, candidate.code.event
    recipients: list[Token] = []
    actors += subjects_of(token)
    if token.dep_ == "acl" and token.tag_ == "VBG" and not mentions_for(parsed, [token.head]):
        # "Denmark filed a resolution denouncing China": the resolution's filer denounces.
        holder = token.head
        if holder.dep_ in ("dobj", "obj", "pobj") and is_verb(holder.head):
            actors += subjects_of(holder.head)
    participle = is_passive_participle(token)
    moved = event in ("MOBILIZE", "RETREAT") and token.head.lemma_.lower() in parsed.lexicon.forces
    if participle and moved:
        # "Britain has 7,200 troops deployed in Iraq": the forces moved are their owner's side.
        forces = token.head
        actors += [m for m in forces.children if m.dep_ in MODIFIER_DEPS]  # "British troops"
        if is_verb(forces.head):
            actors += subjects_of(forces.head)  # "Britain has troops deployed"
    elif participle and token.head.lower_ not in RELATIVE_PRONOUNS:
        recipients.append(token.head)  # "Denmark, backed by the United States": Denmark is backed
    if participle or is_passive(token):
        actors += [p for c in token.children if c.dep_ == "agent" for p in c.children]
        recipients += [
            c for c in token.children if c.dep_ == "nsubjpass" and c.lower_ not in RELATIVE_PRONOUNS
        ]
    objects = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    if event in ("ACCUSE", "REJECT", "PROTEST"):
        # "condemned the Israeli air strikes on Lebanon": the charge is against the strikes' author;
        # "protest alleged aid to Baghdad by German firms": the protest is against the aid's giver;
        # "blocked a UN resolution on Kosovo": the refusal is of the resolution's author, not its topic.
        charged = [
            o
            for o in objects
            if (_is_document(parsed, o) if event == "REJECT" else _is_event_noun(parsed, o))
        ]
        authors = [a for o in charged for a in _authors(o) if mentions_for(parsed, [a])]
        if objects and not authors and not (participle or is_passive(token)):
            # The parser hangs "by German firms" on the active verb; it can only be the object's author.
            authors = [a for a in _authors(token) if a.head.lower_ == "by" and mentions_for(parsed, [a])]
        if authors:
            return actors, authors
    content = candidate.rule.particle if candidate.rule.content else None
    recipients += [p for p in preposition_objects(token) if content is None or p.head.lower_ != content]
    if event == "REJECT" and not objects:
        recipients += _refused_act_sides(parsed, token)
    particle = candidate.rule.particle
    if particle is not None and particle not in RECIPIENT_PREPS:
        # "called on Damascus to ...", "called for Syria to ...": the particle's object is addressed.
        recipients += [
            p for c in token.children if c.lower_ == particle for p in c.children if p.dep_ == "pobj"
        ]
    for obj in objects:
        recipients += preposition_objects(obj)
    if event in ("RETREAT", "MOBILIZE", "CONCEDE"):
        # "pulled out troops from Gaza", "deployed 24,000 police": forces are what moves, not a side.
        objects = [o for o in objects if o.lemma_.lower() not in parsed.lexicon.forces]
    if candidate.rule.objects is None:
        recipients += objects  # "attacked Iraq": the object is the other side
    elif not recipients:
        # "signed an India-Russia pact": the sides are named on the agreement itself.
        recipients += [c for obj in objects for c in obj.children if c.dep_ in MODIFIER_DEPS]
    return actors, recipients


def _refused_act_sides(parsed: ParsedArticle, verb: Token) -> list[Token]:
    """'refused to deploy troops in Iraq': with nothing refused by name, the act refused names the other
    side; only words that name an actor, so that the fallbacks stay open otherwise."""
    found: list[Token] = []
    for content in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp")):
        words = [c for c in content.children if c.dep_ in OBJECT_DEPS] + preposition_objects(content)
        found += [t for t in words if mentions_for(parsed, [t])]
    return found


def _authors(thing: Token) -> list[Token]:
    """The words naming who did or wrote a thing: its modifiers ("the Israeli strikes", "a UN resolution")
    and its "by" phrase ("aid to Baghdad by German firms")."""
    found = [m for m in thing.children if m.dep_ in MODIFIER_DEPS]
    found += [p for c in thing.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
    return found


def _is_document(parsed: ParsedArticle, token: Token) -> bool:
    """An agreement, resolution, plan or proposal: a text someone wrote ("a UN resolution")."""
    return token.lemma_.lower() in parsed.lexicon.documents


def _is_event_noun(parsed: ParsedArticle, token: Token) -> bool:
    return token.pos_ == "NOUN" and bool(parsed.lexicon.rules(token.lemma_.lower(), "NOUN"))
