"""Questions the record answers: meetings, one meeting, one actor, text search, conflicts.

Every answer is plain dicts in the ``talkwatch.record/1`` shape (record-wide
actor and meeting ids, ``document`` and ``evidence`` on every fact), which the
CLI prints as tables, JSON or CSV and the web API serves as is.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import NotFound
from . import keys, members, mentions, merge, rows, summary

MEETING_COLS = (
    "id, name, process, city, country, round, start_date, end_date, status, n_parties, n_documents, aliases"
)


def meeting_row(m: dict[str, Any]) -> dict[str, Any]:
    """A ``meetings`` table row in record shape."""
    return {
        "id": m["id"],
        "name": m["name"],
        "aliases": rows.loads(m["aliases"]) or [],
        "venue": {"city": m["city"], "country": m["country"]},
        "process": m["process"],
        "round": m["round"],
        "start": m["start_date"],
        "end": m["end_date"],
        "status": m["status"],
        "parties": m["n_parties"],
        "n_documents": m["n_documents"],
    }


def process_filter(process: str | None) -> tuple[str, list[Any]]:
    """WHERE clause for meetings of one process or venue town (by name); each term reads an
    index (``meetings_place``, and ``meetings_lprocess``, ``meetings_lcity`` of 0016)."""
    if not process:
        return "", []
    return (
        " WHERE place = ? OR lower(process) = lower(?) OR lower(city) = lower(?)",
        ["p:" + keys.norm(process), process, process],
    )


def meetings(
    backend: Any, *, process: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Every merged meeting (optionally of one process or venue), by start date."""
    where, params = process_filter(process)
    sql = f"SELECT {MEETING_COLS} FROM meetings{where}"
    sql += " ORDER BY CASE WHEN start_date IS NULL THEN 1 ELSE 0 END, start_date, id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return [meeting_row(m) for m in backend.query(sql, params)]


def find_meeting(backend: Any, id_or_name: str) -> dict[str, Any]:
    """A meeting by id, exact name or alias, else by a name containing the words."""
    found = backend.query(f"SELECT {MEETING_COLS} FROM meetings WHERE id = ?", (id_or_name,))
    lname = keys.norm(id_or_name)
    if not found and lname:
        found = backend.query(
            f"SELECT {MEETING_COLS} FROM meetings WHERE lname = ? ORDER BY last_reported DESC, id",
            (lname,),
        )
    if not found and lname:
        like = "%" + "%".join(lname.split()) + "%"
        found = backend.query(
            f"SELECT {MEETING_COLS} FROM meetings WHERE lname LIKE ?"
            " OR lower(aliases) LIKE ? ORDER BY last_reported DESC, id LIMIT 50",
            (like, like),
        )
    if not found:
        raise NotFound(f"no meeting matches {id_or_name!r}; see `talkwatch meetings`")
    return found[0] | {"others": [m["id"] for m in found[1:]]}


def meeting_record(backend: Any, m: dict[str, Any]) -> dict[str, Any]:
    """A meeting row with its documents, status history and participants (record shape)."""
    reports = backend.query("SELECT * FROM meeting_reports WHERE meeting_id = ? ORDER BY id", (m["id"],))
    ids = [r["id"] for r in reports]
    history = merge._in(backend, "SELECT * FROM meeting_history WHERE report_id IN ({ids})", ids)
    merged = summary.summarize(reports, history)
    events = merged["history"]
    found = merge._in(backend, merge.PARTICIPATION_SQL, ids)
    found = merge.with_members(found, merge._in(backend, members.MEMBER_SQL, ids))
    parts = summary.participants(found, events[-1] if events else None, merged["start"])
    row = {k: v for k, v in meeting_row(m).items() if k not in ("parties", "n_documents")}
    return row | {
        "documents": merged["documents"],
        "history": [{k: v for k, v in s.items() if k != "_order"} for s in events],
        "participants": parts,
    }


