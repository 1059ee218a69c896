"""Server-rendered SVG: the timeline of meetings on a date axis, postponements as moves.

Built from a tiny element builder that escapes every attribute value and every
text child (meeting names come from untrusted articles), so the result can be
marked safe for the template as a whole. Colours live in ``static/style.css``
(classes ``st-<status>``), shared with the legends and the attendance grid.
"""

from __future__ import annotations

import functools
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
SIDE_W = 56  # the "earlier" and "later" columns
YEARS = (1900, 2100)  # starts outside are misreadings: drawn as undated
GAP = timedelta(days=365)  # a pause this long starts another cluster of meetings
R = 10  # marker radius


def _text(s: str) -> str:
    """``markupsafe.escape`` of a plain string, character for character, without making a
    ``Markup`` of it (a timeline escapes thousands of short values; ``replace`` of a
    character that is not there costs next to nothing)."""
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


def _value(v: Any) -> str:
    """An attribute value as markup: numbers as they are, anything else escaped."""
    t = type(v)
    if t is int or t is float:
        return str(v)
    return _text(v) if t is str else str(escape(str(v)))


@functools.cache
def _name(key: str) -> str:
    """An attribute's name from a keyword (``class_`` -> ``class``, ``aria_label`` -> ``aria-label``)."""
    return key.rstrip("_").replace("_", "-")


def el(tag: str, attrs: dict[str, Any] | None = None, *children: Any) -> Markup:
    """``<tag attrs>children</tag>`` with every value and text escaped.

    A timeline has thousands of elements (every postponement is four), so this is written
    for speed: names cached, one f-string per attribute."""
    attr = "".join([f' {_name(k)}="{_value(v)}"' for k, v in attrs.items()
                    if v is not None and v is not False]) if attrs else ""
    inner = "".join([c if isinstance(c, Markup) else _text(c) if type(c) is str else escape(c)
                     for c in children if c is not None]) if children else ""
    return Markup(f"<{tag}{attr}>{inner}</{tag}>")


@dataclass
class Lane:
    """One row of the timeline: a process (or venue) and its meetings."""

    label: str
    href: str | None
    meetings: list[dict[str, Any]]
    moves: dict[str, list[Move]] = field(default_factory=dict)


def _day(value: str | None) -> tuple[date, date] | None:
    """First and last day a date value allows (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``); a year
    outside ``YEARS`` (a misread "713" or "6675") counts as undated, not as an axis end."""
    if value and len(value) == 10 and value[4] == value[7] == "-":  # a day: no pattern needed
        try:
            day = date.fromisoformat(value)
        except ValueError:
            day = None
        if day is not None:
            return (day, day) if YEARS[0] <= day.year <= YEARS[1] else None
    b = keys.date_bounds(value) if value else None
    return b if b and YEARS[0] <= b[0].year <= YEARS[1] else None


def _centre(b: tuple[date, date]) -> date:
    return b[0] + (b[1] - b[0]) / 2


def window(lanes: Sequence[Lane], current: str | None = None) -> tuple[date, date] | None:
    """The date window that shows where the meetings are, with outliers left out.

    Meetings are split into clusters wherever two consecutive starts lie more than
    ``GAP`` apart; the window spans the cluster of the current meeting, else the
    one with the most meetings (the latest on a tie). So one 2012 mention or a
    year-long bar does not squeeze the real rounds into a corner; what lies
    outside is drawn in the "earlier" and "later" columns and stays reachable.
    """
    dated = sorted((_centre(b), m["id"], b) for lane in lanes for m in lane.meetings
                   if (b := _day(m.get("start"))))
    if not dated:
        return None
    clusters: list[list[tuple[date, str, tuple[date, date]]]] = [[dated[0]]]
    for prev, item in zip(dated, dated[1:], strict=False):
        if (item[0] - prev[0]) > GAP:
            clusters.append([])
        clusters[-1].append(item)
    chosen = next((c for c in clusters if any(i[1] == current for i in c)), None) or max(
        clusters, key=lambda c: (len(c), c[-1][0]))
    exact = [i[2] for i in chosen if i[2][0] == i[2][1]] or [i[2] for i in chosen]
    lo, hi = min(b[0] for b in exact), max(b[1] for b in exact)
    ids = {i[1] for i in chosen}
    for lane in lanes:  # postponements of the chosen meetings stay in view
        for mid, ms in lane.moves.items():
            for mv in ms if mid in ids else ():
                for b in (_day(mv.old), _day(mv.new)):
                    if b and abs((b[0] - lo).days) < GAP.days * 2:
                        lo, hi = min(lo, b[0]), max(hi, b[0])
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


