"""Participants named where the verb is left out or the clause is turned round.

- Ellipsis: "X arrived on Tuesday, as did Y", "X will attend, and so will Y",
  "X boycotted the talks, as have Y and Z": Y does what X does; the echo verb
  (do, have, be or a modal) stands for the cue.
- Inversion: "Also present were X and Y", "Among those attending were X, Y and
  Z": the participants come after the copula.
"""

from __future__ import annotations

from typing import Any

from .._discourse import actors_of

_ECHO_LEMMAS = {"do", "have", "be", "will", "would", "can", "could", "shall", "should", "may", "might"}
_AMONG_HEADS = {"those", "others", "the"}


def echoed(cue: Any) -> list[Any]:
    """Subjects of echo clauses that repeat the cue: 'as did Y', 'and so will Y'."""
    out = []
    for c in cue.children:
        own_object = any(g.dep_ in ("dobj", "xcomp", "ccomp") for g in c.children)
        if c.lemma_.lower() not in _ECHO_LEMMAS or own_object:
            continue  # "as did the statement they issued" names no echo of an act of attending
        marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "advmod")}
        as_did = c.dep_ == "advcl" and "as" in marks
        so_did = c.dep_ == "conj" and "so" in marks
        if as_did or so_did:
            out += [g for g in c.children if g.dep_ == "nsubj" and g.i > c.i]
    return out


def inverted_subject(tok: Any) -> Any | None:
    """The participants of an inverted copula clause: 'Also present were X' (the cue is the
    copula's complement), 'Among those attending were X' (the cue describes 'those')."""
    if tok.dep_ == "acomp" and tok.head.lemma_ == "be":
        verb = tok.head
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        return next((c for c in verb.children if c.dep_ == "attr" and c.i > tok.i), None)
    if tok.dep_ == "acl" and tok.head.lower_ in _AMONG_HEADS and tok.head.dep_ == "pobj":
        prep = tok.head.head
        if prep.lower_ != "among" or prep.head.lemma_ != "be":
            return None
        verb = prep.head
        return next((c for c in verb.children if c.dep_ in ("nsubj", "attr") and c.i > tok.i), None)
    return None


def split_subjects(verb: Any, subject: Any) -> tuple[list[Any], list[Any]]:
    """The subjects a verb states of, and those excepted from it. The parser gives a verb two
    subjects for 'X as well as Y will attend' and 'X, but not Y, will attend': each is a subject
    of its own, and one with its own 'not' is excepted."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    inner = [t for t in subject.subtree if t.dep_ == "conj" and _negated(t)]  # "X, but not Y,"
    if len(subjects) < 2 or subject not in subjects:
        return [subject], inner
    negated = [s for s in subjects if _negated(s)]
    return [s for s in subjects if s not in negated], negated + inner


def excepted(ctx: Any, span: Any) -> list[str]:
    """Actors a subject names only to except them ('X, but not Y,'), to leave out of its plan."""
    return [a for t in span.subtree if t.dep_ == "conj" and _negated(t) for a in actors_of(ctx, t, t)]


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def refused_echo(cue: Any) -> list[Any]:
    """Subjects of a negated echo of the cue: 'X will attend, but Y will not', 'X attended the
    talks, but Y did not', 'X will attend; Y will not' (the parser may make the echo the head)."""
    echoes = [c for c in cue.children if c.dep_ == "conj"]
    if cue.dep_ in ("ccomp", "parataxis") and cue.head.i > cue.i:
        echoes.append(cue.head)
    out = []
    for echo in echoes:
        if echo.lemma_.lower() not in _ECHO_LEMMAS or not _negated(echo):
            continue
        if any(g.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr") and g.i != cue.i for g in echo.children):
            continue  # "but Y did not say": an act of its own
        out += [g for g in echo.children if g.dep_ == "nsubj"]
    return out
