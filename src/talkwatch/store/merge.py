"""Merging across articles: one meeting from many reports, one name per actor.

Reported meetings are grouped by place (venue country, else process, else a
distinctive name; ``keys.meeting_place``) and, within a place, clustered into
meetings (``clusters``). A batch re-clusters only the places and dates it
touched, widening the window while a cluster reaches its edge, so the
result equals a full re-clustering whatever the order reports arrived in.

Each meeting's summary reads its statements as a timeline of events
(``timeline``); statements of different documents published the same day
that disagree are listed as conflicts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from . import attendance, cells, identity, keys, members, precompute
from .around import cluster_around
from .clusters import (
    ABSENT,
    ROUND_TOLERANCE,
    UNDATED_WINDOW,
    Why,
    _iso,
    _Report,
    cluster,
    report_span,
)
from .summary import conflicts, statements, summarize

__all__ = ["cluster", "conflicts", "refresh", "report_span", "statements", "summarize"]

EDGE = UNDATED_WINDOW + ROUND_TOLERANCE  # a cluster this close to a window edge may reach out
MARGIN = EDGE * 2  # how far around a batch's dates a place is re-clustered


def refresh(backend: Any, *, places: dict[str, list[date]], actors: Iterable[str]) -> None:
    """Recompute actor names and the meetings near the dates a batch touched, per place."""
    _refresh_actor_names(backend, sorted(set(actors)))
    for place in sorted(p for p in places if p != keys.UNPLACED):
        days_ = places[place]
        if days_:
            _refresh_place(backend, place, min(days_) - MARGIN, max(days_) + MARGIN)
        else:
            _refresh_place(backend, place, None, None)
    if places:
        days_ = [d for p in sorted(places) for d in places[p]]
        window = (min(days_) - MARGIN, max(days_) + MARGIN) if days_ else (None, None)
        _refresh_unplaced(backend, *window)


def _refresh_unplaced(backend: Any, lo: date | None, hi: date | None) -> None:
    """Re-place the reports that name no place near the batch's dates (``around.cluster_around``).

    Runs after the placed meetings are settled, on every batch (a new placed
    report may be the meeting an unplaced one spoke of).
    """
    backend.lock(f"place:{keys.UNPLACED}")
    reports = _load(backend, keys.UNPLACED, lo, hi)
    if not reports:
        return
    anchors = [r for r in _load(backend, None, lo, hi) if r["place"] != keys.UNPLACED and r["meeting_id"]]
    by_meeting: dict[str, list[_Report]] = {}
    place_of: dict[str, str] = {}
    for r in anchors:
        by_meeting.setdefault(r["meeting_id"], []).append(_report(r))
        place_of[r["meeting_id"]] = r["place"]
    why: Why = {}
    into, groups = cluster_around(sorted(by_meeting.items()), [_report(r) for r in reports], why)
    target = dict(into)
    for ids in groups:
        target |= {i: keys.meeting_id(keys.UNPLACED, ids[0]) for i in ids}
    _set_meetings(backend, [(target[r["id"]], r) for r in reports], why)
    moved = sorted((mid, r["id"]) for r in reports if (mid := target[r["id"]]) != r["meeting_id"])
    if not moved:
        return
    touched = {mid for mid, _ in moved} | {r["meeting_id"] for r in reports if r["meeting_id"]}
    for mid in sorted(touched):
        _rewrite(backend, place_of.get(mid, keys.UNPLACED), [mid])


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _in(backend: Any, sql: str, ids: list[str]) -> list[dict[str, Any]]:
    """Run ``sql`` (with one ``{ids}`` slot) over ids in chunks."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        out += backend.query(sql.format(ids=",".join("?" * len(chunk))), chunk)
    return out


