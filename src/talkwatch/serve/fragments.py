"""The parts of a meeting page that depend on the meeting alone, rendered once when it is merged.

A meeting page is its header, status history, delegations, positions,
agreements, quotes and corrections log (functions of the meeting's answer,
its articles' titles and its actors' names), around a timeline and an
attendance grid that depend on the other meetings of its process, the
timeline window asked for and who is signed in. Rendering the first kind
(and parsing the answer it is drawn from, some 80 kB of JSON at 100,000
articles) was most of a first visit's server time, so ``store.pages`` stores
them with the answer (``parts``: the blocks of ``meeting_parts.html``) and a
page reads one row and fills ``meeting.html`` around them. The stored parts
are current exactly when the stored answer is (``store.precompute.stored``:
the same actors' names, no new correction of its articles), since they are
drawn from it; otherwise the page renders them here, live, the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from ..store import queries as store_queries
from ..store.corrections import trail
from . import cellhtml, grids, sections, svg
from .queries import Move, actor_names, group_meetings, moves, titles
from .render import _ENV

PARTS = ("head", "history", "rest")  # the blocks of meeting_parts.html, in page order
QUOTES = 30  # newest quotes on a meeting page
RUN_LINKS = 3  # articles linked per row of the status history
SHOWN = 100  # delegations, positions, agreements shown before "see the API"


def documents(m: dict[str, Any], moves: list[Move], trail: list[dict[str, Any]]) -> set[str]:
    """The articles the parts link (their titles are read in one query)."""
    runs = grids.history_runs(m["history"])
    docs = {d for r in runs for d in r["documents"][:RUN_LINKS]}
    docs |= {q["document"] for q in list(reversed(m["quotes"]))[:QUOTES]}
    docs |= {mv.document for mv in moves}
    docs |= {v["document"] for c in m["conflicts"] for v in c["values"]}
    docs |= {f["document"] for k in ("positions", "agreements", "delegations")
             for f in m[k][:SHOWN]}
    return docs | {c.get("document") for c in trail}


def render(backend: Any, m: dict[str, Any], label: str | None, moves: list[Move],
           trail: list[dict[str, Any]], names: dict[str, Any] | None = None
           ) -> dict[str, str]:
    """The parts (block name -> HTML) of the meeting ``m`` (its answer), filed under ``label``,
    with its postponements and the corrections of its articles; ``names`` are the titles
    of (at least) its ``documents`` when the caller read them already."""
    if names is None:
        names = titles(backend, documents(m, moves, trail))
    agreement_actors = actor_names(
        backend, [a for ag in m["agreements"] for a in (*ag.get("parties", []),
                                                         *ag.get("brokers", []))])
    context = {
        "m": m, "label": label, "moves": moves, "titles": names, "trail": trail,
        "runs": grids.history_runs(m["history"]), "run_links": RUN_LINKS,
        "quotes": list(reversed(m["quotes"]))[:QUOTES], "shown": SHOWN,
        "positions": grids.positions_grid(m["positions"]), "agreement_actors": agreement_actors,
        "history_rows": sections.history_rows, "quote_figures": sections.quote_figures,
        "conflict_items": sections.conflict_items, "agreement_items": sections.agreement_items,
    }
    template = _ENV.get_template("meeting_parts.html")
    out = {}
    for name in PARTS:
        ctx = template.new_context(context)
        out[name] = "".join(template.blocks[name](ctx))
    return out


def lane(label: str | None, meetings: list[dict[str, Any]], moved: dict[str, list[Move]]) -> svg.Lane:
    """A process's lane of a timeline: its meetings and their postponements."""
    href = f"/meetings?{urlencode({'process': label})}" if label else None
    return svg.Lane(label or "(no process or venue named)", href, meetings,
                    {m["id"]: moved[m["id"]] for m in meetings if m["id"] in moved})


def window_key(win: tuple[date, date] | None) -> str:
    return f"{win[0].isoformat()}|{win[1].isoformat()}" if win else ""


def key_window(key: str) -> tuple[date, date] | None:
    lo, _, hi = key.partition("|")
    return (date.fromisoformat(lo), date.fromisoformat(hi)) if key else None


def lane_drawings(backend: Any, label: str) -> tuple[dict[str, str], dict[str, str]]:
    """The timeline of a process as its meeting pages draw it, without a current meeting: the
    window each meeting's page shows (``svg.window``, by ``window_key``) and the drawing of
    each window. The store keeps them per process (``process_lanes``), redrawn whenever one
    of its meetings is merged, so that a page only marks its own meeting
    (``svg.mark_current``) instead of drawing the lane."""
    group = group_meetings(backend, label)
    the_lane = [lane(label, group, moves(backend, [g["id"] for g in group]))]
    windows = {g["id"]: window_key(svg.window(the_lane, g["id"])) for g in group}
    drawings = {key: str(svg.timeline(the_lane, title=timeline_title(label), given=key_window(key)))
                for key in sorted(set(windows.values()))}
    return windows, drawings


def timeline_title(label: str | None) -> str:
    return f"Meetings of {label or 'this meeting'}"


def column(backend: Any, meeting_id: str) -> dict[str, dict[str, Any]]:
    """The meeting's column of attendance grids (its own page's and its process's other
    meetings'), each cell ``cellhtml.compact``: rendered as a page without edit forms shows
    it. The store keeps it with the meeting's answer, current as long as no correction of its
    articles was logged since: its cells, name and dates change only when the meeting is
    merged, and the actor's name, which does not, is filled in by the page."""
    cells = grids.columns(backend, [meeting_id])[meeting_id]
    grid = grids.columns_grid({meeting_id: cells})
    trail.annotate(backend, grid)
    items = cellhtml.column_panels(grid, titles(backend, grids.documents(grid)))[meeting_id]
    col = meeting_column(backend, meeting_id)
    return {actor: cellhtml.compact(cell, col, actor, items[actor])
            for actor, cell in sorted(cells.items())}


def meeting_column(backend: Any, meeting_id: str) -> dict[str, Any]:
    """A meeting as a grid's column header and cells read it (``group_meetings`` shape)."""
    found = backend.query(f"SELECT {store_queries.MEETING_COLS} FROM meetings WHERE id = ?",
                          (meeting_id,))
    return store_queries.meeting_row(found[0])
