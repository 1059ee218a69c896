"""What a meeting's page and API answer need, computed when the meeting is merged.

Answering ``GET /api/meetings/ID`` or drawing a meeting page from the
fact tables means a dozen queries and folding every statement again (tens
of milliseconds at 100,000 articles); the merge already has all of it at hand
whenever a report joins or leaves the meeting. So the merge marks each meeting
it writes (``mark``) and, before the transaction ends, ``pages.flush`` names
the meeting's process when its reports state none (``processes``) and stores
here, per meeting: the record's answer
as JSON (``queries.meeting`` without the mentions, read live), the process it
is filed under (``GROUP``: named, else the gazetteer's, else the venue city)
and its postponements; readers take them with one indexed query.

A stored answer is used only while it is current (``answer``): the actors it
names still have the same name, type and country (an article elsewhere can
rename an actor), and no correction touched its articles or actors since
(corrections of quotes or positions do not re-merge the meeting). Otherwise
the reader computes the answer live, as before this table existed.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable
from typing import Any

from . import summary

TABLE = """CREATE TABLE meeting_pages (
    meeting_id TEXT PRIMARY KEY, grp TEXT, undated INTEGER NOT NULL, start_date TEXT,
    moves TEXT, actors TEXT, docs TEXT, n_corrections INTEGER, record TEXT)"""
# a process lane of the overview and of meeting pages, in timeline order
INDEX = "CREATE INDEX meeting_pages_grp ON meeting_pages (grp, undated, start_date, meeting_id)"
# an actor's answer (``queries.actor``) and what it was computed from (``pages.actor_check``)
ACTOR_TABLE = "CREATE TABLE actor_pages (actor_id TEXT PRIMARY KEY, checked TEXT, record TEXT)"

# the meeting page's parts drawn from the answer alone (``serve.fragments``: header, status
# history, delegations to corrections), rendered when the answer is stored; the meeting's name
# for the page title; its column of attendance grids (``fragments.column``, JSON)
PART_COLUMNS = "name, head, history, rest, grid"
PARTS = tuple(c.strip() for c in PART_COLUMNS.split(","))
MENTIONS = "mentions"
PARTS_MIGRATION = "0014_page_parts"  # rows are written with their parts once it is applied
# and the answer's ``mentions`` (JSON), which change only when its reports do (a merge)
ADD_PARTS = tuple(f"ALTER TABLE meeting_pages ADD COLUMN {c} TEXT" for c in (*PARTS, MENTIONS))

# a process's timeline as its meeting pages draw it (``serve.fragments.lane_drawings``): the
# window each meeting's page shows and the drawing of each window, redrawn at every flush that
# wrote one of its meetings
LANES = "CREATE TABLE process_lanes (grp TEXT PRIMARY KEY, windows TEXT, drawings TEXT)"
LANES_MIGRATION = "0015_process_lanes"

# a process's news volume: its meetings' articles per day, read from the index alone
REPORT_DAYS = "CREATE INDEX meeting_reports_days ON meeting_reports (meeting_id, published, doc_id)"

# the process a meeting is filed under: as its reports name it, else as the gazetteer places
# its participants (``cells.process_of``), else its venue city
GROUP = "COALESCE(NULLIF(process, ''), gprocess, city)"
GROUPED = ("(SELECT m.*, f.process AS gprocess FROM meetings m"
           " LEFT JOIN meeting_folded f ON f.meeting_id = m.id) g")

Move = tuple[str, str, str | None, str]  # (old start, new start, reported, document)


def dumps(data: Any) -> str:
    """JSON as the API sends it (compact, UTF-8 text)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_PENDING: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def mark(backend: Any, meeting_id: str) -> None:
    """Note a meeting the merge wrote or dropped in this transaction (``pages.flush`` computes
    its row before the transaction ends, once however often the meeting was rewritten)."""
    _PENDING.setdefault(backend, set()).add(meeting_id)


def pending(backend: Any) -> list[str]:
    """The meetings marked since the last call, in id order (and forget them)."""
    return sorted(_PENDING.pop(backend, set()))


_PENDING_GROUPS: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def mark_group(backend: Any, grp: str | None) -> None:
    """Note a process one of whose meetings was written, dropped or moved in or out."""
    if grp:
        _PENDING_GROUPS.setdefault(backend, set()).add(grp)


def pending_groups(backend: Any) -> list[str]:
    return sorted(_PENDING_GROUPS.pop(backend, set()))