def _refresh_actor_names(backend: Any, actor_ids: list[str]) -> None:
    best: dict[str, tuple[Any, ...]] = {}
    for row in _in(
        backend,
        "SELECT actor_id, name, n_name, n_alias FROM actor_names WHERE actor_id IN ({ids})",
        actor_ids,
    ):
        rank = (
            row["n_name"],
            row["n_name"] + row["n_alias"],
            len(row["name"]),
            [-ord(ch) for ch in row["name"]],
            row["name"],
        )
        if row["actor_id"] not in best or rank > best[row["actor_id"]]:
            best[row["actor_id"]] = rank
    backend.executemany(
        "UPDATE actors SET name = ? WHERE id = ? AND name <> ?",
        [(rank[-1], aid, rank[-1]) for aid, rank in best.items()],
    )
    _refresh_actor_kinds(backend, actor_ids)


def _refresh_actor_kinds(backend: Any, actor_ids: list[str]) -> None:
    """Type and country of each actor from all its reports (``identity.resolve``)."""
    seen: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for row in _in(
        backend,
        "SELECT actor_id, type, country, count(*) AS n FROM doc_actors WHERE actor_id IN ({ids})"
        " GROUP BY actor_id, type, country",
        actor_ids,
    ):
        types, countries = seen.setdefault(row["actor_id"], (Counter(), Counter()))
        if row["type"]:
            types[row["type"]] += row["n"]
        if row["country"]:
            countries[row["country"]] += row["n"]
    updates = []
    for a in _in(backend, "SELECT id, akey, name, type, country FROM actors WHERE id IN ({ids})", actor_ids):
        if a["id"] not in seen:
            continue
        type_, country = identity.resolve(a["akey"], *seen[a["id"]])
        entry = identity.gazetteer_entry(a["akey"])
        name = entry.name if entry else a["name"]  # "the Zambian delegation" is Zambia
        if (name, type_, country) != (a["name"], a["type"], a["country"]):
            updates.append((name, type_, country, a["id"]))
    updates.sort(key=lambda u: u[-1])
    backend.executemany("UPDATE actors SET name = ?, type = ?, country = ? WHERE id = ?", updates)


_CLUSTER_COLS = (
    "id, doc_id, name, lo, hi, start_date, published, round, process, status, city, country, place,"
    " meeting_id, joined"
)


def _set_meetings(backend: Any, placed: list[tuple[str, dict[str, Any]]], why: Why) -> None:
    """Store each report's meeting and why it is there (``joined``), where either changed."""
    updates = []
    for mid, r in placed:
        reason = json.dumps(why[r["id"]], sort_keys=True) if r["id"] in why else r["joined"]
        if (mid, reason) != (r["meeting_id"], r["joined"]):
            updates.append((mid, reason, r["id"]))
    backend.executemany("UPDATE meeting_reports SET meeting_id = ?, joined = ? WHERE id = ?", sorted(updates))


def _load(backend: Any, place: str | None, lo: date | None, hi: date | None) -> list[dict[str, Any]]:
    """What clustering needs of the reports (of one place, or all) whose dates meet ``[lo, hi]``."""
    where, params = ("place = ?", [place]) if place is not None else ("1 = 1", [])
    if lo is None or hi is None:
        return backend.query(f"SELECT {_CLUSTER_COLS} FROM meeting_reports WHERE {where} ORDER BY id", params)
    a, b = lo.isoformat(), hi.isoformat()
    return backend.query(
        f"SELECT {_CLUSTER_COLS} FROM meeting_reports WHERE {where} AND ((lo <= ? AND hi >= ?)"
        " OR (lo IS NULL AND (published IS NULL OR (published >= ? AND published <= ?)))) ORDER BY id",
        (*params, b, a, a, b),
    )


MONTH = keys.days(27)  # a span this long with no day-precise start is a month ("next month")


def _whole_months(lo: date | None, hi: date | None) -> bool:
    """Whether a span is whole months or years (a date told to the month), not days bridged by a plan."""
    return bool(lo and hi and hi - lo >= MONTH and lo.day == 1 and (hi + keys.days(1)).day == 1)


