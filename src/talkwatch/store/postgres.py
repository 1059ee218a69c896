"""PostgreSQL behind the store's backend interface (psycopg 3), for teams sharing one record.

The store's SQL is written once with ``?`` placeholders; this backend turns
them into psycopg's ``%s``, runs each write batch in one transaction and gives
concurrent writers what SQLite gets from its single write lock: advisory
locks (``lock``) around the steps that read before they write (migrations,
merging a place) and a retry when PostgreSQL aborts a transaction on a
deadlock or a serialization failure.

A URL may name the schema the record lives in with ``?schema=NAME`` (created
on first ingest), so that one database holds several records, or a record
next to other applications' tables.
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import NotFound, StoreError
from .transaction import Transactional

SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 10
RETRIES = 5  # transactions PostgreSQL aborted on a deadlock or serialization failure
RETRY_STATES = frozenset({"40001", "40P01"})
T = TypeVar("T")

_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\$\$.*?\$\$|\?|%", re.S)


@functools.lru_cache(maxsize=1024)
def to_psycopg(sql: str) -> str:
    """``?`` placeholders -> ``%s`` and literal ``%`` -> ``%%``, leaving quoted text alone."""

    def sub(m: re.Match[str]) -> str:
        tok = m.group(0)
        return "%s" if tok == "?" else "%%" if tok == "%" else tok

    return _TOKEN.sub(sub, sql)


def masked(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"^(\w+://[^:/@]*):[^@/]*@", r"\1:***@", url)


def split_schema(url: str) -> tuple[str, str | None]:
    """(URL for libpq, schema) — ``schema`` is talkwatch's own parameter, not libpq's."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    rest = [(k, v) for k, v in query if k != "schema"]
    if schema is not None and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", schema):
        raise StoreError(f"{masked(url)}: schema must be a plain identifier, not {schema!r}")
    return urlunsplit(parts._replace(query=urlencode(rest))), schema


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory lock key for a name."""
    return int.from_bytes(hashlib.sha1(name.encode("utf-8")).digest()[:8], "big", signed=True)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


class PostgresBackend(Transactional):
    """One psycopg connection in autocommit mode; ``transaction`` opens explicit ones."""

    dialect = "postgres"

    def __init__(self, url: str, *, create: bool = False) -> None:
        self.path = masked(url)
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg 3: pip install 'talkwatch[postgres]'") from None
        self._psycopg = psycopg
        conninfo, self.schema = split_schema(url)
        try:
            self.conn = psycopg.connect(
                conninfo,
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="talkwatch",
            )
        except (psycopg.Error, ValueError) as exc:
            raise StoreError(f"{self.path}: cannot connect to PostgreSQL ({_one_line(exc)})") from None
        try:
            self._use_schema(create)
        except BaseException:
            self.conn.close()
            raise

    def _use_schema(self, create: bool) -> None:
        if self.schema:
            if create:
                with self.transaction():
                    self.lock("schema")
                    self.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
            self.execute(f'SET search_path TO "{self.schema}"')
        current = self.scalar("SELECT current_schema()")
        if current is None:
            where = f"schema {self.schema!r}" if self.schema else "the search_path"
            raise NotFound(f"{self.path}: {where} does not exist; run `talkwatch ingest` first")
        self.schema = current

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; the cursor comes back for ``fetchone``/``fetchall``."""
        return self._guard(lambda: self.conn.execute(to_psycopg(sql), _clean(params)))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per row of parameters."""
        batch = [_clean(r) for r in rows]
        if batch:
            self._guard(lambda: self.conn.cursor().executemany(to_psycopg(sql), batch))

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts (column name -> value)."""
        return self.query_all([(sql, params)])[0]

    def query_all(self, statements: Iterable[tuple[str, Sequence[Any]]]) -> list[list[dict[str, Any]]]:
        """Several queries' rows; in a transaction they go out in one round trip (pipeline)."""

        def run() -> list[list[dict[str, Any]]]:
            curs = [self.conn.execute(to_psycopg(sql), _clean(params)) for sql, params in statements]
            return [_dicts(cur) for cur in curs]

        return self._guard(run)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self._guard(lambda: self.conn.execute(to_psycopg(sql), _clean(params)).fetchone())
        return row[0] if row else None

    def tables(self) -> set[str]:
        """Names of the tables in the record's schema."""
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {r[0] for r in rows.fetchall()}

    def lock(self, name: str) -> None:
        """Hold an advisory lock on ``name`` (within this schema) until the transaction ends."""
        self.execute("SELECT pg_advisory_xact_lock(?)", (lock_key(f"{self.schema}\x1f{name}"),))

    @contextmanager
    def _begin(self) -> Iterator[None]:
        """A psycopg transaction, pipelined: writes go out together, a read waits for what was sent."""
        try:
            with self.conn.transaction(), self.conn.pipeline():
                yield
        except self._psycopg.Error as exc:  # one the body did not see: raised at commit or a fetch
            err = self._translate(exc, retry=True)
            if err is None:
                raise
            raise err from None

    def retrying(self, fn: Callable[[], T]) -> T:
        """Run a transaction, again when PostgreSQL aborted it on a deadlock or conflict."""
        for attempt in range(RETRIES):
            try:
                return fn()
            except self._psycopg.Error as exc:
                if _state(exc) not in RETRY_STATES or attempt == RETRIES - 1:
                    if _state(exc) in RETRY_STATES:
                        raise StoreError(
                            f"{self.path}: gave up after {RETRIES} tries ({_one_line(exc)})"
                        ) from None
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def _guard(self, run: Callable[[], T]) -> T:
        try:
            return run()
        except self._psycopg.Error as exc:
            err = self._translate(exc, retry=self.in_transaction)
            if err is None:
                raise
            raise err from None

    def _translate(self, exc: Exception, *, retry: bool) -> Exception | None:
        """A one-line ``StoreError`` for what the user or the data caused; None to re-raise.

        Deadlocks and serialization failures inside a transaction stay as they are:
        ``retrying`` runs the transaction again.
        """
        errors = self._psycopg.errors
        if retry and _state(exc) in RETRY_STATES:
            return None
        if isinstance(exc, errors.UndefinedTable):
            return StoreError(f"{self.path}: not a talkwatch database ({_one_line(exc)})")
        if isinstance(
            exc, self._psycopg.OperationalError | self._psycopg.DataError | self._psycopg.IntegrityError
        ):
            return StoreError(f"{self.path}: {_one_line(exc)}")
        return None


def _dicts(cur: Any) -> list[dict[str, Any]]:
    found = cur.fetchall()  # first: in a pipeline, the description comes with the rows
    names = [d.name for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in found]


def _state(exc: BaseException) -> str | None:
    return getattr(exc, "sqlstate", None)


def _clean(params: Sequence[Any]) -> list[Any]:
    """PostgreSQL text cannot hold NUL: it becomes U+FFFD (news text never has one)."""
    return [p.replace("\x00", "\ufffd") if isinstance(p, str) and "\x00" in p else p for p in params]
