"""The FastAPI application: the routers, one error shape, strict headers.

``create_app`` opens the database once with the store (which checks the
file and its schema version), puts the pool of read-only records and the
answer caches in ``app.state`` (``pool``), and includes the routers
(``api``, ``downloads``, ``pages``), which reach that state through ``deps``. Writing exists
only when the app is created with ``allow_ingest`` and a token:
``POST /api/ingest`` then stores an article through the store's writer, one
at a time, on its own connection; likewise ``allow_edit`` adds the analysts'
corrections (``edit``: sign-in, forms, ``POST /api/corrections``).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import store
from ..errors import TalkwatchError
from ..store.backend import is_url
from . import api, downloads, edit, pages, render, shared
from .deps import HERE, error_body
from .pool import Cache, Pool
from .replay import Replay
from .shared import SharedCache

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


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


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path.startswith("/openapi")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status,
                                                              "message": message},
                                      status_code=status)


# Requests a process renders at once over SQLite: reading pages from the OS cache is
# CPU work under the interpreter lock, so more threads only contend for it (each query
# releases the lock and may wait a 5 ms switch interval to get it back) and slow every
# answer; first visits at 100,000 articles, 2 processes: 40 threads -> 2 cut the meeting
# page p95 from 282 to 126 ms and server CPU from 4.3 to 3.8 ms per request.
SQLITE_THREADS = 2


def create_app(db: str | Path, *, allow_ingest: bool = False, token: str | None = None,
               cache_size: int = 2048, allow_edit: bool = False,
               shared: SharedCache | None = None, threads: int | None = None) -> FastAPI:
    """The dashboard and API over the database ``db`` (which must exist).

    ``allow_ingest`` with a non-empty ``token`` enables ``POST /api/ingest``;
    ``allow_edit`` with the token enables corrections; ``cache_size=0`` turns the answer cache off;
    ``shared`` shares answers with the other server processes (``shared``); ``threads``
    bounds the requests a process works on at once (default: ``SQLITE_THREADS`` for a
    SQLite file, anyio's 40 for PostgreSQL, whose queries wait on the network).
    """
    if allow_ingest and not token:
        raise TalkwatchError("--allow-ingest needs --token (the Bearer token clients must send)")
    if allow_edit and not token:
        raise TalkwatchError("--allow-edit needs --token (analysts sign in with it)")
    path = str(db)
    with store.open(path):  # existence, SQLite, schema version; migrates an older file
        pass
    pool = Pool(path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        n = threads or (0 if is_url(path) else SQLITE_THREADS)
        if n:  # the routes' worker threads of this process's event loop
            anyio.to_thread.current_default_thread_limiter().total_tokens = n
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
    app.state.edit_token = token if allow_edit else None
    app.state.ingest_lock = threading.Lock()
    app.state.templates = render.templates()

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
    app.include_router(edit.read_router)
    if allow_ingest:
        app.include_router(api.ingest_router)
    if allow_edit:
        app.include_router(edit.edit_api)
        app.include_router(edit.edit_router)
    app.include_router(downloads.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    app.add_middleware(Replay, pool=pool, cache=Cache(cache_size),  # inside the headers
                       shared=shared if cache_size else None)
    app.add_middleware(SecurityHeaders)
    return app


def from_env() -> FastAPI:
    """App factory for multi-process serving (``talkwatch serve --workers N``)."""
    import os

    token = os.environ.get("TALKWATCH_SERVE_TOKEN") or None
    cache = int(os.environ.get("TALKWATCH_SERVE_CACHE") or 2048)
    return create_app(os.environ["TALKWATCH_SERVE_DB"],
                      allow_ingest=token is not None and os.environ.get("TALKWATCH_SERVE_INGEST") != "0",
                      token=token, cache_size=cache,
                      allow_edit=token is not None and os.environ.get("TALKWATCH_SERVE_EDIT") == "1",
                      shared=shared.from_env(),
                      threads=int(os.environ.get("TALKWATCH_SERVE_THREADS") or 0) or None)
