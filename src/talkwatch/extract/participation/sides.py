"""The sides of a negotiation: who "the two sides" are, and who sits at its other rounds.

Reports name the parties once ("talks between X and Y") and then say "the two
sides", "both delegations" or "the parties". The same sides meet at the
earlier and later rounds of the process the report mentions ("the previous
round", "the next round"), so those rounds get the parties of the report's
main meeting unless the text names their own.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...lexicon import load as load_lexicon
from ...model import Meeting, Participation
from .. import _clauses as clauses
from .._discourse import actors_of
from .complements import is_meeting

PARTY_TYPES = {"state", "government", "armed_group", "opposition", "group", "organization"}
_SIDE_NOUNS = {"sides", "parties", "delegations", "negotiators", "teams", "rivals", "countries"}
_SIDE_DETS = {"two", "both", "the", "all"}
_ATTENDING = {"will_attend", "attended", "arrived"}
_JOINT = {"along", "together"}  # "along with", "together with"


def is_sides(tok: Any) -> bool:
    """'the two sides', 'both delegations', 'the parties' (not 'five parties', 'some delegates')."""
    if tok.lower_ not in _SIDE_NOUNS:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in tok.children):
        return False  # "the delegations of X and Y": named sides
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet", "amod")}
    return bool(dets) and dets <= _SIDE_DETS and (tok.lower_ != "parties" or "two" in dets or "both" in dets)


def by_phrases(agent: Any) -> list[Any]:
    """The objects of a passive's 'by' phrases, each on its own ('attended by the two sides and
    by X'), so that 'the two sides' among them reads as the sides."""
    bys = [agent] + [c for c in agent.children if c.dep_ == "conj" and c.lower_ == "by"]
    objs = [o for b in bys for o in b.children if o.dep_ == "pobj"]
    return objs if any(is_sides(o) for o in objs) else [agent]


def is_leaders(tok: Any) -> bool:
    """'the leaders', 'the two leaders', 'both leaders' (not 'leaders of X', 'some leaders')."""
    if tok.lower_ != "leaders" or any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in tok.children):
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
    return bool(dets) and dets <= {"the", "two", "both"}


def leaders(ctx: Context, facts: list[Participation], meeting_id: str) -> list[str]:
    """The people told to take part in a meeting so far, when 'the leaders' can only be them."""
    people = [
        f.actor
        for f in facts
        if f.meeting == meeting_id and f.status in _ATTENDING and ctx.actors.get(f.actor).type == "person"
    ]
    people = list(dict.fromkeys(people))
    return people if len(people) >= 2 else []


def negotiators(span: Any, cue: Any) -> bool:
    """'The parties reached an agreement', 'the parties failed to agree': 'the parties' of a
    negotiating verb are the sides at the table (elsewhere 'the parties' may be political ones)."""
    if span.lower_ != "parties" or {c.lower_ for c in span.children if c.dep_ == "det"} != {"the"}:
        return False
    return clauses.match(cue, load_lexicon("participation")["subject_cues"]) == "negotiating"


def parties(ctx: Context, facts: list[Participation], meeting_id: str, *, invited: bool = False) -> list[str]:
    """The collective actors taking part in a meeting, in order of first statement; with
    ``invited``, before anyone is said to take part, the ones invited ('X and Y received
    invitations ... Both sides said they would attend')."""
    found = _parties(ctx, facts, meeting_id, _ATTENDING)
    return found or (_parties(ctx, facts, meeting_id, {"invited"}) if invited else [])


def _parties(ctx: Context, facts: list[Participation], meeting_id: str, statuses: set[str]) -> list[str]:
    out, named = [], []
    for f in facts:
        if f.meeting != meeting_id or f.status not in statuses or f.role not in (None, "party"):
            continue
        if ctx.actors.get(f.actor).type in PARTY_TYPES:
            out.append(f.actor)
            if f.role == "party":
                named.append(f.actor)
    # the sides the meeting's own name gives ("talks between X and Y") before anyone merely present
    named = list(dict.fromkeys(named))
    return named if len(named) >= 2 else list(dict.fromkeys(out))


