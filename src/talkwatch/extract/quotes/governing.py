"""Where a quote attaches in the parse: the reporting verb that governs it, hangs off it, or stands near.

``governing_verb`` climbs from the quote's roots to the nearest reporting
verb (a verb of thinking yields to a speech verb above it); ``hanging_verb``
finds a reporting verb attached under the quote ("...," the minister said,
as a parataxis); ``nearest_verb`` is any reporting verb with a subject in
the quote's sentences. A verb is never looked for across a paragraph break.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .doc import Quoted, QuoteDoc
from .lexicon import Lex
from .speakers import is_reporting, speaker_head


def quote_roots(q: Quoted, d: QuoteDoc) -> list[Any]:
    """Quoted tokens whose head lies outside the quote: where the quote attaches to its sentence."""
    qs = set(q.toks)
    return [d.doc[i] for i in q.toks if d.doc[i].head.i not in qs or d.doc[i].head.i == i]


def head_chain(tok: Any, q: Quoted, d: QuoteDoc) -> list[Any]:
    """Head chain above a token, within the quote's paragraph."""
    out = []
    h = tok
    for _ in range(12):
        if h.head.i == h.i or d.para[h.head.i] != q.para:
            break
        h = h.head
        out.append(h)
    return out


def governing_verb(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """The nearest reporting verb above the quote in the parse (the quote is its complement).

    A verb of thinking yields to a speech verb further up: "Doe said voters
    believe 'that ...'" quotes Doe, who put the belief in words.
    """
    best: tuple[int, Any] | None = None
    qs = set(q.toks)
    for root in quote_roots(q, d):
        hit = None
        chain = head_chain(root, q, d)
        for steps, h in enumerate(chain):
            if h.i in qs or d.inside[h.i] or not is_reporting(h, lex):
                continue
            if hit is None:
                hit = (steps, h)
            if h.lower_ not in lex.thinking:
                hit = (hit[0], h)
                break
        if hit is not None and hit[1].lower_ in lex.thinking:
            hit = (hit[0], _parenthetical_speech(chain, d, lex) or hit[1])
        if hit is not None and (best is None or hit[0] < best[0]):
            best = hit
    return best[1] if best else None


def _parenthetical_speech(chain: list[Any], d: QuoteDoc, lex: Lex) -> Any | None:
    """ "In recent years, the minister said, farmers have come to believe '...'": the aside that says it."""
    for h in chain:
        for c in h.children:
            aside = c.dep_ == "parataxis" and not d.inside[c.i]
            if aside and is_reporting(c, lex) and c.lower_ not in lex.thinking:
                return c
    return None


def _dist(tok: Any, q: Quoted) -> int:
    """Token distance from the quote, to prefer the nearest of several verbs."""
    return min(abs(tok.i - q.toks.start), abs(tok.i - q.toks.stop))


def hanging_verb(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """A reporting verb attached under the quote ("...," the minister said, as a parataxis)."""
    qs = set(q.toks)
    return _nearest_reporting(q, d, lex, lambda tok: any(h.i in qs for h in head_chain(tok, q, d)))


def nearest_verb(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """Any reporting verb with a subject in the quote's sentences, nearest first."""
    return _nearest_reporting(q, d, lex, lambda tok: speaker_head(tok, d) is not None)


def _nearest_reporting(q: Quoted, d: QuoteDoc, lex: Lex, fits: Callable[[Any], bool]) -> Any | None:
    """The reporting verb outside quotes in the quote's paragraph and sentences that ``fits``,
    nearest to the quote."""
    hits = [
        (_dist(tok, q), tok)
        for sent in q.sentences(d)
        for tok in sent
        if d.para[tok.i] == q.para and not d.inside[tok.i] and is_reporting(tok, lex) and fits(tok)
    ]
    return min(hits, key=lambda x: x[0])[1] if hits else None
