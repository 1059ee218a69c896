"""Person names the tagger missed or typed as a place: a name shape with a role around it.

spaCy leaves some foreign names untagged ("the Deputy Minister of Defense
Aleksandar Fomin") or tags them a facility or a place ("lawmakers Francisco
Torrealba, Diva Guzman"). Two or three capitalised words the gazetteer does not
know, headed by a proper noun, are a person when a role says so: a title
modifies or directly precedes the name ("lawmakers X", "the Minister of
Energy X") or stands in apposition to it ("X, former envoy of ..."), or the
name is coordinated with a tagged person. Also: a plural nationality-like
noun names a movement's followers ("the Maoists").
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Span

from ..lexicon import load as load_lexicon
from . import gazetteer as gaz

_PORTFOLIO = ("of", "for")  # "Minister of ...", "Minister for ...": the words after are the portfolio
_OPEN_LABELS = ("", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")


@functools.cache
def _title_words() -> frozenset[str]:
    """Single words of the titles lexicon ('minister', 'envoy', 'lawmaker')."""
    return frozenset(w for t in load_lexicon("actors")["titles"] for w in t.split() if len(w) > 2)


def role_people(doc: Any) -> list[tuple[int, int]]:
    """Token spans of names a role marks as persons, in text order."""
    out = []
    for tok in doc:
        span = _name_span(tok)
        if span is None:
            continue
        start, end = span
        prev = doc[start - 1] if start > 0 else None
        titled = prev is not None and _titled(prev)
        if titled and prev.lower_ in _PORTFOLIO and end - start < 3:
            continue  # "the Minister of Foreign Affairs": the portfolio, no name
        if prev is not None and end - start == 3 and (prev.lower_ in _PORTFOLIO or prev.is_title):
            start += 1  # "Minister of Agriculture Stanko Veleski", "... Transport Management Ramesh Lekhak"
        if titled or _has_role(tok):
            out.append((start, end))
    return out


def _titled(prev: Any) -> bool:
    """Whether the word before a name ends a title: 'lawmakers', 'the Minister of Energy'."""
    titles = _title_words()
    tok = prev
    for _ in range(3):
        if tok.lemma_.lower() in titles and tok.i <= prev.i and not tok.is_punct:
            return True
        if tok.is_punct or tok.dep_ in ("cc", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _name_span(head: Any) -> tuple[int, int] | None:
    """(start, end) of a proper-noun head with its adjacent proper-noun compounds, if name-shaped."""
    if head.pos_ != "PROPN" or head.dep_ == "compound" or head.ent_type_ not in _OPEN_LABELS:
        return None
    start = head.i
    while start > 0:
        prev = head.doc[start - 1]
        if prev.dep_ != "compound" or not start <= prev.head.i <= head.i or prev.pos_ != "PROPN":
            break
        start -= 1
    words = head.doc[start : head.i + 1]
    if not 2 <= len(words) <= 3 or not all(_name_word(t) for t in words) or _inside_entity(words):
        return None
    g = gaz.load()
    if g.lookup(words.text) is not None or g.place(words.text) is not None:
        return None
    return start, head.i + 1


def _inside_entity(words: Any) -> bool:
    """Part of a longer entity ('York City' of 'New York City'): not a name of its own."""
    first, last = words[0], words[-1]
    return (first.ent_iob_ == "I" and first.ent_type_ != "") or (
        last.i + 1 < len(words.doc) and words.doc[last.i + 1].ent_iob_ == "I"
    )


def _name_word(tok: Any) -> bool:
    """A capitalised word no list knows as a title, state, demonym or place."""
    g = gaz.load()
    return (
        tok.is_alpha
        and tok.is_title
        and len(tok) > 1
        and tok.ent_type_ in _OPEN_LABELS
        and tok.lower_ not in _title_words()
        and g.lookup(tok.text) is None
        and g.demonym(tok.text) is None
        and g.place(tok.text) is None
    )


def _has_role(head: Any) -> bool:
    titles = _title_words()
    for child in head.children:
        if child.dep_ in ("compound", "nmod", "appos", "amod") and child.lemma_.lower() in titles:
            return True  # "lawmakers X", "the Deputy Minister of Defense X", "X, former envoy"
        if child.dep_ == "conj" and child.ent_type_ == "PERSON":
            return True  # "X, Diva Guzman and ..."
    return head.dep_ in ("conj", "appos") and head.head.ent_type_ == "PERSON"


def joined_people(doc: Any) -> list[Any]:
    """The entities, with a person name the tagger cut in two joined again: 'Kim Kye' + 'Gwan'
    (adjacent PERSON entities with nothing between them are one name)."""
    out: list[Any] = []
    for ent in doc.ents:
        prev = out[-1] if out else None
        if prev is not None and ent.label_ == prev.label_ == "PERSON" and prev.end == ent.start:
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def followers(span: Any) -> bool:
    """'the Maoists', 'the Zapatistas': a plural NORP noun as an argument names a movement (no state's)."""
    root = span.root
    return (
        root.tag_ in ("NNPS", "NNS")
        and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
        and gaz.load().demonym(root.text) is None
    )
