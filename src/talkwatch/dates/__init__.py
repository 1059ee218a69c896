"""Temporal expressions of an article, resolved against its publication date by tense.

The stages, one module each: ``spans`` finds the expressions in the parsed
text; ``tense`` reads from the clause which way a bare one points (the coming
Thursday or the last one), with the parse repairs of ``syntax``; ``resolve``
turns expression + direction into a calendar value, with the word grammar in
``expression`` and ``quantities`` and the arithmetic in ``calendar``. This
module walks the expressions in text order, carrying the anchor that "the next
day" or "two days later" counts from and the day the story last told, and
splits what names two dates ("1998-99", "the year ended Sept. 30").
"""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date
from typing import Any

from ..model import DateExpr
from . import spans, tense
from .calendar import LEAN_AHEAD, LEAN_BEHIND, weekday_date
from .cues import cues, fuzzy_weekday
from .expression import year_range
from .quantities import period_end
from .resolve import Value, resolve_text

__all__ = ["normalize", "resolve"]

_ORDINAL_DAY = re.compile(r"(?i)^(?:the\s+)?(?:\w+)(?:st|nd|rd|th)\s+(?:full\s+)?day$")
_NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def resolve(
    text: str, published: date | None, *, direction: int = 0, anchor: Value | None = None
) -> tuple[str | None, str | None]:
    """Resolve one expression: +1 the future reading, -1 the past one, 0 the nearest.

    ``anchor`` (value, granularity) is the date "two days later" or "the next
    day" counts from; without it they count from ``published``/give null.
    """
    return resolve_text(text, published, direction, anchor)


def normalize(doc: Any, published: date | None) -> list[DateExpr]:
    """Every temporal expression of ``doc`` (sorted by start) with its resolved value."""
    out: list[DateExpr] = []
    anchor: Value | None = None
    anchor_sent = -10
    told_day: Value | None = None  # the last day named outright: "the previous Friday" counts back
    anchor_dated = False  # the anchor names its month ("Sept. 30"), not just a weekday
    sent_starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    body = doc.text  # Doc.text joins every token: build it once
    directional = _directional()
    anchored = _anchored_pattern()
    for start, end, lead in spans.candidates(doc, body):
        span = doc[start:end]
        sent = bisect.bisect_right(sent_starts, start) - 1
        prep_tok = tense.preposition(span)
        prep = prep_tok.lower_ if prep_tok is not None else None
        if prep in directional:  # already weighed by tense.direction, with the verb
            lead, prep = tuple(w for w in lead if w not in directional), None
        words = [prep, *lead] if prep and prep not in lead else list(lead)  # in text order
        text = body[span.start_char:span.end_char]
        direction, weak = tense.direction(span, prep_tok)
        if weak and not (_has_weekday(text) or _past_period_end(text, prep_tok)):
            # "gave no reason for the Jan. 14 deadline": leaning behind; a period's end
            # inside a noun phrase ("a goal of ... by the end of the year") either way
            direction = 0 if period_end(text) else LEAN_BEHIND
        # "two days later", "the next day": a date of this sentence, or a day of the last one
        # ("the following month", "that year" reach three sentences back)
        gap = sent - anchor_sent
        recent = anchor is not None and (
            gap == 0 or (gap == 1 and anchor[1] == "day")
            or (gap <= 3 and bool(anchored.search(text)))
        )
        near = anchor if recent else None
        if near is None and told_day is not None and anchored.search(text) and _has_weekday(text):
            near = told_day  # "down 4.5% from the previous Friday": the Friday the story tells
        # "in the quarter ended Sept. 30 ... a year earlier": a calendar date of this sentence
        close = near is not None and gap == 0 and near[1] == "day" and anchor_dated
        value, granularity = resolve_text(" ".join([*words, text]), published, direction, near,
                                          close_anchor=close)
        if tense.spans_back(span, prep_tok):
            value, granularity = None, None
        if direction > 0 and gap == 0 and value is not None and (
            day := _day_after_told(text, anchor, published)
        ) and tense.future_in_past(span):
            value, granularity = day  # "spoke last Thursday, when they agreed it should be Saturday"
        elif abs(direction) == LEAN_AHEAD and (same := _same_weekday(text, told_day, published)):
            value, granularity = same  # "kicked off on Friday ... confirmed they would attend on Friday"
        if value is None and (_ORDINAL_DAY.match(text) or text.lower() == "day"):
            value, granularity = _copula_day(span, out, published, told_day)
        if value is None and text.lower() == "last" and (unit := _elided_unit(span)):
            value, granularity = resolve_text(f"last {unit}", published, direction, near)
        if value is None and out and (text.lower() == "day" or _ORDINAL_DAY.match(text)):
            value, granularity = _apposed_day(body, span.start_char, out[-1])
        if (years := year_range(text)) is not None:  # "in 1998-99": both years, each its own
            out.extend(DateExpr(text[a:b], span.start_char + a, span.start_char + b, f"{y:04d}",
                                "year") for a, b, y in years)
            value, granularity = out[-1].value, "year"
        else:
            out.append(DateExpr(text, span.start_char, span.end_char, value, granularity))
        if value is not None and not (len(span) == 1 and span.root.dep_ in _NOUN_MODIFIERS):
            # "overnight losses" describes a noun; it names no day the story is told from
            anchor, anchor_sent = (value, granularity), sent
            anchor_dated = bool(cues().month_re.search(text.lower()))
            if granularity == "day" and (anchor_dated or _has_weekday(text)):
                told_day = anchor
    return _period_years(out, body)


