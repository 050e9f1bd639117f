"""Time expressions in news sentences, resolved against the report date.

Sentences are written in the style of English newswire (AFP/Xinhua/Reuters); the expected values
were worked out by hand from the calendar, not taken from any machine annotation.
"""

from __future__ import annotations

import datetime as dt

import pytest

from accord.resolve.dates import find_time_expressions, resolve_date, timex_to_contract

MON_2021_12_06 = dt.date(2021, 12, 6)  # a Monday (the seed article's date)
WED_1997_04_02 = dt.date(1997, 4, 2)  # a Wednesday
FRI_2013_03_22 = dt.date(2013, 3, 22)  # a Friday


def _expression(text: str, report: dt.date, phrase: str):
    found = find_time_expressions(text, report)
    matching = [t for t in found if t.text == phrase]
    assert matching, f"{phrase!r} not found; got {[(t.text, t.timex) for t in found]}"
    expression = matching[0]
    assert text[expression.start : expression.end] == phrase
    return expression


@pytest.mark.parametrize(
    ("sentence", "report", "phrase", "timex", "date", "precision", "enddate"),
    [
        # The seed's own phrases.
        ("India and Russia inked four defence agreements, sources told Republic on Monday.",
         MON_2021_12_06, "Monday", "2021-12-06", "2021-12-06", "day", None),
        ("India and Russia signed the Agreement on Program for Military-Technical Cooperation from 2021-2031.",
         MON_2021_12_06, "2021-2031", "2021", "2021", "year", "2031"),
        ("The pact on small arms was originally sealed in February 2019.",
         MON_2021_12_06, "February 2019", "2019-02", "2019-02", "month", None),
        ("The two leaders will take part in the first 2+2 ministerial dialogue between India and Russia today.",
         MON_2021_12_06, "today", "2021-12-06", "2021-12-06", "day", None),
        ("Meanwhile, later in the day, Russian President Vladimir Putin will hold the annual summit.",
         MON_2021_12_06, "later in the day", "2021-12-06", "2021-12-06", "day", None),
        ("— ANI (@ANI) December 6, 2021", MON_2021_12_06, "December 6, 2021", "2021-12-06", "2021-12-06", "day", None),
        # Weekdays: past tense looks back, future tense looks ahead.
        ("Police said on Friday that three people were arrested.",
         WED_1997_04_02, "Friday", "1997-03-28", "1997-03-28", "day", None),
        ("The foreign ministers will meet in Brussels on Friday.",
         WED_1997_04_02, "Friday", "1997-04-04", "1997-04-04", "day", None),
        ("Parliament is due to vote on the budget on Thursday.",
         WED_1997_04_02, "Thursday", "1997-04-03", "1997-04-03", "day", None),
        ("The president plans to visit Beijing on Monday, officials said.",
         WED_1997_04_02, "Monday", "1997-04-07", "1997-04-07", "day", None),
        ("Rebels attacked an army post late Tuesday, the ministry said.",
         WED_1997_04_02, "Tuesday", "1997-04-01", "1997-04-01", "day", None),
        ("The talks, which began last Monday, collapsed.", WED_1997_04_02, "last Monday", "1997-03-31", "1997-03-31", "day", None),
        ("The envoy arrives next Tuesday.", WED_1997_04_02, "next Tuesday", "1997-04-08", "1997-04-08", "day", None),
        ("Violence flared again on Sunday night in the capital.",
         WED_1997_04_02, "Sunday night", "1997-03-30TNI", "1997-03-30", "day", None),
        ("Prices fell on Wednesday's trading.", WED_1997_04_02, "Wednesday", "1997-04-02", "1997-04-02", "day", None),
        # Days around the report date.
        ("Troops opened fire on protesters yesterday.", WED_1997_04_02, "yesterday", "1997-04-01", "1997-04-01", "day", None),
        ("The summit opens tomorrow in Geneva.", WED_1997_04_02, "tomorrow", "1997-04-03", "1997-04-03", "day", None),
        ("The prime minister will address the nation tonight.",
         WED_1997_04_02, "tonight", "1997-04-02TNI", "1997-04-02", "day", None),
        ("The embassy was evacuated this morning.", WED_1997_04_02, "this morning", "1997-04-02TMO", "1997-04-02", "day", None),
        ("A curfew was imposed last night.", WED_1997_04_02, "last night", "1997-04-01TNI", "1997-04-01", "day", None),
        ("The minister said earlier today that no decision had been taken.",
         WED_1997_04_02, "earlier today", "1997-04-02", "1997-04-02", "day", None),
        ("Two soldiers were killed two days ago near the border.",
         WED_1997_04_02, "two days ago", "1997-03-31", "1997-03-31", "day", None),
        # Weeks, months, years relative to the report date.
        ("Six deaths were reported last week.", FRI_2013_03_22, "last week", "2013-W11", "2013-03-11", "day", "2013-03-17"),
        ("Negotiators met in Vienna this week.", MON_2021_12_06, "this week", "2021-W49", "2021-12-06", "day", "2021-12-12"),
        ("Elections are due next month.", MON_2021_12_06, "next month", "2022-01", "2022-01", "month", None),
        ("Exports grew 7 percent last month.", FRI_2013_03_22, "last month", "2013-02", "2013-02", "month", None),
        ("Inflation reached 5 percent last year.", MON_2021_12_06, "last year", "2020", "2020", "year", None),
        ("The government expects growth of 9 percent this year.",
         MON_2021_12_06, "this year", "2021", "2021", "year", None),
        ("The ceasefire was agreed earlier this month.", FRI_2013_03_22, "earlier this month", "2013-03", "2013-03", "month", None),
        ("The withdrawal should be completed by early next year.",
         FRI_2013_03_22, "early next year", "2014", "2014", "year", None),
        ("Rain disrupted the harvest over the weekend.",
         dt.date(2021, 12, 6), "the weekend", "2021-W48-WE", "2021-12-04", "day", "2021-12-05"),
        # Calendar dates, with and without a year.
        ("The accord was signed on 6 December 2021 in New Delhi.",
         dt.date(2021, 12, 8), "6 December 2021", "2021-12-06", "2021-12-06", "day", None),
        ("The deadline expires on Dec. 15.", MON_2021_12_06, "Dec. 15", "2021-12-15", "2021-12-15", "day", None),
        ("The ministers met on Dec 2 in Moscow.", MON_2021_12_06, "Dec 2", "2021-12-02", "2021-12-02", "day", None),
        ("The bombing on Nov. 30 killed 12 people.", dt.date(2022, 1, 10), "Nov. 30", "2021-11-30", "2021-11-30", "day", None),
        ("Talks will resume on Jan. 10.", MON_2021_12_06, "Jan. 10", "2022-01-10", "2022-01-10", "day", None),
        ("Filed 2021-12-06 by our correspondent.", MON_2021_12_06, "2021-12-06", "2021-12-06", "2021-12-06", "day", None),
        ("The state of emergency was declared in March.", WED_1997_04_02, "March", "1997-03", "1997-03", "month", None),
        ("The strike began in mid-December.", dt.date(2022, 1, 10), "mid-December", "2021-12", "2021-12", "month", None),
        ("The party won the elections held in May 1998.", WED_1997_04_02, "May 1998", "1998-05", "1998-05", "month", None),
        # Years, ranges, decades, quarters, seasons.
        ("The company was founded in 1998.", WED_1997_04_02, "1998", "1998", "1998", "year", None),
        ("No rain has fallen since 2001 in the province.", WED_1997_04_02, "2001", "2001", "2001", "year", None),
        ("Output peaked in the 1990s.", MON_2021_12_06, "the 1990s", "199", "1990", "year", "1999"),
        ("Investment doubled in the 1998-99 season.", WED_1997_04_02, "1998-99", "1998", "1998", "year", "1999"),
        # TimeML marks the two years of "between ... and" apart; the first carries the range's end.
        ("Trade rose between 2015 and 2019.", MON_2021_12_06, "2015", "2015", "2015", "year", "2019"),
        ("Trade rose between 2015 and 2019.", MON_2021_12_06, "2019", "2019", "2019", "year", None),
        ("He was arrested twice from 1991 to 1997.", MON_2021_12_06, "1997", "1997", "1997", "year", None),
        ("Profits fell in the third quarter.", MON_2021_12_06, "the third quarter", "2021-Q3", "2021-07", "month", "2021-09"),
        ("The economy grew 2 percent in the first quarter of 2020.",
         MON_2021_12_06, "the first quarter of 2020", "2020-Q1", "2020-01", "month", "2020-03"),
        ("The plant will reopen in early 2020.", dt.date(2019, 6, 1), "early 2020", "2020", "2020", "year", None),
        ("Fighting resumed last summer.", WED_1997_04_02, "last summer", "1996-SU", "1996-06", "month", "1996-08"),
        ("The offensive is expected this spring.", WED_1997_04_02, "this spring", "1997-SP", "1997-03", "month", "1997-05"),
    ],
)  # fmt: skip
def test_dates_resolve_phrase_in_sentence(sentence, report, phrase, timex, date, precision, enddate):
    expression = _expression(sentence, report, phrase)
    assert expression.timex_type in ("DATE", "TIME")
    assert (expression.timex, expression.date, expression.precision, expression.enddate) == (
        timex,
        date,
        precision,
        enddate,
    )


