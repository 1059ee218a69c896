"""Meetings told by 'meet' between people: 'the envoy met the president', 'X is due to meet Y'.

With no place named, such a meeting is still a meeting when its other side is a
person (a leader, an envoy); 'the two sides met' or 'met a condition' are not. The
meeting is keyed by the people who meet, so 'would now meet Y on Thursday' joins
'was due to meet Y on Wednesday'. Its names are the clause that tells it ('met with
Y', 'X met Y') and the 'X-Y meeting' form reports use.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from .. import _clauses as clauses
from .mentions import _Mention, names_meeting

_OBJECT_DEPS = ("dobj",)
_STOP_DEPS = {"relcl", "acl", "advcl", "appos", "punct", "parataxis", "ccomp", "prep"}


def person_meetings(ctx: Context, lex: dict[str, Any]) -> list[_Mention]:
    """A mention per 'meet' verb whose other side is a person and that names no place."""
    heads = set(lex["heads"])
    out = []
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_ != "meet" or clauses.negated(tok):
            continue
        if names_meeting(tok, heads, own_words=True) or _inside_meeting(tok, heads) or _only(tok):
            continue
        other = _other_side(ctx, tok)
        if other is None:
            continue
        m = _Mention(tok, tok.i, clauses.phrase_end(other, _STOP_DEPS) + 1, verb=True)
        subject = _subject(tok)
        m.extras["pair"] = (_actor(ctx, subject) if subject is not None else None, _actor(ctx, other))
        m.extras["names"] = _names(ctx, tok, subject, other)
        m.extras["named_subject"] = subject is not None and subject.pos_ == "PROPN"
        out.append(m)
    return out


def _inside_meeting(verb: Any, heads: set[str]) -> bool:
    """'a meeting at X, where he was to meet Y': the clause tells of that meeting."""
    return any(anc.lower_ in heads and anc.pos_ == "NOUN" for anc in verb.ancestors)


def _only(verb: Any) -> bool:
    """'would only meet with X': a condition on who to meet, not a meeting."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in verb.children)


def _other_side(ctx: Context, verb: Any) -> Any:
    """The person met: the object, or the object of 'with'."""
    objs = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    objs += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
    for obj in objs + [a for o in objs for a in o.children if a.dep_ == "appos"]:
        actor = ctx.actors.at(obj.idx, obj.idx + len(obj))
        if actor is not None and actor.type == "person":
            return obj
    return None


def _subject(verb: Any) -> Any:
    """The subject, also of 'is due to meet', 'agreed to meet' and of a relative 'who met'."""
    for tok in (verb, verb.head, verb.head.head):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.head.head if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl" else subj
        if tok.dep_ == "relcl":
            return tok.head
    return None


def _actor(ctx: Context, tok: Any) -> str | None:
    actor = ctx.actors.at(tok.idx, tok.idx + len(tok))
    return actor.id if actor is not None else None


def _names(ctx: Context, verb: Any, subject: Any, other: Any) -> list[str]:
    doc = ctx.doc
    end = clauses.phrase_end(other, _STOP_DEPS) + 1
    names = [doc[verb.i : end].text, f"meeting with {doc[other.left_edge.i : end].text}"]
    if subject is not None and subject.pos_ == "PROPN" and subject.i < verb.i:
        names.append(doc[subject.left_edge.i : end].text)
    surnames = [_surname(ctx, t) for t in (subject, other) if t is not None]
    if len(surnames) == 2 and all(surnames):
        names += [f"{surnames[0]}-{surnames[1]} meeting", f"{surnames[1]}-{surnames[0]} meeting"]
    return names


def _surname(ctx: Context, tok: Any) -> str | None:
    actor = ctx.actors.at(tok.idx, tok.idx + len(tok))
    if actor is None or actor.type != "person":
        return None
    return actor.name.split()[-1]


def with_places(pairs: list[_Mention], placed: list[_Mention]) -> list[_Mention]:
    """'X met Y in Prague': one meeting, keyed by the people and held at the place. The place
    mention of a verb that also tells a pair gives that pair its venue and names, and goes."""
    by_verb = {m.head.i: m for m in pairs}
    kept = []
    for m in placed:
        pair = by_verb.get(m.head.i)
        if pair is None:
            kept.append(m)
            continue
        pair.city, pair.country = m.city, m.country
        pair.extras["names"] = pair.extras["names"][:1] + m.extras.get("names", []) + pair.extras["names"][1:]
    return kept
