"""Body names a description in apposition marks: 'X Y, a coalition of opposition parties'.

The tagger leaves many names of movements and alliances untagged or takes them for a
person. A name followed by an apposed singular description headed by a body noun
(coalition, alliance, movement, party, group, front) names that body: the name is the
actor, the description only tells what it is.
"""

from __future__ import annotations

from typing import Any

from ..lexicon import load as load_lexicon
from . import gazetteer as gaz

_OPEN_LABELS = ("", "PERSON", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT")
_MAX_WORDS = 4


def described_bodies(doc: Any) -> list[tuple[int, int, str]]:
    """(start, end, type) of names an apposed body description types, in text order."""
    lex = load_lexicon("actors")
    bodies, heads = set(lex["apposed_body_heads"]), lex["collective_heads"]
    out = []
    for tok in doc:
        typ = _body_type(tok, bodies, heads)
        if typ is None:
            continue
        span = _name_span(tok)
        if span is not None:
            out.append((*span, typ))
    return out


def _body_type(head: Any, bodies: set[str], heads: dict[str, list[Any]]) -> str | None:
    """The type of the singular body noun apposed after a proper-noun head, if any."""
    if head.pos_ != "PROPN" or head.dep_ == "compound":
        return None
    for child in head.children:
        if child.dep_ != "appos" or child.i < head.i or child.tag_ != "NN" or child.lower_ not in bodies:
            continue
        typ = heads.get(child.lower_, ["organization"])[0]
        return "organization" if typ in ("group", "person") else typ
    return None


def _name_span(head: Any) -> tuple[int, int] | None:
    """The head with its proper-noun compounds, when every word is a capitalised name word
    no list knows (a known name is the gazetteer's)."""
    start = head.i
    while start > 0 and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].pos_ == "PROPN":
        start -= 1
    words = head.doc[start : head.i + 1]
    if len(words) > _MAX_WORDS or not all(_name_word(t) for t in words):
        return None
    g = gaz.load()
    if g.lookup(words.text) is not None or g.place(words.text) is not None:
        return None
    return start, head.i + 1


def _name_word(tok: Any) -> bool:
    return tok.is_alpha and tok.is_title and tok.ent_type_ in _OPEN_LABELS
