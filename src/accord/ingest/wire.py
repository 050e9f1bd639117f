"""Newswire conventions: the agency in a document id, and handling notes in headlines.

Both come from ``data/wire.tsv`` (loaded on first use): ``agency_of("AFP_ENG_19970401.0006")`` is the
agency whose prefix the id carries; ``clean_title`` removes the wire's notes ("=(PICTURE)=",
"URGENT:", "(picture)") from a headline, and gives None for a headline that is nothing else.

>>> agency_of("XIN_ENG_20051122.0105"), agency_of("report-17")
('Xinhua', None)
>>> clean_title("URGENT: Six-party talks begins in Beijing"), clean_title("=(PICTURE)=")
('Six-party talks begins in Beijing', None)
"""

from __future__ import annotations

import functools
import re

from accord.base.tsv import data_file, read_tsv

__all__ = ["agency_of", "clean_title"]


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], tuple[re.Pattern[str], ...]]:
    agencies: dict[str, str] = {}
    slugs: list[re.Pattern[str]] = []
    for row in read_tsv(data_file("accord.ingest", "wire.tsv"), required=("kind", "key", "value")):
        if row["kind"] == "agency":
            agencies[row["key"]] = row["value"]
        elif row["kind"] == "slug":
            try:
                slugs.append(re.compile(row["key"], re.IGNORECASE))
            except re.error as error:
                raise row.error(f"bad regular expression: {error}") from None
        else:
            raise row.error(f"kind {row['kind']!r} is not agency or slug")
    return agencies, tuple(slugs)


def agency_of(document_id: str | None) -> str | None:
    """The agency named by the prefix of a wire document id (``AFP_ENG_...``), or None."""
    if not document_id or "_" not in document_id:
        return None
    return _tables()[0].get(document_id.split("_", 1)[0].upper())


def clean_title(title: str | None) -> str | None:
    """``title`` without the wire's handling notes, spaces collapsed; None when nothing is left."""
    if title is None:
        return None
    for slug in _tables()[1]:
        title = slug.sub("", title)
    return " ".join(title.split()) or None
