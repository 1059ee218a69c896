"""The role a participation cue gives its actor, and whether the statement is hedged.

"chaired by X" makes X the mediator, "acting as an observer" the observer; "is
likely to attend" or "reportedly arrived" is a hedged statement.
"""

from __future__ import annotations

from typing import Any

from .. import _clauses as clauses


def subject_role(verb: Any, lex: dict[str, Any]) -> str | None:
    """'African Union mediators opened the talks', 'the observers arrived': the subject's head
    noun is a role."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    heads = [subj] + [c for c in subj.children if c.dep_ == "appos"]  # a dateline run into the subject
    roles = [lex["role_nouns"].get(h.lemma_.lower()) for h in heads]
    return next((r for r in roles if r), None)


def role(cue: Any, lex: dict[str, Any]) -> str | None:
    named = subject_role(cue, lex)
    if named is not None:
        return named
    taken = [g.lemma_ for c in cue.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    if cue.lemma_ in ("act", "serve") and any(t in lex["role_nouns"] for t in taken):
        return next(lex["role_nouns"][t] for t in taken if t in lex["role_nouns"])  # "acting as a mediator"
    for role, verbs in lex["role_verbs"].items():
        if cue.lemma_ in verbs:
            return role
    start, end = clauses.own_clause(cue)
    clause = cue.doc.char_span(start, end, alignment_mode="expand")  # not doc.text: it rebuilds the body
    text = clause.text.lower() if clause is not None else ""
    for role in ("observer", "adviser"):
        if any(phrase in text for phrase in lex["roles"][role]):
            return role
    sent = [c.lemma_.lower() for c in cue.children if c.dep_ == "dobj"] if cue.lemma_ == "send" else []
    if any(lex["role_nouns"].get(o) == "observer" for o in sent):
        return "observer"  # "X sent observers": X takes part as an observer
    if cue.lemma_ == "lead" and any(c.dep_ == "agent" for c in cue.children):
        return "head_of_delegation"
    return None


def hedged(cue: Any, lex: dict[str, Any]) -> bool:
    hedges = set(lex["hedges"])
    t = cue
    for _ in range(6):
        if t.lower_ in hedges or t.lemma_ in hedges:
            return True
        if any(c.lower_ in hedges for c in t.children if c.dep_ in ("aux", "advmod", "acomp")):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def run_by(verb: Any) -> list[tuple[str, Any, Any]]:
    """'the round will be chaired by X', 'the talks are observed by X at the invitation of Y,
    and by Z': each by-phrase takes part; one followed by 'at the invitation of' was also invited."""
    agents = [c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "conj" and c.lower_ == "by")]
    out: list[tuple[str, Any, Any]] = []
    for k, agent in enumerate(agents):
        objs = [c for c in agent.children if c.dep_ == "pobj"]
        out += [("will_attend", o, verb) for o in objs]
        stop = agents[k + 1].i if k + 1 < len(agents) else len(verb.doc)
        near = [c for t in (verb, agent, *objs) for c in t.children if agent.i < c.i < stop]
        preps = [c for c in near if c.dep_ == "prep"]
        if any(g.lemma_ == "invitation" for p in preps for g in p.children if g.dep_ == "pobj"):
            out += [("invited", o, verb) for o in objs]  # "at the invitation of Y"
    return out
