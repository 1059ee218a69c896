"""The dashboard in real headless Chromium (Debian's ``/usr/bin/chromium`` via Playwright).

A uvicorn server on a free loopback port serves the database built from the
dev set plus a hostile article. The tests compare what the browser shows with
the API's answers, click a cell of the attendance grid to read its evidence,
check that no script from an article ever runs (with the page's CSP bypassed,
so escaping alone must hold), and save screenshots.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from web_fixtures import DEV, build

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)
playwright_sync = pytest.importorskip("playwright.sync_api")
if not DEV.is_dir():  # pragma: no cover
    pytest.skip("dev set missing", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def built(nlp: Any) -> tuple[Path, str]:
    return build()


@pytest.fixture(scope="module")
def server(built: tuple[Path, str]) -> Any:
    import uvicorn

    from talkwatch.serve import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(built[0]), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots() -> Path:
    folder = Path(os.environ.get("TALKWATCH_SCREENSHOTS") or tempfile.mkdtemp(prefix="talkwatch-shots-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Any:
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Any:
    # bypass_csp: the page's Content-Security-Policy would block injected scripts on its own;
    # the tests must show that escaping alone keeps article text inert.
    context = browser.new_context(viewport={"width": 1300, "height": 900}, bypass_csp=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()


def api(server: str, path: str) -> Any:
    with urllib.request.urlopen(server + path, timeout=10) as r:  # noqa: S310 - loopback
        return json.load(r)


def test_timeline_shows_meetings_with_their_status(server: str, page: Any, shots: Path) -> None:
    page.goto(server + "/")
    groups = api(server, "/api/processes?limit=10")["items"]
    markers = page.locator("svg.timeline a.marker")
    assert markers.count() == sum(g["meetings"] for g in groups)
    for i in range(markers.count()):
        mid = markers.nth(i).get_attribute("data-meeting")
        shown = markers.nth(i).get_attribute("data-status")
        assert shown == (api(server, f"/api/meetings/{mid}")["status"] or "unknown")
        assert "st-" + shown in markers.nth(i).get_attribute("class")
    lanes = [g.get_attribute("data-lane") for g in page.locator("svg.timeline g.lane-group").all()]
    assert lanes == [g["label"] or "(no process or venue named)" for g in groups]
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    markers.first.click()
    page.wait_for_url("**/meetings/*")
    assert page.locator("h1").inner_text()
    assert not page.errors


def _meeting_with_most_participants(server: str) -> dict[str, Any]:
    best = None
    for m in api(server, "/api/meetings?limit=500")["items"]:
        full = api(server, f"/api/meetings/{m['id']}")
        if best is None or len(full["participants"]) > len(best["participants"]):
            best = full
    assert best and best["participants"]
    return best


def test_matrix_cells_and_evidence(server: str, page: Any, shots: Path) -> None:
    m = _meeting_with_most_participants(server)
    page.goto(server + f"/meetings/{m['id']}")
    current = page.locator(f"#matrix td.current[data-meeting='{m['id']}'][data-status]")
    assert current.count() == len(m["participants"])
    by_actor = {p["actor"]: p for p in m["participants"]}
    for row in page.locator("#matrix tbody tr").all():
        actor = row.get_attribute("data-actor")
        cell = row.locator(f"td[data-meeting='{m['id']}']")
        if actor in by_actor:
            assert cell.get_attribute("data-status") == (by_actor[actor]["status"] or "unknown")
            assert (by_actor[actor]["status"] or "unknown").replace("_", " ") in cell.inner_text()
    # click the cell of the participant with the most statements and read its evidence
    p = max(m["participants"], key=lambda p: len(p["history"]))
    button = page.locator(f"#matrix tr[data-actor='{p['actor']}'] "
                          f"td[data-meeting='{m['id']}'] button")
    panel = page.locator("#evidence-panel")
    assert "Select a cell" in panel.inner_text()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    shown = panel.inner_text()
    latest = p["history"][-1]
    if latest["evidence"].get("text"):
        assert " ".join(latest["evidence"]["text"].split()) in " ".join(shown.split())
    links = panel.locator("a.doc")
    assert links.count() >= 1
    assert links.first.get_attribute("href") == f"/articles/{latest['document']}"
    page.screenshot(path=str(shots / "meeting-evidence.png"), full_page=False)
    page.locator("#attendance, section.attendance").first.screenshot(
        path=str(shots / "matrix.png"))
    links.first.click()
    page.wait_for_url(f"**/articles/{latest['document']}")
    assert not page.errors


def test_article_highlights(server: str, page: Any, shots: Path, built: tuple[Path, str]) -> None:
    doc = api(server, "/api/articles?limit=1")["items"][0]["id"]
    page.goto(server + f"/articles/{doc}")
    facts = page.locator("#facts li.fact")
    assert facts.count() > 0
    facts.first.hover()
    assert page.locator("#article-text .seg.hl").count() > 0
    page.screenshot(path=str(shots / "article.png"), full_page=False)
    assert not page.errors


def test_no_script_from_an_article_runs(server: str, page: Any, shots: Path,
                                        built: tuple[Path, str]) -> None:
    hostile = built[1]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    urls = [f"/articles/{hostile}", "/articles", "/search?q=envoy",
            "/search?q=%3Cscript%3Ewindow.__pwned%3D9%3C%2Fscript%3E"]
    digest = api(server, f"/api/articles/{hostile}")
    record_docs = [m for m in api(server, "/api/meetings?limit=500")["items"]]
    urls += [f"/meetings/{m['id']}" for m in record_docs
             if hostile in api(server, f"/api/meetings/{m['id']}")["documents"]]
    for url in urls:
        page.goto(server + url)
        for el in page.locator("main *").all()[:400]:
            if el.is_visible():
                el.hover(timeout=2000, force=True)
                break
        page.locator("main").click(position={"x": 5, "y": 5})
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        scripts = page.evaluate("Array.from(document.scripts).map(s => s.src)")
        assert scripts == [server + "/static/app.js"], url
        injected = page.evaluate(
            "Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
            ".some(a => a.name.startsWith('on'))).length")
        assert injected == 0, url
        assert page.locator("a[href^='javascript:']").count() == 0, url
    page.goto(server + f"/articles/{hostile}")
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 2</script>" in text  # shown as text, not run
    assert '<img src=x onerror="window.__pwned=3">' in text
    assert "<script>" in page.locator("h1").inner_text()
    assert digest["document"]["title"].startswith("Envoy <script>")
    for fact in page.locator("#facts li.fact").all()[:30]:
        fact.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not dialogs and not page.errors
    page.screenshot(path=str(shots / "hostile-article.png"), full_page=False)
