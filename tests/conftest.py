"""Fixtures shared by the whole suite.

``shared_dir`` is the project's ``../shared`` folder (gold sets, the seed, the contract); tests that
need it skip cleanly on a machine without it. ``nlp`` loads the spaCy model once per session; ``local_ray`` starts a local Ray of 2 CPUs once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
TEST_DATA = Path(__file__).resolve().parent / "data"


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


@pytest.fixture(scope="session")
def seed_records():  # tests/facts/seed_records.py: the seed's seven records, checked on dicts
    import importlib.util
    import sys

    name = "accord_tests_seed_records"
    if name not in sys.modules:
        path = Path(__file__).resolve().parent / "facts" / "seed_records.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
