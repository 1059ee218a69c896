"""Corrections over HTTP: every write refused without ``--allow-edit``, a sign-in, the right
token, the form's check value or the same origin; accepted with all of them.

The database holds the three hand-written Lusaka reports (no spaCy needed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from store_fixtures import A1, A2, A3, ev
from store_fixtures import three_reports as _three
from talkwatch import store
from talkwatch.errors import TalkwatchError

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from talkwatch.serve import create_app  # noqa: E402
from talkwatch.serve.edit import COOKIE, csrf_value  # noqa: E402

TOKEN = "s3cret-15"
SENTENCE = "The Northern Front is still deciding whether to attend"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    with store.open(path, create=True) as rec:
        rec.save_many([store.Item(d, b) for d, b in zip(_three(), (A1, A2, A3), strict=True)])
    return path


def _form(db: Path, **over: Any) -> dict[str, Any]:
    with store.open(db) as rec:
        (m,) = rec.meetings()
        front = next(p for p in rec.meeting(m["id"])["participants"] if p["name"] == "Northern Front")
    e = ev(A2, SENTENCE)
    return {
        "csrf": csrf_value(TOKEN),
        "kind": "participations",
        "document": _three()[1]["document"]["id"],
        "ev_start": e["start"],
        "ev_end": e["end"],
        "actor": front["actor"],
        "status": "declined",
        "was_status": "undecided",
        "note": "they said no",
        "action": "set",
        "next": f"/meetings/{m['id']}",
        **over,
    }


def _count(db: Path) -> int:
    with store.open(db) as rec:
        return len(rec.corrections())


def _json_fix() -> dict[str, Any]:
    e = ev(A2, SENTENCE)
    return {
        "action": "set",
        "kind": "participations",
        "author": "bot",
        "document": _three()[1]["document"]["id"],
        "evidence": {"start": e["start"], "end": e["end"]},
        "target": {"actor": "Northern Front"},
        "changes": {"status": "declined"},
    }


def _signed_in(client: TestClient) -> None:
    r = client.post(
        "/login",
        data={"csrf": csrf_value(TOKEN), "author": "Ana", "token": TOKEN, "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and COOKIE in r.headers["set-cookie"]
    assert (
        "samesite=strict" in r.headers["set-cookie"].lower() and "httponly" in r.headers["set-cookie"].lower()
    )


def test_without_allow_edit_every_write_is_refused(db: Path) -> None:
    with TestClient(create_app(db)) as c:
        assert c.post("/corrections", data=_form(db)).status_code in (404, 405)
        assert c.post(
            "/api/corrections", json=_json_fix(), headers={"Authorization": f"Bearer {TOKEN}"}
        ).status_code in (404, 405)
        assert c.post("/login", data={"token": TOKEN, "author": "x"}).status_code in (404, 405)
        assert c.get("/login").status_code == 404
        page = c.get(_form(db)["next"]).text
        assert 'form class="correct"' not in page and "Corrections (0)" in page
        assert c.get("/api/corrections").json()["items"] == []
    with TestClient(create_app(db, allow_ingest=True, token=TOKEN)) as c:  # ingest alone: no edits
        assert c.post(
            "/api/corrections", json=_json_fix(), headers={"Authorization": f"Bearer {TOKEN}"}
        ).status_code in (404, 405)
    with pytest.raises(TalkwatchError, match="--token"):
        create_app(db, allow_edit=True)
    assert _count(db) == 0


def test_with_allow_edit_a_write_needs_sign_in_token_check_value_and_same_origin(db: Path) -> None:
    app = create_app(db, allow_edit=True, token=TOKEN)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.post("/corrections", data=_form(db), follow_redirects=False).status_code == 401  # no sign-in
        bad = c.post(
            "/login", data={"csrf": csrf_value(TOKEN), "author": "Eve", "token": "guess", "next": "/"}
        )
        assert bad.status_code == 401 and COOKIE not in c.cookies
        c.cookies.set(COOKIE, "RXZl.forged")
        assert c.post("/corrections", data=_form(db), follow_redirects=False).status_code == 401
        c.cookies.clear()
        _signed_in(c)
        assert (
            c.post("/corrections", data=_form(db, csrf="0" * 64), follow_redirects=False).status_code == 403
        )
        assert (
            c.post(
                "/corrections",
                data=_form(db),
                headers={"Origin": "http://evil.example"},
                follow_redirects=False,
            ).status_code
            == 403
        )
        assert (
            c.post(
                "/corrections",
                data=_form(db),
                headers={"Sec-Fetch-Site": "cross-site"},
                follow_redirects=False,
            ).status_code
            == 403
        )
        api_fix = _json_fix()
        assert c.post("/api/corrections", json=api_fix).status_code == 401
        assert (
            c.post("/api/corrections", json=api_fix, headers={"Authorization": "Bearer wrong"}).status_code
            == 401
        )
        assert _count(db) == 0
        r = c.post(
            "/corrections",
            data=_form(db),
            headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"},
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"] == _form(db)["next"]
        page = c.get(r.headers["location"]).text
        assert "they said no" in page and "Ana" in page and 'form class="correct"' in page
        nothing = c.post("/corrections", data=_form(db, status="declined", was_status="declined"))
        assert nothing.status_code == 400 and "nothing to change" in nothing.text
        ok = c.post(
            "/api/corrections",
            json=api_fix | {"action": "confirm", "changes": {}},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert ok.status_code == 200 and ok.json()["correction"]["author"] == "bot"
        bad_json = c.post(
            "/api/corrections",
            json=api_fix | {"changes": {"status": "maybe"}},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert bad_json.status_code == 400 and "not a status" in bad_json.json()["error"]
        log = c.get("/api/corrections").json()
        assert [i["author"] for i in log["items"]] == ["Ana", "bot"]
        assert [i["before"] for i in log["items"]] == [{"status": "undecided"}, None]
    assert _count(db) == 2


def test_the_article_page_corrects_a_meeting_statement(db: Path) -> None:
    with TestClient(create_app(db, allow_edit=True, token=TOKEN), base_url="http://127.0.0.1:8000") as c:
        _signed_in(c)
        doc = _three()[2]["document"]["id"]
        page = c.get(f"/articles/{doc}").text
        assert page.count('name="kind" value="meetings"') == 1
        e = ev(A3, A3.split(". ")[0])
        form = {
            "csrf": csrf_value(TOKEN),
            "kind": "meetings",
            "document": doc,
            "ev_start": e["start"],
            "ev_end": e["end"],
            "status": "cancelled",
            "was_status": "ongoing",
            "action": "set",
            "next": f"/articles/{doc}",
        }
        r = c.post("/corrections", data=form, follow_redirects=False)
        assert r.status_code == 303
        (m,) = c.get("/api/meetings").json()["items"]
        assert m["status"] == "cancelled"
        assert "Corrections (1)" in c.get(f"/articles/{doc}").text
