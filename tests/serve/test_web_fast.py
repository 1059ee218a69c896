"""Fast paths of the dashboard answer exactly what the slow ones did.

The meeting answer stored at merge time, the process lanes from
``meeting_pages``, the news volume from the reports' days, the articles list
read through its index and the attendance cells written in Python are each
compared with the direct computation on the web tests' database (the dev
set, ingested once) or on hand-built rows.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from markupsafe import Markup

from talkwatch import store
from talkwatch.serve import api, cellhtml, create_app, filters, queries
from talkwatch.store import queries as store_queries
from web_fixtures import build


def _record() -> store.Record:
    db, _ = build()
    return store.open(db)


def test_meeting_api_is_the_live_answer_for_every_meeting() -> None:
    db, _ = build()
    client = TestClient(create_app(db, cache_size=0))
    with _record() as rec:
        for m in rec.meetings():
            body = client.get(f"/api/meetings/{m['id']}").content
            assert body == api._dump(rec.meeting(m["id"]))


def test_lanes_count_the_meetings_as_the_grouping_expression_does() -> None:
    with _record() as rec:
        b = rec.backend
        old = b.query(f"SELECT {queries.GROUP} AS label, count(*) AS n FROM {queries.GROUPED}"
                      f" GROUP BY {queries.GROUP}")
        found, total = queries.groups(b, limit=1000, offset=0)
        assert sorted((g.label or "", g.meetings) for g in found) == sorted(
            (r["label"] or "", r["n"]) for r in old)
        assert total == len(old)
        for g in found:
            ids = [m["id"] for m in queries.group_meetings(b, g.label)]
            where = f"{queries.GROUP} = ?" if g.label is not None else f"{queries.GROUP} IS NULL"
            direct = b.query(f"SELECT id FROM {queries.GROUPED} WHERE {where} ORDER BY"
                             " CASE WHEN start_date IS NULL THEN 1 ELSE 0 END, start_date, id",
                             [g.label] if g.label is not None else [])
            assert ids == [r["id"] for r in direct]


def test_news_volume_from_reports_equals_counting_articles() -> None:
    with _record() as rec:
        b = rec.backend
        labels = {m["venue"]["city"] for m in rec.meetings() if m["venue"]["city"]}
        assert labels
        for label in sorted(labels):
            f = filters.Filter(process=label)
            where, params = filters.article_where(f)
            direct = b.query(
                f"SELECT substr(published, 1, 10) AS day, count(*) AS n FROM documents{where}"
                f"{' AND' if where else ' WHERE'} published IS NOT NULL GROUP BY day ORDER BY day",
                params)
            assert filters.volume(b, f) == [(r["day"], r["n"]) for r in direct]


def test_articles_pages_read_through_the_index_are_the_plain_query() -> None:
    with _record() as rec:
        b = rec.backend
        for sort in filters.ARTICLE_SORTS:
            for offset in (0, 7, 30):
                f = filters.Filter(sort=sort)
                found, _ = filters.articles(b, f, limit=10, offset=offset)
                plain = b.query("SELECT id, title, source, url, published, language FROM"
                                f" documents ORDER BY {filters.ARTICLE_SORTS[sort]}"
                                " LIMIT 10 OFFSET ?", (offset,))
                assert found == plain


def test_a_grid_cell_escapes_names_and_sentences_and_drops_bidi_controls() -> None:
    row = {"actor": "a1", "name": 'Front <b onclick="x">\u202eevil'}
    col = {"id": "m1", "name": "Talks & <i>more</i>", "start": "2024-03-04"}
    cell = {"status": "will_attend", "role": "mediator", "n": 7, "evidence": [
        {"status": "will_attend", "hedged": True, "document": "d1", "reported": "2024-03-01",
         "evidence": {"text": 'said "<script>x</script>"'}}]}
    html = cellhtml.grid_cell(row, cell, col, 2, 3, "m1", {"d1": {"title": "T<1>", "source": "S"}})
    assert isinstance(html, Markup)
    assert "<b on" not in html and "<script>" not in html and "<i>" not in html and "\u202e" not in html
    assert 'data-cell="c2-3"' in html and 'id="c2-3"' in html and "current" in html
    assert "will attend<span class=\"role\">mediator</span>" in html
    assert "7 statements, newest 1 shown" in html and "(hedged)" in html
    assert "T&lt;1&gt;" in html and 'id="cell-a1-m1"' in html
    empty = cellhtml.grid_cell(row, None, {"id": "m2"}, 0, 0, "m1", {})
    assert re.fullmatch(r'<td class="cell empty" data-meeting="m2">.*</td>', str(empty))


def test_a_meeting_page_has_one_cell_per_actor_and_meeting() -> None:
    db, _ = build()
    client = TestClient(create_app(db, cache_size=0))
    with _record() as rec:
        m = max(rec.meetings(), key=lambda m: m["n_documents"])
        html = client.get(f"/meetings/{m['id']}").text
        full = store_queries.meeting(rec.backend, m["id"])
    cells = re.findall(r'<td class="cell [^"]*" data-meeting="([^"]+)"', html)
    actors = re.findall(r'<tr data-actor="([^"]+)">', html)
    columns = re.findall(r'<th scope="col" class="[^"]*" data-meeting="([^"]+)">', html)
    assert len(cells) == len(actors) * len(columns) and m["id"] in columns
    assert {p["actor"] for p in full["participants"]} <= set(actors)


def test_a_grid_from_shared_columns_is_the_grid_read_directly_and_leaves_them_unchanged() -> None:
    from talkwatch.serve import edit, grids

    with _record() as rec:
        b = rec.backend
        m = max(rec.meetings(), key=lambda m: m["n_documents"])
        label = queries.group_of(b, m)
        window = grids.window(queries.group_meetings(b, label), m["id"], 12)
        shared = {w["id"]: grids.columns(b, [w["id"]])[w["id"]] for w in window}
        before = repr(shared)
        grid = grids.matrix(b, window, m["id"], shared.__getitem__)
        edit.annotate(b, grid)  # adds each statement's trail: to this page's copy only
        assert repr(shared) == before
        assert grid == {**grids.matrix(b, window, m["id"]), "rows": grid["rows"]}
        plain = grids.matrix(b, window, m["id"])
        assert [r["actor"] for r in grid["rows"]] == [r["actor"] for r in plain["rows"]]
        cited = grids.documents(grid)
        assert cited and cited == {h["document"] for col in shared.values()
                                   for c in col.values() for h in c["evidence"]}


def test_the_meeting_record_for_a_page_is_the_answer_without_mentions() -> None:
    import json

    from talkwatch.store import precompute

    with _record() as rec:
        for m in rec.meetings():
            full = json.loads(precompute.answer(rec.backend, m["id"]) or "null")
            assert full is not None
            full.pop("mentions")
            assert precompute.record(rec.backend, m["id"]) == full


def test_a_page_of_meetings_in_the_default_order_walks_an_index() -> None:
    with _record() as rec:
        b = rec.backend
        seen: list[tuple[str, list]] = []
        query = b.query
        b.query = lambda sql, params=(): seen.append((sql, list(params))) or query(sql, params)
        found, _ = filters.meetings(b, filters.Filter(), limit=5, offset=2)
        b.query = query
        sql, params = seen[-1]
        plan = " ".join(str(r["detail"]) for r in b.query("EXPLAIN QUERY PLAN " + sql, params))
        assert "meetings_sorted" in plan and "TEMP B-TREE" not in plan
        assert [m["id"] for m in found] == [r["id"] for r in b.query(
            "SELECT id FROM meetings ORDER BY start_date IS NULL, start_date, id LIMIT 5 OFFSET 2")]


def test_cell_panels_rendered_per_column_are_the_cells_rendered_on_the_page() -> None:
    from talkwatch.serve import edit, grids

    with _record() as rec:
        b = rec.backend
        m = max(rec.meetings(), key=lambda m: m["n_documents"])
        window = grids.window(queries.group_meetings(b, queries.group_of(b, m)), m["id"], 12)
        cols = grids.columns(b, [w["id"] for w in window])
        one = grids.columns_grid(cols)
        edit.annotate(b, one)
        panels = cellhtml.column_panels(one, queries.titles(b, grids.documents(one)))
        assert set(panels) == set(cols) and any(panels.values())
        grid = grids.matrix(b, window, m["id"])
        edit.annotate(b, grid)
        titles = queries.titles(b, grids.documents(grid))
        for ri, row in enumerate(grid["rows"]):
            for ci, (cell, col) in enumerate(zip(row["cells"], window, strict=True)):
                assert cellhtml.grid_cell(row, cell, col, ri, ci, m["id"], {}, None, panels) == \
                    cellhtml.grid_cell(row, cell, col, ri, ci, m["id"], titles)


def test_a_meeting_page_with_its_neighbours_panels_remembered_is_the_page_rendered_afresh() -> None:
    db, _ = build()
    with _record() as rec:
        b = rec.backend
        group = max((queries.group_meetings(b, queries.group_of(b, m)) for m in rec.meetings()),
                    key=len)
    assert len(group) > 1
    fresh = TestClient(create_app(db, cache_size=0))
    app = create_app(db, cache_size=64)
    warm = TestClient(app)
    for g in group[:3]:
        assert warm.get(f"/meetings/{g['id']}").text == fresh.get(f"/meetings/{g['id']}").text
    assert any(key[1] == "kept column" for key in app.state.memo._data)  # stored columns read


def test_meeting_pages_from_stored_parts_are_the_pages_rendered_live(tmp_path) -> None:
    import shutil

    db, _ = build()
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    client = TestClient(create_app(copy, cache_size=0))
    with store.open(copy) as rec:
        ids = [m["id"] for m in rec.meetings()]
        assert all(rec.backend.scalar("SELECT head FROM meeting_pages WHERE meeting_id = ?", (i,))
                   for i in ids)
        stored = {i: client.get(f"/meetings/{i}").content for i in ids}
        with rec.backend.transaction():  # as rows gone stale: every part rendered live
            rec.backend.execute("UPDATE meeting_pages SET head = NULL")
    for i in ids:
        assert client.get(f"/meetings/{i}").content == stored[i]
    with store.open(copy) as rec, rec.backend.transaction():  # the grid's columns too
        rec.backend.execute("UPDATE meeting_pages SET grid = NULL")
    for i in ids:
        assert client.get(f"/meetings/{i}").content == stored[i]


def test_a_cell_rendered_at_merge_is_the_cell_rendered_on_the_page() -> None:
    col = {"id": "m1", "name": "Talks \u202e<i>more</i>", "start": "2024-03-04"}
    cell = {"status": "will_attend", "role": "mediator", "n": 7, "evidence": [
        {"status": "will_attend", "hedged": True, "document": "d1", "reported": "2024-03-01",
         "evidence": {"text": 'said "<b>x</b>" \u2067'}}]}
    titles = {"d1": {"title": "T<1>", "source": "S"}}
    items = cellhtml.column_panels(
        {"meetings": ["m1"], "rows": [{"actor": "a1", "meeting": "m1", "cells": [cell]}]},
        titles)["m1"]["a1"]
    kept = cellhtml.compact(cell, col, "a1", items)
    for name in ('Front <b onclick="x">\u202eevil', "Plain"):
        row = {"actor": "a1", "name": name}
        for current, ri, ci in (("m1", 0, 0), ("m2", 3, 11)):
            assert cellhtml.grid_cell(row, kept, col, ri, ci, current, {}) == \
                cellhtml.grid_cell(row, cell, col, ri, ci, current, titles)
