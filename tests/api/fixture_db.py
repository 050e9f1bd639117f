"""The database and live server that the API and dashboard tests run against.

``build_fixture_db(path)`` is the one function to swap when the fixture should come from the real
pipeline (bundled sample + seed) instead of these hand-made records: it must write a DuckDB file
at ``path`` and return it. ``running_server(app)`` serves an app with uvicorn on a free loopback
port in a thread and yields its base URL.

Loaded by the ``fixture_db`` fixture of ``tests/conftest.py``
(the suite uses ``--import-mode=importlib``, so test folders are not importable packages).
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.records import (
    Article,
    ArticleResult,
    Entity,
    Event,
    Money,
    Quantity,
    TimeExpression,
    Trigger,
)

# Markup that must reach the browser as text, never as elements or script.
XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '<img src=x onerror="window.__pwned=1">'

NAMES = {
    "IND": "India",
    "RUS": "Russia",
    "USA": "United States",
    "CHN": "China",
    "FRA": "France",
    "DEU": "Germany",
    "GBR": "United Kingdom",
    "JPN": "Japan",
    "UKR": "Ukraine",
    "BRA": "Brazil",
}


def span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    """Offsets of the first ``phrase`` at or after ``after``; fails loudly when it is absent."""
    start = text.index(phrase, after)
    return start, start + len(phrase)


@dataclass
class Spec:
    """One event to build: phrases are looked up in the sentence that contains ``sentence``."""

    sentence: str
    trigger: str
    event: str
    cameo: str
    goldstein: float
    quad_class: int
    actors: list[tuple[str, str]]  # (phrase, code)
    recipients: list[tuple[str, str]]
    status: str = "occurred"
    date: str | None = None  # None: the report date
    date_phrase: str | None = None
    quantities: list[tuple[str, float, str | None]] = field(default_factory=list)  # (phrase, value, item)
    money: list[tuple[str, float, str, bool]] = field(
        default_factory=list
    )  # (phrase, amount, currency, approx)
    symmetric: bool = False
    office: dict[str, str] = field(default_factory=dict)


def _find(text: str, phrase: str, sentence_start: int) -> tuple[int, int]:
    """The phrase in (or after) its event's sentence, else its first mention in the article."""
    try:
        return span(text, phrase, sentence_start)
    except ValueError:
        return span(text, phrase)


def _entity(text: str, phrase: str, code: str, sentence_start: int, office: str | None) -> Entity:
    start, end = _find(text, phrase, sentence_start)
    is_country = office is None and phrase in NAMES.values()
    return Entity(
        entity_text=phrase,
        name=NAMES[code] if is_country else phrase,
        code=code,
        kind="country" if is_country else "person",
        start=start,
        end=end,
        sector="GOV",
        office=office,
    )


def make_result(article_id: str, date: str, title: str, text: str, specs: list[Spec]) -> ArticleResult:
    """An ArticleResult whose events point at real offsets in ``text``."""
    events = []
    for n, spec in enumerate(specs):
        s_start, s_end = span(text, spec.sentence)
        t_start, t_end = span(text, spec.trigger, s_start)
        date_value = spec.date or date
        evidence = None
        if spec.date_phrase:
            d_start, d_end = _find(text, spec.date_phrase, s_start)
            evidence = TimeExpression(
                text=spec.date_phrase,
                start=d_start,
                end=d_end,
                timex_type="DATE",
                timex=date_value,
                date=date_value,
                precision="day" if len(date_value) == 10 else "month" if len(date_value) == 7 else "year",
            )
        precision = "day" if len(date_value) == 10 else "month" if len(date_value) == 7 else "year"
        events.append(
            Event(
                id=f"{article_id}-e{n + 1}",
                article_id=article_id,
                date=date_value,
                date_precision=precision,  # type: ignore[arg-type]
                report_date=date,
                event=spec.event,
                cameo=spec.cameo,
                goldstein=spec.goldstein,
                quad_class=spec.quad_class,
                status=spec.status,  # type: ignore[arg-type]
                text=spec.sentence,
                text_start=s_start,
                text_end=s_end,
                trigger=Trigger(spec.trigger, t_start, t_end),
                confidence=0.8,
                actor=tuple(_entity(text, p, c, s_start, spec.office.get(p)) for p, c in spec.actors),
                recipient=tuple(_entity(text, p, c, s_start, spec.office.get(p)) for p, c in spec.recipients),
                symmetric=spec.symmetric,
                quantities=tuple(
                    Quantity(
                        value=v,
                        text=p,
                        start=_find(text, p, s_start)[0],
                        end=_find(text, p, s_start)[1],
                        item=i,
                    )
                    for p, v, i in spec.quantities
                ),
                money=tuple(
                    Money(
                        amount=a,
                        currency=c,
                        approximate=approx,
                        text=p,
                        start=_find(text, p, s_start)[0],
                        end=_find(text, p, s_start)[1],
                    )
                    for p, a, c, approx in spec.money
                ),
                date_evidence=evidence,
            )
        )
    article = Article(
        id=article_id, date=dt.date.fromisoformat(date), text=text, title=title, source="fixture"
    )
    return ArticleResult(article=article, events=tuple(events))


