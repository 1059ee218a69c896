"""Discourse state shared by extractors: the meeting in focus and who a phrase names.

News reports name a meeting once and then say "the talks"; they name an actor
once and then say "he", "they" or "who". These helpers resolve both for
participation and delegation statements.
"""

from __future__ import annotations

from typing import Any

from ..context import Context
from ..model import Meeting
from . import clauses

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it", "we"}
_RELATIVE = {"who", "which", "that"}
_CHAIN = {"compound", "poss", "amod", "nmod", "appos", "case", "nummod"}


class Focus:
    """The meeting in focus: the last one named by a meeting noun or its venue."""

    def __init__(self, ctx: Context, meetings: list[Meeting]) -> None:
        self.by_pos = dict(ctx.facts.get("meeting_mentions", []))
        self.meetings = {m.id: m for m in meetings}
        self.by_city = {m.city: m for m in meetings if m.city and not m.past}
        self.current: Meeting | None = next((m for m in meetings if not m.past), meetings[0])

    def see(self, tok: Any) -> None:
        mid = self.by_pos.get(tok.idx)
        if mid and not self.meetings[mid].past:
            self.current = self.meetings[mid]
        elif tok.ent_type_ == "GPE" and tok.text in self.by_city:
            self.current = self.by_city[tok.text]


def actors_of(ctx: Context, head: Any, cue: Any) -> list[str]:
    """Actor ids named by a subject/object subtree, distributing over lists."""
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        head = head.head.head
    if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return _pronoun(ctx, head)
    span = (head.left_edge.idx, head.right_edge.idx + len(head.right_edge))
    if cue.i > head.i and cue.idx < span[1]:
        span = (span[0], cue.idx)  # the relative clause holding the cue is not the subject
    mentions = ctx.actors.mentions_in(*span)
    top = [m for m in mentions if not _nested(ctx, m, mentions)]
    return list(dict.fromkeys(m.actor for m in top))


def _nested(ctx: Context, m: Any, mentions: list[Any]) -> bool:
    """A mention that only modifies another one ('UN' in 'UN envoy X', 'Syria' in "Syria's X")."""
    for other in mentions:
        if other is not m and other.start <= m.start and m.end <= other.end and (other.end - other.start) > (m.end - m.start):
            return True
    tok = ctx.doc.char_span(m.start, m.end, alignment_mode="expand").root
    while tok.dep_ in _CHAIN and tok.head is not tok:
        tok = tok.head
        if any(o is not m and o.start <= tok.idx < o.end for o in mentions):
            return True
    return False


def _pronoun(ctx: Context, tok: Any) -> list[str]:
    """A pronoun subject: the subject of the reporting verb it depends on, else the last actor."""
    verb = tok.head
    while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl") and verb.head is not verb:
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            ids = actors_of(ctx, subj, verb)
            if ids and (tok.lower_ not in PERSON_PRONOUNS or _is_person(ctx, ids[0])):
                return ids
    types = {"person", "expert"} if tok.lower_ in PERSON_PRONOUNS else None
    last = ctx.actors.last_before(tok.idx, types)
    return [last.actor] if last else []


def _is_person(ctx: Context, actor_id: str) -> bool:
    return ctx.actors.get(actor_id).type in ("person", "expert")


def meeting_for(ctx: Context, cue: Any, focus: Focus) -> Meeting | None:
    """The meeting named in the cue's clause (noun or venue), else the one in focus."""
    start, end = clauses.own_clause(cue)
    for tok in cue.doc.char_span(start, end, alignment_mode="expand") or []:
        mid = focus.by_pos.get(tok.idx)
        if mid:
            return focus.meetings[mid]
        if tok.ent_type_ == "GPE":
            by_place = [m for m in focus.meetings.values() if not m.past
                        and (tok.text == m.city or _country_match(ctx, tok, m))]
            if by_place:
                return by_place[0]
    return focus.current


def _country_match(ctx: Context, tok: Any, meeting: Meeting) -> bool:
    """'arrived in Kazakhstan': the meeting whose venue lies in that country."""
    if meeting.past or not meeting.country or tok.head.lower_ not in ("in", "to", "for"):
        return False
    actor = ctx.actors.at(tok.idx, tok.idx + len(tok))
    return actor is not None and actor.type == "state" and actor.country == meeting.country


