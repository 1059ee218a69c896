"""Filters, permalinks, downloads, timeline zoom, dark mode and accessibility in Chromium.

Uses the server, browser and page of ``test_browser`` (same dev-set database).
Each filter is used the way a person does (the form, a facet link) and the
rows the browser shows are compared with the API's answer for the same URL
parameters; downloads are caught as real downloads and read back. axe-core
(``axe-playwright-python`` ships it) checks landmarks, labels and contrast,
in light and in dark mode.
"""

# ruff: noqa: F811  (the fixtures imported from test_browser are parameters of the tests)
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from test_browser import api, browser, built, page, server, shots  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _rows(page: Any, attr: str = "data-meeting") -> list[str]:
    return [r.get_attribute(attr) for r in page.locator(f"main tbody tr[{attr}]").all()]


def _query(url: str) -> str:
    return urlencode([(k, v) for k, v in parse_qsl(urlsplit(url).query) if k != "page"])


def test_filters_and_facets_make_permalinks(server: str, page: Any, shots: Path) -> None:
    page.goto(server + "/meetings")
    everything = api(server, "/api/meetings?limit=500")["items"]
    status = max({m["status"] for m in everything if m["status"]},
                 key=lambda s: sum(m["status"] == s for m in everything))
    page.select_option("select[name=status]", status)
    page.locator("form.filter button[type=submit]").click()
    page.wait_for_url(f"**status={status}**")
    expected = api(server, f"/api/meetings?limit=50&{_query(page.url)}")["items"]
    assert _rows(page) == [m["id"] for m in expected]
    assert page.locator(f"main tbody tr[data-meeting] .st-{status}").count() == len(expected)
    # a facet narrows further, and the URL alone gives the same view back
    facet = page.locator("[data-facet=process] li a:not(.chosen)").first
    if facet.count():
        facet.click()
        page.wait_for_url("**process=**")
        assert "status=" in page.url
        shown = _rows(page)
        assert shown == [m["id"] for m in api(
            server, f"/api/meetings?limit=50&{_query(page.url)}")["items"]]
        permalink = page.url
        page.goto(server + "/")
        page.goto(permalink)
        assert _rows(page) == shown
        page.locator("[data-facet=process] a.chosen").click()  # remove that filter again
        page.wait_for_url(re.compile(r"^(?!.*process=).*$"))
    # sorting by a column header is part of the URL too
    page.locator("thead a.sort", has_text="Meeting").click()
    page.wait_for_url("**sort=name**")
    assert _rows(page) == [m["id"] for m in api(
        server, f"/api/meetings?limit=50&{_query(page.url)}")["items"]]
    page.screenshot(path=str(shots / "meetings-filtered.png"), full_page=True)
    # actors by type and articles by period, through their forms and facets
    page.goto(server + "/actors")
    page.locator("[data-facet=type] li a").first.click()
    page.wait_for_url("**type=**")
    assert _rows(page, "data-actor") == [a["id"] for a in api(
        server, f"/api/actors?limit=50&{_query(page.url)}")["items"]]
    page.goto(server + "/articles")
    page.fill("input[name=from]", "2024")
    page.locator("form.filter button[type=submit]").click()
    page.wait_for_url("**from=2024**")
    titles = [a.inner_text() for a in page.locator("main tbody td.name a").all()]
    assert titles == [d["title"] or "Untitled article" for d in api(
        server, f"/api/articles?limit=50&{_query(page.url)}")["items"]]
    assert not page.errors


def test_downloads_hold_what_the_page_shows(server: str, page: Any, tmp_path: Path) -> None:
    page.goto(server + "/meetings?sort=-start")
    with page.expect_download() as info:
        page.locator("a[data-download=csv]").click()
    path = tmp_path / "meetings.csv"
    info.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == _rows(page)
    m = next(m for m in api(server, "/api/meetings?limit=500")["items"] if m["parties"])
    page.goto(server + f"/meetings/{m['id']}")
    for name, count in (("history-csv", len(api(server, f"/api/meetings/{m['id']}")["history"])),
                        ("attendance-csv", len(api(server, f"/api/meetings/{m['id']}")[
                            "participants"]))):
        with page.expect_download() as info:
            page.locator(f"a[data-download={name}]").click()
        info.value.save_as(tmp_path / name)
        assert len(list(csv.DictReader(io.StringIO((tmp_path / name).read_text())))) == count


def test_timeline_zoom_by_keyboard_and_cell_permalink(server: str, page: Any,
                                                       shots: Path) -> None:
    m = next(m for m in api(server, "/api/meetings?limit=500")["items"]
             if m["parties"] and m["start"])
    page.goto(server + f"/meetings/{m['id']}")
    svg = page.locator("svg.timeline")
    lo, hi = svg.get_attribute("data-from"), svg.get_attribute("data-to")
    assert lo <= m["start"][:10] <= hi  # the window holds the meeting itself
    page.locator("svg.timeline a.marker").first.focus()
    page.keyboard.press("+")
    page.wait_for_url("**from=**")
    lo2, hi2 = svg.get_attribute("data-from"), svg.get_attribute("data-to")
    assert lo < lo2 and hi2 < hi
    page.locator("svg.timeline a.marker").first.focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"document.querySelector('svg.timeline').dataset.from < '{lo2}'")
    page.locator("svg.timeline a.marker").first.focus()
    page.keyboard.press("0")
    page.wait_for_function(f"document.querySelector('svg.timeline').dataset.from == '{lo}'")
    # a permalink to one cell of the attendance grid opens its evidence
    actor = api(server, f"/api/meetings/{m['id']}")["participants"][0]["actor"]
    page.goto(server + f"/meetings/{m['id']}#cell-{actor}-{m['id']}")
    button = page.locator(f"#cell-{actor}-{m['id']}")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator("#evidence-panel a.doc").count() >= 1
    page.screenshot(path=str(shots / "meeting-zoomed.png"), full_page=False)
    assert not page.errors


PAGES = ["/", "/meetings", "/meetings?status=held", "/actors", "/articles", "/search?q=talks",
         "/conflicts"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessibility(server: str, browser: Any, shots: Path, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1300, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    m = api(server, "/api/meetings?limit=1&sort=-parties")["items"][0]["id"]
    doc = api(server, "/api/articles?limit=1")["items"][0]["id"]
    axe = Axe()
    problems = []
    for path in [*PAGES, f"/meetings/{m}", f"/articles/{doc}"]:
        page.goto(server + path)
        assert page.locator("main").count() == 1 and page.locator("nav[aria-label]").count()
        assert page.locator("h1").count() == 1, path
        found = axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa"],
                                       "resultTypes": ["violations"]})
        for v in found.response["violations"]:
            problems.append(f"{path}: {v['id']} ({len(v['nodes'])}): {v['help']}")
    bg = page.evaluate("getComputedStyle(document.body.parentElement).backgroundColor")
    dark = sum(int(c) for c in re.findall(r"\d+", bg)[:3]) < 150
    assert dark == (scheme == "dark"), bg
    page.screenshot(path=str(shots / f"article-{scheme}.png"), full_page=False)
    context.close()
    assert not problems, "\n".join(problems)
