"""Participation told in passing by a known actor's other doings at the talks.

"concerned by the inclusion of X and Y in the dialogue" (X and Y are invited), "X thanked Y
for hosting the talks" (Y hosted them and X was there to thank), "Y, which has been playing
a central role in the discussions" (Y takes part), "X announced they would stay until
Thursday" (at talks under way, staying on is taking part), "X and Y began the second day of
dialogue" (a part of the talks as the object of a meeting verb): none of these has a cue verb of
attending, yet each tells who is or was at a meeting.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Participation
from .. import _clauses as clauses
from .._discourse import Focus, actor_at, actors_of, meeting_for
from .complements import is_meeting
from .implied import under_way

_INTO = ("in", "into", "at", "to")
_AWAY = ("away", "home", "out")


def participations(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """Statuses told by an inclusion noun, thanks for a role, or a role played in the talks."""
    found = _included(ctx, tok, lex, focus) + _thanked(ctx, tok, lex, focus)
    found += _role_played(ctx, tok, lex, focus) + _stayed(ctx, tok, lex, focus)
    return found + _part_begun(ctx, tok, lex, focus)


def _included(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """'the inclusion of X, Y and Z in the dialogue': those named are invited to it. A noun a
    verb asks for ('demanded the inclusion of X') is a wish, not an invitation."""
    if tok.pos_ != "NOUN" or tok.lemma_ not in lex["inclusion_nouns"] or clauses.negated(tok.head):
        return []
    if tok.dep_ == "dobj" and tok.head.lemma_ not in lex["inclusion_verbs"]:
        return []
    where = _meeting_after(tok)
    meeting = meeting_for(ctx, where, focus) if where is not None else None
    if meeting is None:
        return []
    owners = [c for c in tok.children if c.dep_ == "poss"]
    owners += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    first = next((a for o in owners if (a := actor_at(ctx, o))), None)
    if first is None:
        return []
    kind = ctx.actors.get(first).type  # a list the parser broke up: names of that kind up to the meeting
    mentions = ctx.actors.mentions_in(tok.idx, where.idx)
    listed = [m.actor for m in mentions if ctx.actors.get(m.actor).type == kind]
    ev = Evidence.from_span(tok.sent)
    return [Participation(meeting.id, a, "invited", ev) for a in dict.fromkeys([first, *listed])]


def _meeting_after(noun: Any) -> Any | None:
    """The meeting noun of the first 'in/into/at the talks' after the noun, before any verb."""
    for t in noun.doc[noun.i + 1 : noun.sent.end]:
        if t.pos_ in ("VERB", "AUX"):
            return None
        if t.dep_ == "pobj" and t.head.lower_ in _INTO and is_meeting(t):
            return t
    return None


def _thanked(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """'X thanked Y for hosting the talks', 'for its mediation': Y hosted (mediated) them and
    X took part."""
    if tok.pos_ != "VERB" or tok.lemma_ not in lex["thanking_verbs"] or clauses.negated(tok):
        return []
    roles = {v: r for r in ("host", "mediator") for v in lex["role_verbs"][r]}
    roles |= lex["role_activities"] | lex["thanked_services"]  # nouns: "mediation", "hospitality"
    fors = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
    acts = [g for p in fors for g in p.children if g.dep_ in ("pcomp", "pobj") and g.lemma_ in roles]
    thanked = [c for c in tok.children if c.dep_ == "dobj"]
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if not acts or not thanked:
        return []
    meeting = meeting_for(ctx, acts[0], focus)
    if meeting is None or not under_way(meeting):
        return []
    ev = Evidence.from_span(tok.sent)
    role = roles[acts[0].lemma_]
    hosts = [a for o in thanked for a in actors_of(ctx, o, tok)]
    guests = actors_of(ctx, subject, tok) if subject is not None else []
    out = [Participation(meeting.id, a, "attended", ev, role=role) for a in hosts]
    return out + [Participation(meeting.id, a, "attended", ev, role="party") for a in guests]


def _role_played(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """'Y, which has been playing a central role in the discussions': Y takes part in them."""
    if tok.pos_ != "VERB" or tok.lemma_ != "play" or clauses.negated(tok) or clauses.future(tok):
        return []
    if not any(c.dep_ == "dobj" and c.lemma_ in lex["part_nouns"] for c in tok.children):
        return []
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]  # "played a role in the talks"
    ins = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"]
    ins = [g for c in ins for g in c.children]
    if not any(g.dep_ == "pobj" and is_meeting(g) for g in ins):
        return []
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    meeting = meeting_for(ctx, tok, focus)
    if subject is None or meeting is None or not under_way(meeting):
        return []
    ev = Evidence.from_span(tok.sent)
    return [Participation(meeting.id, a, "attended", ev) for a in actors_of(ctx, subject, tok)]


def _stayed(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """'X and Y announced they would stay at least until Thursday': at talks under way, staying
    on is taking part. Not 'stay in power', 'stay calm', 'stay away'."""
    if tok.pos_ != "VERB" or tok.lemma_ not in lex["staying_verbs"] or clauses.negated(tok):
        return []
    if any(c.dep_ in ("dobj", "acomp", "attr", "xcomp", "oprd", "ccomp") for c in tok.children):
        return []
    if any(c.dep_ == "prt" and c.lower_ != "on" or c.lower_ in _AWAY for c in tok.children):
        return []  # 'stayed away' (also when parsed as an adverb), 'stayed home'
    if not all(_time_or_place(p) for p in tok.children if p.dep_ == "prep"):
        return []
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    meeting = meeting_for(ctx, tok, focus)
    if subject is None or meeting is None or meeting.past or not under_way(meeting):
        return []
    ev = Evidence.from_span(tok.sent)
    return [Participation(meeting.id, a, "attended", ev) for a in actors_of(ctx, subject, tok)]


def _time_or_place(prep: Any) -> bool:
    """'until Thursday', 'for another day', 'in Geneva', 'at the talks': not 'in power'."""
    if prep.lower_ in ("until", "till", "through", "beyond", "past"):
        return True
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ == "for":
        return all(o.ent_type_ in ("DATE", "TIME") or o.lemma_ in ("day", "week", "night") for o in objs)
    places = ("GPE", "LOC", "FAC")
    return prep.lower_ in ("in", "at") and all(o.ent_type_ in places or is_meeting(o) for o in objs)


def _part_begun(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """'X and Y began Friday the second day of dialogue': the subject holds that part of the
    talks (a date phrase to the parser, so no meeting mention of its own)."""
    if tok.pos_ != "VERB" or tok.lemma_ not in lex["meeting_object_verbs"] or clauses.negated(tok):
        return []
    parts = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod") and c.lemma_ in lex["meeting_parts"]]
    ofs = [g for p in parts for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    subject = subjects[-1] if subjects else None  # the nearest: not a run-in dateline
    if subject is None or not any(is_meeting(g) for g in ofs) or clauses.future(tok):
        return []
    meeting = meeting_for(ctx, tok, focus)
    if meeting is None or not under_way(meeting):
        return []
    ev = Evidence.from_span(tok.sent)
    return [Participation(meeting.id, a, "attended", ev, role="party") for a in actors_of(ctx, subject, tok)]
