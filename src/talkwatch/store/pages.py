"""Writing ``precompute``'s rows: what the merge marked, computed before its transaction ends.

The merge marks each meeting it writes or drops (``precompute.mark``); the
writer, the corrections and the migration then call ``flush``, which names
each marked meeting's process when its reports state none
(``processes.name``, written to ``meetings.process`` so the record carries it)
and stores the meeting's answer, lane and postponements (``write``), with what
its page draws from it alone (``serve.fragments``: the HTML of its header,
history and fact sections, its column of attendance grids) and its mentions;
then it redraws the timeline of every process one of those meetings left or
joined (``write_lane``). A meeting rewritten several times in one batch is
computed once. This module reads the record through ``queries``, which the
merge cannot import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..errors import NotFound
from . import mentions, processes, queries, rows
from .corrections import trail as corrections_trail
from .precompute import (
    GROUP,
    GROUPED,
    LANES_MIGRATION,
    MENTIONS,
    PARTS,
    PARTS_MIGRATION,
    Move,
    _in,
    actor_snapshot,
    corrections_count,
    drop,
    dumps,
    mark_actors,
    mark_group,
    moves,
    pending,
    pending_actors,
    pending_groups,
)


def flush(backend: Any, actors: Iterable[str] = ()) -> None:
    """Compute the rows of every meeting marked since the last flush, then the answers of
    these actors and of those taking part in the meetings written."""
    mark_actors(backend, actors)
    for meeting_id in pending(backend):
        write(backend, meeting_id)
    for actor_id in pending_actors(backend):
        write_actor(backend, actor_id)
    groups = pending_groups(backend)
    if groups and _applied(backend, LANES_MIGRATION):
        for grp in groups:
            write_lane(backend, grp)


def _applied(backend: Any, migration: str) -> bool:
    """Whether the table a migration adds exists yet (its backfill runs after the earlier ones')."""
    return bool(backend.scalar("SELECT count(*) FROM _migrations WHERE name = ?", (migration,)))


def write_lane(backend: Any, grp: str) -> None:
    """Draw and store a process's timeline (none when it has no meeting left)."""
    from ..serve import fragments

    backend.lock(f"lane:{grp}")  # concurrent writers (PostgreSQL) take turns per process
    backend.execute("DELETE FROM process_lanes WHERE grp = ?", (grp,))
    windows, drawings = fragments.lane_drawings(backend, grp)
    if windows:
        backend.execute("INSERT INTO process_lanes (grp, windows, drawings) VALUES (?, ?, ?)",
                        (grp, dumps(windows), dumps(drawings)))


def backfill_lanes(backend: Any) -> None:
    """Every process's timeline (the migration)."""
    pending_groups(backend)
    for r in backend.query("SELECT DISTINCT grp FROM meeting_pages WHERE grp IS NOT NULL ORDER BY grp"):
        write_lane(backend, r["grp"])


def write(backend: Any, meeting_id: str) -> None:
    """Name the meeting's process and store what its pages need (drop its row when it is gone)."""
    found = backend.query(f"SELECT {GROUP} AS grp, start_date, process, gprocess FROM {GROUPED}"
                          " WHERE id = ?", (meeting_id,))
    if not found:
        drop(backend, meeting_id)
        return
    named = processes.name(backend, meeting_id, found[0]["process"], found[0]["gprocess"])
    if named and named != found[0]["process"]:  # the record names the process (not the venue)
        backend.execute("UPDATE meetings SET process = ? WHERE id = ?", (named, meeting_id))
        found = backend.query(f"SELECT {GROUP} AS grp, start_date FROM {GROUPED} WHERE id = ?",
                              (meeting_id,))
    out = queries.meeting(backend, meeting_id)
    out.pop("mentions", None)
    docs = out["documents"]
    ids = _actor_ids(backend, meeting_id, out)
    mark_actors(backend, ids)  # their answers list this meeting
    drop(backend, meeting_id)
    record = dumps(out)
    moved = moves(backend, [meeting_id]).get(meeting_id, [])
    backend.execute(
        "INSERT INTO meeting_pages (meeting_id, grp, undated, start_date, moves, actors, docs,"
        " n_corrections, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (meeting_id, found[0]["grp"], 0 if found[0]["start_date"] else 1, found[0]["start_date"],
         dumps(moved), dumps(actor_snapshot(backend, ids)),
         dumps(docs), corrections_count(backend, docs), record))
    mark_group(backend, found[0]["grp"])
    if _applied(backend, PARTS_MIGRATION):
        _store_parts(backend, meeting_id, json.loads(record), found[0]["grp"], moved)


def _store_parts(backend: Any, meeting_id: str, m: dict[str, Any], label: str | None,
                 moved: list[Move]) -> None:
    """Store the meeting page's parts drawn from the answer ``m`` (as stored: read back from its
    JSON, as a page reads it), with its corrections log. The dashboard's modules are imported
    here, at the first merge, not when the store is (a command that only reads never loads them)."""
    from ..serve import fragments
    from ..serve import queries as serve_queries

    trail = corrections_trail.of_documents(backend, m["documents"])
    parts = fragments.render(backend, m, label, [serve_queries.Move(*mv) for mv in moved], trail)
    grid = dumps(fragments.column(backend, meeting_id))
    said = dumps(mentions.of_meeting(backend, meeting_id))
    backend.execute(f"UPDATE meeting_pages SET {', '.join(c + ' = ?' for c in PARTS)},"
                    f" {MENTIONS} = ? WHERE meeting_id = ?",
                    (m.get("name"), *(parts[p] for p in PARTS[1:-1]), grid, said, meeting_id))


