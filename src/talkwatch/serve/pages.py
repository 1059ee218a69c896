"""The dashboard's HTML pages, rendered on the server with Jinja2 (autoescape on).

Each route gathers plain dicts from the ``Record`` (the same answers as the
CLI and the API) plus the grids and lanes of ``queries``, then renders one
template. Lists are paginated on the server; long sections are capped with a
pointer to the API for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from ..model import MEETING_STATUSES, PARTICIPATION_STATUSES, STANCES
from ..store.record import Record
from . import highlight, queries, svg
from .app import HERE, answer, counter

HTML = "text/html; charset=utf-8"
PAGE = 50
LANES = 10  # processes per overview page
MATRIX_COLUMNS = 12
CELL_EVIDENCE = 5
QUOTES = 30  # newest quotes on a meeting page
RUN_LINKS = 3  # articles linked per row of the status history
SHOWN = 100  # quotes, positions... shown on a page before "see the API"

router = APIRouter(include_in_schema=False)

Page = Annotated[int, Query(ge=1, le=100_000)]
Id = Annotated[str, Path(max_length=300)]


def _urlq(value: Any) -> str:
    return quote(str(value), safe="")


def _safe_url(value: Any) -> str | None:
    """An article's own URL as a link only when it is http(s) (never ``javascript:``)."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def _snippet(text: str | None) -> list[tuple[str, bool]]:
    """An FTS snippet (``[hit]`` marks) as (text, is_hit) pieces; escaping stays in the template."""
    out: list[tuple[str, bool]] = []
    for piece in re.split(r"(\[[^\[\]]*\])", text or ""):
        if piece.startswith("[") and piece.endswith("]") and len(piece) > 2:
            out.append((piece[1:-1], True))
        elif piece:
            out.append((piece, False))
    return out


def _short(doc_id: Any) -> str:
    return str(doc_id or "")[:10]


# Small fragments used hundreds of times per page: Python (escaping every value with
# Markup.format) is several times faster than Jinja macros.


def badge(value: Any, kind: str = "st") -> Markup:
    v = escape(value or "unknown")
    return Markup(f'<span class="badge {escape(kind)}-{v}">{v.replace("_", " ")}</span>')


def doclink(doc_id: Any, titles: dict[str, Any] | None = None, published: Any = None) -> Markup:
    """A link to an article page, by title when known."""
    text = escape((titles or {}).get(doc_id) or f"article {_short(doc_id)}")
    out = f'<a class="doc" href="/articles/{escape(_urlq(doc_id))}">{text}</a>'
    if published:
        out += f' <span class="muted">({escape(published)})</span>'
    return Markup(out)


def evidence(ev: Any) -> Markup:
    if isinstance(ev, dict) and ev.get("text"):
        return Markup(f'<q class="evidence">{escape(ev["text"])}</q>')
    return Markup('<span class="muted">no sentence</span>')


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(urlq=_urlq, safe_url=_safe_url, snippet=_snippet, short=_short)
    env.globals.update(status=badge, doclink=doclink, evidence=evidence,
                       MEETING_STATUSES=MEETING_STATUSES,
                       PARTICIPATION_STATUSES=PARTICIPATION_STATUSES, STANCES=STANCES)
    return env


_ENV = environment()


def templates() -> Jinja2Templates:
    return Jinja2Templates(env=_ENV)


def render(name: str, **context: Any) -> bytes:
    return _ENV.get_template(name).render(**context).encode("utf-8")


@dataclass(frozen=True)
class Pager:
    """Where a page sits in a list, and the links to its neighbours."""

    page: int
    per_page: int
    total: int
    base: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def link(self, page: int) -> str:
        return self.base + "?" + urlencode([*self.params, ("page", str(page))])

    @property
    def prev(self) -> str | None:
        return self.link(self.page - 1) if self.page > 1 else None

    @property
    def next(self) -> str | None:
        return self.link(self.page + 1) if self.page < self.pages else None


def _page_params(**kw: str | None) -> tuple[tuple[str, str], ...]:
    return tuple((k, v) for k, v in kw.items() if v)


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
        pager = Pager(page, PAGE, total, "/meetings", _page_params(process=process))
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


