"""Helpers shared by the readers: decoding bytes, dates, ids and the checks every article passes.

Nothing here raises to the caller of ``read_articles``: problems are ``Problem`` exceptions that the
readers turn into ``Reject`` records on the spot.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass

from accord.base.ids import article_id_for_text
from accord.base.report_dates import report_date_problem
from accord.ingest.cleaning import clean_text, strip_control_characters
from accord.records import Article, Reject

# A file's first bytes, enough to sniff its kind and find a BOM, an XML declaration or an HTML meta.
HEAD_BYTES = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")

_DATE = re.compile(
    r"""\A\s*(\d{4})-(\d{1,2})-(\d{1,2})        # the calendar date
    (?:[T\ ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?  # an optional time of day
       \s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*\Z    # and zone, which we do not apply (see parse_date)
    """,
    re.VERBOSE,
)

# Lone surrogates are what ``errors="surrogateescape"`` makes of bytes that are not UTF-8.
_UNDECODED = re.compile("[\udc80-\udcff]")


class Problem(Exception):
    """A reason to reject one input or record; ``reason`` is the one line shown to the analyst."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    """What every article must meet: a date to fall back on, and a maximum size."""

    default_date: dt.date | None
    max_chars: int


def bom_encoding(head: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``head``, or None.

    >>> bom_encoding(b"\\xef\\xbb\\xbfdate 2021-12-06")
    'utf-8-sig'
    """
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    return None


def declared_charset(head: bytes) -> str | None:
    """The charset that an XML declaration or an HTML ``<meta>`` in ``head`` states, or None."""
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head[:HEAD_BYTES])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, markup: bool = False) -> str:
    """Decode a whole file: UTF-8 (with or without BOM), another BOM's codec, or for markup the
    charset its XML declaration or ``<meta>`` states. Never guesses: anything else is a Problem.

    Raises Problem for binary content (NUL bytes) and for bytes that are not valid in the codec.

    >>> decode_bytes("café".encode("utf-8"))
    'café'
    """
    codec = bom_encoding(data[:4])
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError as error:
            raise Problem(f"not valid {codec} text despite its byte-order mark ({error.reason})") from None
    if b"\x00" in data:
        raise Problem("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        if markup:
            charset = declared_charset(data[:HEAD_BYTES])
            if charset is not None and charset != "utf-8":
                try:
                    return data.decode(charset)
                except UnicodeDecodeError:
                    raise Problem(f"not valid {charset} text as its markup declares ({first_bad})") from None
        raise Problem(f"not UTF-8 text ({first_bad}); re-save it as UTF-8") from None


def stream_encoding(head: bytes) -> str:
    """The codec to open a line-by-line stream with, from its first bytes (a BOM, else UTF-8)."""
    return bom_encoding(head) or "utf-8"


def looks_binary(head: bytes) -> bool:
    """True when the first bytes hold NUL bytes and no BOM explains them (UTF-16/32 text has NULs)."""
    return b"\x00" in head and bom_encoding(head) is None


def has_undecodable(text: str) -> bool:
    """True when ``text`` (decoded with surrogateescape) came from bytes that were not valid text."""
    return _UNDECODED.search(text) is not None


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become ``\\n``, as Python's own text mode would read them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_date(value: object) -> dt.date:
    """A report date from ``YYYY-MM-DD`` or an ISO date-time (its calendar date as written).

    The zone is not applied on purpose: the report date is the day the publisher printed, and
    converting ``2021-12-06T23:30+05:30`` to UTC would move it to the day before.

    >>> parse_date("2021-12-06T10:15:00Z")
    datetime.date(2021, 12, 6)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise Problem(f"unparseable date {value!r}: expected YYYY-MM-DD")
    match = _DATE.match(value)
    if match is None:
        raise Problem(f"unparseable date {_shorten(value)!r}: expected YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise Problem(f"unparseable date {value.strip()!r}: {error}") from None


def clean_field(value: object) -> str | None:
    """A metadata field (title, url, source, id) as a stripped string without control characters
    (see ``cleaning``), or None when absent or empty."""
    if value is None:
        return None
    text = strip_control_characters(str(value)).strip()
    return text or None


def make_article(
    *,
    text: str,
    date: object,
    limits: Limits,
    origin: str,
    line: int | None,
    article_id: str | None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    dateline: str | None = None,
) -> Article | Reject:
    """Check one article (text present, within max_chars, a valid date) and build it, or reject it.

    ``date`` is the raw value found in the input (None when it has none); ``article_id`` None means
    "use the content hash". Control characters and escape sequences in the text become spaces
    (``cleaning.clean_text``: offsets stay those of the input); a report date outside
    ``accord.base.report_dates``' range is a reject.
    """
    text = clean_text(text)
    if not text.strip():
        return Reject(origin, line, "empty text", article_id)
    if len(text) > limits.max_chars:
        return Reject(
            origin,
            line,
            f"article is {len(text):,} characters, over the limit of {limits.max_chars:,} (max_chars)",
            article_id,
        )
    if has_undecodable(text):
        return Reject(origin, line, "text is not valid UTF-8", article_id)
    if date is None or (isinstance(date, str) and not date.strip()):
        if limits.default_date is None:
            return Reject(origin, line, "no date: pass --date YYYY-MM-DD", article_id)
        report_date = limits.default_date
    else:
        try:
            report_date = parse_date(date)
        except Problem as problem:
            return Reject(origin, line, problem.reason, article_id)
    out_of_range = report_date_problem(report_date)
    if out_of_range is not None:
        return Reject(origin, line, out_of_range, article_id)
    return Article(
        id=article_id or article_id_for_text(text),
        date=report_date,
        text=text,
        title=title,
        url=url,
        source=source,
        origin=origin,
        line=line,
        dateline=dateline,
    )


def _shorten(value: str, width: int = 40) -> str:
    value = value.strip()
    return value if len(value) <= width else value[: width - 1] + "…"
