"""The one way Accord makes ids from content, used by every entry point.

An article that comes without an id (standard input, a JSON record without ``id``, ``accord.extract``)
is named after its text, so the same text gets the same id whichever way it came in; an event is
named after its article, its trigger's offset and its CAMEO code.

>>> article_id_for_text("India and Russia signed.")
'sha256-860fcc0364d83f5c'
"""

from __future__ import annotations

import hashlib

__all__ = ["article_id_for_text", "event_id", "flag_id", "record_id"]


def article_id_for_text(text: str) -> str:
    """``sha256-`` and the first 16 hex digits of SHA-256 of the text (UTF-8; lone surrogates kept)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256-{digest[:16]}"


def event_id(article_id: str, trigger_start: int, cameo: str) -> str:
    """A stable event id: ``ev-`` and 16 hex digits of SHA-1 of article id, trigger offset and code.

    >>> event_id("a1", 10, "057")
    'ev-4795a331b42124af'
    """
    digest = hashlib.sha1(f"{article_id}\x1f{trigger_start}\x1f{cameo}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def record_id(record_type: str, article_id: str, start: int) -> str:
    """A stable id for an agreement, deal or meeting: a prefix (``ag-``, ``de-``, ``me-``) and 16 hex
    digits of SHA-1 of the record type, article id and the offset of its first mention.

    >>> record_id("meeting", "a1", 10)
    'me-4126579561196ac7'
    """
    digest = hashlib.sha1(f"{record_type}\x1f{article_id}\x1f{start}".encode()).hexdigest()
    return f"{record_type[:2]}-{digest[:16]}"


def flag_id(event_id: str, problem: str, note: str, created_at: str) -> str:
    """An analyst's flag on an event: ``fl-`` and 16 hex digits of SHA-1 of the event id, the problem,
    the note and the time it was made (ISO), so that two flags made apart are two flags.

    >>> flag_id("ev-4795a331b42124af", "type", "a visit, not an attack", "2024-01-02T03:04:05")
    'fl-3da5dc102c94ca68'
    """
    digest = hashlib.sha1(f"{event_id}\x1f{problem}\x1f{note}\x1f{created_at}".encode()).hexdigest()
    return f"fl-{digest[:16]}"
