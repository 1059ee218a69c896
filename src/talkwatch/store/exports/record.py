"""The whole record out: ``talkwatch.record/1`` JSON, JSON Lines, CSV tables, Parquet.

Rows stream table by table in a fixed order (ids sorted), so two databases
with the same content export byte-identical files and the same ``checksum``.
Also rebuilds one article's digest from its rows (the round trip the tests
check).
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ...errors import TalkwatchError
from ...model import FACT_KINDS, singular
from .. import merge, queries, rows

SCHEMA = "talkwatch.record/1"
# The lists of a record, in export order: the articles, the actors, the facts, the conflicts.
KINDS = ("document", "actor", *(singular(kind) for kind in FACT_KINDS), "conflict")
_PLURAL = {k: k + "s" for k in KINDS}
_PAGE = 2000


def _paged(backend: Any, sql: str) -> Iterator[dict[str, Any]]:
    """Rows of ``sql`` (a SELECT with an ``id`` column, no WHERE) in id order, page by page."""
    last = ""
    while True:
        page = backend.query(f"{sql} WHERE id > ? ORDER BY id LIMIT {_PAGE}", (last,))
        yield from page
        if len(page) < _PAGE:
            return
        last = page[-1]["id"]


def documents(backend: Any) -> Iterator[dict[str, Any]]:
    yield from _paged(backend, "SELECT id, title, source, url, published, language FROM documents")


def actors(backend: Any) -> Iterator[dict[str, Any]]:
    last = ""
    while True:
        page = backend.query(
            f"SELECT id, name, type, country, cameo FROM actors WHERE id > ? ORDER BY id LIMIT {_PAGE}",
            (last,),
        )
        names: dict[str, list[str]] = {}
        for r in merge._in(
            backend,
            "SELECT actor_id, name FROM actor_names WHERE actor_id IN ({ids}) ORDER BY actor_id, name",
            [a["id"] for a in page],
        ):
            names.setdefault(r["actor_id"], []).append(r["name"])
        for a in page:
            yield {
                "id": a["id"],
                "name": a["name"],
                "type": a["type"],
                "country": a["country"],
                "aliases": [n for n in names.get(a["id"], []) if n != a["name"]],
                "cameo": a["cameo"],
            }
        if len(page) < _PAGE:
            return
        last = page[-1]["id"]


def meetings(backend: Any) -> Iterator[dict[str, Any]]:
    """Merged meetings with status history and participants."""
    for m in _paged(backend, f"SELECT {queries.MEETING_COLS} FROM meetings"):
        yield queries.meeting_record(backend, m)


def facts(backend: Any, kind: str) -> Iterator[dict[str, Any]]:
    """Fact rows of one table in record shape, by document."""
    doc_ids: list[str] = []
    for d in _paged(backend, "SELECT id FROM documents"):
        doc_ids.append(d["id"])
        if len(doc_ids) == 500:
            yield from queries.facts(backend, kind, "doc_id IN ({ids})", doc_ids)
            doc_ids = []
    if doc_ids:
        yield from queries.facts(backend, kind, "doc_id IN ({ids})", doc_ids)


def conflicts(backend: Any) -> Iterator[dict[str, Any]]:
    yield from ({k: v for k, v in c.items() if k != "name"} for c in queries.conflicts(backend))


def rows_of(backend: Any, kind: str) -> Iterator[dict[str, Any]]:
    """Every row of one record kind, in a stable order."""
    if kind == "document":
        return documents(backend)
    if kind == "actor":
        return actors(backend)
    if kind == "meeting":
        return meetings(backend)
    if kind == "conflict":
        return conflicts(backend)
    return facts(backend, _PLURAL[kind])


def jsonl(backend: Any) -> Iterator[dict[str, Any]]:
    """The record as JSON Lines rows, each with ``kind``."""
    for kind in KINDS:
        for row in rows_of(backend, kind):
            yield {"kind": kind, **row}


def record(backend: Any) -> dict[str, Any]:
    """The whole record as one ``talkwatch.record/1`` dict."""
    return {"schema": SCHEMA, **{_PLURAL[k]: list(rows_of(backend, k)) for k in KINDS}}


def write_json(backend: Any, out: TextIO) -> None:
    json.dump(record(backend), out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_jsonl(backend: Any, out: TextIO) -> int:
    n = 0
    for row in jsonl(backend):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def checksum(backend: Any) -> str:
    """sha256 of the exported record: equal for databases with equal content."""
    h = hashlib.sha256()
    for row in jsonl(backend):
        h.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n")
    return h.hexdigest()


# --- flat tables: CSV and Parquet -------------------------------------------------------

GDELT = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Id",
    "Actor1Name",
    "Actor1Code",
    "Actor2Id",
    "Actor2Name",
    "Actor2Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "PLOVER",
    "Mode",
    "Context",
    "ActionGeo_FullName",
    "SOURCEURL",
    "DocumentId",
    "EvidenceStart",
    "EvidenceEnd",
    "Sentence",
)


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Nested values as columns: evidence -> start/end/sentence, lists -> JSON text."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if k == "evidence" and isinstance(v, dict):
            out |= {
                "evidence_start": v.get("start"),
                "evidence_end": v.get("end"),
                "sentence": v.get("text"),
            }
        elif k == "venue" and isinstance(v, dict):
            out |= {"city": v.get("city"), "country": v.get("country")}
        elif isinstance(v, list | dict):
            out[k] = json.dumps(v, ensure_ascii=False)
        else:
            out[k] = v
    return out


def _history_rows(backend: Any) -> Iterator[dict[str, Any]]:
    for m in meetings(backend):
        for n, h in enumerate(m["history"]):
            yield _flat({"meeting": m["id"], "n": n, **h})


def _participation_rows(backend: Any) -> Iterator[dict[str, Any]]:
    for m in meetings(backend):
        for p in m["participants"]:
            for n, h in enumerate(p["history"]):
                yield _flat({"meeting": m["id"], "actor": p["actor"], "n": n, **h})


def _event_rows(backend: Any, urls: dict[str, str | None]) -> Iterator[dict[str, Any]]:
    names: dict[str, str] = {}
    for e in facts(backend, "events"):
        ids = [x for x in (e["source"], e["target"]) if x and x not in names]
        names |= queries.actor_names(backend, ids)
        code = e.get("cameo") or ""
        ev = e.get("evidence") or {}
        yield dict(
            zip(
                GDELT,
                (
                    e["id"],
                    (e.get("date") or "").replace("-", "") or None,
                    e["source"],
                    names.get(e["source"] or ""),
                    e.get("source_code"),
                    e["target"],
                    names.get(e["target"] or ""),
                    e.get("target_code"),
                    code,
                    code[:3] or None,
                    code[:2] or None,
                    e.get("quad_class"),
                    e.get("goldstein"),
                    e.get("plover"),
                    e.get("mode"),
                    e.get("context"),
                    e.get("location"),
                    urls.get(e["document"]),
                    e["document"],
                    ev.get("start"),
                    ev.get("end"),
                    ev.get("text"),
                ),
                strict=True,
            )
        )


def tables(backend: Any) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """(name, rows) of every flat export table, with provenance columns."""
    urls = {d["id"]: d["url"] for d in documents(backend)}
    yield "documents", documents(backend)
    yield "actors", (_flat(a) for a in actors(backend))
    yield (
        "meetings",
        (
            _flat({k: v for k, v in m.items() if k not in ("history", "participants")})
            for m in meetings(backend)
        ),
    )
    yield "meeting_history", _history_rows(backend)
    for kind in FACT_KINDS:
        if kind == "participations":
            yield kind, _participation_rows(backend)
        elif kind == "events":
            yield kind, _event_rows(backend, urls)
        elif kind != "meetings":
            yield kind, (_flat(f | {"url": urls.get(f["document"])}) for f in facts(backend, kind))
    yield "conflicts", (_flat(c) for c in conflicts(backend))


def write_csv(backend: Any, out_dir: Path) -> list[Path]:
    """One CSV per table in ``out_dir``; events use GDELT-style column names."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables(backend):
        path = out_dir / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer: csv.DictWriter[str] | None = None
            for row in table:
                if writer is None:
                    writer = csv.DictWriter(fh, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow(row)
            if writer is None and name == "events":
                csv.writer(fh).writerow(GDELT)
        written.append(path)
    return written


def write_parquet(backend: Any, out_dir: Path) -> list[Path]:
    """One Parquet file per table, written by DuckDB (the ``parquet`` extra)."""
    try:
        import duckdb
    except ImportError:
        raise TalkwatchError("Parquet export needs DuckDB: pip install 'talkwatch[parquet]'") from None
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="talkwatch-export-"))
    written = []
    try:
        con = duckdb.connect()
        for name, table in tables(backend):
            src = tmp / f"{name}.jsonl"
            with src.open("w", encoding="utf-8") as fh:
                n = sum(1 for row in table if fh.write(json.dumps(row, ensure_ascii=False) + "\n"))
            if not n:
                continue
            path = out_dir / f"{name}.parquet"
            con.execute(
                f"COPY (SELECT * FROM read_json('{src}', format='newline_delimited'))"
                f" TO '{path}' (FORMAT parquet)"
            )
            written.append(path)
        con.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return written


