"""Score incidents on MUC-3/4 (terrorism reports, 1988-1990) against the answer-key templates.

**Texts.** Each message opens with its id, then a dateline ``PLACE, DD MMM YY (SOURCE) --``; the
dateline date is the report date and the text after ``--`` is the article (lines unwrapped, blank
lines kept as paragraph breaks). A message dated ``NO DATE`` (or without a year) takes the date of
the previous dated message of its file, as a stand-in. DEV and TST3 exist only in upper case: they
are lower-cased and re-cased simply (``recase``: first letter of each sentence, ``I``, month and
weekday names, and the country names of ``data/muc_countries.tsv``); other proper nouns stay lower
case. TST4 is read from its mixed-case copy.

**Keys.** One template per relevant incident: slot 2 date (a day, a range ``D1 - D2``, ``- D``
for "on or before D", alternatives separated by ``/``), 3 location (country first), 4 type (mapped to
PLOVER by ``data/muc_types.tsv``), 21 and 24 human-target numbers. ``MESSAGE: TEMPLATE n (OPTIONAL)``
marks optional templates.

**Matching.** The system's events of the types the mapping reaches (ASSAULT, COERCE, PROTEST), less
arrests (CAMEO 173: the authorities' act, no MUC incident type), are first merged per message when they share type, date and country (several mentions of one incident
fill one template). A merged event matches a template when all three agree:

- type: the event's type is one the template's type maps to;
- date: the event's period (a day, or a whole month or year for coarser dates) lies inside one of the
  template's date alternatives; a template without a date (``-``) accepts any date;
- country: the event's ``event_loc.country_code`` or one of its actors' codes is the template's
  country; a template without a location accepts any.

One event matches at most one template (maximum bipartite matching, required templates first, then
optional ones with the events left). Precision = matched / merged system events; recall = matched /
(required templates + matched optional ones), so an unmatched optional template is no miss.

**Counts.** On matched templates whose ``HUM TGT: NUMBER`` or ``TOTAL NUMBER`` gives a number of two
or more (a single named victim is rarely stated as a count), the count is right when one of the
event's quantities has that value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.evaluate._common import load_mapping, metric, prf, ratio, run_extractor
from accord.records import Article

__all__ = [
    "MucMessage",
    "MucTemplate",
    "parse_muc_date",
    "read_keys",
    "read_messages",
    "recase",
    "run_muc",
    "score_muc",
]

CORPORA = Path("data/muc34/TASK/CORPORA")
# (text file, upper case only?, key file) per split; TST3 and TST4 give the reported figure.
SPLITS: dict[str, list[tuple[str, bool, str]]] = {
    "dev": [
        (f"dev/dev-muc3-{n:04d}-{n + 99:04d}", True, f"dev/key-dev-{n:04d}.muc4") for n in range(1, 1300, 100)
    ],
    "test": [
        ("tst3/tst3-muc4", True, "tst3/key-tst3.v2"),
        ("tst4/tst4-muc4.mixed-case", False, "tst4/key-tst4.v2"),
    ],
}

_ID = re.compile(r"^((?:DEV-MUC3|TST\d-MUC\d)-\d{4})(?:\s*\([^)]*\))?\s*$", re.M | re.I)
_DATELINE = re.compile(
    r"\s*(?P<place>[^\n]*?(?:\n[^\n]*?)?),\s*"
    r"(?P<date>\d{1,2}\s+[A-Za-z]{3}(?:\s+\d{2})?|NO DATE)\s*(?:\([^)]*\))?\s*--",
    re.S | re.I,
)
_DAY = r"\d{1,2}\s+[A-Z]{3}\s+\d{2}"
_MONTHS = {name.upper(): i for i, name in enumerate(calendar.month_abbr) if name}
_SLOT = re.compile(r"^\s*(\d{1,2})\.\s+([A-Z][A-Z :]*?[A-Z])\s{2,}(.*?)\s*$")


@dataclass(frozen=True)
class MucMessage:
    id: str
    date: dt.date
    dated: bool
    text: str
    dateline: str | None = None  # the place the report was filed from ("SAN SALVADOR"), as a wire dateline


@dataclass(frozen=True)
class MucTemplate:
    """One key template reduced to what scoring needs."""

    message_id: str
    optional: bool
    types: frozenset[str]
    dates: tuple[tuple[dt.date | None, dt.date], ...] | None
    countries: frozenset[str] | None
    victims: frozenset[int]


def _day(text: str) -> dt.date:
    day, month, year = text.split()
    yy = int(year)
    return dt.date(1900 + yy if yy >= 50 else 2000 + yy, _MONTHS[month.upper()], int(day))


def parse_muc_date(value: str) -> tuple[tuple[dt.date | None, dt.date], ...] | None:
    """A key's INCIDENT: DATE -> intervals ``(start or None, end)``; None when it gives no date.

    >>> parse_muc_date("- 19 APR 89")
    ((None, datetime.date(1989, 4, 19)),)
    >>> parse_muc_date("(11 OCT 88) / (11 OCT 88 - 12 OCT 88)")[1]
    (datetime.date(1988, 10, 11), datetime.date(1988, 10, 12))
    """
    intervals: list[tuple[dt.date | None, dt.date]] = []
    for alternative in value.split("/"):
        alt = alternative.strip().strip("()").replace("?", "").strip()
        try:
            if m := re.fullmatch(rf"({_DAY})", alt):
                day = _day(m.group(1))
                intervals.append((day, day))
            elif m := re.fullmatch(rf"({_DAY})?\s*-\s*({_DAY})", alt):
                intervals.append((_day(m.group(1)) if m.group(1) else None, _day(m.group(2))))
        except ValueError:  # an impossible day in the key (e.g. 31 JUN): that alternative is dropped
            continue
    return tuple(intervals) or None


def _countries(value: str) -> frozenset[str] | None:
    names = load_mapping("muc_countries.tsv")
    found = set()
    for alternative in value.split("/"):
        head = re.split(r"[:(]", alternative.strip().lstrip("(?").strip(), maxsplit=1)[0].strip()
        if head in names:
            found.add(names[head][0])
    return frozenset(found) or None


def _numbers(lines: Sequence[str]) -> set[int]:
    found: set[int] = set()
    for line in lines:
        for m in re.finditer(r"(?:^|[\s(?])(\d+)(?:\s*-\s*(\d+))?\s*:", line):
            found.update(int(g) for g in m.groups() if g)
        if re.fullmatch(r"\??\s*\d+", line.strip()):
            found.add(int(line.strip().lstrip("?")))
    return {n for n in found if n >= 2}


def _template_blocks(text: str) -> Iterator[dict[int, list[str]]]:
    slots: dict[int, list[str]] = {}
    current = -1
    for line in text.splitlines():
        m = _SLOT.match(line)
        if m:
            current = int(m.group(1))
            if current == 0 and slots:
                yield slots
                slots = {}
            slots[current] = [m.group(3)]
        elif line.strip() and line[:1].isspace() and current in slots:
            slots[current].append(line.strip())
    if slots:
        yield slots


def read_keys(path: Path) -> tuple[list[MucTemplate], set[str]]:
    """Read a key file -> (templates, ids of every message the key covers).

    ``MESSAGE: TEMPLATE *`` entries (no relevant incident) give no template.
    Raises ``KeyError`` for an incident type that ``muc_types.tsv`` does not map.
    """
    types = load_mapping("muc_types.tsv")
    templates = []
    messages = set()
    for slots in _template_blocks(Path(path).read_text(encoding="latin-1")):
        message_id = slots[0][0].split()[0]
        messages.add(message_id)
        number = slots.get(1, ["*"])[0]
        if number.startswith("*"):
            continue
        plover: set[str] = set()
        for muc_type in slots.get(4, ["-"])[0].split("/"):
            plover.update(types[muc_type.strip().lstrip("?").strip()])
        hum = slots.get(21, []) + slots.get(24, [])
        templates.append(
            MucTemplate(
                message_id=message_id,
                optional="OPTIONAL" in number,
                types=frozenset(plover),
                dates=parse_muc_date(" ".join(slots.get(2, ["-"]))),
                countries=_countries(" ".join(slots.get(3, ["-"]))),
                victims=frozenset(_numbers(hum)),
            )
        )
    return templates, messages


def recase(text: str) -> str:
    """Lower-case an all-capitals text and restore the capitals that can be known without a model.

    Sentence starts (also after a bracketed tag such as ``[TEXT]``), ``I``, month and weekday names and the country names of ``muc_countries.tsv``.

    >>> recase("GUERRILLAS ATTACKED A POST IN EL SALVADOR ON 16 NOVEMBER. I SAW IT.")
    'Guerrillas attacked a post in El Salvador on 16 November. I saw it.'
    """
    out = text.lower()
    words = [m for m in calendar.month_name[1:] + calendar.day_name[:]]
    words += [name.title() for name in load_mapping("muc_countries.tsv")]
    for word in sorted(words, key=len, reverse=True):
        out = re.sub(rf"\b{re.escape(word.lower())}\b", word, out)
    out = re.sub(r"\bi\b", "I", out)
    sentence_start = r"(^|[.!?][\"')\]]?\s+|\]\s+|\n\s*|\[\s*)([\"'(]?)([a-z])"
    return re.sub(sentence_start, lambda m: m.group(1) + m.group(2) + m.group(3).upper(), out)


def read_messages(path: Path, *, upper_case: bool) -> list[MucMessage]:
    """Split a MUC text file into messages: id, report date (dateline), article text.

    With ``upper_case`` the text is re-cased (see ``recase``).
    """
    raw = Path(path).read_text(encoding="latin-1")
    parts = _ID.split(raw)
    found: list[tuple[str, dt.date | None, str, str | None]] = []
    for i in range(1, len(parts), 2):
        message_id, body = parts[i].upper(), parts[i + 1]
        m = _DATELINE.match(body)
        date: dt.date | None = None
        if m and re.fullmatch(_DAY, m.group("date").upper()):
            date = _day(m.group("date").upper())
        text: str = body[m.end() :] if m else body
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
        text = "\n\n".join(p for p in paragraphs if p)
        if upper_case:
            text = recase(text)
        # The dateline's place, as a wire service prints it: Accord reads it like a TimeML DCT's.
        place = " ".join(m.group("place").split()).strip(" ,") if m else ""
        found.append((message_id, date, text, place.upper() if 0 < len(place) <= 40 else None))
    # An undated message takes the previous dated message's date (the next one's at the file start).
    dates = [d for _, d, _, _ in found if d is not None]
    messages = []
    stand_in = dates[0] if dates else None
    for message_id, stated, message_text, dateline in found:
        stand_in = stated or stand_in
        if stand_in is not None:
            messages.append(MucMessage(message_id, stand_in, stated is not None, message_text, dateline))
    return messages


def _country_codes(event: Mapping[str, Any]) -> set[str]:
    codes = {e.get("code") for e in list(event.get("actor", [])) + list(event.get("recipient", []))}
    loc = event.get("event_loc") or {}
    codes.add(loc.get("country_code"))
    codes.discard(None)
    codes.discard("UNK")  # an unknown attacker names no country
    return codes


def _period(date: str) -> tuple[dt.date, dt.date] | None:
    try:
        if len(date) == 10:
            day = dt.date.fromisoformat(date)
            return day, day
        if len(date) == 7:
            year, month = int(date[:4]), int(date[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(date) == 4:
            return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
    except ValueError:
        return None
    return None


def _matches(event: Mapping[str, Any], template: MucTemplate) -> bool:
    if event["event"] not in template.types:
        return False
    if template.dates is not None:
        period = _period(event.get("date") or "")
        if period is None or not any(
            (start is None or period[0] >= start) and period[1] <= end for start, end in template.dates
        ):
            return False
    return template.countries is None or bool(template.countries & _country_codes(event))


# CAMEO 173, arrest or detain: the authorities' act, never a MUC incident (the templates record terrorist
# acts; ROBBERY's COERCE is seizing property, 1711, and a forced stoppage coercion by an armed group).
_ARREST = "173"


def _merge(events: Sequence[Mapping[str, Any]], relevant: set[str]) -> list[dict[str, Any]]:
    """Merge a message's relevant events that share type, date and country set."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for event in events:
        if event["event"] not in relevant or str(event.get("cameo", "")).startswith(_ARREST):
            continue
        key = (event["event"], event.get("date"), frozenset(_country_codes(event)))
        if key in merged:
            merged[key]["quantities"] = list(merged[key]["quantities"]) + list(event.get("quantities", []))
        else:
            merged[key] = {**event, "quantities": list(event.get("quantities", []))}
    return list(merged.values())


