"""Applying corrections to the stored facts: once when made, again whenever facts are rewritten.

A correction changes the fact rows themselves (so every view of the record,
the merged meetings included, shows the corrected fact with no special
case), and the correction keeps what the row held before. When an article's
facts are written again (a new ingest of the same text into another
database, a re-extraction with a new rule set) its corrections are replayed
in the order they were made; one whose fact is no longer there is marked
``orphaned`` and kept, never dropped.
"""

from __future__ import annotations

import json
from typing import Any

from ...errors import InputError, NotFound
from .. import merge, rows
from . import facts, meetings
from .model import ACTOR_ACTIONS, Correction

APPLIED, ORPHANED = "applied", "orphaned"
ACTOR_COLUMNS = {kind: [f.key for f in rows.FACTS[kind] if f.kind == "actor"] for kind in facts.IDENTITY}


def evidence_text(backend: Any, doc_id: str, span: tuple[int, int]) -> str | None:
    """The article's words at a span (None when its text was not stored); a span outside
    the article is refused."""
    found = backend.query("SELECT body FROM documents WHERE id = ?", (doc_id,))
    if not found:
        raise NotFound(f"no article {doc_id!r} in the record")
    body = found[0]["body"]
    if body is None:
        return None
    if span[1] > len(body):
        raise InputError(f"evidence {span[0]}-{span[1]} lies outside the article ({len(body)} characters)")
    return body[span[0]:span[1]]


def first_time(backend: Any, fix: Correction) -> tuple[dict[str, Any], Any, set[str]]:
    """Apply a new correction: (target as stored, what the fact held before, reports touched).

    Unlike a replay, a new correction must find its fact: pointing at nothing is an error.
    """
    if fix.action in ACTOR_ACTIONS:
        before, touched = actor_action(backend, fix)
        return fix.target, before, touched
    assert fix.document and fix.evidence
    evidence_text(backend, fix.document, fix.evidence)
    target = _target(backend, fix)
    if fix.action == "add":
        return _add(backend, fix)
    row = _find(backend, fix, target)
    if row is None:
        raise NotFound(f"no {fix.kind[:-1]} at {fix.evidence[0]}-{fix.evidence[1]} of {fix.document}"
                       " matches; see the article's facts (`talkwatch corrections facts`)")
    stored = meetings.target_of(row) if fix.kind == "meetings" else facts.target_of(backend, fix.kind, row)
    before, touched = change(backend, fix, row)
    return stored | {"_span": (row["ev_start"], row["ev_end"])}, before, touched


def _target(backend: Any, fix: Correction) -> dict[str, Any]:
    """A target as a person writes it (``actor: "Hamas"``) in column form (``actor_id``)."""
    target = dict(fix.target)
    actor = target.pop("actor", None)
    if actor:
        assert fix.document
        target["actor_id"] = facts.resolve_actor(backend, fix.document, actor, add=False)[1]
    meeting = target.pop("meeting", None)
    if meeting:
        assert fix.document
        target["meeting_local"] = facts.resolve_meeting(backend, fix.document, meeting)[0]
    return target


def _add(backend: Any, fix: Correction) -> tuple[dict[str, Any], Any, set[str]]:
    assert fix.document and fix.evidence
    text = evidence_text(backend, fix.document, fix.evidence)
    row = facts.insert(backend, fix.kind, fix.document, fix.evidence, text, fix.changes)
    return facts.target_of(backend, fix.kind, row), None, {row.get("report_id")} - {None}


def change(backend: Any, fix: Correction, row: dict[str, Any]) -> tuple[Any, set[str]]:
    """Confirm, reject or set one found fact: (what it held, reports whose meetings change)."""
    if fix.kind == "meetings":
        return meetings.change(backend, fix.action, row, fix.changes)
    touched = {row.get("report_id")} - {None}
    if fix.action == "confirm":
        return None, set()
    if fix.action == "reject":
        facts.delete(backend, fix.kind, row)
        return _plain(row), touched
    values = facts.columns_for(backend, fix.kind, row["doc_id"], fix.changes)
    before = facts.update(backend, fix.kind, row, values)
    return before, touched | ({values.get("report_id")} - {None})


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "rowid"}


