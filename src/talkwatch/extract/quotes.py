"""Direct quotations (words inside quote marks) and who said them.

Quote marks are paired per paragraph, as news is written: curly, straight and
guillemet double marks, and single marks told apart from apostrophes
("it's", "rebels' demands"). A paragraph that opens a quote and leaves it
open continues it when the next paragraph opens with a quote mark; an unpaired
mark is dropped and the paragraph re-paired, so one stray mark never hides the
other quotes.

Each contiguous quoted stretch is one ``Quote`` (``body[start:end] == text``);
the parts of a split quote ("...," X said, "...") and of a quotation running
over several paragraphs are separate ``Quote`` objects that share one speaker.

The speaker is read from the dependency parse: the subject of the nearest
reporting verb that governs the quote (or that hangs off the quote), "according
to X", "X: '...'", a reporting sentence just before or after a quote-only
sentence, else the speaker of the quotation just before. Pronouns and definite
descriptions ("the envoy") resolve to the last fitting actor; mentions the
actor index does not know get an actor of their own. Quotes of one or two words
with no speaker are scare quotes or labels and are dropped, and so are short
Title Case quotes (names of shows, books, slogans) that no speech verb of their
own sentence governs. Longer quotes whose speaker is not found are kept with
``speaker=None``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

from ..lexicon import load as load_lexicon
from ..model import ACTOR_TYPES, Evidence, Quote

NAME = "quotes.v1"
REQUIRES: set[str] = set()

_DOUBLE = {
    "\u201c": ("curly", "open"), "\u201d": ("curly", "close"), "\u201e": ("curly", "open"),
    "\u00ab": ("guillemet", "open"), "\u00bb": ("guillemet", "close"), '"': ("straight", None),
}
_SINGLE = {
    "\u2018": ("single", "open"), "\u2019": ("single", "close"), "'": ("single_straight", None),
}
_QUOTE_CHARS = "".join(_DOUBLE) + "".join(_SINGLE)
_OPEN_BEFORE = "([{\u2014\u2013-/:;" + _QUOTE_CHARS
_CLOSE_AFTER = ".,;:!?)]}\u2014\u2013-\u2026" + _QUOTE_CHARS
_ARTICLES = {"the", "a", "an"}
_DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our"}
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "xcomp", "advcl", "pcomp", "prep", "acl", "relcl")
_NP_PREPS = {"of", "for", "from", "at", "with", "to", "close"}
_POSS_RE = re.compile(r"[\u2019']s$")


# -- lexicon ----------------------------------------------------------------

@dataclass(frozen=True)
class _Lex:
    reporting: frozenset[str]
    naming: frozenset[str]
    naming_tags: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]
    pronouns: dict[str, frozenset[str]]
    nouns: dict[str, str]
    documents: frozenset[str]
    entity_types: dict[str, str]
    plural_type: str
    scare_max: int
    title_max: int
    title_small: frozenset[str]


def _forms(base: str, irregular: dict[str, list[str]]) -> set[str]:
    """Surface forms of a verb (the pipeline has no lemmatizer)."""
    out = {base, *irregular.get(base, [])}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        out |= {base + "es", base + "ed"}
    else:
        out |= {base + "s", base + ("d" if base.endswith("e") else "ed")}
    out.add((base[:-1] if base.endswith("e") and base != "be" else base) + "ing")
    return out


@functools.cache
def _lex() -> _Lex:
    raw = load_lexicon("quotes")
    irregular = raw.get("irregular") or {}
    reporting: set[str] = set()
    for verb in raw["reporting_verbs"]:
        reporting |= _forms(verb, irregular)
    naming: set[str] = set()
    for verb in raw["naming_verbs"]:
        naming |= _forms(verb, irregular)
    return _Lex(
        reporting=frozenset(reporting - naming), naming=frozenset(naming),
        naming_tags=frozenset(raw.get("naming_tags") or ()),
        prepositions=tuple(tuple(p.split()) for p in raw.get("source_prepositions") or ()),
        pronouns={k: frozenset(v) for k, v in (raw.get("pronouns") or {}).items()},
        nouns=dict(raw.get("speaker_nouns") or {}),
        documents=frozenset(raw.get("document_nouns") or ()),
        entity_types=dict(raw.get("entity_types") or {}),
        plural_type=raw.get("plural_type", "group"),
        scare_max=int(raw.get("scare_quote_max_words", 2)),
        title_max=int(raw.get("title_max_words", 6)),
        title_small=frozenset(raw.get("title_small_words") or ()),
    )


# -- quote marks ------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """Quoted words inside the marks; ``group`` ties the parts of one quotation."""

    start: int
    end: int
    group: int
    open_mark: int  # position of the opening mark
    close_mark: int | None  # position of the closing mark (None: runs to paragraph end)


@dataclass(frozen=True)
class _Mark:
    pos: int
    style: str
    role: str


def _role(body: str, i: int, fixed: str | None) -> str | None:
    """Open/close role of a mark from its neighbours (straight marks have no fixed role)."""
    prev = body[i - 1] if i > 0 else " "
    nxt = body[i + 1] if i + 1 < len(body) else " "
    opens = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER)
    if fixed == "open":
        return "close" if closes and not opens and prev not in _OPEN_BEFORE else "open"
    if fixed == "close":
        return "open" if opens and not closes else "close"
    if opens == closes:
        return None
    return "open" if opens else "close"


def _double_marks(body: str, start: int, end: int) -> list[_Mark]:
    out = []
    for i in range(start, end):
        spec = _DOUBLE.get(body[i])
        if spec:
            role = _role(body, i, spec[1])
            if role:
                out.append(_Mark(i, spec[0], role))
    return out


def _single_marks(body: str, start: int, end: int) -> list[_Mark]:
    """Single marks that can open or close a quote; apostrophes inside words are skipped."""
    out = []
    for i in range(start, end):
        spec = _SINGLE.get(body[i])
        if not spec:
            continue
        prev = body[i - 1] if i > 0 else " "
        nxt = body[i + 1] if i + 1 < len(body) else " "
        if (prev.isspace() or prev in _OPEN_BEFORE) and (nxt.isalnum() or nxt in _QUOTE_CHARS):
            if spec[1] != "close" and not re.match(r"\d\ds\b", body[i + 1:i + 4]):
                out.append(_Mark(i, "single", "open"))  # '90s is an elision
            elif spec[1] == "close":
                continue
        elif not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER):
            out.append(_Mark(i, "single", "close"))
    return out


def _pair_double(marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], _Mark | None]:
    """Pair marks with a small stack; different styles nest, a repeated opener restarts."""
    stack: list[_Mark] = []
    pairs = []
    for n, m in enumerate(marks):
        if m.role == "open":
            same = next((k for k, s in enumerate(stack) if s.style == m.style), None)
            if same is not None and not _nested_same(marks, n):
                del stack[same:]
            stack.append(m)
            continue
        idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].style == m.style), None)
        if idx is None and len(stack) == 1:  # “mixed marks" still pair
            idx = 0
        if idx is None:
            continue
        opener = stack[idx]
        del stack[idx:]
        if not stack:
            pairs.append((opener, m))
    return pairs, (stack[0] if stack else None)


def _nested_same(marks: list[_Mark], n: int) -> bool:
    """An opener inside an open quote of its own style nests when two closers follow it."""
    closers = 0
    for m in marks[n + 1:]:
        if m.style != marks[n].style:
            continue
        if m.role == "open":
            break
        closers += 1
    return closers >= 2


def _possessive(body: str, pos: int) -> bool:
    """A closing single mark that may be a plural possessive: "the rebels' demands"."""
    return body[pos - 1:pos] in ("s", "S") and bool(re.match(r"\s+\w", body[pos + 1:pos + 4]))


def _pair_single(body: str, marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], _Mark | None]:
    pairs = []
    opener: _Mark | None = None
    for k, m in enumerate(marks):
        if m.role == "open":
            opener = m
        elif opener is not None:
            later = next((x for x in marks[k + 1:]
                          if x.role == "open" or not _possessive(body, x.pos)), None)
            if _possessive(body, m.pos) and later is not None and later.role == "close":
                continue
            pairs.append((opener, m))
            opener = None
    return pairs, opener


def _paragraphs(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body) if m.group().strip()]


def _opens_with(body: str, para: tuple[int, int], chars: str) -> bool:
    text = body[para[0]:para[1]].lstrip()
    return bool(text) and text[0] in chars


def _scan(body: str, single: bool) -> list[Span]:
    """Quote spans of one mark family over the whole body."""
    paras = _paragraphs(body)
    chars = "\u2018'" if single else "\u201c\u201e\u00ab\""
    out: list[Span] = []
    group = -1
    carry = False  # the previous paragraph left its quotation open
    for n, (ps, pe) in enumerate(paras):
        marks = _single_marks(body, ps, pe) if single else _double_marks(body, ps, pe)
        while True:
            pairs, left = _pair_single(body, marks) if single else _pair_double(marks)
            cont = (left is not None and n + 1 < len(paras)
                    and _opens_with(body, paras[n + 1], chars))
            if left is None or cont:
                break
            marks = [m for m in marks if m is not left]  # a stray opener: drop it, pair again
        first = True
        for o, c in pairs:
            if not (carry and first and o.pos == _first_mark(body, ps)):
                group += 1
            first = False
            out.append(Span(o.pos + 1, c.pos, group, o.pos, c.pos))
        if cont and left is not None:
            if not (carry and not pairs and left.pos == _first_mark(body, ps)):
                group += 1
            out.append(Span(left.pos + 1, pe, group, left.pos, None))
        carry = bool(cont)
    return out


def _first_mark(body: str, ps: int) -> int:
    i = ps
    while i < len(body) and body[i].isspace():
        i += 1
    return i


def _trimmed(body: str, span: Span) -> Span | None:
    s, e = span.start, span.end
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    if not any(ch.isalnum() for ch in body[s:e]):
        return None
    return Span(s, e, span.group, span.open_mark, span.close_mark)


def find_spans(body: str) -> list[Span]:
    """Every quoted stretch of the body in text order; nested quotes stay inside their outer one."""
    doubles = [s for s in (_trimmed(body, x) for x in _scan(body, False)) if s]
    singles = [s for s in (_trimmed(body, x) for x in _scan(body, True)) if s]
    base = max((s.group for s in doubles), default=-1) + 1
    singles = [Span(s.start, s.end, s.group + base, s.open_mark, s.close_mark) for s in singles]
    kept = list(doubles)
    for s in singles:  # a single-quoted stretch that crosses or sits in a double one is not a quote
        if not any(d.open_mark <= _outer_end(s) and s.open_mark <= _outer_end(d)
                   for d in doubles):
            kept.append(s)
    kept.sort(key=lambda s: s.start)
    out: list[Span] = []
    for s in kept:
        if out and s.open_mark < _outer_end(out[-1]):
            continue
        out.append(s)
    return out


def _outer_end(s: Span) -> int:
    return s.close_mark if s.close_mark is not None else s.end



# -- document view ----------------------------------------------------------

@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    head: Any  # spaCy Token
    kind: str  # name | pronoun | description | document


class _Doc:
    """Token lookups for one parsed body: quotes, paragraphs, and sentences cut at paragraphs."""

    def __init__(self, doc: Any, spans: list[Span], body: str) -> None:
        self.doc = doc
        self.body = body
        self.spans = spans
        self.starts = [t.idx for t in doc]
        self.inside = [False] * len(doc)
        for s in spans:
            for i in self.tokens(s.start, s.end):
                self.inside[i] = True
        para_starts = [m.start() for m in re.finditer(r"[^\n]+", body)] or [0]
        self.para = [max(0, bisect.bisect_right(para_starts, t.idx) - 1) for t in doc]
        bounds: list[tuple[int, int]] = []
        for sent in doc.sents:  # spaCy sentences may run over a paragraph break
            a = sent.start
            for i in range(sent.start + 1, sent.end):
                if self.para[i] != self.para[i - 1] and not doc[i].is_space:
                    bounds.append((a, i))
                    a = i
            bounds.append((a, sent.end))
        self.sents = [doc[a:b] for a, b in bounds]
        self.sent_no = [0] * len(doc)
        for n, (a, b) in enumerate(bounds):
            for i in range(a, b):
                self.sent_no[i] = n

    def tokens(self, start: int, end: int) -> range:
        """Indices of the tokens that begin inside ``[start, end)``."""
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))

    def token_at(self, pos: int) -> Any:
        return self.doc[max(0, bisect.bisect_right(self.starts, pos) - 1)]

    def sent(self, i: int) -> Any:
        return self.sents[self.sent_no[i]]

    def in_quote(self, pos: int) -> bool:
        return any(s.start <= pos < s.end for s in self.spans)


@dataclass(frozen=True)
class _Q:
    """One quoted stretch with its tokens and sentence numbers."""

    span: Span
    toks: range
    para: int
    first: int  # sentence numbers
    last: int

    @classmethod
    def of(cls, span: Span, d: _Doc) -> _Q:
        toks = d.tokens(span.start, span.end)
        first = d.sent_no[d.token_at(span.open_mark).i]
        last = d.sent_no[d.token_at(max(span.open_mark, _outer_end(span) - 1)).i]
        return cls(span, toks, d.para[toks.start] if len(toks) else 0, first, last)

    def sentences(self, d: _Doc) -> list[Any]:
        return d.sents[self.first:self.last + 1]

    def starts_sentence(self, d: _Doc) -> bool:
        return all(t.is_punct or t.is_space or t.idx >= self.span.open_mark
                   for t in d.sents[self.first])

    def ends_sentence(self, d: _Doc) -> bool:
        end = _outer_end(self.span)
        return all(t.is_punct or t.is_space or t.idx < end for t in d.sents[self.last])


# -- speaker finding --------------------------------------------------------

def _is_reporting(tok: Any, lex: _Lex) -> bool:
    if not tok.tag_.startswith("VB"):
        return False
    low = tok.lower_
    if low in lex.naming:
        return tok.tag_ in lex.naming_tags
    return low in lex.reporting


def _nominal(tok: Any) -> bool:
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
        subj = [c for c in v.children if c.dep_ in _SUBJ and _nominal(c) and _same_para(c, v)]
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
    return "\n" not in a.doc[min(a.i, b.i):max(a.i, b.i)].text


def _loose_subject(verb: Any, d: _Doc) -> Any | None:
    """A speaker the parse failed to attach as subject.

    A name before the verb that hangs off it without another verb in between
    ("In a panel, Marc Doe ... told"), or the subject right after a participle
    clause ("Bemoaning the 'system', Doe accused ...").
    """
    sent = d.sent(verb.i)
    for tok in reversed(list(d.doc[sent.start:verb.i])):
        if d.inside[tok.i] or not (tok.ent_type_ in ("PERSON", "ORG", "NORP")
                                   or tok.lower_ in ("he", "she", "they")):
            continue
        h, ok = tok, False
        for _ in range(8):
            if h.head is h:
                break
            h = h.head
            if h.i == verb.i:
                ok = True
                break
            if h.pos_ in ("VERB", "AUX"):
                break
        if ok:
            return tok
    after = _after_quote(verb, d)
    if after is not None:
        return after
    near = _adjacent_name(verb, d)
    if near is not None:
        return near
    if verb.tag_ in ("VBG", "VBN"):
        for tok in d.doc[verb.right_edge.i + 1:sent.end]:
            if tok.dep_ in _SUBJ and _nominal(tok) and not d.inside[tok.i]:
                return tok
    return None


def _after_quote(verb: Any, d: _Doc) -> Any | None:
    """ "'...,' Doe, a top adviser, said": the phrase opening right after the closing mark."""
    sent = d.sent(verb.i)
    closes = [s.close_mark for s in d.spans
              if s.close_mark is not None and sent.start_char <= s.close_mark < verb.idx]
    if not closes:
        return None
    for tok in d.doc[d.token_at(max(closes)).i + 1:verb.i]:
        if tok.is_punct or tok.is_space or tok.pos_ == "DET":
            continue
        if tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in ("he", "she", "they", "we"):
            return _np_head(tok)
        return None
    return None


def _adjacent_name(verb: Any, d: _Doc) -> Any | None:
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
            return _np_head(tok)
    return None


def _prefer_name(head: Any) -> Any:
    """ "the envoy, Staffan Doe, said": the apposed name is the better mention."""
    if head.pos_ == "NOUN":
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG"):
                return c
    return head


def _speaker_head(verb: Any, d: _Doc) -> Any | None:
    subj = _subject(verb)
    if subj is None or d.inside[subj.i] or subj.lower_ in ("what", "which", "there"):
        subj = _loose_subject(verb, d)
    if subj is None or d.inside[subj.i]:
        return None
    return _prefer_name(subj)


def _roots(q: _Q, d: _Doc) -> list[Any]:
    qs = set(q.toks)
    return [d.doc[i] for i in q.toks if d.doc[i].head.i not in qs or d.doc[i].head.i == i]


def _chain(tok: Any, q: _Q, d: _Doc) -> list[Any]:
    """Head chain above a token, within the quote's paragraph."""
    out = []
    h = tok
    for _ in range(12):
        if h.head is h or d.para[h.head.i] != q.para:
            break
        h = h.head
        out.append(h)
    return out


