"""What the rules know of the text around a match: its sentence and the tense that sentence reads in.

Where the direction of a reference is open ("on Monday", "in March", "the weekend") the tense of
the sentence decides, read from cues in the same sentence: the nearest of "will", "is due to",
"plans to", "next" ... (future) or "said", "was", verbs in -ed ... (past). A cue is weak evidence
(it may belong to another clause), so cues more than 15 words away are not read.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from accord.resolve.dates.calendar import Tense
from accord.resolve.dates.lexicon import DateLexicon, alternation

__all__ = ["Context", "cue_pattern"]

# Past 15 words a cue belongs to another clause more often than not.
_MAX_CUE_DISTANCE = 15
_QUOTE_CLOSE = re.compile("(?:''|\"|\u201d)")
# Words in -ed that are no past tense ("need", "united") or say nothing of it ("expected").
_NOT_PAST_ED = frozenset(
    "need indeed speed red bed seed feed breed united based armed hundred limited related "
    "expected scheduled planned proposed alleged detailed advanced concerned interested "
    "reported succeed proceed exceed heed bleed shed embed".split()
)
# Titles and initials ("Mr. Davison", "U.S. President") end with a period but not a sentence.
_ABBREVIATIONS = "Mr Mrs Ms Dr St Gen Col Lt Sgt Capt Adm Sen Rep Gov Pres Prof Rev Jr Sr Gov Co Corp Inc No"
_NOT_SENTENCE_END = "".join(rf"(?<!\b{a}\.)" for a in sorted(set(_ABBREVIATIONS.split()))) + r"(?<!\b[A-Z]\.)"
_SENTENCE_END = re.compile(
    r"[.!?]" + _NOT_SENTENCE_END + r"[\"'\u201d)\]]*\s+(?=[\"'\u201c(\[]?[A-Z])|\n\s*\n"
)
_WORD = re.compile(r"\w+")
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|to)\s+$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_TO_AFTER = re.compile(r"\s+to\b")


def cue_pattern(lexicon: DateLexicon) -> re.Pattern[str]:
    """The tense cues of ``lexicon`` and any word in -ed (group ``ed``), as one pattern."""
    cues = sorted(lexicon.future_cues | lexicon.past_cues, key=len, reverse=True)
    return re.compile(rf"(?<![\w'])(?:{alternation(cues)})(?![\w'])|(?P<ed>\b[a-z]{{2,}}ed\b)", re.IGNORECASE)


@dataclass
class Context:
    """One text being searched: its report date, the lexicon, and its sentences (found on first use).

    ``forced_tense`` (from ``resolve_date(..., tense=...)``) overrides the tense read from cues;
    ``cues`` is ``cue_pattern(lexicon)``, compiled once by the caller.
    """

    text: str
    report_date: dt.date
    forced_tense: Tense | None
    lexicon: DateLexicon
    cues: re.Pattern[str]
    _boundaries: list[int] | None = field(default=None)

    def tense(self, start: int, end: int) -> Tense | None:
        """The tense of the sentence around ``text[start:end]``: the nearest cue decides; None
        when no cue is near enough."""
        if self.forced_tense is not None:
            return self.forced_tense
        s_start, s_end = self.sentence(start, end)
        best: tuple[int, Tense] | None = None
        for m in self.cues.finditer(self.text, s_start, s_end):
            if m.start() < end and start < m.end():
                continue
            cue_tense = self._cue_tense(m)
            if cue_tense is None:
                continue
            distance = self._cue_distance(m, start, end)
            if distance is None or distance > _MAX_CUE_DISTANCE:
                continue
            if best is None or distance < best[0]:
                best = (distance, cue_tense)
        return best[1] if best else None

    def _cue_tense(self, m: re.Match[str]) -> Tense | None:
        """The tense a cue says, None when in its place it says nothing."""
        word = m.group(0).lower()
        norm = _SPACES.sub(" ", word)
        if norm == "next" and _TO_AFTER.match(self.text[m.end() : m.end() + 4]):
            # "next to the embassy" is a place.
            return None
        if norm in self.lexicon.future_cues:
            return "future"
        # A participle after "be"/"is"/"to" ("will be paid", "is based") says nothing of tense.
        passive = _PASSIVE_BEFORE.search(self.text[max(0, m.start() - 12) : m.start()])
        if passive or (m.group("ed") and word in _NOT_PAST_ED):
            return None
        return "past"

    def _cue_distance(self, m: re.Match[str], start: int, end: int) -> int | None:
        """How many words a cue lies from ``text[start:end]``; None when it cannot bind to it."""
        if m.end() <= start:
            return len(_WORD.findall(self.text, m.end(), start))
        if _QUOTE_CLOSE.search(self.text, end, m.start()):
            # '"... leave on Thursday," Castro said': the attribution after a quotation says
            # nothing of the quoted event's time.
            return None
        # A cue after the expression binds less tightly ("on Monday, he said ...").
        return len(_WORD.findall(self.text, end, m.start())) + 3

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The offsets of the sentence around ``text[start:end]``."""
        if self._boundaries is None:
            self._boundaries = [m.end() for m in _SENTENCE_END.finditer(self.text)]
        i = bisect.bisect_right(self._boundaries, start)
        s_start = self._boundaries[i - 1] if i else 0
        j = bisect.bisect_left(self._boundaries, end)
        s_end = self._boundaries[j] if j < len(self._boundaries) else len(self.text)
        return s_start, s_end
