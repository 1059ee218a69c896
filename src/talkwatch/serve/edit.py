"""Corrections in the dashboard and the API: read by anyone, written only when editing is on.

``talkwatch serve --allow-edit --token TOKEN`` includes ``edit_router``:
an analyst signs in once at ``/login`` with a name and the token and gets
an HttpOnly, SameSite=Strict cookie signed with the token; each form
carries a CSRF value derived from the token and is refused from another
origin; scripts send ``Authorization: Bearer TOKEN`` to
``POST /api/corrections``. Without ``--allow-edit`` none of these routes
exist, so every write is a 404 (or a 405 where a page of that path exists).
``read_router`` (always on) serves the audit trail as JSON.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from .. import store
from ..errors import InputError, TalkwatchError
from ..model import ROLES, STANCES
from ..store import corrections
from ..store.corrections.model import FIELDS
from . import api
from .deps import answer, error_body
from .render import render

COOKIE = "talkwatch_editor"
MAX_FORM = 20_000
read_router = APIRouter(prefix="/api", tags=["corrections"], responses=api.ERRORS)
edit_router = APIRouter(include_in_schema=False)
edit_api = APIRouter(prefix="/api", tags=["corrections"])


class Unauthorized(TalkwatchError):
    """A write without a valid sign-in or token."""

    status = 401


class Forbidden(TalkwatchError):
    """A form sent from another site, or without its CSRF value."""

    status = 403


def _sign(token: str, text: str) -> str:
    return hmac.new(token.encode(), text.encode(), hashlib.sha256).hexdigest()


def csrf_value(token: str) -> str:
    """The value every edit form carries: only pages of this server know it."""
    return _sign(token, "csrf")


def context(request: Request) -> dict[str, Any] | None:
    """What templates need to show edit controls (None when editing is off)."""
    token = request.app.state.edit_token
    return {"csrf": csrf_value(token), "roles": ROLES, "stances": STANCES} if token else None


def _session(token: str, author: str) -> str:
    name = base64.urlsafe_b64encode(author.encode()).decode()
    return f"{name}.{_sign(token, 'session:' + author)}"


def signed_in(request: Request) -> str | None:
    """The analyst a request's cookie names, when the cookie is this server's."""
    token = request.app.state.edit_token
    raw = request.cookies.get(COOKIE, "")
    name, _, mac = raw.partition(".")
    try:
        author = base64.urlsafe_b64decode(name.encode()).decode()
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if not token or not author or not hmac.compare_digest(mac, _sign(token, "session:" + author)):
        return None
    return author


def _check_form(request: Request, form: dict[str, str]) -> str:
    """Same origin, right CSRF value, signed in: the analyst's name, else a refusal."""
    _same_origin(request)
    if not hmac.compare_digest(form.get("csrf", ""), csrf_value(request.app.state.edit_token)):
        raise Forbidden("the form is missing its check value; reload the page and try again")
    author = signed_in(request)
    if author is None:
        raise Unauthorized("sign in to correct the record: /login")
    return author


