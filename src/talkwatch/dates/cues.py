"""The dates lexicon (``data/rules/en/dates.yaml``, ``numbers.yaml``) compiled once per process.

Regexes for month names, weekdays, quantities ("three days") and holidays are
built from the word lists here, so adding a cue word never touches code.
Misspelled weekdays are matched by edit distance.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..lexicon import load


def _alt(words: Any) -> str:
    """A regex alternation of lexicon words, longest first; 'feb.' also matches 'feb'."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w.rstrip("."))
        parts.append(esc + (r"\.?" if w.endswith(".") else ""))
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Cues:
    """The dates lexicon, compiled once per process."""

    raw: dict[str, Any]
    weekdays: dict[str, int]
    months: dict[str, int]
    units: dict[str, str]
    numbers: dict[str, int]  # every word or phrase that counts: "three", "a", "a couple of"
    cardinals: dict[str, int]  # the number words alone: "one" ... "ninety"
    weekday_re: re.Pattern[str]
    month_re: re.Pattern[str]
    month_day_re: re.Pattern[str]
    day_month_re: re.Pattern[str]
    month_year_re: re.Pattern[str]
    qty_re: re.Pattern[str]
    unit_word_re: re.Pattern[str]
    holiday_re: re.Pattern[str] | None

    def weekday(self, word: str) -> int | None:
        """The ISO weekday a name or abbreviation stands for ("tue", "tues." -> 2)."""
        return self.weekdays.get(word) or self.weekdays.get(word + ".")

    def month(self, word: str) -> int | None:
        """The month number a name or abbreviation stands for ("sept" -> 9)."""
        return self.months.get(word) or self.months.get(word + ".")

    def words(self, key: str, sub: str | None = None) -> frozenset[str]:
        """A word list of the lexicon (``sub`` for one of a section's lists), as a set."""
        node = self.raw.get(key, [])
        if sub is not None:
            node = node.get(sub, [])
        return frozenset(node)


@functools.cache
def cues() -> Cues:
    """Compile ``data/rules/en/dates.yaml`` with the number words of ``numbers.yaml``."""
    raw = load("dates")
    number_words = load("numbers")
    numbers = {**number_words["articles"], **number_words["cardinals"], **number_words["phrases"]}
    months = raw["months"]
    mon = r"(?<![a-z])(?P<mon>" + _alt(months) + r")(?![a-z])"
    num = _alt([*numbers, *raw["vague_numbers"]])
    unit = _alt(raw["units"])
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:\s*,?\s*(?:of\s+)?(?P<year>\d{4})(?!\d))?"
    holidays = {**(raw.get("holidays") or {}), **(raw.get("floating_holidays") or {})}
    return Cues(
        raw=raw,
        weekdays=raw["weekdays"],
        months=months,
        units=raw["units"],
        numbers=numbers,
        cardinals=number_words["cardinals"],
        weekday_re=re.compile(r"(?<![a-z])(?P<wd>" + _alt(raw["weekdays"]) + r")(?![a-z])"),
        month_re=re.compile(mon),
        month_day_re=re.compile(mon + r"\s*" + day + year),
        day_month_re=re.compile(r"(?<!\d)" + day + r"\s*(?:of\s+)?" + mon + year),
        month_year_re=re.compile(mon + r"\s*,?\s*(?:of\s+)?(?P<year>\d{4})(?!\d)"),
        qty_re=re.compile(
            r"(?<![a-z\d])(?P<num>\d+|" + num + r")(?:\s+|-)(?P<unit>" + unit + r")(?![a-z])"
        ),
        unit_word_re=re.compile(r"(?<![a-z])(?P<unit>" + unit + r")(?![a-z])"),
        holiday_re=re.compile(r"(?<![a-z])(?P<hol>" + _alt(holidays) + r")(?![a-z])")
        if holidays else None,
    )


def osa_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (Levenshtein plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


@functools.cache
def fuzzy_weekday(word: str) -> int | None:
    """A misspelled weekday ("Moday", "Wedensday"): one name within a small edit distance."""
    word = word.lower().strip(".")
    if len(word) < 5 or not word.isalpha() or not word.endswith(("day", "dy", "ay")):
        return None
    names = {k: v for k, v in cues().weekdays.items() if not k.endswith(".")}
    best = sorted((osa_distance(word, name), name) for name in names)
    limit = 1 if len(word) < 7 else 2
    if best[0][0] <= limit and (len(best) < 2 or best[1][0] > best[0][0]):
        return names[best[0][1]]
    return None
