"""Plain text: the whole file is the article; the date comes from a seed-form header or ``--date``."""

from __future__ import annotations

from accord.ingest._common import Limits, make_article, normalise_newlines
from accord.ingest.seedform import read_seed_text, split_date_header
from accord.records import Article, Reject


def read_plain_text(text: str, *, origin: str, article_id: str | None, limits: Limits) -> Article | Reject:
    """One article from a text file: the seed's form when it has the header, else the whole text
    (stripped, line ends normalised) dated with ``limits.default_date``, else a Reject.

    >>> import datetime as dt
    >>> from accord.ingest._common import Limits
    >>> read_plain_text("Talks resumed.\\n", origin="a.txt", article_id="a",
    ...                 limits=Limits(dt.date(2021, 12, 6), 1000)).date
    datetime.date(2021, 12, 6)
    """
    if split_date_header(text) is not None:
        return read_seed_text(text, origin=origin, article_id=article_id, limits=limits)
    return make_article(
        text=normalise_newlines(text.lstrip("\ufeff")).strip(),
        date=None,
        limits=limits,
        origin=origin,
        line=None,
        article_id=article_id,
    )
