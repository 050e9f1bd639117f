"""``accord.api.serve``'s helpers (the server itself is run by the tests in test_api.py)."""

from __future__ import annotations

import pytest

from accord.api.server import is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_server_is_loopback(host, loopback):
    assert is_loopback(host) is loopback
