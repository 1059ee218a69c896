"""Writing ``precompute``'s rows: what the merge marked, computed before its transaction ends.

The merge marks each meeting it writes or drops (``precompute.mark``); the
writer, the corrections and the migration then call ``flush``, which names
each marked meeting's process when its reports state none
(``processes.name``, written to ``meetings.process`` so the record carries it)
and stores the meeting's answer, lane and postponements (``write``). A
meeting rewritten several times in one batch is computed once. This module
reads the record through ``queries``, which the merge cannot import.
"""

from __future__ import annotations

from typing import Any

from . import processes, queries, rows
from .precompute import GROUP, GROUPED, actor_snapshot, corrections_count, drop, dumps, moves, pending


def flush(backend: Any) -> None:
    """Compute the rows of every meeting marked since the last flush."""
    for meeting_id in pending(backend):
        write(backend, meeting_id)


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
    drop(backend, meeting_id)
    backend.execute(
        "INSERT INTO meeting_pages (meeting_id, grp, undated, start_date, moves, actors, docs,"
        " n_corrections, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (meeting_id, found[0]["grp"], 0 if found[0]["start_date"] else 1, found[0]["start_date"],
         dumps(moves(backend, [meeting_id]).get(meeting_id, [])),
         dumps(actor_snapshot(backend, _actor_ids(backend, meeting_id, out))), dumps(docs),
         corrections_count(backend, docs), dumps(out)))


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
    """Compute the rows of every meeting merged before the table existed (the migration)."""
    for r in backend.query("SELECT id FROM meetings WHERE id NOT IN"
                           " (SELECT meeting_id FROM meeting_pages) ORDER BY id"):
        write(backend, r["id"])
