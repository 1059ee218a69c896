"""Events in the shapes GDELT and PLOVER/POLECAT users load.

Signatures (all take plain data, so the store's ``talkwatch export`` can call
them on rows it reads back; a digest or record dict works too):

    normalize_events(data, actors=None, documents=None) -> list[dict]
    merge_events(events) -> list[dict]                  # GDELT-style counting
    to_gdelt_rows(data, actors=None, documents=None) -> Iterator[dict]
    write_gdelt(path_or_file, data, actors=None, documents=None, header=True) -> int
    to_plover(data, actors=None, documents=None) -> Iterator[dict]
    write_plover(path_or_file, data, actors=None, documents=None) -> int
    validate_plover(record) -> None                     # SchemaError if invalid

``data`` is one of
* a digest (``talkwatch.digest/1``) or a record (``talkwatch.record/1``) dict;
* an iterable of digests;
* an iterable of event dicts in the digest shape (date, source, target, cameo,
  plover, mode, context, source_code, target_code, goldstein, quad_class,
  location, evidence) plus, optionally, ``document`` (id), ``url``,
  ``published``, ``outlet`` (the news source's name), ``source_name`` and
  ``target_name``.
``actors`` maps actor id -> {"name", "cameo", "country"} (or ``model.Actor``),
``documents`` maps document id -> {"url", "published", "source"}; both fill
what the event dicts do not carry.

Merging follows GDELT: one row per (date, source code, target code, event
code); NumMentions counts the statements, NumArticles the distinct
documents, NumSources the distinct outlets (URL host when no outlet name).
Statements whose mode is "negated" are left out of GDELT rows unless their
code is itself a refusal (12x), since GDELT has no negation field.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from ..errors import SchemaError
from ..extract.events import codes
from ..lexicon import data_path

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UIS"}  # CAMEO codes that are not countries
ROOT_EVENT_CHARS = 600  # events stated this early count as the article's lead (IsRootEvent)


# -- input ----------------------------------------------------------------------


def _actor_info(actors: dict[str, Any] | None, actor_id: str | None) -> dict[str, Any]:
    if not actor_id or not actors or actor_id not in actors:
        return {}
    a = actors[actor_id]
    if isinstance(a, dict):
        return a
    return {
        "name": getattr(a, "name", None),
        "cameo": getattr(a, "cameo", None),
        "country": getattr(a, "country", None),
    }


def _is_container(obj: Any) -> bool:
    return isinstance(obj, dict) and "events" in obj


def normalize_events(
    data: Any, actors: dict[str, Any] | None = None, documents: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Flat event dicts with document, url, published and actor names/codes filled in."""
    if _is_container(data):
        data = [data]
    out: list[dict[str, Any]] = []
    loose: list[dict[str, Any]] = []
    for item in data:
        if not isinstance(item, dict):
            raise SchemaError(f"cannot export {type(item).__name__}: expected event dicts or digests")
        if _is_container(item):
            out.extend(_from_container(item, actors, documents))
        else:
            loose.append(item)
    out.extend(_fill(e, actors or {}, documents or {}, {}) for e in loose)
    return out


def _from_container(
    obj: dict[str, Any], actors: dict[str, Any] | None, documents: dict[str, Any] | None
) -> list[dict[str, Any]]:
    own_actors = {a["id"]: a for a in obj.get("actors", []) if isinstance(a, dict) and "id" in a}
    own_actors.update(actors or {})
    docs = dict(documents or {})
    default_doc: dict[str, Any] = {}
    if isinstance(obj.get("document"), dict):  # a digest
        default_doc = obj["document"]
        if default_doc.get("id"):
            docs.setdefault(default_doc["id"], default_doc)
    for d in obj.get("documents", []):  # a record
        if isinstance(d, dict) and d.get("id"):
            docs.setdefault(d["id"], d)
    return [_fill(e, own_actors, docs, default_doc) for e in obj.get("events", [])]


def _fill(
    e: dict[str, Any], actors: dict[str, Any], docs: dict[str, Any], default_doc: dict[str, Any]
) -> dict[str, Any]:
    e = dict(e)
    doc = docs.get(e.get("document") or "") or default_doc
    e.setdefault("document", doc.get("id"))
    for key, doc_key in (("url", "url"), ("published", "published"), ("outlet", "source")):
        if not e.get(key):
            e[key] = doc.get(doc_key)
    for side in ("source", "target"):
        info = _actor_info(actors, e.get(side))
        if not e.get(f"{side}_name"):
            e[f"{side}_name"] = info.get("name")
        if not e.get(f"{side}_code"):
            e[f"{side}_code"] = info.get("cameo") or info.get("country")
    if e.get("cameo") is None:
        raise SchemaError("event without a CAMEO code")
    e["cameo"] = codes.normalize(e["cameo"])
    return e


# -- merging --------------------------------------------------------------------


def _side_key(e: dict[str, Any], side: str) -> str:
    return e.get(f"{side}_code") or e.get(f"{side}_name") or e.get(side) or ""


def event_key(e: dict[str, Any]) -> tuple[str, str, str, str]:
    """Same event = same date, actors and code (GDELT's notion)."""
    return (
        e.get("date") or e.get("published") or "",
        _side_key(e, "source"),
        _side_key(e, "target"),
        e["cameo"],
    )


