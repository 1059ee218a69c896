"""The record's attendance: each actor's status at a meeting, from all reports.

An actor's statements are read as a timeline (``timeline``), generic
descriptions ("the government") are filed under the meeting's one named actor
of that part (``identity``), and a party last said to be coming to talks that
then took place attended them: the record says so with an ``implied`` entry
that cites the meeting's own statement, so the inference stays visible.
"""

from __future__ import annotations

from typing import Any

from . import identity, rows, timeline


def order_key(published: str | None, doc_id: str, position: int | None) -> tuple[Any, ...]:
    """Statement order: publication date, then document, then position in the text."""
    return (published or "", doc_id, position if position is not None else -1)


def participants(
    parts: list[dict[str, Any]], meeting_end: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Per actor: status and role at the end of the timeline, and the history behind them.

    ``meeting_end`` is the last entry of the meeting's own timeline: parties
    that arrived at (or said they would attend) talks that then took place
    attended them (an ``implied`` entry citing the meeting's statement).
    """
    by_actor: dict[str, list[dict[str, Any]]] = {}
    described = _generic_targets(parts)
    for p in sorted(parts, key=lambda p: (*order_key(p["published"], p["doc_id"], p["ev_start"]), p["idx"])):
        aid = p["actor_id"] or f"{p['doc_id']}:{p['actor_local']}"
        by_actor.setdefault(described.get(aid, aid), []).append(p)
    out = []
    for actor in sorted(by_actor):
        hist = by_actor[actor]
        role = next((p["role"] for p in reversed(hist) if p["role"]), None)
        events = timeline.participant_timeline([_statement(p, actor) for p in hist])
        events += _implied(events, role, meeting_end)
        out.append({"actor": actor, "status": events[-1]["status"], "role": role, "history": events})
    return out


def _statement(p: dict[str, Any], actor: str) -> dict[str, Any]:
    s = {
        "reported": p["published"],
        "status": p["status"],
        "role": p["role"],
        "hedged": bool(p["hedged"]),
        "document": p["doc_id"],
        "evidence": rows.ev_dict(p),
        "implied": False,
        "described_as": p.get("a_name") if p.get("actor_id") and p["actor_id"] != actor else None,
    }
    return s


IMPLIED = {  # meeting status -> participant statuses that become attendance
    "held": ("arrived", "will_attend"),
    "concluded": ("arrived", "will_attend"),
    "ongoing": ("arrived",),
}
NOT_IMPLIED_ROLES = frozenset({"host"})  # a host provides the venue; it need not sit at the table


def _implied(
    events: list[dict[str, Any]], role: str | None, meeting_end: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """An ``attended`` entry when the meeting took place after the actor was last said to come."""
    if not events or not meeting_end or role in NOT_IMPLIED_ROLES:
        return []
    last = events[-1]
    if last["status"] not in IMPLIED.get(meeting_end.get("status") or "", ()):
        return []
    if (meeting_end.get("reported") or "") < (last.get("reported") or ""):
        return []
    return [
        {
            "reported": meeting_end.get("reported"),
            "status": "attended",
            "role": role,
            "hedged": False,
            "document": meeting_end.get("document"),
            "evidence": meeting_end.get("evidence") or {},
            "implied": True,
            "described_as": None,
            "background": False,
            "also": [],
        }
    ]


def _generic_targets(parts: list[dict[str, Any]]) -> dict[str, str]:
    """Generic actors ("the government") -> the meeting's one named actor of that type."""
    named: dict[str, set[str]] = {}
    generic: dict[str, str] = {}
    for p in parts:
        aid, akey = p.get("actor_id"), p.get("akey") or ""
        if not aid or not p.get("a_type"):
            continue
        part = None
        if akey.startswith("n:"):
            part = identity.generic_type(p.get("a_name"), None, p.get("a_country"))
        if part:
            generic[aid] = part
        else:
            named.setdefault(p["a_type"], set()).add(aid)
    out = {}
    for aid, part in sorted(generic.items()):
        targets = named.get(part, set())
        if len(targets) == 1:
            out[aid] = min(targets)
    return out
