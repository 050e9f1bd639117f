"""TimeML documents (``.tml``, or ``.xml`` whose root is ``<TimeML>``), as in TempEval-3.

date = the ``TIMEX3`` with ``functionInDocument="CREATION_TIME"`` (in ``DCT``); id = ``DOCID``;
title = ``TITLE`` without the wire's handling notes; source = the agency of a Gigaword-style id
(``AFP_ENG_...``: AFP, ``XIN_ENG_...``: Xinhua; see ``wire``); text = the ``TEXT`` element's text with its inline tags removed and NOT stripped,
so that offsets count in the TEXT content as given (gold annotations count that way).
"""

from __future__ import annotations

from accord.ingest._common import Limits, clean_field, make_article
from accord.ingest.wire import agency_of, clean_title
from accord.records import Article, Reject


class NotTimeML(Exception):
    """The XML parsed but its root is not ``<TimeML>``; ``root`` names what it is."""

    def __init__(self, root: str) -> None:
        super().__init__(root)
        self.root = root


def read_timeml(xml: str, *, origin: str, fallback_id: str | None, limits: Limits) -> Article | Reject:
    """One article from a decoded TimeML document, or a Reject (malformed XML, no TEXT, no date).

    Raises NotTimeML when the document is well-formed XML of another kind (the caller decides).

    >>> from accord.ingest._common import Limits
    >>> doc = ('<TimeML><DOCID>X1</DOCID><DCT><TIMEX3 tid="t0" value="2005-11-22" '
    ...        'functionInDocument="CREATION_TIME">Nov. 22</TIMEX3></DCT><TEXT>\\nMerkel was '
    ...        '<EVENT eid="e1">elected</EVENT>.\\n</TEXT></TimeML>')
    >>> article = read_timeml(doc, origin="x.tml", fallback_id="x", limits=Limits(None, 1000))
    >>> (article.id, article.date.isoformat(), article.text)
    ('X1', '2005-11-22', '\\nMerkel was elected.\\n')
    """
    from lxml import etree

    # No DTDs, entities or network: input files are untrusted. The text was decoded already.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True, encoding="utf-8"
    )
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=parser)
    except etree.XMLSyntaxError as error:
        return Reject(origin, error.lineno or None, f"malformed XML: {error.msg}", fallback_id)
    if root is None:
        return Reject(origin, None, "empty XML document", fallback_id)
    if etree.QName(root).localname != "TimeML":
        raise NotTimeML(etree.QName(root).localname)

    def first(name: str) -> etree._Element | None:
        found = root.xpath(f"//*[local-name()='{name}']")
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return found[0]
        return None

    docid = first("DOCID")
    article_id = clean_field(docid.text if docid is not None else None) or fallback_id
    text_element = first("TEXT")
    if text_element is None:
        return Reject(origin, None, "TimeML document has no TEXT element", article_id)
    creation = root.xpath("//*[local-name()='TIMEX3'][@functionInDocument='CREATION_TIME']/@value")
    creation = creation if isinstance(creation, list) else []
    title = first("TITLE")
    dct = first("DCT")
    return make_article(
        text="".join(str(part) for part in text_element.itertext()),
        date=str(creation[0]) if creation else None,
        limits=limits,
        origin=origin,
        line=None,
        article_id=article_id,
        title=clean_title(clean_field("".join(str(part) for part in title.itertext())))
        if title is not None
        else None,
        source=agency_of(article_id),
        dateline=_dateline(dct.text if dct is not None else None),
    )


def _dateline(head: str | None) -> str | None:
    """The place of a DCT such as "LEGASPI, Philippines, <TIMEX3>Dec 5</TIMEX3>": the words before the date."""
    if not head:
        return None
    place = head.strip().rstrip(",").strip()
    if not place or len(place) > 60 or any(ch.isdigit() for ch in place):
        return None
    return place