@pytest.mark.parametrize(
    ("sentence", "phrase", "timex_type", "timex"),
    [
        ("Unemployment has doubled over the past three years.", "the past three years", "DURATION", "P3Y"),
        ("He served as mayor for 10 years.", "10 years", "DURATION", "P10Y"),
        ("The 10-year pact on military cooperation was renewed.", "10-year", "DURATION", "P10Y"),
        ("The siege lasted six months.", "six months", "DURATION", "P6M"),
        ("Negotiators talked for nearly five hours.", "nearly five hours", "DURATION", "PT5H"),
        ("The wells have been dry for several weeks.", "several weeks", "DURATION", "PXW"),
        ("The militia has been fighting for years.", "years", "DURATION", "PXY"),
        ("Inspectors visit the site every week.", "every week", "SET", "P1W"),
        ("The airline flies to Bombay twice a week.", "a week", "SET", "P1W"),
        ("The figures are published daily.", "daily", "SET", "P1D"),
        ("The refugees are now living in camps.", "now", "DATE", "PRESENT_REF"),
        ("Some 300 troops are currently deployed.", "currently", "DATE", "PRESENT_REF"),
        ("The rebels recently seized two towns.", "recently", "DATE", "PAST_REF"),
        ("More sanctions may follow in the coming weeks.", "in the coming weeks", "DATE", "FUTURE_REF"),
    ],
)
def test_dates_durations_sets_and_references(sentence, phrase, timex_type, timex):
    expression = _expression(sentence, MON_2021_12_06, phrase)
    assert (expression.timex_type, expression.timex) == (timex_type, timex)
    if timex_type in ("DURATION", "SET") or timex.endswith("_REF") and timex != "PRESENT_REF":
        assert expression.date is None
    if timex == "PRESENT_REF":
        assert (expression.date, expression.precision) == ("2021-12-06", "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "The first 2+2 ministerial dialogue between India and Russia took place.",
        "The contract covers 6,01,427 AK-203 assault rifles.",
        "Police said 2000 people joined the march.",
        "The company paid $1998 for each unit.",
        "Flight 1998 landed safely.",
        "They may march on the capital.",
        "He scored 2021 points in his career.",
        "The six-year-old boy was returned to his father.",
        "The current account deficit widened.",
    ],
)
def test_dates_do_not_mark_numbers_amounts_or_verbs(sentence):
    found = find_time_expressions(sentence, MON_2021_12_06)
    assert found == [], [(t.text, t.timex) for t in found]


