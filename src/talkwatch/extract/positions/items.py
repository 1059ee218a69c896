"""The words of one item of a list of conditions ('four conditions: A of X, B of Y and C of
Z'): without the items coordinated with it, including those the parser hung on a noun
inside it ('rejection of violence and inclusion of all forces': 'inclusion' on
'violence')."""

from __future__ import annotations

from typing import Any


def nested_items(item: Any) -> list[Any]:
    """Nouns coordinated deep inside a list item that head a phrase of their own."""
    return [t for t in item.subtree if t.head.i != item.i and _nested(t)]


def item_words(item: Any) -> list[Any]:
    if _nested(item):
        return _nested_words(item)
    skip = {d for c in item.children if c.dep_ in ("conj", "cc", "punct", "appos") for d in c.subtree}
    skip |= {d for n in nested_items(item)
             for d in [*_nested_words(n), *(c for c in n.head.children if c.dep_ == "cc")]}
    return [t for t in item.subtree if t not in skip]


def _nested(t: Any) -> bool:
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else t
    return t.dep_ == "conj" and t.head.dep_ == "pobj" and t.pos_ == "NOUN" and after.dep_ == "prep"


def _nested_words(noun: Any) -> list[Any]:
    """A nested item with the phrase after it, which the parser may have hung elsewhere."""
    return sorted({*noun.subtree, *noun.doc[noun.i + 1].subtree}, key=lambda t: t.i)
