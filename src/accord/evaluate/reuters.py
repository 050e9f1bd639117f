"""Read Reuters-21578 (``shared/data/reuters21578``, SGML, 1987) into ``Article`` records.

Each ``<REUTERS ... NEWID="n">`` element becomes one article: id ``reut-<n>``, report date the day of
``<DATE>`` ("19-OCT-1987 09:13:47.65"), title ``<TITLE>``, the wire dateline's place from
``<DATELINE>`` ("WASHINGTON, Oct 19 -" -> "WASHINGTON"), and the text of ``<BODY>``: the wire's hard
line breaks are unwrapped, each indented line starts a paragraph, and the closing "Reuter" sign-off is
dropped. Articles without a body are skipped. The corpus is research-only: it is read from
``../shared`` and never copied into the repository.

>>> parse_body("U.S. warships attacked\\nan oil platform.\\n    He said so.\\n Reuter\\n")
'U.S. warships attacked an oil platform.\\n\\nHe said so.'
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from accord.records import Article

__all__ = ["CORPUS", "parse_body", "read_reuters"]

CORPUS = Path("data/reuters21578")

_ARTICLE = re.compile(r'<REUTERS[^>]*\bNEWID="(\d+)"[^>]*>(.*?)</REUTERS>', re.S)
_FIELD = {
    name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "DATELINE", "BODY")
}
_MONTHS = {name: n for n, name in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
_SIGN_OFF = re.compile(r"\s*\bReuter\s*$", re.I)


def parse_body(raw: str) -> str:
    """A Reuters body as plain text: lines unwrapped, an indented line starts a paragraph."""
    text = _SIGN_OFF.sub("", html.unescape(raw).replace("\x03", ""))
    paragraphs = re.split(r"\n(?=[ \t]+\S)", text.strip("\n"))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _date(value: str) -> dt.date:
    day, month, year = value.strip().split()[0].split("-")
    return dt.date(int(year), _MONTHS[month.upper()], int(day))


def _field(name: str, body: str) -> str | None:
    found = _FIELD[name].search(body)
    return html.unescape(found.group(1)).strip() if found else None


def read_reuters(shared_dir: Path, ids: Sequence[str] | None = None) -> Iterator[Article]:
    """The articles of Reuters-21578 under ``shared_dir`` (those whose id is in ``ids``, when given),
    in file order. Raises ``FileNotFoundError`` when the corpus is not there."""
    folder = Path(shared_dir) / CORPUS
    paths = sorted(folder.glob("reut2-*.sgm"))
    if not paths:
        raise FileNotFoundError(f"no reut2-*.sgm files under {folder}")
    wanted = set(ids) if ids is not None else None
    for path in paths:
        raw = path.read_text(encoding="latin-1")
        for match in _ARTICLE.finditer(raw):
            article_id = f"reut-{match.group(1)}"
            if wanted is not None and article_id not in wanted:
                continue
            element = match.group(2)
            body, date = _field("BODY", element), _field("DATE", element)
            if not body or not date:
                continue
            dateline = _field("DATELINE", element) or ""
            place = dateline.split(",")[0].strip() or None
            yield Article(
                id=article_id,
                date=_date(date),
                text=parse_body(body),
                title=" ".join((_field("TITLE", element) or "").split()) or None,
                source="Reuters",
                origin=f"{path.name}",
                dateline=place,
            )