@functools.cache
def _directional() -> frozenset[str]:
    """Prepositions that ``tense.direction`` weighs with the verb ("since", "until", "by")."""
    c = cues()
    return c.words("prepositions", "past") | c.words("tense", "until_prepositions")


@functools.cache
def _anchored_pattern() -> re.Pattern[str]:
    """Words that tie an expression to the date told before ("the following day", "until then")."""
    words = sorted(cues().words("modifiers", "anchored") | {"then"})
    return re.compile(r"(?i)\b(?:" + "|".join(words) + r")\b")


def _copula_day(span: Any, out: list[DateExpr], published: date | None,
                told_day: Value | None) -> Value:
    """'Today is the eighth day of the strike', 'Tuesday was the third day': the subject's day;
    'it was a great day for the country' is the day the story tells (today in the present)."""
    head = span.root.head
    if span.root.dep_ != "attr" or head.lower_ not in cues().words("tense", "be_forms"):
        return (None, None)
    subj = next((ch for ch in head.children if ch.dep_ in ("nsubj", "npadvmod")), None)
    if subj is None:
        return (None, None)
    if subj.lower_ in ("it", "this", "today") and head.tag_ in ("VBZ", "VBP"):
        return (published.isoformat(), "day") if published else (None, None)
    if subj.lower_ in ("it", "this", "that") and head.tag_ == "VBD" and told_day is not None:
        return told_day
    char = subj.idx
    for d in out:
        if d.start <= char < d.end and d.granularity == "day":
            return (d.value, d.granularity)
    return (None, None)


_YEAR_PERIOD = re.compile(r"(?i)^(?:(?:fiscal|financial|full|business)\s+)?year$")
_ENDED = re.compile(r"^\s+(?:ended|ending)\s+$")


def _elided_unit(span: Any) -> str | None:
    """'this year than last', 'this week as last': the unit "last" leaves out."""
    before = span.doc[span.sent.start:span.start]
    for tok in reversed(before):
        if tok.lower_ in ("year", "month", "week") and tok.i > 0 and tok.nbor(-1).lower_ == "this":
            return tok.lower_
    return None


def _period_years(out: list[DateExpr], body: str) -> list[DateExpr]:
    """'the year ended Sept. 30, 1988': the year a period names is its end date's year."""
    fixed = list(out)
    for i in range(len(fixed) - 1):
        period, end = fixed[i], fixed[i + 1]
        if _YEAR_PERIOD.match(period.text) and end.value and _ENDED.match(body[period.end:end.start]):
            fixed[i] = DateExpr(period.text, period.start, period.end, end.value[:4], "year")
    return fixed


def _past_period_end(text: str, prep_tok: Any | None) -> bool:
    """'rose to $5 billion by year-end': a period's end on a past verb is behind; one
    inside a noun phrase or on a gerund ('a goal of cutting costs by the end of the year')
    may still be ahead."""
    return period_end(text) and prep_tok is not None and prep_tok.head.tag_ in ("VBD", "VBN")


_APPOSITION = re.compile(r"^\s*,\s*(?:the\s+)?$", re.I)


def _day_after_told(text: str, anchor: Value | None, published: date | None) -> Value | None:
    """A bare weekday counted from the past day told earlier in the sentence, not from
    publication: the first such weekday after that day."""
    c = cues()
    m = c.weekday_re.fullmatch(text.lower().strip())
    if m is None or anchor is None or anchor[1] != "day" or not anchor[0] or published is None:
        return None
    told = date.fromisoformat(anchor[0])
    wd = c.weekday(m["wd"])
    if wd is None or told >= published:
        return None
    return (weekday_date(wd, told, 1, True).isoformat(), "day")


def _same_weekday(text: str, told: Value | None, published: date | None) -> Value | None:
    """A bare weekday read leniently is the day of that name the story already told, when
    that day lies within the week before publication."""
    c = cues()
    m = c.weekday_re.fullmatch(text.lower().strip())
    if m is None or told is None or not told[0] or told[1] != "day" or published is None:
        return None
    day = date.fromisoformat(told[0])
    if day.isoweekday() != c.weekday(m["wd"]) or not 0 < (published - day).days <= 7:
        return None
    return told


def _apposed_day(body: str, start: int, before: DateExpr) -> Value:
    """'since Oct. 12, the day before the plunge': a day set beside the date just told is it."""
    if before.granularity == "day" and _APPOSITION.match(body[before.end:start]):
        return (before.value, before.granularity)
    return (None, None)


def _has_weekday(text: str) -> bool:
    c = cues()
    return bool(c.weekday_re.search(text.lower())) or any(
        fuzzy_weekday(w) for w in re.findall(r"[A-Za-z]+", text)
    )