def test_dates_seed_article_figures(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    header, body = text.strip().split(" ", 2)[1], text.strip().split(" ", 2)[2]
    report = dt.date.fromisoformat(header)
    found = {(t.text, t.timex) for t in find_time_expressions(body.strip(), report)}
    assert ("Monday", "2021-12-06") in found
    assert ("2021-2031", "2021") in found
    assert ("February 2019", "2019-02") in found
    assert ("later in the day", "2021-12-06") in found
    assert ("10-year", "P10Y") in found
    assert not any(t[0] in ("2+2", "203", "5000") for t in found)


@pytest.mark.parametrize(
    ("phrase", "tense", "timex"),
    [
        ("on Monday", "past", "2021-12-06"),
        ("on Monday", "future", "2021-12-06"),
        ("on Friday", "past", "2021-12-03"),
        ("on Friday", "future", "2021-12-10"),
        ("in March", "past", "2021-03"),
        ("in March", "future", "2022-03"),
        ("Dec. 20", "past", "2020-12-20"),
        ("Dec. 20", None, "2021-12-20"),
        ("last week", None, "2021-W48"),
        ("three weeks ago", None, "2021-W46"),
    ],
)
def test_dates_resolve_date_with_tense(phrase, tense, timex):
    expression = resolve_date(phrase, MON_2021_12_06, tense=tense)
    assert expression is not None
    assert expression.timex == timex


def test_dates_resolve_date_nothing():
    assert resolve_date("the meeting of ministers", MON_2021_12_06) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-W48", ("2021-11-29", "day", "2021-12-05")),
        ("2021-W48-WE", ("2021-12-04", "day", "2021-12-05")),
        ("2021-Q4", ("2021-10", "month", "2021-12")),
        ("2021-WI", ("2021-12", "month", "2022-02")),
        ("2021-H1", ("2021-01", "month", "2021-06")),
        ("20", ("2000", "year", "2099")),
        ("PAST_REF", (None, None, None)),
        ("P3Y", (None, None, None)),
    ],
)
def test_dates_timex_to_contract(value, expected):
    assert timex_to_contract(value, MON_2021_12_06) == expected


