"""The attendance grid of each meeting, stored when the meeting is merged.

A meeting page shows actors x meetings with each cell's latest participation
status, role, number of statements and newest sentences. Folding the
participations of twelve meetings on every page view was most of a page's
cost; the merge already folds them (``attendance.participants``) when a report
arrives, so it writes the cells here too (``write``), and a page reads one
indexed row per cell (``columns``). Databases merged before the table existed
have no rows for their meetings: ``columns`` says which meetings it had no
row for, and the caller folds those on the fly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

NEWEST = 5  # statements kept per cell, newest first

TABLE = """CREATE TABLE meeting_attendance (
    meeting_id TEXT NOT NULL, actor_id TEXT NOT NULL, status TEXT, role TEXT,
    n INTEGER NOT NULL, evidence TEXT, PRIMARY KEY (meeting_id, actor_id))"""
# one row per meeting that was folded, even without participants, so "no row" means "not
# folded yet" (a database merged before this table existed)
# ``process``: the process its participants belong to by the gazetteer ("Syria talks"), for
# meetings whose reports name none
FOLDED = "CREATE TABLE meeting_folded (meeting_id TEXT PRIMARY KEY, process TEXT)"
FOLDED_PROCESS = "CREATE INDEX meeting_folded_process ON meeting_folded (process)"


def cell(p: dict[str, Any]) -> dict[str, Any]:
    """One cell from a ``summary.participants`` entry."""
    return {"status": p["status"] or "unknown", "role": p["role"], "n": len(p["history"]),
            "evidence": list(reversed(p["history"]))[:NEWEST]}


def write(backend: Any, meeting_id: str, parts: list[dict[str, Any]]) -> None:
    """Replace a meeting's cells (called by the merge with the participants it folded)."""
    drop(backend, meeting_id)
    backend.executemany(
        "INSERT INTO meeting_attendance (meeting_id, actor_id, status, role, n, evidence)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(meeting_id, p["actor"], c["status"], c["role"], c["n"],
          json.dumps(c["evidence"], ensure_ascii=False)) for p in parts for c in [cell(p)]])
    backend.execute("INSERT INTO meeting_folded (meeting_id, process) VALUES (?, ?)",
                    (meeting_id, process_of(backend, meeting_id, parts)))


def process_of(backend: Any, meeting_id: str, parts: list[dict[str, Any]]) -> str | None:
    """The process most of a meeting's participants belong to in the gazetteer
    ("Syria talks"), else most actors of its reports; None when none is known there.

    Reports often name the venue but not the process ("talks in Geneva"); the
    gazetteer knows which process the Syrian government, the opposition's
    negotiators or the UN envoy for Syria take part in.
    """
    from ..actors import gazetteer

    gaz = gazetteer.load()
    ids = sorted({p["actor"] for p in parts if p.get("actor")})
    keys: list[str] = []
    if ids:
        keys = [r["akey"][2:] for r in backend.query(
            f"SELECT akey FROM actors WHERE id IN ({', '.join('?' * len(ids))})", ids)
            if (r["akey"] or "").startswith("k:")]
    best = _vote(gaz, keys, 1) or _vote(gaz, [r["gkey"].split(":")[0] for r in backend.query(
        "SELECT da.gkey FROM doc_actors da JOIN meeting_reports r ON r.doc_id = da.doc_id"
        " WHERE r.meeting_id = ? AND da.gkey IS NOT NULL", (meeting_id,))], 2)
    return f"{best} talks" if best else None


def _vote(gaz: Any, keys: list[str], least: int) -> str | None:
    """The process named by at least ``least`` of these gazetteer keys and by most of those
    that name one (a single passing mention of another conflict decides nothing)."""
    votes: dict[str, int] = {}
    for key in keys:
        entry = gaz.by_key(key)
        if entry is not None and getattr(entry, "process", None):
            votes[entry.process] = votes.get(entry.process, 0) + 1
    if not votes:
        return None
    best = min(votes, key=lambda k: (-votes[k], k))
    return best if votes[best] >= least and votes[best] * 2 > sum(votes.values()) else None


def drop(backend: Any, meeting_id: str) -> None:
    backend.execute("DELETE FROM meeting_attendance WHERE meeting_id = ?", (meeting_id,))
    backend.execute("DELETE FROM meeting_folded WHERE meeting_id = ?", (meeting_id,))


def columns(backend: Any, meeting_ids: list[str]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Stored cells by meeting (actor id -> cell), and the meetings never folded here."""
    if not meeting_ids:
        return {}, []
    marks = ", ".join("?" * len(meeting_ids))
    folded = {r["meeting_id"] for r in backend.query(
        f"SELECT meeting_id FROM meeting_folded WHERE meeting_id IN ({marks})", meeting_ids)}
    out: dict[str, dict[str, Any]] = {m: {} for m in folded}
    for r in backend.query(
            "SELECT meeting_id, actor_id, status, role, n, evidence FROM meeting_attendance"
            f" WHERE meeting_id IN ({marks})", meeting_ids):
        out[r["meeting_id"]][r["actor_id"]] = {
            "status": r["status"], "role": r["role"], "n": int(r["n"]),
            "evidence": json.loads(r["evidence"] or "[]")}
    return out, [m for m in meeting_ids if m not in folded]


def backfill(backend: Any, fold: Callable[[Any, list[str]], dict[str, list[dict[str, Any]]]],
             chunk: int = 500) -> None:
    """Fold every meeting merged before the table existed (run once, by the migration);
    ``fold`` is the merge's own (``merge.attendance_of``), so the cells equal the record."""
    ids = [r["id"] for r in backend.query(
        "SELECT id FROM meetings WHERE id NOT IN (SELECT meeting_id FROM meeting_folded)"
        " ORDER BY id")]
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        folded = fold(backend, part)
        for mid in part:
            write(backend, mid, folded.get(mid, []))
