"""The annotation guide's ``UNK``: an attack whose author the text does not name has an unknown actor.

"A soldier was killed by a roadside bomb", "gunmen opened fire on the convoy": the act has an author,
unnamed. Event datasets record it with an unknown actor rather than none, so that "who attacks whom"
tables count it. Applied to finished records, after mentions of one act are merged, so that an unnamed
mention still merges with a mention that names the author.
"""

from __future__ import annotations

from dataclasses import replace

from accord.coding.context import Candidate, ParsedArticle
from accord.records import Entity, Event

__all__ = ["UNKNOWN_CODE", "unknown_actor", "with_unknown_actor"]

UNKNOWN_CODE = "UNK"
_UNKNOWN_AUTHOR_TYPES = frozenset({"ASSAULT"})


# Nouns that name attackers by what they did, and words that say nothing more of who they are.
_ATTACKER_NOUNS = frozenset(
    {
        "gunman",
        "gunmen",
        "attacker",
        "attackers",
        "assailant",
        "assailants",
        "bomber",
        "bombers",
        "kidnapper",
        "kidnappers",
        "abductor",
        "abductors",
        "militant",
        "militants",
        "insurgent",
        "insurgents",
        "terrorist",
        "terrorists",
        "men",
        "man",
    }
)
_EMPTY_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "some",
        "several",
        "unidentified",
        "unknown",
        "masked",
        "armed",
        "suspected",
        "suicide",
        "two",
        "three",
        "four",
        "five",
        "six",
        "dozens",
        "of",
        "group",
        "a group of",
    }
)


def _anonymous(entity: Entity) -> bool:
    """An attacker the text names only by the act: no nationality, body or name in its words."""
    words = entity.entity_text.lower().split()
    return (
        entity.kind == "group"
        and bool(words)
        and words[-1] in _ATTACKER_NOUNS
        and all(w in _ATTACKER_NOUNS or w in _EMPTY_WORDS or w.isdigit() for w in words)
    )


def unknown_actor(parsed: ParsedArticle, candidate: Candidate) -> Entity:
    """An ``UNK`` entity whose evidence is the candidate's trigger words."""
    tokens = candidate.trigger_tokens
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return _unknown(parsed.article.text[start:end], start, end)


def _unknown(text: str, start: int, end: int) -> Entity:
    return Entity(
        entity_text=text,
        name="unknown (not named in the text)",
        code=UNKNOWN_CODE,
        kind="group",
        start=start,
        end=end,
    )


def with_unknown_actor(event: Event) -> Event:
    """The event with an ``UNK`` actor when it is an attack on someone by nobody named; else unchanged.

    The actor's evidence is the trigger: the words that state the act without its author. Attackers
    named only as such ("gunmen", "unidentified assailants", "the bombers"), which the actor stage
    places in the story's country, are unknown too: the annotation guide's UNK, not a country.
    """
    if event.event in _UNKNOWN_AUTHOR_TYPES and event.actor and all(_anonymous(e) for e in event.actor):
        return replace(event, actor=tuple(replace(e, code=UNKNOWN_CODE) for e in event.actor))
    if event.actor or not event.recipient or event.event not in _UNKNOWN_AUTHOR_TYPES:
        return event
    unknown = _unknown(event.trigger.text, event.trigger.start, event.trigger.end)
    return replace(event, actor=(unknown,))
