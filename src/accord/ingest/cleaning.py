"""Clean text in: control characters and terminal escape sequences become spaces.

News text comes from files and feeds nobody checked. A control character (other than newline and
tab) or an ANSI escape sequence (``ESC [ 31 m``, ``ESC ] ... BEL``) is never part of what a report
says, and printed raw it can recolour, move or rewrite an analyst's terminal. Each one is replaced
by spaces of the same length, so that every offset into the stored text is also the offset into
the input as it was read (annotations made on the input stay true). A carriage return that ends
a line (CR LF) is a line end and stays; a lone one, which makes a terminal write over the line,
does not.

>>> clean_text("India\\x1b[31m signed\\x07.")
'India      signed .'
>>> len(clean_text("a\\x1b]0;title\\x07b")) == len("a\\x1b]0;title\\x07b")
True
"""

from __future__ import annotations

import re

__all__ = ["clean_text", "has_control_characters", "strip_control_characters"]

# ESC-introduced sequences: CSI (ESC [ params final), OSC (ESC ] ... BEL or ESC \), and the
# two-character escapes (ESC followed by one byte in @-_ or a charset designator).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI; the final byte may be missing at the end of a text
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, ended by BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # the one-character (C1) CSI
)
# C0 controls but tab, newline and the CR of CR LF; DEL; the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def has_control_characters(text: str) -> bool:
    """Whether ``text`` holds a character that ``clean_text`` would replace."""
    return _CONTROL.search(text) is not None


def clean_text(text: str) -> str:
    """``text`` with escape sequences and control characters (not newline or tab) as spaces.

    The result has the same length as ``text``; it is ``text`` itself when nothing was found.
    """
    if not has_control_characters(text):
        return text
    return _CONTROL.sub(" ", _ESCAPE_SEQUENCE.sub(_blank, text))


def strip_control_characters(value: str) -> str:
    """A metadata value (title, url, source, id) with escape sequences and controls removed."""
    if not has_control_characters(value):
        return value
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", value))