@dataclass(frozen=True)
class Frame:
    """Where things go: the date window on the plot, and the side columns beyond it."""

    lo: date
    hi: date
    left: float  # plot area
    right: float
    earlier: float  # centre x of the "earlier" column
    later: float
    undated: float

    def x(self, d: date) -> float:
        span = max(1, (self.hi - self.lo).days)
        return round(self.left + (self.right - self.left) * (d - self.lo).days / span, 1)

    def place(self, b: tuple[date, date] | None) -> tuple[str, float, float]:
        """("plot", x0, x1) clamped to the window, else the side column's centre."""
        if b is None:
            return "undated", self.undated, self.undated
        if b[1] < self.lo:
            return "earlier", self.earlier, self.earlier
        if b[0] > self.hi:
            return "later", self.later, self.later
        return "plot", self.x(max(b[0], self.lo)), self.x(min(b[1], self.hi))


def frame(lanes: Sequence[Lane], width: int, current: str | None = None,
          given: tuple[date, date] | None = None) -> Frame:
    """The frame of a timeline: ``given`` (a zoom the person chose) or ``window``."""
    lo, hi = given or window(lanes, current) or (
        date.today() - timedelta(days=30), date.today() + timedelta(days=30))
    if hi <= lo:
        hi = lo + timedelta(days=1)
    left = LABEL_W + SIDE_W
    undated = width - UNDATED_W / 2 - 6
    later = width - UNDATED_W - SIDE_W / 2 - 6
    return Frame(lo, hi, left, later - SIDE_W / 2 - 4, LABEL_W + SIDE_W / 2 - 2, later, undated)


