"""Digests as Parquet fact tables, and back.

One table per kind of fact (``actors``, ``meetings``, ``quotes`` ... as in the
digest) plus ``documents``. Every row carries its provenance (document id,
url, publication date, its position in the digest) and, where the fact has
one, its evidence as ``evidence_start``/``evidence_end``/``evidence_text``.
The typed columns come from the digest's JSON Schema, so every partition
writes the same schema and a dataset of thousands of files reads as one
table (DuckDB, pandas, Spark). A ``fact_json`` column keeps each fact's exact JSON:
the single writer rebuilds digests from it, so the merged record cannot drift
from what extraction produced.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from typing import Any

from ...lexicon import data_path
from ...store import keys

PROVENANCE = (("doc_id", "string"), ("url", "string"), ("published", "string"), ("idx", "int32"))
DOCUMENT_COLUMNS = (
    ("doc_id", "string"),
    ("url", "string"),
    ("published", "string"),
    ("title", "string"),
    ("source", "string"),
    ("language", "string"),
    ("path", "string"),
    ("partition", "string"),
    ("seq", "int32"),
    ("schema", "string"),
    ("body", "string"),
    ("document_extra", "string"),  # JSON: document keys beyond the standard ones
    ("digest_extra", "string"),  # JSON: top-level digest keys beyond the fact lists
)
DOCUMENT_KEYS = ("id", "title", "source", "url", "published", "language")
# Fields the extractors add beyond the schema's required ones, worth a typed column.
EXTRA: dict[str, tuple[tuple[str, str], ...]] = {
    "agreements": (("name", "string"),),
    "events": (
        ("mode", "string"),
        ("context", "string"),
        ("source_code", "string"),
        ("target_code", "string"),
        ("goldstein", "float64"),
        ("quad_class", "int64"),
        ("location", "string"),
        ("fact", "string"),
    ),
}
SKIP = frozenset({"warnings"})  # digest lists that are diagnostics, not facts
_MONTH = re.compile(r"^\d{4}-\d{2}")


@functools.cache
def kinds() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Fact kind -> its columns ``(column, digest key, type)`` from the digest schema.

    Types: ``string``/``int64``/``float64``/``bool`` (a plain field), ``json``
    (lists and objects, as JSON text), ``ev_start``/``ev_end``/``ev_text`` (evidence).
    """
    with data_path("digest.schema.json").open(encoding="utf-8") as fh:
        schema = json.load(fh)
    out: dict[str, tuple[tuple[str, str, str], ...]] = {}
    for kind, spec in schema["properties"].items():
        if spec.get("type") != "array" or kind in SKIP:
            continue
        cols: list[tuple[str, str, str]] = []
        for key, prop in (spec.get("items") or {}).get("properties", {}).items():
            if _is_evidence(prop):
                cols += [("evidence_start", key, "ev_start"), ("evidence_end", key, "ev_end")]
                cols += [("evidence_text", key, "ev_text")]
            else:
                cols.append((key, key, _type(prop)))
        known = {c for c, _, _ in cols}
        cols += [(key, key, t) for key, t in EXTRA.get(kind, ()) if key not in known]
        out[kind] = tuple(cols)
    return out


def _is_evidence(prop: dict[str, Any]) -> bool:
    options = prop.get("anyOf") or [prop]
    return any(set(o.get("properties") or {}) >= {"start", "end", "text"} for o in options)


def _type(prop: dict[str, Any]) -> str:
    """The column type of a schema property (nullable scalars keep their type)."""
    found: set[str] = set()
    for option in prop.get("anyOf") or [prop]:
        t = option.get("type")
        found |= set(t) if isinstance(t, list) else {t} if t else set()
        if "enum" in option:
            found |= {_json_type(v) for v in option["enum"]}
        if "const" in option:
            found.add(_json_type(option["const"]))
    found.discard("null")
    names = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}
    return names[found.pop()] if len(found) == 1 and next(iter(found)) in names else "json"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return "number" if isinstance(value, float) else "string"


def month(published: str | None) -> str:
    """The partition a document's facts go to: ``YYYY-MM`` of publication, else ``unknown``."""
    return published[:7] if published and _MONTH.match(published) else "unknown"


# --- digest -> rows ---------------------------------------------------------------------


