"""SQLite behind the store's backend interface: the default engine, one file per record.

WAL mode lets readers work while one writer commits; ``BEGIN IMMEDIATE``
takes the single write lock up front, so two ingests into one file wait for
each other instead of failing half-way. ``read_only=True`` opens the file
``mode=ro`` with ``PRAGMA query_only`` (the dashboard's connections).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from ..errors import StoreError
from .transaction import Transactional

BUSY_TIMEOUT_MS = 30_000  # readers and a second writer wait for a batch to commit
T = TypeVar("T")


class SQLiteBackend(Transactional):
    """A SQLite file (or ``:memory:``) in WAL mode with foreign keys on; or a file read-only."""

    dialect = "sqlite"

    def __init__(self, path: str, *, read_only: bool = False) -> None:
        self.path = path
        self._check_file(path)
        try:
            self.conn = _connect_read_only(path) if read_only else _connect(path)
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            problem = "cannot open read-only" if read_only else "not a talkwatch database"
            raise StoreError(f"{path}: {problem} ({exc})") from None

    @staticmethod
    def _check_file(path: str) -> None:
        """Refuse a file that is not SQLite before sqlite3 touches it."""
        if path == ":memory:":
            return
        p = Path(path)
        if p.is_dir():
            raise StoreError(f"{path}: is a directory, not a database file")
        if p.exists() and not p.is_file():  # /dev/zero, a FIFO: sqlite3 would fail deep inside, or block
            raise StoreError(f"{path}: not a regular file, not a database file")
        if p.exists() and p.stat().st_size > 0:
            with p.open("rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{path}: not a SQLite database file")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; the cursor comes back for ``fetchone``/``fetchall``."""
        return self._guard(self.conn.execute, sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per row of parameters."""
        self._guard(self.conn.executemany, sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts (column name -> value)."""
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def query_all(self, statements: Iterable[tuple[str, Sequence[Any]]]) -> list[list[dict[str, Any]]]:
        """Several queries' rows (a server backend sends them together)."""
        return [self.query(sql, params) for sql, params in statements]

    def tables(self) -> set[str]:
        """Names of the tables and views in the database."""
        rows = self.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {r[0] for r in rows}

    def lock(self, name: str) -> None:
        """Nothing to do: ``BEGIN IMMEDIATE`` already holds the one write lock."""

    def retrying(self, fn: Callable[[], T]) -> T:
        """Run a transaction once: SQLite writers wait for the lock instead of failing."""
        return fn()

    @contextmanager
    def _begin(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE``: take the write lock now, not at the first write."""
        self._guard(self.conn.execute, "BEGIN IMMEDIATE", ())
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._guard(self.conn.execute, "COMMIT", ())

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _guard(self, fn: Any, sql: str, params: Any) -> Any:
        try:
            return fn(sql, params)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(f"{self.path}: database is busy ({exc})") from None
            raise
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise StoreError(f"{self.path}: not a usable database ({exc})") from None
            raise


def _connect(path: str) -> sqlite3.Connection:
    """A writable connection: foreign keys enforced; files in WAL mode."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if path != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that cannot write: the file opened ``mode=ro``, and ``query_only`` on."""
    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA query_only = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn
