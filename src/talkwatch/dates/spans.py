"""Where the temporal expressions of a parsed article are: token spans, trimmed and split.

Candidates are spaCy DATE entities, TIME entities that name a day ("Tuesday
morning", "tonight", "48 hours") and a regex pass for forms the small model
misses (weekdays, month-days, "the 14th", "three days ago"). Each span is
trimmed to the expression itself (no leading "the"/preposition, no trailing
"'s"), ranges are split ("Feb. 23 and March 1"), ages and recurring sets
("55 years old", "daily") are dropped.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .cues import cues, fuzzy_weekday

_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)|\b(?:pre|post|mid)-\d{4}(?![\d-])")
# "1998-99", "2010–2011", "2011/12" (the preceding character is checked apart: cheaper)
_YEAR_SPAN = re.compile(r"\b(?:1[89]|20)\d\d[-\u2013/](?:(?:1[89]|20)\d\d|\d\d)\b(?![%-])")
# "it was a great day for the country", "today is a sad day": the day of the copula's subject
_DAY_PREDICATE = re.compile(r"\b(?:is|was|'s)\s+[\"\u201c]?(?:a|an)\s+(?:[A-Za-z-]+\s+){0,2}(day)\b")
# "a higher dividend this year than last": the unit of "this year" is left out after "last"
_ELLIPSIS = re.compile(r"\bthis (?:year|month|week)\b[^.;]{0,80}?\b(?:than|as) (last)(?=\s*[.,;:)]|$)")
# "the 2011 accords", "its 2014 elections": a year the model may not label (_bare_year decides)
_DETERMINED_YEAR = re.compile(r"\b((?:18|19|20)\d\d) (?=[a-z])")
_IN_THE_DAY = re.compile(r"(?i)^(?:earlier|later)\s+in\s+the\s+day$")
# "until then", "by then", "since then": the time last mentioned
_THEN = re.compile(r"\b(?:[Uu]ntil|[Tt]ill|[Bb]y|[Ss]ince|[Bb]efore|[Aa]fter) (then)\b"
                   r"|\b((?:[Ee]arlier|[Ll]ater) in the day)\b")


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Forms the model may miss; month and weekday names must be capitalised."""
    c = cues()

    def cap(words: Any) -> str:
        forms = sorted({w.rstrip(".") for w in words if len(w.rstrip(".")) > 2}, key=len,
                       reverse=True)
        return "(?:" + "|".join(re.escape(w.capitalize()) + r"\.?" for w in forms) + ")"

    wd, mon = cap(c.weekdays), cap(c.months)
    parts = "|".join(c.raw["day_parts"])
    num = "|".join(sorted((re.escape(n) for n in c.numbers), key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:,?\s+\d{4}(?!\d))?"
    forms = [
        rf"(?:(?i:last|next|this|coming|early|late|earlier|later)\s+)?\b{wd}\b"
        rf"(?:\s+(?i:{parts})\b)?",
        rf"\b{mon}\s+{day}{year}",
        rf"\b{day}\s+(?:of\s+)?{mon}\b{year}",
        rf"\b{mon}\s+(?:of\s+)?\d{{4}}(?!\d)",
        rf"(?i:\b(?:(?:early|late|earlier|later)\s+)?(?:today|tonight|yesterday|tomorrow)"
        rf"(?:\s+(?:{parts}))?\b)",
        r"(?i:\b(?:(?:earlier|later)\s+)?(?:this|next|last)\s+(?:week|weekend|month|year)\b)",
        rf"(?i:\b(?:\d+|{num})\s+(?:days?|weeks?|months?|years?)\s+ago\b)",
    ]
    holidays = [*(c.raw.get("holidays") or {}), *(c.raw.get("floating_holidays") or {})]
    if holidays:
        names = sorted((" ".join(w.capitalize() for w in h.split()) for h in holidays), key=len,
                       reverse=True)
        forms.append(r"(?:(?i:last|next|this)\s+)?\b(?:" + "|".join(map(re.escape, names))
                     + r")\b")
    ordinal = re.compile(r"the\s+(\d{1,2})(?:st|nd|rd|th)\b")  # literal start: fast scan
    return re.compile("|".join(f"(?:{f})" for f in forms)), ordinal


@functools.cache
def _trigger_words() -> frozenset[str]:
    """Lower-case tokens near which the regex pass looks (it is too slow over whole texts)."""
    c = cues()
    words = {*c.weekdays, *c.months, *c.raw["relative_days"], "ago", "week", "weekend", "month",
             "year"}
    for h in [*(c.raw.get("holidays") or {}), *(c.raw.get("floating_holidays") or {})]:
        words.add(h.split()[0])
    return frozenset(words | {w.rstrip(".") for w in words})


def _windows(doc: Any) -> list[tuple[int, int]]:
    """Character windows (a few tokens either side) around trigger tokens, merged."""
    hashes = {doc.vocab.strings.add(w) for w in _trigger_words()}
    lowers = doc.to_array("LOWER")
    hits = [i for i, h in enumerate(lowers.tolist()) if h in hashes]
    out: list[tuple[int, int]] = []
    for i in hits:
        lo = doc[max(i - 4, 0)].idx
        last = doc[min(i + 6, len(doc) - 1)]
        hi = last.idx + len(last.text)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


# token start, end, leading words trimmed off (for a bare day in a range: the month it shares)
Candidate = tuple[int, int, tuple[str, ...]]


def candidates(doc: Any, body: str) -> list[Candidate]:
    """Token spans (start, end, trimmed leading words) of the expressions, in text order."""
    found: list[Candidate] = []
    for start, end in _raw_spans(doc, body):
        parts = [t for a, b in _split(doc, _offset_start(doc, start), end) if (t := _trim(doc, a, b))]
        months = [_month_of(doc[a:b].text) for a, b, _ in parts] if len(parts) > 1 else [""]
        for i, (a, b, lead) in enumerate(parts):
            shared = [months[j] for j in (i - 1, i + 1) if 0 <= j < len(parts) and months[j]]
            if shared and _bare_day(doc[a:b]):
                found.append((a, b, (*lead, shared[0])))
            elif _keep(doc[a:b]):
                found.append((a, b, lead))
    return _longest_first(found)


def _month_of(text: str) -> str:
    """The month a day-of-month expression names ('April 24' -> 'april'), else ''."""
    c = cues()
    m = c.month_day_re.search(text.lower()) or c.day_month_re.search(text.lower())
    return m["mon"] if m and not m["year"] else ""


def _bare_day(span: Any) -> bool:
    """'25' in 'April 24 and 25', '3' in '3 and 4 May': a day number alone, which takes the
    month of its neighbour in the range (carried as a leading word of the candidate)."""
    return len(span) == 1 and span[0].text.isdigit() and 1 <= int(span[0].text) <= 31


def _day_pair(doc: Any, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """A month-day and a bare day number beside it, in either order."""
    one, two = doc[first[0]:first[1]], doc[second[0]:second[1]]
    return bool((_month_of(one.text) and _bare_day(two)) or (_bare_day(one) and _month_of(two.text)))


def _raw_spans(doc: Any, body: str) -> list[tuple[int, int]]:
    """Token spans the model's entities and the regex passes propose (overlaps included)."""
    spans = [(ent.start, ent.end) for ent in doc.ents
             if ent.label_ == "DATE" or (ent.label_ == "TIME" and _names_a_day(ent.text))]
    forms, ordinal = _patterns()
    matches = [match.span() for low, high in _windows(doc) for match in forms.finditer(body, low, high)]
    matches += [match.span() for match in _ISO_DATE.finditer(body)]
    matches += [match.span(1 if match[1] else 2) for match in _THEN.finditer(body)]
    matches += [match.span(1) for match in _DAY_PREDICATE.finditer(body)]
    matches += [match.span(1) for match in _ELLIPSIS.finditer(body)]
    matches += [match.span() for match in _YEAR_SPAN.finditer(body)
                if match.start() == 0 or body[match.start() - 1] not in ".,$-"]
    determiners = cues().words("not_dates", "year_determiners")
    matches += [match.span(1) for match in _DETERMINED_YEAR.finditer(body)
                if body[max(match.start() - 7, 0):match.start()].split()[-1:] != []
                and body[max(match.start() - 7, 0):match.start()].split()[-1].lower() in determiners]
    for char_start, char_end in matches:
        if (span := doc.char_span(char_start, char_end, alignment_mode="expand")) is not None:
            spans.append((span.start, span.end))
    for match in ordinal.finditer(body):
        if match.start() > 0 and body[match.start() - 1].isalnum():
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and int(match[1]) <= 31 and _ordinal_is_date(doc, span.end):
            spans.append((span.start, span.end))
    return spans


def _longest_first(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, the longest winning, in text order."""
    chosen: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(set(found), key=lambda c: (c[0] - c[1], c[0])):
        if not taken.intersection(range(cand[0], cand[1])):
            chosen.append(cand)
            taken.update(range(cand[0], cand[1]))
    return sorted(chosen)


def _offset_start(doc: Any, start: int) -> int:
    """Take in a count before the expression: 'the day before | last Tuesday'."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1  # "two days before the March 3 vote"
    if i < 2 or doc[i].lower_ not in ("before", "after"):
        return start
    if cues().units.get(doc[i - 1].lower_) not in ("day", "week"):
        return start
    count = doc[i - 2]
    if count.lower_ in ("the", "a", "an") or count.like_num or count.lower_ in cues().numbers:
        return i - 2
    return start


def _names_a_day(text: str) -> bool:
    """A TIME entity that carries a date ("Tuesday morning", "tonight") or a duration."""
    c = cues()
    low = text.lower()
    if _IN_THE_DAY.match(text):
        return True
    words = set(re.findall(r"[a-z]+\.?", low))
    if any(c.weekday(w.rstrip(".")) or fuzzy_weekday(w) for w in words):
        return True
    if words & set(c.raw["relative_days"]):
        return True
    if words & c.words("day_part_determiners") and words & c.words("day_parts"):
        return True
    return bool(c.qty_re.search(low)) and not re.search(r"\d[:.]\d|[ap]\.?m\b", low)


def _ordinal_is_date(doc: Any, after: int) -> bool:
    """'the 14th' is a day unless a noun follows ("the 14th round", "the 5th of the month")."""
    if after >= len(doc):
        return True
    nxt = doc[after]
    return nxt.lower_ != "of" and nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "X")


def _has_core(text: str) -> bool:
    c = cues()
    low = text.lower()
    return bool(c.weekday_re.search(low) or c.month_re.search(low)
                or re.search(r"\b\d{4}\b", low) or set(re.findall(r"[a-z]+", low))
                & set(c.raw["relative_days"]))


def _is_duration(text: str) -> bool:
    """A count of units and nothing else: "a week", "two days", "several months"."""
    return cues().qty_re.fullmatch(text.strip().lower()) is not None


def _split(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """'Feb. 23 and March 1' -> two expressions; 'Feb. 23-25' stays one."""
    splitters = cues().words("range_splitters")
    ends = [i for i in range(start + 1, end - 1) if doc[i].lower_ in cues().words("period_end_verbs")]
    if len(ends) == 1 and _names_period(doc[start:ends[0]]) and _has_core(doc[ends[0] + 1:end].text):
        return [(start, ends[0]), (ends[0] + 1, end)]  # "the year | ended | Sept. 30"
    cuts = [i for i in range(start + 1, end - 1) if doc[i].lower_ in splitters]
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    parts = [(bounds[0], bounds[1])] + [(a + 1, b) for a, b in zip(cuts, bounds[2:], strict=True)]
    if all(_has_core(doc[a:b].text) for a, b in parts if b > a):
        return [(a, b) for a, b in parts if b > a]
    if len(parts) == 2 and doc[cuts[0]].lower_ in ("and", "or") and _day_pair(doc, *parts):
        return parts  # "April 24 and 25", "3 and 4 May": two days of one month
    if len(parts) == 2 and _is_duration(doc[parts[0][0]:parts[0][1]].text) and _has_core(
        doc[parts[1][0]:parts[1][1]].text
    ):
        return [p for p in parts if p[1] > p[0]]  # "(postponed by) a week to March 24"
    return [(start, end)]


def _names_period(span: Any) -> bool:
    """'the fiscal year', 'the quarter', 'the nine months': a period its end date names."""
    c = cues()
    return any(t.lower_ in c.units or t.lower_ in c.words("period_nouns") for t in span)


def _trim(doc: Any, start: int, end: int) -> tuple[int, int, tuple[str, ...]] | None:
    """Drop leading 'the'/prepositions/punctuation and trailing "'s"/punctuation."""
    leads = cues().words("prepositions", "lead")
    splitters = cues().words("range_splitters")
    lead: list[str] = []
    while start < end:
        tok = doc[start]
        if tok.lower_ in leads:
            lead.append(tok.lower_)
        elif not (tok.is_punct or tok.is_space or (tok.lower_ == "last" and tok.pos_ == "VERB")):
            break
        start += 1
    while end > start:
        tok = doc[end - 1]
        trailing_mark = (tok.is_punct and tok.text != "'") or tok.is_space or tok.tag_ == "POS"
        if not (trailing_mark or tok.lower_ in leads or tok.lower_ in splitters):
            break
        end -= 1
    offset = doc[end - 1].lower_ in cues().raw["offsets"]
    if end - start > 1 and end < len(doc) and doc[end].lower_ == "than" and offset:
        end -= 1  # "one day later than planned": a difference between dates, a duration
    if end <= start:
        return None
    if doc[end - 1].text == "'" and not re.match(r"'\d\d", doc[end - 1:end + 1].text):
        end -= 1
    return (start, end, tuple(lead)) if end > start else None


def _keep(span: Any) -> bool:
    """Not an age ("55 years old"), a recurring set ("daily", "every week") or bare filler."""
    c = cues()
    words = [t.lower_ for t in span]
    if not any(ch.isalnum() for ch in span.text):
        return False
    if words[-1] in c.words("not_dates", "age_words") or "-year-old" in span.text.lower():
        return False
    if _clock_time(span[0]):
        return False
    if len(span) == 1 and span[0].text.isdigit():
        return _bare_year(span[0])
    return words[0] not in c.words("not_dates", "sets")


def _clock_time(tok: Any) -> bool:
    """'2100 UTC', '1800 GMT', '0600 hours': four digits telling the time of day, not a year."""
    if not (len(tok.text) == 4 and tok.text.isdigit()):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    clock = cues().words("not_dates", "clock_words")
    return tok.text.startswith("0") or (nxt is not None and nxt.lower_.strip(".") in clock)


def _bare_year(tok: Any) -> bool:
    """A lone number is a year only in a date context ("in 1995", "the 2019 accord", "the
    2014 elections"), not a count or label ("round 1008", "resolution 2254", "1500 troops")."""
    c = cues()
    bounds = c.raw["not_dates"]["bare_year"]
    if not bounds["min"] <= int(tok.text) <= bounds["max"]:
        return False
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].lower_ in c.words("not_dates", "counters"):
        return False
    if not (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "NNS"):
        return True
    # "the 2014 elections": a determiner before it (news writes counts "the 2,000 troops")
    return tok.i > 0 and doc[tok.i - 1].lower_ in c.words("not_dates", "year_determiners")
