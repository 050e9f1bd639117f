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
def serve(db_path: str, host: str, port: int, writable: bool) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard over the database."""
    try:
        from accord.api import serve as run_server
    except ImportError as exc:  # the web extra is optional
        raise click.ClickException(f"{exc}; run: pip install 'accord-events[web]'") from None
    run_server(Path(db_path), host=host, port=port, writable=writable)
