"""Sides told by their negotiating teams: "Russian and Ukrainian negotiators failed to ... during
their third round", "the X and Y delegations convened for a second round".

A team noun (delegation, negotiators) as the subject of a clause that names a
meeting puts its side at that meeting; a nationality adjective on it names the
state ("Russian negotiators": Russia). The status is the meeting's state.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Participation
from .. import _clauses as clauses
from .._discourse import Focus, actors_of, meeting_in_clause
from .demonyms import state_of
from .implied import under_way

_MODS = ("amod", "compound", "nmod")


def participations(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """The sides a team-noun subject names, at the meeting its clause names."""
    if tok.dep_ != "nsubj" or tok.lemma_.lower() not in lex["team_subjects"] or tok.pos_ != "NOUN":
        return []
    verb = tok.head
    if clauses.match(verb, lex["subject_cues"]) in ("declined", "undecided") or _refused(verb, lex):
        return []  # "the delegations refused to meet": the cue extractor says declined
    meeting = meeting_in_clause(ctx, verb, focus)
    if meeting is None or meeting.status == "cancelled":
        return []
    done = under_way(meeting) or meeting.status is None and verb.tag_ in ("VBD", "VBN")  # no state: the tense
    status = "attended" if done and not clauses.future(verb) else "will_attend"
    found = [a for t in clauses.conjuncts(tok) for a in states(ctx, t)]
    # "Russian and Ukrainian delegations": the states stand for the teams the phrase names
    start, end = tok.left_edge.idx, tok.idx + len(tok)
    teams = {m.actor for m in ctx.actors.mentions_in(start, end)} if found else set()
    found += [a for a in actors_of(ctx, tok, verb) if a not in teams]
    ev = Evidence.from_span(tok.sent)
    return [Participation(meeting.id, a, status, ev) for a in dict.fromkeys(found)]


def states(ctx: Context, noun: Any) -> list[str]:
    """States a team noun's nationality adjectives name ('Russian and Ukrainian delegations')."""
    mods = [c for c in noun.children if c.dep_ in _MODS and c.i < noun.i]
    if any(m.pos_ == "NOUN" for m in mods):
        return []  # "Colombian government negotiators", "a Norwegian peace delegation": not the state's own
    found = [state_of(ctx, t) for mod in mods for t in clauses.conjuncts(mod)]
    return [a for a in found if a is not None]


def _refused(verb: Any, lex: dict[str, Any]) -> bool:
    """'failed to show up', 'refused to meet', 'had not provided a reason for its absence': the
    clause does not put them there (but 'have not met face to face' at indirect talks does)."""
    if verb.lemma_ == "meet":
        return False
    xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
    return clauses.negated(verb) or any(clauses.match(x, lex["subject_cues"]) == "declined" for x in xcomps)
