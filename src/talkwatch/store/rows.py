"""The mapping between digest facts and table rows, both ways.

One table per fact kind; each field is stored in a typed column. References to
the article's own actors are kept twice: the digest-local id (``a3``), so that
the digest can be rebuilt exactly, and the record-wide actor id. Fields the
store does not know are kept as JSON in ``extra`` (the digest may grow).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import FACT_KINDS

# field kinds: "" plain, "bool", "json" (list), "actor" (local + record id),
# "meeting" (local + report id), "ev" (evidence dict in three columns),
# "optional" (plain, and left out of the fact when NULL)


@dataclass(frozen=True)
class Field:
    key: str
    kind: str = ""
    column: str | None = None

    @property
    def col(self) -> str:
        return self.column or self.key


# Meetings are stored as reports and merged across articles (``meeting_reports``); every
# other fact kind, and the article's resolved dates, is a table of per-article rows.
FACT_TABLES: tuple[str, ...] = (*(kind for kind in FACT_KINDS if kind != "meetings"), "dates")

_FIELDS: dict[str, tuple[Field, ...]] = {
    "participations": (
        Field("meeting", "meeting"),
        Field("actor", "actor"),
        Field("status"),
        Field("role"),
        Field("hedged", "bool"),
        Field("evidence", "ev"),
    ),
    "delegations": (
        Field("meeting", "meeting"),
        Field("actor", "actor"),
        Field("size"),
        Field("head", "actor"),
        Field("members", "json"),
        Field("replaces"),
        Field("evidence", "ev"),
    ),
    "quotes": (
        Field("speaker", "actor"),
        Field("speaker_text"),
        Field("speaker_start"),
        Field("speaker_end"),
        Field("text"),
        Field("start", column="start_char"),
        Field("end", column="end_char"),
        Field("evidence", "ev"),
    ),
    "positions": (
        Field("actor", "actor"),
        Field("issue"),
        Field("stance"),
        Field("hedged", "bool"),
        Field("evidence", "ev"),
    ),
    "agreements": (
        Field("kind"),
        Field("name"),
        Field("start", column="start_date"),
        Field("parties", "json"),
        Field("brokers", "json"),
        Field("status"),
        Field("evidence", "ev"),
    ),
    "events": (
        Field("date", column="event_date"),
        Field("source", "actor"),
        Field("target", "actor"),
        Field("cameo"),
        Field("plover"),
        Field("mode"),
        Field("context"),
        Field("source_code"),
        Field("target_code"),
        Field("goldstein"),
        Field("quad_class"),
        Field("location"),
        Field("fact"),
        Field("evidence", "ev"),
    ),
    "dates": (
        Field("text"),
        Field("value"),
        Field("granularity"),
        Field("start", column="start_char"),
        Field("end", column="end_char"),
    ),
}
# The rule set that produced a fact (``meetings.v1``): on every fact of an extractor (not on
# dates); facts stored before it was recorded have none, and get none back.
EXTRACTOR = Field("extractor", "optional")
# The columns of each fact table, in ``FACT_TABLES`` order (a kind without fields fails here).
FACTS: dict[str, tuple[Field, ...]] = {
    kind: (*_FIELDS[kind], EXTRACTOR) if kind in FACT_KINDS else _FIELDS[kind] for kind in FACT_TABLES
}
# Tables whose rows record their extractor: the meeting reports and the fact tables of extractors.
EXTRACTOR_TABLES: tuple[str, ...] = (
    "meeting_reports", *(kind for kind, fields in FACTS.items() if EXTRACTOR in fields)
)

ACTOR_KEYS = (
    "id",
    "name",
    "type",
    "country",
    "affiliation",
    "title",
    "aliases",
    "cameo",
    "mentions",
    "key",
)
MEETING_KEYS = (
    "id",
    "name",
    "aliases",
    "venue",
    "start",
    "end",
    "status",
    "round",
    "hosts",
    "sponsors",
    "process",
    "history",
    "evidence",
    "extractor",
)
HISTORY_KEYS = ("status", "start", "evidence")
DOCUMENT_KEYS = ("id", "title", "source", "url", "published", "language")


def actor_keys(kind: str) -> tuple[str, ...]:
    """The keys of a fact kind that name an actor (``speaker`` of a quote, ``head`` of a delegation...)."""
    return tuple(f.key for f in FACTS[kind] if f.kind == "actor")


def columns(kind: str) -> list[str]:
    """Column names of a fact table after ``doc_id, idx``, in insert order."""
    out: list[str] = []
    for f in FACTS[kind]:
        if f.kind == "actor":
            out += [f"{f.key}_local", f"{f.key}_id"]
        elif f.kind == "meeting":
            out += ["meeting_local", "report_id"]
        elif f.kind == "ev":
            out += ["ev_start", "ev_end", "ev_text"]
        else:
            out.append(f.col)
    return [*out, "extra"]


def ev_cols(ev: Any) -> tuple[Any, Any, Any]:
    ev = ev or {}
    return ev.get("start"), ev.get("end"), ev.get("text")


def ev_dict(row: dict[str, Any]) -> dict[str, Any]:
    if row.get("ev_start") is None and row.get("ev_text") is None:
        return {}
    return {"start": row["ev_start"], "end": row["ev_end"], "text": row["ev_text"]}


def extra(item: dict[str, Any], known: Any) -> str | None:
    rest = {k: v for k, v in item.items() if k not in known}
    return json.dumps(rest, sort_keys=True) if rest else None


def to_row(
    kind: str,
    item: dict[str, Any],
    actor: Callable[[Any], str | None],
    report: Callable[[Any], str | None],
) -> list[Any]:
    """One fact as column values; ``actor``/``report`` map local ids to record ids."""
    out: list[Any] = []
    for f in FACTS[kind]:
        value = item.get(f.key)
        if f.kind == "actor":
            out += [value, actor(value)]
        elif f.kind == "meeting":
            out += [value, report(value)]
        elif f.kind == "ev":
            out += list(ev_cols(value))
        elif f.kind == "bool":
            out.append(None if value is None else int(bool(value)))
        elif f.kind == "json":
            out.append(json.dumps(list(value or [])))
        else:
            out.append(value)
    out.append(extra(item, {f.key for f in FACTS[kind]}))
    return out


def from_row(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """The digest form of one stored fact (local actor and meeting ids)."""
    item: dict[str, Any] = {}
    for f in FACTS[kind]:
        if f.kind == "actor":
            item[f.key] = row[f"{f.key}_local"]
        elif f.kind == "meeting":
            item[f.key] = row["meeting_local"]
        elif f.kind == "ev":
            item[f.key] = ev_dict(row)
        elif f.kind == "bool":
            item[f.key] = None if row[f.col] is None else bool(row[f.col])
        elif f.kind == "json":
            item[f.key] = json.loads(row[f.col] or "[]")
        elif f.kind == "optional":
            if row.get(f.col) is not None:
                item[f.key] = row[f.col]
        else:
            item[f.key] = row[f.col]
    item.update(loads(row.get("extra")) or {})
    return item


def loads(text: str | None) -> Any:
    return json.loads(text) if text else None
