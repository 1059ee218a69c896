"""The JSON API and pages of ``talkwatch serve`` over a database built from the dev set.

API answers are checked against the store's own answers and against the CLI's
``--format json`` output for the same database; pages are checked for the
facts they show and for escaping of hostile article text.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from talkwatch import store
from talkwatch.errors import NotFound, StoreError, TalkwatchError
from web_fixtures import DEV, build

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from talkwatch.serve import create_app  # noqa: E402

pytestmark = pytest.mark.slow

if not DEV.is_dir():  # pragma: no cover - the dev set ships with the repo
    pytest.skip("dev set missing", allow_module_level=True)


@pytest.fixture(scope="module")
def built(nlp: Any) -> tuple[Path, str]:
    return build()


@pytest.fixture(scope="module")
def db(built: tuple[Path, str]) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def hostile_id(built: tuple[Path, str]) -> str:
    return built[1]


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture(scope="module")
def record(db: Path) -> store.Record:
    with store.open(db) as rec:
        yield rec


def cli_json(db: Path, *args: str) -> Any:
    from talkwatch.cli import app

    result = CliRunner().invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def all_items(client: TestClient, path: str, limit: int = 7, **params: Any) -> list[Any]:
    """Walk every page of a list endpoint, checking the page envelope on the way."""
    items: list[Any] = []
    offset = 0
    while True:
        r = client.get(path, params={**params, "limit": limit, "offset": offset})
        assert r.status_code == 200, r.text
        page = r.json()
        assert page["ok"] is True and page["limit"] == limit and page["offset"] == offset
        assert len(page["items"]) <= limit
        items += page["items"]
        offset += limit
        if offset >= page["total"]:
            assert len(items) == page["total"]
            return items


def assert_error(r: Any, status: int) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]


# --- API against the store and the CLI -------------------------------------------------


def test_meetings_pages_equal_cli(client: TestClient, db: Path) -> None:
    expected = cli_json(db, "meetings")
    assert expected, "the dev set yields meetings"
    assert all_items(client, "/api/meetings") == expected


def test_meetings_of_a_process_equal_cli(client: TestClient, db: Path, record: Any) -> None:
    cities = sorted({m["venue"]["city"] for m in record.meetings() if m["venue"]["city"]})
    assert cities
    for city in cities[:3]:
        assert all_items(client, "/api/meetings", process=city) == cli_json(
            db, "meetings", "--process", city)


def test_meeting_detail_equals_cli(client: TestClient, db: Path, record: Any) -> None:
    for m in record.meetings():
        r = client.get(f"/api/meetings/{m['id']}")
        assert r.status_code == 200
        assert r.json() == cli_json(db, "meeting", m["id"])


def test_meeting_by_name(client: TestClient, record: Any) -> None:
    m = next(m for m in record.meetings() if m["name"])
    assert client.get("/api/meetings/" + m["name"]).json() == json.loads(
        json.dumps(record.meeting(m["name"])))


def test_actors_list_and_detail_equal_cli(client: TestClient, db: Path, record: Any) -> None:
    actors = all_items(client, "/api/actors", limit=50)
    assert len(actors) == record.counts()["actors"]
    keys = [(a["name"], a["id"]) for a in actors]
    assert keys == sorted(keys)
    participants = {p["actor"] for m in record.meetings()
                    for p in record.meeting(m["id"])["participants"]}
    for aid in sorted(participants)[:15]:
        r = client.get(f"/api/actors/{aid}")
        assert r.status_code == 200
        assert r.json() == cli_json(db, "actor", aid)


def test_actor_filter(client: TestClient, record: Any) -> None:
    actor = next(a for a in record.record()["actors"] if len(a["name"]) > 6)
    word = max(actor["name"].split(), key=len)
    found = all_items(client, "/api/actors", q=word)
    assert any(a["id"] == actor["id"] for a in found)
    assert all_items(client, "/api/actors", q="zzqx-no-such-name") == []


def test_articles_and_digests(client: TestClient, record: Any) -> None:
    docs = all_items(client, "/api/articles", limit=6)
    assert len(docs) == record.counts()["documents"] == len(list(DEV.glob("*/article.txt"))) + 1
    published = [d["published"] or "" for d in docs]
    assert published == sorted(published, reverse=True)
    for d in docs[:5]:
        r = client.get(f"/api/articles/{d['id']}")
        assert r.status_code == 200
        digest = r.json()
        assert digest == json.loads(json.dumps(record.digest(d["id"])))
        assert digest["schema"] == "talkwatch.digest/1" and digest["document"]["id"] == d["id"]


def test_facts_with_provenance(client: TestClient, record: Any) -> None:
    bodies = {d["id"]: record.backend.scalar("SELECT body FROM documents WHERE id = ?",
                                             (d["id"],)) for d in record.record()["documents"]}
    exported = record.record()
    for kind in ("quotes", "positions", "participations", "agreements", "delegations", "events"):
        facts = all_items(client, "/api/facts", limit=40, kind=kind)
        assert len(facts) == record.counts()[kind]
        if kind in exported:
            assert sorted(f["id"] for f in facts) == sorted(f["id"] for f in exported[kind])
        for f in facts:
            assert f["document"] in bodies and "url" in f and "published" in f
            ev = f.get("evidence") or {}
            if ev.get("text"):
                assert bodies[f["document"]][ev["start"]:ev["end"]] == ev["text"]


def test_facts_filters(client: TestClient, record: Any) -> None:
    quotes = all_items(client, "/api/facts", kind="quotes")
    doc = quotes[0]["document"]
    mine = all_items(client, "/api/facts", kind="quotes", document=doc)
    assert mine == [q for q in quotes if q["document"] == doc]
    speaker = next(q["speaker"] for q in quotes if q["speaker"])
    theirs = all_items(client, "/api/facts", kind="quotes", actor=speaker)
    assert theirs and all(q["speaker"] == speaker for q in theirs)
    assert len(theirs) == sum(1 for q in quotes if q["speaker"] == speaker)


def test_search_equals_cli(client: TestClient, db: Path) -> None:
    for words in ("ceasefire", "talks delegation"):
        r = client.get("/api/search", params={"q": words, "limit": 5})
        assert r.status_code == 200
        page = r.json()
        assert page["items"] == cli_json(db, "search", words, "--limit", "5")
        assert page["total"] == len(page["items"]) > 0


def test_processes_cover_every_meeting(client: TestClient, record: Any) -> None:
    groups = all_items(client, "/api/processes", limit=3)
    assert sum(g["meetings"] for g in groups) == record.counts()["meetings"]


def test_conflicts_equal_record(client: TestClient, record: Any) -> None:
    assert all_items(client, "/api/conflicts") == record.conflicts()


# --- errors and safety -----------------------------------------------------------------


def test_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/meetings/no-such-meeting-anywhere"), 404)
    assert_error(client.get("/api/actors/no-such-actor-anywhere"), 404)
    assert_error(client.get("/api/articles/0000"), 404)
    assert_error(client.get("/api/meetings", params={"limit": 0}), 422)
    assert_error(client.get("/api/meetings", params={"offset": -1}), 422)
    assert_error(client.get("/api/facts", params={"kind": "secrets"}), 422)
    assert_error(client.get("/api/facts"), 422)
    assert_error(client.get("/api/search"), 422)
    assert client.get("/api/search", params={"q": "?!"}).json()["items"] == []
    assert_error(client.get("/api/nothing-here"), 404)
    assert_error(client.post("/api/meetings"), 405)
    assert_error(client.post("/api/ingest", content=b"text"), 404)


def test_openapi_lists_every_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/meetings", "/api/meetings/{meeting_id}", "/api/actors", "/api/actors/{actor_id}",
            "/api/articles", "/api/articles/{article_id}", "/api/facts",
            "/api/search"} <= set(spec["paths"])
    assert "/api/ingest" not in spec["paths"]
    error = spec["paths"]["/api/meetings/{meeting_id}"]["get"]["responses"]["404"]
    assert error["content"]["application/json"]["schema"]["$ref"].endswith("/Error")


def _digest_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_never_writes(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with store.open(db) as rec:  # a checkpointed single file to compare bytes
        rec.backend.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(db, copy)
    before = _digest_file(copy)
    with TestClient(create_app(copy)) as c:
        for path in ("/", "/meetings", "/actors", "/articles", "/conflicts", "/search?q=talks",
                     "/api/meetings", "/api/actors", "/api/articles", "/api/facts?kind=quotes"):
            assert c.get(path).status_code == 200
        with c.app.state.pool.record() as rec, pytest.raises(Exception, match="readonly|read-only"):
            rec.backend.execute("DELETE FROM documents")
    assert _digest_file(copy) == before


def test_bad_databases(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        create_app(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all, just text", encoding="utf-8")
    with pytest.raises(StoreError):
        create_app(junk)


def test_ingest_needs_flag_and_token(db: Path, tmp_path: Path) -> None:
    with pytest.raises(TalkwatchError, match="token"):
        create_app(db, allow_ingest=True)
    copy = tmp_path / "ingest.db"
    with store.open(db) as rec:
        rec.backend.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(db, copy)
    text = ("ROME, June 3 - Delegations of Aldania and the Sorrel Front arrived in Rome on "
            "Monday for a fourth round of talks mediated by the Community of Sant'Egidio.\n")
    with TestClient(create_app(copy, allow_ingest=True, token="s3cret")) as c:
        assert_error(c.post("/api/ingest", content=text.encode()), 401)
        assert_error(c.post("/api/ingest", content=text.encode(),
                            headers={"Authorization": "Bearer wrong"}), 401)
        before = c.get("/api/articles", params={"limit": 1}).json()["total"]
        r = c.post("/api/ingest", json={"text": text, "title": "Rome round",
                                        "published": "2024-06-03"},
                   headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 200, r.text
        assert r.json()["added"] == 1
        assert c.get("/api/articles", params={"limit": 1}).json()["total"] == before + 1
        assert c.get(f"/api/articles/{r.json()['document']}").json()["document"]["title"] == "Rome round"
        again = c.post("/api/ingest", json={"text": text},
                       headers={"Authorization": "Bearer s3cret"})
        assert again.json()["added"] == 0
        assert_error(c.post("/api/ingest", content=b"{not json",
                            headers={"Authorization": "Bearer s3cret",
                                     "Content-Type": "application/json"}), 400)


# --- pages -----------------------------------------------------------------------------


def test_pages_render(client: TestClient, record: Any) -> None:
    for path in ("/", "/meetings", "/actors", "/articles", "/conflicts", "/search",
                 "/search?q=ceasefire", "/actors?q=government", "/meetings?page=1"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
        assert "content-security-policy" in r.headers
        assert 'src="http' not in r.text and 'href="http' not in r.text  # nothing from outside
    for m in record.meetings():
        r = client.get(f"/meetings/{m['id']}")
        assert r.status_code == 200
        assert f'data-meeting="{m["id"]}"' in r.text
    r = client.get("/meetings/no-such-meeting")
    assert r.status_code == 404 and "no meeting matches" in r.text


def test_meeting_page_shows_latest_participation(client: TestClient, record: Any) -> None:
    import re

    checked = 0
    for m in record.meetings():
        full = record.meeting(m["id"])
        html = client.get(f"/meetings/{m['id']}").text
        for p in full["participants"]:
            cell = re.search(rf'<tr data-actor="{re.escape(p["actor"])}">(.*?)</tr>', html, re.S)
            assert cell, p
            mine = re.search(rf'class="cell ps-(\w+) current" data-meeting="{m["id"]}"',
                             cell.group(1))
            assert mine and mine.group(1) == (p["status"] or "unknown")
            checked += 1
    assert checked


def test_hostile_text_is_escaped(client: TestClient, hostile_id: str, record: Any) -> None:
    pages = [f"/articles/{hostile_id}", "/articles", "/search?q=envoy", "/actors?q=dahl",
             "/search?q=" + "<script>alert(1)</script>"]
    digest = record.digest(hostile_id)
    pages += [f"/actors/{a['id']}" for a in record.record()["actors"]
              if "<" in (a["name"] or "")][:3]
    pages += [f"/meetings/{m['id']}" for m in record.meetings()
              if hostile_id in record.meeting(m["id"])["documents"]]
    assert digest["quotes"] or digest["actors"]
    for path in pages:
        html = client.get(path).text
        assert "<script>window" not in html and "<script>alert" not in html, path
        assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", ""), path
        assert "<img src=x" not in html and "<b onmouseover" not in html, path
        assert 'href="javascript:' not in html, path
    article = client.get(f"/articles/{hostile_id}").text
    assert "&lt;script&gt;window.__pwned = 2&lt;/script&gt;" in article
    assert shown_text(article) == record.backend.scalar(
        "SELECT body FROM documents WHERE id = ?", (hostile_id,))


def shown_text(html: str) -> str:
    """The article body as the page shows it: the text div without its highlight spans."""
    import html as html_module
    import re

    div = re.search(r'<div class="article-text" id="article-text">(.*?)</div>', html, re.S)
    assert div
    return html_module.unescape(re.sub(r"</?span[^>]*>", "", div.group(1)))


def test_article_page_marks_every_fact(client: TestClient, record: Any) -> None:
    from talkwatch.serve import highlight

    doc = record.record()["documents"][0]["id"]
    digest = record.digest(doc)
    html = client.get(f"/articles/{doc}").text
    marks = highlight.marks(digest)
    assert marks
    assert html.count('class="fact k-') == len(marks)
    body = record.backend.scalar("SELECT body FROM documents WHERE id = ?", (doc,))
    assert shown_text(html) == body


# --- the command -----------------------------------------------------------------------


def test_serve_binds_loopback_by_default(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from talkwatch.cli import app

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: seen.update(kw, app=target))
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert "/api/ingest" not in seen["app"].openapi()["paths"]


def test_serve_errors_are_one_line(tmp_path: Path, db: Path) -> None:
    from talkwatch.cli import app

    for args in (["--db", str(tmp_path / "none.db")], ["--db", str(db), "--allow-ingest"]):
        result = CliRunner().invoke(app, ["serve", *args])
        assert result.exit_code == 1
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("talkwatch: error:")
        assert "Traceback" not in result.output