def meeting(backend: Any, id_or_name: str) -> dict[str, Any]:
    """One meeting in full: history, participants, delegations, positions, agreements, quotes."""
    m = find_meeting(backend, id_or_name)
    out = meeting_record(backend, m)
    ids = [r["id"] for r in backend.query("SELECT id FROM meeting_reports WHERE meeting_id = ?", (m["id"],))]
    docs = out["documents"]
    names = actor_names(backend, [p["actor"] for p in out["participants"]])
    for p in out["participants"]:
        p["name"] = names.get(p["actor"], p["actor"])
        p["evidence_count"] = len(p["history"])
    out |= {
        "parties": m["n_parties"],
        "delegations": facts(backend, "delegations", "report_id IN ({ids})", ids),
        "positions": facts(backend, "positions", "doc_id IN ({ids})", docs),
        "agreements": facts(backend, "agreements", "doc_id IN ({ids})", docs),
        "quotes": facts(backend, "quotes", "doc_id IN ({ids})", docs),
        "conflicts": conflicts(backend, meeting_id=m["id"]),
        "others": m["others"],
        "mentions": mentions.of_meeting(backend, m["id"]),
    }
    _name_actors(backend, out)
    return out


def actor_names(backend: Any, actor_ids: list[str]) -> dict[str, str]:
    rows_ = merge._in(backend, "SELECT id, name FROM actors WHERE id IN ({ids})", sorted(set(actor_ids)))
    return {r["id"]: r["name"] for r in rows_}


def _name_actors(backend: Any, out: dict[str, Any]) -> None:
    """Add ``*_name`` next to record actor ids so that tables read without lookups."""
    refs = {kind: rows.actor_keys(kind) for kind in rows.FACTS if kind in out}
    wanted = [f[k] for kind, ks in refs.items() for f in out.get(kind, []) for k in ks if f.get(k)]
    names = actor_names(backend, wanted)
    for kind, ks in refs.items():
        for f in out.get(kind, []):
            for k in ks:
                f[f"{k}_name"] = names.get(f.get(k)) if f.get(k) else None


def facts(backend: Any, kind: str, where: str, ids: list[str]) -> list[dict[str, Any]]:
    """Fact rows of one kind in record shape (record ids, ``document``, ``published``)."""
    sql = (
        f"SELECT t.*, d.published, d.url, r.meeting_id FROM {kind} t"
        " JOIN documents d ON d.id = t.doc_id"
        f" LEFT JOIN meeting_reports r ON r.id = {'t.report_id' if _has_meeting(kind) else 'NULL'}"
        f" WHERE t.{where}"
    )
    found = merge._in(backend, sql, ids)
    return to_record(
        backend, kind, sorted(found, key=lambda f: (f["published"] or "", f["doc_id"], f["idx"]))
    )


def _has_meeting(kind: str) -> bool:
    return any(f.kind == "meeting" for f in rows.FACTS[kind])


ACTOR_LISTS = ("members", "parties", "brokers")  # JSON lists of article-local actor ids


