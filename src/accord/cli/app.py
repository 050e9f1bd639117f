"""The ``accord`` group: its commands, and how every error becomes one line on standard error.

Exit status (the contract): 0 every input was read; 3 some inputs were rejected (reasons on standard
error, the other inputs' events still produced); 2 usage error (a bad option, argument or value);
1 any other failure. Every error is one line, never a usage block or a Python traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from accord.cli.evaluate import evaluate
from accord.cli.explain import explain
from accord.cli.export import export
from accord.cli.extract import extract
from accord.cli.ingest import ingest, load
from accord.cli.query import article, events
from accord.cli.records import agreements, deals, meetings
from accord.cli.serve import serve
from accord.errors import AccordError

__all__ = ["main", "run"]

# Since click 8.2, `accord` without a command raises this to print the help (before, it exited 0).
_HELP_INSTEAD: tuple[type[click.ClickException], ...] = tuple(
    error for error in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if error is not None
)


class _OneLineErrors(click.Group):
    """A click group that reports errors in one line: ``accord events: Invalid value for ...``.

    Click's own report of a usage error is the usage, a hint and the error on four lines; here the
    command and the error share one, so that a script's log stays readable. Applies whether the
    group runs as the console script or under click's ``CliRunner``.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _HELP_INSTEAD as exc:
            exc.show()  # `accord` alone: the help text is the answer
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            command = exc.ctx.command_path if isinstance(exc, click.UsageError) and exc.ctx else "accord"
            click.echo(f"{command}: {_one_line(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        except AccordError as exc:
            click.echo(f"accord: {_one_line(str(exc))}", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _one_line(message: str) -> str:
    return " ".join(message.split())


@click.group(name="accord", cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="accord-events")
def main() -> None:
    """Accord: dated news reports in, coded international events (PLOVER/CAMEO) out."""


for _command in (
    extract,
    ingest,
    load,
    events,
    article,
    explain,
    agreements,
    deals,
    meetings,
    export,
    serve,
    evaluate,
):
    main.add_command(_command)


def run() -> None:
    """The console script ``accord``: runs the group, which exits with the status above."""
    main()