# --- round trip ------------------------------------------------------------------------


def digest(backend: Any, doc_id: str) -> dict[str, Any]:
    """Rebuild the ``talkwatch.digest/1`` dict of one stored article."""
    (doc,) = backend.query("SELECT * FROM documents WHERE id = ?", (doc_id,)) or [None]
    if doc is None:
        raise queries.NotFound(f"no document {doc_id!r} in the record")
    extra = rows.loads(doc["extra"]) or {}
    out: dict[str, Any] = {
        "schema": doc["schema"],
        **(extra.get("digest") or {}),
        "document": {k: doc[k] for k in rows.DOCUMENT_KEYS} | (extra.get("document") or {}),
    }
    out["actors"] = [
        _actor(a) for a in backend.query("SELECT * FROM doc_actors WHERE doc_id = ? ORDER BY ord", (doc_id,))
    ]
    out["meetings"] = [
        _meeting(backend, m)
        for m in backend.query("SELECT * FROM meeting_reports WHERE doc_id = ? ORDER BY idx", (doc_id,))
    ]
    for kind in rows.FACTS:
        found = backend.query(f"SELECT * FROM {kind} WHERE doc_id = ? ORDER BY idx", (doc_id,))
        out[kind] = [rows.from_row(kind, r) for r in found]
    return out


