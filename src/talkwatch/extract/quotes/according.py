"""Sources that are no verb's subject: "according to X", "in the words of X", "X's claim that".

The object of the preposition is the quote's source when the phrase governs
the quote's clause, or (in a long sentence the parse mis-hangs) when no verb
attributes the quote and the quote is not inside a clause completing a noun.
"""

from __future__ import annotations

from typing import Any

from .doc import Quoted, QuoteDoc
from .governing import head_chain, quote_roots
from .lexicon import Lex
from .speakers import is_reporting, nominal, np_head


def _reaches(q: Quoted, target: Any, d: QuoteDoc) -> bool:
    """The quote hangs off ``target`` with no noun in between ("amid speculation that ...")."""
    qs = set(q.toks)
    for root in quote_roots(q, d):
        for h in head_chain(root, q, d):
            if h.i == target.i:
                return True
            if h.i not in qs and h.pos_ in ("NOUN", "PROPN"):
                break
    return False


def according(q: Quoted, d: QuoteDoc, lex: Lex, anywhere: bool = False) -> Any | None:
    """The object of "according to X" (and the other source prepositions) over the quote.

    ``anywhere``: in a long sentence the parse may hang "according to X" on
    another clause; when no verb attributes the quote, X is still its source.
    """
    for sent in q.sentences(d):
        toks = list(sent)
        for k, tok in enumerate(toks):
            if d.inside[tok.i]:
                continue
            for words in lex.prepositions:
                obj = _source_object(toks, k, words, d)
                if obj is not None and (
                    (anywhere and not _in_noun_clause(q, d))
                    or tok.head.i == tok.i
                    or _reaches(q, tok.head, d)
                    or q.starts_sentence(d) and q.ends_sentence(d)
                ):
                    return obj
    return None


def _in_noun_clause(q: Quoted, d: QuoteDoc) -> bool:
    """Is the quote inside a clause that completes a noun ("speculation that it is building an 'X track'")?

    Such a clause tells what is said or believed by others, so a source named for the sentence
    ("according to X") does not speak the quoted words; a quoted name there is only a name.
    """
    inside = set(q.toks)
    tok = next((d.doc[i].head for i in q.toks if d.doc[i].head.i not in inside), None)
    while tok is not None and tok.dep_ != "ROOT":
        if tok.dep_ in ("acl", "relcl", "ccomp") and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
        tok = tok.head
    return False


def _source_object(toks: list[Any], k: int, words: tuple[str, ...], d: QuoteDoc) -> Any | None:
    """The unquoted object of the source preposition ``words`` if it starts at ``toks[k]``."""
    if [t.lower_ for t in toks[k : k + len(words)]] != list(words):
        return None
    last = toks[k + len(words) - 1]
    objs = [c for c in last.children if c.dep_ == "pobj"]
    if not objs and k + len(words) < len(toks):  # the parser left the object unattached
        nxt = toks[k + len(words)]
        objs = [nxt.head if nxt.dep_ == "compound" else nxt] if nominal(nxt) else []
    if not objs or d.inside[objs[0].i]:
        return None
    return objs[0]


def claim_owner(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """ "Doe's claim that there were 'thousands of them'": the owner of a noun of saying over the quote.

    The quote must lie in the clause the noun takes (not in a phrase "about"
    it); the first noun above the quote's clause decides.
    """
    qs = set(q.toks)
    for root in quote_roots(q, d):
        below = root
        for h in head_chain(root, q, d):
            if h.i in qs or h.pos_ not in ("NOUN", "PROPN"):
                if is_reporting(h, lex) and h.i not in qs:
                    break  # a speech verb governs: its subject speaks
                below = h
                continue
            if h.lower_ in lex.speech_nouns and below.dep_ in ("acl", "ccomp", "relcl"):
                owner = [c for c in h.children if c.dep_ == "poss" and not d.inside[c.i]]
                if owner and owner[0].pos_ in ("PROPN", "NOUN"):
                    return np_head(owner[0])
            break
    return None
