"""Temporal expressions of an article, resolved against its publication date by tense.

Candidates are spaCy DATE entities, TIME entities that name a day ("Tuesday
morning", "tonight", "48 hours") and a regex pass for forms the small model
misses (weekdays, month-days, "the 14th", "three days ago"). Each span is
trimmed to the expression itself (no leading "the"/preposition, no trailing
"'s"), ranges are split ("Feb. 23 and March 1"), ages and recurring sets
("55 years old", "daily") are dropped.

The direction a bare expression points (the coming Thursday or the last one)
comes from the clause, read off the dependency parse: the governing verb's
auxiliaries and tag (will/modals ahead, VBD and perfects behind, present tense
ahead), the prepositions "since" (behind) and "until" (ahead), and for plans
("scheduled for", "due to", "postponed until") the tense and aspect of the
scheduling: a present plan lies ahead, a simple past one either way, a
pluperfect one ("had been set for") behind. Dates placed from a past point
(would, future in the past, superseded plans) get a lenient direction that a
much nearer date on the other side may override (``timex_calendar``).
``timex_resolve`` turns expression + direction into a value.
"""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date
from typing import Any

from ..model import DateExpr
from .calendar import LEAN_AHEAD, LEAN_BEHIND
from .cues import cues, fuzzy_weekday
from .resolve import Value, resolve_text

__all__ = ["normalize", "resolve"]

_SPLITTERS = frozenset({"and", "or", "to", "through", "until", "till", "-", "\u2013", "\u2014"})
_DURATION = re.compile(r"(?i)^\s*(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)"
                       r"\s+(?:day|week|month|year|hour)s?\s*$")
_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)|\b(?:pre|post|mid)-\d{4}(?![\d-])")
_ORDINAL_DAY = re.compile(r"(?i)^(?:the\s+)?(?:\w+)(?:st|nd|rd|th)\s+(?:full\s+)?day$")
_IN_THE_DAY = re.compile(r"(?i)^(?:earlier|later)\s+in\s+the\s+day$")
_ANCHORED = re.compile(r"(?i)\b(?:following|previous|prior|preceding|that|same|next|then)\b")
# "until then", "by then", "since then": the time last mentioned
_THEN = re.compile(r"\b(?:[Uu]ntil|[Tt]ill|[Bb]y|[Ss]ince|[Bb]efore|[Aa]fter) (then)\b"
                   r"|\b((?:[Ee]arlier|[Ll]ater) in the day)\b")
_DIRECTIONAL = frozenset({"since", "until", "till", "til", "'til", "by", "through"})
_TIME_NOUNS = frozenset({"night", "morning", "afternoon", "evening", "day", "week", "weekend",
                         "month", "year", "eve", "dawn", "end", "beginning", "start", "middle"})
_PRESENT = 10  # _tense's code for a present tense (directions are -2..2)
_NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod"})
_BE = frozenset({"is", "are", "am", "'s", "'re", "'m", "was", "were", "be", "being", "been"})


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
    for start, end, lead in _candidates(doc, body):
        span = doc[start:end]
        sent = bisect.bisect_right(sent_starts, start) - 1
        prep_tok = _preposition(span)
        prep = prep_tok.lower_ if prep_tok is not None else None
        if prep in _DIRECTIONAL:  # already weighed by _direction, with the verb
            lead, prep = tuple(w for w in lead if w not in _DIRECTIONAL), None
        words = [prep, *lead] if prep and prep not in lead else list(lead)  # in text order
        text = body[span.start_char:span.end_char]
        direction, weak = _direction(span, prep_tok)
        if weak and not _has_weekday(text):
            direction = 0
        # "two days later", "the next day": a date of this sentence, or a day of the last one
        # ("the following month", "that year" reach three sentences back)
        gap = sent - anchor_sent
        recent = anchor is not None and (
            gap == 0 or (gap == 1 and anchor[1] == "day")
            or (gap <= 3 and bool(_ANCHORED.search(text)))
        )
        near = anchor if recent else None
        if near is None and told_day is not None and _ANCHORED.search(text) and _has_weekday(text):
            near = told_day  # "down 4.5% from the previous Friday": the Friday the story tells
        # "in the quarter ended Sept. 30 ... a year earlier": a calendar date of this sentence
        close = near is not None and gap == 0 and near[1] == "day" and anchor_dated
        value, granularity = resolve_text(" ".join([*words, text]), published, direction, near,
                                          close_anchor=close)
        if value is None and _ORDINAL_DAY.match(text):
            value, granularity = _copula_day(span, out, published)
        out.append(DateExpr(text, span.start_char, span.end_char, value, granularity))
        if value is not None and not (len(span) == 1 and span.root.dep_ in _NOUN_MODIFIERS):
            # "overnight losses" describes a noun; it names no day the story is told from
            anchor, anchor_sent = (value, granularity), sent
            anchor_dated = bool(cues().month_re.search(text.lower()))
            if granularity == "day" and (anchor_dated or _has_weekday(text)):
                told_day = anchor
    return out


