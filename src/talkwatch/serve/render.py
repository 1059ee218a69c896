"""HTML rendering for the dashboard: the Jinja2 environment, small fragments, the pager.

Templates autoescape; the fragments used hundreds of times per page (status
badges, article links, evidence quotes) are Python that escapes every value,
several times faster than Jinja macros.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from ..model import MEETING_STATUSES, PARTICIPATION_STATUSES, STANCES
from ..sanitize import isolate_bidi

# templates/ beside this module (not ``deps.HERE``: the store renders a meeting page's
# stored parts through ``fragments`` and must not import the application's modules)
HERE = Path(__file__).resolve().parent


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


def badge(value: Any, kind: str = "st") -> Markup:
    v = escape(value or "unknown")
    return Markup(f'<span class="badge {escape(kind)}-{v}">{v.replace("_", " ")}</span>')


def doclink(doc_id: Any, titles: dict[str, Any] | None = None, published: Any = None) -> Markup:
    """A link to an article page by its title and outlet (a person cannot use a hash).

    ``titles`` maps a document id to ``{"title", "source"}`` (``queries.titles``)
    or to a plain title; an article without a title is "untitled article".
    """
    known = (titles or {}).get(doc_id)
    if not isinstance(known, dict):
        known = {"title": known, "source": None}
    return _doclink(str(doc_id or ""), known.get("title"), known.get("source"),
                    str(published) if published else None)


@functools.lru_cache(maxsize=16384)
def _doclink(doc_id: str, title: str | None, source: str | None,
             published: str | None) -> Markup:
    """The escaped link (a meeting page links the same articles hundreds of times)."""
    text = escape(title or "untitled article")
    out = (f'<a class="doc" href="/articles/{escape(_urlq(doc_id))}" '
           f'title="article {escape(_short(doc_id))}">{text}</a>')
    extra = " · ".join(str(escape(v)) for v in (source, published) if v)
    if extra:
        out += f' <span class="muted">({extra})</span>'
    return Markup(out)


def evidence(ev: Any) -> Markup:
    if isinstance(ev, dict) and ev.get("text"):
        return Markup(f'<q class="evidence">{escape(ev["text"])}</q>')
    return Markup('<span class="muted">no sentence</span>')


def _no_bidi(value: Any) -> Any:
    """Every ``{{ value }}`` of a page without bidi controls: an override in a title cannot turn
    "evil" into "live" or reverse the text after it (style.css isolates each cell as well)."""
    if not isinstance(value, str) or value.isascii():  # no bidi control is ASCII
        return value
    if isinstance(value, Markup):
        return Markup(isolate_bidi(value))
    return isolate_bidi(value)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, finalize=_no_bidi)
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




def page_params(**kw: str | None) -> tuple[tuple[str, str], ...]:
    """The query parameters a pager keeps in its links (those given)."""
    return tuple((k, v) for k, v in kw.items() if v)
