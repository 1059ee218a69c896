"""Write digests: one transaction per batch, each article once (by content hash).

A batch is all-or-nothing, so a crash loses at most the batch in flight and
never leaves half an article's facts; documents already stored are skipped,
so re-running an ingest completes it and a second run adds nothing. After the
raw facts, the articles' corrections are replayed on them (``corrections``)
and the merged view (actor names, meeting clusters) is refreshed for what the
batch touched, in the same transaction.

Rows are gathered for the whole batch and written table by table (one
``executemany`` each), which a client-server database needs to be fast.
Several writers may share a PostgreSQL record: each takes its row locks in
one global order (documents by id, actors by key, then places in ``merge``),
so they wait for each other but never deadlock, and an article another
writer stored meanwhile is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from ..errors import SchemaError
from ..model import DIGEST_LISTS
from . import corrections, keys, merge, pages, rows, rules


@dataclass(frozen=True)
class Saved:
    """What one batch wrote."""

    added: int
    skipped: int
    facts: int
    replaced: int = 0  # of ``added``: stored articles re-extracted on a newer rule set


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
    """A digest to store, with the article body (for full-text search) and its file.

    ``rules`` names the rule set per fact kind when the caller knows it (the pipeline it
    ran), else the digest's facts tell; ``replace`` re-stores an article already stored
    (re-extracted on newer rules) in place of its old facts.
    """

    digest: dict[str, Any]
    body: str | None = None
    path: str | None = None
    rules: dict[str, str] | None = None
    replace: bool = False


def save_batch(backend: Any, items: Iterable[Item]) -> Saved:
    """Store digests in one transaction; documents already stored are skipped."""
    batch = list(items)
    for item in batch:
        _check(item.digest)
    return backend.retrying(lambda: _save(backend, batch))


def _save(backend: Any, batch: list[Item]) -> Saved:
    with backend.transaction():
        seen = known_ids(backend, [item.digest["document"]["id"] for item in batch])
        new: dict[str, Item] = {}
        for item in batch:
            doc_id = item.digest["document"]["id"]
            if (doc_id not in seen or item.replace) and doc_id not in new:
                new[doc_id] = item
        gone = rules.forget(backend, sorted(seen & {i for i in new if new[i].replace}))
        inserted = [(new[i], _write_document(backend, new[i])) for i in sorted(new)]
        fresh = [item for item, cur in inserted if cur.fetchall()]
        touched = _Touched()
        local = _write_actors(backend, fresh, touched)
        out = _Rows()
        facts = sum(_rows(item, local[item.digest["document"]["id"]], touched, out) for item in fresh)
        out.write(backend)
        corrections.reapply(backend, [item.digest["document"]["id"] for item in fresh])
        for place, days in gone.places.items():
            touched.places.setdefault(place, []).extend(days)
        merge.refresh(backend, places=touched.places, actors=touched.actors | gone.actors)
        merge.rewrite(backend, gone.meetings)
        pages.flush(backend, touched.actors | gone.actors)  # what pages of what changed need
    replaced = sum(1 for item, _ in inserted if item.digest["document"]["id"] in seen)
    return Saved(added=len(fresh), skipped=len(batch) - len(fresh), facts=facts, replaced=replaced)


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


def _insert(table: str, cols: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


DOC_ACTOR_COLS = (
    "doc_id",
    "local_id",
    "actor_id",
    "name",
    "type",
    "country",
    "affiliation",
    "title",
    "aliases",
    "cameo",
    "mentions",
    "gkey",
    "extra",
    "ord",
)
REPORT_COLS = (
    "id",
    "doc_id",
    "local_id",
    "idx",
    "name",
    "aliases",
    "city",
    "country",
    "start_date",
    "end_date",
    "status",
    "round",
    "hosts",
    "sponsors",
    "process",
    "evidence",
    "extra",
    "place",
    "lo",
    "hi",
    "published",
    "position",
    "extractor",
)
HISTORY_COLS = (
    "report_id",
    "idx",
    "doc_id",
    "status",
    "start_date",
    "ev_start",
    "ev_end",
    "ev_text",
    "extra",
)
# Insert order: rows before the rows that refer to them.
TABLES = {
    "doc_actors": _insert("doc_actors", DOC_ACTOR_COLS),
    "meeting_reports": _insert("meeting_reports", REPORT_COLS),
    "meeting_history": _insert("meeting_history", HISTORY_COLS),
    **{kind: _insert(kind, ["doc_id", "idx", *rows.columns(kind)]) for kind in rows.FACTS},
}


class _Rows:
    """The batch's rows per table, written table by table."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Sequence[Any]]] = {t: [] for t in TABLES}

    def write(self, backend: Any) -> None:
        for table, sql in TABLES.items():
            if self.rows[table]:
                backend.executemany(sql, self.rows[table])


def _write_document(backend: Any, item: Item) -> Any:
    """Insert the article's row; the cursor returns no row when another writer stored it first.

    (``RETURNING`` rather than ``rowcount``: PostgreSQL's pipeline sends every insert of
    the batch before the first answer is read.)
    """
    digest = item.digest
    doc = digest["document"]
    return backend.execute(
        "INSERT INTO documents (id, title, source, url, published, language, path, body, schema,"
        " extra, ingested_at, rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING RETURNING id",
        (
            doc["id"],
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
            rules.of_digest(digest, item.rules),
        ),
    )


