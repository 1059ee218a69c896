"""Replaying cached answers before routing (``serve.replay``)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from talkwatch import store
from talkwatch.serve import replay
from talkwatch.serve.app import create_app
from talkwatch.serve.pool import Cache, Pool


def _db(tmp_path: Path) -> Path:
    db = tmp_path / "empty.db"
    with store.open(db, create=True):
        pass
    return db


class Inner:
    """An app that counts its calls, marks its answer cacheable when told, and answers
    ``status`` with a body naming the call."""

    def __init__(self, status: int = 200, cacheable: bool = True) -> None:
        self.calls, self.status, self.cacheable = 0, status, cacheable

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.calls += 1
        if self.cacheable:
            replay.mark(scope)
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"call %d" % self.calls})


def _get(app: Any, path: str = "/x", *, query: bytes = b"", accept: bytes = b"*/*",
         method: str = "GET") -> list[dict[str, Any]]:
    scope = {"type": "http", "method": method, "path": path, "query_string": query,
             "root_path": "", "headers": [(b"accept", accept)]}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return sent


def _setup(tmp_path: Path, inner: Inner) -> replay.Replay:
    return replay.Replay(inner, Pool(str(_db(tmp_path))), Cache(16))


def test_a_repeated_request_is_replayed_without_reaching_the_routes(tmp_path: Path) -> None:
    inner = Inner()
    app = _setup(tmp_path, inner)
    first, again = _get(app, query=b"a=1"), _get(app, query=b"a=1")
    assert inner.calls == 1
    assert again[0]["headers"] == first[0]["headers"] and again[1]["body"] == b"call 1"
    again[0]["headers"].append((b"x-added", b"by an outer middleware"))
    assert _get(app, query=b"a=1")[0]["headers"] == first[0]["headers"]  # not shared


def test_another_query_accept_header_or_method_is_answered_afresh(tmp_path: Path) -> None:
    inner = Inner()
    app = _setup(tmp_path, inner)
    _get(app, query=b"a=1")
    _get(app, query=b"a=2")
    _get(app, query=b"a=1", accept=b"text/csv")
    _get(app, query=b"a=1", method="HEAD")
    _get(app, path="/y", query=b"a=1")
    assert inner.calls == 5


def test_only_marked_answers_that_succeeded_are_replayed(tmp_path: Path) -> None:
    unmarked, failed = Inner(cacheable=False), Inner(status=404)
    for inner in (unmarked, failed):
        folder = tmp_path / str(inner.status)
        folder.mkdir()
        app = _setup(folder, inner)
        _get(app)
        _get(app)
        assert inner.calls == 2


def test_a_changed_database_is_answered_afresh(tmp_path: Path) -> None:
    inner = Inner()
    app = _setup(tmp_path, inner)
    _get(app)
    db = tmp_path / "empty.db"
    os.utime(db, ns=(db.stat().st_atime_ns, db.stat().st_mtime_ns + 1_000_000))
    assert _get(app)[1]["body"] == b"call 2"


def test_the_app_replays_the_same_response_it_rendered(tmp_path: Path) -> None:
    client = TestClient(create_app(_db(tmp_path)))
    for url in ("/api/meetings?limit=3", "/meetings", "/api/meetings?limit=3&format=csv"):
        first, again = client.get(url), client.get(url)
        assert (again.status_code, again.headers.items(), again.content) == (
            first.status_code, first.headers.items(), first.content)
    assert client.get("/api/meetings?limit=3", headers={"accept": "text/csv"}).headers[
        "content-type"].startswith("text/csv")


def test_kept_responses_count_against_the_cache_bound(tmp_path: Path) -> None:
    cache = Cache(16, max_bytes=200)
    app = replay.Replay(Inner(), Pool(str(_db(tmp_path))), cache)
    for n in range(8):
        _get(app, query=b"n=%d" % n)
    assert 0 < cache._bytes <= 200 and len(cache._data) < 8
