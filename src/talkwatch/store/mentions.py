"""Which reports were merged into a meeting, and why: the evidence kept when they were clustered.

Every report of a meeting is one article's mention of it. Its place key
(venue country, else process, else a distinctive name: ``keys.meeting_place``)
put it among the candidates; the clustering rule stored with it (``joined``:
its dates inside the meeting's window under the tolerance of a planned date,
of talks held, or of the same round; an undated report attached by its
publication date; or the first report of the meeting) put it in this meeting.
"""

from __future__ import annotations

import json
from typing import Any

from . import keys

# every column ``_SQL`` reads from the reports, in its order: a meeting's reports lie
# scattered over the table in ingest order, and one walk of this index reads them instead
# (SQLite; 1.16 -> 0.32 ms for a meeting of 50 reports at 100,000 articles)
INDEX = ("CREATE INDEX meeting_reports_mentions ON meeting_reports (meeting_id, published, id,"
         " doc_id, name, city, country, round, process, status, place, lo, hi, joined)")

_SQL = (
    "SELECT r.id, r.doc_id, r.name, r.city, r.country, r.round, r.process, r.status, r.place,"
    " r.lo, r.hi, r.published, r.joined, d.source FROM meeting_reports r"
    " JOIN documents d ON d.id = r.doc_id WHERE r.meeting_id = ? ORDER BY r.published, r.id"
)


def of_meeting(backend: Any, meeting_id: str) -> list[dict[str, Any]]:
    """The meeting's mentions, oldest report first, each with the reasons it was merged."""
    return [_mention(r) for r in backend.query(_SQL, (meeting_id,))]


def _mention(r: dict[str, Any]) -> dict[str, Any]:
    joined = json.loads(r["joined"]) if r["joined"] else {}
    dates = f"{r['lo']}..{r['hi']}" if r["lo"] else None
    return {
        "report": r["id"],
        "document": r["doc_id"],
        "source": r["source"],
        "published": r["published"],
        "name": r["name"],
        "city": r["city"],
        "round": r["round"],
        "process": r["process"],
        "status": r["status"],
        "dates": dates,
        "place": r["place"],
        "joined": joined,
        "why": because(r, joined),
    }


def because(r: dict[str, Any], joined: dict[str, Any]) -> str:
    """The reasons in words: place, then the clustering rule with its date window."""
    parts = [_place(r["place"])]
    rule = joined.get("rule")
    window = joined.get("window")
    within = f" within {window[0]}..{window[1]}" if window else ""
    if rule == "first":
        parts.append("first report of the meeting" + (f" (dates {r['lo']}..{r['hi']})" if r["lo"] else ""))
    elif rule and rule.startswith("undated"):
        parts.append(f"no dates; {rule.removeprefix('undated, ')} the meeting ({r['published']}){within}")
    elif rule:
        parts.append(f"dates {r['lo']}..{r['hi']}{within} ({rule})")
    else:
        parts.append("merged before reasons were kept")
    if joined.get("process"):
        parts.append(f"process {', '.join(joined['process'])}")
    if r["round"] is not None and rule != f"round {r['round']}":
        parts.append(f"round {r['round']}")
    return "; ".join(parts)


def _place(place: str) -> str:
    if place == keys.UNPLACED:
        return "no town, process or dated venue country named (placed by its dates)"
    kind, _, value = place.partition(":")
    return f"same {_PLACE_KINDS.get(kind, kind)} ({value or place})"


_PLACE_KINDS = {"c": "venue country", "t": "venue town", "p": "process", "n": "name (records before 0010)"}
