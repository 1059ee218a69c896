"""The grids of a meeting page, built from the record's plain dicts.

Attendance (actors x meetings), the status history folded into runs, and
positions (issues x actors); pure functions of query results, so they are
tested without a server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..store import cells
from . import queries

ISSUES = 24  # issue columns of the positions table


def window(group: list[dict[str, Any]], current: str, size: int) -> list[dict[str, Any]]:
    """At most ``size`` meetings of the group around the current one."""
    idx = next((i for i, m in enumerate(group) if m["id"] == current), 0)
    lo = max(0, min(idx - size // 2, len(group) - size))
    return group[lo:lo + size]


Cells = dict[str, dict[str, Any]]  # actor id -> latest status, role, count, newest evidence


def column(b: Any, meeting_id: str) -> Cells:
    """One meeting's column of the attendance grid, folded from its participations."""
    parts = queries.attendance(b, [meeting_id]).get(meeting_id, [])
    return {p["actor"]: cells.cell(p) for p in parts}


def columns(b: Any, meeting_ids: list[str]) -> dict[str, Cells]:
    """Columns of the grid as the merge stored them (one indexed query), folding on the fly
    only meetings merged before the store kept them."""
    stored, missing = cells.columns(b, meeting_ids)
    for mid in missing:
        stored[mid] = column(b, mid)
    return stored


def matrix(b: Any, columns_: list[dict[str, Any]], current: str,
           column_of: Callable[[str], Cells] | None = None) -> dict[str, Any]:
    """Actors x meetings: each cell the latest participation status and its evidence.

    ``column_of`` gives one meeting's column (a page passes a memoised one: the meetings of
    a process share their columns); the grid's article titles are the caller's to add
    (``documents``), in the query that fetches the page's other titles."""
    ids = [m["id"] for m in columns_]
    cols = {mid: column_of(mid) for mid in ids} if column_of else columns(b, ids)
    actors = {a for col in cols.values() for a in col}
    names = queries.actor_names(b, actors)
    in_current = set(cols.get(current, {}))
    order = sorted(actors, key=lambda a: (a not in in_current, (names.get(a) or a).casefold(), a))
    rows = [{"actor": a, "name": names.get(a) or a,
             "cells": [_copy(cols[m["id"]].get(a)) for m in columns_]} for a in order]
    return {"columns": columns_, "rows": rows, "titles": {}}


def columns_grid(cols: dict[str, Cells]) -> dict[str, Any]:
    """Columns as one grid of single-cell rows (copies of the cells; each row names its
    ``meeting``): what ``edit.annotate`` and ``documents`` take, for rendering the panels of
    several columns at once."""
    rows = [{"actor": a, "meeting": mid, "cells": [_copy(cells[a])]}
            for mid in sorted(cols) for cells in (cols[mid],) for a in sorted(cells)]
    return {"columns": [], "meetings": sorted(cols), "rows": rows, "titles": {}}


def _copy(cell: dict[str, Any] | None) -> dict[str, Any] | None:
    """A page's own copy of a (possibly shared) cell: ``edit.annotate`` adds to its statements."""
    if cell is None or "evidence" not in cell:  # a ``compact`` cell is only read
        return cell
    return {**cell, "evidence": [dict(h) for h in cell["evidence"]]}


def documents(grid: dict[str, Any]) -> set[str]:
    """The articles the grid's statements cite."""
    return {h["document"] for row in grid["rows"] for c in row["cells"] if c
            for h in c["evidence"]}


def history_runs(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive statements of the same status and start date as one row.

    Twenty articles repeating "due to open on May 4" read better as one line
    with its count, date span and first sentence; the JSON keeps every one.
    """
    runs: list[dict[str, Any]] = []
    for h in history:
        last = runs[-1] if runs else None
        if last and (last["status"], last["start"]) == (h.get("status"), h.get("start")):
            last["n"] += 1
            last["last"] = h.get("reported")
            if h.get("document") not in last["documents"]:
                last["documents"].append(h.get("document"))
            continue
        runs.append({"status": h.get("status"), "start": h.get("start"), "n": 1,
                     "first": h.get("reported"), "last": h.get("reported"),
                     "evidence": h.get("evidence") or {}, "documents": [h.get("document")]})
    return runs


def positions_grid(positions: list[dict[str, Any]]) -> dict[str, Any]:
    """Actors x issues: the latest stance of each actor on each issue, side by side."""
    by_actor: dict[str, int] = {}
    for p in positions:
        by_actor[p.get("actor") or "?"] = by_actor.get(p.get("actor") or "?", 0) + 1
    actors = sorted(by_actor, key=lambda a: -by_actor[a])[:12]
    names = {p.get("actor") or "?": p.get("actor_name") or "?" for p in positions}
    grid: dict[str, dict[str, dict[str, Any]]] = {}
    for p in positions:  # in publication order: the last one wins
        a = p.get("actor") or "?"
        if a not in actors:
            continue
        cell = grid.setdefault(p.get("issue") or "(issue not stated)", {}).setdefault(
            a, {"n": 0})
        cell.update(stance=p.get("stance"), evidence=p.get("evidence") or {},
                    document=p.get("document"), published=p.get("published"), n=cell["n"] + 1)
    issues = sorted(grid, key=lambda i: (-len(grid[i]), i))[:ISSUES]  # the most held first
    return {"actors": [{"id": a, "name": names.get(a, a)} for a in actors],
            "rows": [{"issue": i, "cells": [grid[i].get(a) for a in actors]} for i in issues]}
