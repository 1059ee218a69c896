"""Cue words that state no stance where they stand: in an if-clause ('if the occupation
accepts our demands'), in what someone is accused of ('accused the army of seeking a
military victory') or denies ('denied that it wanted X'), after 'rather than'; in a
forecast ('is expected to reject', 'analysts predict X will reject', 'is likely to
accept'); and in the complement of a verb that wants, expects or urges someone else to act
('we expect the rebels to accept X', 'pressed Ethiopia to accept the deal'): the wish
belongs to the one who voices it, not to whoever is to act."""

from __future__ import annotations

from typing import Any

_COMPLEMENTS = ("xcomp", "ccomp")
_BOUNDS = ("relcl", "parataxis", "appos")  # "to honour X, which the rebels consider Y"


def unasserted(tok: Any, lex: dict[str, Any]) -> bool:
    """Whether the cue at ``tok`` states no stance of its own (see the module doc)."""
    prev, direct = tok, True  # direct: no relative or adverbial clause between cue and anc
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "advcl" and any(c.lower_ == "if" and c.dep_ == "mark" for c in anc.children):
            return True
        if anc is not tok and anc.lemma_.lower() in _not_held(lex) and prev.dep_ != "conj":
            return True  # but "accused X of bias and demanded Y": Y is demanded
        if anc is not tok and direct and prev.dep_ in _COMPLEMENTS and (
                _forecast(anc, lex) or _controlled(anc, prev, lex)):
            return True
        direct = direct and not _bound(anc)
        prev = anc
        if anc.dep_ == "prep" and _contrast(anc):
            return True  # "rather than asking for X", "instead of backing X"
    return False


def _not_held(lex: dict[str, Any]) -> list[str]:
    return lex["accusation_verbs"] + lex["failure_verbs"] + lex["denial_verbs"]


def _bound(clause: Any) -> bool:
    """A clause with a voice of its own: a relative clause, an aside, or an adverbial clause
    with a subject or a conjunction ('because they refused'); not an infinitive ('to the
    courage to accept X')."""
    return clause.dep_ in _BOUNDS or clause.dep_ in ("advcl", "acl") and any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)


def _forecast(head: Any, lex: dict[str, Any]) -> bool:
    """'is expected to', 'is likely to', 'predict that': what is foreseen is not stated."""
    return head.lemma_.lower() in lex["forecast_words"] or head.lower_ in lex["forecast_words"]


def _controlled(head: Any, comp: Any, lex: dict[str, Any]) -> bool:
    """'urged Ethiopia to accept', 'we expect the rebels to accept': a complement whose
    doer is someone other than the subject of a verb of wanting or urging."""
    low = head.lemma_.lower()
    if low in lex["control_verbs"] and comp.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children):
        return True  # "urged Ethiopia to accept": not "told reporters they will accept"
    return low in lex["wish_clause_verbs"] and any(c.dep_ in ("nsubj", "nsubjpass") for c in comp.children)


def _contrast(prep: Any) -> bool:
    doc = prep.doc
    before = doc[prep.i - 1].lower_ if prep.i > 0 else ""
    return prep.lower_ == "than" and before == "rather" or prep.lower_ == "of" and before == "instead"
