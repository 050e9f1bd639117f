"""The ``accord`` command: parse arguments, call the library, map errors to exit codes.

Exit status: 0 every input was read; 3 some inputs were rejected; 2 usage error; 1 any other
failure; every error is one line on standard error (see ``app``).

Modules: ``app`` (the group and its error handling), ``options`` (shared options and the checks
of their values), ``extract``, ``ingest`` (ingest, load), ``progress`` (the
progress bar and the printing of rejects), ``query`` (events, article), ``serve``,
``evaluate`` (eval), ``render`` (tables and marked text for people).
"""

from __future__ import annotations

from accord.cli.app import main, run

__all__ = ["main", "run"]