def hand_made_results() -> list[ArticleResult]:
    """A few articles in the style of wire reports, with their events coded by hand."""
    results = []

    text = (
        "India and Russia signed four defence agreements in New Delhi on Monday. "
        "The most important of them covers the procurement of 6,01,427 AK-203 assault rifles "
        "at a cost of around Rs 5000 crore. "
        "Defence Minister Rajnath Singh met his Russian counterpart Sergey Shoigu before the talks. "
        "The two countries will hold their first 2+2 ministerial dialogue on Tuesday."
    )
    results.append(
        make_result(
            "ind-rus-2021-12-06",
            "2021-12-06",
            "India, Russia sign defence pacts",
            text,
            [
                Spec(
                    "India and Russia signed four defence agreements in New Delhi on Monday.",
                    "signed",
                    "AGREE",
                    "057",
                    8.0,
                    1,
                    [("India", "IND")],
                    [("Russia", "RUS")],
                    symmetric=True,
                    date_phrase="on Monday",
                ),
                Spec(
                    "The most important of them covers the procurement of 6,01,427 AK-203 assault rifles "
                    "at a cost of around Rs 5000 crore.",
                    "procurement",
                    "COOPERATE",
                    "062",
                    7.4,
                    2,
                    [("India", "IND")],
                    [("Russia", "RUS")],
                    quantities=[("6,01,427", 601427, "AK-203 assault rifles")],
                    money=[("around Rs 5000 crore", 50_000_000_000, "INR", True)],
                ),
                Spec(
                    "Defence Minister Rajnath Singh met his Russian counterpart Sergey Shoigu before the talks.",
                    "met",
                    "CONSULT",
                    "040",
                    1.0,
                    1,
                    [("Rajnath Singh", "IND")],
                    [("Sergey Shoigu", "RUS")],
                    office={"Rajnath Singh": "Defence Minister", "Sergey Shoigu": "Defence Minister"},
                ),
                Spec(
                    "The two countries will hold their first 2+2 ministerial dialogue on Tuesday.",
                    "will hold",
                    "CONSULT",
                    "046",
                    7.0,
                    1,
                    [("India", "IND")],
                    [("Russia", "RUS")],
                    symmetric=True,
                    status="planned",
                    date="2021-12-07",
                    date_phrase="on Tuesday",
                ),
            ],
        )
    )

    text = (
        "The United States imposed sanctions on 12 Chinese companies on Tuesday, accusing them of "
        "supplying drone parts to Russia. China rejected the accusation and threatened to retaliate."
    )
    results.append(
        make_result(
            "usa-chn-2022-03-01",
            "2022-03-01",
            "US sanctions Chinese firms",
            text,
            [
                Spec(
                    "The United States imposed sanctions on 12 Chinese companies on Tuesday, accusing them of "
                    "supplying drone parts to Russia.",
                    "imposed sanctions",
                    "SANCTION",
                    "163",
                    -8.0,
                    4,
                    [("United States", "USA")],
                    [("China", "CHN")],
                    quantities=[("12", 12, "Chinese companies")],
                    date_phrase="on Tuesday",
                ),
                Spec(
                    "The United States imposed sanctions on 12 Chinese companies on Tuesday, accusing them of "
                    "supplying drone parts to Russia.",
                    "accusing",
                    "ACCUSE",
                    "112",
                    -2.0,
                    3,
                    [("United States", "USA")],
                    [("China", "CHN")],
                ),
                Spec(
                    "China rejected the accusation and threatened to retaliate.",
                    "rejected",
                    "REJECT",
                    "120",
                    -4.0,
                    3,
                    [("China", "CHN")],
                    [("United States", "USA")],
                ),
                Spec(
                    "China rejected the accusation and threatened to retaliate.",
                    "threatened",
                    "THREATEN",
                    "130",
                    -4.4,
                    3,
                    [("China", "CHN")],
                    [("United States", "USA")],
                    status="hypothetical",
                ),
            ],
        )
    )

    text = (
        "Russia delivered the second S-400 air defence regiment to India in February 2022, officials said. "
        "India criticised Russia over delays to the remaining deliveries. "
        "Moscow said it would send $2.5 billion worth of spare parts by 2023."
    )
    results.append(
        make_result(
            "rus-ind-2022-04-12",
            "2022-04-12",
            "S-400 deliveries continue",
            text,
            [
                Spec(
                    "Russia delivered the second S-400 air defence regiment to India in February 2022, officials said.",
                    "delivered",
                    "COOPERATE",
                    "062",
                    7.4,
                    2,
                    [("Russia", "RUS")],
                    [("India", "IND")],
                    date="2022-02",
                    date_phrase="in February 2022",
                ),
                Spec(
                    "India criticised Russia over delays to the remaining deliveries.",
                    "criticised",
                    "ACCUSE",
                    "111",
                    -2.0,
                    3,
                    [("India", "IND")],
                    [("Russia", "RUS")],
                ),
                Spec(
                    "Moscow said it would send $2.5 billion worth of spare parts by 2023.",
                    "would send",
                    "AID",
                    "070",
                    7.0,
                    2,
                    [("Russia", "RUS")],
                    [("India", "IND")],
                    status="planned",
                    date="2023",
                    date_phrase="by 2023",
                    money=[("$2.5 billion", 2_500_000_000, "USD", False)],
                ),
            ],
        )
    )

    text = (
        f"Protesters from France {XSS_SCRIPT} demonstrated outside the embassy of Germany {XSS_IMG} "
        "on Sunday, police said."
    )
    results.append(
        make_result(
            "xss-2022-05-08",
            "2022-05-08",
            f"Protest <b>report</b> {XSS_IMG}",
            text,
            [
                Spec(
                    text,
                    "demonstrated",
                    "PROTEST",
                    "141",
                    -6.5,
                    3,
                    [("France", "FRA")],
                    [("Germany", "DEU")],
                    date="2022-05-08",
                    date_phrase="on Sunday",
                ),
            ],
        )
    )

    # Routine meetings between other pairs, spread over 2020-2023, so that paging and the
    # network have something to work on.
    pairs = [("FRA", "DEU"), ("GBR", "USA"), ("JPN", "CHN"), ("UKR", "RUS"), ("BRA", "IND"), ("IND", "RUS")]
    for n in range(24):
        a, b = pairs[n % len(pairs)]
        day = dt.date(2020, 1, 15) + dt.timedelta(days=47 * n)
        text = (
            f"{NAMES[a]} and {NAMES[b]} held talks on trade and energy on {day:%d %B}. "
            f"{NAMES[a]} urged {NAMES[b]} to lower tariffs on {100 + n} product lines."
        )
        results.append(
            make_result(
                f"talks-{n:02d}",
                day.isoformat(),
                f"{NAMES[a]} and {NAMES[b]} hold talks",
                text,
                [
                    Spec(
                        f"{NAMES[a]} and {NAMES[b]} held talks on trade and energy on {day:%d %B}.",
                        "held talks",
                        "CONSULT",
                        "046",
                        7.0,
                        1,
                        [(NAMES[a], a)],
                        [(NAMES[b], b)],
                        symmetric=True,
                        date_phrase=f"on {day:%d %B}",
                    ),
                    Spec(
                        f"{NAMES[a]} urged {NAMES[b]} to lower tariffs on {100 + n} product lines.",
                        "urged",
                        "REQUEST",
                        "020",
                        3.0,
                        1,
                        [(NAMES[a], a)],
                        [(NAMES[b], b)],
                        quantities=[(str(100 + n), 100 + n, "product lines")],
                    ),
                ],
            )
        )
    return results


def build_fixture_db(path: Path) -> Path:
    """Write the test database at ``path`` and return it.

    Swap this one function to test against a database built by the real pipeline.
    """
    from accord.store import Database

    with Database(path) as db:
        for result in hand_made_results():
            db.write_result(result)
    return path


@contextmanager
def running_server(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 in a thread; yields ``http://127.0.0.1:PORT``."""
    import uvicorn

    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY only on sockets that say they are TCP,
    # and without it every keep-alive request waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