def _outlet(e: dict[str, Any]) -> str | None:
    if e.get("outlet"):
        return str(e["outlet"])
    if e.get("url"):
        return urlparse(str(e["url"])).netloc or str(e["url"])
    return e.get("document")


def merge_events(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group statements of the same event; count mentions, articles and outlets."""
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for e in events:
        groups.setdefault(event_key(e), []).append(e)
    merged = []
    for key, group in groups.items():
        first = min(group, key=lambda e: (e.get("published") or "", _start(e)))
        row = dict(first)
        row["mentions"] = group
        row["num_mentions"] = len(group)
        row["num_articles"] = len({e.get("document") or e.get("url") or id(e) for e in group})
        row["num_sources"] = len({_outlet(e) or id(e) for e in group})
        row["is_root"] = any(_start(e) < ROOT_EVENT_CHARS for e in group)
        row["key"] = key
        merged.append(row)
    return merged


def _start(e: dict[str, Any]) -> int:
    ev = e.get("evidence") or {}
    return int(ev.get("start", 10**9)) if isinstance(ev, dict) else 10**9


def event_id(key: tuple[str, ...]) -> int:
    """A stable numeric id (GLOBALEVENTID) for an event key."""
    return int(hashlib.sha1("|".join(key).encode()).hexdigest()[:12], 16)


# -- GDELT ----------------------------------------------------------------------


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2]) if len(parts) > 2 else 1
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def _actor_columns(prefix: str, code: str | None, name: str | None) -> dict[str, Any]:
    code = (code or "").upper()
    first = code[:3]
    cols: dict[str, Any] = {f"{prefix}Code": code, f"{prefix}Name": (name or "").upper()}
    if first in NON_STATE:
        cols[f"{prefix}KnownGroupCode"] = code[3:6]
    elif first:
        cols[f"{prefix}CountryCode"] = first
    rest = code[3:] if first not in NON_STATE else code[6:]
    for i, part in enumerate(rest[j : j + 3] for j in range(0, min(len(rest), 9), 3)):
        cols[f"{prefix}Type{i + 1}Code"] = part
    return cols


def _gdelt_keep(e: dict[str, Any]) -> bool:
    return e.get("mode") != "negated" or e["cameo"][:2] == "12"


def to_gdelt_rows(
    data: Any, actors: dict[str, Any] | None = None, documents: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """GDELT 2.0 event rows (every column, in order; empty where talkwatch has no value)."""
    events = [e for e in normalize_events(data, actors, documents) if _gdelt_keep(e)]
    for m in merge_events(events):
        row = codes.lookup(m["cameo"])
        day = _parse_date(m.get("date")) or _parse_date(m.get("published"))
        added = _parse_date(m.get("published")) or day
        out: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS, "")
        out.update(
            {
                "GLOBALEVENTID": event_id(m["key"]),
                "IsRootEvent": int(m["is_root"]),
                "EventCode": row.code,
                "EventBaseCode": row.base,
                "EventRootCode": row.root,
                "QuadClass": row.quad_class,
                "GoldsteinScale": m.get("goldstein") if m.get("goldstein") is not None else row.goldstein,
                "NumMentions": m["num_mentions"],
                "NumSources": m["num_sources"],
                "NumArticles": m["num_articles"],
                "SOURCEURL": m.get("url") or "",
            }
        )
        if day is not None:
            out.update(
                {
                    "SQLDATE": int(day.strftime("%Y%m%d")),
                    "MonthYear": int(day.strftime("%Y%m")),
                    "Year": day.year,
                    "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365.0, 4),
                }
            )
        if added is not None:
            out["DATEADDED"] = int(added.strftime("%Y%m%d") + "000000")
        out.update(_actor_columns("Actor1", m.get("source_code"), m.get("source_name")))
        out.update(_actor_columns("Actor2", m.get("target_code"), m.get("target_name")))
        if m.get("location"):
            out["ActionGeo_FullName"] = m["location"]
        yield out


def _open(path_or_file: str | Path | IO[str]) -> tuple[IO[str], bool]:
    if isinstance(path_or_file, str | Path):
        return open(path_or_file, "w", encoding="utf-8", newline=""), True
    return path_or_file, False


def write_gdelt(
    path_or_file: str | Path | IO[str],
    data: Any,
    actors: dict[str, Any] | None = None,
    documents: dict[str, Any] | None = None,
    *,
    header: bool = True,
) -> int:
    """Write tab-separated GDELT rows (GDELT's own files have no header line); returns the count."""
    fh, close = _open(path_or_file)
    try:
        writer = csv.DictWriter(
            fh,
            fieldnames=list(GDELT_COLUMNS),
            delimiter="\t",
            lineterminator="\n",
            quoting=csv.QUOTE_MINIMAL,
        )
        if header:
            writer.writeheader()
        n = 0
        for row in to_gdelt_rows(data, actors, documents):
            writer.writerow(row)
            n += 1
        return n
    finally:
        if close:
            fh.close()


# -- PLOVER ---------------------------------------------------------------------


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
    fh, close = _open(path_or_file)
    try:
        n = 0
        for rec in to_plover(data, actors, documents):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
        return n
    finally:
        if close:
            fh.close()


@functools.cache
def plover_schema() -> dict[str, Any]:
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