def to_record(backend: Any, kind: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored facts -> record shape, mapping article-local actor ids to record ids."""
    lists = any(fld.kind == "json" and fld.key in ACTOR_LISTS for fld in rows.FACTS[kind])
    # article-local actor ids in lists are mapped to record ids; kinds without such lists
    # (quotes, positions) need no map (at 100,000 articles the map was most of an actor's answer)
    local = _local_actor_map(backend, sorted({f["doc_id"] for f in found})) if lists else {}
    out = []
    for f in found:
        item = rows.from_row(kind, f)
        for fld in rows.FACTS[kind]:
            if fld.kind == "actor":
                item[fld.key] = f[f"{fld.key}_id"]
            elif fld.kind == "meeting":
                item[fld.key] = f.get("meeting_id")
            elif fld.kind == "json" and fld.key in ACTOR_LISTS:
                item[fld.key] = [local.get((f["doc_id"], a), a) for a in item[fld.key]]
        out.append(
            {
                "id": f"{kind[0]}{f['doc_id'][:12]}.{f['idx']}",
                "document": f["doc_id"],
                "published": f["published"],
                **item,
            }
        )
    return out


def _local_actor_map(backend: Any, doc_ids: list[str]) -> dict[tuple[str, str], str]:
    found = merge._in(
        backend,
        "SELECT doc_id, local_id, actor_id FROM doc_actors WHERE doc_id IN ({ids})",
        doc_ids,
    )
    return {(r["doc_id"], r["local_id"]): r["actor_id"] for r in found}


def find_actor(backend: Any, name: str) -> dict[str, Any]:
    """An actor by id, else by a name or alias (the most often named one)."""
    found = backend.query("SELECT * FROM actors WHERE id = ?", (name,))
    if not found:
        found = backend.query(
            "SELECT a.*, SUM(n.n_name + n.n_alias) AS n FROM actor_names n"
            " JOIN actors a ON a.id = n.actor_id WHERE n.lname = ? GROUP BY a.id, a.akey, a.name,"
            " a.type, a.country, a.cameo ORDER BY n DESC, a.id LIMIT 1",
            (keys.norm(name),),
        )
    if not found:
        raise NotFound(f"no actor named {name!r} in the record")
    return found[0]


def actor_aliases(backend: Any, actor: dict[str, Any]) -> list[str]:
    names = backend.query("SELECT name FROM actor_names WHERE actor_id = ? ORDER BY name", (actor["id"],))
    return [n["name"] for n in names if n["name"] != actor["name"]]


def _memberships(backend: Any, actor_id: str) -> list[dict[str, Any]]:
    """The statements derived for an actor from the delegations it is a member of (``members``)."""
    found = [r for r in backend.query(members.MEMBER_OF, (actor_id,)) if r["meeting_id"]]
    if not found:
        return []
    said = merge._in(backend, merge.PARTICIPATION_SQL, sorted({r["report_id"] for r in found}))
    meeting_of = {r["report_id"]: r["meeting_id"] for r in found}
    return [row | {"meeting_id": meeting_of[row["report_id"]]} for row in members.rows(found, said)]


def actor(backend: Any, name: str) -> dict[str, Any]:
    """One actor: its meetings (latest status and role), positions and quotes over time."""
    a = find_actor(backend, name)
    parts = backend.query(
        "SELECT p.doc_id, p.idx, p.actor_id, p.actor_local, p.status, p.role, p.hedged,"
        " p.ev_start, p.ev_end, p.ev_text, p.report_id, d.published, r.meeting_id"
        " FROM participations p JOIN documents d ON d.id = p.doc_id"
        " JOIN meeting_reports r ON r.id = p.report_id WHERE p.actor_id = ?",
        (a["id"],),
    )
    by_meeting: dict[str, list[dict[str, Any]]] = {}
    for p in [*parts, *_memberships(backend, a["id"])]:
        by_meeting.setdefault(p["meeting_id"], []).append(p)
    found = merge._in(
        backend, f"SELECT {MEETING_COLS} FROM meetings WHERE id IN ({{ids}})", sorted(by_meeting)
    )
    meetings_ = []
    for m in sorted(found, key=lambda m: (m["start_date"] or "", m["id"])):
        (p,) = summary.participants(by_meeting[m["id"]])
        meetings_.append(
            meeting_row(m) | {"participation": {k: p[k] for k in ("status", "role")}, "history": p["history"]}
        )
    return {
        "id": a["id"],
        "name": a["name"],
        "type": a["type"],
        "country": a["country"],
        "cameo": a["cameo"],
        "aliases": actor_aliases(backend, a),
        "meetings": meetings_,
        "positions": facts(backend, "positions", "actor_id IN ({ids})", [a["id"]]),
        "quotes": facts(backend, "quotes", "speaker_id IN ({ids})", [a["id"]]),
    }


Hits = tuple[list[dict[str, Any]], list[dict[str, Any]]]  # (documents, quotes)


def _words(text: str) -> list[str]:
    words = re.findall(r"\w+", text)
    if not words:
        raise NotFound("search needs at least one word")
    return words


def _fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms (all must occur)."""
    return " ".join(f'"{w}"' for w in _words(text))


def _search_sqlite(backend: Any, text: str, limit: int) -> Hits:
    q = _fts_query(text)
    docs = backend.query(
        "SELECT d.id, d.title, d.url, d.published,"
        " snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
        " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
        " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
        (q, limit),
    )
    quotes = backend.query(
        "SELECT q.doc_id, q.idx, q.text, q.speaker_id, q.speaker_text, d.published"
        " FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
        " JOIN documents d ON d.id = q.doc_id"
        " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
        (q, limit),
    )
    return docs, quotes


PG_HEADLINE = (
    "StartSel=[, StopSel=], MaxWords=12, MinWords=4, ShortWord=0, MaxFragments=1, FragmentDelimiter=…"
)


def _search_postgres(backend: Any, text: str, limit: int) -> Hits:
    """tsvector side tables (``0002_fulltext``), all words required, ranked by ``ts_rank``."""
    from .migrations import FTS_CONFIG

    words = " ".join(_words(text))
    tsq = f"plainto_tsquery('{FTS_CONFIG}', ?)"
    docs = backend.query(
        f"SELECT d.id, d.title, d.url, d.published,"
        f" ts_headline('{FTS_CONFIG}', coalesce(d.body, ''), {tsq}, '{PG_HEADLINE}') AS snippet"
        f" FROM (SELECT f.id, ts_rank(f.tsv, {tsq}) AS score FROM documents_fts f"
        f"  WHERE f.tsv @@ {tsq} ORDER BY score DESC, f.id LIMIT ?) hit"
        " JOIN documents d ON d.id = hit.id ORDER BY hit.score DESC, hit.id",
        (words, words, words, limit),
    )
    quotes = backend.query(
        "SELECT q.doc_id, q.idx, q.text, q.speaker_id, q.speaker_text, d.published"
        f" FROM (SELECT f.doc_id, f.idx, ts_rank(f.tsv, {tsq}) AS score FROM quotes_fts f"
        f"  WHERE f.tsv @@ {tsq} ORDER BY score DESC, f.doc_id, f.idx LIMIT ?) hit"
        " JOIN quotes q ON q.doc_id = hit.doc_id AND q.idx = hit.idx"
        " JOIN documents d ON d.id = q.doc_id ORDER BY hit.score DESC, hit.doc_id, hit.idx",
        (words, words, limit),
    )
    return docs, quotes


def search(backend: Any, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Articles and quotes matching the words, best first."""
    run = _search_postgres if backend.dialect == "postgres" else _search_sqlite
    docs, quotes = run(backend, text, limit)
    names = actor_names(backend, [r["speaker_id"] for r in quotes if r["speaker_id"]])
    return [
        *(
            {
                "kind": "document",
                "document": r["id"],
                "title": r["title"],
                "url": r["url"],
                "published": r["published"],
                "text": r["snippet"],
            }
            for r in docs
        ),
        *(
            {
                "kind": "quote",
                "document": r["doc_id"],
                "title": None,
                "url": None,
                "published": r["published"],
                "text": r["text"],
                "speaker": r["speaker_id"],
                "speaker_name": names.get(r["speaker_id"], r["speaker_text"]),
            }
            for r in quotes
        ),
    ]


def conflicts(backend: Any, *, meeting_id: str | None = None) -> list[dict[str, Any]]:
    """Differing start dates or statuses (of the meeting or a participant) reported the same day."""
    sql = (
        "SELECT c.meeting_id, m.name, c.field, c.reported, c.vals FROM conflicts c"
        " JOIN meetings m ON m.id = c.meeting_id"
    )
    params: tuple[Any, ...] = ()
    if meeting_id:
        sql, params = sql + " WHERE c.meeting_id = ?", (meeting_id,)
    found = backend.query(sql + " ORDER BY c.reported, c.meeting_id, c.field", params)
    return [
        {
            "meeting": c["meeting_id"],
            "name": c["name"],
            "field": c["field"],
            **({"actor": c["field"].partition(":")[2]} if c["field"].startswith("participant:") else {}),
            "reported": c["reported"],
            "values": json.loads(c["vals"]),
        }
        for c in found
    ]
