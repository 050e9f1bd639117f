"""Whether an event happened, is planned, is denied or is only supposed, read from the parse.

negated       "did not sign", "never met", "failed to reach", "refused to attend"
planned       "will hold", "is to visit", "plans to sign", "is expected to meet", a date after the report
hypothetical  "could attack", "would sign", "if talks fail", "may impose"
occurred      everything else
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from accord.records import Status, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_status", "is_verb"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "must", "'d"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})
# Verbs that put the act they govern in the future: "plans to sign", "is expected to meet".
_FUTURE_GOVERNORS = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "intend",
        "aim",
        "prepare",
        "hope",
        "want",
        "seek",
        "set",
        "due",
        "propose",
        "decide",
        "agree",
        "arrange",
        "slate",
        "promise",
        "pledge",
        "vow",
        "offer",
        "threaten",
        "consider",
        "mull",
        "go",
        "wish",
        "invite",
        "urge",
        "call",
        "ask",
        "willing",
        "ready",
        "prepared",
        "eager",
        "keen",
        "poised",
        "determined",
        "intent",
        "likely",
    }
)
_NEGATING_GOVERNORS = frozenset(
    {
        "fail",
        "refuse",
        "decline",
        "cancel",
        "postpone",
        "deny",
        "reject",
        "avoid",
        "prevent",
        "stop",
        "deter",
        "block",
    }
)
_THWARTING = frozenset({"foil", "thwart", "avert", "prevent", "stop", "halt", "forestall", "frustrate"})
_REPORTING = frozenset(
    {"say", "announce", "tell", "state", "declare", "report", "add", "confirm", "indicate"}
)
_NEGATING_NOUNS = frozenset({"refusal", "failure", "rejection", "reluctance", "unwillingness", "inability"})
_CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether"})


def find_status(
    trigger: Token, support: Token | None, time: TimeExpression | None, report_date: dt.date
) -> Status:
    """The status of the event stated by ``trigger`` (and its ``support`` verb, for event nouns).

    ``time`` is the date phrase tied to the event, if any: a date after ``report_date`` makes it planned.
    """
    verb = support or trigger
    governors = _governors(verb)
    chain = [verb, *(g for g, _ in governors)]
    controllers = {g.i for g, controls in governors if controls}
    if verb.dep_ in ("acl", "xcomp") and verb.head.lemma_.lower() in _NEGATING_NOUNS:
        return "negated"  # "its refusal to recognize Israel", "the failure to reach a deal"
    if support is None and not is_verb(trigger) and trigger.dep_ in ("dobj", "nsubjpass"):
        if trigger.head.lemma_.lower() in _NEGATING_GOVERNORS | _THWARTING:
            return "negated"  # "the security service prevented attacks on Britain", "police foiled a bombing"
    for token in chain:
        if _negated(token) and (token is verb or token.i in controllers):
            return "negated"
        if token.i in controllers and token.lemma_.lower() in _NEGATING_GOVERNORS:
            return "negated"
    # Only the verb itself and the verbs that control it (xcomp chain) decide tense and mood.
    for token in chain:
        aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX and _has_condition(token):
            return "hypothetical"  # "will withdraw its troops unless ...": a conditional, i.e. a threat
        if aux & _FUTURE_AUX:
            return "planned"
        if "would" in aux and _reported(token) and not _has_condition(token):
            return "planned"  # "announced that Italy would withdraw 300 soldiers": the future of the past
        if aux & _HYPOTHETICAL_AUX:
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKERS for c in token.children):
            return "hypothetical"
        if token.i in controllers and token.lemma_.lower() in _FUTURE_GOVERNORS:
            return "planned"
        if _is_to_be(token):
            return "planned"
    if not is_verb(trigger) and support is None and trigger.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
        # "During the summit, X will review ...", "it would bring forward a meeting": the noun takes the
        # mood of the verb it hangs on.
        head = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
        aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX:
            return "planned"
        if aux & _HYPOTHETICAL_AUX or any(
            c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKERS for c in head.children
        ):
            return "hypothetical"
    if time is not None and time.date is not None and time.timex_type != "SET":
        if time.date > report_date.isoformat()[: len(time.date)]:
            return "planned"
    return "occurred"


def _reported(verb: Token) -> bool:
    """The verb's clause is what someone said ("X announced that Y would ...")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING


def _has_condition(verb: Token) -> bool:
    """An 'unless'/'if' clause hangs on the verb: what it states depends on another act."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
        for c in verb.children
    )


def _governors(verb: Token) -> list[tuple[Token, bool]]:
    """Verbs above this one, each with whether it controls it.

    "plans to sign" -> [(plans, True)]; "failed to reach" -> [(failed, True)]; "will review ... and
    discuss" -> [(review, False)]: a coordinated verb lends its auxiliaries, not its meaning.
    """
    found: list[tuple[Token, bool]] = []
    current = verb
    for _ in range(3):
        if current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
            controls = current.dep_ == "xcomp"
            current = current.head
            found.append((current, controls))
        elif current.dep_ == "pcomp" and current.head.dep_ == "prep" and current.head.head.i != current.i:
            current = current.head.head  # "prevent militants from firing": from -> prevent
            found.append((current, True))
        elif current.dep_ == "acomp" or (current.dep_ == "pobj" and current.head.dep_ == "prep"):
            current = current.head.head if current.dep_ == "pobj" else current.head
            found.append((current, True))
        else:
            break
    return found


def _negated(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.lower_ in _NEGATORS and c.dep_ in ("advmod", "det")) for c in token.children
    )


def _is_to_be(token: Token) -> bool:
    """'is to visit', 'are due to meet', 'is set to sign'."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return has_to and token.dep_ == "xcomp" and token.head.lemma_.lower() in ("be", "due", "set")


def is_verb(token: Token) -> bool:
    """A full verb: spaCy's VERB, or a VB* tag on anything but an auxiliary ("has" in "has met")."""
    return token.pos_ == "VERB" or (token.tag_.startswith("VB") and token.pos_ != "AUX")
