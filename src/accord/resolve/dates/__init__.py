"""Find time expressions in news text and resolve them against the report date.

``find_time_expressions(text, report_date)`` runs compiled regular expressions over the text (no
parser) and returns ``TimeExpression`` records: the span, the TIMEX3 type and value (TimeML /
TempEval-3 conventions, for scoring) and the output contract's ``date``/``precision``/``enddate``.
``resolve_date(phrase, report_date)`` resolves one phrase; ``timex_to_contract`` maps one TIMEX3
value to the contract's form.

Relative expressions are resolved against the report date; where the direction is open ("on
Monday", "in March", "the weekend") the tense of the sentence decides (``context``). Without a
cue a weekday is taken as past (news reports what happened) and a month as the nearest such
month. A cue is weak evidence (it may belong to another clause), so a date up to 45 days (a bare
month: one month) on the other side keeps the report's year ("said ... on Dec. 20", written on
Dec. 6, is this December's).

TimeML forms followed here: "between 1994 and 1997" is two years (the first keeps the range's end
for the contract); "$5 million a year", "four flights a week" are SETs (``P1Y``, ``P1W``);
holidays are computed for the year (Thanksgiving, Election Day, Easter and the days counted from
it); "4 in the morning" is a clock time; "three weeks later" is a duration, "two days ago" a date.

The modules, in the order they depend on each other:

- ``lexicon``: the word lists, read from ``data/date_lexicon.tsv``;
- ``calendar``: month, weekday and holiday arithmetic; ``timex``: writing TIMEX3 values;
- ``context``: the text around a match, its sentences and their tense;
- ``candidate``: what a rule proposes;
- ``rules_absolute``, ``rules_relative``, ``rules_durations``, ``rules_clock``,
  ``rules_quarters``, ``rules_seasons``: the handlers, by kind of expression;
- ``grammar``: the table of rules (patterns and handlers, in priority order);
- ``anchoring``: "the next day", "the year-ago quarter" counted from the story's own time;
- ``contract``: TIMEX3 values to contract dates;
- ``finder``: the public entry points, which run all of the above.
"""

from __future__ import annotations

from accord.resolve.dates.calendar import Tense
from accord.resolve.dates.contract import timex_to_contract
from accord.resolve.dates.finder import find_time_expressions, resolve_date

__all__ = ["Tense", "find_time_expressions", "resolve_date", "timex_to_contract"]