def _governing_verb(q: _Q, d: _Doc, lex: _Lex) -> Any | None:
    """The nearest reporting verb above the quote in the parse (the quote is its complement)."""
    best: tuple[int, Any] | None = None
    qs = set(q.toks)
    for root in _roots(q, d):
        for steps, h in enumerate(_chain(root, q, d)):
            if h.i not in qs and not d.inside[h.i] and _is_reporting(h, lex):
                if best is None or steps < best[0]:
                    best = (steps, h)
                break
    return best[1] if best else None


def _dist(tok: Any, q: _Q) -> int:
    return min(abs(tok.i - q.toks.start), abs(tok.i - q.toks.stop))


def _hanging_verb(q: _Q, d: _Doc, lex: _Lex) -> Any | None:
    """A reporting verb attached under the quote ("...," the minister said, as a parataxis)."""
    qs = set(q.toks)
    hits = []
    for sent in q.sentences(d):
        for tok in sent:
            if d.para[tok.i] == q.para and not d.inside[tok.i] and _is_reporting(tok, lex) \
                    and any(h.i in qs for h in _chain(tok, q, d)):
                hits.append((_dist(tok, q), tok))
    return min(hits, key=lambda x: x[0])[1] if hits else None


def _nearest_verb(q: _Q, d: _Doc, lex: _Lex) -> Any | None:
    """Any reporting verb with a subject in the quote's sentences, nearest first."""
    hits = []
    for sent in q.sentences(d):
        for tok in sent:
            if d.para[tok.i] == q.para and not d.inside[tok.i] and _is_reporting(tok, lex) \
                    and _speaker_head(tok, d) is not None:
                hits.append((_dist(tok, q), tok))
    return min(hits, key=lambda x: x[0])[1] if hits else None


