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


# stand-ins in a cell rendered when its meeting was merged (``compact``), filled in by the page:
# whether the column is the page's own meeting, the cell's place in the grid, the actor's name
HERE, REF, NAME = "\x00\x01here\x01\x00", "\x00\x01ref\x01\x00", "\x00\x01name\x01\x00"


def grid_cell(row: dict[str, Any], cell: dict[str, Any] | None, col: dict[str, Any],
              ri: int, ci: int, current: str, titles: dict[str, Any],
              edit: dict[str, Any] | None = None,
              panels: dict[str, dict[str, str]] | None = None) -> Markup:
    """A ``<td>`` of the grid: the latest status (a button) and its evidence panel.

    ``panels`` (column id -> actor -> ``column_panels`` HTML) are statements rendered before, when
    editing is off; a cell not in them is rendered here, unless it is ``compact``: rendered
    whole when its meeting was merged, with stand-ins for what depends on the page."""
    here = " current" if col["id"] == current else ""
    if not cell:
        return Markup(f'<td class="cell empty{here}" data-meeting="{escape(col["id"])}">'
                      '<span class="sr-only">not reported</span></td>')
    name = str(escape(row["name"]))
    if "html" in cell:  # bidi controls dropped piecewise: the same as from the whole cell
        return Markup(cell["html"].replace(HERE, here).replace(REF, f"c{ri}-{ci}")
                      .replace(NAME, isolate_bidi(name)))
    items = (panels or {}).get(col["id"], {}).get(row["actor"])
    if items is None:
        items = "".join(_statement(h, row, current, titles, edit) for h in cell["evidence"])
    return Markup(isolate_bidi(_cell(cell, col, row["actor"], name, here, f"c{ri}-{ci}", items)))


def _cell(cell: dict[str, Any], col: dict[str, Any], actor: str, name: str, here: str, ref: str,
          items: str) -> str:
    st, cname, mid = escape(cell["status"]), escape(col.get("name") or "meeting"), escape(col["id"])
    n, shown = int(cell["n"]), cell["evidence"]
    first = ""
    if shown:
        first = " — " + str(escape((shown[0].get("evidence") or {}).get("text") or ""))
    role = _words(cell["role"]) if cell.get("role") else ""
    start = f" ({escape(col['start'])})" if col.get("start") else ""
    more = f", newest {len(shown)} shown" if n > len(shown) else ""
    return (
        f'<td class="cell ps-{st}{here}" data-meeting="{mid}" data-status="{st}">'
        f'<button type="button" class="cell-button" id="cell-{escape(actor)}-{mid}"'
        f' aria-controls="evidence-panel" aria-expanded="false" data-cell="{ref}"'
        f' title="{name} at {cname}: {_words(cell["status"])}{first}">{_words(cell["status"])}'
        + (f'<span class="role">{role}</span>' if role else "")
        + f'<span class="count" aria-label="{n} statements">{n}</span></button>'
        f'<div class="cell-evidence" id="{ref}" hidden><h3>{name} · {cname}{start}</h3>'
        f'<p>Latest: {badge(cell["status"], "ps")}' + (f" as {role}" if role else "")
        + f' · {n} statement{"s" if n != 1 else ""}{more}</p>'
        f'<ol class="ev-list">{items}</ol></div></td>')


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


def compact(cell: dict[str, Any], col: dict[str, Any], actor: str, items: str) -> dict[str, str]:
    """A cell as the store keeps it with its meeting (``fragments.column``): rendered whole,
    statements (``items``, from ``column_panels``) included, with stand-ins for the page."""
    return {"html": isolate_bidi(_cell(cell, col, actor, NAME, HERE, REF, items))}


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
