"""Events of digests or a record, flattened and merged, for the GDELT and PLOVER exporters.

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
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from ...errors import SchemaError
from ...extract.events import codes

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


@contextmanager
def output(path_or_file: str | Path | IO[str]) -> Iterator[IO[str]]:
    """The file to write to: a path is opened (and closed after), an open file is used as is."""
    if isinstance(path_or_file, str | Path):
        with open(path_or_file, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield path_or_file
