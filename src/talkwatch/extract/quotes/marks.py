"""Quote marks paired into quoted stretches of a body, as news is written.

Marks are paired per paragraph: curly, straight and guillemet double marks,
and single marks told apart from apostrophes ("it's", "rebels' demands",
"the '90s"). A paragraph that opens a quote and leaves it open continues it
when the next paragraph opens with a quote mark; an unpaired mark is dropped
and the paragraph re-paired, so one stray mark never hides the other quotes.
Used by the quote extractor (``extract.quotes``); knows nothing of the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOUBLE = {
    "\u201c": ("curly", "open"),
    "\u201d": ("curly", "close"),
    "\u201e": ("curly", "open"),
    "\u00ab": ("guillemet", "open"),
    "\u00bb": ("guillemet", "close"),
    '"': ("straight", None),
}
_SINGLE = {
    "\u2018": ("single", "open"),
    "\u2019": ("single", "close"),
    "'": ("single_straight", None),
}
_QUOTE_CHARS = "".join(_DOUBLE) + "".join(_SINGLE)
_OPEN_BEFORE = "([{\u2014\u2013-/:;" + _QUOTE_CHARS
_CLOSE_AFTER = ".,;:!?)]}\u2014\u2013-\u2026" + _QUOTE_CHARS


@dataclass(frozen=True)
class Span:
    """Quoted words inside the marks; ``group`` ties the parts of one quotation."""

    start: int
    end: int
    group: int
    open_mark: int  # position of the opening mark
    close_mark: int | None  # position of the closing mark (None: runs to paragraph end)


@dataclass(frozen=True)
class _Mark:
    pos: int
    style: str
    role: str


def _role(body: str, i: int, fixed: str | None) -> str | None:
    """Open/close role of a mark from its neighbours (straight marks have no fixed role)."""
    prev = body[i - 1] if i > 0 else " "
    nxt = body[i + 1] if i + 1 < len(body) else " "
    opens = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER)
    if fixed == "open":
        return "close" if closes and not opens and prev not in _OPEN_BEFORE else "open"
    if fixed == "close":
        return "open" if opens and not closes else "close"
    if opens == closes:
        return "open" if fixed is None and _loose_opener(body, i) else None
    return "open" if opens else "close"


def _loose_opener(body: str, i: int) -> bool:
    """ 'he said. " I told them': a straight mark set apart by spaces after a sentence's end opens."""
    spaced = body[i - 1 : i] == " " and body[i + 1 : i + 2] == " "
    return spaced and bool(re.search(r"[.!?:]\s$", body[max(0, i - 2) : i]))


def _double_marks(body: str, start: int, end: int) -> list[_Mark]:
    """Double marks in ``[start, end)`` whose role the neighbours decide."""
    out = []
    for i in range(start, end):
        spec = _DOUBLE.get(body[i])
        if spec:
            role = _role(body, i, spec[1])
            if role:
                out.append(_Mark(i, spec[0], role))
    return out


def _single_marks(body: str, start: int, end: int) -> list[_Mark]:
    """Single marks that can open or close a quote; apostrophes inside words are skipped."""
    out = []
    for i in range(start, end):
        spec = _SINGLE.get(body[i])
        if not spec:
            continue
        prev = body[i - 1] if i > 0 else " "
        nxt = body[i + 1] if i + 1 < len(body) else " "
        if (prev.isspace() or prev in _OPEN_BEFORE) and (nxt.isalnum() or nxt in _QUOTE_CHARS):
            if spec[1] != "close" and not re.match(r"\d\ds\b", body[i + 1 : i + 4]):
                out.append(_Mark(i, "single", "open"))  # '90s is an elision
            elif spec[1] == "close":
                continue
        elif not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER):
            out.append(_Mark(i, "single", "close"))
    return out


def _pair_double(marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], _Mark | None]:
    """Pair marks with a small stack; different styles nest, a repeated opener restarts."""
    stack: list[_Mark] = []
    pairs = []
    for n, m in enumerate(marks):
        if m.role == "open":
            same = next((k for k, s in enumerate(stack) if s.style == m.style), None)
            if same is not None and not _nested_same(marks, n):
                del stack[same:]
            stack.append(m)
            continue
        idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].style == m.style), None)
        if idx is None and len(stack) == 1:  # “mixed marks" still pair
            idx = 0
        if idx is None:
            continue
        opener = stack[idx]
        del stack[idx:]
        if not stack:
            pairs.append((opener, m))
    return pairs, (stack[0] if stack else None)


def _nested_same(marks: list[_Mark], n: int) -> bool:
    """An opener inside an open quote of its own style nests when two closers follow it."""
    closers = 0
    for m in marks[n + 1 :]:
        if m.style != marks[n].style:
            continue
        if m.role == "open":
            break
        closers += 1
    return closers >= 2


def _possessive(body: str, pos: int) -> bool:
    """A closing single mark that may be a plural possessive: "the rebels' demands"."""
    return body[pos - 1 : pos] in ("s", "S") and bool(re.match(r"\s+\w", body[pos + 1 : pos + 4]))


