"""Guests of a host: "Turkey will host Russian and Ukrainian delegations", "the city hosts
representatives of the factions".

The object of a hosting verb, when it names the people a meeting gathers (delegations,
representatives, negotiators), takes part in the meeting in focus: will_attend when the
hosting is ahead, attended when the meeting is under way or the hosting past. The host
itself is the subject cue's business; "hosts three million refugees" names no meeting's guests.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Participation
from .. import _clauses as clauses
from .._discourse import Focus, actors_of, meeting_for
from .implied import under_way

_PLACES = ("at", "in", "on", "inside")  # where guests are received, not who comes with them


def participations(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """The guests a hosting verb names, at the meeting its clause is about."""
    verb = tok.pos_ == "VERB" or any(
        c.dep_ == "dobj" for c in tok.children
    )  # headline 'city hosts X': a NOUN
    if not verb or tok.lemma_ not in lex["role_verbs"]["host"] or clauses.negated(tok):
        return []
    guests = [c for c in tok.children if c.dep_ == "dobj" and _gathered(c, lex)]
    if not guests:
        return []
    meeting = meeting_for(ctx, tok, focus)
    if meeting is None or meeting.status == "cancelled":
        return []
    past = tok.tag_ in ("VBD", "VBN") and not clauses.future(tok)
    ahead = clauses.future(tok) or not (past or under_way(meeting))
    status = "will_attend" if ahead else "attended"
    found = [a for g in guests for a in actors_of(ctx, g, tok) if not _placed(ctx, g, a)]
    ev = Evidence.from_span(tok.sent)
    return [Participation(meeting.id, a, status, ev, role="party") for a in dict.fromkeys(found)]


def _gathered(noun: Any, lex: dict[str, Any]) -> bool:
    """A noun for the people a meeting gathers ('delegations', 'representatives of X')."""
    return noun.lower_ in lex["hosted_teams"] or noun.lemma_ in lex["send_objects"]


def _placed(ctx: Context, noun: Any, actor: str) -> bool:
    """An actor named only where the guests are received ('welcomed the delegations at the
    foreign ministry'), not among them."""
    where = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _PLACES]
    spans = [(noun.doc[c.left_edge.i].idx, noun.doc[c.right_edge.i].idx + 1) for c in where]
    mentions = [m for m in ctx.actors.mentions_in(noun.left_edge.idx, noun.doc[noun.right_edge.i].idx + 99)]
    own = [m for m in mentions if m.actor == actor]
    return bool(own) and all(any(a <= m.start < b for a, b in spans) for m in own)
