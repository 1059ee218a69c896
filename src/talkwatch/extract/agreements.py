"""Agreements: ceasefires, truces, accords, deals, memoranda and roadmaps.

A mention is a head phrase of ``data/rules/en/agreements.yaml`` used as a noun
("ceasefire", "cessation of hostilities", "memorandum of understanding"; the
longest phrase gives the kind). Around it, through the dependency parse:
brokers ("brokered by X and Y", "X-brokered", "under the auspices of X",
"X mediated the truce"), parties ("signed by", "between X and Y", "X and Y
agreed to"), the start date (a date reached through "since", "took effect",
"signed on", "from", or modifying the head: "the December 30 truce") and the
status (the latest status phrase around the mention). Later mentions that
refer back ("the truce", "the deal") merge into the agreement in focus, unless
a different date, name or a marker such as "new" or "another" starts another.
Evidence is the sentence that introduces the agreement. "No ceasefire" gives
nothing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from .. import lexicon, nlp
from ..context import Context
from ..model import Agreement

NAME = "agreements.v1"
REQUIRES: set[str] = set()

_ENTITY_TYPES = {"GPE": "state", "ORG": "organization", "PERSON": "person", "NORP": "group"}
_MODIFIER_DEPS = {"compound", "nmod", "npadvmod", "amod", "nummod", "poss"}
_CONTEXT_DEPS = {"aux", "auxpass", "neg", "prt", "advmod", "acomp", "amod", "attr", "dobj"}


@dataclass
class _Found:
    agreement: Agreement
    family: str
    parties: list[str] = field(default_factory=list)
    brokers: list[str] = field(default_factory=list)
    strength: int = 0  # 2: the date it took effect, 1: the date it was signed or agreed


def extract(ctx: Context) -> list[Agreement]:
    lex = lexicon.load("agreements")
    found: list[_Found] = []
    mentions = _mentions(ctx.doc, lex)
    kinds = {head.i: kind for head, kind, _ in mentions}
    for head, kind, span in mentions:
        plural = head.tag_ == "NNS" and head.pos_ != "PROPN"
        if plural or any(c.lower_ == "no" for c in head.children):
            continue  # "no ceasefire"; "several truces" (no one agreement)
        if head.lower_ in lex["generic_heads"]:  # "an agreement for a ceasefire": one ceasefire
            inner = [o.i for p in head.children if p.dep_ == "prep" for o in p.children]
            kind = next((kinds[i] for i in inner if i in kinds), kind)
        words = _context(head, span)
        start, strength = _start(ctx, head, span, lex)
        mention = _Found(Agreement(kind=kind, evidence=ctx.evidence(head.sent),
                                   start=start, name=_name(ctx, head, span)),
                         lex["families"].get(kind, kind),
                         _parties(ctx, head, span, lex), _brokers(ctx, head, span, lex), strength)
        mention.agreement = _status(words, lex, mention.agreement)
        target = _antecedent(found, mention, head, span, lex)
        if target is None:
            found.append(mention)
        else:
            _absorb(target, mention)
    return [replace(f.agreement, parties=tuple(dict.fromkeys(f.parties)),
                    brokers=tuple(dict.fromkeys(f.brokers))) for f in found]


# -- mentions ---------------------------------------------------------------

@functools.cache
def _matcher(vocab: Any, phrases: tuple[str, ...]) -> Any:
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab, attr="LOWER")
    tokenizer = nlp.load().tokenizer
    for phrase in phrases:
        matcher.add(phrase, [tokenizer(phrase)])
    return matcher


def _mentions(doc: Any, lex: dict[str, Any]) -> list[tuple[Any, str, Any]]:
    """(head token, kind, matched span) for each noun use of a head phrase; longest match wins."""
    matcher = _matcher(doc.vocab, tuple(sorted(lex["kinds"])))
    spans = sorted((doc[s:e] for _, s, e in matcher(doc)), key=lambda sp: (-len(sp), sp.start))
    taken: list[Any] = []
    for span in spans:
        if any(span.start < t.end and t.start < span.end for t in taken):
            continue
        head = span.root
        if head.pos_ not in ("NOUN", "PROPN") or _in_agreement(head):
            continue
        taken.append(span)
    return [(sp.root, lex["kinds"][sp.text.lower()], sp)
            for sp in sorted(taken, key=lambda sp: sp.start)
            if sp.text.lower() in lex["kinds"]]


def _in_agreement(head: Any) -> bool:
    """'in agreement with', 'agreement that ...': a stance, not a document."""
    return head.lower_ == "agreement" and (head.head.lower_ == "in" or any(
        c.dep_ == "mark" or c.lower_ == "that" and c.dep_ != "det" for c in head.children))


def _context(head: Any, span: Any) -> list[Any]:
    """Tokens that may state the status: the phrase, its modifiers and two governors."""
    toks = set(head.subtree)
    node = head
    for _ in range(2):
        if node.head.i == node.i:
            break
        node = node.head
        toks.add(node)
        toks |= {c for c in node.children if c.dep_ in _CONTEXT_DEPS
                 or c.dep_ == "ccomp" and not any(g.dep_ == "nsubj" for g in c.children)}
        toks |= {g for c in node.children if c.dep_ == "prep" and c.i > head.i for g in c.subtree
                 if g.i - head.i < 6}
    return sorted(toks, key=lambda t: t.i)


def _name(ctx: Context, head: Any, span: Any) -> str | None:
    """'the Minsk agreement', 'the Good Friday Agreement': a place or a capitalised head."""
    lefts = [t for t in head.lefts if t.dep_ in ("compound", "nmod") and t.pos_ == "PROPN"
             and t.i < span.start]
    capital = head.text[:1].isupper() and head.i > head.sent.start and head.pos_ == "PROPN"
    if not lefts and not capital:
        return None
    start = min([t.left_edge.i for t in lefts] + [span.start])
    while ctx.doc[start].lower_ in ("the", "a", "an") or ctx.doc[start].is_punct:
        start += 1
    return ctx.doc[start:span.end].text


# -- attributes -------------------------------------------------------------

def _base(word: str, vocab: list[str]) -> str | None:
    cands = [word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e"]
    return next((c for c in cands if c in vocab), None)


def _fronted(tok: Any) -> tuple[list[Any], list[Any]]:
    """Split 'Under the auspices of X, Y and Z signed ...' (parsed as one list) into
    the list inside the fronted phrase and the subject after its comma."""
    chain = [tok, *tok.conjuncts]
    nxt = chain[-1].right_edge.i + 1
    after = tok.doc[nxt] if nxt < len(tok.doc) else None
    comma = next((t.i for t in tok.doc[tok.i:chain[-1].i] if t.text == ","), None)
    if after is None or after.pos_ != "VERB" or comma is None or not tok.is_ancestor(after) \
            and not after.is_ancestor(tok):
        return chain, []
    return [t for t in chain if t.i < comma], [t for t in chain if t.i > comma]


def _actors(ctx: Context, tok: Any, part: int = 0) -> list[str]:
    """Actor ids of a noun and its conjuncts ('Turkey and Russia'); a named entity
    the index missed becomes an actor, since the agreement names it as one.
    ``part`` 1 takes the subject split off a fronted phrase (see ``_fronted``)."""
    out = []
    for t in _fronted(tok)[part]:
        actor = ctx.actors.at(t.idx, t.idx + len(t))
        if actor is None and t.ent_type_ in _ENTITY_TYPES:
            ent = next(e for e in t.doc.ents if e.start <= t.i < e.end)
            typ = _ENTITY_TYPES[t.ent_type_]
            actor = ctx.actors.add(ent.text, typ, ent.start_char, ent.end_char)
        if actor is not None:
            out.append(actor.id)
    return out


def _agents(tok: Any) -> list[Any]:
    return [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def _subjects(tok: Any) -> list[Any]:
    while tok.dep_ in ("conj", "xcomp") and not any(c.dep_ == "nsubj" for c in tok.children):
        tok = tok.head
    return [c for c in tok.children if c.dep_ == "nsubj"]


def _verbs_around(head: Any, span: Any) -> list[Any]:
    """Verbs that take the mention as argument or modify it (acl/relcl, also when
    the parser attached a later "..., that was brokered by X" elsewhere)."""
    out = [c for t in span for c in t.children if c.pos_ in ("VERB", "AUX")
           and c.dep_ in ("acl", "relcl") and c.i >= span.end]
    sent = head.sent
    for t in sent.doc[span.end:min(span.end + 14, sent.end)]:
        if t.lower_ in ("that", "which") and t.tag_ == "WDT" and t.dep_ in ("nsubj", "nsubjpass") \
                and t.head.dep_ not in ("relcl", "acl") and _nearest_noun(t) == head.i:
            out.append(t.head)
    out += [c for v in list(out) for c in v.conjuncts]
    node = head
    while node.dep_ in ("pobj", "prep", "compound", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") or node.i != head.i:
        out.append(node.head)
    return out


def _nearest_noun(rel: Any) -> int | None:
    """The closest preceding noun that is not part of a date or a place phrase."""
    for t in reversed(rel.sent.doc[rel.sent.start:rel.i]):
        if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ and t.head.lower_ not in ("in", "since"):
            return t.i
    return None


def _brokers(ctx: Context, head: Any, span: Any, lex: dict[str, Any]) -> list[str]:
    out: list[str] = []
    verbs = lex["broker_verbs"]
    for verb in _verbs_around(head, span):
        if _base(verb.lower_, verbs):
            out += [a for o in _agents(verb) for a in _actors(ctx, o)]
            if head.dep_ == "dobj" and verb.i == head.head.i:
                out += [a for s in _subjects(verb) for a in _actors(ctx, s)]
    for tok in head.lefts:  # "the Russia-brokered truce", "a Qatar-mediated deal"
        for t in tok.subtree:
            if _base(t.lower_, verbs) and t.i >= 2 and ctx.doc[t.i - 1].text == "-":
                prev = ctx.doc[t.i - 2]
                actor = ctx.actors.at(prev.idx, prev.idx + len(prev))
                out += [actor.id] if actor else []
    for tok in head.sent:  # "under the auspices of X"
        if tok.lower_ in lex["broker_nouns"] and tok.head.i in (head.i, head.head.i) or (
                tok.lower_ in lex["broker_nouns"] and tok.head.head.i in (head.i, head.head.i)):
            out += [a for p in tok.children if p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for a in _actors(ctx, o)]
    return out


def _parties(ctx: Context, head: Any, span: Any, lex: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for verb in _verbs_around(head, span):
        if _base(verb.lower_, lex["party_verbs"]):
            out += [a for o in _agents(verb) for a in _actors(ctx, o)]
            via_prep = head.head.dep_ == "prep" and head.head.head.i == verb.i
            governs = verb.i == head.head.i or via_prep
            if governs:  # "X and Y signed a truce", "X and Y agreed to a truce"
                out += [a for s in _subjects(verb) for a in _actors(ctx, s)]
                fronted = [o for p in verb.children if p.dep_ == "prep" and p.i < verb.i
                           for o in p.subtree if o.dep_ == "pobj"]
                out += [a for o in fronted for a in _actors(ctx, o, part=1)]
    for node in (head, head.head):
        for prep in node.children:
            if prep.lower_ == "between":
                out += [a for o in prep.children if o.dep_ == "pobj" for a in _actors(ctx, o)]
    return out


def _start(ctx: Context, head: Any, span: Any, lex: dict[str, Any]) -> tuple[str | None, int]:
    """The date that starts the agreement and how sure that is (2: took effect / in
    place since / of DATE, 1: signed, agreed, brokered on). A date counts when it
    modifies the head ("the December 30 truce", "the truce of May 2") or when its
    path to the mention passes a start cue."""
    sent, cues, verbs = head.sent, set(lex["start_cues"]), _verbs_around(head, span)
    best: tuple[str | None, int] = (None, 0)
    for date in ctx.dates_in(sent.start_char, sent.end_char):
        span_ = ctx.doc.char_span(date.start, date.end, alignment_mode="expand")
        if not date.value or span_ is None:
            continue
        tok = span_.root
        strength = 0
        if tok.head.i == head.i and tok.dep_ in _MODIFIER_DEPS \
                or tok.head.lower_ == "of" and tok.head.head.i == head.i:
            strength = 2
        path: set[str] = set()
        for anc in tok.ancestors if not strength else ():
            path.add(anc.lower_)
            if anc.i == head.i or anc in verbs:
                if path & cues:
                    strength = 2 if path & set(lex["effect_cues"]) else 1
                break
            if span.start <= anc.i < span.end:
                break
        if strength > best[1]:
            best = (date.value, strength)
    return best


def _status(words: list[Any], lex: dict[str, Any], agreement: Agreement) -> Agreement:
    """The strongest status phrase around the mention (order of ``status`` in the lexicon)."""
    text = " ".join(t.lower_ for t in words)
    for status, patterns in lex["status"].items():
        if any(re.search(pattern, text) for pattern in patterns):
            return replace(agreement, status=status)
    return agreement


# -- coreference ------------------------------------------------------------

def _antecedent(found: list[_Found], mention: _Found, head: Any, span: Any,
                lex: dict[str, Any]) -> _Found | None:
    """The earlier agreement this mention refers to, or None for a new one."""
    if not found or any(t.lower_ in lex["new_markers"] for t in head.subtree if t.i < head.i):
        return None
    new = mention.agreement
    generic = head.lower_ in lex["generic_heads"] and span.text.lower() == head.lower_
    demonstrative = generic and any(c.lower_ in ("this", "that") for c in head.children)
    for old in reversed(found):
        a = old.agreement
        same_kind = old.family == mention.family
        if new.name and (a.name or not same_kind) and (a.name or "").lower() != new.name.lower():
            continue  # "the Minsk agreement" is not the ceasefire called for earlier
        if demonstrative:
            return old
        if new.start and a.start and new.start != a.start \
                and not (mention.strength > old.strength and not new.name):
            continue  # another date, another agreement (unless it tells when this one took effect)
        if new.start and new.kind != a.kind or generic and new.start:
            continue  # a dated mention joins only the same kind ("the ceasefire of May 20")
        if same_kind or generic:
            return old
    return None


def _absorb(target: _Found, mention: _Found) -> None:
    a, b = target.agreement, mention.agreement
    target.parties += mention.parties
    target.brokers += mention.brokers
    status = b.status if b.status is not None else a.status
    start = a.start
    if b.start and (not a.start or mention.strength > target.strength):
        start, target.strength = b.start, mention.strength
    target.agreement = replace(a, start=start, name=a.name or b.name, status=status)
