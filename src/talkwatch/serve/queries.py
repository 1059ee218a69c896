"""Questions the dashboard asks that the ``Record`` does not: pages, counts, groups, grids.

Everything here reads the store's tables through its backend with portable SQL
(``?`` placeholders, ``COALESCE``/``NULLIF``/``||``, ``LIMIT ... OFFSET``), so
the same code runs when a PostgreSQL backend arrives. Per-actor status comes
from ``store.merge.attendance_of`` (``summary.participants`` with the meeting's
timeline), the very function the CLI's answers use, so the grid and
``talkwatch meeting`` never disagree.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import NotFound
from ..store import merge, rows, summary
from ..store import queries as store_queries

FACT_TABLES = rows.FACT_TABLES  # what ``/api/facts?kind=`` lists
# the column(s) naming the record actor of each fact kind, for ?actor= filters
ACTOR_COLUMNS = {kind: tuple(f"{key}_id" for key in rows.actor_keys(kind)) for kind in FACT_TABLES}
# a meeting's process as its reports name it, else as the gazetteer places its participants
# (``store.attendance.process_of``), else its venue city
GROUP = "COALESCE(NULLIF(process, ''), gprocess, city)"
GROUPED = ("(SELECT m.*, f.process AS gprocess FROM meetings m"
           " LEFT JOIN meeting_folded f ON f.meeting_id = m.id) g")

Counter = Callable[[str, Sequence[Any]], int]


def direct_count(backend: Any) -> Counter:
    """Run a ``SELECT count(*)`` as is (callers may pass a memoised counter instead)."""
    return lambda sql, params: int(backend.scalar(sql, params) or 0)


def stamp(backend: Any) -> str:
    """A token that changes whenever the database does (the key of every cached answer).

    For a SQLite file the size and modification time of the file and its WAL
    change with every commit; other backends get no token (no caching).
    """
    path = getattr(backend, "path", None)
    if getattr(backend, "dialect", None) != "sqlite" or not path or path == ":memory:":
        return ""
    parts = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{st.st_mtime_ns}:{st.st_size}")
    return "|".join(parts)


# --- meetings and processes ------------------------------------------------------------


def _process_filter(process: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause ``store.queries.meetings`` uses for ``process=`` (kept identical)."""
    return store_queries.process_filter(process)


def count_meetings(backend: Any, process: str | None = None, *,
                   count: Counter | None = None) -> int:
    where, params = _process_filter(process)
    return (count or direct_count(backend))(f"SELECT count(*) FROM meetings{where}", params)


@dataclass(frozen=True)
class Group:
    """A process (or, unnamed, a venue city): the lanes of the overview timeline."""

    label: str | None
    meetings: int
    first: str | None
    last: str | None


def groups(backend: Any, *, limit: int, offset: int,
           count: Counter | None = None) -> tuple[list[Group], int]:
    """Processes with meeting counts and date range, most recently active first."""
    total = (count or direct_count(backend))(
        f"SELECT count(*) FROM (SELECT {GROUP} AS label FROM {GROUPED} GROUP BY {GROUP}) x", ())
    found = backend.query(
        f"SELECT {GROUP} AS label, count(*) AS n, min(start_date) AS first,"
        f" max(start_date) AS last FROM {GROUPED} GROUP BY {GROUP}"
        " ORDER BY CASE WHEN max(start_date) IS NULL THEN 1 ELSE 0 END, max(start_date) DESC,"
        " label LIMIT ? OFFSET ?", (limit, offset))
    return [Group(r["label"], int(r["n"]), r["first"], r["last"]) for r in found], total


def group_meetings(backend: Any, label: str | None, *, limit: int = 200) -> list[dict[str, Any]]:
    """The meetings of one group (exactly as ``groups`` counts them), by start date."""
    where, params = (f"{GROUP} = ?", [label]) if label is not None else (f"{GROUP} IS NULL", [])
    found = backend.query(
        f"SELECT {store_queries.MEETING_COLS} FROM {GROUPED} WHERE {where}"
        " ORDER BY CASE WHEN start_date IS NULL THEN 1 ELSE 0 END, start_date, id LIMIT ?",
        [*params, limit])
    return [store_queries.meeting_row(m) for m in found]


def group_of(backend: Any, meeting: dict[str, Any]) -> str | None:
    """The group label of a meeting (record shape), as ``groups`` counts it."""
    if meeting.get("process"):
        return meeting["process"]
    found = backend.query("SELECT process FROM meeting_folded WHERE meeting_id = ?",
                          (meeting["id"],))
    return (found[0]["process"] if found else None) or (meeting.get("venue") or {}).get(
        "city") or None


@dataclass(frozen=True)
class Move:
    """A postponement: the start date stated before it and the one it moved to."""

    old: str
    new: str
    reported: str | None
    document: str


