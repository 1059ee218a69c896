"""Roles told by an absolute 'with' phrase: "a new round of talks ... with Norway mediating",
"talks resumed in Cairo, with Egypt and Qatar mediating".

The actors between 'with' and a role gerund (mediating, hosting, observing, ...) take that
role at the meeting the sentence is about. The parser often takes the gerund for a noun
('Norway mediating' as a compound), so the phrase is read off the token sequence.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Participation
from .. import _clauses as clauses
from .._discourse import Focus, meeting_for
from .implied import under_way

_REACH = 8  # tokens between 'with' and the gerund: a short list of actors


def participations(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """'with X (and Y) mediating': X (and Y) take part as mediators."""
    role = _gerund_role(tok, lex)
    start = _with_before(tok) if role else None
    if start is None:
        return []
    actors = [m.actor for m in ctx.actors.mentions_in(tok.doc[start + 1].idx, tok.idx)]
    actors = [a for a in dict.fromkeys(actors) if ctx.actors.get(a).type != "media"]
    meeting = meeting_for(ctx, tok, focus) if actors else None
    if meeting is None or meeting.status == "cancelled":
        return []
    verb = tok.doc[start]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # the clause the phrase belongs to ('will host talks ... with X mediating')
    ahead = clauses.future(verb) or not under_way(meeting)
    status = "will_attend" if ahead else "attended"
    ev = Evidence.from_span(tok.sent)
    return [Participation(meeting.id, a, status, ev, role=role) for a in actors]


def _gerund_role(tok: Any, lex: dict[str, Any]) -> str | None:
    """The role of a role verb's -ing form ('mediating' -> mediator), whatever its tag."""
    if not tok.lower_.endswith("ing"):
        return None
    stem = tok.lower_[:-3]
    forms = {tok.lemma_, stem, stem + "e"}  # a gerund tagged as a noun keeps its -ing lemma
    return next((r for r, verbs in lex["role_verbs"].items() if forms & set(verbs)), None)


def _with_before(tok: Any) -> int | None:
    """Index of the 'with' opening the phrase, when only names and 'and' lie between."""
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - _REACH) - 1, -1):
        word = tok.doc[i]
        if word.lower_ == "with":
            return i if i < tok.i - 1 else None
        if word.pos_ not in ("PROPN", "CCONJ", "PUNCT", "DET") and word.lower_ != "and":
            return None
    return None