def _actor(a: dict[str, Any]) -> dict[str, Any]:
    out = {
        "id": a["local_id"],
        "name": a["name"],
        "type": a["type"],
        "country": a["country"],
        "affiliation": a["affiliation"],
        "title": a["title"],
        "aliases": json.loads(a["aliases"]),
        "cameo": a["cameo"],
        "mentions": json.loads(a["mentions"]),
    }
    if a["gkey"] is not None:
        out["key"] = a["gkey"]
    return out | (rows.loads(a["extra"]) or {})


def _meeting(backend: Any, m: dict[str, Any]) -> dict[str, Any]:
    extra = rows.loads(m["extra"]) or {}
    venue = {"city": m["city"], "country": m["country"]} | extra.pop("venue", {})
    history = backend.query("SELECT * FROM meeting_history WHERE report_id = ? ORDER BY idx", (m["id"],))
    return {
        "id": m["local_id"],
        "name": m["name"],
        "aliases": json.loads(m["aliases"]),
        "venue": venue,
        "start": m["start_date"],
        "end": m["end_date"],
        "status": m["status"],
        "round": m["round"],
        "hosts": json.loads(m["hosts"]),
        "sponsors": json.loads(m["sponsors"]),
        "process": m["process"],
        "history": [
            {"status": h["status"], "start": h["start_date"], "evidence": rows.ev_dict(h)}
            | (rows.loads(h["extra"]) or {})
            for h in history
        ],
        "evidence": json.loads(m["evidence"]),
        **({"extractor": m["extractor"]} if m.get("extractor") is not None else {}),
    } | extra
