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

    The actor's evidence is the trigger: the words that state the act without its author.
    """
    if event.actor or not event.recipient or event.event not in _UNKNOWN_AUTHOR_TYPES:
        return event
    unknown = _unknown(event.trigger.text, event.trigger.start, event.trigger.end)
    return replace(event, actor=(unknown,))