def _pair_single(body: str, marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], _Mark | None]:
    """Pair single marks (no nesting); a possessive-looking closer waits for a later one."""
    pairs = []
    opener: _Mark | None = None
    for k, m in enumerate(marks):
        if m.role == "open":
            opener = m
        elif opener is not None:
            later = next(
                (x for x in marks[k + 1 :] if x.role == "open" or not _possessive(body, x.pos)), None
            )
            if _possessive(body, m.pos) and later is not None and later.role == "close":
                continue
            pairs.append((opener, m))
            opener = None
    return pairs, opener


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """Non-blank lines: news paragraphs, the unit quote marks pair within."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group().strip()]


def _opens_with(body: str, para: tuple[int, int], chars: str) -> bool:
    """Does the paragraph open with one of ``chars`` (a quotation running on)?"""
    text = body[para[0] : para[1]].lstrip()
    return bool(text) and text[0] in chars


_Pairs = list[tuple[_Mark, _Mark]]


def _pair_para(
    body: str, marks: list[_Mark], single: bool, next_opens: bool
) -> tuple[_Pairs, _Mark | None, bool]:
    """Pairs of one paragraph, its open mark and whether the next paragraph continues it.

    An opener left over when the next paragraph does not open with a quote
    mark is a stray: it is dropped and the rest paired again.
    """
    while True:
        pairs, left = _pair_single(body, marks) if single else _pair_double(marks)
        cont = left is not None and next_opens
        if left is None or cont:
            return pairs, left, cont
        flipped = _misprinted_close(body, marks, left)
        marks = [m for m in marks if m is not left] if flipped is None else flipped


def _misprinted_close(body: str, marks: list[_Mark], left: _Mark) -> list[_Mark] | None:
    """ "'... the Government, “said Moncada.": a closer printed as an opener after the open quote.

    An opening mark after another of its style, right after a comma or full
    stop and before a lower-case word, closes the quote the first one opened.
    """
    for k, m in enumerate(marks):
        earlier = any(x.role == "open" and x.style == m.style for x in marks[:k])
        if not earlier or m.role != "open" or m.style != left.style:
            continue
        if re.search(r"[,.!?]\s$", body[max(0, m.pos - 2) : m.pos]) and body[m.pos + 1 : m.pos + 2].islower():
            return [*marks[:k], _Mark(m.pos, m.style, "close"), *marks[k + 1 :]]
    return None


def _scan(body: str, single: bool) -> list[Span]:
    """Quote spans of one mark family over the whole body."""
    paras = _paragraphs(body)
    chars = "\u2018'" if single else '\u201c\u201e\u00ab"'
    out: list[Span] = []
    group = -1
    carry = False  # the previous paragraph left its quotation open
    for n, (ps, pe) in enumerate(paras):
        marks = _single_marks(body, ps, pe) if single else _double_marks(body, ps, pe)
        next_opens = n + 1 < len(paras) and _opens_with(body, paras[n + 1], chars)
        pairs, left, cont = _pair_para(body, marks, single, next_opens)
        first = True
        for o, c in pairs:
            if not (carry and first and o.pos == _first_mark(body, ps)):
                group += 1  # a new quotation, not the continued one
            first = False
            out.append(Span(o.pos + 1, c.pos, group, o.pos, c.pos))
        if cont and left is not None:
            if not (carry and not pairs and left.pos == _first_mark(body, ps)):
                group += 1
            out.append(Span(left.pos + 1, pe, group, left.pos, None))
        carry = bool(cont)
    return out


def _first_mark(body: str, ps: int) -> int:
    """Position of the paragraph's first non-space character (where a continuing mark sits)."""
    i = ps
    while i < len(body) and body[i].isspace():
        i += 1
    return i


def _trimmed(body: str, span: Span) -> Span | None:
    """The span without surrounding spaces; None when nothing but punctuation is quoted."""
    s, e = span.start, span.end
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    if not any(ch.isalnum() for ch in body[s:e]):
        return None
    return Span(s, e, span.group, span.open_mark, span.close_mark)


def find_spans(body: str) -> list[Span]:
    """Every quoted stretch of the body in text order; nested quotes stay inside their outer one."""
    doubles = [s for s in (_trimmed(body, x) for x in _scan(body, False)) if s]
    singles = [s for s in (_trimmed(body, x) for x in _scan(body, True)) if s]
    base = max((s.group for s in doubles), default=-1) + 1
    singles = [Span(s.start, s.end, s.group + base, s.open_mark, s.close_mark) for s in singles]
    kept = list(doubles)
    for s in singles:  # a single-quoted stretch that crosses or sits in a double one is not a quote
        if not any(d.open_mark <= outer_end(s) and s.open_mark <= outer_end(d) for d in doubles):
            kept.append(s)
    kept.sort(key=lambda s: s.start)
    out: list[Span] = []
    for s in kept:
        if out and s.open_mark < outer_end(out[-1]):
            continue
        out.append(s)
    return out


def outer_end(s: Span) -> int:
    """End of the span including its closing mark, or of its paragraph when left open."""
    return s.close_mark if s.close_mark is not None else s.end
