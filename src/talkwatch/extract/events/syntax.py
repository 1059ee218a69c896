"""Dependency helpers for the event coder: clause heads, complements, subjects, objects.

Pure reads of a spaCy parse (no lexicon, no actors), shared by the coder
(``coder``), the class matcher (``predicates``) and actor reading
(``parties``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJ = {"dobj", "obj", "dative", "attr", "oprd"}
CLAUSE_DEPS = {"ccomp", "xcomp", "conj", "advcl", "parataxis", "csubj", "pcomp", "acl", "relcl"}
PRUNE = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "appos", "punct", "cc"}
_OWNER_PREPS = ("of", "on", "against", "by", "to", "with", "for", "between")


def clause_heads(sent: Any) -> Iterable[Any]:
    """Clause heads of a sentence, breadth first from the root."""
    queue = [sent.root]
    seen = set()
    while queue:
        tok = queue.pop(0)
        if tok.i in seen:
            continue
        seen.add(tok.i)
        if tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN") or tok.dep_ == "ROOT":
            yield tok
        queue.extend(c for c in tok.children if c.dep_ in CLAUSE_DEPS)
        queue.extend(c for c in tok.children if c.dep_ == "acomp")
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            queue.extend(g for g in prep.children if g.dep_ == "pcomp" and g.pos_ == "VERB")


def complement(v: Any) -> Any:
    """The clause a verb governs (xcomp, ccomp, through an adjective, or a late parataxis)."""
    for dep in ("xcomp", "ccomp"):
        comp = next((c for c in v.children if c.dep_ == dep), None)
        if comp is not None:
            return comp
    acomp = next((c for c in v.children if c.dep_ == "acomp"), None)
    if acomp is not None:
        return next((c for c in acomp.children if c.dep_ in ("xcomp", "ccomp")), None)
    # "reports that X ...", "said on Tuesday X ..." parsed as parataxis
    return next((c for c in v.children if c.dep_ == "parataxis" and c.i > v.i), None)


def infinitive(v: Any) -> Any:
    """An infinitival adverbial clause right after the verb ("swore to fight"), else None."""
    for c in v.children:
        if c.dep_ == "advcl" and c.i > v.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def subject_token(v: Any) -> Any:
    """The verb's own subject, or the object of its passive "by" agent."""
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is not None:
        return subj
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def owner_tokens(noun: Any) -> list[Any]:
    """Whose a noun is or whom it concerns: "Iran's offer", "sanctions on Russia"."""
    out = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _OWNER_PREPS:
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def prep_object(v: Any, preps: tuple[str, ...]) -> Any:
    """The object of the first of the verb's prepositions that is in ``preps``."""
    for c in v.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def event_location(v: Any) -> str | None:
    """The place an event happened: a named place after "in" or "at"."""
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                return " ".join(t.text for t in pruned(pobj) if t.ent_type_)
    return None


def has_aux(v: Any, words: set[str]) -> bool:
    """Does one of ``words`` serve as the verb's auxiliary ("must", "will")?"""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in v.children)


def child(v: Any, deps: set[str]) -> Any:
    """The first child with one of ``deps``, or None."""
    return next((c for c in v.children if c.dep_ in deps), None)


def conjuncts(tok: Any) -> list[Any]:
    """Tokens coordinated with ``tok`` ("Ethiopia and Eritrea" -> Eritrea), depth first."""
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(conjuncts(c))
    return out


def described(tok: Any) -> list[Any]:
    """A phrase with its appositions and of-phrases (where a person's country is said)."""
    out = [tok]
    for c in tok.children:
        of_phrase = c.dep_ == "prep" and c.lower_ in ("of", "in", "from")
        if c.dep_ in ("appos", "compound", "amod", "poss", "nmod") or of_phrase:
            out.extend(pruned(c, keep_of=True))
        if of_phrase:
            out.extend(t for g in c.children for t in pruned(g, keep_of=True))
    if tok.dep_ == "appos":
        out.extend(pruned(tok.head))
    return sorted(set(out), key=lambda t: t.i)


def pruned(tok: Any, keep_of: bool = False) -> list[Any]:
    """A phrase without its clauses, appositions and conjuncts."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in PRUNE or c.dep_ == "conj":
            continue
        if c.dep_ == "prep" and not keep_of and c.lower_ not in ("of",):
            continue
        out.extend(pruned(c, keep_of))
    return sorted(out, key=lambda t: t.i)


def content_clause(c: Any) -> bool:
    """A noun's content clause ("its demand that X ...", "an offer to mediate"), not a participle
    modifying it ("the agreement signed in March")."""
    if c.dep_ == "ccomp":
        return c.pos_ in ("VERB", "AUX")
    marked = any(g.dep_ in ("aux", "mark") and g.lower_ in ("to", "that") for g in c.children)
    return c.dep_ == "acl" and c.pos_ in ("VERB", "AUX") and marked