def _rows(item: Item, local: dict[str, str], touched: _Touched, out: _Rows) -> int:
    """One digest's rows (its document and record actors are written); return its fact count."""
    digest = item.digest
    doc = digest["document"]
    doc_id = doc["id"]
    published = (doc.get("published") or None) and str(doc["published"])[:10]
    out.rows["doc_actors"] += _doc_actor_rows(doc_id, digest.get("actors") or [])
    reports = _meeting_rows(doc_id, published, digest.get("meetings") or [], touched, out)
    n = len(local) + len(reports)
    for kind in rows.FACTS:
        items = digest.get(kind) or []
        out.rows[kind] += [
            [doc_id, i, *rows.to_row(kind, item, local.get, reports.get)] for i, item in enumerate(items)
        ]
        n += len(items)
    return n


def _doc_extra(digest: dict[str, Any]) -> str | None:
    top = rows.extra(digest, {"schema", "document", *DIGEST_LISTS})
    docx = rows.extra(digest["document"], rows.DOCUMENT_KEYS)
    if not top and not docx:
        return None
    return json.dumps({"digest": rows.loads(top), "document": rows.loads(docx)}, sort_keys=True)


ACTOR_UPSERT = (
    "INSERT INTO actors (id, akey, name, type, country, cameo) VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (akey) DO UPDATE SET"
    " type = CASE WHEN actors.type IS NULL OR excluded.type < actors.type"
    "   THEN COALESCE(excluded.type, actors.type) ELSE actors.type END,"
    " country = CASE WHEN actors.country IS NULL OR excluded.country < actors.country"
    "   THEN COALESCE(excluded.country, actors.country) ELSE actors.country END,"
    " cameo = CASE WHEN actors.cameo IS NULL OR excluded.cameo < actors.cameo"
    "   THEN COALESCE(excluded.cameo, actors.cameo) ELSE actors.cameo END"
)
NAME_UPSERT = (
    "INSERT INTO actor_names (actor_id, name, lname, n_name, n_alias) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (actor_id, name) DO UPDATE SET"
    " n_name = actor_names.n_name + excluded.n_name,"
    " n_alias = actor_names.n_alias + excluded.n_alias"
)


def _write_actors(backend: Any, items: list[Item], touched: _Touched) -> dict[str, dict[str, str]]:
    """Upsert the batch's record actors in key order, then count their names.

    Returns, per document, its local actor ids -> record actor ids. Merging
    (smallest type, summed name counts) does not depend on order, so sorting
    only fixes the order in which concurrent writers lock rows.
    """
    local: dict[str, dict[str, str]] = {}
    seen: list[tuple[str, str, int, dict[str, Any]]] = []
    for item in items:
        doc_id = item.digest["document"]["id"]
        mapping = local.setdefault(doc_id, {})
        for n, actor in enumerate(item.digest.get("actors") or []):
            akey = keys.actor_key(actor)
            mapping[actor.get("id")] = keys.actor_id(akey)
            seen.append((akey, doc_id, n, actor))
    seen.sort(key=lambda s: s[:3])
    upserts, names = [], []
    for akey, _doc, _n, actor in seen:
        aid = keys.actor_id(akey)
        touched.actors.add(aid)
        name = actor.get("name")
        upserts.append((aid, akey, name or "", actor.get("type"), actor.get("country"), actor.get("cameo")))
        for alias in sorted({name or ""} | set(actor.get("aliases") or ())):
            if alias:
                names.append((aid, alias, keys.norm(alias), int(alias == name), int(alias != name)))
    backend.executemany(ACTOR_UPSERT, upserts)
    backend.executemany(NAME_UPSERT, names)
    return local


def _doc_actor_rows(doc_id: str, actors: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The article's own actor rows, in digest order (``ord``)."""
    return [
        (
            doc_id,
            actor.get("id"),
            keys.actor_id(keys.actor_key(actor)),
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
            n,
        )
        for n, actor in enumerate(actors)
    ]


def _meeting_rows(
    doc_id: str,
    published: str | None,
    meetings: list[dict[str, Any]],
    touched: _Touched,
    out: _Rows,
) -> dict[str, str]:
    """Each reported meeting and its history; merging happens in ``merge``."""
    reports: dict[str, str] = {}
    for i, meeting in enumerate(meetings):
        rid = f"{doc_id}:{meeting.get('id', i)}"
        reports[meeting.get("id")] = rid
        lo, hi = merge.report_span(meeting)
        place = keys.meeting_place(meeting, doc_id, dated=lo is not None)
        venue = meeting.get("venue") or {}
        touched.place(place, lo, hi, published)
        evidence = meeting.get("evidence") or []
        starts = [e["start"] for e in evidence if e.get("start") is not None]
        out.rows["meeting_reports"].append(
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
                min(starts, default=None),
                meeting.get("extractor"),
            )
        )
        out.rows["meeting_history"] += [
            (
                rid,
                j,
                doc_id,
                h.get("status"),
                h.get("start"),
                *rows.ev_cols(h.get("evidence")),
                rows.extra(h, rows.HISTORY_KEYS),
            )
            for j, h in enumerate(meeting.get("history") or [])
        ]
    return reports


def _meeting_extra(meeting: dict[str, Any]) -> str | None:
    venue = meeting.get("venue") or {}
    rest = {k: v for k, v in meeting.items() if k not in rows.MEETING_KEYS}
    venue_rest = {k: v for k, v in venue.items() if k not in ("city", "country")}
    if venue_rest:
        rest["venue"] = venue_rest
    return json.dumps(rest, sort_keys=True) if rest else None
