"""A meeting's status when no cue of its own tells it.

A meeting told in the past, or dated before the report, was held; one dated after it
is scheduled. What follows from an event ('following a meeting in X') has taken
place; how people take part tells the rest ('attending the summit are X' under way,
'the delegation has quit the talks' suspended, 'would return for a bilateral meeting'
still to come).
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Meeting, StatusChange
from .. import _clauses as clauses
from .mentions import _attached, _Mention
from .status import _hypothetical
from .when import _named as when_named


def _default_status(
    ctx: Context, meeting: Meeting, mentions: list[_Mention], lex: dict[str, Any] | None = None
) -> None:
    """No status cue: a meeting told in the past tense, or dated before the report, was held;
    one dated after it is scheduled. Its date is the one in its mention's clause. Failing
    that, how people take part tells it: 'attending the summit are X' (under way), 'the
    delegation has quit the talks' (suspended)."""
    published = ctx.published
    own_mentions = [x for x in mentions if x.meeting is meeting]
    for m in own_mentions:
        verbs = clauses.governing_verbs(m.head)
        span = clauses.own_clause(verbs[-1] if verbs else m.head)
        own = [d.value for d in ctx.dates_in(*span) if d.value and _attached(ctx, d, m.head)]
        own = own or when_named(ctx, m)  # "a meeting last month in Oslo"
        dated = own or [d.value for d in ctx.dates_in(*span) if d.value and not _since(ctx, d)]
        when = m.extras.get("day") or (dated[0] if dated else None)  # 'October 31 in Sochi'
        past_tense = any(v.tag_ == "VBD" for v in verbs)
        today = published.isoformat()[: len(when)] if when and published else None
        if meeting.past and when and today and when > today:
            when = None  # an earlier meeting is not dated after the report
        if when and today:
            status = "held" if when < today else "scheduled"
            if when == today and len(when) == 10 and not any(clauses.future(v) for v in verbs):
                status = "held" if _past_subject(m.head) else "ongoing"  # 'extended the talks on Wednesday'
        elif past_tense or meeting.past:
            status = "held"
        else:
            continue
        meeting.history.append(StatusChange(status, when, Evidence.from_span(m.head.sent)))
        return
    for m in own_mentions:
        if _after_phrase(m.head) or _done_inside(m.head):
            meeting.history.append(StatusChange("held", None, Evidence.from_span(m.head.sent)))
            return
    for m in [x for x in own_mentions if not x.background] if lex else []:
        status = _by_taking_part(m, lex or {}) or _told_future(m, lex or {})
        if status:
            meeting.history.append(StatusChange(status, None, Evidence.from_span(m.head.sent)))
            return


def _after_phrase(tok: Any) -> bool:
    """'agreed to meet again following a meeting in Washington': what a later event follows
    has taken place."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("after", "following", "since")


def _done_inside(tok: Any) -> bool:
    """'in a series of working groups, delegates discussed X': what people did inside a
    meeting, told in the simple past, says it was held ('told reporters at a meeting' may
    be said while it goes on)."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # 'a series of working groups'
    prep = tok.head if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") else None
    verb = prep.head if prep is not None else None
    return verb is not None and verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)


def _since(ctx: Context, date_expr: Any) -> bool:
    """'the first time since 1996': a date things are measured from, not the meeting's."""
    before = ctx.body[max(0, date_expr.start - 7) : date_expr.start].lower().split()
    return bool(before) and before[-1] == "since"


def _told_future(m: _Mention, lex: dict[str, Any]) -> str | None:
    """'would return for a bilateral meeting later', 'will travel to the talks': a meeting
    someone is going to is still to come."""
    going = m.head.dep_ == "pobj" and m.head.head.lower_ in ("for", "to")
    above = {a.i for a in m.head.ancestors}  # not 'talks intended to produce X': their purpose
    verbs = [v for v in clauses.governing_verbs(m.head) if v.i in above]
    verbs += [m.head.head.head] if going and m.head.head.head.pos_ == "VERB" else []
    for verb in verbs:
        if not (going or verb.lemma_.lower() in lex["presence_verbs"]):
            continue  # 'hoped the round would lead to a deal' tells no schedule
        if clauses.future(verb) and not clauses.negated(verb) and not _hypothetical(verb, lex):
            return "scheduled"
        if going and verb.lemma_.lower() in lex["departure_verbs"] and not clauses.negated(verb):
            return "scheduled"  # 'the delegation has departed for the negotiations'
    return None


def _taking_part(tok: Any) -> list[Any]:
    """'taking part in the round': the verb of 'take part in' a meeting."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "in" else None
    if verb is not None and verb.lemma_ == "take" and any(c.lower_ == "part" for c in verb.children):
        return [verb]
    return []


def _by_taking_part(m: _Mention, lex: dict[str, Any]) -> str | None:
    """'attending the summit are X', 'has been facilitating the talks' -> ongoing; 'has quit
    the talks', 'walked out of the talks' -> suspended."""
    for verb in clauses.governing_verbs(m.head) + _taking_part(m.head):
        lemma = verb.lemma_.lower()
        if lemma == "take":
            lemma = "participate"  # 'taking part in the round are X'
        if clauses.negated(verb) or clauses.future(verb):
            continue
        if lemma in lex["exit_verbs"]:
            return "suspended"
        there = lemma == "be" and m.head.dep_ == "pobj" and m.head.head.lower_ == "for"
        if there and verb.tag_ in ("VBZ", "VBP"):
            return "ongoing"  # 'delegates are in Juba for talks'
        if lemma in lex["presence_verbs"] and verb.tag_ in ("VBG", "VBZ", "VBP"):
            return "ongoing"
        if lemma in lex["presence_verbs"] and verb.tag_ in ("VBD", "VBN"):
            return "held"  # 'a closed session chaired by the envoy'
    return None


def _past_subject(tok: Any) -> bool:
    """'the meetings today included X': a meeting told as the subject of a simple past verb
    on the report's day is already over (unlike 'extended the talks today', still going)."""
    verb = tok.head
    return tok.dep_ == "nsubj" and verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)
