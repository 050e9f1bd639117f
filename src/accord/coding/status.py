"""Whether an event happened, is planned, is denied or is only supposed, read from the parse.

negated       "did not sign", "never met", "failed to reach", "refused to attend"
planned       "will hold", "is to visit", "plans to sign", "is expected to meet", a date after the report
hypothetical  "could attack", "would sign", "if talks fail", "may impose"
occurred      everything else
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from accord.base.ontology import Status
from accord.base.syntax import is_verb
from accord.records import TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["find_status", "is_counterfactual", "status_with_reason"]

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
_NEGATING_NOUNS = frozenset({"refusal", "failure", "rejection", "reluctance", "unwillingness", "inability"})
_CONDITIONAL_MARKERS = frozenset({"if", "unless", "whether"})
# "did not appear after the meeting": the meeting is placed in time, not denied.
_TEMPORAL_PREPS = frozenset({"after", "before", "during", "following", "since", "until", "amid", "ahead"})
# Adjectives that put an event noun in the future: "the upcoming visit", "a planned summit".
_UPCOMING = frozenset(
    {
        "upcoming",
        "forthcoming",
        "planned",
        "scheduled",
        "proposed",
        "coming",
        "impending",
        "expected",
        "future",
    }
)


def find_status(
    trigger: Token,
    support: Token | None,
    time: TimeExpression | None,
    report_date: dt.date,
    *,
    future_reporting_verbs: frozenset[str],
) -> Status:
    """The status of the event stated by ``trigger`` (and its ``support`` verb, for event nouns).

    ``time`` is the date phrase tied to the event, if any: a date after ``report_date`` makes it planned.
    ``future_reporting_verbs`` are the verbs after which "would" is the future of the past ("announced that
    Italy would withdraw"), from the lexicon's FUTURE_REPORTING_VERB class.
    """
    return status_with_reason(
        trigger, support, time, report_date, future_reporting_verbs=future_reporting_verbs
    )[0]


def status_with_reason(
    trigger: Token,
    support: Token | None,
    time: TimeExpression | None,
    report_date: dt.date,
    *,
    future_reporting_verbs: frozenset[str],
) -> tuple[Status, str]:
    """``find_status`` with the words that decided it, for ``accord explain``."""
    verb = support or trigger
    governors = _governors(verb)
    chain = [verb, *(g for g, _ in governors)]
    controllers = {g.i for g, controls in governors if controls}
    if _denied(trigger, support, chain, controllers):
        return "negated", f"negated or refused: '{_words(chain[:2])}'"
    mood = _mood_of_chain(chain, controllers, future_reporting_verbs) or _mood_of_noun_head(trigger, support)
    if mood is not None:
        return mood, f"{mood}: the verb chain '{_words(chain[:2])}' with its auxiliaries and governors"
    if time is not None and time.date is not None and time.timex_type != "SET":
        if time.date > report_date.isoformat()[: len(time.date)]:
            return "planned", f"planned: its date '{time.text}' comes after the report date"
    return "occurred", "occurred: no negation, future, condition or later date"


def _words(tokens: list[Token]) -> str:
    """The words of a verb chain with their auxiliaries and negations, in text order."""
    found = {t.i: t.text for t in tokens}
    for token in tokens:
        found.update({c.i: c.text for c in token.children if c.dep_ in ("aux", "auxpass", "neg", "mark")})
    return " ".join(text for _, text in sorted(found.items()))


def _denied(trigger: Token, support: Token | None, chain: list[Token], controllers: set[int]) -> bool:
    """Whether the act is negated, refused, failed or thwarted; ``chain`` is the verb (the support verb, or
    the trigger) with the verbs above it, ``controllers`` the indexes of those that control it."""
    verb = chain[0]
    if verb.dep_ in ("acl", "xcomp") and verb.head.lemma_.lower() in _NEGATING_NOUNS:
        return True  # "its refusal to recognize Israel", "the failure to reach a deal"
    if support is None and not is_verb(trigger) and trigger.dep_ in ("dobj", "nsubjpass"):
        if trigger.head.lemma_.lower() in _NEGATING_GOVERNORS | _THWARTING:
            return True  # "the security service prevented attacks on Britain", "police foiled a bombing"
    for token in chain:
        if _negated(token) and (token is verb or token.i in controllers):
            return True
        if token.i in controllers and token.lemma_.lower() in _NEGATING_GOVERNORS:
            return True
    return False


def _mood_of_chain(
    chain: list[Token], controllers: set[int], reporting_verbs: frozenset[str]
) -> Status | None:
    """Planned or hypothetical from the auxiliaries, markers and governing verbs of the chain; None if neither.

    Only the verb itself and the verbs that control it (xcomp chain) decide tense and mood.
    """
    for token in chain:
        aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX and _has_condition(token):
            return "hypothetical"  # "will withdraw its troops unless ...": a conditional, i.e. a threat
        if aux & _FUTURE_AUX:
            return "planned"
        if "would" in aux and _reported(token, reporting_verbs) and not _has_condition(token):
            return "planned"  # "announced that Italy would withdraw 300 soldiers": the future of the past
        if aux & _HYPOTHETICAL_AUX:
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKERS for c in token.children):
            return "hypothetical"
        if token.i in controllers and not _FUTURE_GOVERNORS.isdisjoint(_base_forms(token)):
            return "planned"
        if _is_to_be(token):
            return "planned"
    return None


def _base_forms(token: Token) -> set[str]:
    """The word's lemma and its surface stripped of an inflection: the small model lemmatises "hopes" as
    "hop"."""
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    for ending in ("s", "d", "es", "ed"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)])
    return forms


def _mood_of_noun_head(trigger: Token, support: Token | None) -> Status | None:
    """An event noun without a support verb takes the mood of the verb it hangs on: "During the summit, X
    will review ...", "it would bring forward a meeting". None for a verb, or a noun in no such place."""
    if not is_verb(trigger) and any(c.lower_ in _UPCOMING for c in trigger.children if c.dep_ == "amod"):
        return "planned"  # "the upcoming visits", "a planned summit": announced, not yet held
    if (
        is_verb(trigger)
        or support is not None
        or trigger.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "attr")
    ):
        return None
    head = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return "planned"
    if aux & _HYPOTHETICAL_AUX or any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKERS for c in head.children
    ):
        return "hypothetical"
    return None


def is_counterfactual(verb: Token) -> bool:
    """'would have captured the city': what did not happen is neither an act nor a threat."""
    aux = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return "have" in aux and any(a in ("would", "could", "might", "may", "must", "should") for a in aux)


def _reported(verb: Token, reporting_verbs: frozenset[str]) -> bool:
    """The verb's clause is what someone said ("X announced that Y would ...")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in reporting_verbs


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
        elif current.dep_ == "acomp" or (
            current.dep_ == "pobj"
            and current.head.dep_ == "prep"
            and current.head.lower_ not in _TEMPORAL_PREPS
        ):
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
