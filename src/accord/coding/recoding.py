"""Codes that change with what surrounds the trigger: PLOVER's rules for acts that have not happened, and
the readings a trigger's code takes in context.

Not happened: future cooperation is AGREE (intent to meet, to cooperate, to aid), an announced retreat is
CONCEDE, and force or coercion that is only announced or supposed is THREATEN (PLOVER manual, sections 2.3,
AGREE, CONCEDE and RETREAT notes). In context: "attacked Washington for its arms sales" is criticism,
"protesters clashed with police" a riot, "lodged a protest" an official complaint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from accord.base.ontology import Status
from accord.base.syntax import is_verb
from accord.coding.casualties.words import DEATH_WORDS
from accord.coding.codes import (
    CONCESSION,
    CRITICISM,
    DIPLOMATIC_COMPLAINT,
    FIGHT_CODES,
    FUTURE_AGREE_BY_CONTEXT,
    FUTURE_AS_AGREE,
    RIOT,
    UNREALISED_AS_THREAT,
)
from accord.coding.context import Candidate
from accord.coding.lexicon import CodeInfo, Lexicon
from accord.coding.status import is_counterfactual

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["recode_in_context", "recode_unrealised"]

_CONTENT_DEPTH = 3  # "vowed (1) it would try (2) all means (3) to wipe out the rebels"
# The words between a vow and what is vowed: clauses, and the objects that lead to them ("all means to").
_CONTENT_PATH = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "acl"})


def recode_in_context(lexicon: Lexicon, candidate: Candidate, actor_tokens: Iterable[Token]) -> CodeInfo:
    """The candidate's code as its sentence reads it: criticism, a riot or an official complaint where the
    trigger's own code would say force or a street protest; else the trigger's code."""
    code, token = candidate.code, candidate.token
    lemma = token.lemma_.lower()
    if (
        code.event == "ASSAULT"
        and is_verb(token)
        and lemma in ("attack", "assail", "hit")
        and any(
            c.dep_ == "prep" and c.lower_ in ("for", "over") and not _circumstance(c) for c in token.children
        )
    ):
        code = lexicon.code(CRITICISM)  # "attacked Washington for its arms sales": criticism
    crowds = lexicon.crowd_subjects
    if (
        code.cameo in FIGHT_CODES
        and lemma not in DEATH_WORDS
        and any(t.lemma_.lower() in crowds or t.lower_ in crowds for t in _with_partitives(actor_tokens))
    ):
        # "Protesters clashed with police", "rioters torched cars": unarmed crowds riot (PLOVER PROTEST
        # riot); a mob that kills or lynches still assaults.
        code = lexicon.code(RIOT)
    if code.event == "AGREE":
        code = _intent_to_coerce(lexicon, token) or code
    support = candidate.support
    if (
        code.event == "PROTEST"
        and support is not None
        and support.lemma_.lower() in lexicon.diplomatic_protest_verbs
    ):
        code = lexicon.code(
            DIPLOMATIC_COMPLAINT
        )  # "lodged a protest with Albania": a complaint, PLOVER ACCUSE
    return code


def recode_unrealised(lexicon: Lexicon, code: CodeInfo, status: Status, clause: Token) -> CodeInfo:
    """The code of an act that is planned or hypothetical, as the act it amounts to now (see the module
    docstring); unchanged for an act that occurred or was denied, and for a counterfactual ("would have
    captured the city"), which is neither an act nor a threat."""
    if status not in ("planned", "hypothetical") or is_counterfactual(clause):
        return code
    threat = UNREALISED_AS_THREAT.get(code.event)
    if threat is not None:
        return replace(lexicon.code(threat), context=code.context)
    if code.event == "RETREAT" and status == "planned":
        return replace(lexicon.code(CONCESSION), mode=code.mode, context=code.context)
    cameo = FUTURE_AS_AGREE.get(code.event) if status == "planned" else None
    if cameo is None:
        return code
    for context in code.context:
        cameo = FUTURE_AGREE_BY_CONTEXT.get((cameo, context), cameo)
    future = lexicon.code(cameo)
    return replace(future, context=code.context or future.context)


# "attacking Zaire for no reason", "for the first time", "for hours": not what someone is criticised for.
_CIRCUMSTANCES = frozenset(
    {"reason", "time", "minute", "hour", "day", "night", "week", "month", "year", "while", "first", "second"}
)


def _circumstance(preposition: Token) -> bool:
    return any(
        p.lemma_.lower() in _CIRCUMSTANCES or p.like_num for p in preposition.children if p.dep_ == "pobj"
    )


def _intent_to_coerce(lexicon: Lexicon, token: Token) -> CodeInfo | None:
    """A vow or pledge whose content is force or coercion is a threat: "vowed to wipe out the rebels",
    "vowed it would try all means to crush them" (PLOVER THREATEN: to express intent to use force; the
    same as an unrealised attack), unless it is a promise to refrain ("pledged not to attack")."""
    frontier = [(child, 1) for child in token.children]
    while frontier:
        content, depth = frontier.pop()
        if content.dep_ not in _CONTENT_PATH or any(c.dep_ == "neg" for c in content.children):
            continue
        if content.dep_ in ("xcomp", "ccomp") and is_verb(content):
            for rule in lexicon.rules(content.lemma_.lower(), "VERB"):
                if rule.code is not None and rule.code.event in UNREALISED_AS_THREAT and rule.objects is None:
                    return replace(
                        lexicon.code(UNREALISED_AS_THREAT[rule.code.event]), context=rule.code.context
                    )
        if depth < _CONTENT_DEPTH:
            frontier += [(child, depth + 1) for child in content.children]
    return None


def _with_partitives(tokens: Iterable[Token]) -> list[Token]:
    """The tokens with the nouns they quantify: "hundreds of protesters" -> hundreds, protesters."""
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found += [p for p in prep.children if p.dep_ == "pobj"]
    return found
