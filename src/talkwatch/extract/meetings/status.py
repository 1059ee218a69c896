"""status."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from ...context import Context
from ...lexicon import load as load_lexicon
from ...model import Evidence, Meeting, StatusChange
from .. import _clauses as clauses
from . import venues
from .cue_sources import marked_subject, next_verb_cue, noun_cue, outcome_cue, party_acl
from .gapped import gapped_subject, other_subject
from .mentions import _attached, _Mention, inner_cues


class FailedPlan(StatusChange):
    """A plan told as not come about ('should have begun on Friday', 'were to have kicked
    off'): a meeting still only scheduled after it has been put off."""


def _apply_status(ctx: Context, m: _Mention, lex: dict[str, Any], quoted: list[tuple[int, int]]) -> None:
    if m.meeting is None:
        return
    if m.verb:
        cues = [(m.head, "scheduled" if m.later else "held")]  # 'agreed to meet again': to come
    else:
        cues = (
            sorted(
                clauses.status_cues(m.head, lex["status_cues"])
                + inner_cues(m.head, lex)
                + party_acl(m.head, lex)
                + marked_subject(m.head, lex)
                + outcome_cue(m.head, lex),
                key=lambda c: c[0].i,
            )
            or next_verb_cue(m, lex)
            or noun_cue(m, lex)
        )
    for cue_tok, status in cues:
        if clauses.inside(cue_tok.idx, quoted) or clauses.negated(cue_tok):
            continue
        if not m.verb and _counterfactual(cue_tok):
            if not _covered(m.meeting, cue_tok):  # the plan that failed: its date is the old one
                change = FailedPlan("scheduled", _cue_date(ctx, cue_tok, m), Evidence.from_span(cue_tok.sent))
                m.meeting.background.append(change)
            continue
        if not m.verb and other_subject(cue_tok, m.head):
            continue  # 'met for a round after talks Monday failed': the failing is the earlier talks'
        if not m.verb and (_other_object(cue_tok, m.head, lex) or _hypothetical(cue_tok, lex)):
            continue
        if _lasting(cue_tok, lex):
            continue  # "the meeting is expected to last three days": how long, not when
        if cue_tok.pos_ == "ADJ" and m.head.head.lower_ == "to" and m.head.head.head.i == cue_tok.i:
            continue  # 'a diplomat close to the talks': a relation to them, not their state
        if cue_tok.lemma_ == "precede" and not _earlier_side(cue_tok, m.head):
            continue  # 'X was preceded by a meeting': the meeting before X was held, not X
        if _elsewhere(cue_tok, m.meeting) or _covered(m.meeting, cue_tok):
            continue
        stated = _cue_date(ctx, cue_tok, m)
        when = stated or _today(ctx, cue_tok, status)
        status, reported = _adjust(ctx, m, cue_tok, status, stated)
        change = StatusChange(status, when, Evidence.from_span(cue_tok.sent))
        told_before = (
            reported
            or any(clauses.pluperfect(t) or t.dep_ == "relcl" for t in _chain(cue_tok))
            or (status == "scheduled" and _past_plan(cue_tok))
            or _history_before(cue_tok, lex)
        )
        if (
            cue_tok.dep_ in ("relcl", "acl")
            or told_before
            or clauses.has_any(cue_tok, lex["history_adverbs"])
        ):
            m.meeting.background.append(change)  # earlier states, told as background
        else:
            m.meeting.history.append(change)
        _duration(ctx, cue_tok, m.meeting, lex)


def _today(ctx: Context, cue: Any, status: str) -> str | None:
    """'talks are starting in Geneva', 'the conference opens': an opening told in the
    present happens on the day of the report."""
    present = cue.tag_ in ("VBZ", "VBP") or (
        cue.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are") for c in cue.children)
    )
    if status != "ongoing" or not present or ctx.published is None:
        return None
    return ctx.published.isoformat()


def _adjust(ctx: Context, m: _Mention, cue_tok: Any, status: str, stated: str | None) -> tuple[str, bool]:
    """The status a cue tells once tense, plans and the meeting's past are weighed; and
    whether it is a plan reported (background)."""
    assert m.meeting is not None
    if m.verb and status == "held" and _meeting_now(ctx, cue_tok, stated):
        status = "ongoing"  # 'negotiators were meeting in Doha on Tuesday' (the report's day)
    if status == "ongoing" and stated and _timetable(ctx, cue_tok, stated):
        status = "scheduled"
    if status == "ongoing" and stated and _long_done(ctx, cue_tok, stated):
        status = "held"
    ahead = _future(cue_tok) or _set_to(cue_tok) or _subject_infinitive(cue_tok)
    if status in ("held", "ongoing") and not m.meeting.past and ahead:
        status = "scheduled"
    reported = status in ("held", "ongoing") and _reported_plan(cue_tok)
    status = "scheduled" if reported else status  # 'the summit was said to be held on May 4'
    if status in ("concluded", "ongoing") and m.meeting.past and not clauses.future(cue_tok):
        status = "held"  # the opening or ending of an earlier meeting, told in passing
    if status == "suspended" and m.kind and cue_tok.tag_ in ("VBD", "VBN") and not clauses.future(cue_tok):
        status = "held"  # 'the opening session, which adjourned after the address': it is over
    return status, reported


def _subject_infinitive(cue: Any) -> bool:
    """'a desire for talks to be held in X', 'want talks to be held': an infinitive with its
    own subject, or one on the meeting noun itself, names a state wished or planned."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    on_noun = cue.dep_ in ("relcl", "acl") and cue.head.pos_ in ("NOUN", "PROPN")
    return infinitive and (on_noun or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children))


def _meeting_now(ctx: Context, verb: Any, stated: str | None) -> bool:
    """A meeting verb in the progressive on the report's day, or in the present progressive
    with no day: the meeting is under way as the report is written."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ != "VBG" or not auxes & {"is", "are", "was", "were"} or clauses.future(verb):
        return False
    today = ctx.published.isoformat() if ctx.published else None
    return stated == today if stated else bool(auxes & {"is", "are"})


def _earlier_side(verb: Any, head: Any) -> bool:
    """The side of 'precede' that came first: the agent of the passive, else the subject."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    deps = ("agent",) if passive else ("nsubj",)
    return any(head.i in [t.i for t in c.subtree] for c in verb.children if c.dep_ in deps)


def _elsewhere(cue: Any, meeting: Meeting) -> bool:
    """'will begin in Montreux and continue in Geneva': a cue placed in another city tells
    of another part of the talks, not of this meeting."""
    city, _ = venues.clause_venue(cue)
    return bool(city and meeting.city and city != meeting.city)


def _timetable(ctx: Context, cue: Any, when: str) -> bool:
    """'the talks that open today', 'talks open in Geneva on Wednesday' (the report's day): a
    simple present with the day named is a timetable, the opening still to come."""
    published = ctx.published
    return cue.tag_ in ("VBZ", "VBP") and published is not None and when >= published.isoformat()


def _long_done(ctx: Context, cue: Any, when: str) -> bool:
    """'talks resumed in Washington last month': an opening told in the past, weeks before the
    report, is a meeting held, not the talks under way today."""
    published = ctx.published
    if cue.tag_ != "VBD" or published is None:
        return False
    if len(when) == 7:
        return when < published.isoformat()[:7]
    return len(when) == 10 and when < (published - timedelta(days=7)).isoformat()


def _future(cue: Any) -> bool:
    """Future or planned, also through the infinitives a cue completes ('agreed to send a
    delegation to meet')."""
    chain = [cue]
    while len(chain) < 5:
        tok = chain[-1]
        infinitive = any(c.lower_ == "to" for c in tok.children)
        if tok.dep_ in ("xcomp", "conj") or (tok.dep_ == "advcl" and infinitive):
            chain.append(tok.head)
        elif tok.dep_ == "relcl" and infinitive and tok.head.dep_ in ("dobj", "nsubj"):
            chain.append(tok.head.head)  # 'send a delegation to meet': the sending's time
        else:
            break
    return any(clauses.future(t) for t in chain)


def _chain(cue: Any) -> list[Any]:
    """The cue and the words it completes: 'had been due to meet' -> meet, due, been."""
    chain = [cue]
    while chain[-1].dep_ in ("xcomp", "acomp", "conj", "pcomp") and len(chain) < 4:
        chain.append(chain[-1].head)
    return chain


def _history_before(cue: Any, lex: dict[str, Any]) -> bool:
    """'originally due to open on May 10': a history adverb right before the plan's words, where
    the parser often hangs it on the main verb instead."""
    words = _chain(cue) + ([cue.head] if cue.dep_ == "xcomp" else [])
    first = min(t.i for t in words)
    return first > 0 and cue.doc[first - 1].lower_ in lex["history_adverbs"]


def _counterfactual(cue: Any) -> bool:
    """'should have begun Friday', 'were to have kicked off', 'was supposed to start': a
    plan that did not come about."""
    auxes = {c.lower_ for c in cue.children if c.dep_ == "aux"}
    if "have" in auxes and cue.tag_ == "VBN" and auxes & {"should", "would", "could", "might", "must", "to"}:
        return True
    head = cue.head
    return (
        cue.dep_ == "xcomp" and head.lemma_ == "suppose" and any(c.dep_ == "auxpass" for c in head.children)
    )


def _reported_plan(cue: Any) -> bool:
    """'was said to be held', 'were supposed to open': an infinitive under a passive told in
    the past is a plan reported, which later news supersedes."""
    infinitive = cue.dep_ == "xcomp" and any(c.tag_ == "TO" for c in cue.children)
    return infinitive and _past_plan(cue.head)


def _past_plan(cue: Any) -> bool:
    """'the round was scheduled to begin on Friday': a plan told in the past, which later
    news (a suspension, a delay) supersedes."""
    return cue.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in cue.children
    )


def _other_object(cue: Any, head: Any, lex: dict[str, Any]) -> bool:
    """'arrived to revive talks to end the war': the cue acts on another object
    (not one that completes the cue itself, as in 'take place'); 'called the talks a farce'
    names the talks, it does not call them."""
    named = any(c.dep_ == "oprd" for c in cue.children) and any(c.dep_ == "dobj" for c in cue.children)
    if named and head.dep_ == "dobj" and head.head.i == cue.i:
        return True
    phrases = {p for cues in lex["status_cues"].values() for p in cues}
    objs = [c for c in cue.children if c.dep_ == "dobj" and f"{cue.lemma_} {c.lemma_}".lower() not in phrases]
    return bool(objs) and not any(head.i in (t.i for t in o.subtree) for o in objs)


def _lasting(cue: Any, lex: dict[str, Any]) -> bool:
    """A plan verb whose infinitive tells a duration ('expected to last three days')."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in lex["duration_verbs"] for c in cue.children)


def _hypothetical(cue: Any, lex: dict[str, Any]) -> bool:
    """'the talks could still collapse', 'wanted to conclude the talks', 'if the talks
    resume': a possibility, a wish or a condition, not a state of the meeting."""
    chain = [cue]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    modal = any(c.dep_ == "aux" and c.lower_ in lex["hypothetical_modals"] for t in chain for c in t.children)
    wish = any(t.lemma_.lower() in lex["wish_verbs"] for t in chain[1:])
    marks = [c.lower_ for t in chain for c in t.children if c.dep_ == "mark" or c.tag_ == "WRB"]
    time_clause = cue.tag_ in ("VBZ", "VBP") and bool(
        set(marks) & {"when", "once", "until", "before", "after"}
    )
    condition = bool(set(marks) & {"if", "unless"}) or time_clause  # 'when the talks begin': still to come
    return modal or wish or condition or _aim(chain, lex) or _readiness(chain[-1], lex)


def _readiness(verb: Any, lex: dict[str, Any]) -> bool:
    """'open to holding consultations', 'ready for talks to resume': a readiness, not an event."""
    prep = verb.head if verb.dep_ in ("pcomp", "pobj") else None
    adj = prep.head if prep is not None and prep.dep_ == "prep" else None
    return adj is not None and adj.pos_ == "ADJ" and adj.lower_ in lex["readiness_adjectives"]


def _aim(chain: list[Any], lex: dict[str, Any]) -> bool:
    """The cue or a verb it completes is an infinitive of aim ('pulled back to allow the
    talks to go ahead')."""
    verbs = chain + [chain[-1].head] if chain[-1].dep_ == "ccomp" else chain
    return any(_purpose(t, lex) for t in verbs)


def _purpose(cue: Any, lex: dict[str, Any]) -> bool:
    """'roads lifted to continue the dialogue': an infinitive of aim, not a state (unlike
    'agreed to resume', 'set to begin')."""
    if cue.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False
    head = cue.head
    if _set_to(cue):
        return False
    passive = any(c.dep_ == "auxpass" for c in head.children)
    plain = not clauses.future(cue) and clauses.match(head, lex["status_cues"]) is None
    return cue.dep_ == "advcl" or (cue.dep_ == "xcomp" and passive and plain)


def _set_to(cue: Any) -> bool:
    """'looked set to go ahead', 'seemed due to begin': an infinitive hung on the verb whose
    complement is a word of planning, a plan rather than an aim."""
    infinitive = cue.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in cue.children)
    heads = load_lexicon("clauses")["future_heads"]
    return infinitive and any(c.dep_ == "acomp" and c.lemma_.lower() in heads for c in cue.head.children)


def _infinitives(verb: Any) -> list[Any]:
    """'set to begin on Sunday' parsed as an adverbial clause: the infinitive completing the verb."""
    return [
        c for c in verb.children if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children)
    ]


