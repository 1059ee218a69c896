"""The shape of a cue's subject: an expletive 'it', a named entity, a described party the
index could not resolve, nobody ('neither side'), or a quantified group ('each side')."""

from __future__ import annotations

from typing import Any

from .base import _ENTITY_TYPES, _SUBJ_DEPS
from .issues import antecedent
from .text import end


def _expletive(pred: Any) -> bool:
    """'It was not possible to accept X': the subject 'it' stands for the clause, not an actor."""
    tok = pred
    while tok.dep_ in ("xcomp", "ccomp", "acomp") and tok.head.i != tok.i:
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)
        if subj is not None:
            return subj.lower_ == "it" and any(c.dep_ in ("acomp", "attr") for c in tok.children)
    return False


def _named_subject(pred: Any) -> bool:
    """'a statement said Palestinians and Israelis agreed ...': a named subject speaks for
    itself even when the index missed it; a description ('the talks') does not."""
    subj = next((c for c in pred.children if c.dep_ in _SUBJ_DEPS), None)
    return subj is not None and subj.ent_type_ in _ENTITY_TYPES


def _party_subject(pred: Any, lex: dict[str, Any]) -> bool:
    """A described party the index could not resolve ('the delegation representing the
    opposition', 'the other side'): its stance is not the reporter's; a bare 'the
    delegation' is the speaker's own."""
    while pred.dep_ in ("acomp", "xcomp", "oprd") and not any(c.dep_ in _SUBJ_DEPS for c in pred.children):
        pred = pred.head  # "the delegation is not ready for talks"
    subj = next((c for c in pred.children if c.dep_ in _SUBJ_DEPS), None)
    return subj is not None and (subj.lower_ in lex["members"] or subj.lower_ in lex["party_nouns"]) \
        and any(c.dep_ not in ("det", "punct") for c in subj.children)


def _nobody(pred: Any, lex: dict[str, Any]) -> bool:
    """A subject with a negative determiner ('neither side', 'no party') names nobody."""
    while pred.dep_ in ("acomp", "xcomp", "oprd") and not any(c.dep_ in _SUBJ_DEPS for c in pred.children):
        pred = pred.head
    subj = next((c for c in pred.children if c.dep_ in _SUBJ_DEPS), None)
    return subj is not None and any(c.dep_ == "det" and c.lower_ in lex["negative_determiners"]
                                    for c in subj.children)


def _generic_subject(pred: Any, lex: dict[str, Any]) -> bool:
    """'each side wants ...', 'many analysts want ...': a quantified subject is nobody's voice;
    a quantifier floating after named parties ('X and Y both want', 'they all want') is not."""
    subj = next((c for c in pred.children if c.dep_ in _SUBJ_DEPS), None)
    return subj is not None and any(c.lower_ in lex["quantifiers"] and c.i < subj.i for c in subj.children)


def _nearest_subject(verb: Any) -> Any:
    """The verb's subject; of two (a parser slip: 'Santo Domingo, Jan 12 - The government
    began'), the one nearest before the verb."""
    subjs = [c for c in verb.children if c.dep_ in _SUBJ_DEPS]
    before = [c for c in subjs if c.i < verb.i]
    return before[-1] if len(subjs) > 1 and before else next(iter(subjs), None)


def _stated_by(head: Any, lex: dict[str, Any]) -> Any:
    """'Carpania's position is that X must go': the possessor of a stance noun whose clause
    the copula gives."""
    if head.lemma_ != "be" or not any(c.dep_ == "ccomp" for c in head.children):
        return None
    subj = next((c for c in head.children
                 if c.dep_ == "nsubj" and c.lemma_.lower() in lex["stance_statements"]), None)
    return next((c for c in subj.children if c.dep_ == "poss"), None) if subj is not None else None


def _with_absolute(verb: Any) -> Any:
    """'... with Moscow promising to work for X': the noun after 'with' right before a bare
    participle is its subject (the parser hangs the participle elsewhere)."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    return before if before.dep_ == "pobj" and before.head.lower_ == "with" else None


def _party_noun(ctx: Any, noun: Any, lex: dict[str, Any]) -> bool:
    """Whether a noun a participle or relative clause hangs on can hold a stance."""
    noun = antecedent(noun, lex)
    return noun.lower_ not in lex["generic_subjects"] and (
        ctx.actors.at(noun.idx, end(noun)) is not None or noun.pos_ == "PROPN"
        or noun.lower_ in lex["relative"])