def lanes(backend: Any, grp: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """A process's stored timeline windows by meeting and drawings by window, if stored."""
    found = backend.query("SELECT windows, drawings FROM process_lanes WHERE grp = ?", (grp,))
    return (json.loads(found[0]["windows"]), json.loads(found[0]["drawings"])) if found else None


_PENDING_ACTORS: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def mark_actors(backend: Any, actor_ids: Iterable[str]) -> None:
    """Note actors whose answer changed (new facts, their meetings rewritten)."""
    _PENDING_ACTORS.setdefault(backend, set()).update(a for a in actor_ids if a)


def pending_actors(backend: Any) -> list[str]:
    return sorted(_PENDING_ACTORS.pop(backend, set()))


def _in(backend: Any, sql: str, ids: list[str]) -> list[dict[str, Any]]:
    """Run ``sql`` (one ``{ids}`` slot) over ids in chunks of 500 parameters."""
    out: list[dict[str, Any]] = []
    for n in range(0, len(ids), 500):
        chunk = ids[n:n + 500]
        out += backend.query(sql.format(ids=",".join("?" * len(chunk))), chunk)
    return out


def drop(backend: Any, meeting_id: str) -> None:
    """Drop a meeting's row (its process's timeline is then redrawn)."""
    for r in backend.query("SELECT grp FROM meeting_pages WHERE meeting_id = ?", (meeting_id,)):
        mark_group(backend, r["grp"])
    backend.execute("DELETE FROM meeting_pages WHERE meeting_id = ?", (meeting_id,))


def actor_snapshot(backend: Any, ids: list[str]) -> dict[str, list[Any]]:
    found = _in(backend, "SELECT id, name, type, country, akey FROM actors WHERE id IN ({ids})", ids)
    return {r["id"]: [r["name"], r["type"], r["country"], r["akey"]]
            for r in sorted(found, key=lambda r: r["id"])}


def corrections_count(backend: Any, docs: list[str]) -> int:
    """Corrections that concern these articles or actors in general (the log only grows)."""
    n = int(backend.scalar("SELECT count(*) FROM corrections WHERE doc_id IS NULL") or 0)
    return n + sum(int(r["n"]) for r in _in(
        backend, "SELECT count(*) AS n FROM corrections WHERE doc_id IN ({ids})", docs))


CHECKED = "actors, docs, n_corrections"  # what ``stored`` checks a row's currency by


def stored(backend: Any, meeting_id: str, columns: str = CHECKED + ", record",
           needed: str = "record") -> dict[str, Any] | None:
    """The meeting's stored row (these ``columns``) while it is current and has ``needed``,
    else None (compute it live)."""
    found = backend.query(f"SELECT {columns} FROM meeting_pages WHERE meeting_id = ?",
                          (meeting_id,))
    if not found or found[0][needed] is None:
        return None
    row = found[0]
    actors = json.loads(row["actors"] or "{}")
    if actors and actor_snapshot(backend, sorted(actors)) != actors:
        return None
    if corrections_count(backend, json.loads(row["docs"] or "[]")) != row["n_corrections"]:
        return None
    return row


def page(backend: Any, meeting_id: str) -> dict[str, Any] | None:
    """What a meeting page needs besides its timeline and grid, while current: the meeting's
    ``name``, its process (``grp``) and the HTML of its parts (``serve.fragments``), read
    without the answer they were drawn from; else None (the page renders them live)."""
    return stored(backend, meeting_id, f"{CHECKED}, grp, name, head, history, rest",
                  needed="head")


def grid_columns(backend: Any, meeting_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored grid columns (``serve.fragments.column``) of these meetings, of those whose
    row is current as far as the column goes: no correction of its articles since (actor
    names are not in it). Meetings without one are left out."""
    found = _in(backend, "SELECT meeting_id, docs, n_corrections, grid FROM meeting_pages"
                " WHERE meeting_id IN ({ids}) AND grid IS NOT NULL", sorted(set(meeting_ids)))
    if not found:
        return {}
    logged = int(backend.scalar("SELECT count(*) FROM corrections") or 0)
    return {r["meeting_id"]: json.loads(r["grid"]) for r in found  # the log only grows
            if (r["n_corrections"] == 0 if not logged
                else corrections_count(backend, json.loads(r["docs"] or "[]")) == r["n_corrections"])}


def record(backend: Any, meeting_id: str) -> dict[str, Any] | None:
    """The stored answer without ``mentions`` (which a meeting page does not show: reading
    them live is most of ``answer``'s cost), while current; else None."""
    row = stored(backend, meeting_id)
    return None if row is None else dict(json.loads(row["record"]))


def answer(backend: Any, meeting_id: str) -> str | None:
    """``queries.meeting(meeting_id)`` as API JSON from the stored row, or None."""
    from . import mentions

    row = stored(backend, meeting_id, f"{CHECKED}, record, {MENTIONS}")
    if row is None:
        return None
    record: str = row["record"]
    said = row[MENTIONS] if row[MENTIONS] is not None else dumps(
        mentions.of_meeting(backend, meeting_id))  # a row written before 0014_page_parts
    return record[:-1] + ',"mentions":' + said + "}"


def moves(backend: Any, meeting_ids: Iterable[str]) -> dict[str, list[Move]]:
    """Postponements per meeting, in statement order: (start stated before, start moved to,
    reported, document)."""
    found = _in(backend,
                "SELECT r.meeting_id, r.doc_id, r.published, r.position, h.idx, h.status,"
                " h.start_date, h.ev_start FROM meeting_history h JOIN meeting_reports r"
                " ON r.id = h.report_id WHERE r.meeting_id IN ({ids})", sorted(set(meeting_ids)))
    by_meeting: dict[str, list[dict[str, Any]]] = {}
    for h in found:
        by_meeting.setdefault(h["meeting_id"], []).append(h)
    out: dict[str, list[Move]] = {}
    for mid, hist in sorted(by_meeting.items()):
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
                out.setdefault(mid, []).append((current, start, h["published"], h["doc_id"]))
            if start:
                current = start
    return out


def stored_moves(backend: Any, meeting_ids: list[str]) -> tuple[dict[str, list[Move]], list[str]]:
    """Stored postponements by meeting, and the meetings that have no stored row."""
    found = _in(backend, "SELECT meeting_id, moves FROM meeting_pages WHERE meeting_id IN ({ids})",
                sorted(set(meeting_ids)))
    out = {r["meeting_id"]: [tuple(m) for m in json.loads(r["moves"] or "[]")] for r in found}
    return {k: v for k, v in out.items() if v}, [m for m in meeting_ids if m not in out]  # type: ignore[misc]
