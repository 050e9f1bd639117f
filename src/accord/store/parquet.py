"""Reading a Parquet dataset (a folder of files, Hive-partitioned) in a given order, with flat memory.

DuckDB sorts what does not fit in ``MEMORY_LIMIT`` on disk (in a temporary folder, removed after),
and rows are fetched ``_FETCH`` at a time, so a dataset of any size is read in order with bounded
memory. The dataset's files are only read.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from accord.errors import StoreError

__all__ = ["MEMORY_LIMIT", "ordered_parquet_rows"]

# What the sort may hold in memory before it spills to disk.
MEMORY_LIMIT = "256MB"
_FETCH = 256


def ordered_parquet_rows(
    dataset: Path, columns: Sequence[str], order_by: Sequence[str]
) -> Iterator[dict[str, Any]]:
    """The rows of every ``*.parquet`` file under ``dataset`` (folders ``name=value`` are columns),
    as dicts of ``columns``, sorted by ``order_by``.

    ``columns`` and ``order_by`` are the caller's constants, never user input. Raises
    ``StoreError`` when the folder holds no Parquet file or a file cannot be read.
    """
    if not dataset.is_dir() or not any(dataset.rglob("*.parquet")):
        raise StoreError(f"{dataset} is not a Parquet dataset (no *.parquet file in it)")
    names = ", ".join(f'"{c}"' for c in columns)
    order = ", ".join(f'"{c}"' for c in order_by)
    with tempfile.TemporaryDirectory(prefix="accord-sort-") as spill:
        con = duckdb.connect(":memory:")
        try:
            con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            con.execute("SET temp_directory = ?", [spill])
            cursor = con.execute(
                f"SELECT {names} FROM read_parquet(?, hive_partitioning = true) ORDER BY {order}",
                [str(dataset / "**" / "*.parquet")],
            )
            while chunk := cursor.fetchmany(_FETCH):
                yield from (dict(zip(columns, row, strict=True)) for row in chunk)
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the dataset {dataset}: {exc}") from exc
        finally:
            con.close()
