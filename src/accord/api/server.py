"""Run the API and dashboard with uvicorn: ``serve``.

Example::

    serve(Path("accord.duckdb"), port=8000)   # then open http://127.0.0.1:8000/
"""

from __future__ import annotations

import ipaddress
import logging
from pathlib import Path

from accord.api.app import create_app

__all__ = ["is_loopback", "serve"]

log = logging.getLogger("accord.api")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an IP address or a name) is only reachable from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8000, writable: bool = False) -> None:
    """Serve the API and dashboard with uvicorn until interrupted (binds to loopback by default).

    Logs a warning when ``host`` is not a loopback address (the API has no authentication).
    Raises ``accord.errors.StoreError`` as ``create_app`` does.

    >>> serve(Path("accord.duckdb"), port=8000)  # doctest: +SKIP
    """
    # Imported here: uvicorn is needed to serve, not to build the app (tests build it alone).
    import uvicorn

    app = create_app(Path(db_path), writable=writable)
    if not is_loopback(host):
        log.warning(
            "serving on %s: the API has no authentication; anyone who can reach it can read the data", host
        )
    uvicorn.run(app, host=host, port=port, log_level="info")
