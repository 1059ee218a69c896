"""Finding a corrected fact among an article's stored rows, and changing those rows.

A fact is found by its evidence (rows whose evidence overlaps the
correction's span, the exact span first) and its identity: the columns that
must match (the actor of a participation) and those that break ties (its
meeting, which an article numbered differently after a new rule set).
"""

from __future__ import annotations

import json
from typing import Any

from ...errors import InputError
from .. import keys, rows

# kind -> (columns that must match, columns that break ties)
IDENTITY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "participations": (("actor_id",), ("meeting_local",)),
    "delegations": (("actor_id",), ("meeting_local",)),
    "quotes": ((), ("start_char", "speaker_id")),
    "positions": (("actor_id",), ("issue", "stance")),
    "agreements": ((), ("kind", "name")),
    "events": ((), ("source_id", "target_id", "cameo")),
}
# What an added fact must say, beyond its evidence.
REQUIRED: dict[str, tuple[str, ...]] = {
    "participations": ("actor", "meeting", "status"),
    "delegations": ("actor", "meeting"),
    "quotes": ("speaker",),
    "positions": ("actor", "issue", "stance"),
    "agreements": ("kind",),
    "events": ("source", "cameo"),
}
ANALYST = "analyst"  # the ``extractor`` of a fact an analyst added


