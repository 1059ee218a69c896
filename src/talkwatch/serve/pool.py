"""What every request borrows: read-only records from a pool, and cached answers.

The database is opened once with the store (which checks the file and its
schema version), then every request borrows a read-only connection from a
small pool (SQLite ``mode=ro`` plus ``PRAGMA query_only``; a PostgreSQL
session whose transactions are read-only), so no page or API call can write.
"""

from __future__ import annotations

import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .. import store
from ..store.backend import is_url
from ..store.record import Record
from ..store.sqlite import SQLiteBackend


def read_only_record(path: str) -> Record:
    """A record that cannot write: SQLite opened read-only, or a PostgreSQL session whose
    transactions are read-only."""
    if is_url(path):
        rec = store.open(path)
        rec.backend.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return rec
    return Record(SQLiteBackend(path, read_only=True))


class Pool:
    """Read-only records, one per concurrent request, reused (SQLite connections are cheap
    but not free, and one connection must not serve two threads at once)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._free: queue.LifoQueue[Record] = queue.LifoQueue()
        self._all: list[Record] = []
        self._lock = threading.Lock()

    @contextmanager
    def record(self) -> Iterator[Record]:
        try:
            rec = self._free.get_nowait()
        except queue.Empty:
            rec = read_only_record(self.path)
            with self._lock:
                self._all.append(rec)
        try:
            yield rec
        finally:
            self._free.put(rec)

    def close(self) -> None:
        """Close every idle connection (the pool stays usable and opens new ones)."""
        with self._lock:
            while True:
                try:
                    rec = self._free.get_nowait()
                except queue.Empty:
                    break
                rec.close()
                self._all.remove(rec)


class Cache:
    """Answers keyed by database stamp and URL (or any key), least recently used out.

    The database changes only by ingest, and then the stamp changes, so an
    entry is never stale; an empty stamp (no way to tell) is never cached.
    Bounded in entries and, for bytes values, in total size.
    """

    def __init__(self, size: int = 2048, max_bytes: int = 256 << 20) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self._bytes = 0
        self._data: OrderedDict[tuple[str, ...], Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Any:
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
            return hit

    def put(self, key: tuple[str, ...], value: Any) -> None:
        if not self.size or not key[0]:
            return
        with self._lock:
            old = self._data.pop(key, None)
            self._bytes -= len(old) if isinstance(old, bytes) else 0
            self._data[key] = value
            self._bytes += len(value) if isinstance(value, bytes) else 0
            while len(self._data) > self.size or (self._bytes > self.max_bytes
                                                  and len(self._data) > 1):
                _, gone = self._data.popitem(last=False)
                self._bytes -= len(gone) if isinstance(gone, bytes) else 0

    def get_or(self, key: tuple[str, ...], compute: Callable[[], Any]) -> Any:
        """The cached value, or ``compute()`` (stored for next time)."""
        hit = self.get(key)
        if hit is None:
            hit = compute()
            self.put(key, hit)
        return hit