def _reaches(q: _Q, target: Any, d: _Doc) -> bool:
    """The quote hangs off ``target`` with no noun in between ("amid speculation that ...")."""
    qs = set(q.toks)
    for root in _roots(q, d):
        for h in _chain(root, q, d):
            if h.i == target.i:
                return True
            if h.i not in qs and h.pos_ in ("NOUN", "PROPN"):
                break
    return False


def _according(q: _Q, d: _Doc, lex: _Lex) -> Any | None:
    """The object of "according to X" (and the other source prepositions) over the quote."""
    for sent in q.sentences(d):
        toks = list(sent)
        for k, tok in enumerate(toks):
            if d.inside[tok.i]:
                continue
            for words in lex.prepositions:
                if [t.lower_ for t in toks[k:k + len(words)]] != list(words):
                    continue
                last = toks[k + len(words) - 1]
                objs = [c for c in last.children if c.dep_ == "pobj"]
                if not objs and k + len(words) < len(toks):
                    nxt = toks[k + len(words)]
                    objs = [nxt.head if nxt.dep_ == "compound" else nxt] if _nominal(nxt) else []
                if not objs or d.inside[objs[0].i]:
                    continue
                if tok.head is tok or _reaches(q, tok.head, d) or q.starts_sentence(d) \
                        and q.ends_sentence(d):
                    return objs[0]
    return None


