"""Heads of delegations: a person leading a delegation shares its statuses.

"X, heading the government delegation, said ..." and "appointed X to lead the
delegation" name the head once; what the report then says of the delegation
("the delegation arrived", "the government team will attend") holds for its
head too, who gets an entry of their own.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...lexicon import load as load_lexicon
from ...model import Participation
from .._discourse import actor_at, actors_of

_SHARED = {"arrived", "attended", "will_attend", "declined"}


def heads(ctx: Context, lex: dict[str, Any], subject: Any) -> list[tuple[str, str]]:
    """(head, delegation) actor pairs: 'X, heading the delegation', 'X leads the team'."""
    out = []
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_ not in lex["lead_verbs"]:
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_ in lex["send_objects"]), None)
        if obj is None:
            continue
        person = tok.head if tok.dep_ in ("acl", "advcl") and tok.head.pos_ == "PROPN" else subject(tok)
        if person is None:
            continue
        leaders = [a for a in actors_of(ctx, person, tok) if ctx.actors.get(a).type == "person"]
        groups = [a for a in actors_of(ctx, obj, tok) if ctx.actors.get(a).type != "person"]
        out += [(h, g) for h in leaders for g in groups or _named_before(ctx, obj)]
    return out + _titled(ctx, lex)


def _named_before(ctx: Context, noun: Any) -> list[str]:
    """'the delegation' with nothing else: the last delegation named before in full ('a
    Russian delegation arrived ... X was appointed to lead the delegation')."""
    if [c.lower_ for c in noun.children] != ["the"]:
        return []
    for m in reversed(ctx.actors.mentions_in(0, noun.idx)):
        if ctx.actors.get(m.actor).name.lower().endswith(" " + noun.lower_):
            return [m.actor]
    return []


def _titled(ctx: Context, lex: dict[str, Any]) -> list[tuple[str, str]]:
    """(head, group) pairs told by a title in apposition: 'X, the head of the Y delegation',
    'the leader of the Y team, X', 'X, the top negotiator for Y', "Y's chief negotiator, X"."""
    out = []
    for tok in ctx.tokens:
        if tok.pos_ != "NOUN" or tok.lemma_ not in lex["head_titles"]:
            continue
        appos = next((c for c in tok.children if c.dep_ == "appos"), None)
        first = _first_conjunct(tok)  # "X, president of the assembly and chief of the delegation"
        # "the delegation's chief, X": the name apposed to the title itself comes first, else the
        # title is apposed to the name ("X, the head of the delegation")
        person = appos if appos is not None else (first.head if first.dep_ == "appos" else None)
        if person is None and tok.dep_ == "compound" and tok.lemma_ in lex["negotiator_titles"]:
            person = tok.head  # "chief government negotiator X"
        if person is None and tok.dep_ == "attr":  # "X is the head of the Y delegation"
            person = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if person is None or person.pos_ != "PROPN":
            continue
        preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "for")]
        owners = [g for p in preps for g in p.children]
        if tok.lemma_ not in lex["negotiator_titles"]:
            owners = [g for g in owners if g.dep_ == "pobj" and g.lemma_ in lex["send_objects"]]
        owners += [c for c in tok.children if c.dep_ == "poss" and tok.lemma_ in lex["negotiator_titles"]]
        owners += [c for c in tok.children if c.dep_ == "poss" and c.lemma_ in lex["send_objects"]]
        named = actors_of(ctx, person, tok) or [actor_at(ctx, person)]  # also the sayer ("..., X, said")
        leaders = [a for a in named if a is not None and ctx.actors.get(a).type == "person"]
        groups = [m.actor for g in owners for m in ctx.actors.mentions_in(*_bounds(g))]
        groups += _described(ctx, tok, lex) if person.i == tok.head.i else []
        groups += [a for o in owners if o.lemma_ in lex["send_objects"] for a in _side_team(ctx, o, lex)]
        groups = [g for g in dict.fromkeys(groups) if ctx.actors.get(g).type != "person"]
        countries = {ctx.actors.get(g).country for g in groups} - {None}
        groups += [a.id for a in ctx.actors.actors if a.type == "state" and a.key in countries]  # "Chadian"
        out += [(h, g) for h in leaders for g in groups]
    return out


