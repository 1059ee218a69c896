"""Answers shared by the server processes (``serve.shared``)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from talkwatch import store
from talkwatch.serve import replay, shared
from talkwatch.serve.app import create_app
from talkwatch.serve.shared import SharedCache


def _db(tmp_path: Path) -> Path:
    db = tmp_path / "empty.db"
    with store.open(db, create=True):
        pass
    return db


def test_a_process_serves_the_answer_another_process_stored(tmp_path: Path) -> None:
    db, answers = _db(tmp_path), tmp_path / "answers"
    answers.mkdir()
    first = TestClient(create_app(db, shared=SharedCache(answers))).get("/api/meetings?limit=3")
    files = list(answers.iterdir())
    assert len(files) == 1
    status, headers, body = replay.decode(files[0].read_bytes())
    assert (status, body) == (200, first.content)
    files[0].write_bytes(replay.encode((status, headers, b'{"from":"the other process"}')))
    second = TestClient(create_app(db, shared=SharedCache(answers)))
    again = second.get("/api/meetings?limit=3")
    assert again.json() == {"from": "the other process"}
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert second.get("/api/meetings?limit=4").content == first.content.replace(b"3", b"4")


def test_no_sharing_without_the_cache(tmp_path: Path) -> None:
    db, answers = _db(tmp_path), tmp_path / "answers"
    answers.mkdir()
    client = TestClient(create_app(db, cache_size=0, shared=SharedCache(answers)))
    client.get("/api/meetings?limit=3")
    assert list(answers.iterdir()) == []


def test_keys_without_a_stamp_are_never_stored(tmp_path: Path) -> None:
    cache = SharedCache(tmp_path)
    cache.put(("", "/x?", "text/html"), b"page")
    assert cache.get(("", "/x?", "text/html")) is None
    assert list(tmp_path.iterdir()) == []


def test_a_process_removes_its_oldest_answers_beyond_its_bound(tmp_path: Path) -> None:
    cache = SharedCache(tmp_path, max_bytes=10)
    for n in range(4):
        cache.put(("s1", f"/p{n}?", "text/html"), b"abcd")
    assert [cache.get(("s1", f"/p{n}?", "text/html")) for n in range(4)] == [
        None, None, b"abcd", b"abcd"]
    assert len(list(tmp_path.iterdir())) == 2


def test_the_directory_is_taken_from_the_environment_when_it_exists(
        tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv(shared.ENV, raising=False)
    assert shared.from_env() is None
    monkeypatch.setenv(shared.ENV, str(tmp_path / "gone"))
    assert shared.from_env() is None
    monkeypatch.setenv(shared.ENV, str(tmp_path))
    found = shared.from_env()
    assert found is not None and found.dir == tmp_path
