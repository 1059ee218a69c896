"""Who waits for a session: "government and opposition leaders waited in separate halls for
the opening session".

Waiting for a meeting puts the subject at its venue, ready to take part: they attended a
meeting under way or held, and will attend one still ahead. Only a meeting mention counts
('waited for the reply' says nothing of attendance).
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Participation
from .. import _clauses as clauses
from .._discourse import Focus, actors_of
from .implied import under_way


def participations(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """The subject's actors at the meeting a waiting verb's 'for' names."""
    if tok.pos_ != "VERB" or tok.lemma_ not in lex["waiting_verbs"] or clauses.negated(tok):
        return []
    places = [o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    fors = [p for h in [tok, *places] for p in h.children if p.dep_ == "prep" and p.lower_ == "for"]
    goals = [o for p in fors for o in p.children]  # 'waited in a hall for the session' (hung on 'hall')
    mid = next((focus.by_pos[o.idx] for o in goals if o.dep_ == "pobj" and o.idx in focus.by_pos), None)
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if mid is None or subj is None:
        return []
    meeting = focus.meetings[mid]
    done = under_way(meeting) and not clauses.future(tok)
    status = "attended" if done else "will_attend"
    ev = Evidence.from_span(tok.sent)
    return [Participation(mid, a, status, ev) for a in actors_of(ctx, subj, tok)]
