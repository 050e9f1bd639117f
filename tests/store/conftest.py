"""Hand-built ArticleResults for the store's tests.

``build_result`` places every entity, trigger, quantity and amount by finding its words in the
article text, so offsets are real. The articles: the seed's facts (India and Russia sign defence
agreements, 6,01,427 AK-203 rifles for around Rs 5000 crore; a Putin-Modi summit planned), and
invented reports of other countries (China and the United States, Pakistan and Afghanistan,
Japan and the Philippines, France and Germany).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

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

HERE = Path(__file__).resolve().parent

# (PLOVER type, CAMEO, Goldstein, quad class)
CODES = {
    "AGREE": ("057", 8.0, 1),
    "CONSULT": ("040", 1.0, 1),
    "COOPERATE": ("062", 7.4, 2),
    "AID": ("070", 7.0, 2),
    "ACCUSE": ("112", -2.0, 3),
    "THREATEN": ("138", -7.0, 3),
    "SANCTION": ("163", -8.0, 4),
    "ASSAULT": ("190", -10.0, 4),
}


@dataclass
class Spec:
    """One event to place in an article: words are found in the article text."""

    key: str
    event: str
    sentence: str
    trigger: str
    actors: list[tuple[str, str, str]]  # (surface words, code, kind)
    recipients: list[tuple[str, str, str]]
    date: str | None = None  # None = the report date
    precision: str = "day"
    enddate: str | None = None
    status: str = "occurred"
    symmetric: bool = False
    context: tuple[str, ...] = ()
    quantities: list[tuple[str, float, str | None, str | None]] = field(default_factory=list)
    money: list[tuple[str, float, str, bool]] = field(default_factory=list)
    location: tuple[str, str] | None = None
    office: dict[str, str] = field(default_factory=dict)


def _span(text: str, words: str, within: tuple[int, int]) -> tuple[int, int]:
    start = text.index(words, within[0], within[1])
    return start, start + len(words)


def _entity(
    text: str, words: str, code: str, kind: str, within: tuple[int, int], office: str | None
) -> Entity:
    # An actor named only in an earlier sentence points at its first mention, as the extractor does.
    start, end = (
        _span(text, words, within)
        if words in text[within[0] : within[1]]
        else _span(text, words, (0, len(text)))
    )
    return Entity(words, words, code, kind, start, end, sector="GOV", office=office)  # type: ignore[arg-type]


def build_result(
    article_id: str, date: str, text: str, specs: list[Spec], *, title: str | None = None
) -> ArticleResult:
    """An ArticleResult whose events are ``specs``, each with offsets found in ``text``."""
    report = dt.date.fromisoformat(date)
    events: list[Event] = []
    for spec in specs:
        s_start, s_end = _span(text, spec.sentence, (0, len(text)))
        window = (s_start, s_end)
        t_start, t_end = _span(text, spec.trigger, window)
        cameo, goldstein, quad = CODES[spec.event]
        events.append(
            Event(
                id=f"{article_id}-{spec.key}",
                article_id=article_id,
                date=spec.date or date,
                date_precision=spec.precision,  # type: ignore[arg-type]
                enddate=spec.enddate,
                report_date=date,
                event=spec.event,
                cameo=cameo,
                goldstein=goldstein,
                quad_class=quad,
                status=spec.status,  # type: ignore[arg-type]
                text=spec.sentence,
                text_start=s_start,
                text_end=s_end,
                trigger=Trigger(spec.trigger, t_start, t_end),
                confidence=0.8,
                context=spec.context,
                actor=tuple(_entity(text, w, c, k, window, spec.office.get(w)) for w, c, k in spec.actors),
                recipient=tuple(
                    _entity(text, w, c, k, window, spec.office.get(w)) for w, c, k in spec.recipients
                ),
                symmetric=spec.symmetric,
                event_loc=Location(spec.location[0], spec.location[1], *_span(text, spec.location[0], window))
                if spec.location
                else None,
                quantities=tuple(
                    Quantity(value, words, *_span(text, words, window), unit, item)
                    for words, value, unit, item in spec.quantities
                ),
                money=tuple(
                    Money(amount, currency, approx, words, *_span(text, words, window))
                    for words, amount, currency, approx in spec.money
                ),
            )
        )
    return ArticleResult(
        article=Article(article_id, report, text, title=title, source="test", origin=f"{article_id}.txt"),
        events=tuple(events),
        times=(TimeExpression(date, 0, 0, "DATE", date, date, "day"),),
    )


SEED_TEXT = (
    "In a key development, India and Russia inked four defence agreements/contracts/protocols, sources told "
    "Republic on Monday. The most important of the agreements is that for the procurement of 6,01,427 7.63 x "
    "39mm assault rifles AK-203 through Indo-Russia Rifles Pvt Ltd. at a cost of around Rs 5000 crore. "
    "In the meeting, India and Russia signed the Agreement on Program for Military-Technical Cooperation from "
    "2021-2031. Meanwhile, later in the day, Russian President Vladimir Putin will hold the 21st annual "
    "India-Russia summit with Prime Minister Narendra Modi."
)


def seed_result() -> ArticleResult:
    return build_result(
        "000_5d68f7ddc8901266",
        "2021-12-06",
        SEED_TEXT,
        [
            Spec(
                "inked",
                "AGREE",
                "In a key development, India and Russia inked four defence agreements/contracts/protocols, "
                "sources told Republic on Monday.",
                "inked",
                [("India", "IND", "country")],
                [("Russia", "RUS", "country")],
                symmetric=True,
                context=("military",),
                quantities=[("four", 4, None, "defence agreements")],
            ),
            Spec(
                "procurement",
                "COOPERATE",
                "The most important of the agreements is that for the procurement of 6,01,427 7.63 x 39mm "
                "assault rifles AK-203 through Indo-Russia Rifles Pvt Ltd. at a cost of around Rs 5000 crore.",
                "procurement",
                [("India", "IND", "country")],
                [("Russia", "RUS", "country")],
                context=("military",),
                quantities=[("6,01,427", 601427, None, "7.63 x 39mm assault rifles AK-203")],
                money=[("around Rs 5000 crore", 5e10, "INR", True)],
            ),
            Spec(
                "program",
                "AGREE",
                "In the meeting, India and Russia signed the Agreement on Program for Military-Technical "
                "Cooperation from 2021-2031.",
                "signed",
                [("India", "IND", "country")],
                [("Russia", "RUS", "country")],
                date="2021",
                precision="year",
                enddate="2031",
                symmetric=True,
                context=("military",),
            ),
            Spec(
                "summit",
                "CONSULT",
                "Meanwhile, later in the day, Russian President Vladimir Putin will hold the 21st annual "
                "India-Russia summit with Prime Minister Narendra Modi.",
                "will hold",
                [("Vladimir Putin", "RUS", "person")],
                [("Narendra Modi", "IND", "person")],
                status="planned",
                symmetric=True,
                context=("diplomatic",),
                office={"Vladimir Putin": "President", "Narendra Modi": "Prime Minister"},
            ),
        ],
        title="India, Russia ink four defence agreements",
    )


def other_results() -> list[ArticleResult]:
    """Invented reports of other countries, on other dates."""
    china = (
        "Beijing accused Washington of interfering in its internal affairs on Tuesday. "
        "China also threatened the United States with countermeasures over arms sales to Taiwan."
    )
    pakistan = (
        "Pakistani jets struck Afghan border posts in Khost, killing 12 people, officials said. "
        "Islamabad demanded that Kabul stop cross-border attacks."
    )
    japan = (
        "Japan will give the Philippines aid worth about $250 million for coastal radar, Tokyo said. "
        "Japan and the Philippines held talks on maritime security in Manila."
    )
    france = (
        "France and Germany agreed in March 2022 to jointly build a new battle tank. "
        "The United States imposed sanctions on Russia over the invasion of Ukraine."
    )
    return [
        build_result(
            "cn-us-2022",
            "2022-08-02",
            china,
            [
                Spec(
                    "accuse",
                    "ACCUSE",
                    "Beijing accused Washington of interfering in its internal affairs on Tuesday.",
                    "accused",
                    [("Beijing", "CHN", "country")],
                    [("Washington", "USA", "country")],
                    date="2022-08-02",
                    context=("diplomatic",),
                ),
                Spec(
                    "threaten",
                    "THREATEN",
                    "China also threatened the United States with countermeasures over arms sales to Taiwan.",
                    "threatened",
                    [("China", "CHN", "country")],
                    [("United States", "USA", "country")],
                    context=("military",),
                ),
            ],
        ),
        build_result(
            "pk-af-2022",
            "2022-04-17",
            pakistan,
            [
                Spec(
                    "strike",
                    "ASSAULT",
                    "Pakistani jets struck Afghan border posts in Khost, killing 12 people, officials said.",
                    "struck",
                    [("Pakistani jets", "PAK", "group")],
                    [("Afghan border posts", "AFG", "group")],
                    date="2022-04-16",
                    context=("military",),
                    location=("Khost", "AFG"),
                    quantities=[("12", 12, "people", "killed")],
                ),
                Spec(
                    "demand",
                    "THREATEN",
                    "Islamabad demanded that Kabul stop cross-border attacks.",
                    "demanded",
                    [("Islamabad", "PAK", "country")],
                    [("Kabul", "AFG", "country")],
                ),
            ],
        ),
        build_result(
            "jp-ph-2023",
            "2023-11-04",
            japan,
            [
                Spec(
                    "aid",
                    "AID",
                    "Japan will give the Philippines aid worth about $250 million for coastal radar, Tokyo said.",
                    "give",
                    [("Japan", "JPN", "country")],
                    [("Philippines", "PHL", "country")],
                    status="planned",
                    money=[("about $250 million", 2.5e8, "USD", True)],
                ),
                Spec(
                    "talks",
                    "CONSULT",
                    "Japan and the Philippines held talks on maritime security in Manila.",
                    "held talks",
                    [("Japan", "JPN", "country")],
                    [("Philippines", "PHL", "country")],
                    symmetric=True,
                    location=("Manila", "PHL"),
                ),
            ],
        ),
        build_result(
            "fr-de-2022",
            "2022-04-30",
            france,
            [
                Spec(
                    "tank",
                    "COOPERATE",
                    "France and Germany agreed in March 2022 to jointly build a new battle tank.",
                    "agreed",
                    [("France", "FRA", "country")],
                    [("Germany", "DEU", "country")],
                    date="2022-03",
                    precision="month",
                    symmetric=True,
                ),
                Spec(
                    "sanctions",
                    "SANCTION",
                    "The United States imposed sanctions on Russia over the invasion of Ukraine.",
                    "imposed sanctions",
                    [("United States", "USA", "country")],
                    [("Russia", "RUS", "country")],
                    context=("economic",),
                ),
            ],
        ),
    ]


def all_results() -> list[ArticleResult]:
    return [seed_result(), *other_results()]


@pytest.fixture
def results() -> list[ArticleResult]:
    return all_results()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "accord.duckdb"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A database holding all_results(), shared by a module's tests: they only read it."""
    from accord.store import Database

    db = Database(tmp_path_factory.mktemp("filled") / "accord.duckdb")
    db.write_results(all_results())
    yield db
    db.close()


@pytest.fixture(scope="session")
def synthetic() -> ModuleType:
    """tests/store/synthetic.py, loaded by path (the test folders are not packages)."""
    spec = importlib.util.spec_from_file_location("accord_store_synthetic", HERE / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def kit() -> SimpleNamespace:
    """The builders above, for test modules (which cannot import this conftest by name)."""
    return SimpleNamespace(
        Spec=Spec, build_result=build_result, seed_result=seed_result, all_results=all_results, CODES=CODES
    )
