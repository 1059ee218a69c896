"""Analysts' corrections: kept as data, applied to the record, replayed whenever facts are rewritten.

``add(backend, correction)`` checks a correction, applies it to the stored
fact and appends it to the ``corrections`` log (who, when, why, the fact's
evidence and identity, what the fact held before), in one transaction per
article, so two people correcting at once (PostgreSQL) both stay.
``reapply(backend, doc_ids)`` replays an article's corrections on freshly
written facts (the store's writer calls it); ``listing`` and ``orphaned``
read the log. Nothing in the log is ever deleted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ...errors import InputError
from .. import merge, pages
from . import apply
from .apply import APPLIED, ORPHANED
from .model import ACTIONS, FIELDS, FORMAT, KINDS, Correction, check, from_dict
from .trail import for_facts, shape

COLUMNS = ("id", "created", "author", "note", "action", "kind", "doc_id", "ev_start", "ev_end",
           "ev_text", "target", "changes", "before", "state")


def add(backend: Any, fix: Correction) -> dict[str, Any]:
    """Check, apply and log one new correction; return it as logged."""
    check(fix)
    fix = fix.stamped()
    return backend.retrying(lambda: _add(backend, fix))


def _add(backend: Any, fix: Correction) -> dict[str, Any]:
    with backend.transaction():
        backend.lock(f"corrections:{fix.document or 'actors'}")
        target, before, touched = apply.first_time(backend, fix)
        span = target.pop("_span", None)
        if span and span[0] is not None:  # the fact's own evidence, which a replay finds exactly
            fix = replace(fix, evidence=span)
        text = apply.evidence_text(backend, fix.document, fix.evidence) if fix.evidence else None
        assert fix.document is None or fix.evidence is not None
        _log(backend, fix, target, before, text, APPLIED)
        apply.refresh_meetings(backend, touched)
        pages.flush(backend)
    return listing(backend, ids=[fix.id])[0]


def _log(backend: Any, fix: Correction, target: dict[str, Any], before: Any, text: str | None,
         state: str) -> None:
    span = fix.evidence or (None, None)
    backend.execute(
        f"INSERT INTO corrections ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
        (fix.id, fix.created, fix.author, fix.note or None, fix.action, fix.kind, fix.document,
         span[0], span[1], text, json.dumps(target, sort_keys=True),
         json.dumps(fix.changes, sort_keys=True), json.dumps(before, sort_keys=True, default=str), state))


def import_many(backend: Any, fixes: Iterable[Correction]) -> dict[str, int]:
    """Log corrections from a file (another database's): new ones are applied, known ids skipped;
    one whose article or fact is not here is kept as orphaned, for a later ingest to pick up."""
    tally = {"added": 0, "known": 0, APPLIED: 0, ORPHANED: 0}
    for fix in fixes:
        check(fix)
        fix = fix.stamped()
        if backend.scalar("SELECT count(*) FROM corrections WHERE id = ?", (fix.id,)):
            tally["known"] += 1
            continue
        state = backend.retrying(lambda f=fix: _import(backend, f))
        tally["added"] += 1
        tally[state] += 1
    return tally


def _import(backend: Any, fix: Correction) -> str:
    with backend.transaction():
        backend.lock(f"corrections:{fix.document or 'actors'}")
        text = None
        if fix.document and fix.evidence:
            found = backend.query("SELECT body FROM documents WHERE id = ?", (fix.document,))
            body = (found[0]["body"] or "") if found else ""
            text = body[fix.evidence[0]:fix.evidence[1]] or None
        _log(backend, fix, fix.target, None, text, ORPHANED)
        return _replay(backend, backend.query("SELECT * FROM corrections WHERE id = ?", (fix.id,)))


def reapply(backend: Any, doc_ids: Iterable[str]) -> None:
    """Replay, in the order they were made, the corrections of articles whose facts were just
    written, and those about actors; merged meetings are left to the caller's refresh."""
    ids = sorted(set(doc_ids))
    if not ids:
        return
    found = merge._in(backend, "SELECT * FROM corrections WHERE doc_id IN ({ids})", ids)
    found += backend.query("SELECT * FROM corrections WHERE doc_id IS NULL")
    _replay(backend, sorted(found, key=lambda c: (c["created"], c["id"])), refresh=False)


def _replay(backend: Any, stored: list[dict[str, Any]], *, refresh: bool = True) -> str:
    state, touched = APPLIED, set()
    for c in stored:
        state, changed, before = apply.replay(backend, c)
        touched |= changed
        if state != c["state"]:
            backend.execute("UPDATE corrections SET state = ? WHERE id = ?", (state, c["id"]))
        if before is not None and json.loads(c["before"] or "null") is None:  # first seen here
            backend.execute("UPDATE corrections SET before = ? WHERE id = ?",
                            (json.dumps(before, sort_keys=True, default=str), c["id"]))
    if refresh:
        apply.refresh_meetings(backend, touched)
        pages.flush(backend)
    return state


def listing(backend: Any, *, doc_id: str | None = None, state: str | None = None,
            ids: list[str] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """The log, oldest first, in record shape (``document``, ``evidence``, parsed JSON)."""
    where, params = [], []
    for col, value in (("doc_id", doc_id), ("state", state)):
        if value:
            where.append(f"{col} = ?")
            params.append(value)
    if ids:
        where.append(f"id IN ({', '.join('?' * len(ids))})")
        params += ids
    sql = "SELECT * FROM corrections" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY created, id" + (f" LIMIT {int(limit)}" if limit else "")
    return [shape(c) for c in backend.query(sql, params)]


def parse(data: Any, where: str) -> Correction:
    """A correction from its file or request form."""
    if not isinstance(data, dict):
        raise InputError(f"{where}: a correction is a mapping")
    return from_dict(data, where=where)


__all__ = ["ACTIONS", "APPLIED", "FIELDS", "FORMAT", "KINDS", "ORPHANED", "Correction", "add",
           "for_facts", "import_many", "listing", "parse", "reapply", "shape"]
