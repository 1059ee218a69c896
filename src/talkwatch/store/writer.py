"""Write digests: one transaction per batch, each article once (by content hash).

A batch is all-or-nothing, so a crash loses at most the batch in flight and
never leaves half an article's facts; documents already stored are skipped,
so re-running an ingest completes it and a second run adds nothing. After the
raw facts, the merged view (actor names, meeting clusters) is refreshed for
what the batch touched, in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..errors import SchemaError
from . import keys, merge, rows

FACT_KINDS = ("actors", "meetings", *rows.FACTS)


@dataclass(frozen=True)
class Saved:
    """What one batch wrote."""

    added: int
    skipped: int
    facts: int


def known_ids(backend: Any, ids: Sequence[str]) -> set[str]:
    """Which of these document ids are stored already."""
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0] for r in backend.execute(f"SELECT id FROM documents WHERE id IN ({marks})", chunk).fetchall()
        )
    return found


@dataclass(frozen=True)
class Item:
    """A digest to store, with the article body (for full-text search) and its file."""

    digest: dict[str, Any]
    body: str | None = None
    path: str | None = None


def save_batch(backend: Any, items: Iterable[Item]) -> Saved:
    """Store digests in one transaction; documents already stored are skipped."""
    batch = list(items)
    for item in batch:
        _check(item.digest)
    with backend.transaction():
        seen = known_ids(backend, [item.digest["document"]["id"] for item in batch])
        fresh: list[Item] = []
        for item in batch:
            if item.digest["document"]["id"] not in seen:
                seen.add(item.digest["document"]["id"])
                fresh.append(item)
        touched = _Touched()
        facts = sum(_write(backend, item, touched) for item in fresh)
        merge.refresh(backend, places=touched.places, actors=touched.actors)
    return Saved(added=len(fresh), skipped=len(batch) - len(fresh), facts=facts)


def _check(digest: Any) -> None:
    if not isinstance(digest, dict):
        raise TypeError(f"a digest is a dict, not {type(digest).__name__}")
    doc = digest.get("document")
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
        raise SchemaError("digest without document id")


class _Touched:
    """Places (with the dates the batch reported there) and actors a batch wrote."""

    def __init__(self) -> None:
        self.places: dict[str, list[date]] = {}
        self.actors: set[str] = set()

    def place(self, place: str, *values: str | None) -> None:
        days = self.places.setdefault(place, [])
        days += [d for d in map(merge._iso, values) if d]


def _write(backend: Any, item: Item, touched: _Touched) -> int:
    """Insert one digest's rows; return the number of facts written."""
    digest = item.digest
    doc = digest["document"]
    doc_id = doc["id"]
    published = (doc.get("published") or None) and str(doc["published"])[:10]
    backend.execute(
        "INSERT INTO documents (id, title, source, url, published, language, path, body, schema,"
        " extra, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc_id,
            doc.get("title"),
            doc.get("source"),
            doc.get("url"),
            doc.get("published"),
            doc.get("language"),
            item.path,
            item.body,
            digest.get("schema"),
            _doc_extra(digest),
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )
    local = _write_actors(backend, doc_id, digest.get("actors") or [], touched)
    reports = _write_meetings(backend, doc_id, published, digest.get("meetings") or [], touched)
    n = len(local) + len(reports)
    for kind in rows.FACTS:
        items = digest.get(kind) or []
        if not items:
            continue
        cols = ["doc_id", "idx", *rows.columns(kind)]
        sql = f"INSERT INTO {kind} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        backend.executemany(
            sql,
            [[doc_id, i, *rows.to_row(kind, item, local.get, reports.get)] for i, item in enumerate(items)],
        )
        n += len(items)
    return n


def _doc_extra(digest: dict[str, Any]) -> str | None:
    top = rows.extra(digest, {"schema", "document", *FACT_KINDS})
    docx = rows.extra(digest["document"], rows.DOCUMENT_KEYS)
    if not top and not docx:
        return None
    return json.dumps({"digest": rows.loads(top), "document": rows.loads(docx)}, sort_keys=True)


