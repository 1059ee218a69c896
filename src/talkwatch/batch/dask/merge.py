"""Merge extracted partitions into the store, from one process: the single writer.

Partitions are read in corpus order, one at a time (memory stays flat), and
their digests rebuilt from the Parquet rows are written in batches through
the store's own writer, so the record is the one a single-process ingest of
the same corpus builds. Documents already in the store are skipped before
anything else is read: merging twice adds nothing, and an interrupted merge
resumes where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import store
from ..save import BATCH_SIZE, Tally, save
from . import output, tables

Pending = tuple[str, store.Item]  # (where the article came from, what to store)


@dataclass
class MergeReport(Tally):
    """What a merge wrote: the tally of the store, and the partitions read."""

    partitions: int = 0
    merged: int = 0  # partitions read
    seconds: float = 0.0


def merge_into_store(
    out_dir: str | Path,
    db: str | Path | store.Record | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[MergeReport], None] | None = None,
) -> MergeReport:
    """Write every complete partition under ``out_dir`` into the record ``db``."""
    started = time.perf_counter()
    markers = sorted(
        output.done(str(out_dir)).values(), key=lambda m: (m["order"], m["source"], m["index"])
    )
    with opened(db) as record:
        merger = Merger(str(out_dir), record, batch_size=batch_size)
        merger.report.partitions = len(markers)
        for meta in markers:
            merger.merge(meta)
            merger.report.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(merger.report)
        merger.flush()
    merger.report.seconds = time.perf_counter() - started
    if on_progress:
        on_progress(merger.report)
    return merger.report


@contextmanager
def opened(db: str | Path | store.Record | None) -> Iterator[store.Record]:
    """The record ``db`` (created if missing); one given open is not closed."""
    if isinstance(db, store.Record):
        yield db
        return
    with store.open(db, create=True) as record:
        yield record


class Merger:
    """The single writer: partitions in, digests out to the store in full batches."""

    def __init__(self, out_dir: str, record: store.Record, *, batch_size: int = BATCH_SIZE) -> None:
        self.out = out_dir
        self.record = record
        self.batch_size = max(1, batch_size)
        self.report = MergeReport()
        self.pending: list[Pending] = []

    def merge(self, meta: dict[str, Any]) -> None:
        """Queue one partition's new documents; write every full batch.

        The digests come with the marker when the task just ran (``items``),
        else from the partition's Parquet files.
        """
        if meta.get("items") is not None:
            self.pending += _fresh_items(self.record, meta["items"], self.report)
        else:
            self.pending += _fresh(self.out, self.record, meta, self.report)
        while len(self.pending) >= self.batch_size:
            save(self.record, self.pending[: self.batch_size], self.report)
            self.pending = self.pending[self.batch_size :]
        self.report.merged += 1

    def flush(self) -> None:
        """Write what is left (a last, partial batch)."""
        if self.pending:
            save(self.record, self.pending, self.report)
            self.pending = []


def _pending(digest: dict[str, Any], body: str | None, path: str | None) -> Pending:
    return path or digest["document"]["id"], store.Item(digest, body, path)


def _fresh_items(record: store.Record, items: list[Any], report: MergeReport) -> list[Pending]:
    """Digests handed over by a task, minus those already stored."""
    known = record.known([digest["document"]["id"] for digest, _, _ in items])
    fresh = [_pending(d, body, path) for d, body, path in items if d["document"]["id"] not in known]
    report.already += len(items) - len(fresh)
    return fresh


def _fresh(out: str, record: store.Record, meta: dict[str, Any], report: MergeReport) -> list[Pending]:
    """A partition's digests (rebuilt from its Parquet rows) not yet in the record."""
    doc_files = [f for f in meta["files"] if f.startswith("documents/")]
    ids = [r["doc_id"] for _, found in output.read_rows(out, doc_files, columns=["doc_id"])
           for r in found]
    known = record.known(ids)
    if len(known) == len(set(ids)):
        report.already += len(ids)
        return []
    found: dict[str, list[dict[str, Any]]] = {}
    for table, part_rows in output.read_rows(out, meta["files"]):
        found.setdefault(table, []).extend(part_rows)
    pairs = tables.digests(found.pop("documents", []), found)
    fresh = [_pending(g, d["body"], d["path"]) for d, g in pairs if d["doc_id"] not in known]
    report.already += len(pairs) - len(fresh)
    return fresh
