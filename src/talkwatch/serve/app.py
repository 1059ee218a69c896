"""The FastAPI application: read-only connections, one error shape, strict headers.

The database is opened once with the store (which checks the file and its
schema version), then every request borrows a read-only connection from a
small pool (``mode=ro`` plus ``PRAGMA query_only``), so no page or API call
can write. Writing exists only when the app is created with ``allow_ingest``
and a token: ``POST /api/ingest`` then stores an article through the store's
writer, one at a time, on its own connection.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import store
from ..errors import StoreError, TalkwatchError
from ..store.backend import BUSY_TIMEOUT_MS, SQLiteBackend
from ..store.record import Record

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class ReadOnlyBackend(SQLiteBackend):
    """A SQLite connection that cannot write: opened ``mode=ro`` and ``query_only``."""

    def __init__(self, path: str) -> None:  # noqa: D107 - the parent's checks, read-only
        self.path = path
        self._check_file(path)
        uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
        try:
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                        check_same_thread=False,
                                        timeout=BUSY_TIMEOUT_MS / 1000)
            self.conn.execute("PRAGMA query_only = ON")
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open read-only ({exc})") from None
        self._depth = 0


def _read_only_record(path: str) -> Record:
    """A record that cannot write: SQLite opened read-only, or a PostgreSQL session whose
    transactions are read-only."""
    if path.startswith(("postgresql://", "postgres://")):
        rec = store.open(path)
        rec.backend.conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        return rec
    return Record(ReadOnlyBackend(path))


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
            rec = _read_only_record(self.path)
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


class SecurityHeaders:
    """Pure ASGI middleware adding CSP and friends to every response (defence in depth:
    the templates escape everything anyway)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def error_body(status: int, message: str) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"ok": False, "error": message, "status": status}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path.startswith("/openapi")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status,
                                                              "message": message},
                                      status_code=status)


def create_app(db: str | Path, *, allow_ingest: bool = False, token: str | None = None,
               cache_size: int = 2048) -> FastAPI:
    """The dashboard and API over the database ``db`` (which must exist).

    ``allow_ingest`` with a non-empty ``token`` enables ``POST /api/ingest``;
    ``cache_size=0`` turns the answer cache off.
    """
    from . import api, pages

    if allow_ingest and not token:
        raise TalkwatchError("--allow-ingest needs --token (the Bearer token clients must send)")
    path = str(db)
    with store.open(path):  # existence, SQLite, schema version; migrates an older file
        pass
    pool = Pool(path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="talkwatch", version="1", lifespan=lifespan,
        description="A read-only view of the merged talkwatch record (talkwatch.record/1): "
                    "meetings, actors, articles and facts with provenance.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")  # no CDN assets
    app.state.db = path
    app.state.pool = pool
    app.state.cache = Cache(cache_size)
    app.state.memo = Cache(cache_size * 4)  # parts shared by pages (grid columns, totals)
    app.state.ingest_token = token if allow_ingest else None
    app.state.ingest_lock = threading.Lock()
    app.state.templates = pages.templates()

    @app.exception_handler(TalkwatchError)
    async def _talkwatch_error(request: Request, exc: TalkwatchError) -> Response:
        return _error(request, getattr(exc, "status", 400), str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        response = _error(request, exc.status_code, message)
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
            for e in exc.errors()[:5])
        return _error(request, 422, f"invalid request: {problems}")

    @app.exception_handler(UnicodeError)
    async def _bad_text(request: Request, exc: UnicodeError) -> Response:
        return _error(request, 400, "request text is not valid Unicode")

    app.include_router(api.router)
    if allow_ingest:
        app.include_router(api.ingest_router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    app.add_middleware(SecurityHeaders)
    return app


def counter(request: Request, backend: Any) -> Callable[[str, Any], int]:
    """A ``SELECT count(*)`` runner that remembers totals until the database changes
    (counting 100,000 rows for every page of a list is the slow part of paging)."""
    from .queries import stamp

    memo: Cache = request.app.state.memo
    key = stamp(backend)

    def count(sql: str, params: Any) -> int:
        return memo.get_or((key, "count", sql, repr(list(params))),
                           lambda: int(backend.scalar(sql, params) or 0))

    return count


def answer(request: Request, media_type: str,
           produce: Callable[[Record], bytes]) -> Response:
    """Run ``produce`` on a pooled read-only record, or serve its cached bytes.

    The key is the database stamp plus the full URL, so an ingest (which
    changes the stamp) is visible on the next request.
    """
    from .queries import stamp

    state = request.app.state
    with state.pool.record() as rec:
        key = (stamp(rec.backend), request.url.path + "?" + request.url.query)
        body = state.cache.get(key)
        if body is None:
            body = produce(rec)
            state.cache.put(key, body)
    return Response(body, media_type=media_type)


def from_env() -> FastAPI:
    """App factory for multi-process serving (``talkwatch serve --workers N``)."""
    import os

    token = os.environ.get("TALKWATCH_SERVE_TOKEN") or None
    cache = int(os.environ.get("TALKWATCH_SERVE_CACHE") or 2048)
    return create_app(os.environ["TALKWATCH_SERVE_DB"], allow_ingest=token is not None,
                      token=token, cache_size=cache)
