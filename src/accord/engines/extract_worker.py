"""The loop of one extract worker process: load the model once, then answer jobs one at a time.

The HTTP API runs ``POST /extract`` in a small pool of these processes (``accord.api.extract_pool``)
so that a long text never blocks the server's event loop, a run that takes too long or whose
client has left can be stopped by killing its process, and the server stops at once on a signal.
Messages on the pipe are tuples:

    worker -> server   ("ready", None)                 once the model is loaded
    server -> worker   (kind, text, date, article_id)   a job: kind "extract" or "explain"
    worker -> server   ("ok", answer) | ("error", exception type name)

An extract job answers the events (contract dicts), an explain job ``accord.explain``'s explanation
as a dict.

A failure's traceback goes to the worker's standard error (the server's log), not to the client.

Imports nothing heavy itself, so a worker for a test extractor starts in a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

__all__ = ["explain_default", "serve_jobs", "warm_up_default"]

ExtractFunction = Callable[..., list[dict[str, Any]]]


def warm_up_default() -> None:
    """Load the default extractor's model and lexicon (``accord.extract`` then answers at once)."""
    from accord.pipeline import default_extractor

    extractor = default_extractor()
    _ = extractor.nlp, extractor.lexicon


def explain_default(text: str, date: dt.date, *, article_id: str | None = None) -> dict[str, Any]:
    """``accord.explain`` with the default extractor, as a JSON-ready dict."""
    from accord.explanations import explain

    return explain(text, date, article_id=article_id).to_dict()


def serve_jobs(
    conn: Connection,
    extract: ExtractFunction,
    warm_up: Callable[[], None] | None,
    explain: Callable[..., dict[str, Any]] | None = None,
) -> None:
    """Run ``warm_up``, say ready, then answer jobs until the pipe closes (the server is gone).

    A failing job answers ``("error", "ExceptionType")`` and the loop goes on.
    """
    functions: dict[str, Callable[..., Any]] = {"extract": extract, "explain": explain or explain_default}
    # The server handles signals for the whole process group (Ctrl-C reaches us too): it kills
    # this process itself when it stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if warm_up is not None:
        warm_up()
    conn.send(("ready", None))
    while True:
        try:
            kind, text, date, article_id = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = functions[kind](text, dt.date.fromisoformat(date), article_id=article_id)
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            conn.send(("error", type(exc).__name__))
        else:
            conn.send(("ok", answer))