def _scalar(value: Any, kind: str) -> Any:
    """A value fit for a typed column; a mismatch is left to ``fact_json``."""
    if value is None:
        return None
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    if kind == "string":
        return value if isinstance(value, str) else None
    if kind == "bool":
        return value if isinstance(value, bool) else None
    if kind == "int64":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind == "float64":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else None
    return None


def fact_row(kind: str, fact: dict[str, Any]) -> dict[str, Any]:
    """The typed columns of one fact (provenance is added by ``rows``)."""
    row: dict[str, Any] = {}
    for column, key, ctype in kinds()[kind]:
        value = fact.get(key)
        if ctype.startswith("ev_"):
            ev = value if isinstance(value, dict) else {}
            row[column] = _scalar(ev.get(ctype[3:]), "string" if ctype == "ev_text" else "int64")
        else:
            row[column] = _scalar(value, ctype)
    if kind == "actors":  # the record-wide actor id, to follow one actor across documents
        row["actor_id"] = keys.actor_id(keys.actor_key(fact))
    row["fact_json"] = json.dumps(fact, ensure_ascii=False)
    return row


def rows(
    digest: dict[str, Any], *, body: str | None, path: str | None, partition: str, seq: int
) -> dict[str, list[dict[str, Any]]]:
    """Table name -> rows of one digest."""
    doc = digest["document"]
    prov = {"doc_id": doc["id"], "url": doc.get("url"), "published": doc.get("published")}
    doc_extra = {k: v for k, v in doc.items() if k not in DOCUMENT_KEYS}
    top = {k: v for k, v in digest.items() if k not in kinds() and k not in ("schema", "document")}
    out: dict[str, list[dict[str, Any]]] = {
        "documents": [
            prov
            | {
                "title": doc.get("title"),
                "source": doc.get("source"),
                "language": doc.get("language"),
                "path": path,
                "partition": partition,
                "seq": seq,
                "schema": digest.get("schema"),
                "body": body,
                "document_extra": json.dumps(doc_extra, ensure_ascii=False) if doc_extra else None,
                "digest_extra": json.dumps(top, ensure_ascii=False) if top else None,
            }
        ]
    }
    for kind in kinds():
        out[kind] = [prov | {"idx": i} | fact_row(kind, f) for i, f in enumerate(digest.get(kind) or [])]
    return out


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a table: identical in every partition file."""
    import pyarrow as pa

    types = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float64": pa.float64(),
             "bool": pa.bool_(), "json": pa.string(), "ev_start": pa.int64(), "ev_end": pa.int64(),
             "ev_text": pa.string()}
    if table == "documents":
        return pa.schema([(name, types[t]) for name, t in DOCUMENT_COLUMNS])
    fields = [(name, types[t]) for name, t in PROVENANCE]
    fields += [(column, types[t]) for column, _, t in kinds()[table]]
    if table == "actors":
        fields.append(("actor_id", pa.string()))
    fields.append(("fact_json", pa.string()))
    return pa.schema(fields)


def to_arrow(table: str, records: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist(records, schema=arrow_schema(table))


# --- rows -> digest ---------------------------------------------------------------------


def digests(
    documents: Iterable[dict[str, Any]], facts: dict[str, Iterable[dict[str, Any]]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Rebuild ``(document row, digest)`` pairs, in document order, from table rows."""
    docs = sorted(documents, key=lambda d: d["seq"])
    by_doc: dict[str, dict[str, list[tuple[int, Any]]]] = {d["doc_id"]: {} for d in docs}
    for kind, found in facts.items():
        for r in found:
            if r["doc_id"] in by_doc:
                by_doc[r["doc_id"]].setdefault(kind, []).append((r["idx"], json.loads(r["fact_json"])))
    out = []
    for d in docs:
        document = {k: d["doc_id" if k == "id" else k] for k in DOCUMENT_KEYS}
        document |= json.loads(d["document_extra"]) if d.get("document_extra") else {}
        digest: dict[str, Any] = {"schema": d["schema"], "document": document}
        digest |= json.loads(d["digest_extra"]) if d.get("digest_extra") else {}
        found = by_doc[d["doc_id"]]
        for kind in kinds():
            digest[kind] = [f for _, f in sorted(found.get(kind, []), key=lambda x: x[0])]
        out.append((d, digest))
    return out
