"""How many requests a server process works on at once (``create_app(threads=...)``)."""

from __future__ import annotations

from pathlib import Path

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient

from talkwatch import store
from talkwatch.serve import app as serve_app


def _tokens(app: object) -> float:
    with TestClient(app) as client:  # runs the lifespan on the client's event loop
        assert client.get("/api/meetings?limit=1").status_code == 200
        return client.portal.call(
            lambda: anyio.to_thread.current_default_thread_limiter().total_tokens)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    with store.open(path, create=True):
        pass
    return path


def test_a_sqlite_server_works_on_few_requests_at_once(db: Path) -> None:
    assert _tokens(serve_app.create_app(db)) == serve_app.SQLITE_THREADS


def test_the_number_of_threads_is_the_one_asked_for(db: Path, monkeypatch) -> None:  # noqa: ANN001
    assert _tokens(serve_app.create_app(db, threads=5)) == 5
    monkeypatch.setenv("TALKWATCH_SERVE_DB", str(db))
    monkeypatch.setenv("TALKWATCH_SERVE_THREADS", "3")
    assert _tokens(serve_app.from_env()) == 3
