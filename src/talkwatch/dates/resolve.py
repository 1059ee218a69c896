"""Resolve one temporal expression to a calendar value.

The rules for each form (dates written out, weekdays, month-days, months,
years, holidays, relative days; units and quantities in ``quantities``) live
here, apart from ``spans``, which finds expressions in a parsed document, and
``tense``, which decides their direction from the clause. Values are
``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` with granularity day / month / year;
anything that names no calendar unit of those sizes (durations, "now",
decades, a week straddling two months) is ``(None, None)``. Conventions are documented in ``docs/dates.md``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, timedelta

from .calendar import (
    NULL,
    Value,
    day_of_month,
    month_alone,
    month_day,
    nth_weekday,
    weekday_date,
)
from .calendar import as_day as _day
from .calendar import as_month as _month
from .calendar import as_year as _year
from .calendar import pick as _pick
from .calendar import safe_date as _safe_date
from .cues import cues, fuzzy_weekday
from .expression import (
    YEAR,
    Expr,
    anchor_date,
    anchor_side,
    clean,
    number,
    strictness,
    unit_shift,
    year_shift,
)
from .quantities import unit_expr

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d.])")
_SHORT_YEAR = re.compile(r"(?<![a-z\d])'(\d\d)(?![\d'])")
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def resolve_text(
    text: str, published: date | None, direction: int = 0, anchor: Value | None = None,
    *, close_anchor: bool = False,
) -> Value:
    """Resolve one expression (leading prepositions allowed) against ``published``.

    ``close_anchor``: the anchor is a date of the same sentence, so "a year
    earlier" keeps its day ("in the quarter ended Sept. 30 ... a year earlier").
    """
    c = cues()
    e = clean(text)
    if close_anchor:
        e = replace(e, close_anchor=True)
    s, ws = e.text, e.words
    if not s:
        return NULL
    lead = set(e.lead)
    if lead & c.words("prepositions", "past"):
        direction = -1
    elif direction == 0 and lead & c.words("prepositions", "future"):
        direction = 1
    if s == "then":  # "until then": the anchor itself
        return anchor if anchor and anchor[0] else NULL
    if (m := _offset_pattern().match(s)) and (v := _offset_from(m, published, direction, anchor)):
        return v
    for absolute in (_iso, _numeric):
        if (v := absolute(s)) is not None:
            return v
    if (v := _month_day_expr(s, ws, published, direction)) is not None:
        return v
    if m := c.month_year_re.search(s):
        mon = c.month(m["mon"])
        return _month(int(m["year"]) * 12 + mon - 1) if mon else NULL
    if published is None and not (ws & c.words("modifiers", "anchored")) and not YEAR.search(s):
        return NULL
    for rule in (_weekday_expr, _month_expr, _holiday_expr, _relative_day_expr, unit_expr):
        if (v := rule(e, published, direction, anchor)) is not None:
            return v
    if published is not None and (m := _ORDINAL_DAY.match(s)):
        return day_of_month(int(m[1]), published, direction)
    if m := YEAR.search(s):
        return NULL if m["dec"] and m[1].endswith("0") else _year(int(m[1]))
    if m := _SHORT_YEAR.search(s):
        yy = int(m[1])
        pivot = (published.year % 100 + 10) if published else 30
        return _year((2000 if yy <= pivot else 1900) + yy)
    return NULL


@functools.cache
def _offset_pattern() -> re.Pattern[str]:
    """'the day before ...', 'two weeks after ...': a count of days or weeks from a day."""
    counts = sorted((re.escape(word) for word in cues().numbers), key=len, reverse=True)
    return re.compile(
        r"^(?:(?P<num>the|" + "|".join(counts) + r"|\d{1,2}) )?"
        r"(?P<unit>days?|weeks?) (?P<side>before|after) (?P<rest>.+)$"
    )


def _offset_from(m: re.Match[str], pub: date | None, direction: int,
                 anchor: Value | None) -> Value | None:
    """'the day before last Tuesday', 'two days after Christmas': a day counted from a day."""
    base = resolve_text(m["rest"], pub, direction, anchor)
    if base[1] != "day" or base[0] is None:
        return None
    n = 1 if m["num"] in (None, "the", "a", "an") else number(m["num"])
    if n is None:
        return None
    days = n * (7 if m["unit"].startswith("week") else 1)
    return _day(date.fromisoformat(base[0]) + timedelta(days=days if m["side"] == "after" else -days))


def _iso(s: str) -> Value | None:
    if m := _ISO.search(s):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return _day(d) if d else NULL
    return None


def _numeric(s: str) -> Value | None:
    """'23/02/2017' day first when the first number exceeds 12, else month first (US)."""
    if m := _NUMERIC.search(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        d = _safe_date(y, b, a) if a > 12 else _safe_date(y, a, b)
        return _day(d) if d else NULL
    return None


def _month_day_expr(s: str, ws: frozenset[str], pub: date | None, direction: int) -> Value | None:
    c = cues()
    m = c.month_day_re.search(s) or c.day_month_re.search(s)
    if not m:
        return None
    mon, day = c.month(m["mon"]), int(m["day"])
    if not mon or not 1 <= day <= 31:
        return None
    if m["year"]:
        d = _safe_date(int(m["year"]), mon, day)
        return _day(d) if d else NULL
    if pub is None:
        return NULL
    if (k := year_shift(ws)) is not None:
        d = _safe_date(pub.year + k, mon, day)
        return _day(d) if d else NULL
    if (w := c.weekday_re.search(s)) and (wd := c.weekday(w["wd"])):
        # "Saturday, April 25": the nearest year in which that day is that weekday
        years = [y for y in range(pub.year - 6, pub.year + 7)
                 if (d := _safe_date(y, mon, day)) and d.isoweekday() == wd]
        if years:
            return _day(date(min(years, key=lambda y: abs(y - pub.year)), mon, day))
    direction, strict = strictness(ws, direction)
    return month_day(mon, day, pub, direction, strict)


def _weekday_expr(e: Expr, pub: date | None, direction: int, anchor: Value | None) -> Value | None:
    c = cues()
    m = c.weekday_re.search(e.text)
    wd = c.weekday(m["wd"]) if m else None
    if wd is None:
        first = e.text.split(" ")[0]
        rest = set(e.text.split(" ")[1:])
        if rest <= c.words("day_parts") | {"early", "late"}:
            wd = fuzzy_weekday(first)
    if wd is None:
        return None
    ws = e.words
    if anchored := anchor_side(e):
        ref = anchor_date(anchor)
        if ref is None or ref[1] != "day":
            return NULL
        step = -1 if anchored < 0 else 1
        return _day(weekday_date(wd, ref[0], step, True))
    if pub is None:
        return NULL
    if "week" in ws and (k := unit_shift(ws)) is not None:
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * k)
        return _day(monday + timedelta(days=wd - 1))
    direction, strict = strictness(ws, direction)
    return _day(weekday_date(wd, pub, direction, strict))


def _month_expr(e: Expr, pub: date | None, direction: int, anchor: Value | None) -> Value | None:
    c = cues()
    m = c.month_re.search(e.text)
    if not m or pub is None:
        return None
    mon = c.month(m["mon"])
    if not mon:
        return None
    if (k := year_shift(e.words)) is not None:
        return _month((pub.year + k) * 12 + mon - 1)
    if m2 := YEAR.search(e.text):
        return _month(int(m2[1]) * 12 + mon - 1)
    if "this" in e.words and "past" not in e.words:
        return _month(pub.year * 12 + mon - 1)
    direction, strict = strictness(e.words, direction)
    return month_alone(mon, pub, direction, strict)


def _holiday_expr(e: Expr, pub: date | None, direction: int, anchor: Value | None) -> Value | None:
    c = cues()
    if c.holiday_re is None or not (m := c.holiday_re.search(e.text)) or pub is None:
        return None
    md = (c.raw.get("holidays") or {}).get(m["hol"])
    if floating := (c.raw.get("floating_holidays") or {}).get(m["hol"]):
        return _floating(floating, e, pub, direction)
    if not md:
        return NULL
    if y := YEAR.search(e.text):
        d = _safe_date(int(y[1]), md[0], md[1])
        return _day(d) if d else NULL
    direction, strict = strictness(e.words, direction)
    return month_day(md[0], md[1], pub, direction, strict)


def _floating(rule: list[int], e: Expr, pub: date, direction: int) -> Value:
    """Thanksgiving and the like: the n-th weekday of a month, in the year the cues point to."""
    month, wd, nth = rule
    if y := YEAR.search(e.text):
        return _day(nth_weekday(int(y[1]), month, wd, nth))
    direction, strict = strictness(e.words, direction)
    cands = [nth_weekday(y, month, wd, nth) for y in (pub.year - 1, pub.year, pub.year + 1)]
    chosen = _pick(cands, pub, direction, strict)
    return _day(chosen) if chosen else NULL


def _relative_day_expr(
    e: Expr, pub: date | None, direction: int, anchor: Value | None
) -> Value | None:
    c = cues()
    ws = e.words
    rel = c.raw["relative_days"]
    hits = [rel[w] for w in ws if w in rel]
    parts = ws & c.words("day_parts")
    if not hits:
        if parts and ws & {"this", "last"} and not ws & set(c.units):
            hits = [-1 if "last" in ws else 0]
        else:
            return None
    if pub is None:
        return NULL
    offset = hits[0]
    if "day" in ws and "before" in ws and offset < 0:
        offset -= 1
    elif "day" in ws and "after" in ws and offset > 0:
        offset += 1
    return _day(pub + timedelta(days=offset))