def _np_head(tok: Any) -> Any:
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _colon_head(q: _Q, d: _Doc) -> Any | None:
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
    return _np_head(tok)


def _dash_byline(q: _Q, d: _Doc) -> Any | None:
    """ "'...' ― Jane Doe": a name after a dash that follows the closing mark."""
    if q.span.close_mark is None:
        return None
    m = re.match(r"[^\S\n]*[\u2015\u2014\u2013-]+[^\S\n]*(?=\w)", d.body[q.span.close_mark + 1:])
    if not m:
        return None
    tok = d.token_at(q.span.close_mark + 1 + m.end())
    if tok.pos_ != "PROPN" and not tok.ent_type_:
        return None
    while tok.i + 1 < len(d.doc) and tok.dep_ in ("compound", "flat") and tok.head.i > tok.i \
            and d.sent_no[tok.head.i] == d.sent_no[tok.i]:
        tok = tok.head
    return tok


_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,40}[A-Z.]):\s")


def _transcript_label(q: _Q, d: _Doc) -> _Mention | None:
    """ "'DOE: Well, look, ...'": a transcript line names its speaker in capitals."""
    m = _LABEL.match(d.body, q.span.start)
    if not m:
        return None
    return _Mention(m.start(1), m.end(1), d.token_at(m.start(1)), "name")


