"""Who said a quote: the speaker mention read from the dependency parse.

In order: a transcript label ("DOE: ..."), the subject of the nearest
reporting verb that governs the quote or hangs off it, "according to X",
"X: '...'", a dash byline, any reporting verb with a subject in the quote's
sentences, and for a quote-only sentence a bare reporting sentence just
before or after it ("Doe said on Tuesday."). The result is a head token (or a
``Mention``); ``speaker_actors`` turns it into an actor. A speaker is never
looked for across a paragraph break.
"""

from __future__ import annotations

import re
from typing import Any

from .doc import Mention, Quoted, QuoteDoc
from .lexicon import Lex

SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "xcomp", "advcl", "pcomp", "prep", "acl", "relcl")


def is_reporting(tok: Any, lex: Lex) -> bool:
    """A speech verb; naming verbs ("called it a betrayal") only in the tags that report."""
    if not tok.tag_.startswith("VB"):
        return False
    low = tok.lower_
    if low in lex.naming:
        return tok.tag_ in lex.naming_tags
    return low in lex.reporting


def _nominal(tok: Any) -> bool:
    """A noun, pronoun, number or entity with letters: something that can name a speaker."""
    if not any(ch.isalnum() for ch in tok.text):
        return False
    return tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or bool(tok.ent_type_)


