"""The role a participation cue gives its actor, and whether the statement is hedged.

"chaired by X" makes X the mediator, "acting as an observer" the observer; "is
likely to attend" or "reportedly arrived" is a hedged statement.
"""

from __future__ import annotations

from typing import Any

from .. import _clauses as clauses


def role(cue: Any, lex: dict[str, Any]) -> str | None:
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
        if t.head is t:
            return False
        t = t.head
    return False