def _first_conjunct(tok: Any) -> Any:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _described(ctx: Context, title: Any, lex: dict[str, Any]) -> list[str]:
    """The side a title's own modifier names ('chief government negotiator X'): the actors
    whose name has that word ('Colombian government', 'government negotiators')."""
    words = {c.lower_ for c in title.children if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN"}
    words &= set(lex["side_words"])
    return [a.id for a in ctx.actors.actors if a.type != "person" and words & set(a.name.lower().split())]


def _side_team(ctx: Context, team: Any, lex: dict[str, Any]) -> list[str]:
    """The one side a team's modifier names ("the governmental delegation's chief": the
    government taking part), when no actor is named in the team's phrase itself."""
    if ctx.actors.mentions_in(*_bounds(team)):
        return []
    adjectives = lex["side_adjectives"]
    words = {adjectives.get(c.lower_, c.lower_) for c in team.children if c.dep_ in ("amod", "compound")}
    words &= set(lex["side_words"])
    found = [a.id for a in ctx.actors.actors if a.type != "person" and words & set(a.name.lower().split())]
    return found if len(found) == 1 else []


def _bounds(tok: Any) -> tuple[int, int]:
    """The group's phrase, without where it is sent ('the EU delegation to Peru': the EU)."""
    to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    last = tok.doc[to.i - 1] if to is not None else tok.doc[tok.right_edge.i]
    return tok.doc[tok.left_edge.i].idx, last.idx + len(last)


def share(ctx: Context, facts: list[Participation], pairs: list[tuple[str, str]]) -> list[Participation]:
    """The delegation's statuses, given to its head as well; 'the government delegation' is the
    'Yemeni government delegation' named in full elsewhere."""
    out = []
    for head, group in pairs:
        name = ctx.actors.get(group).name.lower()
        same = {group} | {a.id for a in ctx.actors.actors if a.name.lower().endswith(" " + name)}
        if not any(f.actor in same and f.status in _SHARED for f in facts):
            same = _side(ctx, group, facts)
        for f in facts:
            if f.actor in same and f.status in _SHARED:
                out.append(Participation(f.meeting, head, f.status, f.evidence, role="head_of_delegation"))
    return out


def _side(ctx: Context, group: str, facts: list[Participation]) -> set[str]:
    """The side a delegation with no statuses of its own stands for: 'the government delegation'
    is the one taking part whose name has its side word ('Venezuelan government', 'the government
    of X'); none when several such actors take part (whose delegation it is stays open)."""
    words = set(ctx.actors.get(group).name.lower().split()) & set(load_lexicon("participation")["side_words"])
    if not words:
        return set()
    taking_part = {f.actor for f in facts if f.status in _SHARED and f.role in (None, "party")}
    named = {a for a in taking_part if words & set(ctx.actors.get(a).name.lower().split())}
    found = {a for a in named if a != group and ctx.actors.get(a).type != "person"}
    return found if len(found) == 1 else set()


def inside(ctx: Context, head: Any, lex: dict[str, Any]) -> list[tuple[str, str | None]]:
    """People inside a participant phrase: 'the delegation, led by X' (head of delegation),
    'a delegation ... accompanied by X' (same status, no role)."""
    out: list[tuple[str, str | None]] = []
    for tok in head.subtree:
        if tok.dep_ == "acl" and tok.lemma_ in lex["agent_verbs"]:
            for agent in (c for c in tok.children if c.dep_ == "agent"):
                for obj in (c for c in agent.children if c.dep_ == "pobj"):
                    out += [(a, None) for a in actors_of(ctx, obj, tok)]
        if tok.dep_ == "acl" and tok.lemma_ in lex["lead_verbs"]:
            for agent in (c for c in tok.children if c.dep_ == "agent"):
                for obj in (c for c in agent.children if c.dep_ == "pobj"):
                    out += [(a, "head_of_delegation") for a in actors_of(ctx, obj, tok)]
    return out
