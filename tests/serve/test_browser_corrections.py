"""An analyst corrects the record in real headless Chromium, and the correction survives re-ingest.

The bundled example reports (the invented Arusha talks) are ingested for real
(spaCy and every extractor), served with ``--allow-edit``; the analyst signs
in, opens a cell of the attendance grid, changes the newest statement's
status with a note, reloads and reads the new status with its audit trail.
Then the same reports are ingested again with one more, and the correction
still stands in the grid, the panel's timeline and the API.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOKEN = "analyst-token-15"

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)
playwright_sync = pytest.importorskip("playwright.sync_api")


def _ingest(db: Path, paths: list[Path]) -> Any:
    from talkwatch import store
    from talkwatch.batch.local import ingest

    with store.open(db, create=True) as record:
        return ingest(paths, record)


@pytest.fixture(scope="module")
def served(nlp: Any) -> Any:
    import uvicorn

    from talkwatch.serve import create_app

    folder = Path(tempfile.mkdtemp(prefix="talkwatch-corr-"))
    db = folder / "corr.db"
    _ingest(db, sorted(EXAMPLES.glob("0[1-5]-*.txt")))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    srv = uvicorn.Server(
        uvicorn.Config(
            create_app(db, allow_edit=True, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield db, f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    shutil.rmtree(folder, ignore_errors=True)


def _api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.loads(r.read())


def _shot(page: Any, name: str) -> None:
    folder = Path(os.environ.get("TALKWATCH_SCREENSHOTS") or tempfile.gettempdir())
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=False)


def _cell(page: Any, actor: str, meeting: str) -> Any:
    return page.locator(f"tr[data-actor='{actor}'] td.cell[data-meeting='{meeting}']")


def test_a_status_corrected_in_the_attendance_panel_survives_reingest(served: Any) -> None:
    db, base = served
    (meeting,) = [m for m in _api(base, "/api/meetings")["items"] if m["venue"]["city"] == "Arusha"]
    full = _api(base, f"/api/meetings/{meeting['id']}")
    # an actor whose newest statement is not already "declined"
    who = next(
        p
        for p in full["participants"]
        if p["status"] != "declined" and p["history"] and not p["history"][-1].get("implied")
    )
    corrected = who["history"][-1]  # the newest statement: the first in the panel
    with playwright_sync.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{base}/login?next=/meetings/{meeting['id']}")
        page.fill("input[name=author]", "Ana Analyst")
        page.fill("input[name=token]", TOKEN)
        page.click("form.login button[type=submit]")
        page.wait_for_url(f"**/meetings/{meeting['id']}")

        _cell(page, who["actor"], meeting["id"]).locator("button.cell-button").click()
        panel = page.locator("#evidence-panel")
        form = panel.locator("form.correct").first
        form.locator("select[name=status]").select_option("declined")
        form.locator("input[name=note]").fill("the report says they stayed away")
        _shot(page, "corrections-panel-form.png")
        with page.expect_navigation():
            form.locator("button[value=set]").click()
        assert "/meetings/" in page.url, page.content()[:500]
        page.reload()
        cell = _cell(page, who["actor"], meeting["id"])
        assert cell.get_attribute("data-status") == "declined"
        cell.locator("button.cell-button").click()
        trail = panel.locator("ul.trail").first
        assert "Ana Analyst" in trail.inner_text()
        assert "declined" in trail.inner_text() and "stayed away" in trail.inner_text()
        _shot(page, "corrections-panel-trail.png")

        # the same reports again, and one more: the correction still stands, and the actor's
        # timeline (the cell, the panel, the API) reads it with whatever the new report says
        report = _ingest(db, sorted(EXAMPLES.glob("0[1-6]-*.txt")))
        assert (report.added, report.skipped) == (1, 5)
        after = _api(base, f"/api/meetings/{meeting['id']}")
        (mine,) = [p for p in after["participants"] if p["actor"] == who["actor"]]
        (fixed,) = [
            h
            for h in mine["history"]
            if (h["document"], h["evidence"]) == (corrected["document"], corrected["evidence"])
        ]
        assert fixed["status"] == "declined"
        page.reload()
        cell = _cell(page, who["actor"], meeting["id"])
        assert cell.get_attribute("data-status") == mine["status"]
        cell.locator("button.cell-button").click()
        entry = panel.locator("ol.ev-list li").filter(has_text=corrected["evidence"]["text"])
        assert "declined" in entry.inner_text() and "Ana Analyst" in entry.locator("ul.trail").inner_text()
        log = page.locator("section.corrections-log")
        assert "the report says they stayed away" in log.inner_text()
        _shot(page, "corrections-after-reingest.png")
        assert errors == []
        browser.close()
    assert _api(base, "/api/corrections")["items"][0]["author"] == "Ana Analyst"
