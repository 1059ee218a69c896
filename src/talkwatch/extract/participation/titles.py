"""Roles told by a title in apposition: 'X, the mediator', 'the French host, Y', 'co-chairman, Z'.

News names a mediator or host by a role noun next to the name more often than by
a verb ("Algeria's minister X, the intermediary in the talks"; "the host at the
chateau, Foreign Minister Y"). The name linked to the role noun through
appositions and compounds takes part in the meeting with that role; a plural role noun
gives it to the state or body before it ("Qatari mediators", "UN observers").
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...model import Evidence, Participation
from .._discourse import Focus, actor_at, meeting_for
from .demonyms import state_of
from .implied import under_way

_CHAIN = ("appos", "compound")


def participations(ctx: Context, tok: Any, lex: dict[str, Any], focus: Focus) -> list[Participation]:
    """'X, the mediator' takes part in the meeting with that role, as the meeting's state says."""
    pairs = named(ctx, tok, lex)
    meeting = meeting_for(ctx, tok, focus) if pairs else None
    if meeting is None:
        return []
    status = "attended" if under_way(meeting) else "will_attend"
    ev = Evidence.from_span(tok.sent)
    return [Participation(meeting.id, a, status, ev, role=role) for a, role in pairs]


def named(ctx: Context, tok: Any, lex: dict[str, Any]) -> list[tuple[str, str]]:
    """(actor, role) pairs a singular role noun names through its apposition chain, or an
    activity noun through its owner ("through Norway's mediation", "the mediation of X")."""
    activities = lex["role_activities"]  # by form too: "auspices" may lemmatise to "auspex"
    activity = activities.get(tok.lemma_.lower()) or activities.get(tok.lower_)
    if activity is not None and tok.pos_ == "NOUN":
        owners = [c for c in tok.children if c.dep_ == "poss"]
        owners += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        found = [actor_at(ctx, o) for o in owners]
        return [(a, activity) for a in found if a and ctx.actors.get(a).type in lex["role_holder_types"]]
    role = lex["role_titles"].get(_title(tok))
    if role is not None and tok.pos_ == "NOUN" and tok.tag_ == "NNS":
        return [(a, role) for a in _owners(ctx, tok, lex)]
    if role is None or tok.pos_ != "NOUN":
        return []
    if any(c.dep_ == "neg" or c.lower_ in ("no", "former", "new") for c in tok.children):
        return []  # "no mediator", "a former mediator", "a new mediator" name no one at these talks
    out: list[str] = []
    for t in _chain(tok):
        if t.i == tok.i or t.pos_ != "PROPN" or t.dep_ == "compound":
            continue
        actor = actor_at(ctx, t)  # the name itself, not the names inside its phrase ("X's minister")
        if actor is not None and ctx.actors.get(actor).type in lex["role_holder_types"]:
            out.append(actor)
    return [(a, role) for a in dict.fromkeys(out)]


def _title(tok: Any) -> str:
    """The role noun's lemma, with a hyphenated 'co-' the tokenizer split off ('co-chairman')."""
    doc = tok.doc
    co = tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "co"
    return ("co-" if co else "") + tok.lemma_.lower()


def _chain(tok: Any) -> list[Any]:
    """The role noun, the noun it stands in apposition to, and that noun's appositions."""
    top = tok
    while top.dep_ in _CHAIN and top.head.i != top.i:
        top = top.head
    out, stack = [top, *_second_subject(top)], [top]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _CHAIN and c not in out:
                out.append(c)
                stack.append(c)
    return out


def _second_subject(top: Any) -> list[Any]:
    """'The chosen mediator, Jane Roe spoke ...': the parser gave the verb two subjects; the name
    right after the comma stands in apposition to the role noun."""
    if top.dep_ != "nsubj" or top.i + 2 >= len(top.doc) or top.doc[top.i + 1].text != ",":
        return []
    subjects = [c for c in top.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    return [c for c in subjects if c.left_edge.i == top.i + 2]


def _owners(ctx: Context, tok: Any, lex: dict[str, Any]) -> list[str]:
    """Whose a plural role noun's holders are: 'Qatari mediators' (Qatar), 'UN observers' (the UN)."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
    if any(c.lower_ in ("former", "new", "no") for c in tok.children):
        return []
    own = [m.actor for c in mods for m in ctx.actors.mentions_in(c.idx, tok.idx)]  # 'UN', not 'UN observers'
    found = own + [state_of(ctx, c) for c in mods if c.dep_ == "amod"]
    return [a for a in dict.fromkeys(found) if a and ctx.actors.get(a).type in lex["role_holder_types"]]
