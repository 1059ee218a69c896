"""What the routers need from the application, without importing it.

``app`` builds the application and includes the routers (``api``,
``pages``); the routers take from here the error shape, the cached answer
of a request and the memoised counter, which read what ``create_app`` put in
``request.app.state`` (the pool of read-only records and the caches).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from ..store.record import Record
from . import replay
from .pool import Cache
from .queries import stamp

HERE = Path(__file__).resolve().parent  # templates/ and static/


def error_body(status: int, message: str) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"ok": False, "error": message, "status": status}


def counter(request: Request, backend: Any) -> Callable[[str, Any], int]:
    """A ``SELECT count(*)`` runner that remembers totals until the database changes
    (counting 100,000 rows for every page of a list is the slow part of paging)."""
    memo: Cache = request.app.state.memo
    key = stamp(backend)

    def count(sql: str, params: Any) -> int:
        return memo.get_or((key, "count", sql, repr(list(params))),
                           lambda: int(backend.scalar(sql, params) or 0))

    return count


def memoised(request: Request, backend: Any, key: tuple[Any, ...],
             compute: Callable[[], Any]) -> Any:
    """``compute()`` remembered until the database changes (facet counts, shared lanes)."""
    memo: Cache = request.app.state.memo
    return memo.get_or((stamp(backend), *key), compute)


def answer(request: Request, media_type: str,
           produce: Callable[[Record], bytes]) -> Response:
    """Run ``produce`` on a pooled read-only record, or serve its cached bytes.

    The key is the database stamp plus the full URL and the media type (the
    same URL may answer JSON or CSV by ``Accept``), so an ingest (which
    changes the stamp) is visible on the next request. The whole response
    is kept for ``replay`` (also for the other server processes).
    """
    state = request.app.state
    replay.mark(request.scope)  # the whole response may be replayed before routing
    with state.pool.record() as rec:
        key = (stamp(rec.backend), request.url.path + "?" + request.url.query, media_type)
        body = state.cache.get(key)
        if body is None:
            body = produce(rec)
            state.cache.put(key, body)
    return Response(body, media_type=media_type)
