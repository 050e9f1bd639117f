"""Run the API and dashboard with uvicorn: ``serve``.

Example::

    serve(Path("accord.duckdb"), port=8000)   # then open http://127.0.0.1:8000/
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable
from pathlib import Path
from types import FrameType

from accord.api.app import DEFAULT_EXTRACT_CHARS, DEFAULT_EXTRACT_TIMEOUT, create_app
from accord.api.extract_pool import ExtractPool
from accord.api.security import LOOPBACK_HOSTS

__all__ = ["allowed_hosts_for", "is_loopback", "serve"]

# Seconds the server waits for running requests after a signal before it cancels them.
_GRACE_SECONDS = 3

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


def allowed_hosts_for(host: str, extra: Iterable[str] = ()) -> set[str]:
    """The names a request's ``Host`` may give: loopback names, the bound address when it is a
    specific one, and ``extra`` (``--allow-host``).

    >>> sorted(allowed_hosts_for("192.168.1.10", ["accord.lan"]))
    ['127.0.0.1', '192.168.1.10', '::1', 'accord.lan', 'localhost']
    """
    names = set(LOOPBACK_HOSTS) | set(extra)
    if host not in ("0.0.0.0", "::", ""):
        names.add(host)
    return names


def serve(
    db_path: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    writable: bool = False,
    *,
    allow_hosts: Iterable[str] = (),
    max_extract_chars: int = DEFAULT_EXTRACT_CHARS,
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT,
    extract_workers: int = 1,
) -> None:
    """Serve the API and dashboard with uvicorn until a signal (binds to loopback by default).

    The first SIGTERM or SIGINT stops the server within a few seconds: extract workers are killed
    at once, and requests still running after ``_GRACE_SECONDS`` are cancelled. Logs a warning when
    ``host`` is not a loopback address (the API has no authentication). Raises
    ``accord.errors.StoreError`` as ``create_app`` does.

    >>> serve(Path("accord.duckdb"), port=8000)  # doctest: +SKIP
    """
    # Imported here: uvicorn is needed to serve, not to build the app (tests build it alone).
    import uvicorn

    app = create_app(
        Path(db_path),
        writable=writable,
        max_extract_chars=max_extract_chars,
        extract_timeout=extract_timeout,
        extract_workers=extract_workers,
        allowed_hosts=allowed_hosts_for(host, allow_hosts),
    )
    if not is_loopback(host):
        log.warning(
            "serving on %s: the API has no authentication; anyone who can reach it can read the data", host
        )
    pool: ExtractPool = app.state.extract_pool

    class _Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            # Extract workers may be minutes into a parse: kill them now, so that the requests
            # waiting on them end and the shutdown does not wait for them.
            pool.stop()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(
        app, host=host, port=port, log_level="info", timeout_graceful_shutdown=_GRACE_SECONDS
    )
    _Server(config).run()
