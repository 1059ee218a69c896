"""Dependency helpers shared by the extractors: cue matching, clause bounds, modality.

Cue lexicons list lemmas or short lemma phrases ("put off", "take part"); a
verb matches a phrase when its particles, prepositions or objects complete it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from typing import Any

from ..lexicon import load as load_lexicon

_QUOTE_PAIRS = [("\u201c", "\u201d"), ('"', '"')]
_CLAUSE_DEPS = {"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj", "nsubj", "nsubjpass"}
_WORDS = load_lexicon("clauses")
_FUTURE_AUX = frozenset(_WORDS["future_aux"])
_FUTURE_HEADS = frozenset(_WORDS["future_heads"])
_NUMBERS: dict[str, int] = load_lexicon("numbers")["cardinals"]
_ARTICLE_COUNTS: dict[str, int] = load_lexicon("numbers")["articles"]


@functools.cache
def meeting_nouns() -> frozenset[str]:
    """Nouns that name a meeting ("talks", "summit", "round"): what is held, never who holds it."""
    return frozenset(load_lexicon("meetings")["heads"])



def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside double quotation marks (curly or straight pairs)."""
    spans = []
    for open_, close in _QUOTE_PAIRS:
        pattern = re.escape(open_) + r"([^" + re.escape(close) + r"]{1,3000})" + re.escape(close)
        spans += [(m.start(1), m.end(1)) for m in re.finditer(pattern, text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):  # curly quotes inside straight ones: one span
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``pos`` falls in one of the sorted, non-nested spans."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def phrases(tok: Any) -> Iterator[str]:
    """The lemma phrases a token can start: 'postpone', 'put off', 'take part', 'set for'."""
    lemma = tok.lemma_.lower()
    yield lemma
    yield tok.lower_
    for c in tok.children:
        if c.dep_ in ("prt", "prep", "dobj", "acomp", "advmod", "xcomp", "attr", "dative"):
            yield f"{lemma} {c.lemma_.lower()}"
            yield f"{lemma} {c.lower_}"
            for cc in c.children:
                if cc.dep_ in ("prep", "pobj", "dobj", "det") or cc.i == c.i + 1:
                    yield f"{lemma} {c.lemma_.lower()} {cc.lemma_.lower()}"


def match(tok: Any, cue_map: dict[str, list[str]]) -> str | None:
    """The class whose cue the token's longest phrase matches, if any."""
    index = _cue_index(id(cue_map), cue_map)
    if tok.lemma_.lower() not in index.first and tok.lower_ not in index.first:
        return None  # most tokens start no cue: skip building their phrases
    best: tuple[int, str] | None = None
    for phrase in phrases(tok):
        label = index.phrases.get(phrase)
        if label is not None and (best is None or len(phrase) > best[0]):
            best = (len(phrase), label)
    return best[1] if best else None


class _CueIndex:
    """Cue phrases by text, and the words they can start with."""

    def __init__(self, cue_map: dict[str, list[str]]) -> None:
        self.phrases: dict[str, str] = {}
        for label, cues in cue_map.items():
            for cue in cues:
                self.phrases.setdefault(cue, label)
        self.first = {cue.split()[0] for cue in self.phrases}


_INDEXES: dict[int, tuple[dict[str, list[str]], _CueIndex]] = {}


def _cue_index(key: int, cue_map: dict[str, list[str]]) -> _CueIndex:
    """Built once per lexicon (lexicons are loaded once per process and never change)."""
    found = _INDEXES.get(key)
    if found is None or found[0] is not cue_map:
        found = _INDEXES[key] = (cue_map, _CueIndex(cue_map))
    return found[1]


def governing_verbs(head: Any) -> list[Any]:
    """The verbs whose status statement covers a noun: its own verb and the clauses sharing it."""
    verbs: list[Any] = [c for c in head.children if c.dep_ in ("acl", "relcl")]
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # "held a second day of talks": the status is of the talks
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj"):
        verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "agent" else head.head
        if head.dep_ == "pobj":
            verb = head.head.head if head.head.dep_ == "prep" else verb
            if verb.dep_ == "prep" and verb.pos_ == "ADP" and verb.head.pos_ == "VERB":
                verb = verb.head  # "pulled out of the talks", "walked out of a session"

            if any(c.dep_ == "dobj" for c in verb.children):
                return verbs  # "deferred the question to the next round": the question was deferred
        verbs.append(verb)
        verbs += [
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "advcl", "conj", "acomp")
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ]
        # "Due to begin Monday, the talks ...": a prepositional clause sharing the subject
        verbs += [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lemma_.lower() in _FUTURE_HEADS
            for g in c.children
            if g.dep_ in ("pcomp", "xcomp")
        ] + [c for c in verb.children if c.dep_ == "prep" and c.lemma_.lower() in _FUTURE_HEADS]
        verbs += [
            g
            for v in list(verbs)
            for g in v.children
            if g.dep_ in ("xcomp", "conj")
            and g not in verbs
            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in g.children)
        ]
    return verbs


