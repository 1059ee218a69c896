"""The parsed body as the quote extractor reads it: tokens, paragraphs, quoted stretches.

spaCy sentences may run over a paragraph break, and a speaker is never looked
for across one, so sentences are cut at paragraphs here once; every quoted
stretch knows its tokens, paragraph and first and last sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from .marks import Span, outer_end


@dataclass(frozen=True)
class Mention:
    """The words naming a speaker, with the head token that decides how to resolve them."""

    start: int
    end: int
    head: Any  # spaCy Token
    kind: str  # name | pronoun | description | document


def _paragraph_numbers(doc: Any, body: str) -> list[int]:
    """Paragraph number of each token (a line of the body is a paragraph)."""
    para_starts = [m.start() for m in re.finditer(r"[^\n]+", body)] or [0]
    return [max(0, bisect.bisect_right(para_starts, t.idx) - 1) for t in doc]


def _sentence_bounds(doc: Any, para: list[int]) -> list[tuple[int, int]]:
    """Token bounds of the sentences, cut where a spaCy sentence runs over a paragraph break."""
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        a = sent.start
        for i in range(sent.start + 1, sent.end):
            if para[i] != para[i - 1] and not doc[i].is_space:
                bounds.append((a, i))
                a = i
        bounds.append((a, sent.end))
    return bounds


class QuoteDoc:
    """Token lookups for one parsed body: quotes, paragraphs, and sentences cut at paragraphs."""

    def __init__(self, doc: Any, spans: list[Span], body: str) -> None:
        self.doc = doc
        self.body = body
        self.spans = spans
        self.starts = [t.idx for t in doc]
        self.inside = [False] * len(doc)  # is the token quoted (never a speaker)?
        for s in spans:
            for i in self.tokens(s.start, s.end):
                self.inside[i] = True
        self.para = _paragraph_numbers(doc, body)
        bounds = _sentence_bounds(doc, self.para)
        self.sents = [doc[a:b] for a, b in bounds]
        self.sent_no = [0] * len(doc)
        for n, (a, b) in enumerate(bounds):
            for i in range(a, b):
                self.sent_no[i] = n

    def tokens(self, start: int, end: int) -> range:
        """Indices of the tokens that begin inside ``[start, end)``."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def token_at(self, pos: int) -> Any:
        """The token covering character ``pos`` (the one starting at or before it)."""
        return self.doc[max(0, bisect.bisect_right(self.starts, pos) - 1)]

    def sent(self, i: int) -> Any:
        """The paragraph-cut sentence of token ``i``."""
        return self.sents[self.sent_no[i]]

    def in_quote(self, pos: int) -> bool:
        """Is character ``pos`` quoted (a mention there is someone's words, not a speaker)?"""
        return any(s.start <= pos < s.end for s in self.spans)


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch with its tokens and sentence numbers."""

    span: Span
    toks: range
    para: int
    first: int  # sentence numbers
    last: int

    @classmethod
    def of(cls, span: Span, d: QuoteDoc) -> Quoted:
        """The stretch placed in the parse; its sentences run from the opening to the closing mark."""
        toks = d.tokens(span.start, span.end)
        first = d.sent_no[d.token_at(span.open_mark).i]
        last = d.sent_no[d.token_at(max(span.open_mark, outer_end(span) - 1)).i]
        return cls(span, toks, d.para[toks.start] if len(toks) else 0, first, last)

    def sentences(self, d: QuoteDoc) -> list[Any]:
        """The sentences the quote touches, where its speaker is looked for first."""
        return d.sents[self.first : self.last + 1]

    def starts_sentence(self, d: QuoteDoc) -> bool:
        """Nothing but punctuation before the opening mark in its sentence."""
        return all(t.is_punct or t.is_space or t.idx >= self.span.open_mark for t in d.sents[self.first])

    def ends_sentence(self, d: QuoteDoc) -> bool:
        """Nothing but punctuation after the closing mark in its sentence."""
        end = outer_end(self.span)
        return all(t.is_punct or t.is_space or t.idx < end for t in d.sents[self.last])
