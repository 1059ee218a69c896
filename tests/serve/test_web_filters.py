"""Filters, facets, sorting and downloads: the pages and the API answer the same rows.

Pure parts (the timeline window, CSV cells, filter parsing) are checked
without a server; the rest over the dev-set database through FastAPI's client.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from talkwatch.errors import InputError
from talkwatch.serve import downloads, filters, svg
from web_fixtures import DEV, build

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from talkwatch.serve import create_app  # noqa: E402


def _m(mid: str, start: str | None, status: str = "held") -> dict[str, Any]:
    return {"id": mid, "start": start, "status": status, "name": mid, "venue": {}}


# --- pure ------------------------------------------------------------------------------


def test_window_leaves_outliers_out() -> None:
    """One 2012 mention and a misread year must not stretch the axis over the real rounds."""
    lanes = [svg.Lane("talks", None, [
        _m("old", "2012"), _m("a", "2025-03-24"), _m("b", "2025-04-02"),
        _m("c", "2025-05-10"), _m("bad", "6675-01-01"), _m("none", None)])]
    lo, hi = svg.window(lanes)
    assert date(2025, 2, 1) < lo < date(2025, 3, 24) and date(2025, 5, 10) < hi < date(2025, 7, 1)
    out = str(svg.timeline(lanes))
    assert "earlier" in out and "undated" in out
    assert "Apr" in out and "May" in out  # month ticks over a short window
    # the current meeting's cluster wins even when it is the smaller one
    lo, hi = svg.window(lanes, current="old")
    assert lo.year == 2011 and hi.year == 2013


def test_news_volume_shares_the_timeline_axis() -> None:
    counts = [("2025-03-01", 2), ("2025-03-03", 5), ("2019-01-01", 9), ("bad", 1)]
    out = str(svg.volume(counts, date(2025, 2, 1), date(2025, 4, 1)))
    assert out.count('class="vol"') == 2  # outside the window and unreadable days left out
    assert "busiest day: 5" in out and "2025-03-03: 5 articles" in out
    fr = svg.frame([], 1000, given=(date(2025, 2, 1), date(2025, 4, 1)))
    x, w = re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="40.0"', out).groups()
    assert abs(float(x) + float(w) / 2 - fr.x(date(2025, 3, 3))) < 1  # centred on the day


def test_zoom_windows() -> None:
    lo, hi = date(2025, 1, 1), date(2025, 12, 31)
    z = svg.zooms(lo, hi)
    assert (z["in"][1] - z["in"][0]) < (hi - lo) < (z["out"][1] - z["out"][0])
    assert z["earlier"][0] < lo and z["later"][1] > hi
    assert svg.given_window("2025-03", None)[0] == date(2025, 3, 1)


def test_csv_flattens_and_guards_formulas() -> None:
    body = downloads.to_csv([{"id": "m1", "venue": {"city": "=HYPERLINK(1)"}, "aliases": ["a", "b"]},
                             {"id": "m2", "venue": {"city": None}, "aliases": []}])
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert rows[0] == {"id": "m1", "venue.city": "'=HYPERLINK(1)", "aliases": "a; b"}
    assert rows[1]["venue.city"] == ""


def test_filter_parse_rejects_bad_dates_and_sorts() -> None:
    with pytest.raises(InputError, match="YYYY"):
        filters.parse(start="yesterday")
    with pytest.raises(InputError, match="YYYY"):
        filters.parse(end="2024-13-01")
    assert filters._after("2024-02-30") > "2024-02-30"  # no such day: still a bound
    f = filters.parse(start="2024", end="2024-05", status=" held ", country="")
    assert f.params() == (("from", "2024"), ("to", "2024-05"), ("status", "held"))
    assert filters._after("2024-05") == "2024-06-01"


# --- over the dev set ------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(nlp: Any) -> TestClient:
    if not DEV.is_dir():  # pragma: no cover
        pytest.skip("dev set missing")
    db, _ = build()
    with TestClient(create_app(Path(db))) as c:
        yield c


def _page_ids(html: str, attr: str = "data-meeting") -> list[str]:
    return re.findall(rf'<tr {attr}="([^"]+)"', html)


@pytest.mark.slow
def test_meetings_page_and_api_agree(client: TestClient) -> None:
    everything = client.get("/api/meetings?limit=500").json()["items"]
    status = max({m["status"] for m in everything if m["status"]},
                 key=lambda s: sum(m["status"] == s for m in everything))
    dated = sorted(m["start"] for m in everything if m["start"] and len(m["start"]) == 10)
    cases = [f"status={status}", f"from={dated[0]}&to={dated[len(dated) // 2]}",
             "sort=-start", "sort=name", f"status={status}&sort=-articles"]
    country = next((m["venue"]["country"] for m in everything if m["venue"]["country"]), None)
    if country:
        cases.append(f"country={country}")
    for q in cases:
        api = client.get(f"/api/meetings?limit=50&{q}").json()
        page = client.get(f"/meetings?{q}")
        assert page.status_code == 200, q
        assert _page_ids(page.text) == [m["id"] for m in api["items"]], q
        assert f"{api['total']} in all" in page.text or "Page 1 of" in page.text, q
    held = client.get(f"/api/meetings?limit=500&status={status}").json()
    assert held["items"] and all(m["status"] == status for m in held["items"])
    starts = [m["start"] for m in client.get("/api/meetings?limit=500&sort=-start").json()["items"]
              if m["start"]]
    assert starts == sorted(starts, reverse=True)


@pytest.mark.slow
def test_actor_filter_and_facets(client: TestClient) -> None:
    m = next(m for m in client.get("/api/meetings?limit=500").json()["items"] if m["parties"])
    actor = client.get(f"/api/meetings/{m['id']}").json()["participants"][0]["actor"]
    found = client.get(f"/api/meetings?actor={actor}&limit=500").json()["items"]
    assert m["id"] in [x["id"] for x in found]
    for x in found:
        assert actor in [p["actor"] for p in client.get(f"/api/meetings/{x['id']}").json()[
            "participants"]]
    page = client.get("/meetings").text
    assert 'data-facet="status"' in page and 'class="count"' in page
    people = client.get("/api/actors?type=person&limit=500").json()
    assert people["items"] and all(a["type"] == "person" for a in people["items"])
    shown = _page_ids(client.get("/actors?type=person").text, "data-actor")
    assert shown == [a["id"] for a in people["items"][:50]]


@pytest.mark.slow
def test_downloads_are_what_the_page_shows(client: TestClient) -> None:
    page = client.get("/meetings?sort=name").text
    link = re.search(r'href="(/api/meetings\?[^"]*format=csv[^"]*)"', page).group(1)
    got = client.get(link.replace("&amp;", "&"))
    assert got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert [r["id"] for r in rows] == _page_ids(page)
    by_accept = client.get("/api/articles?limit=3", headers={"accept": "text/csv"})
    assert by_accept.headers["content-type"].startswith("text/csv")
    assert client.get("/api/articles?limit=3").headers["content-type"] == "application/json"
    m = next(m for m in client.get("/api/meetings?limit=500").json()["items"] if m["parties"])
    full = client.get(f"/api/meetings/{m['id']}").json()
    hist = list(csv.DictReader(io.StringIO(client.get(f"/meetings/{m['id']}/history.csv").text)))
    assert len(hist) == len(full["history"])
    att = client.get(f"/meetings/{m['id']}/attendance.json").json()
    assert {a["actor"] for a in att} == {p["actor"] for p in full["participants"]}
    assert client.get(f"/meetings/{m['id']}/nothing.csv").status_code in (404, 422)


@pytest.mark.slow
def test_bad_parameters_get_a_message(client: TestClient) -> None:
    r = client.get("/meetings?from=last+week")
    assert r.status_code == 400 and "YYYY" in r.text and "Traceback" not in r.text
    r = client.get("/api/meetings?sort=random")
    assert r.status_code == 422 and r.json()["ok"] is False
    r = client.get("/api/articles?to=2024-2-3")
    assert r.status_code == 422 and "to" in r.json()["error"]