def timeline(lanes: Sequence[Lane], *, current: str | None = None, width: int = 1000,
             title: str = "Timeline of meetings",
             given: tuple[date, date] | None = None) -> Markup:
    """Meetings as markers on a shared date axis, one lane per process.

    Day-exact starts are circles (round number inside), month- or year-only
    starts are bars over the period. A postponement is an arrow from the date
    stated before it (hollow marker) to the new one. The window shows where
    the meetings are (``window``) or the period ``given``; meetings before or
    after it sit in the "earlier"/"later" columns, undated ones in their own
    column at the right. Every marker links to its meeting page.
    """
    fr = frame(lanes, width, current, given)
    height = AXIS_H + LANE_H * max(1, len(lanes)) + 8
    parts: list[Markup] = [el("title", {"id": "tl-title"}, title),
                           el("desc", {}, f"Meetings from {fr.lo} to {fr.hi}; colour and "
                              "shape show the latest reported status; arrows show "
                              "postponements from the old date to the new one.")]
    parts.append(Markup(
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" '
        'markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'class="arrowhead"/></marker></defs>'))
    axis: list[Markup] = [el("line", {"x1": fr.left, "x2": fr.right, "y1": AXIS_H - 6,
                                      "y2": AXIS_H - 6, "class": "axis"})]
    for d, label in _ticks(fr.lo, fr.hi):
        if not 24 <= fr.x(d) - fr.left <= fr.right - fr.left - 20:  # clear of the side labels
            continue
        axis.append(el("line", {"x1": fr.x(d), "x2": fr.x(d), "y1": AXIS_H - 10,
                                "y2": height - 4, "class": "grid"}))
        axis.append(el("text", {"x": fr.x(d), "y": AXIS_H - 14, "class": "tick"}, label))
    for cx, label in ((fr.earlier, "◀ earlier"), (fr.later, "later ▶"),
                      (fr.undated, "undated")):
        axis.append(el("text", {"x": cx, "y": AXIS_H - 14, "class": "tick side"}, label))
    for x0 in (fr.left - 3, fr.right + 3, fr.undated - UNDATED_W / 2):
        axis.append(el("line", {"x1": x0, "x2": x0, "y1": AXIS_H - 20, "y2": height - 4,
                                "class": "divider"}))
    parts.append(el("g", {"class": "axis-group", "aria-hidden": "true"}, *axis))
    for n, lane in enumerate(lanes):
        parts.append(_lane(lane, AXIS_H + n * LANE_H, fr, current))
    return el("svg", {"class": "timeline", "viewBox": f"0 0 {width} {height}",
                      "width": "100%", "role": "group", "aria-labelledby": "tl-title",
                      "data-from": fr.lo.isoformat(), "data-to": fr.hi.isoformat(),
                      "preserveAspectRatio": "xMinYMin meet", "xmlns": "http://www.w3.org/2000/svg"},
              *parts)


def _label(lane: Lane, mid_y: float) -> Markup:
    """The lane's name on up to two lines (the whole name in its tooltip)."""
    words, lines = lane.label.split(), [""]
    for w in words:
        if len(lines[-1]) + len(w) + 1 > 24 and lines[-1]:
            if len(lines) == 2:
                lines[-1] = lines[-1][:22] + "…"
                break
            lines.append("")
        lines[-1] = (lines[-1] + " " + w).strip()
    lines = [ln if len(ln) <= 26 else ln[:25] + "…" for ln in lines]
    top = mid_y + 4 - (len(lines) - 1) * 7
    spans = [el("tspan", {"x": 8, "y": top + 14 * i}, ln) for i, ln in enumerate(lines)]
    text = el("text", {"class": "lane-label"}, el("title", {}, lane.label), *spans)
    return el("a", {"href": lane.href}, text) if lane.href else text


def _lane(lane: Lane, top: int, fr: Frame, current: str | None) -> Markup:
    mid_y = top + LANE_H / 2
    out: list[Markup] = [el("rect", {"x": 0, "y": top, "width": "100%", "height": LANE_H,
                                     "class": "lane"}), _label(lane, mid_y)]
    placed: list[float] = []
    side: dict[str, int] = {}
    for m in lane.meetings:
        where, x0, x1 = fr.place(_day(m.get("start")))
        for mv in lane.moves.get(m["id"], []) if where == "plot" else ():
            out.append(_move(mv, fr, mid_y))
        if where != "plot":
            k = side.get(where, 0)
            side[where] = k + 1
            cx = x0 + ((k % 3) - 1) * 16
            out.append(_marker(m, cx, mid_y + (k // 3 % 2) * 8 - 4, None, current, small=True))
            continue
        cx = (x0 + x1) / 2
        near = sum(1 for p in placed if abs(p - cx) < 2 * R)
        placed.append(cx)
        cy = mid_y + (-7 if near % 2 else 7) * (1 if near else 0)
        out.append(_marker(m, cx, cy, (x0, x1) if x1 - x0 > 1 else None, current))
    return el("g", {"class": "lane-group", "data-lane": lane.label}, *out)


def _move(mv: Move, fr: Frame, y: float) -> Markup:
    old, new = _day(mv.old), _day(mv.new)
    if not old or not new or fr.place(old)[0] != "plot" or fr.place(new)[0] != "plot":
        return Markup("")
    x0, x1 = fr.x(old[0]), fr.x(new[0])
    lift = min(LANE_H / 2 - 4, 8 + abs(x1 - x0) / 6)
    d = f"M{x0},{y - 4} C{x0},{y - lift - 6} {x1},{y - lift - 6} {x1 - (3 if x1 > x0 else -3)},{y - R}"
    tip = f"postponed from {mv.old} to {mv.new} (reported {mv.reported or '?'})"
    return el("g", {"class": "move"},
              el("title", {}, tip),
              el("circle", {"cx": x0, "cy": y, "r": R - 3, "class": "old-date"}),
              el("path", {"d": d, "class": "move-path", "marker-end": "url(#arrow)"}))


def _marker(m: dict[str, Any], cx: float, cy: float, bar: tuple[float, float] | None,
            current: str | None, small: bool = False) -> Markup:
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
        shape.append(el("circle", {"cx": cx, "cy": cy, "r": R - 3 if small else R,
                                   "class": "shape"}))
    if status == "cancelled":
        shape.append(el("path", {"d": f"M{cx - 6},{cy - 6} L{cx + 6},{cy + 6}", "class": "cross"}))
    if m.get("round") and not small:
        shape.append(el("text", {"x": cx, "y": cy + 4, "class": "round"}, m["round"]))
    return el("a", {"href": f"/meetings/{m['id']}", "class": cls, "data-meeting": m["id"],
                    "data-status": status, "aria-label": tip},
              el("title", {}, tip), *shape)


def mark_current(drawing: Markup, meeting_id: str) -> Markup | None:
    """A timeline drawn without a current meeting, with ``meeting_id``'s marker marked as
    ``timeline(current=meeting_id)`` marks it (the meetings of a process share one drawing
    of their lane); None when that marker is not drawn exactly once."""
    text = str(drawing)
    head = f'<a href="{_value(f"/meetings/{meeting_id}")}" class="marker '
    at = text.find(head)
    if at < 0 or text.find(head, at + 1) >= 0:
        return None
    end = text.index('"', at + len(head))
    return Markup(text[:end] + " current" + text[end:])


def zooms(lo: date, hi: date) -> dict[str, tuple[date, date]]:
    """The windows one step away: zoomed in and out around the centre, moved left and right."""
    span = hi - lo
    mid = lo + span / 2
    quarter, half = max(span / 4, timedelta(days=7)), span / 2
    return {"in": (mid - quarter, mid + quarter), "out": (lo - half, hi + half),
            "earlier": (lo - half, hi - half), "later": (lo + half, hi + half)}


def given_window(start: str | None, end: str | None) -> tuple[date, date] | None:
    """A window a person chose with ``from``/``to`` (either may be missing)."""
    lo, hi = _day(start), _day(end)
    if not lo and not hi:
        return None
    if lo and hi:
        return lo[0], hi[1]
    if lo:
        return lo[0], lo[0] + timedelta(days=365)
    assert hi is not None
    return hi[1] - timedelta(days=365), hi[1]


def volume(counts: Sequence[tuple[str, int]], lo: date, hi: date, *, width: int = 1000,
           title: str = "Reports per day") -> Markup:
    """Articles per day as bars on the timeline's own x axis (attention is a signal)."""
    fr = frame([], width, given=(lo, hi))
    height, base = 64, 52
    days = [(b[0], n) for v, n in counts if (b := _day(v)) and lo <= b[0] <= hi]
    top = max((n for _, n in days), default=0)
    parts: list[Markup] = [el("title", {"id": "vol-title"}, title),
                           el("desc", {}, f"{sum(n for _, n in days)} articles from {lo} to "
                              f"{hi}; the busiest day has {top}.")]
    parts.append(el("text", {"x": 8, "y": base - 14, "class": "lane-label"}, "Reports per day"))
    parts.append(el("text", {"x": 8, "y": base + 2, "class": "vol-max"}, f"busiest day: {top}"))
    parts.append(el("line", {"x1": fr.left, "x2": fr.right, "y1": base, "y2": base,
                             "class": "axis"}))
    bar = max(1.5, (fr.right - fr.left) / max(1, (hi - lo).days) * 0.8)
    w = round(bar, 1)
    for d, n in days:  # dates and numbers only: no text to escape, so written directly
        h = round(40 * n / top, 1) if top else 0
        parts.append(Markup(
            f'<rect x="{round(fr.x(d) - bar / 2, 1)}" y="{round(base - h, 1)}" width="{w}"'
            f' height="{h}" class="vol"><title>{d.isoformat()}: {int(n)}'
            f' article{"s" if n != 1 else ""}</title></rect>'))
    return el("svg", {"class": "timeline volume", "viewBox": f"0 0 {width} {height}",
                      "width": "100%", "role": "img", "aria-labelledby": "vol-title",
                      "preserveAspectRatio": "xMinYMin meet",
                      "xmlns": "http://www.w3.org/2000/svg"}, *parts)