def test_dates_offsets_point_into_text():
    text = "On Monday, the ministers met. They will meet again next month and in 2023."
    for expression in find_time_expressions(text, MON_2021_12_06):
        assert text[expression.start : expression.end] == expression.text
    assert [t.text for t in find_time_expressions(text, MON_2021_12_06)] == ["Monday", "next month", "2023"]


THU_2013_10_24 = dt.date(2013, 10, 24)  # a Thursday, in the third-quarter results season


@pytest.mark.parametrize(
    ("text", "report", "phrase", "timex_type", "timex"),
    [
        # Results stories: the quarter the story is about, and the same quarter a year before.
        ("Third-quarter profit rose 5% to $3 million from $2 million a year earlier.",
         THU_2013_10_24, "a year earlier", "DATE", "2012-Q3"),
        ("Net income in the third quarter was $4 million, against $5 million a year ago.",
         THU_2013_10_24, "a year ago", "DATE", "2012-Q3"),
        ("The bank reported a loss for the second quarter. Revenue fell 3% in the quarter.",
         THU_2013_10_24, "the quarter", "DATE", "2013-Q2"),
        ("Sales rose 8% in the third quarter. In the year-ago quarter, the company lost $1 million.",
         THU_2013_10_24, "the year-ago quarter", "DATE", "2012-Q3"),
        ("Profit fell in the fourth quarter, compared with year-earlier net income of $9 million.",
         THU_2013_10_24, "year-earlier", "DATE", "2012-Q4"),
        ("The company lost $2 million in the latest quarter.", THU_2013_10_24, "the latest quarter", "DATE", "2013-Q3"),
        ("Exports rose 12 percent from the same period last year.",
         THU_2013_10_24, "the same period last year", "DATE", "2012-Q3"),
        # Without a quarter in the story, "a year ago" is last year.
        ("The rebels seized the town a year ago.", THU_2013_10_24, "a year ago", "DATE", "2012"),
        ("The government cut its growth forecast for the year.", THU_2013_10_24, "the year", "DATE", "2013"),
        ("Sales for the full year reached $6 billion.", THU_2013_10_24, "the full year", "DATE", "2013"),
        ("Output fell earlier in the year because of floods.", THU_2013_10_24, "earlier in the year", "DATE", "2013"),
        ("It posted a loss for the fiscal year ended June 30.", THU_2013_10_24, "the fiscal year", "DURATION", "P1Y"),
        ("The merger should be completed by year-end.", THU_2013_10_24, "year-end", "DATE", "2013"),
        # Anchored to the last date the story named.
        ("Rebels seized the town on Monday. The next day, troops retook it.",
         THU_2013_10_24, "The next day", "DATE", "2013-10-22"),
        ("The ceasefire was signed on Oct. 2. Fighting resumed the following day.",
         THU_2013_10_24, "the following day", "DATE", "2013-10-03"),
        ("Parliament met on Sept. 12, 2012. The bill was passed later that day.",
         THU_2013_10_24, "later that day", "DATE", "2012-09-12"),
        ("He was elected in 1998 and resigned the following year.",
         THU_2013_10_24, "the following year", "DATE", "1999"),
        ("The army took the city in March 2011. That year, 3,000 people died.",
         THU_2013_10_24, "That year", "DATE", "2011"),
        ("Trade fell in 2009 after growing 5 percent the previous year.",
         THU_2013_10_24, "the previous year", "DATE", "2008"),
        ("Officials said that day was the bloodiest of the war.",
         THU_2013_10_24, "that day", "DATE", "2013-10-24"),
        # "later"/"earlier" count from the story, not the report: a duration, without the adverb.
        ("Two days later, rebels attacked the convoy.", THU_2013_10_24, "Two days", "DURATION", "P2D"),
        ("Three weeks earlier, the talks had collapsed.", THU_2013_10_24, "Three weeks", "DURATION", "P3W"),
        # "in three days" with a future verb is the day it lands on.
        ("The talks will resume in three days.", THU_2013_10_24, "three days", "DATE", "2013-10-27"),
        ("The vote is due to take place in two weeks.", THU_2013_10_24, "two weeks", "DATE", "2013-W45"),
        ("Elections will be held in six months.", THU_2013_10_24, "six months", "DATE", "2014-04"),
        ("The troops will withdraw in three days' time.", THU_2013_10_24, "three days' time", "DATE", "2013-10-27"),
        ("The siege ended in three days.", THU_2013_10_24, "three days", "DURATION", "P3D"),
        # Fractions and spelled-out numbers in durations; plural weekdays as sets.
        ("She spent 5 1/2 hours in Nairobi.", THU_2013_10_24, "5 1/2 hours", "DURATION", "PT5H30M"),
        ("The refugees lived in camps for 2 1/2 years.", THU_2013_10_24, "2 1/2 years", "DURATION", "P2Y6M"),
        ("Prices fell 3 percent in the last twenty four hours.",
         THU_2013_10_24, "the last twenty four hours", "DURATION", "PT24H"),
        ("The talks lasted twenty-five days.", THU_2013_10_24, "twenty-five days", "DURATION", "P25D"),
        ("The market is closed on Fridays.", THU_2013_10_24, "Fridays", "SET", "XXXX-WXX-5"),
    ],
)  # fmt: skip
def test_dates_story_anchors_durations_and_sets(text, report, phrase, timex_type, timex):
    expression = _expression(text, report, phrase)
    assert (expression.timex_type, expression.timex) == (timex_type, timex)


