"""Deterministic synthetic ArticleResults, and a writer script for the killed-ingest test.

``make_result(i)`` builds article i: 1 to 6 events between varied country pairs, with quantities
and money on some, dates spread over 2019-2023 at day, month and year precision. Run as a
script it writes articles ``0..n-1`` into a database file, printing each id once committed:

    python tests/store/synthetic.py DB_FILE N
"""

from __future__ import annotations

import datetime as dt
import sys

from accord.records import (
    Article,
    ArticleResult,
    Entity,
    Event,
    Location,
    Money,
    Quantity,
    TimeExpression,
    Trigger,
)

COUNTRIES = (
    ("IND", "India"),
    ("RUS", "Russia"),
    ("CHN", "China"),
    ("USA", "United States"),
    ("PAK", "Pakistan"),
    ("FRA", "France"),
    ("JPN", "Japan"),
    ("BRA", "Brazil"),
    ("ZAF", "South Africa"),
    ("UKR", "Ukraine"),
)
# (PLOVER type, CAMEO, Goldstein, quad class, verb)
EVENT_TYPES = (
    ("AGREE", "057", 8.0, 1, "signed a treaty with"),
    ("CONSULT", "040", 1.0, 1, "held talks with"),
    ("COOPERATE", "062", 7.4, 2, "agreed to supply arms to"),
    ("AID", "070", 7.0, 2, "sent aid to"),
    ("ACCUSE", "112", -2.0, 3, "accused"),
    ("THREATEN", "138", -7.0, 3, "threatened"),
    ("SANCTION", "163", -8.0, 4, "imposed an embargo on"),
    ("ASSAULT", "190", -10.0, 4, "shelled positions of"),
)


def make_result(i: int) -> ArticleResult:
    """Article ``syn-{i}`` with ``i % 6 + 1`` events; same ``i``, same result."""
    report = dt.date(2019, 1, 1) + dt.timedelta(days=(i * 37) % 1800)
    sentences: list[str] = []
    events: list[Event] = []
    quantities: list[Quantity] = []
    offset = 0
    for k in range(i % 6 + 1):
        a_code, a_name = COUNTRIES[(i + k) % len(COUNTRIES)]
        b_code, b_name = COUNTRIES[(i * 3 + k + 1) % len(COUNTRIES)]
        if b_code == a_code:
            b_code, b_name = COUNTRIES[(i * 3 + k + 2) % len(COUNTRIES)]
        etype, cameo, goldstein, quad, verb = EVENT_TYPES[(i + 2 * k) % len(EVENT_TYPES)]
        count = 100 * (k + 1) + i
        sentence = f"{a_name} {verb} {b_name} on {report.isoformat()}, involving {count:,} troops."
        start = offset
        a_span = (start, start + len(a_name))
        verb_start = start + len(a_name) + 1
        b_start = verb_start + len(verb) + 1
        count_text = f"{count:,}"
        count_start = sentence.index(count_text) + start
        quantity = Quantity(count, count_text, count_start, count_start + len(count_text), "troops", "troops")
        precision = ("day", "month", "year")[(i + k) % 3]
        date = {
            "day": report.isoformat(),
            "month": report.isoformat()[:7],
            "year": report.isoformat()[:4],
        }[precision]
        money: tuple[Money, ...] = ()
        if etype in ("COOPERATE", "AID"):
            money = (Money(2.5e9, "USD", k % 2 == 0, "$2.5 billion", start, start + 12),)
        events.append(
            Event(
                id=f"syn-{i}-e{k}",
                article_id=f"syn-{i}",
                date=date,
                date_precision=precision,
                report_date=report.isoformat(),
                event=etype,
                cameo=cameo,
                goldstein=goldstein,
                quad_class=quad,
                status=("occurred", "planned", "negated")[k % 3],
                text=sentence,
                text_start=start,
                text_end=start + len(sentence),
                trigger=Trigger(verb.split()[0], verb_start, verb_start + len(verb.split()[0])),
                confidence=round(0.5 + (i % 5) / 10, 2),
                context=("military",) if quad in (2, 4) else ("diplomatic",),
                actor=(Entity(a_name, a_name, a_code, "country", *a_span, sector="GOV"),),
                recipient=(Entity(b_name, b_name, b_code, "country", b_start, b_start + len(b_name)),),
                symmetric=etype == "AGREE",
                event_loc=Location(a_name, a_code, *a_span) if k == 0 else None,
                quantities=(quantity,),
                money=money,
            )
        )
        quantities.append(quantity)
        sentences.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(sentences)
    return ArticleResult(
        article=Article(id=f"syn-{i}", date=report, text=text, title=f"Report {i}", source="synthetic"),
        events=tuple(events),
        times=(
            TimeExpression(report.isoformat(), 0, 10, "DATE", report.isoformat(), report.isoformat(), "day"),
        ),
    )


def main(argv: list[str]) -> int:
    from accord.store import Database

    path, n = argv[1], int(argv[2])
    with Database(path) as db:
        for i in range(n):
            state = "written" if db.write_result(make_result(i)) else "skipped"
            print(f"{state} syn-{i}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
