"""The output folder: Parquet tables in month folders, atomic files, done markers.

::

    OUT/documents/month=2024-03/<partition>.parquet
    OUT/quotes/month=2024-03/<partition>.parquet   (one folder per fact kind)
    OUT/_done/<partition>.json                     (written last: the partition is complete)

Every file is written under a hidden temporary name and renamed into place,
and a partition's marker is written only after all its files, so a worker
killed mid-write leaves nothing a reader or a rerun would trust. The folder is
a Hive-partitioned dataset: ``duckdb.sql("SELECT * FROM
read_parquet('OUT/quotes/*/*.parquet', hive_partitioning=true)")``. Any
fsspec URL works as ``OUT`` (a shared disk, ``s3://bucket/run``, ...).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from ...errors import InputError
from . import tables
from .partitions import filesystem

DONE = "_done"
_MADE: set[str] = set()  # folders this process has created (a partition writes dozens of files)


def _join(*parts: str) -> str:
    return "/".join(p.rstrip("/") for p in parts)


def _atomic_write(fs: Any, path: str, write: Callable[[Any], None]) -> None:
    """Write a file under a hidden temporary name beside ``path``, then rename it into place."""
    folder, name = path.rsplit("/", 1)
    tmp = f"{folder}/.{name}.{uuid.uuid4().hex[:8]}.tmp"
    key = fs.unstrip_protocol(folder)
    if key not in _MADE:
        fs.makedirs(folder, exist_ok=True)
        _MADE.add(key)
    try:
        fh = fs.open(tmp, "wb")
    except FileNotFoundError:  # the folder was removed since: make it again
        fs.makedirs(folder, exist_ok=True)
        fh = fs.open(tmp, "wb")
    with fh:
        write(fh)
    fs.mv(tmp, path)


def write_tables(out_dir: str, pid: str, rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Write one partition's rows, one file per (table, month); return the files (relative)."""
    import pyarrow.parquet as pq

    fs, root = filesystem(out_dir)
    months = {r["doc_id"]: tables.month(r["published"]) for r in rows.get("documents", [])}
    written = []
    for table, records in rows.items():
        by_month: dict[str, list[dict[str, Any]]] = {}
        for r in records:
            by_month.setdefault(months.get(r["doc_id"], "unknown"), []).append(r)
        for month, group in sorted(by_month.items()):
            data = tables.to_arrow(table, group)
            rel = f"{table}/month={month}/{pid}.parquet"
            _atomic_write(fs, _join(root, rel), lambda fh, d=data: pq.write_table(d, fh, compression="zstd"))
            written.append(rel)
    return written


def mark_done(out_dir: str, pid: str, meta: dict[str, Any]) -> None:
    """Record that a partition is complete (the last write of a partition)."""
    fs, root = filesystem(out_dir)
    data = json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8")
    _atomic_write(fs, _join(root, DONE, f"{pid}.json"), lambda fh: fh.write(data))


def done(out_dir: str) -> dict[str, dict[str, Any]]:
    """Partition id -> marker of every complete partition in ``out_dir``."""
    fs, root = filesystem(out_dir)
    folder = _join(root, DONE)
    if not fs.isdir(folder):
        return {}
    found = {}
    for path in fs.glob(_join(folder, "*.json")):
        try:
            with fs.open(path, "rb") as fh:
                meta = json.loads(fh.read())
        except (OSError, ValueError):
            continue  # an unreadable marker: the partition is redone
        found[meta["id"]] = meta
    return found


def marker(out_dir: str, pid: str) -> dict[str, Any] | None:
    """The marker of one partition, if it is complete."""
    fs, root = filesystem(out_dir)
    path = _join(root, DONE, f"{pid}.json")
    try:
        with fs.open(path, "rb") as fh:
            return json.loads(fh.read())
    except (FileNotFoundError, ValueError):
        return None


def read_rows(out_dir: str, files: list[str], *, columns: list[str] | None = None
              ) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(table, rows) of a partition's files (as listed in its marker), a table at a time.

    The files of one table are read together, on pyarrow's threads: a
    partition spanning many months has many small files.
    """
    import pyarrow.dataset as ds

    fs, root = filesystem(out_dir)
    by_table: dict[str, list[str]] = {}
    for rel in files:
        by_table.setdefault(rel.split("/", 1)[0], []).append(_join(root, rel))
    for table, paths in by_table.items():
        try:
            data = ds.dataset(paths, format="parquet", filesystem=fs, schema=tables.arrow_schema(table))
            yield table, data.to_table(columns=columns).to_pylist()
        except (OSError, ValueError) as exc:
            raise InputError(f"{out_dir}: unreadable {table} files ({exc})") from None
