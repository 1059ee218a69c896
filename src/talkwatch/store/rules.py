"""Rule sets: which extractor ``NAME`` produced a stored article's facts, and forgetting them.

An article is *stale* when its facts came from a rule set the registry no
longer runs (``extract.EXTRACTORS[kind].NAME`` differs). Each document records
its rule sets (``documents.rules``, a JSON object kind -> NAME); for articles
stored before that column, the ``extractor`` of their fact rows stands in.
Facts without any NAME (digests made before provenance, or by a stand-in
pipeline) are of an unknown rule set: nothing says they are older, so only
``reprocess --all`` re-extracts them.

Re-extracting an article replaces it: ``forget`` removes every row it added
(undoing its counts of actor names, and the full-text entries), and the writer
stores the new digest as if it were new. ``forget`` returns what the article
touched, so the merged view (meetings, actor names and kinds) is refreshed
there too; the record changes only where the new facts differ.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import rows
from .clusters import _iso

# The table of each fact kind that records its extractor (meetings are stored as reports).
KIND_TABLES: dict[str, str] = {
    "meetings": "meeting_reports",
    **{kind: kind for kind, fields in rows.FACTS.items() if rows.EXTRACTOR in fields},
}


@functools.cache
def current() -> dict[str, str]:
    """The registry's rule set per fact kind (imported late: the extractors are heavy)."""
    from ..extract import EXTRACTORS

    return {kind: module.NAME for kind, module in EXTRACTORS.items()}


def of_digest(digest: dict[str, Any], given: dict[str, str] | None = None) -> str | None:
    """The rule sets to record for a digest: ``given`` (the pipeline that just ran), else its facts'.

    A kind whose facts name one rule set is recorded with it; a kind without facts, or whose
    facts name none or several, is left out (unknown).
    """
    found = dict(given or {})
    if given is None:
        for kind in KIND_TABLES:
            names = {f.get("extractor") for f in digest.get(kind) or []}
            if len(names) == 1 and None not in names:
                found[kind] = names.pop()
    return json.dumps(found, sort_keys=True) if found else None


def _outdated(recorded: dict[str, str], now: dict[str, str]) -> bool:
    return any(kind in now and name != now[kind] for kind, name in recorded.items())


def stale(backend: Any, doc_ids: Sequence[str] | None = None) -> list[str]:
    """Stored documents (of ``doc_ids``, else all) whose recorded rule set is older than the registry's."""
    now = current()
    docs = _documents(backend, doc_ids)
    out = {d["id"] for d in docs if d["rules"] and _outdated(json.loads(d["rules"]), now)}
    unknown = sorted(d["id"] for d in docs if not d["rules"])
    for kind, table in KIND_TABLES.items():
        for chunk in _chunks(unknown):
            marks = ",".join("?" * len(chunk))
            for r in backend.query(
                f"SELECT DISTINCT doc_id, extractor FROM {table}"
                f" WHERE extractor IS NOT NULL AND doc_id IN ({marks})",
                chunk,
            ):
                if _outdated({kind: r["extractor"]}, now):
                    out.add(r["doc_id"])
    return sorted(out)


def _documents(backend: Any, doc_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    if doc_ids is None:
        return backend.query("SELECT id, rules FROM documents ORDER BY id")
    out: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(set(doc_ids))):
        marks = ",".join("?" * len(chunk))
        out += backend.query(f"SELECT id, rules FROM documents WHERE id IN ({marks})", chunk)
    return out


def _chunks(items: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


@dataclass
class Forgotten:
    """What the forgotten articles had touched: places (with their dates), meetings, actors."""

    places: dict[str, list[date]] = field(default_factory=dict)
    meetings: dict[str, str] = field(default_factory=dict)  # meeting id -> place
    actors: set[str] = field(default_factory=set)


def forget(backend: Any, doc_ids: Sequence[str]) -> Forgotten:
    """Remove every row these stored articles added (inside the caller's transaction)."""
    gone = Forgotten()
    for doc_id in sorted(doc_ids):
        _forget_one(backend, doc_id, gone)
    if gone.actors:
        ids = sorted(gone.actors)
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            backend.execute(
                f"DELETE FROM actor_names WHERE actor_id IN ({marks}) AND n_name <= 0 AND n_alias <= 0",
                chunk,
            )
            backend.execute(
                f"DELETE FROM actors WHERE id IN ({marks})"
                " AND NOT EXISTS (SELECT 1 FROM doc_actors d WHERE d.actor_id = actors.id)",
                chunk,
            )
    return gone


def _forget_one(backend: Any, doc_id: str, gone: Forgotten) -> None:
    reports = backend.query(
        "SELECT r.id, r.place, r.lo, r.hi, r.published, r.meeting_id, m.place AS m_place"
        " FROM meeting_reports r LEFT JOIN meetings m ON m.id = r.meeting_id WHERE r.doc_id = ?",
        (doc_id,),
    )
    for r in reports:
        days = gone.places.setdefault(r["place"], [])
        days += [d for d in map(_iso, (r["lo"], r["hi"], r["published"])) if d]
        if r["meeting_id"]:
            gone.meetings[r["meeting_id"]] = r["m_place"] or r["place"]
    _uncount_names(backend, doc_id, gone)
    _forget_fulltext(backend, doc_id)
    for table in (*reversed(tuple(rows.FACTS)), "meeting_history"):
        backend.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    for table in ("meeting_reports", "doc_actors", "documents"):
        column = "id" if table == "documents" else "doc_id"
        backend.execute(f"DELETE FROM {table} WHERE {column} = ?", (doc_id,))


def _uncount_names(backend: Any, doc_id: str, gone: Forgotten) -> None:
    """Take back the name counts the article added (as ``writer._write_actors`` counted them)."""
    minus = []
    for a in backend.query("SELECT actor_id, name, aliases FROM doc_actors WHERE doc_id = ?", (doc_id,)):
        gone.actors.add(a["actor_id"])
        name = a["name"]
        for alias in sorted({name or ""} | set(json.loads(a["aliases"] or "[]"))):
            if alias:
                minus.append((int(alias == name), int(alias != name), a["actor_id"], alias))
    minus.sort(key=lambda m: m[2:])
    backend.executemany(
        "UPDATE actor_names SET n_name = n_name - ?, n_alias = n_alias - ? WHERE actor_id = ? AND name = ?",
        minus,
    )


def _forget_fulltext(backend: Any, doc_id: str) -> None:
    """Drop the article's full-text entries (SQLite's index keeps its own copy of the words)."""
    if backend.dialect == "postgres":
        backend.execute("DELETE FROM quotes_fts WHERE doc_id = ?", (doc_id,))
        backend.execute("DELETE FROM documents_fts WHERE id = ?", (doc_id,))
        return
    backend.execute(
        "INSERT INTO quotes_fts (quotes_fts, rowid, text)"
        " SELECT 'delete', rowid, text FROM quotes WHERE doc_id = ?",
        (doc_id,),
    )
    backend.execute(
        "INSERT INTO documents_fts (documents_fts, rowid, title, body)"
        " SELECT 'delete', rowid, title, body FROM documents WHERE id = ?",
        (doc_id,),
    )


__all__ = ["Forgotten", "current", "forget", "of_digest", "stale"]
