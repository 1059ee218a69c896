"""A merged meeting from its reports: statements, their timeline, the summary, conflicts.

Statements are ordered by publication date, then document, then position in
the text (within one article, the digest's own history order); the history
is their timeline of events (``timeline``), whose last entry gives the status
and start; name and venue are the most common ones; statements of different
documents published the same day that disagree are conflicts. Pure functions
of the stored rows: the store writes their result, the record's answers and
the dashboard reuse them (``participants`` is ``attendance.participants``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from . import rows, timeline
from .attendance import order_key, participants

__all__ = ["conflicts", "order_key", "participants", "statements", "summarize"]


def statements(reports: list[dict[str, Any]], history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every status statement about a meeting, in order, with document and evidence."""
    by_report: dict[str, list[dict[str, Any]]] = {}
    for h in sorted(history, key=lambda h: (h["report_id"], h["idx"])):
        by_report.setdefault(h["report_id"], []).append(h)
    out = []
    for r in reports:
        evidence = rows.loads(r["evidence"]) or []
        hist = [
            {"status": h["status"], "start": h["start_date"], "evidence": rows.ev_dict(h)}
            for h in by_report.get(r["id"], [])
        ]
        provenance = {"extractor": r["extractor"]} if r.get("extractor") is not None else {}
        if r["status"] and (not hist or hist[-1]["status"] != r["status"]):
            hist.append(
                {
                    "status": r["status"],
                    "start": r["start_date"],
                    "evidence": evidence[-1] if evidence else {},
                }
            )
        for n, h in enumerate(hist):
            # within one article the digest's history is already in statement order
            # (background clauses first), which text position alone would undo
            out.append(
                {
                    "reported": r["published"],
                    **h,
                    "document": r["doc_id"],
                    **provenance,
                    "_order": (*order_key(r["published"], r["doc_id"], r["position"]), n),
                }
            )
    out.sort(key=lambda s: s["_order"])
    return out


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v not in (None, ""))
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], -len(str(v)), str(v)))


ACTUAL = frozenset({"ongoing", "suspended", "held", "concluded"})


def _round(ordered: list[dict[str, Any]]) -> int | None:
    """The most common round number; on a tie the higher one (a session ordinal counts from one)."""
    counts = Counter(r["round"] for r in ordered if r["round"] is not None)
    return max(counts, key=lambda n: (counts[n], n)) if counts else None


def _venue(ordered: list[dict[str, Any]]) -> dict[str, Any]:
    """Where the meeting is: the town of the latest report of talks there, else the latest town told.

    A venue is renegotiated (offered in one town, moved to another): the
    latest word counts, and talks that took place in a town settle it.
    """
    towns = [r for r in ordered if r["city"]]
    held = [r for r in towns if r["status"] in ACTUAL]
    if not towns:
        return {"city": None, "country": _most_common(r["country"] for r in ordered)}
    last = (held or towns)[-1]
    return {"city": last["city"], "country": last["country"] or _most_common(r["country"] for r in ordered)}


def summarize(reports: list[dict[str, Any]], history: list[dict[str, Any]]) -> dict[str, Any]:
    """The merged meeting: latest stated status and dates, common name and venue."""
    ordered = sorted(reports, key=lambda r: order_key(r["published"], r["doc_id"], r["position"]))
    stmts = statements(ordered, history)
    name = _most_common(r["name"] for r in ordered)
    aliases = {r["name"] for r in ordered if r["name"]}
    for r in ordered:
        aliases.update(rows.loads(r["aliases"]) or [])
    events = timeline.meeting_timeline(stmts)
    status = events[-1]["status"] if events else None
    start = timeline.latest_start(events)
    start = start or next((r["start_date"] for r in reversed(ordered) if r["start_date"]), None)
    published = [r["published"] for r in ordered if r["published"]]
    return {
        "name": name,
        "aliases": sorted(aliases - {name}),
        **_venue(ordered),
        "process": _most_common(r["process"] for r in ordered),
        "round": _round(ordered),
        "start": start,
        "end": next((r["end_date"] for r in reversed(ordered) if r["end_date"]), None),
        "status": status,
        "documents": sorted({r["doc_id"] for r in ordered}),
        "first_reported": min(published, default=None),
        "last_reported": max(published, default=None),
        "statements": stmts,
        "history": events,
    }


def conflicts(stmts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Start dates or statuses that documents published the same day state differently."""
    out = []
    for fld in ("start", "status"):
        last: dict[tuple[str, str], Any] = {}
        for s in stmts:
            if s["reported"] and s[fld]:
                last[(s["reported"], s["document"])] = s[fld]
        by_day: dict[str, list[dict[str, Any]]] = {}
        for (day, doc), value in sorted(last.items()):
            by_day.setdefault(day, []).append({"value": value, "document": doc})
        for day, values in sorted(by_day.items()):
            if len({v["value"] for v in values}) > 1:
                out.append(
                    {
                        "field": fld,
                        "reported": day,
                        "values": sorted(values, key=lambda v: (v["value"], v["document"])),
                    }
                )
    return out
