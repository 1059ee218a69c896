"""Delegations: who sends how many people to which meeting, led by whom.

Found around a delegation noun ("a 12-member delegation", "a delegation of
12", "its delegation will be led by X") and replacement statements ("X will
replace Y as chief negotiator"). The owner is the sender ("X will send a
delegation"), a possessive or compound ("the HNC delegation"), else none.
"""

from __future__ import annotations

import re
from typing import Any

from ..context import Context
from ..lexicon import load as load_lexicon
from ..model import Delegation, Evidence, Meeting
from . import _clauses as clauses
from ._discourse import Focus, actors_of, is_person, meeting_for

NAME = "delegations.v2"
REQUIRES = {"meetings"}

_SIZE = re.compile(r"\b(\d+|[a-z]+)[- ]member\b|\bdelegation of (\d+|[a-z]+)\b", re.I)
_NOUNS = frozenset(load_lexicon("delegations")["delegation_nouns"])


def extract(ctx: Context) -> list[Delegation]:
    """Delegations stated in the article, one per delegation noun or replacement."""
    meetings: list[Meeting] = ctx.facts.get("meetings", [])
    focus = Focus(ctx, meetings) if meetings else None
    out: list[Delegation] = []
    for tok in ctx.tokens:
        if focus is not None:
            focus.see(tok)
        if tok.lower_ in _NOUNS and tok.pos_ == "NOUN":
            fact = _delegation(ctx, tok, _meeting_id(ctx, tok, focus))
            if fact is not None:
                out.append(fact)
        elif tok.lemma_ == "replace" and tok.pos_ == "VERB":
            out += _replacement(ctx, tok, _meeting_id(ctx, tok, focus))
    return out


def _meeting_id(ctx: Context, tok: Any, focus: Focus | None) -> str | None:
    meeting = meeting_for(ctx, tok, focus, past=_told_past(tok)) if focus is not None else None
    return meeting.id if meeting is not None else None


def _told_past(noun: Any) -> bool:
    """Whether the clause about the delegation is in the simple past ("the delegation included X",
    "it was led by Y"): it tells talks already held, not the plan the article leads with."""
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _delegation(ctx: Context, noun: Any, meeting: str | None) -> Delegation | None:
    phrase = ctx.doc[noun.left_edge.i : noun.i + 1].text + " " + ctx.doc[noun.i : noun.sent.end].text[:40]
    match = _SIZE.search(phrase)
    size = clauses.number(next(g for g in match.groups() if g)) if match else None
    owner = _owner(ctx, noun)
    head = _head(ctx, noun)
    members = tuple(m for m in _members(ctx, noun) if m not in (head, owner))
    if size is None and head is None and not members:
        return None
    return Delegation(meeting, owner, Evidence.from_span(noun.sent), size=size, head=head, members=members)


def _owner(ctx: Context, noun: Any) -> str | None:
    for c in noun.children:
        if c.dep_ in ("poss", "compound"):
            ids = actors_of(ctx, c, noun)
            if ids:
                return ids[0]
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_ == "send":
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ in ("xcomp", "ccomp"):
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        ids = actors_of(ctx, subj, verb) if subj is not None else []
        return ids[0] if ids else None
    return None


def _head(ctx: Context, noun: Any) -> str | None:
    """'the delegation will be led/headed by X', 'a delegation led by X'."""
    lex = load_lexicon("delegations")
    verbs = [noun.head] if noun.dep_ in ("nsubjpass", "nsubj") else []
    verbs += [c for c in noun.children if c.dep_ == "acl"]
    for verb in verbs:
        if verb.lemma_ in lex["lead_verbs"]:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            obj = agent or next((c for c in verb.children if c.dep_ == "dobj"), None)
            ids = actors_of(ctx, obj, verb) if obj is not None else []
            if ids:
                return ids[0]
    return None


def _members(ctx: Context, noun: Any) -> list[str]:
    """Who the delegation is made of: 'the delegation includes X, Y and Z', '..., which
    comprises X', 'a team including X', 'it is led by X and also includes Y', 'is led by X
    and will also feature Y', persons in apposition ('the delegation, X and Y, ...')."""
    lex = load_lexicon("delegations")
    verbs = [noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    verbs += [c for v in verbs for c in v.children if c.dep_ == "conj" and _shared_subject(c)]
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in lex["member_prepositions"]]
    objects: list[Any] = [c for c in noun.children if c.dep_ == "appos"]  # "the delegation, X and Y, ..."
    for verb in verbs:
        if verb.lemma_ in lex["member_verbs"]:
            objects += [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if verb.lemma_ in lex["member_of_verbs"]:
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"]
    objects += [c for p in preps for c in p.children if c.dep_ == "pobj"]
    out: list[str] = []
    for obj in objects:
        out += [a for a in actors_of(ctx, obj, obj.head) if is_person(ctx, a)]
        out += _titled_people(ctx, obj)
    return list(dict.fromkeys(out))


def _titled_people(ctx: Context, obj: Any) -> list[str]:
    """Persons named anywhere in a member list whose titles break the parse ('includes the
    adviser to the Chief of Staff X, the leader of the Y party Z, MP W'), in text order.

    A name right after 'to', 'of' or 'for' is whom a title serves ('an adviser to X'), and a
    possessive whose relative it is ('X's son'): not members.
    """
    doc = obj.doc
    start, end = doc[obj.left_edge.i].idx, doc[obj.right_edge.i].idx + len(doc[obj.right_edge.i])
    out = []
    for m in ctx.actors.mentions_in(start, end):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        owner = span.end < len(doc) and doc[span.end].tag_ == "POS"  # "X's son, Y": Y is the member
        if before not in ("to", "of", "for") and not owner and is_person(ctx, m.actor):
            out.append(m.actor)
    return out


def _shared_subject(verb: Any) -> bool:
    """'..., and it also includes X', '... and will also feature X': the conjoined clause's
    subject is the delegation (a pronoun for it, or none of its own)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(c.lower_ in ("it", "which") for c in subjects)


def _replacement(ctx: Context, verb: Any, meeting: str | None) -> list[Delegation]:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None:
        return []
    new, old = actors_of(ctx, subj, verb), actors_of(ctx, obj, verb)
    if not new or not old:
        return []
    return [Delegation(meeting, None, Evidence.from_span(verb.sent), head=new[0], replaces=old[0])]
