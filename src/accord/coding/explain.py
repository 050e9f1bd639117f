"""Why the coder produced each event, in words an analyst can check against the text.

For every mention of an event (a trigger that stated it) ``explain_mention`` records the lexicon row that
matched (file and line), the code and why it changed (a planned act, a vow of force, a riot), which words
gave each side and how they were found (the verb's subject or object, a preposition, the nearest actor,
inherited sides, the place of the act, the guide's unknown actor), which phrase gave the date, and why
the status is what it is. ``EventExplanation`` gathers the mentions merged into one event. Dropped
candidates are explained by ``drops.DroppedCandidate``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from accord.coding.context import Candidate, ParsedArticle
from accord.coding.sides import Sides
from accord.records import Entity, Event, TimeExpression, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["EventExplanation", "MentionExplanation", "SideReason", "explain_mention", "unknown_actor_reason"]

_ROLE_NAMES = {
    "nsubj": "subject",
    "nsubjpass": "passive subject",
    "csubj": "subject",
    "dobj": "direct object",
    "obj": "direct object",
    "dative": "indirect object",
    "attr": "complement",
    "poss": "possessor",
    "compound": "modifier",
    "amod": "modifier",
    "nmod": "modifier",
    "appos": "apposition",
    "agent": "'by' phrase",
}


@dataclass(frozen=True)
class SideReason:
    """One entity on one side: its code and name, the words that named it, and how they were found."""

    code: str
    name: str
    words: str
    start: int
    end: int
    how: str


@dataclass(frozen=True)
class MentionExplanation:
    """Why one trigger gave the event it gave."""

    trigger: Trigger
    rule: str
    code: str
    recoded: str | None
    actor: tuple[SideReason, ...]
    recipient: tuple[SideReason, ...]
    date: str
    status: str
    confidence: str


@dataclass(frozen=True)
class EventExplanation:
    """An event and the mentions that stated it (several when mentions of one act were merged)."""

    event_id: str
    summary: str
    mentions: tuple[MentionExplanation, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def explain_mention(
    parsed: ParsedArticle,
    candidate: Candidate,
    event: Event,
    sides: Sides,
    time: TimeExpression | None,
    status_reason: str,
    arguments: tuple[Sequence[Token], Sequence[Token]],
) -> MentionExplanation:
    """The explanation of one built event; ``arguments`` are the actor and recipient words of the parse."""
    rule = candidate.rule
    original = candidate.code
    rule_text = (
        f"{rule.origin or 'built-in rule'}: {rule.lemma}{'+' + rule.particle if rule.particle else ''}"
    )
    rule_text += f" ({rule.pos}, object {rule.object_text}) -> CAMEO {original.cameo} {original.event}"
    recoded = None
    if (event.cameo, event.event) != (original.cameo, original.event):
        recoded = (
            f"{original.cameo} {original.event} -> {event.cameo} {event.event}: {_recoding_reason(event)}"
        )
    return MentionExplanation(
        trigger=event.trigger,
        rule=rule_text,
        code=f"{event.cameo} {event.event}" + (f" (mode {event.mode})" if event.mode else ""),
        recoded=recoded,
        actor=tuple(_side(parsed, candidate, e, arguments[0], sides, actor=True) for e in event.actor),
        recipient=tuple(
            _side(parsed, candidate, e, arguments[1], sides, actor=False) for e in event.recipient
        ),
        date=_date_reason(event, time),
        status=status_reason,
        confidence=_confidence_reason(event, sides),
    )


def unknown_actor_reason(explanation: MentionExplanation, event: Event) -> MentionExplanation:
    """The mention's explanation with the guide's unknown actor, when the finished event got one."""
    if explanation.actor or [e.code for e in event.actor] != ["UNK"]:
        return explanation
    unknown = event.actor[0]
    reason = SideReason(
        unknown.code,
        unknown.name,
        unknown.entity_text,
        unknown.start,
        unknown.end,
        "the text names no author of the attack: the annotation guide's unknown actor (UNK)",
    )
    return replace(explanation, actor=(reason,))


def _recoding_reason(event: Event) -> str:
    if event.status in ("planned", "hypothetical") and event.event in ("AGREE", "THREATEN", "CONCEDE"):
        return (
            f"the act is {event.status}: PLOVER codes intended cooperation as AGREE, "
            "announced force as THREATEN, an announced retreat as CONCEDE"
        )
    if event.event == "THREATEN":
        return "a vow or pledge whose content is force or coercion is a threat (PLOVER THREATEN)"
    return "the sentence gives the trigger another reading (criticism, riot, official complaint)"


def _side(
    parsed: ParsedArticle,
    candidate: Candidate,
    entity: Entity,
    words: Sequence[Token],
    sides: Sides,
    *,
    actor: bool,
) -> SideReason:
    return SideReason(
        code=entity.code,
        name=entity.name,
        words=entity.entity_text,
        start=entity.start,
        end=entity.end,
        how=_how(parsed, candidate, entity, words, sides, actor=actor),
    )


def _how(
    parsed: ParsedArticle,
    candidate: Candidate,
    entity: Entity,
    words: Sequence[Token],
    sides: Sides,
    *,
    actor: bool,
) -> str:
    trigger = candidate.trigger_tokens
    if entity.code == "UNK":
        return "the text names no author of the attack: the annotation guide's unknown actor (UNK)"
    if entity.name.startswith("authorities of "):
        return "an arrest stated without its author: the authorities of the story's home"
    if trigger and entity.start == min(t.idx for t in trigger):
        return "stands for the act's unsaid author"
    if entity.entity_text != entity.name and "two" in entity.entity_text.lower().split():
        return f"'{entity.entity_text}' stands for the two parties named before"
    token = _token_at(parsed, entity.start)
    if token is not None:
        for word in words:
            if token.i in {t.i for t in word.subtree}:
                return _role(word, candidate)
    for word in words:
        owner = next((c for c in word.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and word.dep_ == "nsubjpass":
            return f"'{owner.text}' in '{owner.text} {word.text}' (what was hit) stands for it"
    if any(loc.start == entity.start for loc in parsed.context.locations) and entity.kind == "country":
        return "the place where the act fell stands for the side the text leaves unnamed"
    if sides.guesses.inherited:
        return "inherited from the previous event's sides (this sentence names no side)"
    if sides.guesses.target_is_place and not actor:
        return "the place where the act fell stands for its target"
    if actor and sides.guesses.actor_by_position:
        return "the nearest actor to the left of the trigger (the parse gives no subject)"
    if not actor and sides.guesses.recipient_by_position:
        return "the nearest actor to the right of the trigger (the parse gives no object)"
    if sides.symmetric:
        return "a joint act: named together with the other side, each acts with the other"
    return "named near the trigger"


def _role(word: Token, candidate: Candidate) -> str:
    """How an argument word relates to the trigger (or the support verb of an event noun)."""
    head = candidate.support or candidate.token
    if word.dep_ == "pobj" and word.head.dep_ in ("prep", "agent"):
        role = f"object of '{word.head.text}'"
    else:
        role = _ROLE_NAMES.get(word.dep_, word.dep_)
    verb = "support verb" if candidate.support is not None else "trigger"
    return f"{role} of the {verb} '{head.text}' in the parse"


def _token_at(parsed: ParsedArticle, start: int) -> Token | None:
    span = parsed.doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _date_reason(event: Event, time: TimeExpression | None) -> str:
    if time is None:
        return f"no date phrase belongs to this act: the report date {event.report_date}"
    value = time.date or time.timex
    span = f" to {time.enddate}" if time.enddate else ""
    return f"'{time.text}' ({value}{span}, resolved against the report date {event.report_date})"


def _confidence_reason(event: Event, sides: Sides) -> str:
    guesses = sides.guesses
    notes = [
        note
        for flag, note in (
            (guesses.actor_by_position, "actor guessed by position (-0.15)"),
            (guesses.recipient_by_position, "recipient guessed by position (-0.10)"),
            (guesses.target_is_place, "target is the place (-0.10)"),
            (guesses.inherited, "sides inherited (-0.20)"),
        )
        if flag
    ]
    return f"{event.confidence:.2f}: " + ("; ".join(notes) if notes else "both sides read off the parse")