@pytest.mark.parametrize(
    ("sentence", "report", "phrase", "timex"),
    [
        # A past cue in another clause does not push a date a month or so ahead back a year.
        ("NATO officials said the three countries would join in early March.",
         dt.date(1999, 2, 10), "early March", "1999-03"),
        ("The official said the summit in April would go ahead.", dt.date(1999, 3, 20), "April", "1999-04"),
        ("Mr. Schwarz, 52 years old, will succeed Mr. Davison Feb. 1.", dt.date(1989, 10, 26), "Feb. 1", "1990-02-01"),
        ("The dividend is payable Dec. 15 to holders of record Nov. 17.", dt.date(1989, 10, 26), "Dec. 15", "1989-12-15"),
        ("The new rules, announced last month, take effect Jan. 1.", dt.date(2013, 10, 24), "Jan. 1", "2014-01-01"),
        ("He said he would travel to Washington on Thursday.", dt.date(2000, 4, 5), "Thursday", "2000-04-06"),
        # ... but far-off dates under a past cue stay in the past.
        ("The president was sworn in on May 6.", dt.date(1999, 1, 22), "May 6", "1998-05-06"),
        ("The accord was signed in September.", dt.date(1999, 3, 20), "September", "1998-09"),
        # Kept rock solid: the days around the report date.
        ("Police said on Monday that two bombs exploded in the capital.", dt.date(1997, 4, 2), "Monday", "1997-03-31"),
        ("Troops opened fire on Nov. 21, killing four.", dt.date(1997, 12, 1), "Nov. 21", "1997-11-21"),
        ("The ministers met last week in Geneva.", dt.date(1997, 12, 1), "last week", "1997-W48"),
    ],
)  # fmt: skip
def test_dates_tense_slack_and_cues(sentence, report, phrase, timex):
    assert _expression(sentence, report, phrase).timex == timex


@pytest.mark.parametrize(
    "sentence",
    [
        "Shells hit the Christian quarter of the old city.",
        "Residents of the quarter fled the shelling.",
        "The six-year-old boy was found in the year-old camp.",
    ],
)
def test_dates_story_anchors_do_not_fire_without_a_story(sentence):
    found = [t for t in find_time_expressions(sentence, THU_2013_10_24) if t.timex_type == "DATE"]
    assert found == [], [(t.text, t.timex) for t in found]


SAT_2000_01_15 = dt.date(2000, 1, 15)  # a Saturday