def _covered(meeting: Meeting, cue: Any) -> bool:
    """A cue already used for this meeting, or one inside a clause already used ('due to begin')."""
    used = meeting.cue_tokens
    chain = []  # "due to begin": the verbs a cue completes
    tok = cue
    while tok.dep_ in ("xcomp", "pcomp", "prep") and tok.head.i != tok.i:
        tok = tok.head
        chain.append(tok.i)
    if cue.i in used or any(i in used for i in chain):
        return True
    used.add(cue.i)
    return False


def _cue_date(ctx: Context, cue: Any, m: _Mention) -> str | None:
    """The date a status cue carries: attached to it ('postponed until Thursday', 'due to
    begin Wednesday'), not one buried in a noun phrase of its clause."""
    tied = _infinitives(cue.head) if cue.dep_ in ("acomp", "xcomp") else []  # 'looked set | to go ahead'
    spans = [clauses.own_clause(t) for t in [cue, *_infinitives(cue), *tied]]
    dates = [d for s in spans for d in ctx.dates_in(*s) if d.value and _attached(ctx, d, cue)]
    gap = gapped_subject(cue)  # 'after talks Monday failed': the day between subject and verb
    dates += [d for d in ctx.dates_in(gap.idx, cue.idx) if d.value] if gap is not None else []
    dates = [d for d in dates if not _run_until(ctx, d)]
    days = [d for d in dates if d.granularity == "day"] or dates
    if not days:
        return None
    after = [d for d in days if d.start > cue.idx]
    return (after or days)[0].value


