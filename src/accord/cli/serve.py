"""``accord serve``: the HTTP API and the dashboard over a database."""

from __future__ import annotations

from pathlib import Path

import click

from accord.cli.options import existing_db_option

__all__ = ["serve"]


def _host(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value.strip() or len(value.split()) != 1:
        raise click.BadParameter(f"{value!r} is not a host name or address")
    return value


def _allowed_hosts(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    for name in value:
        if not name.strip() or len(name.split()) != 1 or "/" in name:
            raise click.BadParameter(f"{name!r} is not a host name")
    return value


@click.command()
@existing_db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    callback=_host,
    help="Address to bind (loopback unless told).",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port to listen on."
)
@click.option("--writable", is_flag=True, help="Open the database for writing (default read-only).")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    callback=_allowed_hosts,
    metavar="NAME",
    help="Also answer requests whose Host header names NAME (repeatable; '*' for any). "
    "Loopback names and the --host address are always allowed.",
)
@click.option(
    "--extract-max-chars",
    type=click.IntRange(min=1),
    default=100_000,
    show_default=True,
    help="POST /extract refuses longer texts (413).",
)
@click.option(
    "--extract-timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds POST /extract may run before it is stopped (504).",
)
@click.option(
    "--extract-workers",
    type=click.IntRange(min=1, max=32),
    default=1,
    show_default=True,
    help="Worker processes for POST /extract (each loads the model on first use).",
)
def serve(
    db_path: str,
    host: str,
    port: int,
    writable: bool,
    allow_hosts: tuple[str, ...],
    extract_max_chars: int,
    extract_timeout: float,
    extract_workers: int,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard over the database.

    The database is read through a few read-only connections, released while `accord ingest`
    commits to the same file (requests wait a moment, or get 503); new articles appear after each
    commit. POST /extract runs in worker processes, bounded in text length and time. The first
    SIGTERM or Ctrl-C stops the server.
    """
    try:
        from accord.api import serve as run_server
    except ImportError as exc:  # a broken install: the web parts are default dependencies
        raise click.ClickException(f"{exc}; run: pip install accord-events") from None
    run_server(
        Path(db_path),
        host=host,
        port=port,
        writable=writable,
        allow_hosts=allow_hosts,
        max_extract_chars=extract_max_chars,
        extract_timeout=extract_timeout,
        extract_workers=extract_workers,
    )
