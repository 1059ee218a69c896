"""A merged meeting from its reports: the latest statement wins, same-day disagreements are conflicts.

Statements are ordered by publication date, then document, then position in
the text (within one article, the digest's own history order); the summary
takes the latest stated status and dates and the most common name and
venue; statements of different documents published the same day that
disagree are listed as conflicts. Pure functions of the stored rows: the
store writes their result, the record's answers and the dashboard reuse them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from . import rows


def order_key(published: str | None, doc_id: str, position: int | None) -> tuple[Any, ...]:
    """Statement order: publication date, then document, then position in the text."""
    return (published or "", doc_id, position if position is not None else -1)


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


def summarize(reports: list[dict[str, Any]], history: list[dict[str, Any]]) -> dict[str, Any]:
    """The merged meeting: latest stated status and dates, common name and venue."""
    ordered = sorted(reports, key=lambda r: order_key(r["published"], r["doc_id"], r["position"]))
    stmts = statements(ordered, history)
    name = _most_common(r["name"] for r in ordered)
    aliases = {r["name"] for r in ordered if r["name"]}
    for r in ordered:
        aliases.update(rows.loads(r["aliases"]) or [])
    status = next((s["status"] for s in reversed(stmts) if s["status"]), None)
    start = next((s["start"] for s in reversed(stmts) if s["start"]), None)
    start = start or next((r["start_date"] for r in reversed(ordered) if r["start_date"]), None)
    published = [r["published"] for r in ordered if r["published"]]
    return {
        "name": name,
        "aliases": sorted(aliases - {name}),
        "city": _most_common(r["city"] for r in ordered),
        "country": _most_common(r["country"] for r in ordered),
        "process": _most_common(r["process"] for r in ordered),
        "round": _most_common(r["round"] for r in ordered),
        "start": start,
        "end": next((r["end_date"] for r in reversed(ordered) if r["end_date"]), None),
        "status": status,
        "documents": sorted({r["doc_id"] for r in ordered}),
        "first_reported": min(published, default=None),
        "last_reported": max(published, default=None),
        "statements": stmts,
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


def participants(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per actor: latest status and role, and the history behind them."""
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for p in sorted(parts, key=lambda p: (*order_key(p["published"], p["doc_id"], p["ev_start"]), p["idx"])):
        by_actor.setdefault(p["actor_id"] or f"{p['doc_id']}:{p['actor_local']}", []).append(p)
    out = []
    for actor, hist in by_actor.items():
        role = next((p["role"] for p in reversed(hist) if p["role"]), None)
        out.append(
            {
                "actor": actor,
                "status": hist[-1]["status"],
                "role": role,
                "history": [
                    {
                        "reported": p["published"],
                        "status": p["status"],
                        "role": p["role"],
                        "hedged": bool(p["hedged"]),
                        "document": p["doc_id"],
                        "evidence": rows.ev_dict(p),
                    }
                    for p in hist
                ],
            }
        )
    return sorted(out, key=lambda p: p["actor"])
