"""Who said a quote: the speaker mention for one quoted stretch, from its sentence and neighbours.

In order: a transcript label ("DOE: ..."), the subject of the nearest
reporting verb that governs the quote or hangs off it, an attribution
clause right after a quote that breaks off ("'...,' the minister
interjected": any verb there reports), "according to X", the clause before a
colon that introduces the quote ("she answered with a question: '...'": its
subject, not the noun before the colon; a bare "X: '...'" is a label), a dash
byline, any reporting verb with a subject in the quote's sentences, and
"according to X" anywhere in a sentence no verb attributes. For a quote-only
sentence, a reporting sentence just before or after it names the speaker:
one that reports nothing itself ("Doe said on Tuesday.") or one that ends in
its attribution ("..., said the envoy."). The result is a head token (or a
``Mention``); ``speaker_actors`` turns it into an actor.
"""

from __future__ import annotations

import re
from typing import Any

from .according import according, claim_owner
from .doc import Mention, Quoted, QuoteDoc
from .governing import governing_verb, hanging_verb, nearest_verb, quote_roots
from .lexicon import Lex, phrasal_in
from .speakers import is_reporting, np_head, speaker_head

_BREAKS_OFF = ",?!\u2014\u2013-\u2026"  # a quote ending so goes on with its attribution
_TAIL_MAX = 8  # words after the closing mark in which the attribution's verb must come


def _trailing_clause(q: Quoted, d: QuoteDoc) -> Any | None:
    """ "'...,' the minister interjected": any finite verb right after a quote that breaks off."""
    close = q.span.close_mark
    text = d.body[q.span.start : q.span.end].rstrip()
    if close is None or not text or text[-1] not in _BREAKS_OFF:
        return None
    end = d.sents[q.last].end
    nxt = d.sents[q.last + 1] if q.last + 1 < len(d.sents) else None
    if nxt is not None and d.para[nxt.start] == q.para and not _stops(d.sents[q.last]):
        end = nxt.end  # the parser cut "..., spokesperson Ana | Ruiz said." apart
    toks = [t for t in d.doc[d.token_at(close).i + 1 : end] if not (t.is_punct and t.idx <= close)]
    words = [t for t in toks if not (t.is_punct or t.is_space)][:_TAIL_MAX]
    if not words or d.inside[words[0].i] or words[0].pos_ in ("CCONJ", "SCONJ", "ADP"):
        return None
    for t in words:
        if d.inside[t.i]:
            return None
        if t.tag_ in ("VBD", "VBZ", "VBP") and t.pos_ in ("VERB", "AUX"):
            head = speaker_head(t, d)
            return head if head is not None and head.idx > close else None
    return None


def _stops(sent: Any) -> bool:
    """Does the sentence end in a full stop, question or exclamation mark (not cut mid-clause)?"""
    last = [t for t in sent if not t.is_space]
    return bool(last) and last[-1].text in (".", "!", "?", "\u2026")


def _colon_clause(q: Quoted, d: QuoteDoc, lex: Lex, reporting: bool) -> Any | None:
    """ "She answered with a question: '...'": the subject of the clause a colon ends.

    With ``reporting`` only speech verbs count ("Petrov, who told them: '...'"
    beats a verb further up the parse); else the last verb with a subject.
    """
    colon = _colon_before(q, d)
    if colon is None:
        return None
    sent = d.sent(colon.i)
    verbs = [t for t in d.doc[sent.start : colon.i] if t.pos_ in ("VERB", "AUX") and not d.inside[t.i]]
    if reporting:
        verbs = [v for v in verbs if is_reporting(v, lex)]
    for verb in reversed(verbs):
        head = speaker_head(verb, d)
        if head is not None:
            return head
    return None


def _utterance(q: Quoted, d: QuoteDoc) -> bool:
    """A quote that opens with a capital: whole words of someone's, not a name or phrase in a sentence."""
    text = d.body[q.span.start : q.span.end]
    return bool(text) and text[0].isupper() and len(text.split()) > 3


def _colon_before(q: Quoted, d: QuoteDoc) -> Any | None:
    """The colon token right before the quote's opening mark, if any."""
    body = d.body
    i = q.span.open_mark - 1
    while i >= 0 and body[i] in " \t":
        i -= 1
    if i < 0 or body[i] != ":":
        return None
    colon = d.token_at(i)
    return colon if colon.i > 0 else None


def _colon_head(q: Quoted, d: QuoteDoc) -> Any | None:
    """ "X: '...'": a noun phrase right before a colon that introduces the quote (no verb before it)."""
    colon = _colon_before(q, d)
    if colon is None:
        return None
    sent = d.sent(colon.i)
    if any(t.pos_ == "VERB" for t in d.doc[sent.start : colon.i]):
        return None  # a clause, not a label: its subject speaks (_colon_clause)
    tok = d.doc[colon.i - 1]
    if tok.pos_ not in ("PROPN", "NOUN") or d.inside[tok.i]:
        return None
    return np_head(tok)


def _dash_byline(q: Quoted, d: QuoteDoc) -> Any | None:
    """ "'...' ― Jane Doe": a name after a dash that follows the closing mark."""
    if q.span.close_mark is None:
        return None
    m = re.match(r"[^\S\n]*[\u2015\u2014\u2013-]+[^\S\n]*(?=\w)", d.body[q.span.close_mark + 1 :])
    if not m:
        return None
    tok = d.token_at(q.span.close_mark + 1 + m.end())
    if tok.pos_ != "PROPN" and not tok.ent_type_:
        return None
    while (
        tok.i + 1 < len(d.doc)
        and tok.dep_ in ("compound", "flat")
        and tok.head.i > tok.i
        and d.sent_no[tok.head.i] == d.sent_no[tok.i]
    ):
        tok = tok.head
    return tok