def status_cues(head: Any, cue_map: dict[str, list[str]]) -> list[tuple[Any, str]]:
    """(cue token, status) for each status cue governing a meeting noun, in text order."""
    found = [(v, match(v, cue_map)) for v in governing_verbs(head)]
    return sorted(((v, s) for v, s in found if s), key=lambda pair: pair[0].i)


def own_clause(tok: Any) -> tuple[int, int]:
    """Character bounds of a token's clause, stopping at subordinate clauses and subjects."""
    keep = [tok]
    stack = [c for c in tok.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack += [c for c in t.children if c.dep_ not in ("relcl", "ccomp", "advcl")]
    start = min(t.idx for t in keep)
    last = max(keep, key=lambda t: t.idx)
    return start, last.idx + len(last)


def clause_tokens(tok: Any) -> list[Any]:
    """The tokens of a token's clause (own_clause) less the relative clauses it spans: 'X was
    joined by Y, who met Z before the dinner.' tells nothing of X at the dinner."""
    start, end = own_clause(tok)
    span = tok.doc.char_span(start, end, alignment_mode="expand") or []
    above = {a.i for a in tok.ancestors} | {tok.i}
    inner = {t.i for r in span if r.dep_ == "relcl" and r.i not in above for t in r.subtree}
    return [t for t in span if t.i not in inner]


def negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "neg" for c in tok.head.children if tok.dep_ in ("xcomp",)
    )


def future(tok: Any) -> bool:
    """Future or intended: 'will be held', 'expected to begin', 'due to start'."""
    for t in (tok, tok.head):
        if any(c.lower_ in _FUTURE_AUX for c in t.children if c.dep_ in ("aux", "auxpass")):
            return True
        if t is not tok and tok.dep_ in ("xcomp", "pcomp") and t.lemma_.lower() in _FUTURE_HEADS:
            return True
    return False


def pluperfect(tok: Any) -> bool:
    """'had been set for': an earlier state, told as background."""
    return any(c.lower_ == "had" and c.dep_ == "aux" for c in tok.children)


def has_any(tok: Any, words: list[str]) -> bool:
    """True when one of the words (or phrases) is an adverbial of the token ('delayed twice')."""
    mods = [c for c in tok.children if c.dep_ in ("advmod", "npadvmod", "prep")]
    text = " ".join(t.lower_ for c in mods for t in c.subtree if t.dep_ != "punct")
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def number(word: str) -> int | None:
    """'two' -> 2, '21' -> 21."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def conjuncts(tok: Any) -> list[Any]:
    """A token and the tokens coordinated with it ('X, Y and Z')."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in [*t.children, *_misplaced(t)]:
            if c.dep_ in ("conj", "appos") and c not in out:
                out.append(c)
                stack.append(c)
    return out


def _misplaced(tok: Any) -> list[Any]:
    """A person the parser coordinated with the place of the item before ('A of Serbia, B of
    Croatia and C of Bosnia': C hangs on Croatia), which belongs to the list of people."""
    places = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    places = [g for g in places if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ != "PERSON"]
    return [k for g in places for k in g.children if k.dep_ == "conj" and k.ent_type_ == "PERSON"]


def count(word: str) -> int | None:
    """A count before a noun: a number (``number``) or an article ('a day' -> 1)."""
    return _ARTICLE_COUNTS.get(word.lower()) or number(word)


def phrase_end(tok: Any, stop_deps: set[str]) -> int:
    """Index of the last token of ``tok``'s phrase, stopping at the first right dependent in ``stop_deps``."""
    last = tok.i
    for child in tok.rights:
        if child.dep_ in stop_deps:
            break
        last = max(last, phrase_end(child, stop_deps))
    return last

