"""Fixtures for the CLI tests: the ``accord`` group run in this process, with the session's model.

Most CLI tests gain nothing from a new process: ``run_cli`` invokes the click group through
click's ``CliRunner`` (the same ``main`` the console script runs, standalone, with the same exit
codes), and hands it the spaCy model that the session loaded once. A few tests in test_cli.py
still start the real console script, for what only a process shows (its exit status, a kill).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from accord.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


@dataclass(frozen=True)
class Ran:
    """What one ``accord`` run left: its exit status, standard output and standard error."""

    exit_code: int
    stdout: str
    stderr: str


RunCli = Callable[..., Ran]


@pytest.fixture(scope="session")
def run_cli(nlp) -> RunCli:
    """``run_cli("events", "--db", path, stdin=None) -> Ran``, in this process, with ``nlp``.

    Exceptions that the CLI lets out are not caught: a test sees a traceback as a failure.
    """
    runner = CliRunner(catch_exceptions=False)

    def run(*args: object, stdin: str | None = None) -> Ran:
        with pytest.MonkeyPatch.context() as patch:
            # The extractor loads its model through this function when it is given none; the
            # patch lasts for this run only.
            patch.setattr("accord.nlp.load_language_model", lambda name=None: nlp)
            result = runner.invoke(main, [str(arg) for arg in args], input=stdin)
        return Ran(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture(scope="session")
def sample_db(run_cli: RunCli, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding samples/, ingested once by ``accord ingest``; tests only read it."""
    path = tmp_path_factory.mktemp("cli") / "accord.duckdb"
    done = run_cli("ingest", SAMPLES, "--db", path, "--quiet")
    assert done.exit_code == 0, done.stderr
    return path