def target_of(backend: Any, kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A fact's identity, with the actor's name so that another database can find it too."""
    required, preferred = IDENTITY[kind]
    out = {col: row.get(col) for col in (*required, *preferred) if row.get(col) is not None}
    if row.get("actor_id"):
        out["actor_name"] = backend.scalar("SELECT name FROM actors WHERE id = ?", (row["actor_id"],))
    return out


def rows_of(backend: Any, kind: str, doc_id: str) -> list[dict[str, Any]]:
    """The article's stored facts of one kind, in digest order."""
    return backend.query(f"SELECT * FROM {kind} WHERE doc_id = ? ORDER BY idx", (doc_id,))


def find(backend: Any, kind: str, doc_id: str, span: tuple[int, int],
         target: dict[str, Any]) -> dict[str, Any] | None:
    """The stored fact a correction speaks of, or None (the correction is then orphaned)."""
    start, end = span
    required, preferred = IDENTITY[kind]
    wanted = dict(target)
    if "actor_id" in required and target.get("actor_name"):
        wanted["actor_id"] = _actor_here(backend, doc_id, target) or target.get("actor_id")
    candidates = []
    for row in rows_of(backend, kind, doc_id):
        if row["ev_start"] is None or not (row["ev_start"] < end and start < row["ev_end"]):
            continue
        if any(wanted.get(col) is not None and row.get(col) != wanted[col] for col in required):
            continue
        exact = (row["ev_start"], row["ev_end"]) == (start, end)
        ties = sum(row.get(col) == wanted.get(col) for col in preferred if col in wanted)
        candidates.append((not exact, -ties, row["idx"], row))
    return min(candidates, key=lambda c: c[:3])[3] if candidates else None


def _actor_here(backend: Any, doc_id: str, target: dict[str, Any]) -> str | None:
    """The record id the article uses for the target's actor (by id, else by name)."""
    ids = {r["actor_id"] for r in backend.query(
        "SELECT actor_id FROM doc_actors WHERE doc_id = ?", (doc_id,))}
    if target.get("actor_id") in ids:
        return target["actor_id"]
    try:
        return resolve_actor(backend, doc_id, target["actor_name"], add=False)[1]
    except InputError:
        return None


def resolve_actor(backend: Any, doc_id: str, value: Any, *, add: bool = True) -> tuple[str, str]:
    """(local id, record id) of the actor a correction names: the article's own, by local id,
    record id or name; else a record actor, then added to the article's actors."""
    text = str(value)
    mine = backend.query("SELECT * FROM doc_actors WHERE doc_id = ? ORDER BY ord", (doc_id,))
    for a in mine:
        if text in (a["local_id"], a["actor_id"]):
            return a["local_id"], a["actor_id"]
    for a in mine:
        names = [a["name"], *json.loads(a["aliases"] or "[]")]
        if keys.norm(text) in {keys.norm(n) for n in names if n}:
            return a["local_id"], a["actor_id"]
    found = backend.query("SELECT * FROM actors WHERE id = ?", (text,)) or backend.query(
        "SELECT a.* FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.lname = ?"
        " ORDER BY n.n_name + n.n_alias DESC, a.id LIMIT 1", (keys.norm(text),))
    if not found or not add:
        raise InputError(f"no actor {text!r} in this article or the record; name one the record knows")
    return _add_doc_actor(backend, doc_id, found[0], len(mine)), found[0]["id"]


def _add_doc_actor(backend: Any, doc_id: str, actor: dict[str, Any], n: int) -> str:
    """Give the article a record actor it did not name, so its digest stays whole."""
    local = f"x{n + 1}"
    backend.execute(
        "INSERT INTO doc_actors (doc_id, local_id, actor_id, name, type, country, aliases, cameo,"
        " mentions, ord) VALUES (?, ?, ?, ?, ?, ?, '[]', ?, '[]', ?) ON CONFLICT DO NOTHING",
        (doc_id, local, actor["id"], actor["name"], actor["type"], actor["country"], actor["cameo"], n))
    return local


def resolve_meeting(backend: Any, doc_id: str, value: Any) -> tuple[str, str]:
    """(local id, report id) of a meeting the article reports, by local, report or record id."""
    found = backend.query(
        "SELECT local_id, id FROM meeting_reports WHERE doc_id = ? AND (local_id = ? OR id = ?"
        " OR meeting_id = ?) ORDER BY idx", (doc_id, str(value), str(value), str(value)))
    if not found:
        raise InputError(f"this article reports no meeting {value!r}; a fact belongs to a meeting it reports")
    return found[0]["local_id"], found[0]["id"]


def columns_for(backend: Any, kind: str, doc_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Column values for field changes (actors and meetings resolved to the article's ids)."""
    fields = {f.key: f for f in rows.FACTS[kind]}
    out: dict[str, Any] = {}
    for name, value in changes.items():
        f = fields[name]
        if f.kind == "actor":
            local, rid = resolve_actor(backend, doc_id, value) if value else (None, None)
            out |= {f"{name}_local": local, f"{name}_id": rid}
        elif f.kind == "meeting":
            out["meeting_local"], out["report_id"] = resolve_meeting(backend, doc_id, value)
        elif f.kind == "bool":
            out[f.col] = None if value is None else int(bool(value))
        else:
            out[f.col] = value
    return out


def update(backend: Any, kind: str, row: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Change one stored fact; return what it held before (the audit trail keeps it)."""
    before = {col: row.get(col) for col in values}
    sets = ", ".join(f"{col} = ?" for col in values)
    backend.execute(f"UPDATE {kind} SET {sets} WHERE doc_id = ? AND idx = ?",
                    (*values.values(), row["doc_id"], row["idx"]))
    if kind == "quotes" and "text" in values:
        _unindex_quote(backend, row)
        _index_quote(backend, row["doc_id"], row["idx"])
    return before


def delete(backend: Any, kind: str, row: dict[str, Any]) -> None:
    """Take a rejected fact out of the record (its whole row stays in the correction)."""
    if kind == "quotes":
        _unindex_quote(backend, row)
    backend.execute(f"DELETE FROM {kind} WHERE doc_id = ? AND idx = ?", (row["doc_id"], row["idx"]))


def insert(backend: Any, kind: str, doc_id: str, span: tuple[int, int], text: str | None,
           changes: dict[str, Any]) -> dict[str, Any]:
    """Store a fact the extractor missed, after the article's own facts; return its row."""
    missing = [k for k in REQUIRED[kind] if changes.get(k) in (None, "")]
    if missing:
        raise InputError(f"an added {kind[:-1]} needs {', '.join(missing)}")
    cols = rows.columns(kind)
    row: dict[str, Any] = dict.fromkeys(cols)
    row |= {"ev_start": span[0], "ev_end": span[1], "ev_text": text, "extractor": ANALYST}
    if kind == "quotes":
        row |= {"text": changes.get("text") or text, "start_char": span[0], "end_char": span[1]}
    row |= columns_for(backend, kind, doc_id, changes)
    idx = int(backend.scalar(f"SELECT COALESCE(max(idx), -1) + 1 FROM {kind} WHERE doc_id = ?", (doc_id,)))
    names = ["doc_id", "idx", *cols]
    backend.execute(f"INSERT INTO {kind} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    (doc_id, idx, *(row[c] for c in cols)))
    return row | {"doc_id": doc_id, "idx": idx}


def _unindex_quote(backend: Any, row: dict[str, Any]) -> None:
    """Full-text search forgets a quote before it changes (FTS5 external content needs the old text)."""
    if backend.dialect == "postgres":
        backend.execute("DELETE FROM quotes_fts WHERE doc_id = ? AND idx = ?", (row["doc_id"], row["idx"]))
        return
    rowid = backend.scalar("SELECT rowid FROM quotes WHERE doc_id = ? AND idx = ?",
                           (row["doc_id"], row["idx"]))
    backend.execute("INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', ?, ?)",
                    (rowid, row.get("text") or ""))


def _index_quote(backend: Any, doc_id: str, idx: int) -> None:
    if backend.dialect == "postgres":
        from ..migrations import FTS_CONFIG

        backend.execute(f"INSERT INTO quotes_fts (doc_id, idx, tsv) SELECT doc_id, idx, to_tsvector("
                        f"'{FTS_CONFIG}', coalesce(text, '')) FROM quotes WHERE doc_id = ? AND idx = ?",
                        (doc_id, idx))
        return
    backend.execute("INSERT INTO quotes_fts (rowid, text) SELECT rowid, text FROM quotes"
                    " WHERE doc_id = ? AND idx = ?", (doc_id, idx))
