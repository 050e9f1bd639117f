"""Latency of ``GET /events`` over 100,000 stored events (not a test; prints figures).

Builds a temporary DuckDB file of synthetic but realistic events (about 80 countries with a
skewed frequency, a few busy dyads, PLOVER types in news-like proportions, day/month/year
precision, dates over ten years), starts the API on a free loopback port, sends a few hundred
``GET /events`` requests with varied filters, pages and orders, and prints p50/p95 against the
target (p95 < 100 ms). The other aggregate routes are timed too, for information.

    .venv/bin/python bench/bench_api.py [--events 100000] [--requests 400] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from accord.records import Article, ArticleResult, Entity, Event, Money, Quantity, TimeExpression, Trigger

TARGET_P95_MS = 100.0

COUNTRIES = [
    ("USA", "United States"), ("CHN", "China"), ("RUS", "Russia"), ("IND", "India"), ("GBR", "United Kingdom"),
    ("FRA", "France"), ("DEU", "Germany"), ("JPN", "Japan"), ("UKR", "Ukraine"), ("ISR", "Israel"),
    ("IRN", "Iran"), ("PAK", "Pakistan"), ("TUR", "Turkey"), ("SAU", "Saudi Arabia"), ("KOR", "South Korea"),
    ("PRK", "North Korea"), ("BRA", "Brazil"), ("AUS", "Australia"), ("CAN", "Canada"), ("EGY", "Egypt"),
    ("SYR", "Syria"), ("AFG", "Afghanistan"), ("IRQ", "Iraq"), ("ZAF", "South Africa"), ("NGA", "Nigeria"),
    ("MEX", "Mexico"), ("ITA", "Italy"), ("ESP", "Spain"), ("POL", "Poland"), ("IDN", "Indonesia"),
    ("VNM", "Vietnam"), ("PHL", "Philippines"), ("BGD", "Bangladesh"), ("LKA", "Sri Lanka"), ("NPL", "Nepal"),
    ("ARE", "United Arab Emirates"), ("QAT", "Qatar"), ("ETH", "Ethiopia"), ("KEN", "Kenya"), ("SDN", "Sudan"),
    ("VEN", "Venezuela"), ("COL", "Colombia"), ("ARG", "Argentina"), ("CHL", "Chile"), ("PER", "Peru"),
    ("GRC", "Greece"), ("SRB", "Serbia"), ("HUN", "Hungary"), ("SWE", "Sweden"), ("FIN", "Finland"),
    ("NOR", "Norway"), ("NLD", "Netherlands"), ("BEL", "Belgium"), ("CHE", "Switzerland"), ("AUT", "Austria"),
    ("KAZ", "Kazakhstan"), ("UZB", "Uzbekistan"), ("ARM", "Armenia"), ("AZE", "Azerbaijan"), ("GEO", "Georgia"),
    ("BLR", "Belarus"), ("MMR", "Myanmar"), ("THA", "Thailand"), ("MYS", "Malaysia"), ("SGP", "Singapore"),
    ("NZL", "New Zealand"), ("LBN", "Lebanon"), ("JOR", "Jordan"), ("YEM", "Yemen"), ("LBY", "Libya"),
    ("DZA", "Algeria"), ("MAR", "Morocco"), ("TUN", "Tunisia"), ("SOM", "Somalia"), ("MLI", "Mali"),
    ("CUB", "Cuba"), ("TWN", "Taiwan"), ("MNG", "Mongolia"), ("KHM", "Cambodia"), ("PRT", "Portugal"),
]  # fmt: skip
BUSY_DYADS = [("USA", "CHN"), ("RUS", "UKR"), ("IND", "PAK"), ("IND", "RUS"), ("ISR", "IRN"), ("USA", "RUS")]
# (PLOVER type, CAMEO, Goldstein, quad class, verb phrase, weight): weights in the rough order of
# how often wire reports code them (consultations and statements far more than force).
TYPES = [
    ("CONSULT", "040", 1.0, 1, "held talks with", 22), ("CONSULT", "042", 1.9, 1, "paid a visit to", 8),
    ("AGREE", "057", 8.0, 1, "signed an agreement with", 7), ("SUPPORT", "051", 3.4, 1, "praised", 5),
    ("REQUEST", "020", 3.0, 1, "urged", 8), ("COOPERATE", "062", 7.4, 2, "agreed to supply arms to", 4),
    ("AID", "070", 7.0, 2, "sent humanitarian aid to", 4), ("CONCEDE", "081", 5.0, 2, "eased restrictions on", 2),
    ("ACCUSE", "112", -2.0, 3, "accused", 9), ("REJECT", "120", -4.0, 3, "rejected a proposal from", 5),
    ("THREATEN", "138", -7.0, 3, "threatened", 4), ("PROTEST", "141", -6.5, 3, "protested against", 3),
    ("SANCTION", "163", -8.0, 4, "imposed sanctions on", 3), ("MOBILIZE", "154", -7.2, 4, "massed troops near", 2),
    ("COERCE", "172", -5.0, 4, "expelled diplomats of", 2), ("ASSAULT", "190", -10.0, 4, "shelled positions of", 3),
]  # fmt: skip
TOPICS = ["trade", "energy", "border security", "climate", "nuclear talks", "grain exports", "cyber attacks",
          "fisheries", "water sharing", "refugees", "pipeline", "vaccines", "shipping lanes", "debt relief"]  # fmt: skip
STATUSES = ["occurred"] * 85 + ["planned"] * 9 + ["negated"] * 3 + ["hypothetical"] * 3
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3650


def synthetic_results(n_events: int, rng: random.Random, per_article: int = 20) -> Iterator[ArticleResult]:
    """Articles of ``per_article`` events each until ``n_events`` events have been made."""
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(COUNTRIES))]
    type_weights = [t[5] for t in TYPES]
    made = 0
    article_no = 0
    while made < n_events:
        report = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        article_id = f"bench-{article_no:06d}"
        parts: list[str] = []
        events: list[Event] = []
        offset = 0
        for k in range(min(per_article, n_events - made)):
            if rng.random() < 0.3:
                a, b = rng.choice(BUSY_DYADS)
                if rng.random() < 0.5:
                    a, b = b, a
            else:
                a, b = rng.choices(COUNTRIES, weights, k=2)[0][0], rng.choices(COUNTRIES, weights)[0][0]
                while b == a:
                    b = rng.choices(COUNTRIES, weights)[0][0]
            names = dict(COUNTRIES)
            kind, cameo, goldstein, quad, verb, _ = rng.choices(TYPES, type_weights)[0]
            topic = rng.choice(TOPICS)
            back = rng.randrange(0, 20)
            when = report - dt.timedelta(days=back)
            precision = rng.choices(["day", "month", "year"], [85, 12, 3])[0]
            date = {"day": when.isoformat(), "month": when.isoformat()[:7], "year": str(when.year)}[precision]
            phrase = {"day": f"on {when:%d %B}", "month": f"in {when:%B %Y}", "year": f"in {when.year}"}[
                precision
            ]
            count = rng.randrange(2, 5000)
            sentence = f"{names[a]} {verb} {names[b]} over {topic} {phrase}, citing {count} cases."
            base = offset
            a_start = base
            b_start = base + len(names[a]) + 1 + len(verb) + 1
            t_start = base + len(names[a]) + 1
            d_start = sentence.index(phrase) + base
            c_text = str(count)
            c_start = sentence.index(c_text, sentence.index("citing")) + base
            money = ()
            if kind in ("AID", "COOPERATE", "AGREE") and rng.random() < 0.5:
                sentence = sentence[:-1] + " worth $1.5 billion."
                m_start = base + sentence.index("$1.5 billion")
                money = (Money(1_500_000_000, "USD", False, "$1.5 billion", m_start, m_start + 12),)
            events.append(
                Event(
                    id=f"{article_id}-{k}",
                    article_id=article_id,
                    date=date,
                    date_precision=precision,  # type: ignore[arg-type]
                    report_date=report.isoformat(),
                    event=kind,
                    cameo=cameo,
                    goldstein=goldstein,
                    quad_class=quad,
                    status=rng.choice(STATUSES),  # type: ignore[arg-type]
                    text=sentence,
                    text_start=base,
                    text_end=base + len(sentence),
                    trigger=Trigger(verb, t_start, t_start + len(verb)),
                    confidence=round(rng.uniform(0.4, 0.95), 2),
                    actor=(
                        Entity(names[a], names[a], a, "country", a_start, a_start + len(names[a]), "GOV"),
                    ),
                    recipient=(
                        Entity(names[b], names[b], b, "country", b_start, b_start + len(names[b]), "GOV"),
                    ),
                    quantities=(Quantity(count, c_text, c_start, c_start + len(c_text), item="cases"),),
                    money=money,
                    date_evidence=TimeExpression(
                        phrase, d_start, d_start + len(phrase), "DATE", date, date, precision
                    ),  # type: ignore[arg-type]
                )
            )
            parts.append(sentence)
            offset += len(sentence) + 1
            made += 1
        text = " ".join(parts)
        yield ArticleResult(
            Article(article_id, report, text, title=f"Wire digest {article_no}", source="bench"),
            tuple(events),
        )
        article_no += 1


def build(path: Path, n_events: int, rng: random.Random) -> float:
    from accord.store import Database

    began = time.perf_counter()
    with Database(path) as db:
        for result in synthetic_results(n_events, rng):
            db.write_result(result)
    return time.perf_counter() - began


@contextmanager
def running(app: Any) -> Iterator[str]:
    import uvicorn

    # IPPROTO_TCP so that asyncio sets TCP_NODELAY (otherwise keep-alive requests wait ~40 ms).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def event_queries(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Varied /events queries, as a dashboard user (and scripts) would send them."""
    codes = [c for c, _ in COUNTRIES]
    queries = []
    for _ in range(n):
        q: dict[str, Any] = {}
        shape = rng.randrange(9)
        if shape in (1, 5):
            q["actor"] = rng.choice(codes[:30])
        if shape in (2, 6):
            a, b = rng.choice(BUSY_DYADS) if rng.random() < 0.6 else rng.sample(codes[:20], 2)
            q["dyad"] = f"{a},{b}"
        if shape in (3, 6):
            q["type"] = rng.choice(TYPES)[0]
        if shape == 4:
            q["quad_class"] = rng.randint(1, 4)
        if shape in (5, 7):
            year = rng.randrange(2015, 2025)
            q["start"] = f"{year}-{rng.randint(1, 12):02d}"
            q["end"] = str(year + rng.randrange(0, 2))
        if shape == 7:
            q["status"] = rng.choice(["occurred", "planned"])
        if shape == 8:
            q["q"] = rng.choice(TOPICS + ["aid", "sanctions", "talks"])
        q["order"] = rng.choice(["date", "-date", "-date", "goldstein"])
        q["limit"] = rng.choice([25, 50, 100, 100, 1000])
        q["offset"] = rng.choice([0, 0, 0, 100, 1000, 5000])
        queries.append(q)
    return queries


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="also copy the built database here")
    parser.add_argument(
        "--db", type=Path, help="use this database (e.g. one kept earlier) instead of building"
    )
    args = parser.parse_args()

    import httpx

    from accord.api import create_app

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "bench.duckdb"
        if args.db is None:
            print(f"building {args.events:,} events ...", flush=True)
            seconds = build(db_path, args.events, rng)
            print(f"built in {seconds:.1f} s ({db_path.stat().st_size / 1e6:.1f} MB)")
            if args.keep:
                args.keep.write_bytes(db_path.read_bytes())
        with running(create_app(db_path)) as url, httpx.Client(base_url=url, timeout=30) as client:
            total = client.get("/health").json()["events"]
            print(f"serving {total:,} events at {url}")
            for q in event_queries(rng, 20):  # warm-up: first queries load columns into memory
                client.get("/events", params=q)
            timings: list[float] = []
            first_seen: list[float] = []  # filters not asked before: the count is computed, not remembered
            seen: set[tuple[Any, ...]] = set()
            matched: list[int] = []
            for q in event_queries(rng, args.requests):
                began = time.perf_counter()
                response = client.get("/events", params=q)
                elapsed = (time.perf_counter() - began) * 1000
                response.raise_for_status()
                timings.append(elapsed)
                key = tuple(sorted((k, v) for k, v in q.items() if k not in ("order", "limit", "offset")))
                if key not in seen:
                    first_seen.append(elapsed)
                    seen.add(key)
                matched.append(response.json()["total"])
            p50, p95 = percentile(timings, 50), percentile(timings, 95)
            print(
                f"GET /events  n={len(timings)}  p50={p50:.1f} ms  p95={p95:.1f} ms  max={max(timings):.1f} ms"
                f"  (matches per query: median {statistics.median(matched):,.0f})"
            )
            print(
                f"  of which filters never asked before  n={len(first_seen)}  p50={percentile(first_seen, 50):.1f} ms"
                f"  p95={percentile(first_seen, 95):.1f} ms"
            )
            print(f"target p95 < {TARGET_P95_MS:.0f} ms: {'met' if p95 < TARGET_P95_MS else 'NOT met'}")

            others = {
                "GET /dyads/USA/CHN/timeline?interval=month": "/dyads/USA/CHN/timeline?interval=month",
                "GET /dyads/IND/PAK/timeline?interval=day": "/dyads/IND/PAK/timeline?interval=day",
                "GET /actors/USA/timeline?interval=week": "/actors/USA/timeline?interval=week",
                "GET /network?limit=80": "/network?limit=80",
                "GET /network?start=2020&end=2020&limit=80": "/network?start=2020&end=2020&limit=80",
                "GET /actors?limit=300": "/actors?limit=300",
                "GET /articles/bench-000100": "/articles/bench-000100",
                "GET /events?format=csv&limit=1000": "/events?format=csv&limit=1000",
            }
            print(
                "other routes: first call (computed), then the median of 10 repeats (read-only: remembered)"
            )
            for label, path in others.items():
                runs = []
                for _ in range(11):
                    began = time.perf_counter()
                    client.get(path).raise_for_status()
                    runs.append((time.perf_counter() - began) * 1000)
                print(f"  {label:45s} first={runs[0]:.1f} ms  repeat p50={percentile(runs[1:], 50):.1f} ms")


if __name__ == "__main__":
    main()
