"""The dashboard's HTML pages, rendered on the server with Jinja2 (autoescape on).

Each route gathers plain dicts from the ``Record`` (the same answers as the
CLI and the API) plus the lanes of ``queries`` and the tables of ``grids``,
then renders one template (``render``). Lists are paginated on the server;
long sections are capped with a pointer to the API for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from ..store import precompute
from ..store.record import Record
from . import api, cellhtml, edit, filters, fragments, grids, highlight, queries, svg
from .deps import answer, counter, memoised
from .render import Pager, page_params, render

HTML = "text/html; charset=utf-8"
PAGE = 50
LANES = 10  # processes per overview page
MATRIX_COLUMNS = 12
SEARCH = 30  # articles and quotes a search page lists
SHOWN = 100  # quotes, positions... shown on a page before "see the API"

router = APIRouter(include_in_schema=False)

Page = Annotated[int, Query(ge=1, le=100_000)]
Id = Annotated[str, Path(max_length=300)]
Text = Annotated[str | None, Query(max_length=200)]
From = Annotated[str | None, Query(alias="from", max_length=10)]
To = Annotated[str | None, Query(alias="to", max_length=10)]


# --- overview --------------------------------------------------------------------------


def zoom_links(base: str, params: list[tuple[str, str]], lo: Any, hi: Any) -> dict[str, str]:
    """Links to the same page with the timeline zoomed or moved (they work without script)."""
    kept = [p for p in params if p[0] not in ("from", "to", "page")]
    links = {name: base + "?" + urlencode([*kept, ("from", a.isoformat()), ("to", b.isoformat())])
             for name, (a, b) in svg.zooms(lo, hi).items()}
    links["reset"] = base + ("?" + urlencode(kept) if kept else "")
    return links


def _timeline(lanes: list[svg.Lane], base: str, params: list[tuple[str, str]],
              start: str | None, end: str | None, current: str | None = None,
              title: str = "Timeline of meetings",
              remember: Callable[[Any, Callable[[], Any]], Any] | None = None
              ) -> tuple[Any, dict[str, str] | None]:
    """The timeline in the window the URL asks for (else where the meetings are), and its
    zoom links. ``remember(key, draw)`` keeps drawings of shared lanes without a current
    meeting: a page then only marks its own."""
    win = svg.given_window(start, end) or svg.window(lanes, current)
    links = zoom_links(base, params, *win) if win else None
    if remember is not None and current is not None:
        drawn = remember((win, title), lambda: svg.timeline(lanes, title=title, given=win))
        marked = svg.mark_current(drawn, current)
        if marked is not None:
            return marked, links
    return svg.timeline(lanes, current=current, title=title, given=win), links


def _lane(b: Any, label: str | None, meetings: list[dict[str, Any]],
          moves: dict[str, list[queries.Move]]) -> svg.Lane:
    return fragments.lane(label, meetings, moves)


@router.get("/")
def overview(request: Request, page: Page = 1, start: From = None, end: To = None) -> Response:
    filters.parse(start=start, end=end)  # a clear message for a malformed date
    def produce(rec: Record) -> bytes:
        b = rec.backend
        count = counter(request, b)
        groups, total = queries.groups(b, limit=LANES, offset=(page - 1) * LANES, count=count)
        lanes_meetings = [(g.label, queries.group_meetings(b, g.label)) for g in groups]
        ids = [m["id"] for _, ms in lanes_meetings for m in ms]
        moves = queries.moves(b, ids)
        lanes = [_lane(b, label, ms, moves) for label, ms in lanes_meetings]
        counts = {k: count(f"SELECT count(*) FROM {k}", ())
                  for k in ("documents", "meetings", "actors")}
        params = [("page", str(page))] if page > 1 else []
        timeline, zoom = _timeline(lanes, "/", params, start, end,
                                   title="Timeline of meetings by process")
        return render("index.html", nav="overview", groups=groups, counts=counts,
                      timeline=timeline, zoom=zoom,
                      n_moves=sum(len(v) for v in moves.values()),
                      pager=Pager(page, LANES, total, "/"))

    return answer(request, HTML, produce)


def _view(base: str, api: str, f: filters.Filter, pager: Pager,
          extra: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """What a filtered list page shows besides its rows: permalink parts, downloads, sorts."""
    params = [*extra, *f.params()]
    shown = [*params, ("limit", str(pager.per_page)), ("offset", str(pager.offset))]
    return {"filter": f, "params": params,
            "csv": f"{api}?{urlencode([*shown, ('format', 'csv')])}",
            "json": f"{api}?{urlencode(shown)}",
            "sort_link": lambda key: base + "?" + urlencode(
                [*(p for p in params if p[0] != "sort"), ("sort", key)]),
            "facet_link": lambda name, value: base + "?" + urlencode(
                [*(p for p in params if p[0] != name), *([(name, value)] if value else [])])}


@router.get("/meetings")
def meetings(request: Request, page: Page = 1, process: Text = None, start: From = None,
             end: To = None, status: Text = None, country: Text = None,
             actor: Annotated[str | None, Query(max_length=300)] = None,
             sort: Text = None) -> Response:
    f = filters.parse(process=process, start=start, end=end, status=status, country=country,
                      actor=actor, sort=sort)

    def produce(rec: Record) -> bytes:
        b = rec.backend
        _, total = filters.meetings(b, f, limit=1, offset=0, count=counter(request, b))
        pager = Pager(page, PAGE, total, "/meetings", f.params())
        found, _ = filters.meetings(b, f, limit=PAGE, offset=pager.offset,
                                    count=counter(request, b), grouped=True)
        facets = memoised(request, b, ("facets", "meetings", f.params()),
                          lambda: filters.meeting_facets(b, f))
        timeline = zoom = None
        if found and f.active():
            moves = queries.moves(b, [m["id"] for m in found])
            timeline, zoom = _timeline(
                [_lane(b, process or "Selected meetings", found, moves)], "/meetings",
                list(f.params()), start, end,
                title=f"Timeline of {process or 'the selected meetings'}")
        news = None
        if process and timeline is not None:
            counts = memoised(request, b, ("volume", process),
                              lambda: filters.volume(b, filters.Filter(process=process)))
            lo, hi = svg.given_window(start, end) or svg.window(
                [_lane(b, process, found, moves)]) or (None, None)
            news = svg.volume(counts, lo, hi, title=f"Reports per day on {process}") \
                if counts and lo else None
        actor_name = queries.actor_names(b, [actor]).get(actor) if actor else None
        return render("meetings.html", news=news, nav="meetings", meetings=found, pager=pager,
                      process=process, timeline=timeline, zoom=zoom, facets=facets, actor_name=actor_name,
                      sorts=filters.MEETING_SORTS, **_view("/meetings", "/api/meetings", f, pager))

    return answer(request, HTML, produce)


# --- one meeting -----------------------------------------------------------------------


@router.get("/meetings/{meeting_id}")
def meeting(request: Request, meeting_id: Id, start: From = None, end: To = None) -> Response:
    filters.parse(start=start, end=end)
    memo = request.app.state.memo

    def produce(rec: Record) -> bytes:
        b = rec.backend
        stamp = queries.stamp(b)
        stored = precompute.page(b, meeting_id)  # the parts drawn from the meeting alone
        m: dict[str, Any] | None = None
        if stored is None:
            m = precompute.record(b, meeting_id) or rec.meeting(meeting_id)
            mid, label = m["id"], queries.group_of(b, m)
        else:
            mid, label = meeting_id, stored["grp"]

        def lane() -> tuple[list[dict[str, Any]], dict[str, list[queries.Move]]]:
            group = queries.group_meetings(b, label) if label else []
            return group, queries.moves(b, [g["id"] for g in group])

        group, moves = memo.get_or((stamp, "lane", label or ""), lane) if label else lane()
        shared = any(g["id"] == mid for g in group)  # the process's lane as remembered
        if not shared:
            m = m or precompute.record(b, mid) or rec.meeting(mid)
            group = [*group, {**m, "parties": m.get("parties"), "n_documents": len(m["documents"])}]
            moves = {**moves, **queries.moves(b, [mid])}
        drawn = _drawn(memo, stamp, b, label, mid) if shared and not (start or end) else None
        timeline, zoom = drawn or _timeline(
            [_lane(b, label, group, moves)], f"/meetings/{mid}", [], start, end, mid,
            fragments.timeline_title(label),
            (lambda key, draw: memo.get_or((stamp, "lane svg", label, *key), draw))
            if label and shared else None)

        shown = grids.window(group, mid, MATRIX_COLUMNS)
        editing = edit.context(request)
        # without edit forms, the columns as their meetings' rows keep them, statements rendered
        kept = _kept_columns(memo, stamp, b, [c["id"] for c in shown]) if editing is None else {}

        def column(cid: str) -> grids.Cells:
            if cid in kept:
                return kept[cid]
            return memo.get_or((stamp, "column", cid), lambda: grids.columns(b, [cid])[cid])

        grid = grids.matrix(b, shown, mid, column)
        if editing is None:  # panels without edit forms: rendered once per column
            panels, fresh = _panels(memo, stamp, [c["id"] for c in shown if c["id"] not in kept],
                                    column)
            to_render = fresh
        else:
            panels, fresh = None, None
            edit.annotate(b, grid)
            to_render = grid
        docs = grids.documents(to_render) if to_render else set()
        trail: list[dict[str, Any]] = []
        if stored is None:
            assert m is not None
            trail = rec.corrections_of(m["documents"])
            docs |= fragments.documents(m, moves.get(mid, []), trail)
        # one titles query for the page and the grid's statements still to render
        titles = queries.titles(b, docs) if docs else {}
        grid["titles"] = titles
        if fresh:
            edit.annotate(b, fresh)
            new = cellhtml.column_panels(fresh, titles)
            for cid, col in new.items():
                memo.put((stamp, "panels", cid), col)
            panels = {**(panels or {}), **new}
        grid["panels"] = panels
        if stored is None:
            assert m is not None
            parts = fragments.render(b, m, label, moves.get(mid, []), trail, titles)
            name = m.get("name")
        else:
            parts, name = {p: stored[p] for p in fragments.PARTS}, stored["name"]
        return render("meeting.html", nav="meetings", m={"id": mid, "name": name}, label=label,
                      timeline=timeline, zoom=zoom, grid_rows=cellhtml.grid_rows, matrix=grid,
                      edit=editing, parts={p: Markup(v) for p, v in parts.items()})

    return answer(request, HTML, produce)


def _drawn(memo: Any, stamp: str, b: Any, label: str | None, mid: str
           ) -> tuple[Any, dict[str, str] | None] | None:
    """A meeting page's timeline from its process's stored drawing (``process_lanes``) with the
    meeting marked, and its zoom links; None when none is stored for it."""
    stored = memo.get_or((stamp, "lanes", label), lambda: precompute.lanes(b, label) or ()) \
        if label else None
    if not stored or mid not in stored[0]:
        return None
    key = stored[0][mid]
    marked = svg.mark_current(Markup(stored[1][key]), mid)
    if marked is None:
        return None
    win = fragments.key_window(key)
    return marked, (zoom_links(f"/meetings/{mid}", [], *win) if win else None)


def _kept_columns(memo: Any, stamp: str, b: Any, ids: list[str]) -> dict[str, grids.Cells]:
    """The grid columns stored with these meetings' rows while current
    (``precompute.grid_columns``), remembered until the database changes."""
    known = {cid: memo.get((stamp, "kept column", cid)) for cid in ids}
    todo = [cid for cid, col in known.items() if col is None]
    if todo:
        found = precompute.grid_columns(b, todo)
        for cid in todo:
            known[cid] = found.get(cid, False)  # False: none current, build it live
            memo.put((stamp, "kept column", cid), known[cid])
    return {cid: col for cid, col in known.items() if col is not False}


def _panels(memo: Any, stamp: str, ids: list[str], column: Callable[[str], grids.Cells]
            ) -> tuple[dict[str, dict[str, str]], dict[str, Any] | None]:
    """The grid columns' cell panels rendered before (the meetings of a process share
    columns), and the grid of those still to render (``grids.columns_grid``), if any."""
    known = {mid: memo.get((stamp, "panels", mid)) for mid in ids}
    todo = {mid: column(mid) for mid, p in known.items() if p is None}
    return ({mid: p for mid, p in known.items() if p is not None},
            grids.columns_grid(todo) if todo else None)


# --- actors ----------------------------------------------------------------------------


@router.get("/actors")
def actors(request: Request, page: Page = 1, q: Text = None, type: Text = None,
           country: Text = None, sort: Text = None) -> Response:
    f = filters.parse(type=type, country=country, sort=sort)

    def produce(rec: Record) -> bytes:
        b = rec.backend
        count = counter(request, b)
        _, total = filters.actors(b, f, q, limit=1, offset=0, count=count)
        extra = page_params(q=q)
        pager = Pager(page, PAGE, total, "/actors", (*extra, *f.params()))
        found, _ = filters.actors(b, f, q, limit=PAGE, offset=pager.offset, count=count)
        facets = memoised(request, b, ("facets", "actors", q, f.params()),
                          lambda: filters.actor_facets(b, f, q))
        return render("actors.html", nav="actors", actors=found, pager=pager, q=q or "",
                      facets=facets, **_view("/actors", "/api/actors", f, pager, extra))

    return answer(request, HTML, produce)


@router.get("/actors/{actor_id}")
def actor(request: Request, actor_id: Id) -> Response:
    def produce(rec: Record) -> bytes:
        a = rec.actor(actor_id)
        docs = {f["document"] for k in ("positions", "quotes") for f in a[k]}
        return render("actor.html", nav="actors", a=a, shown=SHOWN,
                      positions=list(reversed(a["positions"]))[:SHOWN],
                      quotes=list(reversed(a["quotes"]))[:SHOWN],
                      titles=queries.titles(rec.backend, docs))

    return answer(request, HTML, produce)


# --- articles --------------------------------------------------------------------------


@router.get("/articles")
def articles(request: Request, page: Page = 1, start: From = None, end: To = None,
             source: Text = None, actor: Annotated[str | None, Query(max_length=300)] = None,
             process: Text = None, sort: Text = None) -> Response:
    f = filters.parse(start=start, end=end, source=source, actor=actor, process=process,
                      sort=sort)

    def produce(rec: Record) -> bytes:
        b = rec.backend
        count = counter(request, b)
        _, total = filters.articles(b, f, limit=1, offset=0, count=count)
        pager = Pager(page, PAGE, total, "/articles", f.params())
        found, _ = filters.articles(b, f, limit=PAGE, offset=pager.offset, count=count)
        facets = memoised(request, b, ("facets", "articles", f.params()),
                          lambda: filters.article_facets(b, f))
        actor_name = queries.actor_names(b, [actor]).get(actor) if actor else None
        return render("articles.html", nav="articles", articles=found, pager=pager,
                      facets=facets, actor_name=actor_name,
                      **_view("/articles", "/api/articles", f, pager))

    return answer(request, HTML, produce)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: Id) -> Response:
    def produce(rec: Record) -> bytes:
        doc = queries.article(rec.backend, article_id)
        digest = rec.digest(article_id)
        marks = highlight.marks(digest)
        body = doc["body"] or ""
        kinds = sorted({mk.kind for mk in marks})
        return render("article.html", nav="articles", doc=doc, marks=marks, kinds=kinds,
                      segments=highlight.segments(body, marks) if body else [],
                      meetings=digest.get("meetings") or [], digest=digest,
                      edit=edit.context(request), trail=rec.corrections_of([doc["id"]]))

    return answer(request, HTML, produce)


# --- search and conflicts --------------------------------------------------------------


@router.get("/search")
def search(request: Request, q: Text = None, start: From = None, end: To = None,
           kind: Annotated[str | None, Query(pattern="^(document|quote)$")] = None) -> Response:
    f = filters.parse(start=start, end=end)

    def produce(rec: Record) -> bytes:
        results: list[dict[str, Any]] = []
        problem = None
        if q and q.strip():
            if re.findall(r"\w+", q):
                results = api.search_hits(rec, q, SEARCH, kind, f)
            else:
                problem = "Type at least one word."
        extra = page_params(q=q, kind=kind)
        params = [*extra, *f.params(), ("limit", str(SEARCH))]
        titles = queries.titles(rec.backend, [r["document"] for r in results])
        return render("search.html", nav="search", q=q or "", search_q=q or "", problem=problem,
                      titles=titles,
                      kind=kind or "", filter=f,
                      csv="/api/search?" + urlencode([*params, ("format", "csv")]),
                      json="/api/search?" + urlencode(params),
                      documents=[r for r in results if r["kind"] == "document"],
                      quotes=[r for r in results if r["kind"] == "quote"])

    return answer(request, HTML, produce)


@router.get("/conflicts")
def conflicts(request: Request) -> Response:
    def produce(rec: Record) -> bytes:
        found = rec.conflicts()[:500]
        titles = queries.titles(rec.backend, [v["document"] for c in found for v in c["values"]])
        return render("conflicts.html", nav="conflicts", conflicts=found, titles=titles)

    return answer(request, HTML, produce)
