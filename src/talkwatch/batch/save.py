"""Digests into the store, batch by batch: the one save loop of every batch path.

The local pool (``batch.local``) and the Dask merge (``batch.dask.merge``)
both hand their extracted digests here, a batch at a time. A batch is one
transaction; when it fails, its articles are stored one by one, so one bad
digest costs only itself and is reported with the reason. ``Tally`` counts
what happened, the same way on every path, for the reports and the command line:

- added: stored now; already stored: the same text was stored before (or
  earlier in this run);
- skipped: an input that could not be read (a missing, binary or empty file,
  a broken JSON line), with the reason;
- failed: an article that was read but could not be extracted or stored,
  with the reason;
- warnings: stored, with a caveat (no date, another language, a cut body).

There is no "updated": an article's id is the hash of its text, so new text
is a new article and the same text is already stored.
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
    """Articles added, already stored, skipped and failed, the facts written, and every reason."""

    added: int = 0
    already: int = 0
    skipped: int = 0
    failed: int = 0
    facts: int = 0
    replaced: int = 0  # of ``added``: stored articles re-extracted on a newer rule set
    failures: list[Failure] = field(default_factory=list)
    skips: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)

    def fail(self, where: str, reason: str) -> None:
        """Count an article that was read but could not be extracted or stored."""
        self.failures.append(Failure(where, reason))
        self.failed += 1

    def skip(self, where: str, reason: str) -> None:
        """Count an input that could not be read."""
        self.skips.append(Failure(where, reason))
        self.skipped += 1

    def warn(self, where: str, reason: str) -> None:
        """Note a caveat about an article that is read and stored (not a failure)."""
        self.warnings.append(Failure(where, reason))

    def count(self, saved: Saved) -> None:
        """Add what one write stored (and found already stored)."""
        self.added += saved.added
        self.already += saved.skipped
        self.facts += saved.facts
        self.replaced += saved.replaced

    @property
    def stored(self) -> int:
        """Articles read and in the store now: the test of a run that did something."""
        return self.added + self.already

    def summary(self) -> str:
        """``3 added, 1 already stored, 2 skipped, 0 failed, 4 warnings``: as the command line says it."""
        again = f" ({self.replaced} re-extracted on newer rules)" if self.replaced else ""
        return (
            f"{self.added} added{again}, {self.already} already stored, {self.skipped} skipped, "
            f"{self.failed} failed, {len(self.warnings)} warnings"
        )


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