def replay(backend: Any, stored: dict[str, Any]) -> tuple[str, set[str], Any]:
    """Apply a stored correction to the facts as they are now: (state, reports touched,
    what the fact held before)."""
    fix = to_correction(stored)
    if fix.action in ACTOR_ACTIONS:
        before, touched = actor_action(backend, fix)
        return APPLIED, touched, before
    assert fix.document and fix.evidence
    if not backend.query("SELECT id FROM documents WHERE id = ?", (fix.document,)):
        return ORPHANED, set(), None
    try:
        if fix.action == "add":
            text = evidence_text(backend, fix.document, fix.evidence)
            row = facts.insert(backend, fix.kind, fix.document, fix.evidence, text, fix.changes)
            return APPLIED, {row.get("report_id")} - {None}, None
        row = _find(backend, fix, fix.target)
        if row is None:
            return ORPHANED, set(), None
        before, touched = change(backend, fix, row)
        return APPLIED, touched, before
    except InputError:  # a meeting or actor it names is gone from the article
        return ORPHANED, set(), None


def _find(backend: Any, fix: Correction, target: dict[str, Any]) -> dict[str, Any] | None:
    assert fix.document and fix.evidence
    if fix.kind == "meetings":
        return meetings.find(backend, fix.document, fix.evidence, target)
    return facts.find(backend, fix.kind, fix.document, fix.evidence, target)


def to_correction(stored: dict[str, Any]) -> Correction:
    """A ``corrections`` table row as a ``Correction``."""
    span = None if stored["ev_start"] is None else (stored["ev_start"], stored["ev_end"])
    return Correction(action=stored["action"], kind=stored["kind"], author=stored["author"],
                      document=stored["doc_id"], evidence=span,
                      target=json.loads(stored["target"] or "{}"),
                      changes=json.loads(stored["changes"] or "{}"), note=stored["note"] or "",
                      created=stored["created"], id=stored["id"])


def actor_action(backend: Any, fix: Correction) -> tuple[Any, set[str]]:
    """"These two actors are one" (every reference to the first becomes the second) or
    "this is not an actor" (its participations, positions and delegations leave the record,
    and quotes and events lose it as speaker, source or target)."""
    actor = str(fix.target["actor"])
    into = str(fix.changes.get("into") or "")
    before: list[dict[str, Any]] = []
    touched: set[str] = set()
    for kind, keys_ in ACTOR_COLUMNS.items():
        for key in keys_:
            found = backend.query(f"SELECT * FROM {kind} WHERE {key}_id = ?", (actor,))
            for row in found:
                touched |= {row.get("report_id")} - {None}
                before.append({"kind": kind, **_plain(row)})
                if fix.action == "not_actor" and key in ("actor",):
                    facts.delete(backend, kind, row)
                else:
                    value = into or None
                    backend.execute(f"UPDATE {kind} SET {key}_id = ?{_local(key, into)}"
                                    " WHERE doc_id = ? AND idx = ?", (value, row["doc_id"], row["idx"]))
    if fix.action == "same_actor":
        _merge_names(backend, actor, into)
    return before, touched


def _merge_names(backend: Any, actor: str, into: str) -> None:
    """The first actor's names become the second's, so a search by either name finds it."""
    if not backend.query("SELECT id FROM actors WHERE id = ?", (into,)):
        raise NotFound(f"no actor {into!r} in the record")
    backend.execute("UPDATE doc_actors SET actor_id = ? WHERE actor_id = ?", (into, actor))
    backend.execute(
        "INSERT INTO actor_names (actor_id, name, lname, n_name, n_alias) SELECT ?, name, lname,"
        " n_name, n_alias FROM actor_names WHERE actor_id = ? ON CONFLICT (actor_id, name) DO UPDATE"
        " SET n_name = actor_names.n_name + excluded.n_name,"
        " n_alias = actor_names.n_alias + excluded.n_alias", (into, actor))
    backend.execute("DELETE FROM actor_names WHERE actor_id = ?", (actor,))
    merge._refresh_actor_names(backend, [into])


def _local(key: str, into: str) -> str:
    """An actor that is not one leaves the fact's local reference too."""
    return "" if into else f", {key}_local = NULL"


def refresh_meetings(backend: Any, report_ids: set[str]) -> None:
    """Rewrite the merged meetings whose reports' facts changed (attendance, party counts)."""
    if not report_ids:
        return
    found = merge._in(backend, "SELECT DISTINCT r.meeting_id, m.place FROM meeting_reports r"
                      " JOIN meetings m ON m.id = r.meeting_id WHERE r.id IN ({ids})", sorted(report_ids))
    by_place: dict[str, list[str]] = {}
    for r in found:
        by_place.setdefault(r["place"], []).append(r["meeting_id"])
    for place in sorted(by_place):
        merge._rewrite(backend, place, sorted(by_place[place]))
