"""Filters, facets and sort orders of the lists, shared by the pages and the JSON API.

One ``Filter`` is parsed from the query string of a page *or* of the API and
turned into one SQL ``WHERE`` clause, so ``/meetings?status=held&country=CHE``
and ``/api/meetings?status=held&country=CHE`` answer the very same rows (the
page's download links are that API call). Parameters that are empty are
ignored; every value is a bound parameter, never spliced into SQL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from ..errors import InputError
from ..store import keys
from ..store import queries as store_queries
from .queries import GROUP, GROUPED, Counter, direct_count

DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
FACET_LIMIT = 12  # values listed per facet (the most frequent)

# sort keys a person can choose -> ORDER BY (every order ends on the primary key)
MEETING_SORTS = {
    "start": "CASE WHEN start_date IS NULL THEN 1 ELSE 0 END, start_date, id",
    "-start": "CASE WHEN start_date IS NULL THEN 1 ELSE 0 END, start_date DESC, id",
    "name": "lname, id",
    "status": "status, start_date, id",
    "-articles": "n_documents DESC, id",
    "-parties": "n_parties DESC, id",
}
ACTOR_SORTS = {"name": "a.name, a.id", "type": "a.type, a.name, a.id",
               "country": "a.country, a.name, a.id"}
ARTICLE_SORTS = {"-published": "published DESC NULLS LAST, id",
                 "published": "published NULLS LAST, id", "source": "source, published DESC, id"}


@dataclass(frozen=True)
class Filter:
    """What a person narrowed a list to; every field optional, all combined with AND."""

    start: str | None = None  # "from": first day (YYYY, YYYY-MM or YYYY-MM-DD)
    end: str | None = None  # "to": last day, inclusive
    status: str | None = None
    country: str | None = None
    actor: str | None = None  # a record actor id
    process: str | None = None  # a process name or venue city
    type: str | None = None  # actor type
    source: str | None = None  # article outlet
    sort: str | None = None

    def params(self) -> tuple[tuple[str, str], ...]:
        """The query parameters that give this filter back (permalinks, pager, downloads)."""
        out = []
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                out.append((URL_NAMES.get(f.name, f.name), value))
        return tuple(out)

    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "sort")


URL_NAMES = {"start": "from", "end": "to"}


def parse(**given: str | None) -> Filter:
    """A ``Filter`` from query parameters, with a clear message for a malformed date."""
    clean = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in given.items()}
    for name in ("start", "end"):
        value = clean.get(name)
        if value and not DATE.match(value):
            raise InputError(f"{URL_NAMES[name]}={value!r}: give a date as YYYY, YYYY-MM or "
                             "YYYY-MM-DD")
    return Filter(**clean)


def _bounds(value: str) -> tuple[date, date] | None:
    try:
        return keys.date_bounds(value)
    except ValueError:
        return None


def _after(value: str) -> str:
    """The first day after the period ``value`` names (an exclusive upper bound); for a
    day no calendar has ("2024-02-30") every date that begins with it."""
    bounds = _bounds(value)
    return (bounds[1] + timedelta(days=1)).isoformat() if bounds else value + "~"


def _sort(sorts: dict[str, str], key: str | None) -> str:
    if key and key not in sorts:
        raise InputError(f"sort={key!r}: choose one of {', '.join(sorts)}")
    return sorts[key or next(iter(sorts))]


def _where(*tests: tuple[Any, str, list[Any]]) -> tuple[str, list[Any]]:
    """A WHERE clause of the tests whose value is chosen: (value, SQL with ? marks, its parameters)."""
    chosen = [(sql, params) for value, sql, params in tests if value]
    conds = " AND ".join(sql for sql, _ in chosen)
    return (" WHERE " + conds) if conds else "", [p for _, params in chosen for p in params]


# --- meetings --------------------------------------------------------------------------


def meeting_where(f: Filter) -> tuple[str, list[Any]]:
    """The WHERE clause of the meetings list for ``f`` (empty when nothing is chosen)."""
    named, named_params = store_queries.process_filter(f.process) if f.process else ("", [])
    return _where(
        # the store's own process test (as `talkwatch meetings --process`), or the derived process
        (f.process,
         f"({named.removeprefix(' WHERE ')} OR id IN"
         " (SELECT meeting_id FROM meeting_folded WHERE process = ?))",
         [*named_params, f.process]),
        (f.status, "status = ?", [f.status]),
        (f.country, "country = ?", [f.country]),
        (f.start, "start_date >= ?", [f.start]),
        (f.end, "start_date < ?", [_after(f.end) if f.end else None]),
        # its own statements, and the record's attendance (delegation members are derived there)
        (f.actor, "(id IN (SELECT r.meeting_id FROM participations p JOIN meeting_reports r"
                  " ON r.id = p.report_id WHERE p.actor_id = ?)"
                  " OR id IN (SELECT meeting_id FROM meeting_attendance WHERE actor_id = ?))",
         [f.actor, f.actor]),
    )


def meetings(backend: Any, f: Filter, *, limit: int, offset: int, count: Counter | None = None,
             grouped: bool = False) -> tuple[list[dict[str, Any]], int]:
    """One page of the meetings ``f`` selects (record shape, as ``talkwatch meetings``
    gives them; with ``grouped`` also the process the overview files each under), and how
    many there are."""
    where, params = meeting_where(f)
    total = (count or direct_count(backend))(f"SELECT count(*) FROM meetings{where}", params)
    found = backend.query(
        f"SELECT {store_queries.MEETING_COLS}, {GROUP} AS grp FROM {GROUPED}{where}"
        f" ORDER BY {_sort(MEETING_SORTS, f.sort)} LIMIT ? OFFSET ?", [*params, limit, offset])
    # "group": the process the overview files it under (named, from the gazetteer, or venue)
    return [store_queries.meeting_row(m) | ({"group": m["grp"]} if grouped else {})
            for m in found], total


def meeting_facets(backend: Any, f: Filter) -> dict[str, list[tuple[str, int]]]:
    """Counts of status, country and process among the meetings ``f`` selects."""
    where, params = meeting_where(f)
    return {
        "status": _facet(backend, "meetings", "status", where, params),
        "country": _facet(backend, "meetings", "country", where, params),
        "process": _facet(backend, GROUPED, GROUP, where, params),
    }


def _facet(backend: Any, table: str, column: str, where: str,
           params: Sequence[Any]) -> list[tuple[str, int]]:
    conds = f"{where} AND" if where else " WHERE"
    found = backend.query(
        f"SELECT {column} AS v, count(*) AS n FROM {table}{conds} {column} IS NOT NULL"
        f" AND {column} <> '' GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT ?",
        [*params, FACET_LIMIT])
    return [(r["v"], int(r["n"])) for r in found]


# --- actors ----------------------------------------------------------------------------


def actor_where(f: Filter, q: str | None) -> tuple[str, list[Any]]:
    name = keys.norm(q) if q else ""
    return _where(
        (name, "a.id IN (SELECT actor_id FROM actor_names WHERE lname LIKE ?)", [f"%{name}%"]),
        (f.type, "a.type = ?", [f.type]),
        (f.country, "a.country = ?", [f.country]),
    )


def actors(backend: Any, f: Filter, q: str | None, *, limit: int, offset: int,
           count: Counter | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of actors by name, type or country."""
    where, params = actor_where(f, q)
    total = (count or direct_count(backend))(f"SELECT count(*) FROM actors a{where}", params)
    found = backend.query(
        f"SELECT a.id, a.name, a.type, a.country, a.cameo FROM actors a{where}"
        f" ORDER BY {_sort(ACTOR_SORTS, f.sort)} LIMIT ? OFFSET ?", [*params, limit, offset])
    return found, total


