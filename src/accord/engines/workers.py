"""Parsing in worker processes: each loads the model once, analyses whole batches, and the outcomes
come back in input order, so that ONE writer stores them exactly as a single process would.

    main process                               worker processes (spawned, N)
    read inputs, skip stored articles  ──►  tasks  ──►  BatchAnalyser.analyse(batch)
    store outcomes in input order      ◄──  results ◄──  (seq, [ArticleResult | reason, ...])

Batches are the ones a single process would parse (same articles, same order), so the events, their
ids and everything derived from them in the database are the same byte for byte. At most
``window`` batches are out at a time (sent and not yet handed back), so memory stays flat however
long the input, and a worker is never idle while the writer commits. Workers ignore Ctrl-C (the
main process stops them) and leave by themselves when the main process dies (``kill -9``).

>>> with WorkerPool(2) as pool:                                    # doctest: +SKIP
...     for article, outcome in pool.analyse(batches):
...         print(article.id, outcome if isinstance(outcome, str) else len(outcome.events))
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from accord.engines.analysis import BatchAnalyser, Outcome
from accord.errors import EngineError
from accord.records import Article

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["WorkerPool", "available_cores"]

# How often the main process looks whether a worker died while it waits, and a worker whether
# the main process is still there (seconds).
_POLL_SECONDS = 1.0
# A worker that does not stop this long after being asked to is killed.
_STOP_SECONDS = 5.0
# The task that tells a worker to leave.
_STOP = None


def available_cores() -> int:
    """The CPU cores this process may run on (its affinity where the system says, else all)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


class WorkerPool:
    """``workers`` spawned processes analysing batches (see the module docstring).

    ``nlp`` None: each worker loads the default model; a model given is sent to the workers
    (pickled). Raises ``EngineError`` from ``analyse`` when a worker cannot load the model or dies.
    Use it as a context manager: leaving stops the workers (killed if they do not stop).
    """

    def __init__(
        self,
        workers: int,
        *,
        nlp: Language | None = None,
        batch_size: int = 32,
        window: int | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.window = window or 2 * workers
        context = multiprocessing.get_context("spawn")
        self._tasks: multiprocessing.Queue[Any] = context.Queue()
        self._results: multiprocessing.Queue[Any] = context.Queue()
        model = pickle.dumps(nlp) if nlp is not None else None
        self._processes: list[BaseProcess] = [
            context.Process(
                target=_work,
                args=(self._tasks, self._results, model, batch_size, os.getpid()),
                name=f"accord-worker-{n}",
                daemon=True,
            )
            for n in range(workers)
        ]
        for process in self._processes:
            process.start()

    @property
    def pids(self) -> list[int]:
        """The workers' process ids."""
        return [process.pid for process in self._processes if process.pid is not None]

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close(graceful=exc_info[0] is None)

    def analyse(self, batches: Iterable[list[Article]]) -> Iterator[tuple[Article, Outcome]]:
        """Each article of ``batches`` with its outcome, in input order."""
        sent: dict[int, list[Article]] = {}
        done: dict[int, list[Outcome]] = {}
        next_out = 0
        for seq, batch in enumerate(batches):
            self._tasks.put((seq, batch))
            sent[seq] = batch
            while seq + 1 - next_out >= self.window:
                yield from self._hand_back(next_out, sent, done)
                next_out += 1
        while next_out in sent:
            yield from self._hand_back(next_out, sent, done)
            next_out += 1

    def _hand_back(
        self, seq: int, sent: dict[int, list[Article]], done: dict[int, list[Outcome]]
    ) -> list[tuple[Article, Outcome]]:
        """Batch ``seq``'s articles with their outcomes, once it is back (batches that come back
        before it wait in ``done``)."""
        while seq not in done:
            number, payload = self._receive()
            done[number] = payload
        return list(zip(sent.pop(seq), done.pop(seq), strict=True))

    def _receive(self) -> tuple[int, list[Outcome]]:
        while True:
            try:
                seq, payload = self._results.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                self._check_alive()
                continue
            if seq < 0:
                raise EngineError(f"a worker process could not start: {payload}")
            return int(seq), payload

    def _check_alive(self) -> None:
        for process in self._processes:
            # Exit status 0: a worker that could not start, whose reason is on its way.
            if process.exitcode:
                code = process.exitcode
                how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
                raise EngineError(
                    f"worker process {process.pid} died ({how}); the articles committed so far stay"
                )

    def close(self, *, graceful: bool = True) -> None:
        """Stop the workers: asked to leave when ``graceful``, killed if they do not (or at once)."""
        if graceful:
            for _ in self._processes:
                self._tasks.put(_STOP)
        deadline = time.monotonic() + (_STOP_SECONDS if graceful else 0.0)
        for process in self._processes:
            process.join(timeout=max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()
        for channel in (self._tasks, self._results):
            channel.cancel_join_thread()  # what is still queued is not wanted any more
            channel.close()


def _work(
    tasks: multiprocessing.Queue[Any],
    results: multiprocessing.Queue[Any],
    model: bytes | None,
    batch_size: int,
    parent: int,
) -> None:
    """A worker's life: load the model once, then analyse batches until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    threading.Thread(target=_leave_with_parent, args=(parent,), daemon=True).start()
    try:
        analyser = BatchAnalyser(pickle.loads(model) if model is not None else None, batch_size=batch_size)
        analyser.load()
    except Exception as exc:
        results.put((-1, f"{type(exc).__name__}: {exc}"))
        return
    while True:
        task = tasks.get()
        if task is _STOP:
            return
        seq, batch = task
        results.put((seq, analyser.analyse(batch)))


def _leave_with_parent(parent: int) -> None:
    """Exit this worker once its parent is gone (killed): nobody would read its results."""
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)