def _bare_reporting(sent: Any, d: _Doc, lex: _Lex) -> Any | None:
    """A sentence that reports but says nothing itself: "Doe said on Tuesday.", "Doe continued:"."""
    if any(d.inside[t.i] for t in sent):
        return None
    colon = sent.text.rstrip().endswith(":")
    for tok in sent:
        if not _is_reporting(tok, lex):
            continue
        if not colon and any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in tok.children):
            continue
        head = _speaker_head(tok, d)
        if head is not None:
            return head
    if colon and sent.root.pos_ in ("PROPN", "NOUN"):
        return sent.root
    return None


def _local_speaker(q: _Q, d: _Doc, lex: _Lex) -> _Mention | Any | None:
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


def _governed(q: _Q, d: _Doc, lex: _Lex) -> bool:
    """Is the quote tied to a speech act in its own sentence (not just near a speaker)?"""
    return any(f() is not None for f in (
        lambda: _governing_verb(q, d, lex), lambda: _hanging_verb(q, d, lex),
        lambda: _colon_head(q, d), lambda: _dash_byline(q, d)))


def _is_title(text: str, lex: _Lex) -> bool:
    """ "Fox and Friends", "The Art of the Deal": a short run of capitalised words is a name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    if not words or len(words) > lex.title_max:
        return False
    return all(w[0].isupper() or w.lower() in lex.title_small for w in words) \
        and words[0][0].isupper()


def _neighbour_speaker(q: _Q, d: _Doc, lex: _Lex) -> Any | None:
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


# -- mentions and actors ----------------------------------------------------

def _mention(doc: Any, head: Any, lex: _Lex) -> _Mention:
    """The span naming a speaker, from the head of its noun phrase."""
    if head.tag_ in ("PRP", "PRP$") or head.lower_ in lex.pronouns:
        return _Mention(head.idx, head.idx + len(head), head, "pronoun")
    if head.ent_type_ in lex.entity_types and head.ent_iob_ != "O":
        ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            toks = [t for t in ent if not (t.i == ent.start and t.lower_ in _ARTICLES)]
            if toks and toks[-1].tag_ == "POS":
                toks = toks[:-1]
            if toks:
                return _Mention(toks[0].idx, toks[-1].idx + len(toks[-1]), head, "name")
    left = [c for c in head.lefts if c.dep_ not in ("punct", "cc", "conj", "appos", "prep")]
    start = min([head.i] + [c.left_edge.i for c in left])
    end = head.i + 1
    if head.pos_ != "PROPN":
        for c in head.rights:  # "a source close to the government", "a spokesman for the army"
            if c.i == end and (c.dep_ in ("amod", "acl")
                               or c.dep_ == "prep" and c.lower_ in _NP_PREPS):
                end = c.right_edge.i + 1
            else:
                break
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    span = doc[start:end]
    if head.lower_ in lex.documents:
        kind = "document"
    elif head.pos_ == "PROPN":
        kind = "name"
    else:
        kind = "description"
    return _Mention(span.start_char, span.end_char, head, kind)


def _issuer(head: Any) -> Any | None:
    """The issuer of a statement: "the ministry's statement", "a statement from the ministry"."""
    for c in head.children:
        if c.dep_ == "poss" or c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _to_mention(found: _Mention | Any | None, d: _Doc, lex: _Lex) -> _Mention | None:
    if found is None or isinstance(found, _Mention):
        return found
    men = _mention(d.doc, found, lex)
    if men.kind == "document":
        issuer = _issuer(found)
        if issuer is not None:
            men = _mention(d.doc, issuer, lex)
    return men


def _clean_name(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return _POSS_RE.sub("", " ".join(words)).strip()


def _actor_type(head: Any, lex: _Lex) -> str:
    if head.ent_type_ in lex.entity_types:
        typ = lex.entity_types[head.ent_type_]
    else:
        low = head.lower_
        plural = head.tag_ in ("NNS", "NNPS")
        typ = lex.nouns.get(low) or (lex.nouns.get(low[:-1]) if plural else None)
        if typ is None:
            typ = "person" if head.pos_ == "PROPN" else lex.plural_type
        if plural and typ in ("person", "expert"):
            typ = lex.plural_type
    return typ if typ in ACTOR_TYPES else "group"


def _before(ctx: Any, pos: int, types: set[str] | None, d: _Doc, limit: int = 12) -> list[Any]:
    """Mentions before ``pos`` (most recent first), skipping those inside quotes."""
    out = []
    while len(out) < limit:
        m = ctx.actors.last_before(pos, types=types)
        if m is None:
            break
        if not d.in_quote(m.start):
            out.append(m)
        pos = m.start
    return out


def _by_pronoun(ctx: Any, men: _Mention, d: _Doc, lex: _Lex,
                speakers: list[tuple[int, str]]) -> str | None:
    """A pronoun's antecedent: the last speaker or subject of its type nearby, else the last one."""
    types = set(lex.pronouns.get(men.head.lower_, ())) or None
    cands = _before(ctx, men.start, types, d)
    if not cands:
        return None
    n = d.sent_no[men.head.i]
    window = d.sents[max(0, n - 1)].start_char
    recent = [m for m in cands if m.start >= window]
    for pos, actor_id in reversed(speakers):  # the speaker of the quote just before
        if pos >= window and any(m.actor == actor_id for m in recent):
            return actor_id
    for m in recent:
        if _np_head(d.token_at(m.start)).dep_ in _SUBJ:
            return m.actor
    return cands[0].actor


