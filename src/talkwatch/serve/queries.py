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
from ..store import merge, precompute, rows
from ..store import queries as store_queries

FACT_TABLES = rows.FACT_TABLES  # what ``/api/facts?kind=`` lists
# the column(s) naming the record actor of each fact kind, for ?actor= filters
ACTOR_COLUMNS = {kind: tuple(f"{key}_id" for key in rows.actor_keys(kind)) for kind in FACT_TABLES}
# a meeting's process as its reports name it, else as the gazetteer places its participants
# (``store.cells.process_of``), else its venue city; stored per meeting in ``meeting_pages.grp``
GROUP = precompute.GROUP
GROUPED = precompute.GROUPED

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
    """Processes with meeting counts and date range, most recently active first (from the
    process each meeting was filed under when merged: ``meeting_pages.grp``)."""
    total = (count or direct_count(backend))(
        "SELECT count(*) FROM (SELECT DISTINCT grp FROM meeting_pages) x", ())
    found = backend.query(
        "SELECT grp AS label, count(*) AS n, min(start_date) AS first,"
        " max(start_date) AS last FROM meeting_pages GROUP BY grp"
        " ORDER BY CASE WHEN max(start_date) IS NULL THEN 1 ELSE 0 END, max(start_date) DESC,"
        " label LIMIT ? OFFSET ?", (limit, offset))
    return [Group(r["label"], int(r["n"]), r["first"], r["last"]) for r in found], total


def group_meetings(backend: Any, label: str | None, *, limit: int = 200) -> list[dict[str, Any]]:
    """The meetings of one group (exactly as ``groups`` counts them), by start date: a walk
    of the ``meeting_pages_grp`` index."""
    where, params = ("p.grp = ?", [label]) if label is not None else ("p.grp IS NULL", [])
    cols = ", ".join(f"m.{c.strip()}" for c in store_queries.MEETING_COLS.split(","))
    found = backend.query(
        f"SELECT {cols} FROM meeting_pages p JOIN meetings m ON m.id = p.meeting_id"
        f" WHERE {where} ORDER BY p.undated, p.start_date, p.meeting_id LIMIT ?",
        [*params, limit])
    return [store_queries.meeting_row(m) for m in found]


def group_of(backend: Any, meeting: dict[str, Any]) -> str | None:
    """The group label of a meeting (record shape), as ``groups`` counts it."""
    found = backend.query("SELECT grp FROM meeting_pages WHERE meeting_id = ?", (meeting["id"],))
    if found:
        return found[0]["grp"]
    folded = backend.query("SELECT process FROM meeting_folded WHERE meeting_id = ?",
                           (meeting["id"],))
    return meeting.get("process") or (folded[0]["process"] if folded else None) or (
        meeting.get("venue") or {}).get("city") or None


@dataclass(frozen=True)
class Move:
    """A postponement: the start date stated before it and the one it moved to."""

    old: str
    new: str
    reported: str | None
    document: str


def moves(backend: Any, meeting_ids: list[str]) -> dict[str, list[Move]]:
    """Postponements per meeting, in statement order, as the merge stored them (computed
    here only for a meeting without a stored row)."""
    found, missing = precompute.stored_moves(backend, meeting_ids)
    if missing:
        found |= precompute.moves(backend, missing)
    return {mid: [Move(*mv) for mv in mvs] for mid, mvs in sorted(found.items())}


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


STEP = 256  # facts between two keys of ``checkpoints``

Key = tuple[str, int]  # a fact's (doc_id, idx): the facts lists' order


def checkpoints(backend: Any, kind: str) -> list[Key]:
    """The key of every ``STEP``-th fact of a kind in list order (one walk of its primary key
    index): the key a page at any offset starts from, within ``STEP`` rows."""
    first = backend.query(f"SELECT doc_id, idx FROM {kind} ORDER BY doc_id, idx LIMIT 1")
    out = [(r["doc_id"], int(r["idx"])) for r in first]
    step = f"SELECT doc_id, idx FROM {kind} WHERE (doc_id, idx) >= (?, ?) ORDER BY doc_id, idx" \
           f" LIMIT 1 OFFSET {STEP}"
    while out and (found := backend.query(step, out[-1])):  # a short hop per key
        out.append((found[0]["doc_id"], int(found[0]["idx"])))
    return out


def facts_page(backend: Any, kind: str, *, document: str | None = None,
               actor: str | None = None, limit: int, offset: int,
               count: Counter | None = None,
               marks: Callable[[], list[Key]] | None = None) -> tuple[list[dict[str, Any]], int]:
    """Facts of one kind in record shape with provenance (document, url, evidence).

    ``marks`` gives the kind's ``checkpoints`` (a server keeps them until the database
    changes): an unfiltered page then starts at the nearest key before its offset instead of
    stepping over up to every fact (``OFFSET`` walks the skipped rows: 2 ms at 100,000)."""
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
    keys = marks() if marks is not None and not conds else []
    if offset // STEP < len(keys):  # keyset: from the checkpoint at or before the offset
        where, params = " WHERE (t.doc_id, t.idx) >= (?, ?)", [*keys[offset // STEP]]
        offset %= STEP
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
