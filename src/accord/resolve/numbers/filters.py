"""Tests that tell a number phrase is not a count: a pronoun, a year or date part, an id or a time,
a calibre or size, a duration or an age.

Each takes the text and a ``Phrase`` from ``scan_phrases`` and looks at the context around it.

>>> from accord.resolve.numbers.phrases import scan_phrases
>>> text = "In 2021, 2000 soldiers with AK-203 rifles left on 5 May"
>>> [(p.value, is_date_part(text, p), is_identifier(text, p)) for p in scan_phrases(text)]
[(2021.0, True, False), (2000.0, False, False), (203.0, False, True), (5.0, True, False)]
"""

from __future__ import annotations

import re

from accord.resolve.numbers.lexicon import number_lexicon
from accord.resolve.numbers.phrases import Phrase

__all__ = [
    "is_date_part",
    "is_dimension",
    "is_duration_or_age",
    "is_identifier",
    "is_pronoun_one",
    "is_year",
]

_DETERMINERS_BEFORE_ONE = re.compile(
    r"(?i)(?:^|[^A-Za-z])(?:the|this|that|which|each|every|any|no|another|only|last|next|little|"
    r"right|wrong|new|old|same|such a|a|one|big|small|other|latest)\s+$"
)
_ANOTHER_AFTER = re.compile(r"\s+another\b", flags=re.I)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY_BEFORE_MONTH = re.compile(r"\s*(?:of\s+)?" + _MONTHS + r"(?![A-Za-z])")
_MONTH_BEFORE = re.compile(_MONTHS + r"\s*$")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|since|from|until|till|by|of|during|before|after|early|late|mid|fiscal|FY|year|the year|"
    r"spring|summer|autumn|fall|winter|circa|through|to|between|and|around|about)\s*|[-\u2013/'’]|,\s*)$"
)
_TIME_AFTER = re.compile(
    r"(?i)\s*(?:a\.?m\.?|p\.?m\.?|hrs|hours\s+(?:IST|GMT|UTC)|GMT|UTC|IST|o'clock)(?![A-Za-z])"
)
_DURATION_AFTER = re.compile(
    r"(?i)(?:\s+|\s*-\s*)(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|yrs?|"
    r"decades?|centuries|century|millennia|millennium)(?![A-Za-z])"
)
_AGE_AFTER = re.compile(r"(?i)-year-old")
_DIMENSION = re.compile(r"\s*[x×\*]\s*\d")
_DIMENSION_BEFORE = re.compile(r"\d\s*[x×\*]\s*$")
_CALIBRE = {"mm", "cm"}
# words after "200 mm" that show a measure, not a calibre used as a name ("7.62 mm rifles")
_MEASURE_FOLLOWERS = frozenset(
    "of in on at and or to per a an the was were is are has had have rain rainfall from by for with long wide thick deep high tall".split()
)


def is_pronoun_one(text: str, p: Phrase) -> bool:
    """ "the one you mentioned", "which one", "no one", "one another": not the number 1."""
    if text[p.start : p.end].lower() != "one":
        return False
    if _DETERMINERS_BEFORE_ONE.search(text[max(0, p.start - 30) : p.start]):
        return True
    return _ANOTHER_AFTER.match(text[p.end : p.end + 10]) is not None


def is_year(text: str, p: Phrase) -> bool:
    """A four-digit year 1800-2100, unless it counts something ("about 2000 soldiers")."""
    surface = text[p.start : p.end]
    if not re.fullmatch(r"\d{4}", surface) or not 1800 <= p.value <= 2100:
        return False
    before = text[max(0, p.start - 25) : p.start]
    if number_lexicon().approx_before_re.search(before):
        return False  # "about 2000 soldiers"
    after = text[p.end : p.end + 30]
    m = re.match(r"\s+([a-z]+)", after)
    if m and m.group(1).endswith("s") and m.group(1) not in number_lexicon().year_nouns:
        # "2000 soldiers": a count, unless the context before says it is a time
        return bool(_YEAR_CONTEXT_BEFORE.search(before)) and not before.rstrip().endswith(",")
    return True


def is_date_part(text: str, p: Phrase) -> bool:
    """Day numbers next to month names, years, year ranges and numeric dates."""
    surface = text[p.start : p.end]
    if is_year(text, p):
        return True
    if re.fullmatch(r"\d{1,2}", surface) and 1 <= p.value <= 31:
        if _DAY_BEFORE_MONTH.match(text, p.end) or _MONTH_BEFORE.search(text[max(0, p.start - 12) : p.start]):
            return True
    # 5/17/2018, 06-12-2021, 2021-22, 06.12.2021
    if re.search(r"\d[/.]\s?$", text[max(0, p.start - 3) : p.start]) or re.match(
        r"[/]\d", text[p.end : p.end + 2]
    ):
        return True
    if re.match(r"[-\u2013]\d{2,4}(?!\d)", text[p.end : p.end + 6]) and re.fullmatch(
        r"(?:1[89]|20)\d\d", surface
    ):
        return True  # 2021-2031, 2021-22
    return bool(
        re.search(r"(?:1[89]|20)\d\d[-\u2013]$", text[max(0, p.start - 5) : p.start]) and p.value < 10000
    )


def is_identifier(text: str, p: Phrase) -> bool:
    """AK-203, F-16, 2+2, Article 370, 10:30, 9/11, No. 5: names, ids and times."""
    before = text[max(0, p.start - 30) : p.start]
    if re.search(r"[A-Za-z][\-\u2010\u2011]$", before):
        return True  # AK-203, F-16, COVID-19
    if re.search(r"[+#]$", before) or re.match(r"\+\d", text[p.end : p.end + 2]):
        return True  # 2+2, #5
    if number_lexicon().id_prefix_re.search(before):
        return True
    if re.search(r"\d[:]$", before) or re.match(r":\d\d", text[p.end : p.end + 3]):
        return True  # 10:30
    return _TIME_AFTER.match(text, p.end) is not None


def is_dimension(text: str, p: Phrase) -> bool:
    """7.63 x 39mm, 5.56x45mm, 155mm howitzers, 7.62 mm rifles: calibres and sizes used as names."""
    if _DIMENSION.match(text, p.end) or _DIMENSION_BEFORE.search(text[max(0, p.start - 4) : p.start]):
        return True
    if p.unit not in _CALIBRE:
        return False
    if p.glued_suffix is not None:
        return True
    m = number_lexicon().unit_re.match(text, p.end)
    after = re.match(r"\s+([A-Za-z]+)", text[m.end() if m else p.end :])
    return after is not None and after.group(1).lower() not in _MEASURE_FOLLOWERS


def is_duration_or_age(text: str, p: Phrase) -> bool:
    """A number before a unit of time ("10-year pact", "three days") or an age ("40-year-old"):
    these belong to the time resolver."""
    return _DURATION_AFTER.match(text, p.end) is not None or _AGE_AFTER.match(text, p.end) is not None
