"""Corrections of a meeting's status statements: the timeline the record reads them into.

A reported meeting keeps its statements in ``meeting_history`` (one row per
status the article states, with its evidence) and its latest status and
dates on the report itself. A correction names a statement by its evidence
(and, where an article reports several meetings, the meeting's local id);
changing or rejecting it keeps the report's own status and date span in
step, so the merged meeting (status, start, timeline) and its clustering
follow.
"""

from __future__ import annotations

from typing import Any

from .. import merge

FIELDS = {"status": "status", "start": "start_date"}


def find(backend: Any, doc_id: str, span: tuple[int, int], target: dict[str, Any]) -> dict[str, Any] | None:
    """The history row of the statement at ``span`` (exact span first, then the target's meeting)."""
    start, end = span
    found = backend.query(
        "SELECT h.*, r.local_id AS meeting_local FROM meeting_history h"
        " JOIN meeting_reports r ON r.id = h.report_id WHERE h.doc_id = ? ORDER BY r.idx, h.idx", (doc_id,))
    wanted = target.get("meeting_local")
    candidates = [
        ((h["ev_start"], h["ev_end"]) != (start, end), wanted not in (None, h["meeting_local"]), n, h)
        for n, h in enumerate(found)
        if h["ev_start"] is not None and h["ev_start"] < end and start < h["ev_end"]
    ]
    return min(candidates, key=lambda c: c[:3])[3] if candidates else None


def target_of(row: dict[str, Any]) -> dict[str, Any]:
    return {"meeting_local": row["meeting_local"]}


def change(backend: Any, action: str, row: dict[str, Any], changes: dict[str, Any]) -> tuple[Any, set[str]]:
    """Confirm, reject or set one statement: (what it held, the report whose meeting changes)."""
    if action == "confirm":
        return None, set()
    key = (row["report_id"], row["idx"])
    if action == "reject":
        backend.execute("DELETE FROM meeting_history WHERE report_id = ? AND idx = ?", key)
        before: Any = {k: v for k, v in row.items() if k != "meeting_local"}
    else:
        values = {FIELDS[k]: v for k, v in changes.items()}
        before = {k: row[col] for k, col in FIELDS.items() if k in changes}
        sets = ", ".join(f"{col} = ?" for col in values)
        backend.execute(f"UPDATE meeting_history SET {sets} WHERE report_id = ? AND idx = ?",
                        (*values.values(), *key))
    _sync_report(backend, row["report_id"], row)
    return before, {row["report_id"]}


def _sync_report(backend: Any, report_id: str, old: dict[str, Any]) -> None:
    """The report's latest status and start follow its last statement; its date span (which
    decides the meeting it belongs to) follows all of them, and the place is clustered again."""
    (report,) = backend.query("SELECT * FROM meeting_reports WHERE id = ?", (report_id,))
    history = backend.query("SELECT * FROM meeting_history WHERE report_id = ? ORDER BY idx", (report_id,))
    status, start = report["status"], report["start_date"]
    if history:
        status = history[-1]["status"] or status
        start = history[-1]["start_date"] or start
    elif report["status"] == old["status"]:
        status = None
    lo, hi = merge.report_span({"start": start, "end": report["end_date"],
                                "history": [{"start": h["start_date"]} for h in history]})
    backend.execute("UPDATE meeting_reports SET status = ?, start_date = ?, lo = ?, hi = ? WHERE id = ?",
                    (status, start, lo, hi, report_id))
    if (lo, hi) != (report["lo"], report["hi"]) and report["meeting_id"]:
        merge.refresh(backend, places={report["place"]: []}, actors=[])

