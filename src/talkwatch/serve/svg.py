"""Server-rendered SVG: the timeline of meetings on a date axis, postponements as moves.

Built from a tiny element builder that escapes every attribute value and every
text child (meeting names come from untrusted articles), so the result can be
marked safe for the template as a whole. Colours live in ``static/style.css``
(classes ``st-<status>``), shared with the legends and the attendance grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

from ..store import keys
from .queries import Move

LANE_H = 46
LABEL_W = 190
AXIS_H = 28
UNDATED_W = 70
R = 10  # marker radius


def el(tag: str, attrs: dict[str, Any] | None = None, *children: Any) -> Markup:
    """``<tag attrs>children</tag>`` with every value and text escaped."""
    attr = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(str(v))}"'
                   for k, v in (attrs or {}).items() if v is not None and v is not False)
    inner = "".join(str(escape(c)) for c in children if c is not None)
    return Markup(f"<{tag}{attr}>{inner}</{tag}>")


@dataclass
class Lane:
    """One row of the timeline: a process (or venue) and its meetings."""

    label: str
    href: str | None
    meetings: list[dict[str, Any]]
    moves: dict[str, list[Move]] = field(default_factory=dict)


def _day(value: str | None) -> tuple[date, date] | None:
    """First and last day a date value allows (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``)."""
    return keys.date_bounds(value) if value else None


def _range(lanes: Sequence[Lane]) -> tuple[date, date] | None:
    days: list[date] = []
    for lane in lanes:
        for m in lane.meetings:
            b = _day(m.get("start"))
            if b:
                days += b
        for ms in lane.moves.values():
            for mv in ms:
                for v in (mv.old, mv.new):
                    b = _day(v)
                    if b:
                        days += b
    if not days:
        return None
    lo, hi = min(days), max(days)
    pad = max(timedelta(days=15), (hi - lo) / 20)
    return lo - pad, hi + pad


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Axis ticks: years for long spans, else months (thinned to about a dozen)."""
    span = (hi - lo).days
    if span > 3 * 365:
        step = max(1, span // 365 // 12 + 1)
        return [(date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]
    months = []
    y, m = lo.year, lo.month
    while date(y, m, 1) <= hi:
        if date(y, m, 1) >= lo:
            months.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    step = max(1, len(months) // 12 + (1 if len(months) % 12 else 0))
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return [(d, f"{names[d.month - 1]} {d.year}" if d.month == 1 or i == 0 else names[d.month - 1])
            for i, d in enumerate(months[::step])]


def timeline(lanes: Sequence[Lane], *, current: str | None = None, width: int = 1000,
             title: str = "Timeline of meetings") -> Markup:
    """Meetings as markers on a shared date axis, one lane per process.

    Day-exact starts are circles (round number inside), month- or year-only
    starts are bars over the period. A postponement is an arrow from the date
    stated before it (hollow marker) to the new one. Undated meetings sit in a
    column at the right. Every marker links to its meeting page.
    """
    rng = _range(lanes)
    height = AXIS_H + LANE_H * max(1, len(lanes)) + 8
    plot_l, plot_r = LABEL_W, width - UNDATED_W - 10
    lo, hi = rng or (date.today() - timedelta(days=30), date.today() + timedelta(days=30))
    span = max(1, (hi - lo).days)

    def x(d: date) -> float:
        return round(plot_l + (plot_r - plot_l) * (d - lo).days / span, 1)

    parts: list[Markup] = [el("title", {"id": "tl-title"}, title),
                           el("desc", {}, "Meetings on a date axis; colour shows the latest "
                              "reported status; arrows show postponements from the old date "
                              "to the new one.")]
    parts.append(Markup(
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'class="arrowhead"/></marker></defs>'))
    axis: list[Markup] = [el("line", {"x1": plot_l, "x2": plot_r, "y1": AXIS_H - 6,
                                      "y2": AXIS_H - 6, "class": "axis"})]
    for d, label in _ticks(lo, hi):
        axis.append(el("line", {"x1": x(d), "x2": x(d), "y1": AXIS_H - 10,
                                "y2": height - 4, "class": "grid"}))
        axis.append(el("text", {"x": x(d), "y": AXIS_H - 14, "class": "tick"}, label))
    axis.append(el("text", {"x": plot_r + UNDATED_W / 2 + 5, "y": AXIS_H - 14,
                            "class": "tick"}, "undated"))
    parts.append(el("g", {"class": "axis-group", "aria-hidden": "true"}, *axis))
    for n, lane in enumerate(lanes):
        parts.append(_lane(lane, AXIS_H + n * LANE_H, x, plot_r, current))
    return el("svg", {"class": "timeline", "viewBox": f"0 0 {width} {height}",
                      "width": "100%", "role": "img", "aria-labelledby": "tl-title",
                      "preserveAspectRatio": "xMinYMin meet", "xmlns": "http://www.w3.org/2000/svg"},
              *parts)


def _lane(lane: Lane, top: int, x: Any, plot_r: float, current: str | None) -> Markup:
    mid_y = top + LANE_H / 2
    out: list[Markup] = [el("rect", {"x": 0, "y": top, "width": "100%", "height": LANE_H,
                                     "class": "lane"})]
    label = lane.label if len(lane.label) <= 26 else lane.label[:25] + "…"
    text = el("text", {"x": 8, "y": mid_y + 4, "class": "lane-label"},
              el("title", {}, lane.label), label)
    out.append(el("a", {"href": lane.href}, text) if lane.href else text)
    placed: list[float] = []
    undated = 0
    for m in lane.meetings:
        b = _day(m.get("start"))
        for mv in lane.moves.get(m["id"], []):
            out.append(_move(mv, x, mid_y))
        if b is None:
            cx = plot_r + 22 + (undated % 3) * 22
            cy = mid_y + (undated // 3 % 2) * 8 - 4
            undated += 1
            out.append(_marker(m, cx, cy, None, current))
            continue
        x0, x1 = x(b[0]), x(b[1])
        cx = (x0 + x1) / 2
        near = sum(1 for p in placed if abs(p - cx) < 2 * R)
        placed.append(cx)
        cy = mid_y + (-7 if near % 2 else 7) * (1 if near else 0)
        out.append(_marker(m, cx, cy, (x0, x1) if b[0] != b[1] else None, current))
    return el("g", {"class": "lane-group", "data-lane": lane.label}, *out)


def _move(mv: Move, x: Any, y: float) -> Markup:
    old, new = _day(mv.old), _day(mv.new)
    if not old or not new:
        return Markup("")
    x0, x1 = x(old[0]), x(new[0])
    lift = min(LANE_H / 2 - 4, 8 + abs(x1 - x0) / 6)
    d = f"M{x0},{y - 4} C{x0},{y - lift - 6} {x1},{y - lift - 6} {x1 - (3 if x1 > x0 else -3)},{y - R}"
    tip = f"postponed from {mv.old} to {mv.new} (reported {mv.reported or '?'})"
    return el("g", {"class": "move"},
              el("title", {}, tip),
              el("circle", {"cx": x0, "cy": y, "r": R - 3, "class": "old-date"}),
              el("path", {"d": d, "class": "move-path", "marker-end": "url(#arrow)"}))


def _marker(m: dict[str, Any], cx: float, cy: float, bar: tuple[float, float] | None,
            current: str | None) -> Markup:
    status = m.get("status") or "unknown"
    cls = f"marker st-{status}" + (" current" if m["id"] == current else "")
    venue = (m.get("venue") or {}).get("city")
    tip = " · ".join(str(v) for v in (
        m.get("name"), f"round {m['round']}" if m.get("round") else None, venue,
        m.get("start") or "date unknown", status) if v)
    shape: list[Markup] = []
    if bar:
        w = max(2 * R, bar[1] - bar[0])
        shape.append(el("rect", {"x": round(cx - w / 2, 1), "y": cy - R + 2, "width": round(w, 1),
                                 "height": 2 * R - 4, "rx": 4, "class": "shape"}))
    else:
        shape.append(el("circle", {"cx": cx, "cy": cy, "r": R, "class": "shape"}))
    if m.get("round"):
        shape.append(el("text", {"x": cx, "y": cy + 4, "class": "round"}, m["round"]))
    return el("a", {"href": f"/meetings/{m['id']}", "class": cls, "data-meeting": m["id"],
                    "data-status": status, "aria-label": tip},
              el("title", {}, tip), *shape)
