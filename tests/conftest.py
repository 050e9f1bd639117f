"""Fixtures shared by the whole suite.

``shared_dir`` is the project's ``../shared`` folder (gold sets, the seed, the contract); tests that
need it skip cleanly on a machine without it. ``nlp`` loads the spaCy model once per session; ``local_ray`` starts a local Ray of 2 CPUs once.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
TESTS = Path(__file__).resolve().parent
TEST_DATA = TESTS / "data"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    path = shared_dir / "seed" / "000_5d68f7ddc8901266.txt"
    if not path.is_file():
        pytest.skip("the seed article is not present")
    return path


@pytest.fixture(scope="session")
def local_ray():  # a local Ray of 2 CPUs for the Ray engine's tests; skipped without the ray extra
    from accord.engines.ray_engine import ray_installed

    if not ray_installed():
        pytest.skip("the ray extra is not installed (pip install 'accord-events[ray]')")
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="session")
def nlp():  # spaCy Language, imported lazily
    from accord.nlp import load_language_model

    return load_language_model()


def _helper_module(name: str, path: Path) -> ModuleType:
    """A helper file of the tests as a module, loaded once (test folders are not packages under
    importlib mode, so they cannot import each other by name)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def seed_records() -> ModuleType:  # tests/facts/seed_records.py: the seed's seven records, checked on dicts
    return _helper_module("accord_tests_seed_records", TESTS / "facts" / "seed_records.py")


@pytest.fixture(scope="session")
def fixture_db() -> ModuleType:
    """tests/api/fixture_db.py: the API tests' database builder, the server runner and the markup constants."""
    return _helper_module("accord_tests_fixture_db", TESTS / "api" / "fixture_db.py")
