"""HTML pages: the main text through trafilatura; title, date, url and site from the page's metadata.

The date is taken only from the page's own markup (meta tags, JSON-LD, ``<time>``), never guessed
from the body text; a page without one needs ``--date``.
"""

from __future__ import annotations

from accord.ingest._common import Limits, clean_field, make_article
from accord.records import Article, Reject


def read_html(html: str, *, origin: str, article_id: str | None, limits: Limits) -> Article | Reject:
    """One article from a decoded HTML page, or a Reject when it has no main text or no date.

    >>> from accord.ingest._common import Limits
    >>> page = ('<html><head><title>Talks</title><meta property="article:published_time" '
    ...         'content="2021-12-06T09:00:00+05:30"></head><body><article><p>' + 'India and '
    ...         'Russia signed four defence agreements on Monday in New Delhi. ' * 3 + '</p></article>'
    ...         '</body></html>')
    >>> read_html(page, origin="p.html", article_id="p", limits=Limits(None, 10_000)).date
    datetime.date(2021, 12, 6)
    """
    # Imported here: trafilatura takes a while to import and only HTML inputs need it.
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        # Dates from markup only: extensive search guesses from the body text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if isinstance(document, dict):  # only with as_dict=True, which is not asked for
        raise TypeError("trafilatura returned a dict")
    text = (document.text or "").strip() if document is not None else ""
    if document is None or not text:
        return Reject(origin, None, "no main text found in the HTML page", article_id)
    return make_article(
        text=text,
        date=document.date,
        limits=limits,
        origin=origin,
        line=None,
        article_id=article_id,
        title=clean_field(document.title),
        url=clean_field(document.url),
        source=clean_field(document.sitename),
    )
