"""Bounded work for ``POST /extract``: a few worker processes, a run-time limit, cancellation.

Parsing is CPU-bound and can take minutes on a long text, so it never runs on the event loop or
in the server's process: ``ExtractPool`` keeps at most ``workers`` processes
(``accord.engines.extract_worker``), each holding the model, started on first need. A request
waits at most ``timeout`` seconds for a free worker, then at most ``timeout`` seconds for its
answer (a new worker's model loading is not counted); past that, or as soon as the client
disconnects, the worker is killed (the only way to stop spaCy mid-parse)
and a fresh one is started for the next request. ``stop()`` kills every worker at once: the
server calls it on its first SIGTERM/SIGINT, so a long extract cannot hold the shutdown.

Errors: ``ExtractBusy`` (no worker free in time: 503), ``ExtractTimeout`` (the run took too long:
504), ``ExtractStopped`` (the server is stopping, or the client left), ``ExtractFailed`` (the
extractor raised: its type and message).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from accord.engines.extract_worker import ExtractFunction, serve_jobs

__all__ = ["ExtractBusy", "ExtractFailed", "ExtractPool", "ExtractStopped", "ExtractTimeout"]

# How long a new worker may take to load the model before it is given up on.
_START_TIMEOUT = 120.0


class ExtractBusy(Exception):
    """Every worker stayed busy until the request's time was up."""


class ExtractTimeout(Exception):
    """The extraction ran past the time limit; its worker was killed."""


class ExtractStopped(Exception):
    """The server is stopping, or the client went away: the worker was killed."""


class ExtractFailed(Exception):
    """The extractor raised; the message is the exception's type (its traceback is in the log)."""


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection

    def kill(self) -> None:
        """Kill the process; the pipe is closed by whoever reads it last (see ``_discard``)."""
        if self.process.is_alive():
            self.process.kill()


