"""The JSON API: the record's answers, as the CLI's ``--format json`` gives them.

Detail routes (``/api/meetings/{id}``, ``/api/actors/{id}``,
``/api/articles/{id}``) return exactly what ``Record.meeting`` / ``.actor`` /
``.digest`` return. Lists are pages: ``{"ok": true, "total", "limit",
"offset", "items"}``. Every error is ``{"ok": false, "error", "status"}``.
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict

from ..errors import InputError
from ..store import pages, precompute
from . import filters, queries
from .deps import answer, counter, error_body, memoised
from .downloads import CSV, to_csv, wants_csv

MAX_LIMIT = 500
JSON = "application/json"


class Error(BaseModel):
    """Every error: a message for people and the HTTP status again."""

    ok: bool
    error: str
    status: int


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel):
    """A page of a list: ``items[offset:offset+limit]`` of ``total``."""

    ok: bool
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class Venue(Open):
    city: str | None
    country: str | None


class MeetingSummary(Open):
    id: str
    name: str | None
    aliases: list[str]
    venue: Venue
    process: str | None
    round: int | None
    start: str | None
    end: str | None
    status: str | None
    parties: int | None
    n_documents: int | None


class MeetingPage(Page):
    items: list[MeetingSummary]  # type: ignore[assignment]


class Meeting(Open):
    """A meeting in full (``talkwatch meeting ID --format json``)."""

    id: str
    name: str | None
    venue: Venue
    status: str | None
    documents: list[str]
    history: list[dict[str, Any]]
    participants: list[dict[str, Any]]
    delegations: list[dict[str, Any]]
    positions: list[dict[str, Any]]
    agreements: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]


class Actor(Open):
    """One actor (``talkwatch actor NAME --format json``)."""

    id: str
    name: str
    aliases: list[str]
    meetings: list[dict[str, Any]]
    positions: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


class Digest(Open):
    """The ``talkwatch.digest/1`` dict of one stored article."""

    document: dict[str, Any]
    actors: list[dict[str, Any]]
    meetings: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "Bad request"},
    404: {"model": Error, "description": "Not in the record"},
    422: {"model": Error, "description": "Invalid parameters"},
}

router = APIRouter(prefix="/api", tags=["record"], responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _page(items: list[Any], total: int, limit: int, offset: int) -> bytes:
    return _dump({"ok": True, "total": total, "limit": limit, "offset": offset,
                  "items": items})


Fmt = Annotated[str | None, Query(pattern="^(json|csv)$",
                                  description="csv for a spreadsheet (or send Accept: text/csv).")]
Text = Annotated[str | None, Query(max_length=200)]
From = Annotated[str | None, Query(alias="from", pattern=filters.DATE.pattern,
                                   description="First day: YYYY, YYYY-MM or YYYY-MM-DD.")]
To = Annotated[str | None, Query(alias="to", pattern=filters.DATE.pattern,
                                 description="Last day, inclusive (same forms).")]
AS_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {
    "schema": {"type": "string"}}}, "description": "A page of the list (CSV: its items)"}}


def listing(request: Request, fmt: str | None,
            produce: Callable[[Any], tuple[list[Any], int, int, int]]) -> Response:
    """A page of a list as JSON (``{ok, total, limit, offset, items}``) or its items as CSV."""
    csv = wants_csv(request, fmt)

    def body(rec: Any) -> bytes:
        items, total, limit, offset = produce(rec)
        return to_csv(items) if csv else _page(items, total, limit, offset)

    return answer(request, CSV if csv else JSON, body)


@router.get("/meetings", response_model=MeetingPage, summary="Merged meetings, filtered", responses=AS_CSV)
def meetings(request: Request, limit: Limit = 50, offset: Offset = 0,
             process: Annotated[str | None, Query(
                 max_length=200, description="Only this process or venue city.")] = None,
             start: From = None, end: To = None, status: Text = None,
             country: Text = None, actor: Annotated[str | None, Query(
                 max_length=300, description="Only meetings this actor id takes part in.")] = None,
             sort: Annotated[str | None, Query(pattern="^(" + "|".join(
                 filters.MEETING_SORTS) + ")$")] = None, format: Fmt = None) -> Response:
    """Like ``talkwatch meetings --format json [--process P]``, filtered and sorted as the
    meetings page is (the same parameters give the same rows)."""
    f = filters.parse(process=process, start=start, end=end, status=status, country=country,
                      actor=actor, sort=sort)

    def produce(rec: Any) -> tuple[list[Any], int, int, int]:
        found, total = filters.meetings(rec.backend, f, limit=limit, offset=offset,
                                        count=counter(request, rec.backend))
        return found, total, limit, offset

    return listing(request, format, produce)


@router.get("/meetings/{meeting_id}", response_model=Meeting, summary="One meeting in full")
def meeting(request: Request, meeting_id: Annotated[str, Path(max_length=300)]) -> Response:
    """Status history, participants, delegations, positions, agreements, quotes, conflicts
    (``talkwatch meeting ID --format json``); a name works too."""
    return answer(request, JSON, lambda rec: meeting_json(rec, meeting_id))


def meeting_json(rec: Any, meeting_id: str) -> bytes:
    """The meeting's answer as the merge stored it (``store.precompute``) while current,
    else computed from the fact tables."""
    stored = precompute.answer(rec.backend, meeting_id)
    return stored.encode("utf-8") if stored is not None else _dump(rec.meeting(meeting_id))


@router.get("/processes", response_model=Page, summary="Processes (or venues) with meetings")
def processes(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Groups of meetings by process name, else venue city; most recently active first."""
    def produce(rec: Any) -> bytes:
        found, total = queries.groups(rec.backend, limit=limit, offset=offset,
                                      count=counter(request, rec.backend))
        return _page([{"label": g.label, "meetings": g.meetings, "first": g.first,
                       "last": g.last} for g in found], total, limit, offset)

    return answer(request, JSON, produce)


