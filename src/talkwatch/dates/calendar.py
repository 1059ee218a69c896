"""Calendar arithmetic for temporal expressions: pick, shift and format dates.

Kept apart from the expression grammar (``resolve``): these functions
know nothing about words, only about a reference date, a direction (+1 ahead,
-1 behind, 0 nearest) and the digest's value formats (``YYYY-MM-DD`` /
``YYYY-MM`` / ``YYYY``). Weeks follow the week convention of docs/dates.md.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

Value = tuple[str | None, str | None]
NULL: Value = (None, None)


def as_day(d: date) -> Value:
    return d.isoformat(), "day"


def as_month(index: int) -> Value:
    """A month given as ``year * 12 + month - 1``."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"


def as_year(y: int) -> Value:
    return (f"{y:04d}", "year") if 1 <= y <= 9999 else NULL


def pick(cands: list[Any], ref: Any, direction: int, strict: bool) -> Any:
    """The candidate the direction points to: ahead, behind, or the nearest (ties: behind)."""
    if direction > 0:
        ahead = [c for c in cands if c > ref or (c == ref and not strict)]
        return min(ahead) if ahead else None
    if direction < 0:
        behind = [c for c in cands if c < ref or (c == ref and not strict)]
        return max(behind) if behind else None
    pool = [c for c in cands if c != ref] if strict else cands
    return min(pool, key=lambda c: (abs(_diff(c, ref)), c > ref)) if pool else None


def _diff(a: Any, b: Any) -> int:
    return (a - b).days if isinstance(a, date) else a - b


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def week_value(target: date) -> Value:
    """Week convention: the month holding the whole Monday-Sunday week, else null."""
    monday = target - timedelta(days=target.weekday())
    sunday = monday + timedelta(days=6)
    if monday.month == sunday.month:
        return as_month(monday.year * 12 + monday.month - 1)
    return NULL


def weekend_value(ref: date, shift: int, direction: int) -> Value:
    """The Saturday-Sunday of a weekend, as a month when both days share one."""
    saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5)
    if shift == 0 and direction < 0 and ref.weekday() < 5:
        shift = -1
    saturday += timedelta(days=7 * shift)
    sunday = saturday + timedelta(days=1)
    if saturday.month == sunday.month:
        return as_month(saturday.year * 12 + saturday.month - 1)
    return NULL


def shift(ref: date, unit: str, n: int) -> Value:
    """``ref`` moved by ``n`` units, at the unit's own granularity (weeks: week convention)."""
    try:
        if unit == "day":
            return as_day(ref + timedelta(days=n))
        if unit in ("week", "fortnight"):
            return week_value(ref + timedelta(days=n * (14 if unit == "fortnight" else 7)))
        if unit == "weekend":
            return weekend_value(ref, n, 0)
        if unit == "month":
            return as_month(ref.year * 12 + ref.month - 1 + n)
        if unit == "year":
            return as_year(ref.year + n)
    except (OverflowError, ValueError):
        return NULL
    return NULL


def shift_day(ref: date, unit: str, n: int) -> Value:
    """``ref`` moved by ``n`` months or years, kept a day (31 March - 1 month: 28/29 Feb)."""
    index = ref.year * 12 + ref.month - 1 + (n * 12 if unit == "year" else n)
    y, m = divmod(index, 12)
    if not 1 <= y <= 9999:
        return NULL
    return as_day(date(y, m + 1, min(ref.day, calendar.monthrange(y, m + 1)[1])))


def weekday_date(wd: int, ref: date, direction: int, strict: bool) -> date:
    """The day named ``wd`` (ISO) nearest ``ref`` in ``direction``; ``ref`` itself unless strict."""
    ahead = (wd - ref.isoweekday()) % 7
    behind = (ref.isoweekday() - wd) % 7
    if direction > 0:
        return ref + timedelta(days=ahead or (7 if strict else 0))
    if direction < 0:
        return ref - timedelta(days=behind or (7 if strict else 0))
    if ahead == 0:
        return ref - timedelta(days=7) if strict else ref
    # no tense: lean to the past, as news reports what happened (Friday seen from a Tuesday)
    return ref - timedelta(days=behind) if behind <= 4 else ref + timedelta(days=ahead)


# Lenient directions, for dates placed from a past point rather than from now:
# a future in the past ("ordered them to leave by Jan. 14") leans ahead, a
# superseded plan ("had been set for October 8") leans behind. Firm +1/-1 come
# from the deictic tenses (will, is scheduled; was signed).
LEAN_AHEAD = 2
LEAN_BEHIND = -2
# A month-day without a year this far away in the tense's direction ...
FAR_DAYS = 270
# ... yields to one this close the other way: writers add the year to distant dates.
NEAR_DAYS = 62


def month_day(month: int, day: int, ref: date, direction: int, strict: bool) -> Value:
    """The nearest occurrence in the direction, unless that is most of a year away.

    "ordered to leave by Jan. 14" written on 15 January, "had been set to expire
    Nov. 6" written on 2 November: a date 9+ months off would carry its year,
    so with a lenient direction an occurrence within two months on the other
    side wins. Firm directions keep their side ("is set for February 23" on 1
    March is next year's; "ended on Oct. 31" on 25 October, last year's).
    """
    cands = [d for y in range(ref.year - 4, ref.year + 5) if (d := safe_date(y, month, day))]
    chosen = pick(cands, ref, direction, strict)
    lenient = abs(direction) == LEAN_AHEAD
    if chosen and lenient and not strict and abs((chosen - ref).days) > FAR_DAYS:
        other = pick(cands, ref, -direction, strict)
        if other and abs((other - ref).days) <= NEAR_DAYS:
            chosen = other
    return as_day(chosen) if chosen else NULL


def month_alone(month: int, ref: date, direction: int, strict: bool) -> Value:
    """A month name; 'last/next <month>' (strict) skips the adjacent month too.

    On 1 March "last February" is a year back: the month just ended would be
    "last month". Across a year's turn the adjacent month is meant: "last December"
    in January is the one just ended (December of last year), "next January" in
    December the coming one. A lenient direction (a weak past, a future in the past) yields
    to a month at most two away on the other side when its own pick is 9+ away.
    """
    here = ref.year * 12 + ref.month - 1
    cands = [(ref.year + k) * 12 + month - 1 for k in (-2, -1, 0, 1, 2)]
    if strict:  # the adjacent month is "last/next month", unless it lies in another year
        cands = [c for c in cands if abs(c - here) > 1 or (c != here and c // 12 != here // 12)]
    chosen = pick(cands, here, direction, strict)
    if chosen is not None and abs(direction) == LEAN_AHEAD and not strict and abs(chosen - here) >= 9:
        other = pick(cands, here, -direction, strict)
        if other is not None and abs(other - here) <= 2:
            chosen = other  # a lenient side yields to a month just the other way
    return as_month(chosen) if chosen is not None else NULL


def day_of_month(day: int, ref: date, direction: int) -> Value:
    """"the 14th": that day of the nearest month in the direction."""
    cands = []
    for k in range(-2, 3):
        idx = ref.year * 12 + ref.month - 1 + k
        if d := safe_date(idx // 12, idx % 12 + 1, day):
            cands.append(d)
    chosen = pick(cands, ref, direction, False)
    return as_day(chosen) if chosen else NULL


def nth_weekday(y: int, month: int, wd: int, nth: int) -> date:
    """The n-th ISO weekday ``wd`` of a month (Thanksgiving: 4th Thursday of November)."""
    first = date(y, month, 1)
    return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (nth - 1))
