"""The databases the store suite runs against: SQLite always, PostgreSQL when
``TALKWATCH_TEST_PG`` names a server (each test in schemas of its own, dropped after).

Test modules get the ``databases`` and ``record`` fixtures with
``pytest_plugins = ("store_backends",)``; tests using them run once per backend.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from talkwatch import store
from talkwatch.store.record import TABLES

PG_URL = os.environ.get("TALKWATCH_TEST_PG")
BACKENDS = (
    "sqlite",
    pytest.param(
        "postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not PG_URL, reason="TALKWATCH_TEST_PG is not set (no PostgreSQL server)"),
        ],
    ),
)
# Tables a PostgreSQL test record is emptied of between hypothesis examples, referring first.
_DATA_TABLES = ("documents_fts", "quotes_fts", *reversed(TABLES))


def with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}schema={schema}"


class Databases:
    """Fresh empty databases of one backend for one test; PostgreSQL schemas are dropped after."""

    def __init__(self, backend: str, tmp_path: Path) -> None:
        self.backend = backend
        self.tmp_path = tmp_path
        self.schemas: list[str] = []
        self._n = 0
        self._reused: store.Record | None = None

    def location(self) -> str:
        """Where a new database goes: a SQLite file, or a URL naming a new PostgreSQL schema."""
        self._n += 1
        if self.backend == "sqlite":
            return str(self.tmp_path / f"db{self._n}.db")
        schema = f"tw_test_{uuid.uuid4().hex[:12]}"
        self.schemas.append(schema)
        return with_schema(PG_URL or "", schema)

    def open(self, location: str | None = None) -> store.Record:
        """A record at ``location`` (created), else a new one (SQLite in memory)."""
        if location is None and self.backend == "sqlite":
            location = ":memory:"
        return store.open(location or self.location(), create=True)

    @contextmanager
    def fresh(self) -> Iterator[store.Record]:
        """An empty record per call (hypothesis examples): SQLite in memory, else one
        PostgreSQL record emptied each time, much faster than a schema per example."""
        if self.backend == "sqlite":
            with self.open() as rec:
                yield rec
            return
        if self._reused is None:
            self._reused = self.open()
        backend = self._reused.backend
        with backend.transaction():  # DELETE: faster than TRUNCATE on tables this small
            for table in _DATA_TABLES:
                backend.execute(f"DELETE FROM {table}")
        yield self._reused

    def raw(self, location: str, sql: str) -> Any:
        """One value from a database, read without talkwatch's checks (to see what is kept)."""
        from talkwatch.store.backend import connect

        backend = connect(location)
        try:
            return backend.scalar(sql)
        finally:
            backend.close()

    def drop(self) -> None:
        if self._reused is not None:
            self._reused.close()
        if not self.schemas:
            return
        import psycopg

        with psycopg.connect(PG_URL or "", autocommit=True) as conn:
            conn.execute("SET lock_timeout = '10s'")
            conn.execute("SET client_min_messages = warning")
            for schema in self.schemas:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=BACKENDS)
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    """The backend under test (``sqlite``, ``postgres``) and fresh databases of it."""
    dbs = Databases(request.param, tmp_path)
    try:
        yield dbs
    finally:
        dbs.drop()


@pytest.fixture
def record(databases: Databases) -> Iterator[store.Record]:
    """An empty record of the backend under test."""
    with databases.open() as rec:
        yield rec
