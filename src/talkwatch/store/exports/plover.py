"""Events as PLOVER/POLECAT JSON records, one per statement, checked against ``data/plover.schema.json``."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ...errors import SchemaError
from ...extract.events import codes
from ...lexicon import data_path
from .events import NON_STATE, event_id, event_key, normalize_events, output


def _plover_actor(code: str | None, name: str | None, actor_id: str | None) -> dict[str, Any]:
    code = (code or "").upper()
    first = code[:3]
    out: dict[str, Any] = {"actorText": name or "", "code": first}
    sector = code[6:9] if first in NON_STATE else code[3:6]
    if first in NON_STATE and code[3:6]:
        out["group"] = code[3:6]
    if sector:
        out["sector"] = sector
    if actor_id:
        out["id"] = actor_id
    return out


def to_plover(
    data: Any, actors: dict[str, Any] | None = None, documents: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """PLOVER JSON records, one per statement (validated by ``data/plover.schema.json``)."""
    for e in normalize_events(data, actors, documents):
        row = codes.lookup(e["cameo"])
        plover = codes.modern_type(e.get("plover")) or row.plover
        if plover is None:
            continue
        ev = e.get("evidence") or {}
        key = (*event_key(e), str(e.get("document") or ""), str(ev.get("start", "")))
        rec: dict[str, Any] = {
            "id": f"talkwatch-{event_id(key):x}",
            "date": e.get("date") or e.get("published") or "",
            "source": [_plover_actor(e.get("source_code"), e.get("source_name"), e.get("source"))]
            if e.get("source_code") or e.get("source_name")
            else [],
            "target": [_plover_actor(e.get("target_code"), e.get("target_name"), e.get("target"))]
            if e.get("target_code") or e.get("target_name")
            else [],
            "event": plover,
            "mode": e.get("mode") or "",
            "context": e.get("context") or row.context or "",
            "text": ev.get("text", "") if isinstance(ev, dict) else "",
            "cameo": row.code,
            "goldstein": e.get("goldstein") if e.get("goldstein") is not None else row.goldstein,
            "quadClass": row.quad_class,
            "language": "en",
            "coder": "talkwatch",
        }
        if e.get("location"):
            rec["eventLoc"] = {"placeName": e["location"]}
        for key_out, key_in in (
            ("document", "document"),
            ("url", "url"),
            ("publicationDate", "published"),
            ("publication", "outlet"),
            ("fact", "fact"),
        ):
            if e.get(key_in):
                rec[key_out] = e[key_in]
        if isinstance(ev, dict) and "start" in ev:
            rec["textInfo"] = {"start": ev["start"], "end": ev.get("end")}
        yield rec


def write_plover(
    path_or_file: str | Path | IO[str],
    data: Any,
    actors: dict[str, Any] | None = None,
    documents: dict[str, Any] | None = None,
) -> int:
    """Write PLOVER records as JSON lines; returns the count."""
    with output(path_or_file) as fh:
        n = 0
        for rec in to_plover(data, actors, documents):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
        return n


@functools.cache
def plover_schema() -> dict[str, Any]:
    """The PLOVER JSON Schema shipped in ``data/``."""
    with data_path("plover.schema.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def validate_plover(record: dict[str, Any]) -> None:
    """Raise ``SchemaError`` (one line) when a record breaks the PLOVER schema."""
    import jsonschema

    try:
        jsonschema.validate(record, plover_schema())
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "record"
        raise SchemaError(f"PLOVER record invalid at {where}: {exc.message}") from None