def _run_until(ctx: Context, date: Any) -> bool:
    """'scheduled to run until Monday': the day a meeting lasts to is its end, not its start
    (unlike 'postponed until Monday')."""
    span = ctx.doc.char_span(date.start, date.end, alignment_mode="expand")
    prep = span.root.head if span is not None else None
    if prep is None or prep.lower_ not in ("until", "till", "through", "to"):
        return False
    return prep.head.lemma_.lower() in load_lexicon("meetings")["duration_verbs"]


def _duration(ctx: Context, cue: Any, meeting: Meeting, lex: dict[str, Any]) -> None:
    """'expected to last two days' in the cue's sentence gives the meeting's length."""
    for tok in cue.sent:
        if tok.lemma_ in lex["duration_verbs"] and tok.pos_ == "VERB":
            text = ctx.body[tok.idx : tok.right_edge.idx + len(tok.right_edge)]
            match = re.search(r"\b(\w+)\s+days?\b", text)
            if match and clauses.number(match.group(1)):
                meeting.duration_days = clauses.number(match.group(1))
                return


def _apply_sponsors(ctx: Context, m: _Mention) -> None:
    """'sponsored by the UN', 'UN-backed', 'under the auspices of X'."""
    if m.meeting is None:
        return
    for tok in m.head.subtree:
        if tok.lemma_ in ("sponsor", "back", "broker", "organise", "organize", "host") and tok.dep_ == "acl":
            for agent in (c for c in tok.children if c.dep_ == "agent"):
                for mention in ctx.actors.mentions_in(
                    agent.idx, agent.right_edge.idx + len(agent.right_edge)
                ):
                    target = m.meeting.hosts if tok.lemma_ == "host" else m.meeting.sponsors
                    target.append(mention.actor)


# Statuses whose date is the meeting's start ("postponed until", "began on", "took place
# on"); "ended on" dates the end, "suspended/cancelled on" the event itself.
