"""Who leads a session: "working groups led by the UN mission and the foreign ministry",
"a session chaired by the envoy".

A team "led by X" is a side's delegation (the delegations module and ``_led_by`` keep
it); a session the report tells as a meeting of its own is led from the chair: X takes
part in that session as its mediator, attended when the session is under way or over.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Participation
from .._discourse import Focus, actors_of
from .implied import under_way


def participations(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """The actors a 'led by' phrase names on a noun that is itself a session told as a meeting."""
    if tok.lemma_ not in lex["lead_verbs"] or tok.dep_ != "acl" or tok.tag_ != "VBN":
        return []
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    led = tok.head
    mid = focus.by_pos.get(led.idx)
    if agent is None or mid is None or led.lower_ not in _bodies(lex):
        return []
    meeting = focus.meetings[mid]
    if meeting.status == "cancelled":
        return []
    status = "attended" if under_way(meeting) else "will_attend"
    ev = Evidence.from_span(tok.sent)
    found = [a for o in agent.children if o.dep_ == "pobj" for a in actors_of(ctx, o, tok)]
    return [Participation(meeting.id, a, status, ev, role="mediator") for a in dict.fromkeys(found)]


def _bodies(lex: dict[str, Any]) -> set[str]:
    """Plural and singular last words of the meeting bodies ('working group' -> groups)."""
    last = {b.split()[-1] for b in lex["meeting_bodies"]}
    return last | {f"{w}s" for w in last}