def actor_facets(backend: Any, f: Filter, q: str | None) -> dict[str, list[tuple[str, int]]]:
    where, params = actor_where(f, q)
    return {"type": _facet(backend, "actors a", "a.type", where, params),
            "country": _facet(backend, "actors a", "a.country", where, params)}


# --- articles --------------------------------------------------------------------------


def article_where(f: Filter) -> tuple[str, list[Any]]:
    """The WHERE clause of the articles list for ``f``."""
    inner, inner_params = meeting_where(Filter(process=f.process)) if f.process else ("", [])
    return _where(
        (f.start, "published >= ?", [f.start]),
        (f.end, "published < ?", [_after(f.end) if f.end else None]),
        (f.source, "source = ?", [f.source]),
        (f.actor, "id IN (SELECT doc_id FROM doc_actors WHERE actor_id = ?)", [f.actor]),
        (f.process, "id IN (SELECT r.doc_id FROM meeting_reports r WHERE r.meeting_id IN"
                    f" (SELECT id FROM meetings{inner}))", inner_params),
    )


def articles(backend: Any, f: Filter, *, limit: int, offset: int,
             count: Counter | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of stored articles (newest first unless sorted otherwise)."""
    where, params = article_where(f)
    total = (count or direct_count(backend))(f"SELECT count(*) FROM documents{where}", params)
    order = _sort(ARTICLE_SORTS, f.sort)
    # the page's keys first (a walk of the ``documents_order`` index without the rows'
    # bodies), then those rows: reading every skipped article would cost the whole offset
    found = backend.query(
        f"SELECT d.id, d.title, d.source, d.url, d.published, d.language FROM"
        f" (SELECT id FROM documents{where} ORDER BY {order} LIMIT ? OFFSET ?) k"
        f" JOIN documents d ON d.id = k.id ORDER BY {_qualified(order)}",
        [*params, limit, offset])
    return found, total


def _qualified(order: str) -> str:
    """An ORDER BY of the articles list with its columns read from ``d``."""
    return re.sub(r"\b(published|source|id)\b", r"d.\1", order)


def article_facets(backend: Any, f: Filter) -> dict[str, list[tuple[str, int]]]:
    where, params = article_where(f)
    return {"source": _facet(backend, "documents", "source", where, params)}


def published_in(published: str | None, f: Filter) -> bool:
    """Whether a publication date lies in the filter's period (undated: only if none is set)."""
    if not (f.start or f.end):
        return True
    if not published:
        return False
    return (not f.start or published >= f.start) and (not f.end or published < _after(f.end))


def volume(backend: Any, f: Filter) -> list[tuple[str, int]]:
    """Articles per publication day among those ``f`` selects (the process's news volume).

    For a process alone the days are read from its meetings' reports (each report keeps its
    article's day: a walk of the ``meeting_reports_days`` index), not from the articles."""
    if f.process and not any(getattr(f, k.name) for k in fields(f) if k.name != "process"):
        inner, params = meeting_where(f)
        found = backend.query(
            "SELECT r.published AS day, count(DISTINCT r.doc_id) AS n FROM meeting_reports r"
            f" WHERE r.meeting_id IN (SELECT id FROM meetings{inner}) AND r.published IS NOT NULL"
            " GROUP BY r.published ORDER BY day", params)
        return [(r["day"], int(r["n"])) for r in found]
    where, params = article_where(f)
    found = backend.query(
        f"SELECT substr(published, 1, 10) AS day, count(*) AS n FROM documents{where}"
        f"{' AND' if where else ' WHERE'} published IS NOT NULL"
        " GROUP BY substr(published, 1, 10) ORDER BY day", params)
    return [(r["day"], int(r["n"])) for r in found]
