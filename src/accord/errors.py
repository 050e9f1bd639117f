"""Accord's exceptions.

    AccordError                 base of everything Accord raises on purpose
    ├── InputError              an input could not be read as an article (file, line, reason)
    ├── DataFileError           a shipped or user data file (lexicon, code table) is malformed (file:line)
    ├── ModelNotInstalledError  no spaCy English model is installed; says what to pip install
    └── StoreError              the database could not be opened or written

Bad input is normally not raised at all: readers yield a ``Reject`` record and go on, so that
one bad record never stops a batch. ``InputError`` is for callers that read one article at a time.
"""

from __future__ import annotations


class AccordError(Exception):
    """Base class of Accord's own errors."""


class InputError(AccordError):
    def __init__(self, origin: str, line: int | None, reason: str) -> None:
        self.origin = origin
        self.line = line
        self.reason = reason
        where = origin if line is None else f"{origin}:{line}"
        super().__init__(f"{where}: {reason}")


class DataFileError(AccordError, ValueError):
    """A data file row that cannot be used; the message starts with ``file:line``."""

    def __init__(self, origin: str, line: int, reason: str) -> None:
        self.origin = origin
        self.line = line
        self.reason = reason
        super().__init__(f"{origin}:{line}: {reason}")


class ModelNotInstalledError(AccordError):
    pass


class StoreError(AccordError):
    pass
