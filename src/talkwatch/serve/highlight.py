"""An article body cut into segments, each tagged with the facts whose evidence covers it.

Facts overlap (a sentence states a participation and holds a quote, a date
and two actor mentions), so the body is cut at every fact boundary and each
piece lists the facts over it. Templates print the pieces with autoescaping:
the body is untrusted text and is never marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# sentence-level facts tint the background; span-level marks underline words
SENTENCE_KINDS = ("meeting", "participation", "delegation", "position", "agreement", "event")
SPAN_KINDS = ("actor", "date", "quote")


@dataclass(frozen=True)
class Mark:
    """One fact (or one mention) at a character span of the body."""

    kind: str
    start: int
    end: int
    label: str
    detail: str = ""


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[int, ...]  # indices into the marks list
    kinds: tuple[str, ...]


def _span(ev: Any) -> tuple[int, int] | None:
    if not isinstance(ev, dict):
        return None
    s, e = ev.get("start"), ev.get("end")
    if isinstance(s, int) and isinstance(e, int) and e > s >= 0:
        return s, e
    return None


def _mentions(digest: dict[str, Any]) -> list[tuple[dict[str, Any], tuple[Any, Any]]]:
    """Each actor with each of its mention spans."""
    return [
        (a, (m[0], m[1]))
        for a in digest.get("actors") or []
        for m in a.get("mentions") or []
        if isinstance(m, list | tuple) and len(m) == 2
    ]


def _stretches(quote: dict[str, Any]) -> list[tuple[Any, Any]]:
    """A quote's parts (a passage split by its attribution), else its one span."""
    parts = [p for p in quote.get("parts") or [] if isinstance(p, list | tuple) and len(p) == 2]
    return [tuple(p) for p in parts] or [(quote.get("start"), quote.get("end"))]


def marks(digest: dict[str, Any]) -> list[Mark]:
    """Every fact of a digest with a span in the body, in body order."""
    names = {a.get("id"): a.get("name") or "?" for a in digest.get("actors") or []}
    meetings = {m.get("id"): m.get("name") or "meeting" for m in digest.get("meetings") or []}
    out: list[Mark] = []

    def add(kind: str, ev: Any, label: str, detail: str = "") -> None:
        span = _span(ev)
        if span:
            out.append(Mark(kind, *span, label, detail))

    for a, (s, e) in _mentions(digest):
        add("actor", {"start": s, "end": e}, a.get("name") or "?",
            " ".join(x for x in (a.get("type"), a.get("country")) if x))
    for m in digest.get("meetings") or []:
        name = m.get("name") or "meeting"
        hist = m.get("history") or []
        for h in hist:
            add("meeting", h.get("evidence"), f"{name}: {h.get('status') or '?'}",
                f"start {h.get('start') or '?'}")
        if not any(_span(h.get("evidence")) for h in hist):
            for ev in m.get("evidence") or []:
                add("meeting", ev, f"{name}: {m.get('status') or '?'}",
                    f"start {m.get('start') or '?'}")
    for p in digest.get("participations") or []:
        add("participation", p.get("evidence"),
            f"{names.get(p.get('actor'), '?')}: {p.get('status')}",
            " ".join(x for x in (meetings.get(p.get("meeting")), p.get("role"),
                                 "hedged" if p.get("hedged") else None) if x))
    for d in digest.get("delegations") or []:
        add("delegation", d.get("evidence"), f"delegation of {names.get(d.get('actor'), '?')}",
            " ".join(x for x in (f"size {d['size']}" if d.get("size") else None,
                                 f"head {names.get(d.get('head'))}" if d.get("head") else None)
                     if x))
    for q in digest.get("quotes") or []:
        for s, e in _stretches(q):  # the quoted words, not the attribution between them
            add("quote", {"start": s, "end": e},
                f"quote by {names.get(q.get('speaker'), q.get('speaker_text') or '?')}")
    for p in digest.get("positions") or []:
        add("position", p.get("evidence"),
            f"{names.get(p.get('actor'), '?')} {p.get('stance')}: {p.get('issue')}")
    for a in digest.get("agreements") or []:
        add("agreement", a.get("evidence"),
            f"{a.get('kind') or 'agreement'}: {a.get('status') or 'status not stated'}",
            a.get("name") or "")
    for e in digest.get("events") or []:
        add("event", e.get("evidence"),
            f"event {e.get('cameo') or ''} {e.get('plover') or ''}".strip(),
            f"{names.get(e.get('source'), '')} -> {names.get(e.get('target'), '')}")
    for d in digest.get("dates") or []:
        add("date", {"start": d.get("start"), "end": d.get("end")}, d.get("text") or "date",
            f"= {d.get('value') or '?'}")
    out.sort(key=lambda m: (m.start, -m.end, m.kind, m.label))
    return out


def segments(body: str, found: list[Mark]) -> list[Segment]:
    """The body cut at every mark boundary; each piece lists the marks covering it."""
    size = len(body)
    cuts = {0, size}
    for m in found:
        cuts.update((min(m.start, size), min(m.end, size)))
    points = sorted(cuts)
    starts: dict[int, list[int]] = {}
    for i, m in enumerate(found):
        starts.setdefault(min(m.start, size), []).append(i)
    active: set[int] = set()
    out: list[Segment] = []
    for a, b in zip(points, points[1:], strict=False):
        active.update(starts.get(a, ()))
        active = {i for i in active if min(found[i].end, size) > a}
        if a == b:
            continue
        ids = tuple(sorted(active))
        kinds = tuple(sorted({found[i].kind for i in ids}))
        out.append(Segment(body[a:b], ids, kinds))
    return out