def _by_description(ctx: Any, men: _Mention, d: _Doc, lex: _Lex) -> str | None:
    """ "the envoy" -> the last actor with that title; "the newspaper" -> the last media actor."""
    words = [t.lower_ for t in d.doc[d.token_at(men.start).i:men.head.i + 1]]
    if not words or words[0] not in _DEFINITE:
        return None
    noun = men.head.lower_
    best: tuple[int, str] | None = None
    for actor in getattr(ctx.actors, "actors", []):
        labels = " ".join([actor.title or "", actor.name or ""]).lower().split()
        if noun not in labels:
            continue
        before = [s for s, _e in actor.mentions if s < men.start and not d.in_quote(s)]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), actor.id)
    if best:
        return best[1]
    typ = lex.nouns.get(noun)
    if typ in ("media", "government", "organization") and len(words) <= 3:
        cands = _before(ctx, men.start, {typ}, d, limit=1)
        if cands:
            return cands[0].actor
    return None


def _resolve(ctx: Any, men: _Mention, d: _Doc, lex: _Lex,
             speakers: list[tuple[int, str]]) -> str | None:
    """The actor id for a speaker mention, creating an actor for an unknown one."""
    if men.kind == "pronoun":
        return _by_pronoun(ctx, men, d, lex, speakers)
    actor = ctx.actors.at(men.start, men.end)
    if actor is not None:
        return actor.id
    if men.kind == "document":
        return None
    name = _clean_name(ctx.body[men.start:men.end])
    if men.kind == "description":
        found = _by_description(ctx, men, d, lex)
        if found:
            return found
    actor = ctx.actors.lookup(name) if name else None
    if actor is not None:
        return actor.id
    if not name:
        return None
    typ = _actor_type(men.head, lex)
    return ctx.actors.add(name=name, type=typ, start=men.start, end=men.end).id