def _report(r: dict[str, Any]) -> _Report:
    lo, hi = _iso(r["lo"]), _iso(r["hi"])
    precise = bool(r["start_date"]) and len(r["start_date"]) >= 10
    return _Report(
        id=r["id"],
        lo=lo,
        hi=hi,
        vague=_whole_months(lo, hi) and not precise,
        published=_iso(r["published"]),
        round=r["round"],
        process=keys.norm(r["process"]),
        status=r["status"],
        city=keys.norm(r["city"]),
        country=keys.norm(r["country"]),
        doc=r["doc_id"],
        earlier=keys.names_earlier(r["name"]),
    )


def _at_edge(ids: list[str], by_id: dict[str, dict[str, Any]], lo: date | None, hi: date | None) -> bool:
    """Whether a cluster comes close enough to the window's edge to link outside it."""
    if lo is None or hi is None:
        return False
    days_ = [d for i in ids for k in ("lo", "hi", "published") if (d := _iso(by_id[i][k]))]
    return any(d < lo + EDGE or d > hi - EDGE for d in days_)


def _clusters(
    backend: Any, place: str, lo: date | None, hi: date | None, why: Why
) -> tuple[list[dict[str, Any]], list[list[str]], date | None, date | None]:
    """Cluster a window of the place, widening it while a new report's meeting reaches an edge."""
    while True:
        reports = _load(backend, place, lo, hi)
        by_id = {r["id"]: r for r in reports}
        why.clear()
        groups = cluster((_report(r) for r in reports), why)
        fresh = [g for g in groups if any(by_id[i]["meeting_id"] is None for i in g)]
        if not any(_at_edge(g, by_id, lo, hi) for g in fresh):
            return reports, groups, lo, hi
        if lo is None or hi is None or hi - lo > keys.days(366 * 40):
            lo = hi = None
        else:
            lo, hi = lo - MARGIN, hi + MARGIN


def _refresh_place(backend: Any, place: str, lo: date | None, hi: date | None) -> None:
    """Re-cluster a place around new reports; write the meetings whose members changed.

    Clusters near the window's edge are left as stored unless they hold a new
    report (then the window widens), so the result equals a full re-clustering.
    Concurrent writers (PostgreSQL) take turns per place: the lock is held to
    the end of the transaction, so the next one sees these meetings.
    """
    backend.lock(f"place:{place}")
    why: Why = {}
    reports, groups, lo, hi = _clusters(backend, place, lo, hi, why)
    by_id = {r["id"]: r for r in reports}
    members: dict[str, set[str]] = {}
    for r in reports:
        members.setdefault(r["meeting_id"], set()).add(r["id"])
    losers: set[str] = set()
    changed: list[str] = []
    placed: list[tuple[str, dict[str, Any]]] = []
    for ids in groups:
        if all(by_id[i]["meeting_id"] for i in ids) and _at_edge(ids, by_id, lo, hi):
            continue
        mid = keys.meeting_id(place, ids[0])
        placed += [(mid, dict(by_id[i])) for i in ids]
        if members.get(mid) == set(ids):
            continue
        moved = [i for i in ids if by_id[i]["meeting_id"] != mid]
        losers.update(by_id[i]["meeting_id"] for i in moved if by_id[i]["meeting_id"])
        for i in ids:
            by_id[i]["meeting_id"] = mid
        changed.append(mid)
    _set_meetings(backend, placed, why)
    _rewrite(backend, place, [*changed, *sorted(losers - set(changed))])


def rewrite(backend: Any, meetings: dict[str, str]) -> None:
    """Summarize again these meetings (id -> place) as their reports now stand (after a re-extraction)."""
    by_place: dict[str, list[str]] = {}
    for mid in sorted(meetings):
        by_place.setdefault(meetings[mid], []).append(mid)
    for place in sorted(by_place):
        _rewrite(backend, place, by_place[place])


