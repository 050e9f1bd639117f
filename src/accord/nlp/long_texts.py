"""Parsing texts longer than the parser takes at once: split at natural bounds, parse, join.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088) and needs about
1 GB of memory per 100,000 characters parsed at once. A longer text is cut into pieces of at most
``limit`` characters, each ending after a paragraph break when there is one in reach, else after
a sentence end, else after a space (a word is cut only when a piece has no space at all); the
pieces are parsed one at a time and joined with ``Doc.from_docs``. Every piece keeps its trailing
whitespace, so the joined document's text is the input text exactly and character offsets stay
true; ``parse_long_text`` checks that and raises ``ValueError`` otherwise.

>>> split_text("One. Two.\\n\\nThree.", 12)
['One. Two.\\n\\n', 'Three.']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_CHUNK_CHARS", "parse_long_text", "split_text"]

# Well under spaCy's max_length, and a size the parser handles in a few hundred MB.
DEFAULT_CHUNK_CHARS = 100_000

# Where a piece may end: after a blank line, after a sentence end and its spaces, after a space.
_BOUNDS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def split_text(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters whose concatenation is ``text``.

    Raises ``ValueError`` for a ``limit`` under 1.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """The end of the piece beginning at ``start``: the last bound of the best kind before ``stop``.

    A bound in the first half of the window is not taken when a finer kind has one later, so that
    pieces stay long; a piece always holds at least one character.
    """
    window = text[start:stop]
    half = len(window) // 2
    for bound in _BOUNDS:
        ends = [m.end() for m in bound.finditer(window) if m.end() < len(window) or stop == len(text)]
        late = [end for end in ends if end > half]
        if late:
            return start + late[-1]
    for bound in _BOUNDS:
        ends = [m.end() for m in bound.finditer(window) if 0 < m.end() <= len(window)]
        if ends:
            return start + ends[-1]
    return stop


def parse_long_text(nlp: Language, text: str, limit: int = DEFAULT_CHUNK_CHARS) -> Doc:
    """One ``Doc`` of ``text`` parsed in pieces of at most ``limit`` characters (see above).

    Raises ``ValueError`` when the joined document's text is not ``text`` (offsets would be wrong),
    and whatever spaCy raises for a piece.
    """
    from spacy.tokens import Doc

    pieces = split_text(text, limit)
    if len(pieces) == 1:
        return nlp(text)
    docs = list(nlp.pipe(pieces, batch_size=1))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    if joined.text != text:
        raise ValueError("the parsed pieces of a long text do not add up to the text")
    return joined