_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z.]):\s")


def _transcript_label(q: Quoted, d: QuoteDoc) -> Mention | None:
    """ "'DOE: Well, look, ...'": a transcript line names its speaker in capitals."""
    m = _LABEL.match(d.body, q.span.start)
    if not m:
        return None
    return Mention(m.start(1), m.end(1), d.token_at(m.start(1)), "name")


def _bare_reporting(sent: Any, d: QuoteDoc, lex: Lex) -> Any | None:
    """A sentence that reports but says nothing itself: "Doe said on Tuesday.", "Doe continued:"."""
    if any(d.inside[t.i] for t in sent):
        return None
    colon = sent.text.rstrip().endswith(":")
    for tok in sent:
        if not is_reporting(tok, lex):
            continue
        if not colon and any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in tok.children):
            continue
        head = speaker_head(tok, d)
        if head is not None:
            return head
    if colon and sent.root.pos_ in ("PROPN", "NOUN"):
        return sent.root
    return None


def _trailing_report(sent: Any, d: QuoteDoc, lex: Lex) -> Any | None:
    """ "The round ended without a text, said the envoy.": a sentence that ends in its attribution."""
    if any(d.inside[t.i] for t in sent):
        return None
    for tok in sent:
        says = any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children)
        if says or not is_reporting(tok, lex):
            continue
        before = list(d.doc[max(sent.start, tok.i - 6) : tok.i])
        commas = [t.i for t in before if t.text == ","]
        if not commas or any(t.pos_ in ("VERB", "AUX") for t in before if t.i > commas[-1]):
            continue
        head = speaker_head(tok, d)
        if head is not None and head.i > commas[-1]:
            return head
    return None


def _report_before(q: Quoted, prev: Any, d: QuoteDoc, lex: Lex) -> Any | None:
    """ "Doe said the plan was dead. / '...'": a paragraph of quote after one that ends in a report.

    The writer names the speaker in indirect speech, then gives the words; the
    previous paragraph's last sentence must be a speech verb's own clause.
    """
    if d.para[prev.start] == q.para or d.body[q.span.open_mark - 1 : q.span.open_mark].strip():
        return None
    root = prev.root
    if not is_reporting(root, lex) or root.lower_ in lex.thinking:
        return None
    return speaker_head(root, d)


def local_speaker(q: Quoted, d: QuoteDoc, lex: Lex) -> Mention | Any | None:
    """The speaker named in the quote's own sentence(s): a head token, a mention, or None."""
    if not len(q.toks):
        return None
    label = _transcript_label(q, d)
    if label is not None:
        return label
    owner = claim_owner(q, d, lex)  # "Doe's claim that '...'": before the verb that rejects the claim
    if owner is not None:
        return owner
    verb = governing_verb(q, d, lex)
    head = _colon_clause(q, d, lex, reporting=True)
    if head is not None and _utterance(q, d):
        head = _trailing_clause(q, d) or head  # ": '...,' the union wrote": the nearer attribution
    if head is None and verb is not None:
        head = speaker_head(verb, d)
    if head is None:
        hanging = hanging_verb(q, d, lex)
        head = speaker_head(hanging, d) if hanging is not None else None
    head = head or _trailing_clause(q, d) or according(q, d, lex)
    head = head or _colon_clause(q, d, lex, reporting=False) or _colon_head(q, d) or _dash_byline(q, d)
    head = head or according(q, d, lex, anywhere=True)  # the sentence's named source before a mere neighbour
    if head is None and verb is None:
        head = _characterised(q, d, lex)
    if head is None and verb is None:
        near = nearest_verb(q, d, lex)
        head = speaker_head(near, d) if near is not None else None
    return head


def _characterised(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """ "Doe has been painting the plan as a '...'": who casts something as the quoted words.

    Only an active verb of casting: "the bill, known as the '... Act'" names
    no one, nor does a passive ("is being criticized as a '...'").
    """
    for root in quote_roots(q, d):
        prep = root.head
        if prep.lower_ != "as" or prep.dep_ != "prep" or d.inside[prep.i]:
            continue
        verb = prep.head
        if verb.pos_ != "VERB" or not phrasal_in(verb, lex.characterising):
            continue
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            continue
        return speaker_head(verb, d)
    return None


def governed(q: Quoted, d: QuoteDoc, lex: Lex) -> bool:
    """Is the quote tied to a speech act in its own sentence (not just near a speaker)?"""
    return any(
        f() is not None
        for f in (
            lambda: governing_verb(q, d, lex),
            lambda: hanging_verb(q, d, lex),
            lambda: _colon_head(q, d),
            lambda: _colon_clause(q, d, lex, reporting=False),
            lambda: _dash_byline(q, d),
        )
    )


def neighbour_speaker(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """A quote-only sentence: the speaker named by a bare reporting sentence next to it.

    Last, a paragraph of quote after a paragraph that ends in a report: its reporter.
    """
    prev = d.sents[q.first - 1] if q.starts_sentence(d) and q.first > 0 else None
    if prev is not None:
        head = _bare_reporting(prev, d, lex) or _trailing_report(prev, d, lex)
        if head is not None:
            return head
    if q.ends_sentence(d) and q.last + 1 < len(d.sents):
        nxt = d.sents[q.last + 1]
        if not nxt.text.rstrip().endswith(":"):
            head = _bare_reporting(nxt, d, lex)
            if head is not None:
                return head
    return _report_before(q, prev, d, lex) if prev is not None else None
