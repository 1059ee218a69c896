"""Rows of a meeting page's status history and its quotes as HTML, written in Python.

Each is a loop of a few dozen rows with article links; as Jinja loops they cost a
template call and an escape per value. Here every value is escaped with
``markupsafe.escape`` and bidi controls are dropped from the whole output, as the
template's ``finalize`` does for each ``{{ value }}``; a missing key reads as
nothing and ``None`` as "None", as Jinja prints them. The output is the bytes the
template's loops wrote (whitespace included).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from ..sanitize import isolate_bidi
from .render import badge, doclink, evidence


def _get(d: dict[str, Any], key: str) -> Any:
    """A value as a template reads it: a missing key is an empty string."""
    return d.get(key, "")


def history_rows(runs: list[dict[str, Any]], titles: dict[str, Any], links: int) -> Markup:
    """The status history's rows (``grids.history_runs``), each linking ``links`` articles."""
    rows = []
    for r in runs:
        first, last = _get(r, "first"), _get(r, "last")
        when = str(escape(first or "")) + (f" – {escape(last)}" if last and last != first else "")
        docs = r["documents"]
        cited = "; ".join(str(doclink(d, titles)) for d in docs[:links])
        more = f' <span class="muted">and {len(docs) - links} more</span>' if len(docs) > links else ""
        rows.append(
            f'      <tr data-status="{escape(_get(r, "status") or "unknown")}"><td>{when}</td>'
            f'<td>{badge(_get(r, "status"))}</td><td>{escape(_get(r, "start") or "")}</td>'
            f'<td class="num">{escape(_get(r, "n"))}</td><td>{evidence(_get(r, "evidence"))}</td>\n'
            f"        <td>{cited}{more}</td></tr>")
    return Markup(isolate_bidi("\n".join(rows)))


def quote_figures(quotes: list[dict[str, Any]], titles: dict[str, Any]) -> Markup:
    """The quotes shown, each with its speaker (linked when known) and article."""
    out = []
    for q in quotes:
        speaker = _get(q, "speaker")
        if speaker:
            who = (f'<a href="/actors/{escape(quote(str(speaker), safe=""))}">'
                   f'{escape(_get(q, "speaker_name") or _get(q, "speaker_text"))}</a>')
        else:
            who = str(escape(_get(q, "speaker_text") or "unknown speaker"))
        out.append(
            f'  <figure class="quote">\n    <blockquote>{escape(_get(q, "text"))}</blockquote>\n'
            f"    <figcaption>— {who}, "
            f'{doclink(_get(q, "document"), titles, _get(q, "published"))}</figcaption>\n'
            "  </figure>")
    return Markup(isolate_bidi("\n".join(out)))


def conflict_items(conflicts: list[dict[str, Any]], titles: dict[str, Any]) -> Markup:
    """The ``<li>`` of each conflicting report: the field, when, and each value's article."""
    out = []
    for c in conflicts:
        values = "; ".join(f"<strong>{escape(_get(v, 'value'))}</strong> "
                           f"({doclink(_get(v, 'document'), titles)})" for v in c.get("values") or ())
        out.append(f"<li>{escape(_get(c, 'field'))} reported on {escape(_get(c, 'reported'))}: "
                   f"{values}</li>")
    return Markup(isolate_bidi("".join(out)))


def _actor_links(ids: list[Any], names: dict[str, Any]) -> str:
    return ", ".join(f'<a href="/actors/{escape(quote(str(a), safe=""))}">{escape(names.get(a, a))}</a>'
                     for a in ids)


def agreement_items(agreements: list[dict[str, Any]], titles: dict[str, Any],
                    names: dict[str, Any]) -> Markup:
    """The ``<li>`` of each agreement: kind, name, status, parties, brokers, evidence."""
    out = []
    for ag in agreements:
        kind, name, status = _get(ag, "kind"), _get(ag, "name"), _get(ag, "status")
        start, parties, brokers = _get(ag, "start"), _get(ag, "parties"), _get(ag, "brokers")
        out.append(
            f"    <li><strong>{escape(kind or 'agreement')}</strong>"
            + (f" “{escape(name)}”" if name else "") + " "
            + (f'<span class="badge">{escape(status).replace("_", " ")}</span>' if status else "")
            + (f" since {escape(start)}" if start else "")
            + (f"<br>Parties: {_actor_links(parties, names)}" if parties else "")
            + (f"<br>Brokered by: {_actor_links(brokers, names)}" if brokers else "")
            + f"      <br>{evidence(_get(ag, 'evidence'))} — "
            f"{doclink(_get(ag, 'document'), titles, _get(ag, 'published'))}</li>")
    return Markup(isolate_bidi("\n".join(out)))
