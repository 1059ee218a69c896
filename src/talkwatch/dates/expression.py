"""One temporal expression as words: cleaned, and what its modifiers say.

``clean`` lower-cases the text, strips quotes and possessives, spells out
spoken years ("nineteen ninety-six" -> "1996") and sets aside the leading
prepositions; the helpers here read the words that shift or anchor it
("last", "next", "this", "the following", "that").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from .calendar import Value
from .calendar import safe_date as _safe_date
from .cues import cues

YEAR = re.compile(r"(?<![\d.,$])(\d{4})(?P<dec>'?s)?(?![\d%])")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Expr:
    """A cleaned expression: its text, its words, and the words trimmed from its front."""

    text: str
    words: frozenset[str]
    lead: tuple[str, ...]
    close_anchor: bool = False  # the anchor is a day of the same sentence


def clean(text: str) -> Expr:
    """The expression lower-cased and stripped, with its leading prepositions set aside."""
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
    return Expr(s, frozenset(_WORD.findall(s)), tuple(lead))


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@functools.cache
def _spoken_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Years said in words: "nineteen ninety(-)six", "two thousand (and) nine"."""
    cardinals = cues().cardinals
    units = [w for w, n in cardinals.items() if n < 10]  # one .. nine
    teens_and_tens = [w for w, n in cardinals.items() if n >= 10]  # ten .. nineteen, twenty ..
    under_twenty = [w for w, n in cardinals.items() if n < 20]
    century = re.compile(
        r"(?<![a-z])(?P<c>eighteen|nineteen|twenty) (?P<tens>" + _alternation(teens_and_tens)
        + r")(?:[- ](?P<unit>" + _alternation(units) + r"))?(?![a-z-])"
    )
    millennium = re.compile(
        r"(?<![a-z])two thousand(?: and)?(?: (?P<n>" + _alternation(under_twenty) + r"))?(?![a-z-])"
    )
    return century, millennium


def _spoken_years(s: str) -> str:
    """'nineteen ninety-six' -> '1996', 'the year two thousand' -> 'the year 2000'."""
    if "teen" not in s and "thousand" not in s and "twenty" not in s:
        return s
    cardinals = cues().cardinals
    spoken_century, spoken_millennium = _spoken_patterns()

    def century(m: re.Match[str]) -> str:
        rest = cardinals[m["tens"]] + (cardinals[m["unit"]] if m["unit"] else 0)
        return str(cardinals[m["c"]] * 100 + rest)

    def millennium(m: re.Match[str]) -> str:
        return str(2000 + (cardinals[m["n"]] if m["n"] else 0))

    return spoken_millennium.sub(millennium, spoken_century.sub(century, s))


def anchor_date(anchor: Value | None) -> tuple[date, str] | None:
    """The anchor's first day and granularity ("2024-03" -> 1 March, "month")."""
    if not anchor or not anchor[0]:
        return None
    parts = [int(p) for p in anchor[0].split("-")]
    y, m, d = (parts + [1, 1])[:3]
    return (_safe_date(y, m, d) or date(y, 1, 1)), anchor[1] or "year"


def number(word: str) -> int | None:
    """The count a word or digits say ("three", "a couple of", "12"); None for "several"."""
    if word.isdigit():
        return int(word)
    return cues().numbers.get(word)


def year_shift(words: frozenset[str]) -> int | None:
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


def strictness(words: frozenset[str], direction: int) -> tuple[int, bool]:
    """Direction and strictness from 'last'/'next'/'this' inside the expression."""
    c = cues()
    if "this" in words and "past" in words:
        return -1, True
    if words & c.words("modifiers", "past"):
        return -1, True
    if "next" in words:
        return 1, True
    if words & c.words("modifiers", "coming") or "this" in words:
        return (-1 if direction < 0 else 1), False
    return direction, False


_ANCHOR_PREV = re.compile(r"\bthe (?:previous|prior|preceding)\b")
_ANCHOR_SAME = re.compile(r"\bthat\b|\bthe same\b")
_ANCHOR_SIDE = re.compile(r"^the (?:day|week|month|year) (?P<side>before|after)$")


def anchor_side(e: Expr) -> int:
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


def unit_shift(ws: frozenset[str]) -> int | None:
    """Which unit a modifier means: -1 the last one, +1 the next, 0 this one, None unsaid."""
    c = cues()
    if ws & c.words("modifiers", "past"):
        return -1
    if ws & c.words("modifiers", "future"):
        return 1
    if ws & c.words("modifiers", "this") or ws & c.words("period_parts"):
        return 0
    return None


_YEAR_RANGE = re.compile(
    r"(?<![\d.,$-])(?P<y1>(?:1[89]|20)\d\d)\s?(?:-|\u2013|\u2014|/)\s?(?P<y2>\d{4}|\d\d)(?![\d%-])"
)


def year_range(text: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """'1998-99', 'the 2011/12 season', '2010-2011': two years, each with its character range
    in ``text`` (the first from the start of ``text``, the second its digits), or None.

    A two-digit second year continues the first's century ("1999-00" is 1999 and 2000);
    the second must follow the first by at most ten years, so "2019-05" stays a month.
    """
    m = _YEAR_RANGE.search(text)
    if m is None:
        return None
    first, tail = int(m["y1"]), m["y2"]
    second = int(tail)
    if len(tail) == 2:
        second += first - first % 100
        if second <= first:
            second += 100
    if not 1 <= second - first <= 10:
        return None
    return (0, m.end("y1"), first), (m.start("y2"), m.end("y2"), second)
