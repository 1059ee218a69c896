"""Resolve one temporal expression to a calendar value.

The expression grammar (weekdays, month-days, months, years, relative words,
"three days ago", "the next day", ...) lives here, apart from ``timex`` which
finds expressions in a parsed document and decides the direction from the
clause's tense. Values are ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` with
granularity day / month / year; anything that names no calendar unit of those
sizes (durations, "now", decades, a week straddling two months) is
``(None, None)``. Conventions are documented in ``docs/dates.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .calendar import (
    NULL,
    Value,
    day_of_month,
    month_alone,
    month_day,
    nth_weekday,
    shift,
    shift_day,
    weekday_date,
)
from .calendar import as_day as _day
from .calendar import as_month as _month
from .calendar import as_year as _year
from .calendar import pick as _pick
from .calendar import safe_date as _safe_date
from .calendar import weekend_value as _weekend
from .cues import cues, fuzzy_weekday

# --- the expression grammar ----------------------------------------------------------

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d.])")
_YEAR = re.compile(r"(?<![\d.,$])(\d{4})(?P<dec>'?s)?(?![\d%])")
_SHORT_YEAR = re.compile(r"(?<![a-z\d])'(\d\d)(?![\d'])")
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class _Expr:
    """A cleaned expression: its text, its words, and the words trimmed from its front."""

    text: str
    words: frozenset[str]
    lead: tuple[str, ...]
    close_anchor: bool = False  # the anchor is a day of the same sentence


def _clean(text: str) -> _Expr:
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s).strip(" ,;:()[]\"")
    s = re.sub(r"'s?$", "", s).strip(" ,;:")
    s = re.sub(r"^'(?!\d\d(?!\d))", "", s)
    s = _spoken_years(s)
    s = re.sub(r"(?<![a-z])year-(ago|earlier)(?![a-z])", r"a year \1", s)
    leads = cues().words("prepositions", "lead")
    lead: list[str] = []
    while True:
        head, _, rest = s.partition(" ")
        two = " ".join(s.split(" ")[:2])
        if rest and two in leads:
            lead.append(two)
            s = s[len(two):].lstrip()
        elif rest and head in leads:
            lead.append(head)
            s = rest
        else:
            break
    return _Expr(s, frozenset(_WORD.findall(s)), tuple(lead))


_SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SPOKEN_NUM = {**{w: i + 1 for i, w in enumerate(_SMALL)},
               **{w: 10 * (i + 2) for i, w in enumerate(_TENS)}}
_SPOKEN_CENTURY = re.compile(
    r"(?<![a-z])(?P<c>eighteen|nineteen|twenty) (?P<tens>" + "|".join(_TENS + _SMALL[9:])
    + r")(?:[- ](?P<unit>" + "|".join(_SMALL[:9]) + r"))?(?![a-z-])"
)
_SPOKEN_2000 = re.compile(
    r"(?<![a-z])two thousand(?: and)?(?: (?P<n>" + "|".join(_SMALL) + r"))?(?![a-z-])"
)


def _spoken_years(s: str) -> str:
    """'nineteen ninety-six' -> '1996', 'the year two thousand' -> 'the year 2000'."""
    if "teen" not in s and "thousand" not in s and "twenty" not in s:
        return s

    def century(m: re.Match[str]) -> str:
        rest = _SPOKEN_NUM[m["tens"]] + (_SPOKEN_NUM[m["unit"]] if m["unit"] else 0)
        return str(_SPOKEN_NUM[m["c"]] * 100 + rest)

    def millennium(m: re.Match[str]) -> str:
        return str(2000 + (_SPOKEN_NUM[m["n"]] if m["n"] else 0))

    return _SPOKEN_2000.sub(millennium, _SPOKEN_CENTURY.sub(century, s))


def _anchor_date(anchor: Value | None) -> tuple[date, str] | None:
    if not anchor or not anchor[0]:
        return None
    parts = [int(p) for p in anchor[0].split("-")]
    y, m, d = (parts + [1, 1])[:3]
    return (_safe_date(y, m, d) or date(y, 1, 1)), anchor[1] or "year"


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return cues().numbers.get(word)


def _year_shift(words: frozenset[str]) -> int | None:
    """'last year' -1, 'next year' +1, 'this year' 0 inside a longer expression."""
    if "year" not in words:
        return None
    c = cues()
    if words & c.words("modifiers", "past"):
        return -1
    if words & c.words("modifiers", "future"):
        return 1
    if words & c.words("modifiers", "this"):
        return 0
    return None


def _strictness(words: frozenset[str], direction: int) -> tuple[int, bool]:
    """Direction and strictness from 'last'/'next'/'this' inside the expression."""
    if "this" in words and "past" in words:
        return -1, True
    if words & {"last", "previous", "past", "prior", "preceding"}:
        return -1, True
    if "next" in words:
        return 1, True
    if words & {"coming", "upcoming"} or "this" in words:
        return (-1 if direction < 0 else 1), False
    return direction, False


def resolve_text(
    text: str, published: date | None, direction: int = 0, anchor: Value | None = None,
    *, close_anchor: bool = False,
) -> Value:
    """Resolve one expression (leading prepositions allowed) against ``published``.

    ``close_anchor``: the anchor is a date of the same sentence, so "a year
    earlier" keeps its day ("in the quarter ended Sept. 30 ... a year earlier").
    """
    c = cues()
    e = _clean(text)
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
    if (m := _OFFSET_FROM.match(s)) and (v := _offset_from(m, published, direction, anchor)):
        return v
    for absolute in (_iso, _numeric):
        if (v := absolute(s)) is not None:
            return v
    if (v := _month_day_expr(s, ws, published, direction)) is not None:
        return v
    if m := c.month_year_re.search(s):
        mon = c.month(m["mon"])
        return _month(int(m["year"]) * 12 + mon - 1) if mon else NULL
    if published is None and not (ws & c.words("modifiers", "anchored")) and not _YEAR.search(s):
        return NULL
    for rule in (_weekday_expr, _month_expr, _holiday_expr, _relative_day_expr, _unit_expr):
        if (v := rule(e, published, direction, anchor)) is not None:
            return v
    if published is not None and (m := _ORDINAL_DAY.match(s)):
        return day_of_month(int(m[1]), published, direction)
    if m := _YEAR.search(s):
        return NULL if m["dec"] and m[1].endswith("0") else _year(int(m[1]))
    if m := _SHORT_YEAR.search(s):
        yy = int(m[1])
        pivot = (published.year % 100 + 10) if published else 30
        return _year((2000 if yy <= pivot else 1900) + yy)
    return NULL


_OFFSET_FROM = re.compile(
    r"^(?:(?P<num>the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) )?"
    r"(?P<unit>days?|weeks?) (?P<side>before|after) (?P<rest>.+)$"
)


def _offset_from(m: re.Match[str], pub: date | None, direction: int,
                 anchor: Value | None) -> Value | None:
    """'the day before last Tuesday', 'two days after Christmas': a day counted from a day."""
    base = resolve_text(m["rest"], pub, direction, anchor)
    if base[1] != "day" or base[0] is None:
        return None
    n = 1 if m["num"] in (None, "the", "a", "an") else _number(m["num"])
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
    if (k := _year_shift(ws)) is not None:
        d = _safe_date(pub.year + k, mon, day)
        return _day(d) if d else NULL
    if (w := c.weekday_re.search(s)) and (wd := c.weekday(w["wd"])):
        # "Saturday, April 25": the nearest year in which that day is that weekday
        years = [y for y in range(pub.year - 6, pub.year + 7)
                 if (d := _safe_date(y, mon, day)) and d.isoweekday() == wd]
        if years:
            return _day(date(min(years, key=lambda y: abs(y - pub.year)), mon, day))
    direction, strict = _strictness(ws, direction)
    return month_day(mon, day, pub, direction, strict)


def _weekday_expr(e: _Expr, pub: date | None, direction: int, anchor: Value | None) -> Value | None:
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
    if anchored := _anchored(e):
        ref = _anchor_date(anchor)
        if ref is None or ref[1] != "day":
            return NULL
        step = -1 if anchored < 0 else 1
        return _day(weekday_date(wd, ref[0], step, True))
    if pub is None:
        return NULL
    if "week" in ws and (k := _unit_shift(ws)) is not None:
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * k)
        return _day(monday + timedelta(days=wd - 1))
    direction, strict = _strictness(ws, direction)
    return _day(weekday_date(wd, pub, direction, strict))


def _month_expr(e: _Expr, pub: date | None, direction: int, anchor: Value | None) -> Value | None:
    c = cues()
    m = c.month_re.search(e.text)
    if not m or pub is None:
        return None
    mon = c.month(m["mon"])
    if not mon:
        return None
    if (k := _year_shift(e.words)) is not None:
        return _month((pub.year + k) * 12 + mon - 1)
    if m2 := _YEAR.search(e.text):
        return _month(int(m2[1]) * 12 + mon - 1)
    if "this" in e.words and "past" not in e.words:
        return _month(pub.year * 12 + mon - 1)
    direction, strict = _strictness(e.words, direction)
    return month_alone(mon, pub, direction, strict)


def _holiday_expr(e: _Expr, pub: date | None, direction: int, anchor: Value | None) -> Value | None:
    c = cues()
    if c.holiday_re is None or not (m := c.holiday_re.search(e.text)) or pub is None:
        return None
    md = (c.raw.get("holidays") or {}).get(m["hol"])
    if floating := (c.raw.get("floating_holidays") or {}).get(m["hol"]):
        return _floating(floating, e, pub, direction)
    if not md:
        return NULL
    if y := _YEAR.search(e.text):
        d = _safe_date(int(y[1]), md[0], md[1])
        return _day(d) if d else NULL
    direction, strict = _strictness(e.words, direction)
    return month_day(md[0], md[1], pub, direction, strict)


def _floating(rule: list[int], e: _Expr, pub: date, direction: int) -> Value:
    """Thanksgiving and the like: the n-th weekday of a month, in the year the cues point to."""
    month, wd, nth = rule
    if y := _YEAR.search(e.text):
        return _day(nth_weekday(int(y[1]), month, wd, nth))
    direction, strict = _strictness(e.words, direction)
    cands = [nth_weekday(y, month, wd, nth) for y in (pub.year - 1, pub.year, pub.year + 1)]
    chosen = _pick(cands, pub, direction, strict)
    return _day(chosen) if chosen else NULL


def _relative_day_expr(
    e: _Expr, pub: date | None, direction: int, anchor: Value | None
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


_ANCHOR_PREV = re.compile(r"\bthe (?:previous|prior|preceding)\b")
_ANCHOR_SAME = re.compile(r"\bthat\b|\bthe same\b")
_ANCHOR_SIDE = re.compile(r"^the (?:day|week|month|year) (?P<side>before|after)$")


def _anchored(e: _Expr) -> int:
    """Anchor-relative: 1 'the next/following', -1 'the previous', 3 'that/the same', else 0."""
    full = " ".join((*e.lead, e.text))
    if _ANCHOR_SAME.search(full):
        return 3
    if m := _ANCHOR_SIDE.search(full):
        return -1 if m["side"] == "before" else 1
    if _ANCHOR_PREV.search(full):
        return -1
    if re.search(r"\bthe (?:next|following)\b", full) or e.text.startswith("following "):
        return 1
    return 0


def _unit_shift(ws: frozenset[str]) -> int | None:
    c = cues()
    if ws & c.words("modifiers", "past"):
        return -1
    if ws & c.words("modifiers", "future"):
        return 1
    if ws & c.words("modifiers", "this") or ws & {"end", "beginning", "start", "middle", "mid"}:
        return 0
    return None


def _unit_expr(e: _Expr, pub: date | None, direction: int, anchor: Value | None) -> Value | None:
    c = cues()
    if q := c.qty_re.search(e.text):
        return _quantity(e, q, pub, anchor)
    ws = e.words
    anchored = _anchored(e)
    if _YEAR.search(e.text):
        return None  # "the year 2000": the year rule
    if m := c.unit_word_re.search(e.text):
        unit = c.units[m["unit"]]
    elif anchored and ws & c.words("day_parts"):
        unit = "day"  # "the next morning", "that night"
    else:
        return None
    if anchored:
        ref = _anchor_date(anchor)
        if ref is None or not _fine_enough(ref[1], unit):
            return NULL
        return shift(ref[0], unit, 0 if anchored == 3 else anchored)
    if _IN_THE_DAY.match(e.text):  # "later in the day": the day being told, else today
        ref = _anchor_date(anchor)
        if ref is not None and ref[1] == "day":
            return _day(ref[0])
        return _day(pub) if pub is not None else NULL
    if pub is None:
        return NULL
    if re.search(r"(?<![a-z])(?:year|month)[- ]?end(?![a-z])", e.text):
        return shift(pub, unit, -1 if direction < 0 else 0)  # "since year-end": the last one
    k = _unit_shift(ws)
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


_IN_THE_DAY = re.compile(r"^(?:early |earlier |late |later )?in the day$")
_DEFINITE = re.compile(
    r"^(?:(?:earlier|later|early|late|so far|the rest of|the remainder of|the end of)\s+)?"
    r"(?:in\s+)?(?:the\s+)?(?:full |fiscal |whole |entire )?(?:year|month)$"
)


def _fine_enough(granularity: str, unit: str) -> bool:
    order = {"day": 0, "month": 1, "year": 2}
    need = {"day": 0, "week": 0, "weekend": 0, "fortnight": 0, "month": 1, "year": 2}
    return unit in need and order.get(granularity, 3) <= need[unit]


_HEDGES = frozenset({"about", "around", "some", "another", "nearly", "roughly", "just",
                     "less than", "more than", "under", "over", "approximately", "a further"})


def _quantity(e: _Expr, q: re.Match[str], pub: date | None, anchor: Value | None) -> Value:
    """'three days ago', 'two weeks later', 'in two weeks'; a bare quantity is a duration."""
    c = cues()
    n = _number(q["num"])
    unit = c.units[q["unit"]]
    after = re.sub(r"^(?:or so|or more|or two)\b\s*", "", e.text[q.end():].strip())
    offset = next((v for k, v in c.raw["offsets"].items() if after.startswith(k)), None)
    before = e.text[:q.start()].strip()
    if offset is None and e.lead[-1:] == ("in",) and (not before or before in _HEDGES):
        offset = "future"  # "in two weeks", not "in the first nine months"
    if offset is None and (y := _YEAR.search(e.text)):
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
        ref = _anchor_date(anchor)
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