def _subject(verb: Any) -> Any | None:
    """The subject of a reporting verb, climbing through conjoined and subordinate verbs."""
    v = verb
    for _ in range(5):
        for a in (c for c in v.children if c.dep_ == "agent"):
            objs = [c for c in a.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
        subj = [c for c in v.children if c.dep_ in SUBJ and _nominal(c) and _same_para(c, v)]
        if subj:
            s = min(subj, key=lambda c: abs(c.i - v.i))
            if s.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                return v.head
            return s
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "a statement saying ...", "Doe, speaking to reporters"
        if v.dep_ not in _CLIMB or v.head is v:
            return None
        v = v.head
    return None


def _same_para(a: Any, b: Any) -> bool:
    """No paragraph break between two tokens (a parse across one is wrong)."""
    return "\n" not in a.doc[min(a.i, b.i) : max(a.i, b.i)].text


def _loose_subject(verb: Any, d: QuoteDoc) -> Any | None:
    """A speaker the parse failed to attach as subject, tried from the most to the least sure."""
    for find in (_name_under, _after_quote, _adjacent_name, _after_participle):
        tok = find(verb, d)
        if tok is not None:
            return tok
    return None


def _name_under(verb: Any, d: QuoteDoc) -> Any | None:
    """ "In a panel, Marc Doe ... told": a name before the verb that hangs off it."""
    sent = d.sent(verb.i)
    for tok in reversed(list(d.doc[sent.start : verb.i])):
        if d.inside[tok.i] or not (
            tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.lower_ in ("he", "she", "they")
        ):
            continue
        if _hangs_off(tok, verb):
            return tok
    return None


def _hangs_off(tok: Any, verb: Any) -> bool:
    """Does the head chain above ``tok`` reach ``verb`` before any other verb?"""
    h = tok
    for _ in range(8):
        if h.head is h:
            return False
        h = h.head
        if h.i == verb.i:
            return True
        if h.pos_ in ("VERB", "AUX"):
            return False
    return False


def _after_participle(verb: Any, d: QuoteDoc) -> Any | None:
    """ "Bemoaning the 'system', Doe accused ...": the subject right after a participle clause."""
    if verb.tag_ not in ("VBG", "VBN"):
        return None
    sent = d.sent(verb.i)
    for tok in d.doc[verb.right_edge.i + 1 : sent.end]:
        if tok.dep_ in SUBJ and _nominal(tok) and not d.inside[tok.i]:
            return tok
    return None


def _after_quote(verb: Any, d: QuoteDoc) -> Any | None:
    """ "'...,' Doe, a top adviser, said": the phrase opening right after the closing mark."""
    sent = d.sent(verb.i)
    closes = [
        s.close_mark
        for s in d.spans
        if s.close_mark is not None and sent.start_char <= s.close_mark < verb.idx
    ]
    if not closes:
        return None
    for tok in d.doc[d.token_at(max(closes)).i + 1 : verb.i]:
        if tok.is_punct or tok.is_space or tok.pos_ == "DET":
            continue
        if tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in ("he", "she", "they", "we"):
            return np_head(tok)
        return None
    return None


def _adjacent_name(verb: Any, d: QuoteDoc) -> Any | None:
    """ "..., Tulsa police Chief Jordan said" / "said Jordan": the name touching the verb."""
    doc = d.doc
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ in ("ADV", "AUX", "PART") and doc[k].lower_ != "not":
        k -= 1
    for i in (k, verb.i + 1):
        if not 0 <= i < len(doc) or d.inside[i] or d.para[i] != d.para[verb.i]:
            continue
        tok = doc[i]
        if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            continue
        if tok.pos_ == "PROPN" or (i < verb.i and tok.lower_ in ("he", "she", "they")):
            return np_head(tok)
    return None


def _prefer_name(head: Any) -> Any:
    """ "the envoy, Staffan Doe, said": the apposed name is the better mention."""
    if head.pos_ == "NOUN":
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG"):
                return c
    return head


def _speaker_head(verb: Any, d: QuoteDoc) -> Any | None:
    """Who the reporting verb says spoke: its subject, else a loosely attached name; never quoted words."""
    subj = _subject(verb)
    if subj is None or d.inside[subj.i] or subj.lower_ in ("what", "which", "there"):
        subj = _loose_subject(verb, d)
    if subj is None or d.inside[subj.i]:
        return None
    return _prefer_name(subj)


def _roots(q: Quoted, d: QuoteDoc) -> list[Any]:
    """Quoted tokens whose head lies outside the quote: where the quote attaches to its sentence."""
    qs = set(q.toks)
    return [d.doc[i] for i in q.toks if d.doc[i].head.i not in qs or d.doc[i].head.i == i]


def _chain(tok: Any, q: Quoted, d: QuoteDoc) -> list[Any]:
    """Head chain above a token, within the quote's paragraph."""
    out = []
    h = tok
    for _ in range(12):
        if h.head is h or d.para[h.head.i] != q.para:
            break
        h = h.head
        out.append(h)
    return out


def _governing_verb(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """The nearest reporting verb above the quote in the parse (the quote is its complement)."""
    best: tuple[int, Any] | None = None
    qs = set(q.toks)
    for root in _roots(q, d):
        for steps, h in enumerate(_chain(root, q, d)):
            if h.i not in qs and not d.inside[h.i] and is_reporting(h, lex):
                if best is None or steps < best[0]:
                    best = (steps, h)
                break
    return best[1] if best else None


def _dist(tok: Any, q: Quoted) -> int:
    """Token distance from the quote, to prefer the nearest of several verbs."""
    return min(abs(tok.i - q.toks.start), abs(tok.i - q.toks.stop))


def _hanging_verb(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """A reporting verb attached under the quote ("...," the minister said, as a parataxis)."""
    qs = set(q.toks)
    hits = []
    for sent in q.sentences(d):
        for tok in sent:
            if (
                d.para[tok.i] == q.para
                and not d.inside[tok.i]
                and is_reporting(tok, lex)
                and any(h.i in qs for h in _chain(tok, q, d))
            ):
                hits.append((_dist(tok, q), tok))
    return min(hits, key=lambda x: x[0])[1] if hits else None


def _nearest_verb(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """Any reporting verb with a subject in the quote's sentences, nearest first."""
    hits = []
    for sent in q.sentences(d):
        for tok in sent:
            if (
                d.para[tok.i] == q.para
                and not d.inside[tok.i]
                and is_reporting(tok, lex)
                and _speaker_head(tok, d) is not None
            ):
                hits.append((_dist(tok, q), tok))
    return min(hits, key=lambda x: x[0])[1] if hits else None


def _reaches(q: Quoted, target: Any, d: QuoteDoc) -> bool:
    """The quote hangs off ``target`` with no noun in between ("amid speculation that ...")."""
    qs = set(q.toks)
    for root in _roots(q, d):
        for h in _chain(root, q, d):
            if h.i == target.i:
                return True
            if h.i not in qs and h.pos_ in ("NOUN", "PROPN"):
                break
    return False


def _according(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """The object of "according to X" (and the other source prepositions) over the quote."""
    for sent in q.sentences(d):
        toks = list(sent)
        for k, tok in enumerate(toks):
            if d.inside[tok.i]:
                continue
            for words in lex.prepositions:
                obj = _source_object(toks, k, words, d)
                if obj is not None and (
                    tok.head is tok or _reaches(q, tok.head, d) or q.starts_sentence(d) and q.ends_sentence(d)
                ):
                    return obj
    return None


def _source_object(toks: list[Any], k: int, words: tuple[str, ...], d: QuoteDoc) -> Any | None:
    """The unquoted object of the source preposition ``words`` if it starts at ``toks[k]``."""
    if [t.lower_ for t in toks[k : k + len(words)]] != list(words):
        return None
    last = toks[k + len(words) - 1]
    objs = [c for c in last.children if c.dep_ == "pobj"]
    if not objs and k + len(words) < len(toks):  # the parser left the object unattached
        nxt = toks[k + len(words)]
        objs = [nxt.head if nxt.dep_ == "compound" else nxt] if _nominal(nxt) else []
    if not objs or d.inside[objs[0].i]:
        return None
    return objs[0]


def np_head(tok: Any) -> Any:
    """The head of a name ("Chief" -> "Jordan" in "Chief Jordan"), climbing compounds rightwards."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _colon_head(q: Quoted, d: QuoteDoc) -> Any | None:
    """ "X: '...'": a noun phrase right before a colon that introduces the quote."""
    body = d.body
    i = q.span.open_mark - 1
    while i >= 0 and body[i] in " \t":
        i -= 1
    if i < 0 or body[i] != ":":
        return None
    colon = d.token_at(i)
    if colon.i == 0:
        return None
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
        head = _speaker_head(tok, d)
        if head is not None:
            return head
    if colon and sent.root.pos_ in ("PROPN", "NOUN"):
        return sent.root
    return None


def local_speaker(q: Quoted, d: QuoteDoc, lex: Lex) -> Mention | Any | None:
    """The speaker named in the quote's own sentence(s): a head token, a mention, or None."""
    if not len(q.toks):
        return None
    label = _transcript_label(q, d)
    if label is not None:
        return label
    verb = _governing_verb(q, d, lex)
    head = _speaker_head(verb, d) if verb is not None else None
    if head is None:
        hanging = _hanging_verb(q, d, lex)
        head = _speaker_head(hanging, d) if hanging is not None else None
    head = head or _according(q, d, lex) or _colon_head(q, d) or _dash_byline(q, d)
    if head is None and verb is None:
        near = _nearest_verb(q, d, lex)
        head = _speaker_head(near, d) if near is not None else None
    return head


def governed(q: Quoted, d: QuoteDoc, lex: Lex) -> bool:
    """Is the quote tied to a speech act in its own sentence (not just near a speaker)?"""
    return any(
        f() is not None
        for f in (
            lambda: _governing_verb(q, d, lex),
            lambda: _hanging_verb(q, d, lex),
            lambda: _colon_head(q, d),
            lambda: _dash_byline(q, d),
        )
    )


def neighbour_speaker(q: Quoted, d: QuoteDoc, lex: Lex) -> Any | None:
    """A quote-only sentence: the speaker named by a bare reporting sentence next to it."""
    if q.starts_sentence(d) and q.first > 0:
        head = _bare_reporting(d.sents[q.first - 1], d, lex)
        if head is not None:
            return head
    if q.ends_sentence(d) and q.last + 1 < len(d.sents):
        nxt = d.sents[q.last + 1]
        if not nxt.text.rstrip().endswith(":"):
            return _bare_reporting(nxt, d, lex)
    return None
