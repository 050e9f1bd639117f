"""The grammar of time expressions: one table of rules, each a regular expression built from the
lexicon and the handler that reads its matches into a ``Candidate``.

Every rule runs over the whole text; the candidates of all rules then compete (``finder``): the
longest span wins, and between spans of the same length the rule listed first. The patterns are
compiled once, on first use, never at import time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from accord.resolve.dates.candidate import Handler
from accord.resolve.dates.context import cue_pattern
from accord.resolve.dates.lexicon import DateLexicon, alternation, load_date_lexicon
from accord.resolve.dates.rules_absolute import (
    bare_year,
    century,
    decade,
    iso_date,
    month_day,
    month_with_year,
    named_month,
    second_day,
    slash_date,
    year_range,
)
from accord.resolve.dates.rules_clock import clock, time_of_day
from accord.resolve.dates.rules_durations import (
    duration_expression,
    plural_duration,
    set_expression,
    weekday_set,
)
from accord.resolve.dates.rules_quarters import (
    ordinal_quarter,
    q_quarter,
    story_quarter,
    the_year,
    year_ago_period,
    year_end,
    year_quarter,
)
from accord.resolve.dates.rules_relative import (
    ago,
    anchored,
    day_offset,
    fuzzy,
    in_future,
    relative_unit,
    weekday,
    weekend,
)
from accord.resolve.dates.rules_seasons import holiday, season

__all__ = ["Grammar", "Rule", "compiled_grammar"]


@dataclass(frozen=True)
class Rule:
    """A named pattern and the handler of its matches."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler


@dataclass(frozen=True)
class Grammar:
    """The rules in priority order, the lexicon they were built from, and the tense cues the
    handlers read (``Context.cues``)."""

    rules: tuple[Rule, ...]
    lexicon: DateLexicon
    cues: re.Pattern[str]


@lru_cache(maxsize=1)
def compiled_grammar() -> Grammar:
    """The grammar of the packaged lexicon, compiled once (on first use).

    Raises ``DataFileError`` when the lexicon has a malformed row.
    """
    lexicon = load_date_lexicon()
    return Grammar(_rule_table(_Pieces.of(lexicon), lexicon), lexicon, cue_pattern(lexicon))


@dataclass(frozen=True)
class _Pieces:
    """Sub-patterns that several rules share, built from the lexicon."""

    month: str
    month_full: str
    weekday: str
    year: str
    number: str
    vague: str
    unit: str
    mods: str
    pod: str
    approx: str

    @classmethod
    def of(cls, lex: DateLexicon) -> _Pieces:
        # Full names only: an abbreviation is a prefix of another word for the same month.
        full = [w for w in lex.months if not any(o != w and o.startswith(w) for o in lex.months)]
        num_word = alternation(lex.numbers)
        ones = alternation(w for w, v in lex.numbers.items() if 1 <= v <= 9 and w.isalpha() and len(w) > 2)
        return cls(
            month=rf"(?:{alternation(lex.months)})\.?(?!\w)",
            month_full=rf"(?:{alternation(full)})\b",
            weekday=rf"(?:{alternation(lex.weekdays)})(?!\w)",
            year=r"(?:1\d|20|21)\d\d",
            # "5 1/2 hours", "twenty four hours" (transcripts leave out the hyphen), "twenty-five".
            number=rf"(?:\d+\s+1/2|\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{num_word})(?:-(?:{num_word})|(?<=ty)\s+(?:{ones})\b)?)",
            vague=alternation(lex.vague_numbers),
            unit=rf"(?:{alternation(lex.units)})",
            mods=(
                r"(?:(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
                r"the\s+middle\s+of|by\s+the\s+end\s+of|end|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
                r"(?:\s+|-))"
            ),
            pod=rf"(?:{alternation(lex.parts_of_day)})",
            approx=r"(?:(?:nearly|almost|about|around|roughly|some|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?",
        )


def _rule(name: str, pattern: str, handler: Handler, flags: int = re.IGNORECASE) -> Rule:
    """A rule with its pattern compiled (case-insensitive unless ``flags`` says otherwise)."""
    return Rule(name, re.compile(pattern, flags), handler)