# -- extractor --------------------------------------------------------------

def _evidence(q: _Q, d: _Doc, men: _Mention | None) -> Evidence:
    """The quote's sentences, with the speaker's sentence when it is adjacent."""
    a, b = q.first, q.last
    if men is not None:
        n = d.sent_no[men.head.i]
        if a - 1 <= n <= b + 1:
            a, b = min(a, n), max(b, n)
    s, e = d.sents[a].start_char, d.sents[b].end_char
    e = max(e, min(_outer_end(q.span) + 1, len(d.body)))
    s = min(s, q.span.open_mark)
    return Evidence.from_offsets(d.body, s, e)


def _inherit(k: int, qs: list[_Q], found: list[_Mention | None], d: _Doc) -> _Mention | None:
    """The speaker of the quotation this one continues: same group, or split by an attribution."""
    q = qs[k]
    same = [j for j in range(len(qs)) if j != k and qs[j].span.group == q.span.group]
    for j in sorted(same, key=lambda j: abs(j - k)):
        if found[j] is not None:
            return found[j]
    j = _previous(k, found)
    if j is None:
        return None
    prev, men = qs[j], found[j]
    gap_start = _outer_end(prev.span)
    if prev.para == q.para and gap_start <= men.start < q.span.open_mark:
        return men  # "'...,' Doe said. '...'"
    return None


