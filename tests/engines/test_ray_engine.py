"""The Ray engine on a local Ray of 2 CPUs: the events of the local engine, a Parquet dataset by
report month, and, loaded, the database the local engine writes. Skipped without the ``ray`` extra
(``pip install 'accord-events[ray]'``), which the test command installs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.engines import extract_files, ingest
from accord.engines.dataset import load_dataset
from accord.engines.ray_engine import ingest_to_dataset, ray_installed
from accord.errors import EngineError

needs_ray = pytest.mark.skipif(not ray_installed(), reason="the ray extra is not installed")
pytestmark = pytest.mark.slow
REPORTS = 50


@pytest.fixture(scope="module")
def reports(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 50 te3-silver-news reports and one file that cannot be read."""
    folder = tmp_path_factory.mktemp("reports")
    for path in sorted((shared_dir / "data" / "te3-silver-news").glob("*.tml"))[:REPORTS]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.jsonl").write_text('{"id": "x", "date": "2021-13-45", "text": "No date."}\n')
    return folder


@pytest.fixture(scope="module")
def dataset(local_ray: None, reports: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("ray") / "events"
    report = ingest_to_dataset([reports], target, batch_size=8)
    assert report.written == REPORTS and len(report.rejects) == 1
    assert "broken.jsonl" in report.rejects[0].origin
    return target


@needs_ray
def test_ray_engine_finds_the_events_of_the_local_engine(dataset: Path, reports: Path, nlp):
    import pyarrow.dataset as pads

    rows = pads.dataset(dataset, format="parquet", partitioning="hive").to_table().to_pylist()
    found = {row["article_id"]: json.loads(row["events"]) for row in rows if row["kind"] == "article"}
    local = {r.article.id: [e.to_dict() for e in r.events] for r in extract_files([reports], nlp=nlp)}
    assert len(local) == REPORTS and sum(map(len, local.values())) > 50
    assert found == local
    months = sorted(p.name for p in dataset.iterdir())
    assert "report_month=none" in months  # the reject
    assert all(m.startswith("report_month=") for m in months) and len(months) >= 2


@needs_ray
def test_ray_dataset_loads_into_the_database_of_the_local_engine(
    dataset, reports, nlp, tmp_path, read_database
):
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    ingest([reports], local_db, nlp=nlp, workers=1)
    report = load_dataset(dataset, ray_db)
    assert (report.written, report.events > 0, len(report.rejects)) == (REPORTS, True, 1)
    assert read_database(ray_db) == read_database(local_db)
    again = load_dataset(dataset, ray_db)
    assert (again.written, again.skipped) == (0, REPORTS)
    assert read_database(ray_db) == read_database(local_db)


@needs_ray
def test_ray_dataset_is_queryable_in_place(dataset):
    import duckdb

    files = str(dataset / "**" / "*.parquet")
    with duckdb.connect() as con:
        by_month = con.execute(
            "SELECT report_month, sum(event_count), count(*) FROM read_parquet(?, hive_partitioning = true) "
            "WHERE kind = 'article' GROUP BY 1 ORDER BY 1",
            [files],
        ).fetchall()
        types = con.execute(
            "SELECT DISTINCT json_extract_string(e.value, '$.event') FROM read_parquet(?, hive_partitioning = true), "
            "json_each(events) AS e",
            [files],
        ).fetchall()
    assert sum(count for _, _, count in by_month) == REPORTS
    assert all(month[:4].isdigit() for month, _, _ in by_month)
    assert len(types) >= 3


def test_ray_missing_extra_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr("accord.engines.ray_engine.ray_installed", lambda: False)
    with pytest.raises(EngineError, match=r"pip install 'accord-events\[ray\]'"):
        ingest_to_dataset(["samples/"], tmp_path / "d")
