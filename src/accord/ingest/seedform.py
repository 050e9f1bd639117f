"""The seed's form: a text file that starts with ``date YYYY-MM-DD `` and then the article.

The article text is what follows the header with the surrounding whitespace stripped; the output
contract counts offsets in that stripped text.
"""

from __future__ import annotations

import re

from accord.ingest._common import Limits, make_article, normalise_newlines
from accord.records import Article, Reject

# "date" then a date-shaped token; extra spaces (or a colon, "Date:") are tolerated. The token must
# look like a date, so that a plain article opening with the word "date" is not taken for a header.
_HEADER = re.compile(r"\A\s*date\s*:?\s+(\d{4}-\d{1,2}-\d{1,2})(?=\s|\Z)", re.IGNORECASE)


def split_date_header(text: str) -> tuple[str, str] | None:
    """``(date as written, rest of the text)`` when ``text`` starts with a date header, else None.

    >>> split_date_header(" date 2021-12-06 In a key development")
    ('2021-12-06', ' In a key development')
    >>> split_date_header("Date night at the cinema") is None
    True
    """
    match = _HEADER.match(text.lstrip("\ufeff"))
    if match is None:
        return None
    return match.group(1), text.lstrip("\ufeff")[match.end() :]


def read_seed_text(text: str, *, origin: str, article_id: str | None, limits: Limits) -> Article | Reject:
    """One article from text in the seed's form (the header is required here).

    ``article_id`` None means "hash the content" (standard input). Line ends are normalised to ``\\n``.

    >>> from accord.ingest._common import Limits
    >>> read_seed_text("date 2021-12-06  India and Russia signed.\\r\\n", origin="x.txt",
    ...                article_id="x", limits=Limits(None, 1000)).text
    'India and Russia signed.'
    """
    header = split_date_header(text)
    if header is None:
        return Reject(origin, None, "no 'date YYYY-MM-DD' header", article_id)
    date, body = header
    return make_article(
        text=normalise_newlines(body).strip(),
        date=date,
        limits=limits,
        origin=origin,
        line=None,
        article_id=article_id,
    )
