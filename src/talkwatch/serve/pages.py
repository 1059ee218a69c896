"""The dashboard's HTML pages, rendered on the server with Jinja2 (autoescape on).

Each route gathers plain dicts from the ``Record`` (the same answers as the
CLI and the API) plus the lanes of ``queries`` and the tables of ``grids``,
then renders one template (``render``). Lists are paginated on the server;
long sections are capped with a pointer to the API for the rest.
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from ..store.record import Record
from . import edit, grids, highlight, queries, svg
from .deps import answer, counter
from .render import Pager, page_params, render

HTML = "text/html; charset=utf-8"
PAGE = 50
LANES = 10  # processes per overview page
MATRIX_COLUMNS = 12
QUOTES = 30  # newest quotes on a meeting page
RUN_LINKS = 3  # articles linked per row of the status history
SHOWN = 100  # quotes, positions... shown on a page before "see the API"

router = APIRouter(include_in_schema=False)

Page = Annotated[int, Query(ge=1, le=100_000)]
Id = Annotated[str, Path(max_length=300)]


# --- overview --------------------------------------------------------------------------


def _lane(b: Any, label: str | None, meetings: list[dict[str, Any]],
          moves: dict[str, list[queries.Move]]) -> svg.Lane:
    href = f"/meetings?{urlencode({'process': label})}" if label else None
    return svg.Lane(label or "(no process or venue named)", href, meetings,
                    {m["id"]: moves[m["id"]] for m in meetings if m["id"] in moves})


@router.get("/")
def overview(request: Request, page: Page = 1) -> Response:
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
        return render("index.html", nav="overview", groups=groups, counts=counts,
                      timeline=svg.timeline(lanes, title="Timeline of meetings by process"),
                      n_moves=sum(len(v) for v in moves.values()),
                      pager=Pager(page, LANES, total, "/"))

    return answer(request, HTML, produce)


@router.get("/meetings")
def meetings(request: Request, page: Page = 1,
             process: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    def produce(rec: Record) -> bytes:
        total = queries.count_meetings(rec.backend, process, count=counter(request, rec.backend))
        pager = Pager(page, PAGE, total, "/meetings", page_params(process=process))
        found = rec.meetings(process=process, limit=PAGE, offset=pager.offset)
        timeline = None
        if process and found:
            moves = queries.moves(rec.backend, [m["id"] for m in found])
            timeline = svg.timeline([_lane(rec.backend, process, found, moves)],
                                    title=f"Timeline of {process}")
        return render("meetings.html", nav="meetings", meetings=found, pager=pager,
                      process=process, timeline=timeline)

    return answer(request, HTML, produce)


# --- one meeting -----------------------------------------------------------------------


@router.get("/meetings/{meeting_id}")
def meeting(request: Request, meeting_id: Id) -> Response:
    memo = request.app.state.memo

    def produce(rec: Record) -> bytes:
        b = rec.backend
        stamp = queries.stamp(b)
        m = rec.meeting(meeting_id)
        label = queries.group_of(m)

        def lane() -> tuple[list[dict[str, Any]], dict[str, list[queries.Move]]]:
            group = queries.group_meetings(b, label) if label else []
            return group, queries.moves(b, [g["id"] for g in group])

        group, moves = memo.get_or((stamp, "lane", label or ""), lane) if label else lane()
        if not any(g["id"] == m["id"] for g in group):
            group = [*group, {**m, "parties": m.get("parties"), "n_documents": len(m["documents"])}]
            moves = {**moves, **queries.moves(b, [m["id"]])}
        timeline = svg.timeline([_lane(b, label, group, moves)], current=m["id"],
                                title=f"Meetings of {label or 'this meeting'}")
        grid = grids.matrix(b, grids.window(group, m["id"], MATRIX_COLUMNS), m["id"], lambda mid: memo.get_or(
            (stamp, "column", mid), lambda: grids.column(b, mid)))
        edit.annotate(b, grid)
        runs = grids.history_runs(m["history"])
        quotes = list(reversed(m["quotes"]))[:QUOTES]
        docs = {d for r in runs for d in r["documents"][:RUN_LINKS]}
        docs |= {q["document"] for q in quotes} | {mv.document for mv in moves.get(m["id"], [])}
        docs |= {v["document"] for c in m["conflicts"] for v in c["values"]}
        docs |= {f["document"] for k in ("positions", "agreements", "delegations")
                 for f in m[k][:SHOWN]}
        agreement_actors = queries.actor_names(
            b, [a for ag in m["agreements"] for a in (*ag.get("parties", []),
                                                       *ag.get("brokers", []))])
        return render("meeting.html", nav="meetings", m=m, label=label, timeline=timeline,
                      matrix=grid, positions=grids.positions_grid(m["positions"]),
                      titles=queries.titles(b, docs), agreement_actors=agreement_actors,
                      quotes=quotes, runs=runs, run_links=RUN_LINKS,
                      moves=moves.get(m["id"], []), shown=SHOWN, edit=edit.context(request),
                      trail=rec.corrections_of(m["documents"]))

    return answer(request, HTML, produce)


# --- actors ----------------------------------------------------------------------------


@router.get("/actors")
def actors(request: Request, page: Page = 1,
           q: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    def produce(rec: Record) -> bytes:
        count = counter(request, rec.backend)
        _, total = queries.actors_page(rec.backend, q=q, limit=1, offset=0, count=count)
        pager = Pager(page, PAGE, total, "/actors", page_params(q=q))
        found, _ = queries.actors_page(rec.backend, q=q, limit=PAGE, offset=pager.offset,
                                       count=count)
        return render("actors.html", nav="actors", actors=found, pager=pager, q=q or "")

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
def articles(request: Request, page: Page = 1) -> Response:
    def produce(rec: Record) -> bytes:
        count = counter(request, rec.backend)
        _, total = queries.articles_page(rec.backend, limit=1, offset=0, count=count)
        pager = Pager(page, PAGE, total, "/articles")
        found, _ = queries.articles_page(rec.backend, limit=PAGE, offset=pager.offset,
                                         count=count)
        return render("articles.html", nav="articles", articles=found, pager=pager)

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
def search(request: Request, q: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    def produce(rec: Record) -> bytes:
        results: list[dict[str, Any]] = []
        problem = None
        if q and q.strip():
            if re.findall(r"\w+", q):
                results = rec.search(q, limit=30)
            else:
                problem = "Type at least one word."
        return render("search.html", nav="search", q=q or "", search_q=q or "", problem=problem,
                      documents=[r for r in results if r["kind"] == "document"],
                      quotes=[r for r in results if r["kind"] == "quote"])

    return answer(request, HTML, produce)


@router.get("/conflicts")
def conflicts(request: Request) -> Response:
    def produce(rec: Record) -> bytes:
        return render("conflicts.html", nav="conflicts", conflicts=rec.conflicts()[:500])

    return answer(request, HTML, produce)
