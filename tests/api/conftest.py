"""A live API server on a free loopback port, over a DuckDB file built for the session.

The database comes from ``fixture_db.build_fixture_db`` (the one function to swap for a database
built by the real pipeline). POST /extract gets an injected extractor here, so that these tests do
not load spaCy; ``test_api_extract_with_the_real_extractor`` checks the real one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

# POST /extract runs its function in worker processes that import it by name: the test
# extractors live in a module on sys.path (the workers inherit sys.path).
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))
from accord_test_extractors import echo_extractor


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory, fixture_db: ModuleType) -> Path:
    return fixture_db.build_fixture_db(tmp_path_factory.mktemp("api") / "fixture.duckdb")


@pytest.fixture(scope="session")
def api_url(api_db: Path, fixture_db: ModuleType) -> Iterator[str]:
    from accord.api import create_app

    app = create_app(api_db, max_body_bytes=10_000, extractor=echo_extractor)
    with fixture_db.running_server(app) as url:
        yield url


@pytest.fixture(scope="session")
def client(api_url: str) -> Iterator[Any]:
    import httpx

    with httpx.Client(base_url=api_url, timeout=10) as http:
        yield http
