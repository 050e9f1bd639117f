"""The words two mentions of one event share: content words of a sentence, reduced to a common stem.

Reports of one event rarely use the same sentence, but they share its content words ("destroyed an
Iranian oil platform" / "the destruction of the oil platform"): lower-cased alphabetic tokens of three
letters or more, without the function and reporting words of ``data/stopwords.tsv``, each cut to a
crude stem so that "attacked", "attacks" and "attacking" meet. No model: the stems only need to agree
between two sentences, not to be words.

>>> sorted(content_words("U.S. warships attacked and destroyed an Iranian oil platform on Monday."))
['attack', 'destroy', 'iranian', 'oil', 'platform', 'warship']
>>> stem("bombings"), stem("shelled"), stem("talks"), stem("striking") == stem("strikes")
('bomb', 'shell', 'talk', True)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from accord.base.tsv import data_file, read_tsv

__all__ = ["content_words", "jaccard", "stem", "stopwords", "trigger_words"]

_TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
# Longest first: the first ending that leaves a stem of four letters or more is cut.
_ENDINGS = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly")
_MIN_STEM = 4


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The words of ``data/stopwords.tsv`` (function and reporting words), lower case."""
    return frozenset(row["word"].lower() for row in read_tsv(data_file("accord.link", "stopwords.tsv")))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem of a lower-case word: the possessive and the first of ``_ENDINGS`` that leaves
    at least four letters (three before "s" and "ed") are cut, a doubled last consonant is undoubled
    and a final "e" dropped, so that "strike", "strikes" and "striking" meet ("strik")."""
    word = word.removesuffix("'s").strip("'-")
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM - (ending in ("s", "ed")):
            base = word[: -len(ending)]
            if ending in ("ies", "ied"):
                base += "y"
            elif ending == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
                base += "e"  # "strikes": the "e" is the word's own
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "planned" -> "plan"
            word = base
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _tokens(text: str) -> Iterable[str]:
    return _TOKEN.findall(text.lower())


def content_words(text: str) -> frozenset[str]:
    """The stems of ``text``'s content words (three letters or more, stopwords left out)."""
    stop = stopwords()
    return frozenset(stem(t) for t in _tokens(text) if len(t) >= 3 and t not in stop)


def trigger_words(text: str) -> frozenset[str]:
    """The stems of a trigger's words, stopwords left out unless nothing else is left ("talks",
    "held talks", "launched a retaliatory strike" -> launch, retaliatory, strike)."""
    stop = stopwords()
    tokens = [t for t in _tokens(text) if len(t) >= 3]
    kept = [t for t in tokens if t not in stop] or tokens
    return frozenset(stem(t) for t in kept)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a & b| / |a | b|, 0.0 when both are empty.

    >>> jaccard(frozenset({"oil", "platform"}), frozenset({"oil", "rig"}))
    0.3333333333333333
    """
    union = len(a | b)
    return len(a & b) / union if union else 0.0
