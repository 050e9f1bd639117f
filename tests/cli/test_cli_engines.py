"""``accord ingest --workers`` and ``--engine ray``, and ``accord load``, from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.engines.ray_engine import ray_installed

needs_ray = pytest.mark.skipif(not ray_installed(), reason="the ray extra is not installed")
REPORT = "AFP_ENG_19970401.0171"


@pytest.fixture(scope="module")
def report(shared_dir: Path) -> Path:
    return shared_dir / "data" / "te3-silver-news" / f"{REPORT}.tml"


@needs_ray
@pytest.mark.slow
def test_cli_ingest_on_ray_then_load(local_ray, report, run_cli, tmp_path):
    target, db = tmp_path / "events", tmp_path / "ray.duckdb"
    done = run_cli("ingest", report, "--engine", "ray", "--dataset", target)
    assert done.exit_code == 0, done.stderr
    assert "1 articles" in done.stderr and f"accord load {target} --db FILE" in done.stderr
    assert [p.name for p in target.iterdir()] == ["report_month=1997-04"]
    loaded = run_cli("load", target, "--db", db)
    assert loaded.exit_code == 0, loaded.stderr
    assert "1 articles written" in loaded.stderr
    local_db = tmp_path / "local.duckdb"
    assert run_cli("ingest", report, "--db", local_db, "--workers", "1", "--quiet").exit_code == 0
    assert _events(db) == _events(local_db) and _events(db)
    again = run_cli("ingest", report, "--engine", "ray", "--dataset", target, "--quiet")
    assert again.exit_code == 1 and "exists already" in again.stderr


def test_cli_ingest_engine_usage_errors(run_cli, tmp_path):
    no_dataset = run_cli("ingest", "samples/", "--engine", "ray")
    assert no_dataset.exit_code == 2 and "--dataset DIR" in no_dataset.stderr
    both = run_cli(
        "ingest", "samples/", "--engine", "ray", "--dataset", tmp_path / "d", "--db", tmp_path / "x.duckdb"
    )
    assert both.exit_code == 2 and "accord load" in both.stderr
    local = run_cli("ingest", "samples/", "--dataset", tmp_path / "d", "--db", tmp_path / "x.duckdb")
    assert local.exit_code == 2 and "--engine ray" in local.stderr
    zero = run_cli("ingest", "samples/", "--workers", "0", "--db", tmp_path / "x.duckdb")
    assert zero.exit_code == 2 and "--workers" in zero.stderr


def test_cli_load_a_folder_that_is_no_dataset_is_one_error(run_cli, tmp_path):
    done = run_cli("load", tmp_path, "--db", tmp_path / "x.duckdb")
    assert done.exit_code == 1 and "not a Parquet dataset" in done.stderr and "\n" not in done.stderr.strip()


def _events(db: Path) -> list[tuple[object, ...]]:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT id, event, cameo, date, text FROM events ORDER BY id").fetchall()
