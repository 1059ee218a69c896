"""A meeting's start told by its mentions when no status cue carries a date.

Reports often date a meeting where they name it ('an unannounced meeting last month in
Beijing', "today's meeting") or in the clause of the verb that tells what people did at
it ('boycotted the second round on Tuesday', 'was on his way to Naivasha on Thursday for
talks'). The date must fit the status: a meeting held or under way began by the report's
day, a scheduled one begins on it or later. A year alone is no start.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Meeting
from .. import _clauses as clauses
from . import venues
from .gapped import other_subject
from .mentions import _attached, _Mention

_FITS = {
    "held": lambda when, today: when <= today,
    "ongoing": lambda when, today: when <= today,
    "concluded": lambda when, today: when <= today,  # 'failed to agree during the round on Monday'
    "scheduled": lambda when, today: when >= today,
    # called off or halted: the day it was planned for or began on ('was to begin on October 17')
    "cancelled": lambda when, today: True,
    "suspended": lambda when, today: True,
}
_CLAUSES = ("relcl", "acl", "advcl", "ccomp")


def fill_start(
    ctx: Context,
    meeting: Meeting,
    mentions: list[_Mention],
    halting: frozenset[str] = frozenset(),
    ending: frozenset[str] = frozenset(),
) -> None:
    """Set ``meeting.start`` from a date its own mentions carry, if one fits its status (not
    the day a halting verb tells: 'was suspended on Monday')."""
    fits = _FITS.get(meeting.status or "")
    if meeting.start or fits is None or ctx.published is None:
        return
    for m in (x for x in mentions if x.meeting is meeting and not x.background):
        planned = _relative_plan(ctx, m) if meeting.status in ("cancelled", "suspended") else []
        skip = halting | ending if meeting.status == "concluded" else halting  # 'ended on Friday': its end
        for value in _named(ctx, m) + _of_verb(ctx, m, skip) + planned:
            today = ctx.published.isoformat()[: len(value)]
            if len(value) >= 7 and fits(value, today):
                meeting.start = value
                return


def past_day(ctx: Context, m: _Mention, *, today_too: bool = False) -> str | None:
    """The day before the report (or on it) a mention's own phrase or verb dates it to."""
    if ctx.published is None:
        return None
    today = ctx.published.isoformat()
    values = _named(ctx, m) + _of_verb(ctx, m)
    days = [v for v in values if len(v) == 10 and (v < today or today_too and v == today)]
    return days[0] if days else None


def past_month(ctx: Context, m: _Mention) -> str | None:
    """A month (or year) before the report's that a mention's own phrase or verb dates it to:
    'held talks near X in January', 'In 2017, the sides held talks in Y'."""
    if ctx.published is None:
        return None
    today = ctx.published.isoformat()
    subject = m.head.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "dobj" for c in m.head.head.children)
    told = _named(ctx, m) + ([] if subject else _of_verb(ctx, m))  # 'X followed Y in June': Y's month
    values = [v[:7] for v in told if len(v) in (4, 7, 10)]
    return next((v for v in values if v < today[: len(v)]), None)


def plan_day(ctx: Context, m: _Mention) -> str | None:
    """A day or month after the report's day that a mention's own phrase or verb names."""
    if ctx.published is None:
        return None
    today = ctx.published.isoformat()
    later = [v for v in _named(ctx, m) + _of_verb(ctx, m) if len(v) >= 7 and v > today[: len(v)]]
    return later[0] if later else None


def _named(ctx: Context, m: _Mention) -> list[str]:
    """Dates inside the mention's phrase, outside its clauses: "today's meeting",
    'a meeting last month in Beijing' (not 'talks since 2012')."""
    if m.verb:
        return []
    # clauses below the head, not the head's own (a meeting noun heading a clause keeps its phrase)
    skip = {t.i for c in m.head.subtree if c.i != m.head.i and c.dep_ in _CLAUSES for t in c.subtree}
    skip |= {t.i for p in m.head.children if _other_event(p) for t in p.subtree}
    tokens = [t for t in m.head.subtree if t.i not in skip]
    start, end = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    kept = {t.idx for t in tokens}
    inside = [d for d in ctx.dates_in(start, end) if d.value and d.start in kept]
    return [d.value for d in inside if not _after_since(ctx, d.start)]


def _of_verb(ctx: Context, m: _Mention, skip: frozenset[str] = frozenset()) -> list[str]:
    """Dates attached to the verb whose object or complement the mention is (verbs whose
    lemma is in ``skip`` left out)."""
    above = {a.i for a in m.head.ancestors}
    verbs = [m.head] if m.verb else [v for v in clauses.governing_verbs(m.head) if v.i in above]
    verbs += [_clause_verb(m.head)] if not m.verb and _clause_verb(m.head) is not None else []
    if m.verb and m.head.dep_ == "conj":
        verbs.append(m.head.head)  # 'was due to meet X on Wednesday, but instead met Y'
    trip = None if m.verb else venues.purpose_of(m.head)
    if trip is not None and trip.i not in {v.i for v in verbs}:
        verbs.append(trip)  # 'arrived on Monday for talks': the day of the trip
    out = []
    verbs = [v for v in verbs if m.verb or not other_subject(v, m.head)]  # 'after talks Monday failed'
    for verb in (v for v in verbs if v.lemma_.lower() not in skip):
        span = clauses.own_clause(verb)
        out += [d.value for d in ctx.dates_in(*span) if d.value and _attached(ctx, d, verb)]
    return out


def _relative_plan(ctx: Context, m: _Mention) -> list[str]:
    """'a round of talks that was to begin on October 17' (even quoted): the day a halted
    meeting was planned for, told in a relative clause on it."""
    if m.verb:
        return []
    nouns = [m.head]
    if m.head.dep_ == "pobj" and m.head.head.lower_ == "of":
        nouns.append(m.head.head.head)  # 'a new round of talks that was to begin'
    nouns += [g for c in m.head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    out = []
    for verb in (c for n in nouns for c in n.children if c.dep_ == "relcl"):
        chain = [verb]
        while len(chain) < 4 and (nxt := [c for c in chain[-1].children if c.dep_ in ("acomp", "xcomp")]):
            chain.append(nxt[0])
        if len(chain) > 1 and any(c.tag_ == "TO" for c in chain[-1].children):
            span = clauses.own_clause(chain[-1])
            out += [d.value for d in ctx.dates_in(*span) if d.value and _attached(ctx, d, chain[-1])]
    return out


def _clause_verb(head: Any) -> Any:
    """'reached an agreement in the first round on Thursday': the verb whose object phrase
    holds the meeting, reached through nouns and prepositions only."""
    tok = head
    for _ in range(6):
        if tok.dep_ not in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr"):
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def _after_since(ctx: Context, start: int) -> bool:
    words = ctx.body[max(0, start - 7) : start].lower().split()
    return bool(words) and words[-1] == "since"


_RELATIVE = frozenset({"after", "before", "following", "since", "until"})


def _other_event(prep: Any) -> bool:
    """'a round after initial sessions Sunday': a phrase placing the meeting relative to
    another event; a date inside it is that event's ('talks after Monday' has none)."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    nxt = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else prep
    dated = nxt.ent_type_ in ("DATE", "TIME") or any(o.ent_type_ in ("DATE", "TIME") for o in objs)
    return prep.lower_ in _RELATIVE and bool(objs) and not dated  # not 'since 2012', 'after Monday'