def _window(group: list[dict[str, Any]], current: str, size: int) -> list[dict[str, Any]]:
    """At most ``size`` meetings of the group around the current one."""
    idx = next((i for i, m in enumerate(group) if m["id"] == current), 0)
    lo = max(0, min(idx - size // 2, len(group) - size))
    return group[lo:lo + size]


Cells = dict[str, dict[str, Any]]  # actor id -> latest status, role, count, newest evidence


def column(b: Any, meeting_id: str) -> Cells:
    """One meeting's column of the attendance grid."""
    parts = queries.attendance(b, [meeting_id]).get(meeting_id, [])
    return {p["actor"]: {"status": p["status"] or "unknown", "role": p["role"],
                         "n": len(p["history"]),
                         "evidence": list(reversed(p["history"]))[:CELL_EVIDENCE]}
            for p in parts}


def matrix(b: Any, columns: list[dict[str, Any]], current: str,
           column_of: Callable[[str], Cells] | None = None) -> dict[str, Any]:
    """Actors x meetings: each cell the latest participation status and its evidence.

    ``column_of(meeting_id)`` gives one column (memoised by the caller: the
    meetings of a process share their columns).
    """
    cols = {m["id"]: (column_of or (lambda mid: column(b, mid)))(m["id"]) for m in columns}
    actors = {a for col in cols.values() for a in col}
    names = queries.actor_names(b, actors)
    docs = {h["document"] for col in cols.values() for c in col.values() for h in c["evidence"]}
    in_current = set(cols.get(current, {}))
    order = sorted(actors, key=lambda a: (a not in in_current, (names.get(a) or a).casefold(), a))
    rows = [{"actor": a, "name": names.get(a) or a,
             "cells": [cols[m["id"]].get(a) for m in columns]} for a in order]
    return {"columns": columns, "rows": rows, "titles": queries.titles(b, docs)}


def history_runs(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive statements of the same status and start date as one row.

    Twenty articles repeating "due to open on May 4" read better as one line
    with its count, date span and first sentence; the JSON keeps every one.
    """
    runs: list[dict[str, Any]] = []
    for h in history:
        last = runs[-1] if runs else None
        if last and (last["status"], last["start"]) == (h.get("status"), h.get("start")):
            last["n"] += 1
            last["last"] = h.get("reported")
            if h.get("document") not in last["documents"]:
                last["documents"].append(h.get("document"))
            continue
        runs.append({"status": h.get("status"), "start": h.get("start"), "n": 1,
                     "first": h.get("reported"), "last": h.get("reported"),
                     "evidence": h.get("evidence") or {}, "documents": [h.get("document")]})
    return runs


def positions_grid(positions: list[dict[str, Any]]) -> dict[str, Any]:
    """Issues x actors: the latest stance of each actor on each issue, side by side."""
    by_actor: dict[str, int] = {}
    for p in positions:
        by_actor[p.get("actor") or "?"] = by_actor.get(p.get("actor") or "?", 0) + 1
    actors = sorted(by_actor, key=lambda a: -by_actor[a])[:12]
    names = {p.get("actor") or "?": p.get("actor_name") or "?" for p in positions}
    grid: dict[str, dict[str, dict[str, Any]]] = {}
    for p in positions:  # in publication order: the last one wins
        a = p.get("actor") or "?"
        if a not in actors:
            continue
        cell = grid.setdefault(p.get("issue") or "(issue not stated)", {}).setdefault(
            a, {"n": 0})
        cell.update(stance=p.get("stance"), evidence=p.get("evidence") or {},
                    document=p.get("document"), published=p.get("published"), n=cell["n"] + 1)
    issues = sorted(grid)[:60]
    return {"actors": [{"id": a, "name": names.get(a, a)} for a in actors],
            "rows": [{"issue": i, "cells": [grid[i].get(a) for a in actors]} for i in issues]}


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
        grid = matrix(b, _window(group, m["id"], MATRIX_COLUMNS), m["id"], lambda mid: memo.get_or(
            (stamp, "column", mid), lambda: column(b, mid)))
        runs = history_runs(m["history"])
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
                      matrix=grid, positions=positions_grid(m["positions"]),
                      titles=queries.titles(b, docs), agreement_actors=agreement_actors,
                      quotes=quotes, runs=runs, run_links=RUN_LINKS,
                      moves=moves.get(m["id"], []), shown=SHOWN)

    return answer(request, HTML, produce)


# --- actors ----------------------------------------------------------------------------


@router.get("/actors")
def actors(request: Request, page: Page = 1,
           q: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    def produce(rec: Record) -> bytes:
        count = counter(request, rec.backend)
        _, total = queries.actors_page(rec.backend, q=q, limit=1, offset=0, count=count)
        pager = Pager(page, PAGE, total, "/actors", _page_params(q=q))
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
                      meetings=digest.get("meetings") or [])

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