@router.get("/actors", response_model=Page, summary="Actors, filtered", responses=AS_CSV)
def actors(request: Request, limit: Limit = 50, offset: Offset = 0,
           q: Annotated[str | None, Query(max_length=200,
                                          description="Part of a name or alias.")] = None,
           type: Text = None, country: Text = None,
           sort: Annotated[str | None, Query(pattern="^(" + "|".join(
               filters.ACTOR_SORTS) + ")$")] = None, format: Fmt = None) -> Response:
    f = filters.parse(type=type, country=country, sort=sort)

    def produce(rec: Any) -> tuple[list[Any], int, int, int]:
        found, total = filters.actors(rec.backend, f, q, limit=limit, offset=offset,
                                      count=counter(request, rec.backend))
        return found, total, limit, offset

    return listing(request, format, produce)


@router.get("/actors/{actor_id}", response_model=Actor, summary="One actor")
def actor(request: Request, actor_id: Annotated[str, Path(max_length=300)]) -> Response:
    """Meetings (latest status and role), positions and quotes over time
    (``talkwatch actor NAME --format json``); a name or alias works too."""
    def produce(rec: Any) -> bytes:
        stored = pages.actor_answer(rec.backend, actor_id)  # as the last ingest stored it
        return stored.encode("utf-8") if stored is not None else _dump(rec.actor(actor_id))

    return answer(request, JSON, produce)


@router.get("/articles", response_model=Page, summary="Stored articles, filtered", responses=AS_CSV)
def articles(request: Request, limit: Limit = 50, offset: Offset = 0,
             start: From = None, end: To = None, source: Text = None,
             actor: Annotated[str | None, Query(max_length=300)] = None,
             process: Text = None,
             sort: Annotated[str | None, Query(pattern="^(" + "|".join(
                 filters.ARTICLE_SORTS) + ")$")] = None, format: Fmt = None) -> Response:
    f = filters.parse(start=start, end=end, source=source, actor=actor, process=process,
                      sort=sort)

    def produce(rec: Any) -> tuple[list[Any], int, int, int]:
        found, total = filters.articles(rec.backend, f, limit=limit, offset=offset,
                                        count=counter(request, rec.backend))
        return found, total, limit, offset

    return listing(request, format, produce)


@router.get("/articles/{article_id}", response_model=Digest, summary="One article's digest")
def article(request: Request, article_id: Annotated[str, Path(max_length=300)]) -> Response:
    """The ``talkwatch.digest/1`` dict of a stored article, as extraction produced it."""
    return answer(request, JSON, lambda rec: _dump(rec.digest(article_id)))


@router.get("/facts", response_model=Page, summary="Facts of one kind, with provenance", responses=AS_CSV)
def facts(request: Request,
          kind: Annotated[str, Query(pattern="^(" + "|".join(queries.FACT_TABLES) + ")$",
                                     description="Which table of facts.")],
          limit: Limit = 50, offset: Offset = 0,
          document: Annotated[str | None, Query(max_length=300,
                                                description="Only facts of this article.")] = None,
          actor: Annotated[str | None, Query(max_length=300,
                                             description="Only facts about this actor id.")] = None,
          format: Fmt = None) -> Response:
    """Each fact in record shape (record actor and meeting ids) with ``document``,
    ``published``, ``url`` and ``evidence`` (sentence and offsets)."""
    def produce(rec: Any) -> tuple[list[Any], int, int, int]:
        found, total = queries.facts_page(
            rec.backend, kind, document=document, actor=actor, limit=limit, offset=offset,
            count=counter(request, rec.backend), marks=_checkpoints(request, rec.backend, kind))
        return found, total, limit, offset

    return listing(request, format, produce)