@pytest.mark.parametrize(
    ("sentence", "report", "phrase", "timex"),
    [
        # Holidays on fixed days, on the Nth weekday of a month, and counted from Easter.
        ("Elian was found Thanksgiving Day clinging to an inner tube.", SAT_2000_01_15, "Thanksgiving Day", "1999-11-25"),
        ("He was found in the Atlantic last Thanksgiving.", SAT_2000_01_15, "last Thanksgiving", "1999-11-25"),
        ("Abortion will be a theme of our campaign until Election Day.",
         dt.date(1998, 10, 26), "Election Day", "1998-11-03"),
        ("Protesters prayed as Easter week began.", dt.date(2000, 4, 17), "Easter week", "2000-W16"),
        ("The pope will celebrate Easter Sunday in Rome.", FRI_2013_03_22, "Easter Sunday", "2013-03-31"),
        ("Shops will close on Good Friday.", FRI_2013_03_22, "Good Friday", "2013-03-29"),
        ("Parades are planned for Memorial Day.", dt.date(2013, 5, 1), "Memorial Day", "2013-05-27"),
        ("Workers marched on Labor Day 1998.", FRI_2013_03_22, "Labor Day 1998", "1998-09-07"),
        ("Gifts were exchanged on Christmas Eve.", dt.date(2014, 1, 3), "Christmas Eve", "2013-12-24"),
        # A second day written after the first one's month.
        ("The summit will be held in Washington on April 24 and 25.", dt.date(1999, 2, 10), "25", "1999-04-25"),
        # Clock times written out.
        ("The father will leave at 4 in the morning.", dt.date(2000, 4, 5), "4 in the morning", "2000-04-05T04:00"),
        ("The curfew starts at 10 o'clock in the evening.", dt.date(2000, 4, 5), "10 o'clock in the evening",
         "2000-04-05T22:00"),
        # The attribution after a quotation does not decide the quoted event's tense.
        ("''This courageous father will leave on Thursday,'' Castro said.", dt.date(2000, 4, 5), "Thursday", "2000-04-06"),
        # "next to" is a place, not a future cue.
        ("Bombs exploded next to the U.S. embassies on Friday.", dt.date(1998, 8, 8), "Friday", "1998-08-07"),
        # A cue far away in a long sentence belongs to another clause.
        ("Reno allowed the extension after rejecting a Florida state court order that the boy remain with "
         "his relatives in the city of Miami until March 6.", SAT_2000_01_15, "March 6", "2000-03-06"),
    ],
)  # fmt: skip
def test_dates_holidays_pairs_clock_words_and_cues(sentence, report, phrase, timex):
    assert _expression(sentence, report, phrase).timex == timex


@pytest.mark.parametrize(
    ("sentence", "phrase", "timex_type", "timex"),
    [
        # A quantity per period is a SET of that period (TimeML), not a one-period duration.
        ("The cuts will save $500 million a year in costs.", "a year", "SET", "P1Y"),
        ("The economy created jobs at a rate of 358,000 a month.", "a month", "SET", "P1M"),
        ("Qantas will add four flights a week to Bombay.", "a week", "SET", "P1W"),
        ("Guards watch the clinic 24 hours a day.", "a day", "SET", "P1D"),
        # ... but a period after a preposition or a verb is a duration.
        ("Rebels held the town for a year.", "a year", "DURATION", "P1Y"),
        ("It was the smallest gain in a year.", "a year", "DURATION", "P1Y"),
        ("The ceasefire has lasted a week.", "a week", "DURATION", "P1W"),
        # Halves after the unit.
        ("A pilot arrived a minute and a half later.", "a minute and a half", "DURATION", "PT1M30S"),
        ("The talks lasted an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"),
    ],
)
def test_dates_rates_and_halves(sentence, phrase, timex_type, timex):
    expression = _expression(sentence, MON_2021_12_06, phrase)
    assert (expression.timex_type, expression.timex) == (timex_type, timex)


@pytest.mark.parametrize(
    "sentence",
    [
        "It will be a second betrayal, she said.",
        "A second group of three directors resigned.",
        "Gonzalez spoke on CBS's 60 Minutes about the boy.",
    ],
)
def test_dates_ordinals_and_titles_are_not_durations(sentence):
    found = [t for t in find_time_expressions(sentence, MON_2021_12_06) if t.timex_type == "DURATION"]
    assert found == [], [(t.text, t.timex) for t in found]


def test_dates_impossible_day_in_copy_does_not_crash():
    # Regression: "Nov. 31" in a Xinhua report (XIN_ENG_20061125.0136) raised ValueError and stopped a run.
    from accord.resolve.dates import find_time_expressions

    found = find_time_expressions("The talks ended on Nov. 31 and resumed on June 31.", dt.date(2006, 11, 25))
    assert all(t.date is None or t.date[5:7] not in ("11", "06") or t.date[8:] != "31" for t in found)
