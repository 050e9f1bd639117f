"""Toll sentences: later sentences of the event's paragraph that only state how many were hurt.

A verbless one ("2 fatalities.", "Three dead.") counts for every event before it in the paragraph; a
clause that only states the toll ("Six soldiers died and two others were injured.", "Three people were
killed.", "The army sustained 1 fatality.") counts in one of the two sentences right after the event's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from accord.base.syntax import doc_text, has_agent, is_passive
from accord.coding.casualties.words import SUBJECT_VERBS, VERBS, casualty_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["toll_clauses", "toll_sentences"]

# Verbs whose clause states a toll without naming who caused it ("the army sustained 1 fatality", "the attack
# resulted in 3 deaths", "two deaths were reported").
_TOLL_VERBS = frozenset(
    {"sustain", "suffer", "result", "report", "record", "confirm", "leave", "be", "cause"}
)
_TOLL_REACH = 2  # sentences after the event's in which a toll clause still counts for it


def toll_sentences(doc: Doc, sentence: Span) -> Iterator[Span]:
    """Verbless sentences later in the same paragraph that state a toll: "2 fatalities.", "Three dead."."""
    position = sentence.end
    while position < len(doc):
        other = doc[position].sent
        if other.end <= position or _new_paragraph(doc, sentence, other):
            return
        if (
            len(other) <= 6
            and not any(t.pos_ in ("VERB", "AUX") for t in other)
            and any(t.like_num for t in other)
        ):
            yield other
        position = other.end


def toll_clauses(doc: Doc, sentence: Span) -> Iterator[Span]:
    """The next sentences of the paragraph (at most ``_TOLL_REACH``) whose main clause only states a toll.

    Stops at the first sentence that does anything else: a later act has its own casualties.
    """
    position, seen = sentence.end, 0
    while position < len(doc) and seen < _TOLL_REACH:
        other = doc[position].sent
        if other.end <= position or _new_paragraph(doc, sentence, other):
            return
        if not _states_toll(other):
            return
        yield other
        seen += 1
        position = other.end


def _new_paragraph(doc: Doc, sentence: Span, other: Span) -> bool:
    """A blank line lies between the two sentences, or inside the other one."""
    return "\n\n" in doc_text(doc)[sentence.end_char : other.start_char] or any(
        "\n\n" in t.text for t in other
    )


def _states_toll(sentence: Span) -> bool:
    """A main clause that reports casualties and nothing more: a casualty verb with no one named as its author
    ("Three people were killed", "Six soldiers died"), or a toll verb with a casualty word ("resulted in 1
    fatality")."""
    root = sentence.root
    lemma = root.lemma_.lower()
    if lemma in VERBS and lemma != "gun":
        if has_agent(root):
            return False  # "were killed by the army": an act with its author, coded on its own
        return is_passive(root) or lemma in SUBJECT_VERBS
    if lemma in _TOLL_VERBS:
        return any(unit for word, unit in casualty_words(sentence) if word.pos_ != "VERB")
    return False