def _same_origin(request: Request) -> None:
    """Refuse a form another site made the browser send. (With ``no-referrer`` pages the browser
    sends ``Origin: null``; its ``Sec-Fetch-Site`` still tells.)"""
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    other = site not in (None, "same-origin", "none")
    if other or (origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host")):
        raise Forbidden("a correction can only be sent from this dashboard's own pages")


async def _form(request: Request) -> dict[str, str]:
    data = await request.body()
    if len(data) > MAX_FORM:
        raise InputError("form too large")
    try:
        pairs = parse_qs(data.decode("utf-8"), keep_blank_values=True, max_num_fields=50)
    except (UnicodeDecodeError, ValueError):
        raise InputError("the form is not valid text") from None
    return {k: v[-1] for k, v in pairs.items()}


def _next(value: str | None) -> str:
    """Where to go after a form: a path of this site only (never another host)."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def _write(request: Request, fix: corrections.Correction) -> dict[str, Any]:
    with request.app.state.ingest_lock, store.open(request.app.state.db) as rec:
        return rec.correct(fix)


def from_form(form: dict[str, str], author: str) -> corrections.Correction:
    """A correction from a dashboard form: only the fields that differ from what the page showed."""
    kind, action = form.get("kind", ""), form.get("action", "")
    if kind not in FIELDS:
        raise InputError(f"unknown fact kind {kind!r}")
    changes: dict[str, Any] = {}
    if action == "set":
        for name in FIELDS[kind]:  # the fields the form showed (each with the value it showed)
            value = form.get(name)
            if f"was_{name}" in form and value not in (None, "") and value != form[f"was_{name}"]:
                changes[name] = value
        if not changes:
            raise InputError("nothing to change: pick a new value first (or confirm the fact)")
    try:
        span = (int(form.get("ev_start", "")), int(form.get("ev_end", "")))
    except ValueError:
        raise InputError("the form names no evidence span") from None
    target = {k: form[k] for k in ("actor",) if form.get(k)}
    return corrections.Correction(action=action, kind=kind, author=author, document=form.get("document"),
                                  evidence=span, target=target, changes=changes,
                                  note=form.get("note", "").strip())


@edit_router.get("/login")
def login_page(request: Request, next: Annotated[str | None, Query(max_length=500)] = None) -> Response:
    return Response(render("login.html", nav="", edit=context(request), next=_next(next),
                           who=signed_in(request)), media_type="text/html; charset=utf-8")


@edit_router.post("/login")
async def login(request: Request) -> Response:
    form = await _form(request)
    token = request.app.state.edit_token
    _same_origin(request)
    if not hmac.compare_digest(form.get("csrf", ""), csrf_value(token)):
        raise Forbidden("the form is missing its check value; reload the page and try again")
    if not hmac.compare_digest(form.get("token", "").encode(), token.encode()):
        raise Unauthorized("wrong token")
    author = " ".join(form.get("author", "").split())[:100]
    if not author:
        raise InputError("say who you are: every correction keeps its author")
    response = RedirectResponse(_next(form.get("next")), status_code=303)
    response.set_cookie(COOKIE, _session(token, author), httponly=True, samesite="strict", path="/")
    return response


@edit_router.post("/logout")
async def logout(request: Request) -> Response:
    form = await _form(request)
    _check_form(request, form)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@edit_router.post("/corrections")
async def correct_form(request: Request) -> Response:
    """A correction from a dashboard form; back to the page it came from."""
    form = await _form(request)
    author = _check_form(request, form)
    await run_in_threadpool(_write, request, from_form(form, author))
    return RedirectResponse(_next(form.get("next")), status_code=303)


@edit_api.post("/corrections", summary="Correct one fact (Bearer token)")
async def correct_json(request: Request) -> Response:
    """A correction in its file form (``talkwatch corrections export``), with ``author``."""
    token = request.app.state.edit_token
    given = request.headers.get("authorization", "")
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return JSONResponse(error_body(401, "missing or wrong Bearer token"), status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    try:
        data = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        raise InputError("request body is not valid JSON") from None
    fix = corrections.parse(data, "request")
    logged = await run_in_threadpool(_write, request, fix)
    return JSONResponse({"ok": True, "correction": logged})


@read_router.get("/corrections", response_model=api.Page,
                 summary="The corrections log (audit trail), oldest first")
def listing(request: Request, limit: api.Limit = 50, offset: api.Offset = 0,
            document: Annotated[str | None, Query(max_length=100)] = None,
            state: Annotated[str | None, Query(pattern="^(applied|orphaned)$")] = None) -> Response:
    """Every correction (who, when, why, the fact's evidence, what it held before, ``state``)."""
    def produce(rec: Any) -> bytes:
        found = corrections.listing(rec.backend, doc_id=document, state=state)
        return api._page(found[offset:offset + limit], len(found), limit, offset)

    return answer(request, "application/json", produce)


def annotate(backend: Any, grid: dict[str, Any]) -> None:
    """Put each attendance statement's corrections (``trail``) beside it, for the cell panel."""
    corrections.trail.annotate(backend, grid)
