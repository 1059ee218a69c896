"""Database connection behind one small interface, so SQL stays portable.

Store code writes SQL with ``?`` placeholders and portable types (TEXT,
INTEGER, REAL) and upserts with ``ON CONFLICT``, which SQLite and PostgreSQL
both accept. A ``Backend`` converts the placeholder style, opens
transactions and holds what truly differs between engines (pragmas,
locking): ``sqlite.SQLiteBackend`` (the default) and
``postgres.PostgresBackend`` (a ``postgresql://`` URL) implement it, with
nested transactions written once in ``transaction.Transactional``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .postgres import SCHEMES, PostgresBackend
from .sqlite import SQLiteBackend

T = TypeVar("T")


class Backend(Protocol):
    """What the store needs from a database engine."""

    dialect: str  # "sqlite" or "postgres": where SQL must differ (full-text search)
    path: str  # where the database is, fit for messages (no password)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (``?`` placeholders); the cursor comes back."""
        ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per row of parameters."""
        ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts (column name -> value)."""
        ...

    def query_all(self, statements: Iterable[tuple[str, Sequence[Any]]]) -> list[list[dict[str, Any]]]:
        """Several queries' rows (a server backend sends them together)."""
        ...

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        ...

    def tables(self) -> set[str]:
        """Names of the record's tables (and views)."""
        ...

    def lock(self, name: str) -> None:
        """Hold a named lock until the transaction ends (steps that read before they write)."""
        ...

    def retrying(self, fn: Callable[[], T]) -> T:
        """Run a transaction, again if the engine aborted it on a conflict."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction; nested calls join the outer one."""
        ...

    def close(self) -> None:
        """Close the connection."""
        ...


def is_url(location: str | Path) -> bool:
    """Whether a database location is a PostgreSQL URL rather than a SQLite file."""
    return str(location).startswith(SCHEMES)


def connect(db: str | Path, *, create: bool = False) -> Backend:
    """Open the backend for a database location: a file path, ``:memory:`` or a PostgreSQL URL."""
    location = str(db)
    if is_url(location):
        return PostgresBackend(location, create=create)
    return SQLiteBackend(location)
