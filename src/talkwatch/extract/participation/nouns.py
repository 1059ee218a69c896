"""Participation told by nouns: invitations, participation, attendance, and being barred.

"offered an invitation to X", "withdrew his invitation to X", "the possible
participation of X", "without X's participation", "barred X from attending":
the status belongs to the noun's owner or addressee, not to the verb's subject.
"""

from __future__ import annotations

from typing import Any

from .. import _clauses as clauses
from .complements import hypothetical, is_meeting

_POSSESSIVES = {"his", "her", "its", "their"}
_SUBJECT_PRONOUNS = {"his": ("he",), "her": ("she",), "its": ("it",), "their": ("they",)}


def barred(tok: Any, lex: dict[str, Any]) -> bool:
    """'bar X from attending', 'prevent X from taking part', 'decided to bar X'."""
    prep = tok.head
    keep_out = lex["object_cues"]["not_invited"]
    if tok.lemma_ == "decide":  # "decided to bar X": the deciding is not about the decider's attendance
        return any(c.dep_ == "xcomp" and c.lemma_ in keep_out for c in tok.children)
    return tok.dep_ == "pcomp" and prep.lower_ == "from" and prep.head.lemma_ in keep_out


def invitation(tok: Any, lex: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """'offered an invitation to X' (invited), 'withdrew his invitation to X' (not_invited)."""
    if tok.lemma_ != "invitation" or tok.pos_ != "NOUN" or tok.head.pos_ != "VERB":
        return []
    verb = tok.head
    if hypothetical(verb):
        return []  # "will quit unless Ban withdraws his invitation to X": nothing withdrawn yet
    withdrawn = verb.lemma_ in lex["withdraw_verbs"]
    status = "not_invited" if withdrawn or clauses.negated(verb) else "invited"
    statuses = [status] + (["invited"] if withdrawn else [])  # a withdrawn invitation was made first
    preps = [c for c in (*tok.children, *verb.children) if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    objs = [o for p in preps for o in p.children if o.dep_ == "pobj" and not is_meeting(o)]
    return [(s, o, verb) for o in objs for s in statuses]  # "invitations to the X conference": no invitee


def refusal(tok: Any, lex: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """'a boycott threat from X', "X's walkout", 'the boycott by X': X declined (a threat too)."""
    word = tok.lemma_.lower()
    kinds = {c.lemma_.lower() for c in tok.children}
    threat = word in lex["threat_nouns"] and bool(kinds & set(lex["refusal_nouns"]))
    if tok.pos_ != "NOUN" or not (word in lex["refusal_nouns"] or threat):
        return []
    owners = [c for c in tok.children if c.dep_ == "poss"]
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")]
    return [("declined", o, tok) for o in owners + [g for p in preps for g in p.children if g.dep_ == "pobj"]]


def participation(tok: Any, lex: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """ "discussing the possible participation of X" (undecided), "confirmed X's attendance"
    (will_attend), "X suspended its participation" (declined), "without X's participation",
    "the arrival of X" (arrived)."""
    if tok.lemma_ not in lex["participation_nouns"] or tok.pos_ != "NOUN":
        return []
    shared = _owners(tok.head) if tok.dep_ == "conj" else []  # "the commitment and engagement of X"
    owners = _owners(tok) or shared
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "without":
        return [("not_invited", o, tok) for o in owners]
    status = next((s for s, verbs in lex["participation_noun_verbs"].items() if head.lemma_ in verbs), None)
    if tok.lemma_ == "arrival":  # "the late arrival of X", "his arrival on Monday"
        status = "will_attend" if _awaited(tok, lex) else "arrived"
    if any(c.lower_ in ("possible", "potential") for c in tok.children):
        status = "undecided"
    if status and head.pos_ == "VERB" and any(c.lower_ in ("may", "might", "could") for c in head.children):
        status = "undecided"  # "rumours that he might cancel his participation"
    if status is None and _in_prepositional_phrase(tok):
        status = "present"  # "despite the engagement of X": X is there, as the meeting's state says
    if status is None:
        return []
    owners = [_clause_subject(tok) if o.lower_ in _POSSESSIVES else o for o in owners]
    owners = [o for o in owners if o is not None]
    if not owners and status == "declined" and head.pos_ == "VERB":
        owners = [c for c in head.children if c.dep_ == "nsubj"]  # "X suspended its participation"
    return [(status, o, tok) for o in owners]


def _clause_subject(noun: Any) -> Any | None:
    """'On his arrival in Geneva, X told reporters', 'X made no statement upon his arrival': the
    possessive is the subject of the clause the noun's phrase sits in."""
    t = noun
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None) or _swallowed(t, noun)
    if subj is None or subj.i == noun.i or noun.i in {x.i for x in subj.subtree}:
        return None
    if subj.pos_ == "PRON" and subj.lower_ not in _SUBJECT_PRONOUNS.get(_noun_owner(noun), ()):
        return None  # "he might cancel his participation": he, resolved as a pronoun
    return subj


def _noun_owner(noun: Any) -> str:
    """The possessive pronoun of a noun ('his participation': 'his'), or ''."""
    return next((c.lower_ for c in noun.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), "")


def _swallowed(verb: Any, noun: Any) -> Any | None:
    """'On his arrival in Bern, Jane Roe, the envoy, said': with no subject on the verb, the
    parser hung the name on the place as a conjunct (a name after a comma, no 'and' before it)."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    top = noun
    while top.head.i != verb.i and top.head.i != top.i:
        top = top.head
    return next(
        (
            t
            for t in top.subtree
            if t.dep_ == "conj"
            and t.pos_ == "PROPN"
            and t.doc[t.left_edge.i - 1].text == ","
            and not any(c.dep_ == "cc" for c in t.head.children)
        ),
        None,
    )


def _in_prepositional_phrase(noun: Any) -> bool:
    """'despite the commitment and engagement of X', 'with the participation of X', 'in the
    presence of X'."""
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    presence = t.lemma_ == "presence" and t.head.lower_ == "in" and t.head.head.pos_ in ("VERB", "AUX")
    return t.dep_ == "pobj" and (presence or t.head.lower_ in ("despite", "with", "after", "thanks", "given"))


def owners(obj: Any, lex: dict[str, Any]) -> list[Any]:
    """The object itself, or for "blocked Iran's participation" the participation's owner."""
    if obj.lemma_ in lex["participation_nouns"] and obj.pos_ == "NOUN":
        return _owners(obj)
    return [obj]


def _awaited(noun: Any, lex: dict[str, Any]) -> bool:
    """'expected the arrival of X', 'preparations were complete for the arrival of X': still ahead."""
    t = noun.head
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    words = {t.lemma_} | {w.lemma_ for c in t.children if c.dep_ in ("nsubj", "acomp") for w in c.subtree}
    return bool(words & set(lex["awaiting_words"]))


def _owners(noun: Any) -> list[Any]:
    """'X's participation', 'the participation of X', 'the arrival Monday of X' (the 'of' phrase
    hung on the time word), 'the arrival of Presidents X and Y' (names in apposition)."""
    out = [c for c in noun.children if c.dep_ in ("poss", "appos")]
    holders = [noun] + [c for c in noun.children if c.dep_ == "npadvmod"]
    ofs = [p for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "of"]
    return out + [o for p in ofs for o in p.children]
