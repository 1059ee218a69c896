"""Database connection behind one small interface, so SQL stays portable.

Store code writes SQL with ``?`` placeholders and portable types (TEXT,
INTEGER, REAL) and upserts with ``ON CONFLICT``, which SQLite and PostgreSQL
both accept. A backend converts the placeholder style, opens transactions and
holds what truly differs between engines (pragmas, locking). SQLite is the
default; ``postgres.PostgresBackend`` implements the same methods for a
``postgresql://`` URL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError

BUSY_TIMEOUT_MS = 30_000  # readers and a second writer wait for a batch to commit
T = TypeVar("T")


class SQLiteBackend:
    """A SQLite file (or ``:memory:``) in WAL mode with foreign keys on."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.path = path
        self._check_file(path)
        try:
            self.conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a talkwatch database ({exc})") from None
        self._depth = 0

    @staticmethod
    def _check_file(path: str) -> None:
        """Refuse a file that is not SQLite before sqlite3 touches it."""
        if path == ":memory:":
            return
        p = Path(path)
        if p.is_dir():
            raise StoreError(f"{path}: is a directory, not a database file")
        if p.exists() and p.stat().st_size > 0:
            with p.open("rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise StoreError(f"{path}: not a SQLite database file")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._guard(self.conn.execute, sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._guard(self.conn.executemany, sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts (column name -> value)."""
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    def query_all(self, statements: Iterable[tuple[str, Sequence[Any]]]) -> list[list[dict[str, Any]]]:
        """Several queries' rows (a server backend sends them together)."""
        return [self.query(sql, params) for sql, params in statements]

    def tables(self) -> set[str]:
        rows = self.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {r[0] for r in rows}

    def lock(self, name: str) -> None:
        """Nothing to do: ``BEGIN IMMEDIATE`` already holds the one write lock."""

    def retrying(self, fn: Callable[[], T]) -> T:
        """Run a transaction once: SQLite writers wait for the lock instead of failing."""
        return fn()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._guard(self.conn.execute, "BEGIN IMMEDIATE", ())
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self._guard(self.conn.execute, "COMMIT", ())

    def close(self) -> None:
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


def is_url(location: str | Path) -> bool:
    """Whether a database location is a PostgreSQL URL rather than a SQLite file."""
    from .postgres import SCHEMES

    return str(location).startswith(SCHEMES)


def connect(db: str | Path, *, create: bool = False) -> Any:
    """Open the backend for a database location: a file path, ``:memory:`` or a PostgreSQL URL."""
    location = str(db)
    if is_url(location):
        from .postgres import PostgresBackend

        return PostgresBackend(location, create=create)
    return SQLiteBackend(location)
