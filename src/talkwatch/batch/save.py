"""Digests into the store, batch by batch: the one save loop of every batch path.

The local pool (``batch.local``) and the Dask merge (``batch.dask.merge``)
both hand their extracted digests here, a batch at a time. A batch is one
transaction; when it fails, its articles are stored one by one, so one bad
digest costs only itself and is reported with the reason. ``Tally`` counts
what happened, for the reports and the command line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import TalkwatchError
from ..store import Item, Record, Saved

BATCH_SIZE = 64  # digests per transaction: a crash loses at most one batch
# What a digest the writer refuses raises (a malformed digest: missing keys, wrong types).
STORE_ERRORS = (TalkwatchError, TypeError, KeyError, ValueError)


class Failure(NamedTuple):
    """An input that was skipped, and why."""

    where: str
    reason: str


@dataclass
class Tally:
    """Articles added, already stored or failed, the facts written, and every failure."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    facts: int = 0
    failures: list[Failure] = field(default_factory=list)

    def fail(self, where: str, reason: str) -> None:
        """Count an article that could not be read, extracted or stored."""
        self.failures.append(Failure(where, reason))
        self.failed += 1

    def count(self, saved: Saved) -> None:
        """Add what one write stored (and found already stored)."""
        self.added += saved.added
        self.skipped += saved.skipped
        self.facts += saved.facts

    def summary(self) -> str:
        """``3 added, 1 already stored, 0 failed``: the counts as the command line says them."""
        return f"{self.added} added, {self.skipped} already stored, {self.failed} failed"


def save(record: Record, batch: Sequence[tuple[str, Item]], tally: Tally) -> None:
    """Write ``(name, item)`` pairs in one transaction; if that fails, find the bad ones one by one."""
    if not batch:
        return
    try:
        tally.count(record.save_many([item for _, item in batch]))
    except STORE_ERRORS:
        for name, item in batch:
            try:
                tally.count(record.save_many([item]))
            except STORE_ERRORS as exc:
                tally.fail(name, f"not stored: {exc}")
