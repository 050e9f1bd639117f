"""Sharing one database file between processes: short writes, readers that step aside.

DuckDB lets ONE process open a file read-write, or MANY open it read-only, never both (a lock on
the file). Accord shares it this way:

- A writer (``accord ingest``) opens the file only to commit a batch and closes it again, so the
  file is free between commits. Before opening it, it creates ``<db>.writer`` holding its process
  id (``announce_writer``), and removes it after closing; a flag whose process is gone is stale
  and ignored (``writer_waiting``).
- A long-lived reader (``accord serve``) closes its connections when it sees the flag, and
  opens them again once the flag is gone.
- Both retry while the file is locked (``open_database``), with a growing pause, for a bounded
  time; then ``DatabaseBusyError``.

>>> with writing(tmp_path / "a.duckdb") as db:  # doctest: +SKIP
...     db.write_result(result)
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from accord.errors import DatabaseBusyError
from accord.store.database import Database

__all__ = [
    "DEFAULT_LOCK_WAIT",
    "announce_writer",
    "open_database",
    "writer_flag",
    "writer_waiting",
    "writing",
]

# How long a writer waits for readers to let go of the file, in seconds.
DEFAULT_LOCK_WAIT = 30.0
_FIRST_PAUSE = 0.01
_LONGEST_PAUSE = 0.25


def writer_flag(db_path: str | Path) -> Path:
    """``<db>.writer``: present while a writer waits for the file or writes it."""
    path = Path(db_path)
    return path.with_name(path.name + ".writer")


def writer_waiting(db_path: str | Path) -> bool:
    """Whether a live process has announced that it waits to write ``db_path`` (or writes it)."""
    try:
        content = writer_flag(db_path).read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        return False
    except OSError:
        return True  # there, but unreadable: take it at its word
    if not content.isdigit():
        return True  # being written right now
    return _alive(int(content))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, under another user
    except OSError:
        return False
    return True


@contextmanager
def announce_writer(db_path: str | Path) -> Iterator[None]:
    """Hold ``<db>.writer`` (with this process's id) for the block; removed after it if still ours.

    When another live writer's flag is there, it is left as it is (it says the same thing). A
    folder where the flag cannot be written only loses the cooperation: the writer still retries.
    """
    flag = writer_flag(db_path)
    mine = str(os.getpid())
    owned = False
    if not writer_waiting(db_path):
        try:
            temporary = flag.with_name(f"{flag.name}.{mine}")
            temporary.write_text(mine + "\n", encoding="ascii")
            os.replace(temporary, flag)  # readers never see a half-written flag
            owned = True
        except OSError:
            pass
    try:
        yield
    finally:
        if owned:
            try:
                if flag.read_text(encoding="ascii").strip() == mine:
                    flag.unlink()
            except OSError:
                pass


def open_database(path: str | Path, *, read_only: bool, wait: float = DEFAULT_LOCK_WAIT) -> Database:
    """``Database(path, read_only=...)``, retried while another process holds the file's lock.

    Pauses grow from 10 ms to 250 ms. Raises ``DatabaseBusyError`` once ``wait`` seconds have
    passed, and ``StoreError`` at once for any other failure to open.
    """
    deadline = time.monotonic() + wait
    pause = _FIRST_PAUSE
    while True:
        try:
            return Database(path, read_only=read_only)
        except DatabaseBusyError as exc:
            if time.monotonic() + pause > deadline:
                raise DatabaseBusyError(f"{exc}; waited {wait:g} s for it") from None
        time.sleep(pause)
        pause = min(pause * 2, _LONGEST_PAUSE)


@contextmanager
def writing(path: str | Path, *, wait: float = DEFAULT_LOCK_WAIT) -> Iterator[Database]:
    """The database opened read-write for the block (flag announced, lock retried), then closed."""
    with announce_writer(path):
        database = open_database(path, read_only=False, wait=wait)
        try:
            yield database
        finally:
            database.close()