def _rule_table(p: _Pieces, lex: DateLexicon) -> tuple[Rule, ...]:
    """Every rule, in priority order.

    The table is long on purpose: the position of a rule is its priority when two readings of
    the same length overlap, so the whole order has to be visible in one place, and each pattern
    sits next to the handler that reads its groups (a handler relies on the group names of its
    pattern). Split by kind it would hide both.
    """
    return (
        _rule(
            "set",
            rf"\b(?:(?P<adverb>{alternation(lex.set_adverbs)})|(?:every|each)\s+(?P<every_wd>{p.weekday})"
            rf"|(?:every|each)\s+(?P<every_num>{p.number})\s+(?P<every_unit>{p.unit})s?"
            rf"|(?:once|twice|thrice|times|\d%?)\s+(?P<rate>a|an|per)\s+(?P<rate_unit>{p.unit}))\b",
            set_expression,
        ),
        _rule("iso", r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])", iso_date),
        _rule("slash", r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])", slash_date),
        _rule(
            "month_day",
            rf"\b(?P<mod>{p.mods})?(?:(?:{p.weekday}),?\s+)?(?P<mon>{p.month})\s+(?P<day>[0-3]?\d)"
            rf"(?:st|nd|rd|th)?(?![\d:,.]\d|\w)(?!\s*(?:%|percent|million|billion))(?:,?\s+(?P<year>{p.year})(?![\w-]))?",
            month_day,
        ),
        _rule(
            "month_day_pair",
            rf"\b(?P<mod>)(?P<mon>{p.month})\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|or|to|through)\s+(?P<day>[0-3]?\d)"
            rf"(?:st|nd|rd|th)?(?![\d:,.]\d|\w)(?!\s*(?:%|percent|million|billion))(?:,?\s+(?P<year>{p.year})(?![\w-]))?",
            second_day,
        ),
        _rule(
            "day_month",
            rf"\b(?P<mod>)(?:(?:{p.weekday}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{p.month})(?:,?\s+(?P<year>{p.year})(?![\w-]))?",
            month_day,
        ),
        _rule(
            "month_year",
            rf"\b(?P<mod>{p.mods})?(?P<mon>{p.month})(?:\s+of)?,?\s+(?P<year>{p.year})(?![\w-])",
            month_with_year,
        ),
        _rule(
            "month",
            rf"\b(?P<mod>{p.mods})?(?:(?P<rel>last|next|this)\s+)?(?P<mon>{p.month_full})(?!\s*\d)(?:\s+(?P<relyear>this|last|next)\s+year\b)?",
            named_month,
        ),
        _rule(
            "year_range",
            rf"(?<![\w$€£.,/-])(?P<y1>{p.year})\s*(?P<sep>[-–—]|\s(?:to|and|through|until)\s)\s*"
            rf"(?P<y2>{p.year}|\d\d)(?![\w%.,]\d|[\w%-])",
            year_range,
        ),
        _rule(
            "decade",
            r"(?:\bthe\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<full>(?:1\d|20)\d0)'?s\b|'(?P<short>\d0)s\b)",
            decade,
        ),
        _rule("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", century),
        _rule(
            "anchored",
            rf"\b(?=[tTeElL])(?P<word>{alternation(lex.anchored)})\b(?!\s+(?:last|next|this|yesterday|tomorrow)\b)",
            anchored,
        ),
        _rule(
            "story_quarter",
            r"\b(?:the|that)\s+(?:(?P<mod>latest|same|comparable|corresponding|just-ended|just\s+ended)\s+)?"
            r"(?:fiscal\s+)?(?P<unit>quarter|period)\b(?![\w-])(?!\s+of\b)"
            r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+previous\s+year)\b)?",
            story_quarter,
        ),
        _rule(
            "year_ago_adj",
            rf"\b(?=[tTcCsSyYpP])(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<adj>year-ago|year-earlier|year-before|prior-year)"
            rf"(?:\s+(?:(?P<ord>{alternation(lex.ordinals)})[\s-]+)?(?:fiscal\s+)?(?P<unit>quarter|period)\b)?",
            year_ago_period,
        ),
        _rule(
            "year_quarter",
            rf"\bthe\s+(?P<yr>{p.year})\s+(?:fiscal\s+)?(?:(?P<ord>{alternation(lex.ordinals)})[\s-]+)?(?:fiscal\s+)?(?:quarter|period)\b",
            year_quarter,
        ),
        _rule(
            "the_year",
            r"\b(?=[eElLfFoOdDiItT])(?P<lead>(?:earlier|later)\s+in\s+)?(?:(?P<pre>for|of|during|in|through|throughout|over)\s+)?(?P<the>the)\s+"
            r"(?:(?P<mod>full|fiscal|current\s+fiscal|calendar)\s+)?(?P<year>year)\b(?![-'\u2019])"
            r"(?!\s+(?:ago|earlier|before|after|later|since|\d))(?P<ended>\s+(?:that\s+)?(?:ended|ending))?",
            the_year,
        ),
        _rule("year_end", r"\b(?:year[\s-]end|year's\s+end)\b(?![\w-])", year_end),
        _rule(
            "in_future",
            rf"\bin\s+(?P<num>{p.number})[\s-]+(?P<unit>day|week|month|year)s?(?P<time>(?:'|\u2019)?s?\s+time)?\b",
            in_future,
        ),
        _rule(
            "weekday_set",
            rf"\b(?P<wd>{alternation(w + 's' for w in lex.weekdays if len(w) > 3)})\b",
            weekday_set,
        ),
        _rule(
            "year",
            rf"(?:\b(?P<mod>{p.mods}|fiscal(?:\s+year)?\s+))?(?<![\w$€£.,/+#-])(?P<year>{p.year})(?![\w%]|[.,/:-]\d|\s*%)",
            bare_year,
        ),
        _rule(
            "rel_unit",
            rf"\b(?P<mod>{p.mods})?(?P<rel>this|last|next|past|coming|previous|current|latest|"
            r"the\s+(?:past|previous|next|coming|current|latest|last)|the)\s+(?P<unit>week|weekend|month|year|quarter|decade|century)\b",
            relative_unit,
        ),
        _rule("weekend", r"\b(?:the\s+)?weekend\b", weekend),
        _rule(
            "weekday",
            rf"\b(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?(?P<wd>{p.weekday})"
            rf"(?:\s+(?P<pod>{p.pod})\b)?",
            weekday,
        ),
        _rule(
            "day_offset",
            rf"\b(?:(?:late|early|later|earlier)\s+)?(?P<word>{alternation(lex.day_offsets)})(?:\s+(?P<pod>{p.pod})\b)?\b",
            day_offset,
        ),
        _rule("time_of_day", rf"\b(?P<word>{alternation(lex.times_of_day)})\b", time_of_day),
        _rule("fuzzy", rf"\b(?P<word>{alternation(lex.fuzzy)})\b", fuzzy),
        _rule(
            "ago",
            rf"\b{p.approx}(?P<num>{p.number}|{p.vague})[\s-]+(?P<unit>{p.unit})s?\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b",
            ago,
        ),
        _rule(
            "duration",
            rf"\b{p.approx}(?:(?:the\s+)?(?:(?:past|last|next|first|coming|previous|final|following|latest)\s+)?)?"
            rf"(?P<num>{p.number}|{p.vague})(?P<half>\s+and\s+a\s+half)?(?:\s+more)?[\s-]+(?P<unit>{p.unit})s?(?P<half2>\s+and\s+a\s+half)?\b(?:-long)?(?![\s-]+old\b)",
            duration_expression,
        ),
        _rule(
            "plural_duration",
            r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?P<recent>\brecent\s+))(?P<unit>minute|hour|day|week|month|year|decade|centurie)s\b",
            plural_duration,
        ),
        _rule(
            "quarter",
            rf"\b(?:(?:the|its|(?P<owner>this\s+year's|last\s+year's|next\s+year's))\s+)?(?:fiscal[\s-]+)?"
            rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?P<unit>quarter|half)"
            rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{p.year}))?(?!\w)(?P<q>)",
            ordinal_quarter,
        ),
        _rule(
            "quarter_q",
            rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{p.year})|-?(?P<yy>\d\d))?\b(?P<ord>)(?P<owner>)(?P<unit>)",
            q_quarter,
            flags=0,
        ),
        _rule(
            "season",
            rf"\b(?:(?P<rel>this\s+past|this|last|next|early|late|mid|the|in)[\s-]+)?(?P<season>{alternation(lex.seasons)})\b"
            rf"(?:\s+(?:of\s+)?(?P<year>{p.year})(?!\w))?",
            season,
        ),
        _rule(
            "clock",
            rf"(?:\b(?P<h>\d{{1,2}})(?::(?P<min>\d\d))?\s*(?:(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|(?:o'clock\s+)?"
            rf"in\s+the\s+(?P<part>morning|afternoon|evening)\b|(?:o'clock\s+)?at\s+(?P<night>night)\b)"
            rf"|\b(?P<noon>noon|midday|midnight)\b)"
            rf"(?:\s+(?:[A-Z]{{2,4}}T|GMT|UTC|local\s+time))?(?:,?\s+(?:on\s+)?(?P<anchor>{p.weekday}|today|yesterday|tomorrow))?",
            clock,
        ),
        _rule(
            "holiday",
            rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<hol>{alternation(lex.holidays)})(?![\w'\u2019])"
            rf"(?:(?P<week>\s+week)\b|\s+(?P<year>{p.year})\b)?",
            holiday,
        ),
    )
