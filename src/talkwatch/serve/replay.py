"""Replaying cached answers before routing: a repeated request costs no thread and no FastAPI.

A route answering through ``deps.answer`` already serves a repeated URL from
the cache, but only after FastAPI matched the route, solved and validated its
parameters and handed the call to a worker thread; on a busy server that
thread waits for the interpreter lock behind every page being rendered, so a
cached answer queues like a fresh one. This middleware keeps the whole
response (status, headers, body) of each answer ``deps.answer`` marked as
cacheable and sends it again, on the event loop, for the same request: GET,
same path and query, same ``Accept`` (the one header an answer depends on:
CSV or JSON), same database stamp. Only 200 answers are kept, so a request is
replayed only if the same request passed validation before. HEAD and other
methods, and every route not answering through ``deps.answer``, pass through.
With several server processes, a response one of them kept is also found by
the others (``shared``: a line of status and headers, then the body).
"""

from __future__ import annotations

import json
from typing import Any

from .pool import Cache, Pool
from .queries import stamp
from .shared import SharedCache

MARK = "talkwatch.replay"  # scope key: the dict where ``deps.answer`` marks its answer cacheable


def mark(scope: dict[str, Any]) -> None:
    """Called by ``deps.answer``: this response depends on the request key alone."""
    flag = scope.get(MARK)
    if flag is not None:
        flag["cacheable"] = True


Kept = tuple[int, tuple[tuple[bytes, bytes], ...], bytes]  # status, headers, body


def encode(kept: Kept) -> bytes:
    """A kept response as one file: status and headers as a JSON line, then the body."""
    status, headers, body = kept
    head = [status, [[k.decode("latin-1"), v.decode("latin-1")] for k, v in headers]]
    return json.dumps(head).encode() + b"\n" + body


def decode(data: bytes) -> Kept:
    head, _, body = data.partition(b"\n")
    status, headers = json.loads(head)
    return status, tuple((k.encode("latin-1"), v.encode("latin-1")) for k, v in headers), body


class Replay:
    """Pure ASGI middleware in front of the routes (inside the security headers)."""

    def __init__(self, app: Any, pool: Pool, cache: Cache,
                 shared: SharedCache | None = None) -> None:
        self.app = app
        self.pool = pool
        self.cache = cache
        self.shared = shared

    def _find(self, key: tuple[str, ...]) -> Kept | None:
        """The kept response (encoded: the cache bounds its bytes), here or in ``shared``."""
        data: bytes | None = self.cache.get(key)
        if data is None and self.shared is not None:
            data = self.shared.get(key)
            if data is not None:
                self.cache.put(key, data)
        return None if data is None else decode(data)

    def _keep(self, key: tuple[str, ...], kept: Kept) -> None:
        data = encode(kept)
        self.cache.put(key, data)
        if self.shared is not None:
            self.shared.put(key, data)

    def _key(self, scope: dict[str, Any]) -> tuple[str, ...]:
        with self.pool.record() as rec:
            current = stamp(rec.backend)
        accept = b",".join(v for k, v in scope.get("headers", ()) if k == b"accept")
        return (current, scope.get("root_path", ""), scope["path"],
                scope.get("query_string", b"").decode("latin-1"), accept.decode("latin-1"))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not self.cache.size:
            await self.app(scope, receive, send)
            return
        key = self._key(scope)
        hit = self._find(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": list(headers)})
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        flag: dict[str, bool] = {}
        scope[MARK] = flag
        sent: dict[str, Any] = {"body": []}

        async def capture(message: Any) -> None:
            if message["type"] == "http.response.start":
                sent["status"], sent["headers"] = message["status"], list(message.get("headers", ()))
            elif message["type"] == "http.response.body":
                sent["body"].append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if flag.get("cacheable") and sent.get("status") == 200 and key[0]:
            self._keep(key, (200, tuple(sent["headers"]), b"".join(sent["body"])))