def _continues(k: int, qs: list[_Q], found: list[_Mention | None]) -> _Mention | None:
    """A quote-only sentence right after a quoted sentence goes on with the same speaker."""
    j = _previous(k, found)
    if j is not None and qs[j].last in (qs[k].first, qs[k].first - 1):
        return found[j]
    return None


def _previous(k: int, found: list[_Mention | None]) -> int | None:
    """The last quote before ``k`` with a speaker (titles in between have none)."""
    return next((j for j in range(k - 1, -1, -1) if found[j] is not None), None)


def extract(ctx: Any) -> list[Quote]:
    """Direct quotes of the article with their speakers."""
    body = ctx.body
    if not body or not body.strip():
        return []
    spans = find_spans(body)
    if not spans:
        return []
    lex = _lex()
    d = _Doc(ctx.doc, spans, body)
    qs = [_Q.of(s, d) for s in spans]
    found = [_to_mention(_local_speaker(q, d, lex), d, lex) for q in qs]
    for k, q in enumerate(qs):
        if found[k] is None:
            found[k] = _inherit(k, qs, found, d)
        if found[k] is None:
            found[k] = _to_mention(_neighbour_speaker(q, d, lex), d, lex)
        if found[k] is None and q.starts_sentence(d):
            found[k] = _continues(k, qs, found)
    out: list[Quote] = []
    speakers: list[tuple[int, str]] = []
    resolved: dict[tuple[int, int], str | None] = {}
    for q, men in zip(qs, found, strict=True):
        span = q.span
        text = body[span.start:span.end]
        if men is None and len(text.split()) <= lex.scare_max:
            continue
        if _is_title(text, lex) and not _governed(q, d, lex):
            continue
        actor_id = None
        if men is not None:
            key = (men.start, men.end)
            if key not in resolved:
                resolved[key] = _resolve(ctx, men, d, lex, speakers)
            actor_id = resolved[key]
            if actor_id:
                speakers.append((span.start, actor_id))
        out.append(Quote(
            text=text, start=span.start, end=span.end, evidence=_evidence(q, d, men),
            speaker=actor_id, speaker_text=body[men.start:men.end] if men else None,
            speaker_start=men.start if men else None, speaker_end=men.end if men else None,
        ))
    return out