def moves(backend: Any, meeting_ids: list[str]) -> dict[str, list[Move]]:
    """Postponements per meeting, in statement order (publication, document, position)."""
    found = merge._in(backend,
        "SELECT r.meeting_id, r.doc_id, r.published, r.position, h.idx, h.status, h.start_date,"
        " h.ev_start FROM meeting_history h JOIN meeting_reports r ON r.id = h.report_id"
        " WHERE r.meeting_id IN ({ids})", meeting_ids)
    by_meeting: dict[str, list[dict[str, Any]]] = {}
    for h in found:
        by_meeting.setdefault(h["meeting_id"], []).append(h)
    out: dict[str, list[Move]] = {}
    for mid, hist in by_meeting.items():
        hist.sort(key=lambda h: (*summary.order_key(
            h["published"], h["doc_id"], h["ev_start"] if h["ev_start"] is not None
            else h["position"]), h["idx"]))
        current: str | None = None
        seen: set[tuple[str, str]] = set()
        for h in hist:
            start = h["start_date"]
            if h["status"] == "postponed" and start and current and start != current \
                    and (current, start) not in seen:
                seen.add((current, start))
                out.setdefault(mid, []).append(Move(current, start, h["published"], h["doc_id"]))
            if start:
                current = start
    return out


def attendance(backend: Any, meeting_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Participants of each meeting: status and role, with the history behind them (as the record)."""
    return merge.attendance_of(backend, meeting_ids)


def actor_names(backend: Any, actor_ids: Iterable[str]) -> dict[str, str]:
    return store_queries.actor_names(backend, sorted({a for a in actor_ids if a}))


def titles(backend: Any, doc_ids: Iterable[str]) -> dict[str, dict[str, str | None]]:
    """Document id -> title and outlet: evidence links name the article, never its hash."""
    found = merge._in(backend, "SELECT id, title, source FROM documents WHERE id IN ({ids})",
                      sorted({d for d in doc_ids if d}))
    return {r["id"]: {"title": r["title"], "source": r["source"]} for r in found}


# --- actors, articles, facts -----------------------------------------------------------


def actors_page(backend: Any, *, q: str | None, limit: int, offset: int,
                count: Counter | None = None) -> tuple[list[dict[str, Any]], int]:
    """Actors by name (optionally those with a name or alias containing ``q``)."""
    from ..store import keys

    where, params = "", []
    if q and keys.norm(q):
        where = " WHERE a.id IN (SELECT actor_id FROM actor_names WHERE lname LIKE ?)"
        params = ["%" + keys.norm(q) + "%"]
    total = (count or direct_count(backend))(f"SELECT count(*) FROM actors a{where}", params)
    found = backend.query(
        f"SELECT a.id, a.name, a.type, a.country, a.cameo FROM actors a{where}"
        " ORDER BY a.name, a.id LIMIT ? OFFSET ?", [*params, limit, offset])
    return found, total


def articles_page(backend: Any, *, limit: int, offset: int,
                  count: Counter | None = None) -> tuple[list[dict[str, Any]], int]:
    """Stored articles, newest first (undated last); walks the ``published`` index."""
    total = (count or direct_count(backend))("SELECT count(*) FROM documents", ())
    found = backend.query(
        "SELECT id, title, source, url, published, language FROM documents"
        " ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?", (limit, offset))
    return found, total


def article(backend: Any, doc_id: str) -> dict[str, Any]:
    """One stored article with its body."""
    found = backend.query("SELECT id, title, source, url, published, language, body"
                          " FROM documents WHERE id = ?", (doc_id,))
    if not found:
        raise NotFound(f"no article {doc_id!r} in the record")
    return found[0]


def facts_page(backend: Any, kind: str, *, document: str | None = None,
               actor: str | None = None, limit: int, offset: int,
               count: Counter | None = None) -> tuple[list[dict[str, Any]], int]:
    """Facts of one kind in record shape with provenance (document, url, evidence)."""
    if kind not in FACT_TABLES:
        raise NotFound(f"no fact kind {kind!r}; choose one of {', '.join(FACT_TABLES)}")
    conds, params = [], []
    if document:
        conds.append("t.doc_id = ?")
        params.append(document)
    if actor:
        cols = ACTOR_COLUMNS[kind]
        if not cols:
            return [], 0
        conds.append("(" + " OR ".join(f"t.{c} = ?" for c in cols) + ")")
        params += [actor] * len(cols)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    total = (count or direct_count(backend))(f"SELECT count(*) FROM {kind} t{where}", params)
    report = "t.report_id" if "report_id" in _columns(kind) else "NULL"
    # the page's keys first (an index-only walk), then the joins for those rows only:
    # joining before OFFSET would join every skipped row too
    page = (f"SELECT t.doc_id, t.idx FROM {kind} t{where}"
            " ORDER BY t.doc_id, t.idx LIMIT ? OFFSET ?")
    found = backend.query(
        f"SELECT t.*, d.published, d.url, r.meeting_id FROM ({page}) k"
        f" JOIN {kind} t ON t.doc_id = k.doc_id AND t.idx = k.idx"
        f" JOIN documents d ON d.id = t.doc_id LEFT JOIN meeting_reports r ON r.id = {report}"
        " ORDER BY t.doc_id, t.idx", [*params, limit, offset])
    urls = {f["doc_id"]: f["url"] for f in found}
    items = store_queries.to_record(backend, kind, found)
    return [f | {"url": urls.get(f["document"])} for f in items], total


def _columns(kind: str) -> list[str]:
    from ..store import rows

    return rows.columns(kind)