class ExtractPool:
    """At most ``workers`` extract processes running ``extract(text, date, article_id=...)``.

    ``extract`` must be importable by name (a module-level function), since workers are new
    processes (the ``spawn`` start method: safe in a threaded server); ``warm_up`` runs in each
    worker before its first job (it loads the model), outside the time limit.
    """

    def __init__(
        self,
        extract: ExtractFunction,
        *,
        workers: int = 1,
        timeout: float = 30.0,
        warm_up: Callable[[], None] | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.extract = extract
        self.workers = workers
        self.timeout = timeout
        self.warm_up = warm_up
        self._context = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        # Reentrant: stop() runs in a signal handler, which may interrupt the loop's thread in here.
        self._guard = threading.RLock()
        self._stopping = False
        self._slots: asyncio.Semaphore | None = None
        # Threads that wait on the workers' pipes (a pipe read blocks; the loop must not).
        self._waiters = ThreadPoolExecutor(max_workers=2 * workers + 1, thread_name_prefix="extract-wait")

    @property
    def processes(self) -> list[int]:
        """The process ids of the live workers (for tests and logs)."""
        with self._guard:
            return [w.process.pid for w in self._all if w.process.pid is not None and w.process.is_alive()]

    async def run(
        self,
        text: str,
        date: str,
        article_id: str | None,
        *,
        client_gone: Callable[[], Awaitable[Any]] | None = None,
    ) -> list[dict[str, Any]]:
        """The events of one text, from a worker; see the module docstring for the errors.

        ``client_gone()`` makes an awaitable that ends when the client disconnects.
        """
        events: list[dict[str, Any]] = await self.job(
            "extract", text, date, article_id, client_gone=client_gone
        )
        return events

    async def job(
        self,
        kind: str,
        text: str,
        date: str,
        article_id: str | None,
        *,
        client_gone: Callable[[], Awaitable[Any]] | None = None,
    ) -> Any:
        """One job of ``kind`` ("extract": the events; "explain": the explanation dict) in a worker,
        bounded as ``run`` is."""
        if self._stopping:
            raise ExtractStopped("the server is stopping")
        loop = asyncio.get_running_loop()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers)
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=self.timeout)
        except asyncio.TimeoutError:
            raise ExtractBusy(
                f"all {self.workers} extract workers stayed busy for {self.timeout:g} s"
            ) from None
        worker: _Worker | None = None
        try:
            worker = await self._take_worker(loop)
            # The limit is on the run: a new worker's model loading does not count.
            deadline = loop.time() + self.timeout
            worker.conn.send((kind, text, date, article_id))
            answer = loop.run_in_executor(self._waiters, worker.conn.recv)
            waiting: set[asyncio.Future[Any]] = {answer}
            gone = asyncio.ensure_future(client_gone()) if client_gone is not None else None
            if gone is not None:
                waiting.add(gone)
            try:
                done, _ = await asyncio.wait(
                    waiting, timeout=max(0.0, deadline - loop.time()), return_when=asyncio.FIRST_COMPLETED
                )
            finally:
                if gone is not None:
                    gone.cancel()
            if answer not in done:
                self._discard(worker, reading=answer)
                worker = None
                if gone is not None and gone in done:
                    raise ExtractStopped("the client went away")
                raise ExtractTimeout(f"extraction took longer than {self.timeout:g} s")
            try:
                status, payload = answer.result()
            except (EOFError, OSError):
                self._discard(worker)
                worker = None
                raise ExtractStopped("the server is stopping") from None
            if status != "ok":
                raise ExtractFailed(str(payload))
            return payload
        finally:
            if worker is not None:
                self._give_back(worker)
            self._slots.release()

    async def _take_worker(self, loop: asyncio.AbstractEventLoop) -> _Worker:
        with self._guard:
            if self._idle:
                return self._idle.pop()
        return await loop.run_in_executor(self._waiters, self._start_worker)

    def _start_worker(self) -> _Worker:
        """A new worker, once it says ready (blocking: run in a thread)."""
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=serve_jobs, args=(theirs, self.extract, self.warm_up), daemon=True, name="accord-extract"
        )
        with self._guard:
            if self._stopping:
                raise ExtractStopped("the server is stopping")
            process.start()
            worker = _Worker(process, ours)
            self._all.append(worker)
        theirs.close()
        if not ours.poll(_START_TIMEOUT):
            self._discard(worker)
            raise ExtractFailed(f"the extract worker did not start within {_START_TIMEOUT:g} s")
        try:
            ours.recv()
        except (EOFError, OSError):
            self._discard(worker)
            raise ExtractStopped("the extract worker ended while starting") from None
        return worker

    def _give_back(self, worker: _Worker) -> None:
        if self._stopping or not worker.process.is_alive():
            self._discard(worker)
            return
        with self._guard:
            self._idle.append(worker)

    def _discard(self, worker: _Worker, *, reading: asyncio.Future[Any] | None = None) -> None:
        """Kill ``worker`` and forget it. Its process is reaped and its pipe closed in a thread,
        once ``reading`` (a thread blocked on the pipe, which the kill ends with EOF) is done."""
        with self._guard:
            worker.kill()
            if worker in self._all:
                self._all.remove(worker)
            if worker in self._idle:
                self._idle.remove(worker)

        def reap(_: object = None) -> None:
            worker.process.join(timeout=5)
            worker.conn.close()

        if reading is None:
            self._waiters.submit(reap)
        else:
            # The read ends with EOFError: retrieved here, so that asyncio does not log it.
            reading.add_done_callback(
                lambda done: (done.cancelled() or done.exception(), self._waiters.submit(reap))
            )

    def stop(self) -> None:
        """Kill every worker now and refuse new jobs (safe from a signal handler)."""
        self._stopping = True
        with self._guard:
            for worker in self._all:
                if worker.process.is_alive():
                    worker.process.kill()

    def close(self) -> None:
        """``stop()``, then reap the worker processes and the waiting threads."""
        self.stop()
        with self._guard:
            workers, self._all, self._idle = self._all, [], []
        for worker in workers:
            worker.process.join(timeout=5)
            worker.conn.close()
        self._waiters.shutdown(wait=False, cancel_futures=True)