def _copula_day(span: Any, out: list[DateExpr], published: date | None) -> Value:
    """'Today is the eighth day of the strike', 'Tuesday was the third day': the subject's day."""
    head = span.root.head
    if span.root.dep_ != "attr" or head.lower_ not in _BE:
        return (None, None)
    subj = next((ch for ch in head.children if ch.dep_ in ("nsubj", "npadvmod")), None)
    if subj is None:
        return (None, None)
    if subj.lower_ in ("it", "this", "today") and head.tag_ in ("VBZ", "VBP"):
        return (published.isoformat(), "day") if published else (None, None)
    char = subj.idx
    for d in out:
        if d.start <= char < d.end and d.granularity == "day":
            return (d.value, d.granularity)
    return (None, None)


def _has_weekday(text: str) -> bool:
    c = cues()
    return bool(c.weekday_re.search(text.lower())) or any(
        fuzzy_weekday(w) for w in re.findall(r"[A-Za-z]+", text)
    )


# --- candidates ----------------------------------------------------------------------

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


def _candidates(doc: Any, body: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Token spans (start, end, trimmed leading words) of the expressions, in text order."""
    raw: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and _names_a_day(ent.text)):
            raw.append((ent.start, ent.end))
    forms, ordinal = _patterns()
    for lo, hi in _windows(doc):
        for m in forms.finditer(body, lo, hi):
            if (sp := doc.char_span(m.start(), m.end(), alignment_mode="expand")) is not None:
                raw.append((sp.start, sp.end))
    for m in _ISO_DATE.finditer(body):
        if (sp := doc.char_span(m.start(), m.end(), alignment_mode="expand")) is not None:
            raw.append((sp.start, sp.end))
    for m in _THEN.finditer(body):
        group = 1 if m[1] else 2
        if (sp := doc.char_span(m.start(group), m.end(group), alignment_mode="expand")):
            raw.append((sp.start, sp.end))
    for m in ordinal.finditer(body):
        if m.start() > 0 and body[m.start() - 1].isalnum():
            continue
        sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if sp is not None and int(m[1]) <= 31 and _ordinal_is_date(doc, sp.end):
            raw.append((sp.start, sp.end))
    raw = [(_offset_start(doc, start), end) for start, end in raw]
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end in raw:
        for s, e in _split(doc, start, end):
            if (trimmed := _trim(doc, s, e)) and _keep(doc[trimmed[0]:trimmed[1]]):
                found.append(trimmed)
    chosen: list[tuple[int, int, tuple[str, ...]]] = []
    taken: set[int] = set()
    for cand in sorted(set(found), key=lambda c: (c[0] - c[1], c[0])):
        if not taken.intersection(range(cand[0], cand[1])):
            chosen.append(cand)
            taken.update(range(cand[0], cand[1]))
    return sorted(chosen)


_OFFSET_UNITS = frozenset({"day", "days", "week", "weeks"})


def _offset_start(doc: Any, start: int) -> int:
    """Take in a count before the expression: 'the day before | last Tuesday'."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1  # "two days before the March 3 vote"
    if i < 2 or doc[i].lower_ not in ("before", "after") or doc[i - 1].lower_ not in _OFFSET_UNITS:
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
    if words & {"this", "last", "next", "following", "that", "same"} and words & set(
        c.raw["day_parts"]
    ):
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


def _split(doc: Any, start: int, end: int) -> list[tuple[int, int]]:
    """'Feb. 23 and March 1' -> two expressions; 'Feb. 23-25' stays one."""
    cuts = [i for i in range(start + 1, end - 1) if doc[i].lower_ in _SPLITTERS]
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    parts = [(bounds[0], bounds[1])] + [(a + 1, b) for a, b in zip(cuts, bounds[2:], strict=True)]
    if all(_has_core(doc[a:b].text) for a, b in parts if b > a):
        return [(a, b) for a, b in parts if b > a]
    if len(parts) == 2 and _DURATION.search(doc[parts[0][0]:parts[0][1]].text) and _has_core(
        doc[parts[1][0]:parts[1][1]].text
    ):
        return [p for p in parts if p[1] > p[0]]  # "(postponed by) a week to March 24"
    return [(start, end)]


def _trim(doc: Any, start: int, end: int) -> tuple[int, int, tuple[str, ...]] | None:
    """Drop leading 'the'/prepositions/punctuation and trailing "'s"/punctuation."""
    leads = cues().words("prepositions", "lead")
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
        if not (tok.is_punct and tok.text not in ("'",) or tok.is_space or tok.tag_ == "POS"
                or tok.lower_ in leads or tok.lower_ in _SPLITTERS):
            break
        end -= 1
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
    return words[0] not in c.words("not_dates", "sets")


# --- direction from the clause -------------------------------------------------------

@functools.cache
def _lemmas(key: str) -> frozenset[str]:
    """A verb list of the lexicon's ``tense`` section, as a set (built once)."""
    return frozenset(cues().raw["tense"][key])


def _lemma_in(word: str, lemmas: frozenset[str]) -> bool:
    """Crude lemma check (the pipeline runs without a lemmatizer): 'postponed' ~ 'postpone'."""
    return not _forms(word.lower()).isdisjoint(lemmas)


@functools.lru_cache(maxsize=4096)
def _forms(w: str) -> frozenset[str]:
    forms = {w}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            base = w[: -len(suffix)]
            forms |= {base, base + "e"}
            if base[-1] == base[-2]:
                forms.add(base[:-1])
    return frozenset(forms)


_TIME_OF_DAY = re.compile(
    r"^(?:\d{1,2}(?::\d\d)?|[aApP]\.?[mM]\.?|noon|midnight|o'clock|[A-Z]{1,3}T|:)$"
)


def _preposition(span: Any) -> Any | None:
    """The preposition token that introduces the expression ("until 9 a.m. Tuesday")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.pos_ in ("ADP", "SCONJ") and root.head.i < span.start:
        return root.head
    leads = cues().words("prepositions", "lead")
    i = span.start - 1
    while i >= 0 and span.start - i <= 5 and (
        span.doc[i].lower_ == "the" or _TIME_OF_DAY.match(span.doc[i].text)
    ):
        i -= 1
    if i >= 0 and (tok := span.doc[i]).pos_ in ("ADP", "SCONJ") and tok.lower_ in leads:
        return tok
    return None


def _governor(span: Any) -> tuple[Any | None, list[Any]]:
    """The verb the expression hangs from, and the tokens passed on the way up to it."""
    tok, path = span.root, []
    for _ in range(10):
        head = tok.head
        if head.i == tok.i:
            return None, path
        if head.pos_ in ("VERB", "AUX"):
            return head, path
        if not span.start <= head.i < span.end:
            path.append(head)
        tok = head
    return None, path


def _direction(span: Any, prep_tok: Any | None) -> tuple[int, bool]:
    """(+1 ahead / -1 behind / 0 nearest, weak): a weak past holds for weekdays only.

    A past tense reached through an object noun ("gave no reason for the Jan. 14
    deadline") or a simple past with "until" is weak: the date may lie either way.
    """
    c = cues()
    tense = c.raw["tense"]
    if prep_tok is not None and prep_tok.dep_ == "agent":
        prep_tok = None  # "laid down by the Feb. 23 accord": a passive's agent, not a deadline
    prep = prep_tok.lower_ if prep_tok is not None else None
    if prep in c.words("prepositions", "past"):
        return -1, False
    if _since_before(span):
        return -1, False
    verb, path = _governor(span)
    if any(t.lower_ in tense["forward_adjectives"] for t in path):
        return 1, False
    until = prep in set(tense["until_prepositions"])
    if verb is None:
        return (1 if until or prep in c.words("prepositions", "future") else 0), False
    on_verb = prep_tok is None or _hangs_from(prep_tok, verb)
    fronted = verb.tag_ == "VBD" and span.start < verb.i  # "On Friday, X planned to ..."
    if (kind := _plan_kind(verb, prep if on_verb else None, fronted)) is not None:
        return _plan_direction(verb, kind), False
    d = _tense(verb, 0)
    # nouns between the date and its verb ("the Feb. 23 accord"); time nouns
    # ("on the night of Oct. 23") are part of the date, not another event
    nouns = [t for t in path if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _TIME_NOUNS]
    via_noun = bool(nouns)
    via_object = via_noun and path[-1].dep_ not in ("nsubj", "nsubjpass")
    if d == _PRESENT:  # present tense: scheduled events ("talks resume Friday") unless via a noun
        return (0 if via_noun else 1), False
    if d <= 0 and via_noun and _lemma_in(verb.text, _lemmas("reporting_verbs")):
        return 0, False
    if until and on_verb:
        perfect = {a.lower_ for a in verb.children if a.dep_ == "aux"}
        if d == 0:
            return 1, False
        if d == -1 and perfect & {"has", "have", "'ve"}:
            return 0, False  # "has given them until Tuesday" / "has fallen through Oct. 19"
        if d == -1 and not perfect & {"had", "'d"}:
            return -1, True
    if d == -1 and via_object:
        return -1, True
    if d > 0 and via_object and span.root.dep_ == "poss":
        return 0, False  # "will appeal Wednesday's ruling": the event named may be done
    return d, False


def _hangs_from(prep_tok: Any, verb: Any) -> bool:
    """The preposition belongs to the verb, also as the second half of 'from Monday to Friday'."""
    head = prep_tok.head
    if head.i == verb.i:
        return True
    source = cues().words("tense", "source_prepositions")
    if head.dep_ == "pobj":  # "from Monday to Thursday": "to" hangs from "Monday"
        head = head.head
    return head.lower_ in source and head.head.i == verb.i


def _plan_kind(verb: Any, prep: str | None, fronted: bool) -> str | None:
    """How the verb schedules its date: 'state' (scheduled for), 'target'/'source' of a delay.

    ``prep`` is the preposition of the date when it hangs from ``verb``.
    """
    tense = cues().raw["tense"]
    if fronted:
        return None  # "On Friday, the council planned ...": the day of the planning
    if _lemma_in(verb.text, _lemmas("schedule_verbs")):
        return "state"  # "scheduled for Friday", "planned a demonstration on Saturday"
    if _lemma_in(verb.text, _lemmas("set_verbs")) and any(
        ch.lower_ in tense["set_prepositions"] and ch.dep_ in ("prep", "aux")
        for ch in verb.children
    ):
        return "state"  # "a summit set for April", "set Nov. 10 as the deadline", not "a record set"
    if prep and _lemma_in(verb.text, _lemmas("delay_verbs")):
        if prep in tense["target_prepositions"]:
            return "target"  # "postponed until Thursday"
        if prep in tense["source_prepositions"]:
            return "source"  # "moved from Monday"
    return None


def _plan_direction(verb: Any, kind: str) -> int:
    """Where a scheduled date lies, from the tense and aspect of the scheduling.

    A plan stated in the present, perfect or future lies ahead ("is scheduled
    for", "has been set for"); the pluperfect, "was to have" and "would have"
    put it behind ("had been set for October 8 but was postponed"); a simple
    past is either ("was scheduled for March 3": nearest) unless it is the
    backshifted present of reported speech ("said talks were scheduled for
    Friday"). A delay's new date lies ahead, its old one is the nearest.
    """
    time = _clause_time(verb)
    if time == "bare" and verb.dep_ in ("acl", "amod", "advcl"):
        # "a service planned for Saturday was cancelled": the tense of the main clause
        host = _governor(verb.doc[verb.i:verb.i + 1])[0]
        time = "past" if host is not None and _clause_time(host) in ("past", "pluperfect") \
            else "present"
    reported = _reported(verb)
    if kind == "source":
        return -1 if time == "pluperfect" and not reported else 0
    if kind == "target":  # "was postponed until Thursday": ahead of the postponing
        return {"pluperfect": 0, "past": 1 if reported else LEAN_AHEAD,
                "would": LEAN_AHEAD}.get(time, 1)
    if time == "pluperfect":
        return 0 if reported else LEAN_BEHIND
    if time == "past" and not reported:
        return 0
    if time == "would":
        return LEAN_AHEAD  # "said the vote would be held on May 3": a future seen from the past
    superseded = cues().words("tense", "superseded_adverbs")
    if any(ch.dep_ == "advmod" and ch.lower_ in superseded for ch in verb.children):
        return 0  # "originally scheduled for May 2": the old date may have passed
    return 1


def _clause_time(verb: Any) -> str:
    """'pluperfect', 'perfect', 'future', 'would', 'past', 'present' or 'bare' (non-finite).

    "had + participle", "would/may have + participle" and "(was) to have +
    participle" count as pluperfect: a past before a past, or one that did not
    happen.
    """
    auxes = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    participle = verb.tag_ in ("VBN", "VBG") or "been" in words
    modal = words & (_lemmas("future_aux") | _lemmas("modal_future") | {"could"})
    if participle and words & _lemmas("pluperfect_aux"):
        return "pluperfect"
    if participle and words & {"have", "'ve"}:
        return "pluperfect" if modal or "to" in words else "perfect"
    if participle and (words & {"has"} or ("'s" in words and "been" in words)):
        return "perfect"
    if modal:
        return "would" if modal <= {"would", "'d"} else "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes):
        return "present"
    return "bare"


def _reported(verb: Any) -> bool:
    """Inside the complement of a past reporting verb ("said talks were due Friday").

    Reported speech shifts tenses back: "were scheduled" there stands for "are scheduled".
    """
    reporting = _lemmas("reporting_verbs")
    tok = verb
    for _ in range(4):
        if tok.dep_ == "ccomp":
            head = tok.head
            return _lemma_in(head.text, reporting) and _clause_time(head) in (
                "past", "pluperfect")
        if tok.dep_ not in ("conj", "xcomp", "relcl", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _since_before(span: Any) -> bool:
    """'since shortly after the Oct. 23 slaying': a 'since' a few words before, no verb between."""
    doc = span.doc
    for i in range(span.start - 1, max(span.start - 7, -1), -1):
        if doc[i].lower_ == "since":
            return True
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].is_punct:
            return False
    return False


def _tense(verb: Any, depth: int) -> int:
    """+1 future, -1 past, _PRESENT, 0 unknown (or a lenient ±2), from auxiliaries and tags."""
    tense = cues().raw["tense"]
    auxes = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    future = words & set(tense["future_aux"])
    perfect = words & set(tense["perfect_aux"])
    if "could" in words and not perfect:
        return 0  # "could resume Monday" / "could not be located Wednesday": either way
    if perfect and (verb.tag_ == "VBN" and not words & _BE or verb.tag_ == "VBG"
                    or words & {"been"}):
        return 1 if future - {"would", "'d"} else -1
    if future - {"would", "'d"} or words & set(tense["modal_future"]):
        return 1
    if future:
        return LEAN_AHEAD  # "said they would leave by Jan. 14": a future seen from the past
    if verb.tag_ == "VB" and "to" in words:
        gov = verb.head
        if gov.i == verb.i:
            return 0
        if _lemma_in(gov.text, _lemmas("forward_governors")):
            return _governed_plan(gov)
        if depth < 3:
            up = gov if gov.pos_ in ("VERB", "AUX") else _governor(gov.doc[gov.i:gov.i + 1])[0]
            d = _tense(up, depth + 1) if up is not None else 0
            return 0 if d == -1 else d  # "went to Geneva to attend talks on Monday": either way
        return 0
    if (verb.tag_ == "VBD" or verb.tag_ == "VBN" and not auxes) and depth < 3 and _follows_main(verb):
        return 1  # "would buy as soon as trading opened Monday": a future in the past
    if any(a.tag_ == "VBD" for a in auxes):
        return -1
    if verb.tag_ == "VBD":
        return -1
    if verb.tag_ == "VBN":
        passive = [a for a in auxes if a.dep_ == "auxpass"]
        return -1 if not passive else _PRESENT
    if verb.tag_ == "VBP" and verb.lower_ in tense["invariant_verbs"]:
        return 0  # "hurt", "cut", "set": the tagger cannot tell present from past
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and words & _BE):
        return _PRESENT
    if verb.tag_ == "VBG" and depth < 3:  # a participle clause takes its main verb's tense
        up = _governor(verb.doc[verb.i:verb.i + 1])[0]
        return _tense(up, depth + 1) if up is not None else 0
    return 0


def _governed_plan(gov: Any) -> int:
    """Direction of an infinitive under a forward governor ("due to resume", "agreed to meet").

    A plan (due, expected, set to) follows the rules of ``_plan_direction``; a
    commitment (agree, promise, decide to) points ahead unless pluperfect.
    """
    host = gov
    if gov.pos_ not in ("VERB", "AUX") and gov.head.pos_ in ("VERB", "AUX"):
        host = gov.head  # "were due to", "an agreement reached to"
    if gov.lower_ in cues().words("tense", "plan_states"):
        return _plan_direction(host, "state")
    time = "present" if _reported(host) else _clause_time(host)
    return {"pluperfect": LEAN_BEHIND, "past": LEAN_AHEAD}.get(time, 1)


def _follows_main(verb: Any) -> bool:
    """A past in a temporal clause ("as soon as trading opened") under a future main clause."""
    marks = cues().words("tense", "temporal_marks")
    if verb.dep_ != "advcl" or not any(
        ch.dep_ == "mark" and ch.lower_ in marks for ch in verb.children
    ):
        return False
    head = verb.head
    main = head if head.pos_ in ("VERB", "AUX") else _governor(head.doc[head.i:head.i + 1])[0]
    return main is not None and main.i != verb.i and _tense(main, 3) in (1, LEAN_AHEAD)
