"""One cell of a meeting page's attendance grid as HTML, written in Python.

A grid of twelve meetings by a few dozen actors, each cell carrying its
newest statements, was most of a meeting page's rendering time as a Jinja
loop (hundreds of cells, thousands of tags). Here every value is escaped with
``markupsafe.escape`` and bidi controls are dropped from the whole cell, as
the template's ``finalize`` does for each ``{{ value }}``; the analysts'
correction trail and form stay the Jinja macros of ``corrections.html``.
"""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ..model import PARTICIPATION_STATUSES
from ..sanitize import isolate_bidi
from .render import _ENV, badge, doclink, evidence


@functools.cache
def _corrections() -> Any:
    """The macros of ``corrections.html`` (trail, fact_form), callable from Python."""
    return _ENV.get_template("corrections.html").module


def _words(value: Any) -> str:
    return str(escape(str(value).replace("_", " ")))


def grid_cell(row: dict[str, Any], cell: dict[str, Any] | None, col: dict[str, Any],
              ri: int, ci: int, current: str, titles: dict[str, Any],
              edit: dict[str, Any] | None = None,
              panels: dict[str, dict[str, str]] | None = None) -> Markup:
    """A ``<td>`` of the grid: the latest status (a button) and its evidence panel.

    ``panels`` (column id -> actor -> ``column_panels`` HTML) are statements rendered before, when
    editing is off; a cell not in them is rendered here."""
    here = " current" if col["id"] == current else ""
    mid = escape(col["id"])
    if not cell:
        return Markup(f'<td class="cell empty{here}" data-meeting="{mid}">'
                      '<span class="sr-only">not reported</span></td>')
    st, name, cname = escape(cell["status"]), escape(row["name"]), escape(col.get("name") or "meeting")
    n, shown = int(cell["n"]), cell.get("evidence")
    if shown is None:  # a ``compact`` cell: its statements rendered when the meeting was merged
        n_shown, text, items = cell["shown"], cell["first"], cell["items"]
    else:
        n_shown, text = len(shown), (shown[0].get("evidence") or {}).get("text") if shown else ""
        items = (panels or {}).get(col["id"], {}).get(row["actor"])
        if items is None:
            items = "".join(_statement(h, row, current, titles, edit) for h in shown)
    first = " — " + str(escape(text or "")) if n_shown else ""
    role = _words(cell["role"]) if cell.get("role") else ""
    start = f" ({escape(col['start'])})" if col.get("start") else ""
    more = f", newest {n_shown} shown" if n > n_shown else ""
    html = (
        f'<td class="cell ps-{st}{here}" data-meeting="{mid}" data-status="{st}">'
        f'<button type="button" class="cell-button" id="cell-{escape(row["actor"])}-{mid}"'
        f' aria-controls="evidence-panel" aria-expanded="false" data-cell="c{ri}-{ci}"'
        f' title="{name} at {cname}: {_words(cell["status"])}{first}">{_words(cell["status"])}'
        + (f'<span class="role">{role}</span>' if role else "")
        + f'<span class="count" aria-label="{n} statements">{n}</span></button>'
        f'<div class="cell-evidence" id="c{ri}-{ci}" hidden><h3>{name} · {cname}{start}</h3>'
        f'<p>Latest: {badge(cell["status"], "ps")}' + (f" as {role}" if role else "")
        + f' · {n} statement{"s" if n != 1 else ""}{more}</p>'
        f'<ol class="ev-list">{items}</ol></div></td>')
    return Markup(isolate_bidi(html))


def column_panels(grid: dict[str, Any], titles: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Each column's statements, per actor, as the ``<li>`` items of its cells' panels (no
    edit forms), from ``grids.columns_grid`` annotated. They depend on the column only, so
    the meetings of a process, which share columns, render them once (pages memoises them):
    most of a meeting page's HTML is these panels."""
    out: dict[str, dict[str, str]] = {mid: {} for mid in grid["meetings"]}
    for r in grid["rows"]:
        out[r["meeting"]][r["actor"]] = "".join(
            _statement(h, r, "", titles, None) for h in r["cells"][0]["evidence"])
    return out


def compact(cell: dict[str, Any], items: str) -> dict[str, Any]:
    """A cell as the store keeps it with its meeting (``fragments.column``): what ``grid_cell``
    shows of it, its statements already rendered (``items``, from ``column_panels``)."""
    shown = cell["evidence"]
    return {"status": cell["status"], "role": cell["role"], "n": cell["n"], "shown": len(shown),
            "first": (shown[0].get("evidence") or {}).get("text") if shown else None,
            "items": items}


def _statement(h: dict[str, Any], row: dict[str, Any], current: str, titles: dict[str, Any],
               edit: dict[str, Any] | None) -> str:
    """One statement of a cell's panel: status, sentence, article, its corrections."""
    out = str(badge(h.get("status"), "ps"))
    if h.get("hedged"):
        out += ' <span class="muted">(hedged)</span>'
    out += f' {evidence(h.get("evidence"))} <span class="src">— ' \
           f'{doclink(h.get("document"), titles, h.get("reported"))}</span>'
    if h.get("trail"):
        out += str(_corrections().trail(h["trail"]))
    if edit:
        out += str(_corrections().fact_form(
            edit, "participations", None if h.get("implied") else h.get("document"),
            h.get("evidence"), h.get("described_as") or row["actor"],
            [("status", PARTICIPATION_STATUSES, h.get("status")),
             ("role", edit["roles"], h.get("role"))],
            "/meetings/" + quote(str(current), safe="")))
    return f"<li>{out}</li>"


def grid_rows(matrix: dict[str, Any], current: str, edit: dict[str, Any] | None = None) -> Markup:
    """The grid's ``<tr>`` rows (actor header, then a ``grid_cell`` per meeting), as the
    template's loop wrote them; without it a page spent as long in the loop as in the cells."""
    cols, titles, panels = matrix["columns"], matrix["titles"], matrix.get("panels")
    out = []
    for ri, row in enumerate(matrix["rows"]):
        cells = "".join(grid_cell(row, cell, cols[ci], ri, ci, current, titles, edit, panels)
                        for ci, cell in enumerate(row["cells"]))
        head = isolate_bidi(f'      <tr data-actor="{escape(row["actor"])}">\n        <th scope="row">'
                            f'<a href="/actors/{escape(quote(str(row["actor"]), safe=""))}">'
                            f'{escape(row["name"])}</a></th>\n')
        out.append(f"{head}{cells}      </tr>")
    return Markup("\n".join(out))