def carry(
    ctx: Context, facts: list[Participation], meetings: list[Meeting], main: Meeting
) -> list[Participation]:
    """Parties of the main meeting at its earlier and later rounds that name none of their own."""
    sides = parties(ctx, facts, main.id)
    if len(sides) < 2:
        return []
    out = []
    for meeting in meetings:
        if meeting is main or not (meeting.past or meeting.later or meeting.round):
            continue
        if meeting.status == "cancelled":
            continue  # a round called off before it met had no one at it
        if parties(ctx, facts, meeting.id) or not meeting.evidence:
            continue
        # a round put off or still planned met with no one, however long ago it was planned
        done = meeting.past and meeting.status not in ("postponed", "scheduled")
        done = done or meeting.status in ("held", "concluded", "ongoing")
        status = "attended" if done else "will_attend"
        out += [Participation(meeting.id, a, status, meeting.evidence[0], role="party") for a in sides]
    return out


def companions(ctx: Context, cue: Any) -> list[str]:
    """'X attended the meeting together with Y', 'X will take part in the talks along with Y',
    'X attended alongside Y', 'X took part, including Y': Y does what X does. Names in apposition
    to Y count as well ('together with the party's representatives, A and B')."""
    start, end = clauses.own_clause(cue)
    out: list[str] = []
    for tok in cue.doc.char_span(start, end, alignment_mode="expand") or []:
        before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        joint = tok.lower_ == "alongside" or tok.lower_ == "with" and before in _JOINT
        joint = joint or tok.lower_ == "including" and tok.head.i == cue.i  # "X take part, including Y"
        if tok.dep_ != "prep" or not joint:
            continue
        for obj in (c for c in tok.children if c.dep_ == "pobj"):
            out += actors_of(ctx, obj, cue)
            out += [a for c in _appositions(obj, cue) for a in actors_of(ctx, c, cue)]
            out += those_states(ctx, obj)
    return list(dict.fromkeys(out))


def _appositions(obj: Any, cue: Any) -> list[Any]:
    """Names in apposition to a companion; names the parser hung on the meeting noun instead
    ('attended the meeting with the party's envoys to the talks, A and B': A and B are the envoys)."""
    own = [c for c in obj.children if c.dep_ == "appos"]
    if own or obj.tag_ not in ("NNS", "NNPS"):
        return own
    meetings = [c for c in cue.children if c.dep_ == "dobj" and is_meeting(c)]
    hung = [c for m in meetings for c in m.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return [c for c in hung if c.i > obj.i]


_DEMONSTRATIVES = {"those", "these"}


def those_states(ctx: Context, noun: Any) -> list[str]:
    """'those nations', 'these countries': the states of the list just before.

    The antecedent is the noun phrase that names the most states, at least two (of equals, the
    later one), in this sentence before the noun, else in the nearest of the two before it.
    """
    nouns = load_lexicon("participation")["state_group_nouns"]
    if noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() not in nouns:
        return []
    if not any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in noun.children):
        return []
    sent, real = noun.sent, 0
    while real < 3:  # this sentence and the two before it (a lone closing quote is none)
        found = _most_states(ctx, noun, sent)
        if found or sent.start == 0:
            return found
        real += any(t.is_alpha for t in sent)
        sent = noun.doc[sent.start - 1].sent
    return []


def _most_states(ctx: Context, noun: Any, sent: Any) -> list[str]:
    """The states of the noun phrase of ``sent`` (before ``noun``) that names the most of them."""
    doc = noun.doc
    best: list[str] = []
    for tok in doc[sent.start : min(sent.end, noun.i)]:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        start, end = doc[tok.left_edge.i].idx, doc[tok.right_edge.i].idx + len(doc[tok.right_edge.i])
        if end > noun.idx:
            continue
        mentions = ctx.actors.mentions_in(start, end)
        found = list(dict.fromkeys(m.actor for m in mentions if ctx.actors.get(m.actor).type == "state"))
        if len(found) >= 2 and len(found) >= len(best):
            best = found
    return best


def said_twice(ctx: Context, facts: list[Participation]) -> list[Participation]:
    """One side told twice: a fact whose actor's name is an alias of another actor with the same
    (meeting, status) ('DR Congo' next to the 'Congolese government delegation' also called DR
    Congo) is the same assertion, kept once under the fuller actor."""
    by_key: dict[tuple[str, str], set[str]] = {}
    for f in facts:
        by_key.setdefault((f.meeting, f.status), set()).add(f.actor)
    out = []
    for f in facts:
        name = ctx.actors.get(f.actor).name.lower()
        others = by_key[(f.meeting, f.status)] - {f.actor}
        if any(name in {a.lower() for a in ctx.actors.get(o).aliases} for o in sorted(others)):
            continue
        out.append(f)
    return out