def _checkpoints(request: Request, backend: Any, kind: str) -> Callable[[], list[Any]] | None:
    """The kind's ``queries.checkpoints``, kept until the database changes, when this server
    keeps anything (a memo and a database stamp); else None: plain ``OFFSET`` (building them
    for one page would cost more than stepping over the rows)."""
    if not request.app.state.memo.size or not queries.stamp(backend):
        return None
    return lambda: memoised(request, backend, ("checkpoints", kind),
                            lambda: queries.checkpoints(backend, kind))


@router.get("/search", response_model=Page, summary="Full-text search", responses=AS_CSV)
def search(request: Request,
           q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
           limit: Annotated[int, Query(ge=1, le=100, description="At most this many articles "
                                       "and this many quotes.")] = 20,
           kind: Annotated[str | None, Query(pattern="^(document|quote)$")] = None,
           start: From = None, end: To = None, format: Fmt = None) -> Response:
    """Articles and quotes containing every word (``talkwatch search TEXT --format json``),
    optionally only one kind or one period of publication; text without any word finds
    nothing."""
    f = filters.parse(start=start, end=end)

    def produce(rec: Any) -> tuple[list[Any], int, int, int]:
        found = search_hits(rec, q, limit, kind, f)
        return found, len(found), limit, 0

    return listing(request, format, produce)


def search_hits(rec: Any, q: str, limit: int, kind: str | None,
                f: filters.Filter) -> list[dict[str, Any]]:
    """The search answer narrowed by kind and publication period (page and API share it)."""
    found = rec.search(q, limit=limit) if re.findall(r"\w+", q) else []
    return [h for h in found if (not kind or h["kind"] == kind) and filters.published_in(
        h.get("published"), f)]


@router.get("/conflicts", response_model=Page, summary="Conflicting reports")
def conflicts(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Start dates or statuses of a meeting reported differently on the same day."""
    def produce(rec: Any) -> bytes:
        found = rec.conflicts()
        return _page(found[offset:offset + limit], len(found), limit, offset)

    return answer(request, JSON, produce)


# --- writing (only with --allow-ingest and a token) ------------------------------------

ingest_router = APIRouter(prefix="/api", tags=["ingest"], responses={
    **ERRORS, 401: {"model": Error, "description": "Missing or wrong token"},
    413: {"model": Error, "description": "Article too large"}})
MAX_ARTICLE = 2_000_000


class Ingested(BaseModel):
    ok: bool
    document: str
    added: int
    facts: int


@ingest_router.post("/ingest", response_model=Ingested, summary="Store one article")
async def ingest(request: Request) -> Response:
    """Extract and store one article: ``text/plain`` (optionally with a header block)
    or JSON ``{"text", "title", "url", "source", "published"}``; needs
    ``Authorization: Bearer TOKEN``."""
    token = request.app.state.ingest_token
    given = request.headers.get("authorization", "")
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return JSONResponse(error_body(401, "missing or wrong Bearer token"), status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    data = await request.body()
    if len(data) > MAX_ARTICLE:
        return JSONResponse(error_body(413, "article too large"), status_code=413)
    article = _article(data, request.headers.get("content-type", ""))
    from starlette.concurrency import run_in_threadpool

    result = await run_in_threadpool(_store, request, article)
    return JSONResponse(result)


def _article(data: bytes, content_type: str) -> Any:
    from .. import read

    if "json" in content_type:
        try:
            obj = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            raise InputError("request body is not valid JSON") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError('JSON body needs a "text" string')
        return read.make_article(obj["text"], {k: obj.get(k) for k in (
            "title", "url", "source", "published", "language")})
    return read.read_text(read.decode(data, where="request: "))


def _store(request: Request, article: Any) -> dict[str, Any]:
    from .. import store
    from ..batch.local import extract_article

    digest = extract_article(article)
    with request.app.state.ingest_lock, store.open(request.app.state.db) as rec:
        saved = rec.save(digest, body=article.body)
    return {"ok": True, "document": article.id, "added": saved.added, "facts": saved.facts}
