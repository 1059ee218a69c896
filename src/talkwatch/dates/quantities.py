"""Units and quantities: "this week", "the next month", "three days ago", "in two weeks".

A unit word shifts from the publication date ("last year") or from the anchor,
the date the story last named ("the following week", "two days later"); a
bare quantity ("for three days") is a duration and names no date.
"""

from __future__ import annotations

import re
from datetime import date

from .calendar import NULL, Value, shift, shift_day
from .calendar import as_day as _day
from .calendar import as_year as _year
from .calendar import weekend_value as _weekend
from .cues import cues
from .expression import YEAR, Expr, anchor_date, anchor_side, number, unit_shift


def unit_expr(e: Expr, pub: date | None, direction: int, anchor: Value | None) -> Value | None:
    c = cues()
    if q := c.qty_re.search(e.text):
        return _quantity(e, q, pub, anchor)
    ws = e.words
    anchored = anchor_side(e)
    if YEAR.search(e.text):
        return None  # "the year 2000": the year rule
    if m := c.unit_word_re.search(e.text):
        unit = c.units[m["unit"]]
        if m["unit"] != unit and m["unit"].endswith("s"):
            return NULL  # "the coming days", "the following years": no count, no calendar unit
    elif anchored and ws & c.words("day_parts"):
        unit = "day"  # "the next morning", "that night"
    else:
        return None
    if anchored:
        ref = anchor_date(anchor)
        if ref is None or not _fine_enough(ref[1], unit):
            return NULL
        return shift(ref[0], unit, 0 if anchored == 3 else anchored)
    if _IN_THE_DAY.match(e.text):  # "later in the day": the day being told, else today
        ref = anchor_date(anchor)
        if ref is not None and ref[1] == "day":
            return _day(ref[0])
        return _day(pub) if pub is not None else NULL
    if pub is None:
        return NULL
    if period_end(e.text):
        # "since year-end", "had $3 billion at the end of the year": a past clause
        # looks back to the last end, the one of the current period lies ahead
        year = shift(pub, unit, -1 if direction < 0 else 0)
        if unit == "year" and _CLOSING_DAY.search(e.text) and year[0]:
            return _day(date(int(year[0]), 12, 31))  # "year-end": the closing (balance-sheet) day
        return year
    k = unit_shift(ws)
    if unit == "weekend":
        if k is None and not e.text.startswith("weekend") and "the" not in e.lead:
            return NULL
        return _weekend(pub, k or 0, direction)
    if k is None:
        if _DEFINITE.match(e.text) and ("the" in e.lead or "the" in ws):
            # "the year", "the full year", "earlier in the year": the reporting period
            return shift(pub, unit, 0) if unit in ("year", "month") else NULL
        return NULL
    return shift(pub, unit, k)


_PERIOD_END = re.compile(
    r"^(?:(?:year|month)[- ]?end|(?:around |about |near |by )?(?:the )?end of the (?:year|month))$"
    r"|(?<![a-z])(?:year|month)(?:'s)?[- ]end(?![a-z])"
)


_CLOSING_DAY = re.compile(r"(?<![a-z])year[- ]end(?![a-z])")


def period_end(text: str) -> bool:
    """'year-end', 'year's end', 'the end of the year': the end of the current period, unnamed."""
    return bool(_PERIOD_END.search(text.lower().strip()))


_IN_THE_DAY = re.compile(r"^(?:early |earlier |late |later )?in the day$")
_DEFINITE = re.compile(
    r"^(?:(?:earlier|later|early|late|so far|the rest of|the remainder of|the end of)\s+)?"
    r"(?:in\s+)?(?:the\s+)?(?:full |fiscal |whole |entire )?(?:year|month)$"
)


def _fine_enough(granularity: str, unit: str) -> bool:
    order = {"day": 0, "month": 1, "year": 2}
    need = {"day": 0, "week": 0, "weekend": 0, "fortnight": 0, "month": 1, "year": 2}
    return unit in need and order.get(granularity, 3) <= need[unit]


def _quantity(e: Expr, q: re.Match[str], pub: date | None, anchor: Value | None) -> Value:
    """'three days ago', 'two weeks later', 'in two weeks'; a bare quantity is a duration."""
    c = cues()
    n = number(q["num"])
    unit = c.units[q["unit"]]
    after = re.sub(r"^(?:or so|or more|or two)\b\s*", "", e.text[q.end():].strip())
    offset = next((v for k, v in c.raw["offsets"].items() if after.startswith(k)), None)
    before = e.text[:q.start()].strip()
    if offset is None and e.lead[-1:] == ("in",) and (not before or before in c.words("quantity_hedges")):
        offset = "future"  # "in two weeks", not "in the first nine months"
    if offset is None and (y := YEAR.search(e.text)):
        return _year(int(y[1]))  # "the first nine months of 1997"
    if offset is None and pub is not None and (
        m := re.search(r"\bof (the|this|last|next) year$", e.text)
    ):
        return _year(pub.year + {"last": -1, "next": 1}.get(m[1], 0))
    if n is None or offset is None:
        return NULL
    if unit in ("week", "fortnight"):  # "two weeks ago": 14 days, a day as TimeML counts it
        unit, n = "day", n * (14 if unit == "fortnight" else 7)
    sign = -1 if offset in ("past", "anchor_past") else 1
    if offset.startswith("anchor"):
        ref = anchor_date(anchor)
        if ref is None and pub is not None:
            ref = (pub, "day")
        if ref is None or not _fine_enough(ref[1], unit):
            return NULL
        base = ref[0]
        if e.close_anchor and ref[1] == "day" and unit in ("month", "year") and anchor:
            return shift_day(base, unit, sign * n)  # the same day a year before
    else:
        if pub is None:
            return NULL
        base = pub
    return shift(base, unit, sign * n)
