"""Organisations named in capitals that the tagger leaves untagged.

Two constructions: an unknown all-capital name acting as a subject or object
("the ELN said", "talks with the MILF"), and every all-capital member of a
list that names organisations ("the five parties, FNL, FROLINA, PIEBU
ABANYESHAKA and RADEBU"): the list is apposed to a collective head noun
("parties", "groups") or already holds a tagged organisation, so its other
capitalised members are organisations too, one or several words long.
"""

from __future__ import annotations

from typing import Any

from ..lexicon import load as load_lexicon
from . import gazetteer as gaz
from .datelines import opens_dateline

_ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "poss")


def capital_names(doc: Any) -> list[tuple[int, int]]:
    """Token spans of organisations named in capitals, in text order, without overlaps."""
    spans = {(t.i, t.i + 1) for t in doc if _acronym(t, 6) and t.pos_ == "PROPN" and t.dep_ in _ROLES
             and not t.ent_type_}
    for members in _lists(doc):
        spans |= set(members)
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _acronym(tok: Any, longest: int = 14) -> bool:
    """An all-capital word no list knows as a place, not a dateline's city."""
    return (
        tok.is_upper
        and tok.is_alpha
        and 2 <= len(tok.text) <= longest
        and not opens_dateline(tok)
        and gaz.load().place(tok.text.title()) is None
        and gaz.load().lookup(tok.text) is None
    )


def _lists(doc: Any) -> list[list[tuple[int, int]]]:
    """Per list of names (an appos/conj chain) that names organisations: its all-capital members' spans."""
    heads = load_lexicon("actors")["collective_heads"]
    out = []
    for tok in doc:
        if tok.dep_ in ("conj", "appos") and tok.head.dep_ in ("conj", "appos"):
            continue  # not the first member: its chain is read from the first
        chain = _chain(tok)
        if len(chain) < 3:
            continue
        owner = tok.head if tok.dep_ == "appos" else None
        organised = owner is not None and owner.lower_ in heads or any(m.ent_type_ == "ORG" for m in chain)
        capital = [_span(m) for m in chain if _acronym(m) and m.ent_type_ in ("", "ORG")]
        if organised and len(capital) >= 2:
            out.append(capital)
    return out


def _chain(first: Any) -> list[Any]:
    """The first member of a list and every member coordinated after it."""
    out = [first]
    while True:
        nxt = next((c for c in out[-1].children if c.dep_ == "conj" and c.i > out[-1].i), None)
        if nxt is None:
            return out
        out.append(nxt)


def _span(tok: Any) -> tuple[int, int]:
    """The member with its all-capital compounds ('PIEBU ABANYESHAKA')."""
    start = tok.i
    while start > 0 and tok.doc[start - 1].dep_ == "compound" and _acronym(tok.doc[start - 1]):
        start -= 1
    return start, tok.i + 1