def _rewrite(backend: Any, place: str, mids: list[str]) -> None:
    """Summarize these meetings from their reports as now stored; drop those left empty.

    Their rows are asked for all at once (one round trip to a database server).
    """
    found = backend.query_all([(sql, (mid,)) for mid in mids for sql in MEETING_SQL])
    for n, mid in enumerate(mids):
        reports, history, parts, member_rows = found[4 * n : 4 * n + 4]
        if reports:
            _write_summary(backend, mid, place, reports, history, with_members(parts, member_rows))
        else:
            backend.execute("DELETE FROM meetings WHERE id = ?", (mid,))
            backend.execute("DELETE FROM conflicts WHERE meeting_id = ?", (mid,))
            cells.drop(backend, mid)
            precompute.mark(backend, mid)  # its page rows go when the transaction's flush runs


order_key = attendance.order_key


participants = attendance.participants  # the record's attendance (kept here for callers)


PARTICIPATION_SQL = (
    "SELECT p.doc_id, p.idx, p.actor_id, p.actor_local, p.status, p.role, p.hedged,"
    " p.ev_start, p.ev_end, p.ev_text, p.report_id, d.published,"
    " a.akey, a.name AS a_name, a.type AS a_type, a.country AS a_country"
    " FROM participations p JOIN documents d ON d.id = p.doc_id"
    " LEFT JOIN actors a ON a.id = p.actor_id WHERE p.report_id IN ({ids})"
)


def attendance_of(backend: Any, meeting_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Participants of each meeting as the record gives them (with implied attendance)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for mid in sorted(set(meeting_ids)):
        reports, history, parts, member_rows = backend.query_all([(sql, (mid,)) for sql in MEETING_SQL])
        parts = with_members(parts, member_rows)
        if parts:
            s = summarize(reports, history)
            events = s["history"]
            out[mid] = participants(parts, events[-1] if events else None, s["start"])
    return out


REPORTS_OF = "SELECT * FROM meeting_reports WHERE meeting_id = ? ORDER BY id"
HISTORY_OF = (
    "SELECT h.* FROM meeting_history h JOIN meeting_reports r ON r.id = h.report_id WHERE r.meeting_id = ?"
)
PARTICIPATIONS_OF = (
    PARTICIPATION_SQL.split(" WHERE ")[0]
    + " JOIN meeting_reports r ON r.id = p.report_id WHERE r.meeting_id = ?"
)

# What a meeting's summary is folded from: reports, their history, participations, delegation members.
MEETING_SQL = (REPORTS_OF, HISTORY_OF, PARTICIPATIONS_OF, members.MEMBERS_OF)


def with_members(parts: list[dict[str, Any]], member_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The participation rows and the statements derived for delegation members (``members``)."""
    return [*parts, *members.rows(member_rows, parts)]


def _write_summary(
    backend: Any,
    mid: str,
    place: str,
    reports: list[dict[str, Any]],
    history: list[dict[str, Any]],
    part_rows: list[dict[str, Any]],
) -> None:
    s = summarize(reports, history)
    parts = participants(part_rows, s["history"][-1] if s["history"] else None, s["start"])
    cells.write(backend, mid, parts)  # the grid of meeting pages, folded once here
    n_parties = sum(1 for p in parts if p["status"] not in ABSENT)
    backend.execute("DELETE FROM meetings WHERE id = ?", (mid,))
    backend.execute(
        "INSERT INTO meetings (id, place, name, aliases, city, country, process, round, start_date,"
        " end_date, status, n_documents, n_parties, first_reported, last_reported, lname)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            mid,
            place,
            s["name"],
            json.dumps(s["aliases"]),
            s["city"],
            s["country"],
            s["process"],
            s["round"],
            s["start"],
            s["end"],
            s["status"],
            len(s["documents"]),
            n_parties,
            s["first_reported"],
            s["last_reported"],
            keys.norm(s["name"]),
        ),
    )
    backend.execute("DELETE FROM conflicts WHERE meeting_id = ?", (mid,))
    backend.executemany(
        "INSERT INTO conflicts (meeting_id, field, reported, vals) VALUES (?, ?, ?, ?)",
        [
            (mid, c["field"], c["reported"], json.dumps(c["values"]))
            for c in [*conflicts(s["statements"]), *attendance.conflicts(part_rows)]
        ],
    )
    precompute.mark(backend, mid)  # what its pages need, computed by pages.flush
