"""Who gathers: "his counterparts from A, B and C gathered to plan the talks".

A gathering verb the meetings extractor told as a meeting of its own (sides coming
together where the report is filed) has its subject for participants: they attended a
gathering under way or held, and will attend one still ahead.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Participation
from .._discourse import Focus, actors_of
from .implied import under_way


def participations(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """The subject's actors at the meeting the gathering verb itself tells."""
    mid = focus.by_pos.get(tok.idx) if tok.pos_ == "VERB" else None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if mid is None or subj is None or tok.lemma_ not in lex["gathering_verbs"]:
        return []
    meeting = focus.meetings[mid]
    status = "attended" if under_way(meeting) or meeting.status is None else "will_attend"
    ev = Evidence.from_span(tok.sent)
    return [Participation(mid, a, status, ev, role="party") for a in actors_of(ctx, subj, tok)]
