"""Delegation members as participants of the record (issue 11).

An article lists who is in a delegation ("the delegation includes X and Y")
without saying of each that they attended; per-article extraction gives them
no participation. The record does: each member of a delegation linked to a
meeting report gets a statement with the status the same document gives the
delegation's head or owner at that meeting (their last statement there), else
the report's own meeting state (talks under way or over: attended; planned:
will_attend). The statement cites the delegation's evidence, has role
``party`` and ``via: "delegation"``, so the derivation stays inspectable.
A document's own statement about the member wins over the derived one.
"""

from __future__ import annotations

import json
from typing import Any

_SELECT = (
    "SELECT g.doc_id, g.idx AS g_idx, g.report_id, g.actor_id AS owner_id, g.head_id, g.members,"
    " g.ev_start, g.ev_end, g.ev_text, d.published, r.status AS m_status, r.meeting_id,"
    " da.local_id AS actor_local, da.actor_id,"
    " a.akey, a.name AS a_name, a.type AS a_type, a.country AS a_country"
    " FROM delegations g JOIN documents d ON d.id = g.doc_id"
    " JOIN meeting_reports r ON r.id = g.report_id"
    " JOIN doc_actors da ON da.doc_id = g.doc_id"  # listed in the JSON list (no '%': portable)
    " AND length(replace(g.members, '\"' || da.local_id || '\"', '')) < length(g.members)"
    " LEFT JOIN actors a ON a.id = da.actor_id"
)
# Members of the delegations reported at these meeting reports, one row per member.
MEMBER_SQL = _SELECT + " WHERE g.report_id IN ({ids})"
# The same for every report of one meeting.
MEMBERS_OF = _SELECT + " WHERE r.meeting_id = ?"
# One actor's places in delegations (its page).
MEMBER_OF = _SELECT + " WHERE da.actor_id = ?"

# The report's own meeting state -> what it tells of those it sent.
MEETING_STATE = {
    "held": "attended",
    "concluded": "attended",
    "ongoing": "attended",
    "suspended": "attended",
    "scheduled": "will_attend",
    "postponed": "will_attend",
}
OFFSET = 1_000_000  # derived rows sort after the document's own rows of the same position


def rows(found: list[dict[str, Any]], parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Participation rows for delegation members (``found`` from ``MEMBER_SQL``/``MEMBERS_OF``).

    ``parts`` are the participation rows of the same reports: they give the
    head's or owner's status, and tell which members the document itself
    gives a status (those get no derived row).
    """
    said = {(p["doc_id"], p["report_id"], p["actor_id"]) for p in parts if p.get("actor_id")}
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for m in sorted(found, key=lambda m: (m["doc_id"], m["g_idx"], _rank(m))):
        key = (m["doc_id"], m["report_id"], m["actor_id"])
        if key in said or key in seen:
            continue
        status = _leader_status(m, parts) or MEETING_STATE.get(m["m_status"] or "")
        if status is None:
            continue
        seen.add(key)
        out.append(_row(m, status))
    return out


def _rank(m: dict[str, Any]) -> int:
    """The member's place in the delegation's list."""
    listed = json.loads(m["members"] or "[]")
    return listed.index(m["actor_local"]) if m["actor_local"] in listed else len(listed)


def _leader_status(m: dict[str, Any], parts: list[dict[str, Any]]) -> str | None:
    """The last status the same document gives the head (else the owner) at the same meeting report."""
    for leader in (m["head_id"], m["owner_id"]):
        if not leader:
            continue
        stated = [
            p for p in parts
            if p["doc_id"] == m["doc_id"] and p["report_id"] == m["report_id"] and p.get("actor_id") == leader
            and p.get("status")
        ]
        if stated:
            last = max(stated, key=lambda p: (p["ev_start"] if p["ev_start"] is not None else -1, p["idx"]))
            return str(last["status"])
    return None


def _row(m: dict[str, Any], status: str) -> dict[str, Any]:
    """A participation row (the shape of ``merge.PARTICIPATION_SQL``) for one member."""
    return {
        "doc_id": m["doc_id"],
        "idx": OFFSET + m["g_idx"] * 1000 + _rank(m),
        "actor_id": m["actor_id"],
        "actor_local": m["actor_local"],
        "status": status,
        "role": "party",
        "hedged": 0,
        "ev_start": m["ev_start"],
        "ev_end": m["ev_end"],
        "ev_text": m["ev_text"],
        "report_id": m["report_id"],
        "published": m["published"],
        "akey": m["akey"],
        "a_name": m["a_name"],
        "a_type": m["a_type"],
        "a_country": m["a_country"],
        "via": "delegation",
    }