def _actor_ids(backend: Any, meeting_id: str, out: dict[str, Any]) -> list[str]:
    """Every actor whose name, type or country the answer depends on: participants (also
    those filed under another, whose name is kept as ``described_as``) and fact actors."""
    ids = {p["actor"] for p in out["participants"]}
    ids |= {r["actor_id"] for r in backend.query(
        "SELECT DISTINCT p.actor_id FROM participations p JOIN meeting_reports r"
        " ON r.id = p.report_id WHERE r.meeting_id = ? AND p.actor_id IS NOT NULL", (meeting_id,))}
    for kind in rows.FACTS:
        for f in out.get(kind, []) if isinstance(out.get(kind), list) else []:
            ids |= {f[k] for k in rows.actor_keys(kind) if isinstance(f.get(k), str)}
    return sorted(i for i in ids if i)


def backfill(backend: Any) -> None:
    """Compute the rows of every meeting merged before the table existed, and every actor's
    answer (the migration)."""
    for r in backend.query("SELECT id FROM meetings WHERE id NOT IN"
                           " (SELECT meeting_id FROM meeting_pages) ORDER BY id"):
        write(backend, r["id"])
    pending_actors(backend)  # all of them, next
    backfill_actors(backend)


def backfill_parts(backend: Any) -> None:
    """The page parts of every meeting stored before they were (the migration), drawn from its
    stored answer: a row whose answer is no longer current fails the same check either way."""
    for r in backend.query("SELECT meeting_id FROM meeting_pages WHERE record IS NOT NULL"
                           " AND head IS NULL ORDER BY meeting_id"):
        row = backend.query("SELECT grp, moves, record FROM meeting_pages WHERE meeting_id = ?",
                            (r["meeting_id"],))[0]
        _store_parts(backend, r["meeting_id"], json.loads(row["record"]), row["grp"],
                     [tuple(mv) for mv in json.loads(row["moves"] or "[]")])


def repair(backend: Any) -> None:
    """Drop the rows of meetings that are gone, compute those missing, and every actor's
    answer again (a migration that re-clustered meetings without ``flush``)."""
    backend.execute("DELETE FROM meeting_pages WHERE meeting_id NOT IN (SELECT id FROM meetings)")
    backfill(backend)


def write_actor(backend: Any, actor_id: str) -> None:
    """Store an actor's answer with what it was computed from (gone actors lose their row).

    Concurrent writers (PostgreSQL) take turns per actor, in id order (``flush``)."""
    backend.lock(f"actor:{actor_id}")
    backend.execute("DELETE FROM actor_pages WHERE actor_id = ?", (actor_id,))
    try:
        out = queries.actor(backend, actor_id)
    except NotFound:
        return
    if out["id"] != actor_id:  # an id no actor has, matching another's name
        return
    backend.execute("INSERT INTO actor_pages (actor_id, checked, record) VALUES (?, ?, ?)",
                    (actor_id, dumps(actor_check(backend, actor_id, [m["id"] for m in out["meetings"]])),
                     dumps(out)))


def actor_check(backend: Any, actor_id: str, meeting_ids: list[str]) -> list[Any]:
    """What an actor's answer is computed from, in a few indexed reads: its row and names,
    how many participations, positions and quotes it has, its meetings' rows, and the
    corrections log's length (the log only grows)."""
    row = backend.query("SELECT name, type, country, cameo, akey FROM actors WHERE id = ?",
                        (actor_id,))
    names = [r["name"] for r in backend.query(
        "SELECT name FROM actor_names WHERE actor_id = ? ORDER BY name", (actor_id,))]
    counts = [int(backend.scalar(f"SELECT count(*) FROM {t} WHERE {c} = ?", (actor_id,)) or 0)
              for t, c in (("participations", "actor_id"), ("positions", "actor_id"),
                           ("quotes", "speaker_id"))]
    meetings = sorted(([m["id"], m["name"], m["status"], m["start_date"], m["end_date"],
                        m["n_documents"], m["n_parties"], m["process"], m["city"], m["round"]]
                       for m in _in(backend, "SELECT * FROM meetings WHERE id IN ({ids})",
                                    sorted(meeting_ids))), key=lambda m: m[0])
    total = int(backend.scalar("SELECT count(*) FROM corrections") or 0)
    return [[list(r.values()) for r in row], names, counts, meetings, total]


def actor_answer(backend: Any, actor_id: str) -> str | None:
    """``queries.actor(actor_id)`` as API JSON from the stored row while it is current."""
    found = backend.query("SELECT checked, record FROM actor_pages WHERE actor_id = ?",
                          (actor_id,))
    if not found:
        return None
    checked = json.loads(found[0]["checked"])
    if actor_check(backend, actor_id, [m[0] for m in checked[3]]) != checked:
        return None
    return str(found[0]["record"])


def backfill_actors(backend: Any) -> None:
    """Compute every actor's answer (the migration)."""
    for r in backend.query("SELECT id FROM actors ORDER BY id"):
        write_actor(backend, r["id"])
