"""Accord's exceptions.

    AccordError                 base of everything Accord raises on purpose
    ├── InputError              an input could not be read as an article (file, line, reason)
    ├── DataFileError           a shipped or user data file (lexicon, code table) is malformed (file:line)
    ├── ModelNotInstalledError  no spaCy English model is installed; says what to pip install
    ├── EngineError             a worker process died, or the Ray engine failed or is not installed
    └── StoreError              the database could not be opened or written
        ├── DatabaseBusyError       another process holds the file's lock (DuckDB: one writer or many readers)
        ├── ArticleConflictError    the id is stored with another text, and no update was asked for
        └── UnstorableArticleError  a value of the article cannot be stored (nothing of it was written)

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


class EngineError(AccordError):
    """The engine running the stages failed as a whole (not one article): a worker process died
    or could not load the model, the Ray extra is missing, or the cluster cannot be reached."""


class StoreError(AccordError):
    pass


class DatabaseBusyError(StoreError):
    """The database file is locked by another process: a writer, or readers when we want to write."""


class ArticleConflictError(StoreError):
    """An article's id is already stored with a different text (and date); ``origin``/``line`` say
    where the stored one came from."""

    def __init__(self, article_id: str, origin: str | None, line: int | None) -> None:
        self.article_id = article_id
        self.origin = origin
        self.line = line
        where = "" if origin is None else f" from {origin}" + ("" if line is None else f":{line}")
        super().__init__(f"article id {article_id!r} is already stored{where} with a different text")


class UnstorableArticleError(StoreError):
    """One article cannot be stored (a value the tables cannot hold); the database is unchanged."""
