"""Text of issue phrases: a token's end offset, a noun with its modifiers, and the words
joined without leading function words or trailing punctuation."""

from __future__ import annotations

import re
from typing import Any

_LEAD_WORDS = {"that", "to", "the", "a", "an", "for", "on", "of", "whether", ",", "-", "with", "over",
               "about", "against", "at", "behind"}


def end(tok: Any) -> int:
    return tok.idx + len(tok)


def noun_phrase(noun: Any) -> list[Any]:
    """A noun with its modifiers and complements, without the relative clause on it."""
    skip = {d for c in noun.children if c.dep_ in ("relcl", "acl", "appos", "punct")
            for d in c.subtree}
    return [t for t in noun.subtree if t not in skip]


def text_of(tokens: list[Any], pieces: dict[Any, str] | None = None) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].lower_ in _LEAD_WORDS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    parts = []
    for i, t in enumerate(tokens):
        gap = i + 1 < len(tokens) and tokens[i + 1].i == t.i + 1
        piece = (pieces or {}).get(t, t.text)
        parts.append(piece + (t.whitespace_ if gap else " "))
    return re.sub(r"\s+", " ", "".join(parts)).strip(" \"'“”‘’")