def _match(
    templates: Sequence[MucTemplate], events: Sequence[Mapping[str, Any]], taken: dict[int, int]
) -> None:
    """Kuhn's augmenting paths: extend ``taken`` (event index -> template index) maximally."""

    def augment(t: int, seen: set[int]) -> bool:
        for e, event in enumerate(events):
            if e in seen or not _matches(event, templates[t]):
                continue
            seen.add(e)
            if e not in taken or augment(taken[e], seen):
                taken[e] = t
                return True
        return False

    for t in range(len(templates)):
        if t not in taken.values():
            augment(t, set())


def score_muc(
    templates: Sequence[MucTemplate],
    system: Mapping[str, Sequence[Mapping[str, Any]]],
    message_ids: Sequence[str],
) -> dict[str, Any]:
    """Incident precision/recall/F1 and victim-count accuracy over the given messages.

    ``system`` maps message id -> event dicts (contract shape); messages absent from it have no
    events. Returns ``{"cases", "metrics", "counts": {...}}``.
    """
    relevant = {t for template in templates for t in template.types}
    by_message: dict[str, list[MucTemplate]] = {}
    for template in templates:
        by_message.setdefault(template.message_id, []).append(template)
    n_system = n_required = matched_required = matched_optional = 0
    count_gold = count_ok = count_any = 0
    for message_id in message_ids:
        events = _merge(system.get(message_id, []), relevant)
        gold = by_message.get(message_id, [])
        required = [t for t in gold if not t.optional]
        optional = [t for t in gold if t.optional]
        n_system += len(events)
        n_required += len(required)
        taken: dict[int, int] = {}
        _match(required, events, taken)
        taken_optional: dict[int, int] = {}
        free = [e for i, e in enumerate(events) if i not in taken]
        _match(optional, free, taken_optional)
        matched_required += len(taken)
        matched_optional += len(taken_optional)
        pairs = [(events[e], required[t]) for e, t in taken.items()]
        pairs += [(free[e], optional[t]) for e, t in taken_optional.items()]
        for event, template in pairs:
            if not template.victims:
                continue
            values = {q.get("value") for q in event.get("quantities", [])}
            count_gold += 1
            count_any += bool(values)
            count_ok += bool(values & set(template.victims))
    matched = matched_required + matched_optional
    scores = prf(matched, n_system, n_required + matched_optional)
    n_gold = n_required + matched_optional
    return {
        "cases": len(message_ids),
        "metrics": [
            metric("incident precision", scores["precision"], n_system, "type+date+country"),
            metric("incident recall", scores["recall"], n_gold, "type+date+country"),
            metric("incident F1", scores["f1"], n_gold),
            metric("victim count exact (matched)", ratio(count_ok, count_gold), count_gold),
        ],
        "counts": {
            "system_events_merged": n_system,
            "required_templates": n_required,
            "matched_required": matched_required,
            "matched_optional": matched_optional,
            "count_cases_with_a_quantity": count_any,
        },
    }


def run_muc(
    shared_dir: Path, extractor: Any, *, split: str = "test", limit: int | None = None
) -> dict[str, Any]:
    """Read a MUC split (``test`` = TST3+TST4, ``dev`` = DEV), run ``extractor``, score it."""
    root = Path(shared_dir) / CORPORA
    messages: list[MucMessage] = []
    templates: list[MucTemplate] = []
    for text_file, upper, key_file in SPLITS[split]:
        messages += read_messages(root / text_file, upper_case=upper)
        templates += read_keys(root / key_file)[0]
    messages = messages[:limit]
    articles = [
        Article(id=m.id, date=m.date, text=m.text, origin=m.id, dateline=m.dateline) for m in messages
    ]
    result = score_muc(templates, run_extractor(extractor, articles), [m.id for m in messages])
    result["split"] = "TST3+TST4" if split == "test" else "DEV"
    result["counts"]["undated_messages"] = sum(not m.dated for m in messages)
    return result