def _write_actors(
    backend: Any, doc_id: str, actors: list[dict[str, Any]], touched: _Touched
) -> dict[str, str]:
    """Upsert record actors, count their names, keep the article's own actor rows."""
    local: dict[str, str] = {}
    for actor in actors:
        akey = keys.actor_key(actor)
        aid = keys.actor_id(akey)
        local[actor.get("id")] = aid
        touched.actors.add(aid)
        backend.execute(
            "INSERT INTO actors (id, akey, name, type, country, cameo) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (akey) DO UPDATE SET"
            " type = CASE WHEN actors.type IS NULL OR excluded.type < actors.type"
            "   THEN COALESCE(excluded.type, actors.type) ELSE actors.type END,"
            " country = CASE WHEN actors.country IS NULL OR excluded.country < actors.country"
            "   THEN COALESCE(excluded.country, actors.country) ELSE actors.country END,"
            " cameo = CASE WHEN actors.cameo IS NULL OR excluded.cameo < actors.cameo"
            "   THEN COALESCE(excluded.cameo, actors.cameo) ELSE actors.cameo END",
            (
                aid,
                akey,
                actor.get("name") or "",
                actor.get("type"),
                actor.get("country"),
                actor.get("cameo"),
            ),
        )
        names = {actor.get("name") or ""} | set(actor.get("aliases") or ())
        backend.executemany(
            "INSERT INTO actor_names (actor_id, name, lname, n_name, n_alias)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (actor_id, name) DO UPDATE SET"
            " n_name = actor_names.n_name + excluded.n_name,"
            " n_alias = actor_names.n_alias + excluded.n_alias",
            [
                (
                    aid,
                    name,
                    keys.norm(name),
                    int(name == actor.get("name")),
                    int(name != actor.get("name")),
                )
                for name in sorted(names)
                if name
            ],
        )
        backend.execute(
            "INSERT INTO doc_actors (doc_id, local_id, actor_id, name, type, country, affiliation,"
            " title, aliases, cameo, mentions, gkey, extra)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                actor.get("id"),
                aid,
                actor.get("name"),
                actor.get("type"),
                actor.get("country"),
                actor.get("affiliation"),
                actor.get("title"),
                json.dumps(list(actor.get("aliases") or [])),
                actor.get("cameo"),
                json.dumps([list(m) for m in actor.get("mentions") or []]),
                actor.get("key"),
                rows.extra(actor, rows.ACTOR_KEYS),
            ),
        )
    return local


def _write_meetings(
    backend: Any,
    doc_id: str,
    published: str | None,
    meetings: list[dict[str, Any]],
    touched: _Touched,
) -> dict[str, str]:
    """Store each reported meeting and its history; merging happens in ``merge``."""
    reports: dict[str, str] = {}
    for i, meeting in enumerate(meetings):
        rid = f"{doc_id}:{meeting.get('id', i)}"
        reports[meeting.get("id")] = rid
        place = keys.meeting_place(meeting, doc_id)
        venue = meeting.get("venue") or {}
        history = meeting.get("history") or []
        lo, hi = merge.report_span(meeting)
        touched.place(place, lo, hi, published)
        evidence = meeting.get("evidence") or []
        starts = [e["start"] for e in evidence if e.get("start") is not None]
        position = min(starts, default=None)
        backend.execute(
            "INSERT INTO meeting_reports (id, doc_id, local_id, idx, name, aliases, city, country,"
            " start_date, end_date, status, round, hosts, sponsors, process, evidence, extra,"
            " place, lo, hi, published, position) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rid,
                doc_id,
                meeting.get("id"),
                i,
                meeting.get("name"),
                json.dumps(list(meeting.get("aliases") or [])),
                venue.get("city"),
                venue.get("country"),
                meeting.get("start"),
                meeting.get("end"),
                meeting.get("status"),
                meeting.get("round"),
                json.dumps(list(meeting.get("hosts") or [])),
                json.dumps(list(meeting.get("sponsors") or [])),
                meeting.get("process"),
                json.dumps(evidence),
                _meeting_extra(meeting),
                place,
                lo,
                hi,
                published,
                position,
            ),
        )
        backend.executemany(
            "INSERT INTO meeting_history (report_id, idx, doc_id, status, start_date, ev_start,"
            " ev_end, ev_text, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    rid,
                    j,
                    doc_id,
                    h.get("status"),
                    h.get("start"),
                    *rows.ev_cols(h.get("evidence")),
                    rows.extra(h, rows.HISTORY_KEYS),
                )
                for j, h in enumerate(history)
            ],
        )
    return reports


def _meeting_extra(meeting: dict[str, Any]) -> str | None:
    venue = meeting.get("venue") or {}
    rest = {k: v for k, v in meeting.items() if k not in rows.MEETING_KEYS}
    venue_rest = {k: v for k, v in venue.items() if k not in ("city", "country")}
    if venue_rest:
        rest["venue"] = venue_rest
    return json.dumps(rest, sort_keys=True) if rest else None
