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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import store
from ...errors import TalkwatchError
from . import output, tables

BATCH_SIZE = 64  # digests per transaction, as ``talkwatch ingest``


@dataclass
class MergeReport:
    """What a merge wrote."""

    partitions: int = 0
    merged: int = 0  # partitions read
    added: int = 0
    skipped: int = 0
    failed: int = 0
    facts: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)


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
        self.pending: list[tuple[dict[str, Any], dict[str, Any]]] = []

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
            _save(self.record, self.pending[: self.batch_size], self.report)
            self.pending = self.pending[self.batch_size :]
        self.report.merged += 1

    def flush(self) -> None:
        """Write what is left (a last, partial batch)."""
        if self.pending:
            _save(self.record, self.pending, self.report)
            self.pending = []


def _fresh_items(
    record: store.Record, items: list[Any], report: MergeReport
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(document row, digest) of digests handed over by a task, minus those already stored."""
    known = record.known([digest["document"]["id"] for digest, _, _ in items])
    fresh = [({"doc_id": d["document"]["id"], "body": body, "path": path}, d)
             for d, body, path in items if d["document"]["id"] not in known]
    report.skipped += len(items) - len(fresh)
    return fresh


def _fresh(
    out: str, record: store.Record, meta: dict[str, Any], report: MergeReport
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(document row, digest) of a partition's documents not yet in the record."""
    doc_files = [f for f in meta["files"] if f.startswith("documents/")]
    ids = [r["doc_id"] for _, found in output.read_rows(out, doc_files, columns=["doc_id"])
           for r in found]
    known = record.known(ids)
    if len(known) == len(set(ids)):
        report.skipped += len(ids)
        return []
    found: dict[str, list[dict[str, Any]]] = {}
    for table, part_rows in output.read_rows(out, meta["files"]):
        found.setdefault(table, []).extend(part_rows)
    pairs = tables.digests(found.pop("documents", []), found)
    fresh = [(d, g) for d, g in pairs if d["doc_id"] not in known]
    report.skipped += len(pairs) - len(fresh)
    return fresh


def _save(record: store.Record, batch: list[tuple[dict[str, Any], dict[str, Any]]],
          report: MergeReport) -> None:
    """One transaction per batch; when it fails, store the articles one by one to find the bad one."""
    items = [store.Item(digest, doc["body"], doc["path"]) for doc, digest in batch]
    try:
        saved = record.save_many(items)
    except (TalkwatchError, TypeError, KeyError, ValueError):
        for item, (doc, _) in zip(items, batch, strict=True):
            try:
                one = record.save_many([item])
            except (TalkwatchError, TypeError, KeyError, ValueError) as exc:
                report.failures.append((doc["path"] or doc["doc_id"], f"not stored: {exc}"))
                report.failed += 1
                continue
            report.added += one.added
            report.skipped += one.skipped
            report.facts += one.facts
        return
    report.added += saved.added
    report.skipped += saved.skipped
    report.facts += saved.facts
