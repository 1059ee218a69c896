"""Agreements: ceasefires, truces, accords, deals, memoranda and roadmaps.

A mention is a head phrase of ``data/rules/en/agreements.yaml`` used as a noun
("ceasefire", "cessation of hostilities", "memorandum of understanding"; the
longest phrase gives the kind; "a cessation of hostilities agreement" is one
ceasefire), or a document that is signed ("signed a joint statement"). Around
it, through the dependency parse: brokers ("brokered by X and Y",
"X-brokered", "under the auspices of X", "X mediated the truce"), parties
("signed by", "between X and Y", "X and Y agreed to"), the start date (a date
reached through "since", "took effect", "signed on", "from", or modifying the
head: "the December 30 truce") and the status (the latest status phrase around
the mention).

Only agreements that exist are kept: a mention is hypothetical when it is
asked for, hoped for, proposed or still to be made ("calls for a ceasefire",
"efforts to broker a treaty", "a deal could be reached", "ready for a truce",
"a proposed truce"), and an agreement all of whose mentions are hypothetical
is dropped. "No ceasefire", "any deal", "every truce" and "without agreement"
are not mentions. Coreference: a definite mention ("the truce", "the deal")
joins the agreement mentioned last that fits (sharing a modifier first),
"this memorandum" the last agreement of any kind, and an indefinite one ("a
truce") starts another unless kind and date agree; a different date, name or
a marker such as "another" also starts another. Evidence is the sentence that
introduces the agreement.
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
_CLIMB_DEPS = {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "pcomp"}
_LIGHT_OBJECTS = {"effect", "hold", "shape", "place"}  # "took effect": the verb tells the status
_REAL_STATUSES = {"in_force", "collapsed", "violated", "expired", "extended", "signed"}


@dataclass
class _Found:
    agreement: Agreement
    family: str
    parties: list[str] = field(default_factory=list)
    brokers: list[str] = field(default_factory=list)
    strength: int = 0  # 2: the date it took effect, 1: the date it was signed or agreed
    last: int = 0  # token index of the latest mention (recency for coreference)
    words: set[str] = field(default_factory=set)  # modifier lemmas of its mentions
    real: bool = False  # some mention says it exists (signed, in force, dated, ...)
    hypothetical: bool = False  # some mention only asks for, hopes for or proposes it
    old: bool = False  # introduced as "the previous truce", "an earlier deal"


def extract(ctx: Context) -> list[Agreement]:
    lex = lexicon.load("agreements")
    found: list[_Found] = []
    mentions = _mentions(ctx, lex)
    heads = {head.i for head, _, _ in mentions}
    for head, kind, span in mentions:
        if _not_one_agreement(ctx, head, span, heads, lex):
            continue
        start, strength = _start(ctx, head, span, heads, lex)
        mention = _Found(Agreement(kind=kind, evidence=ctx.evidence(head.sent),
                                   start=start, name=_name(ctx, head, span)),
                         lex["families"].get(kind, kind),
                         _parties(ctx, head, span, lex), _brokers(ctx, head, span, lex), strength,
                         last=head.i, words=_modifiers(head, span, lex))
        mention.agreement = _status(_context(head, span), lex, mention.agreement)
        mood = _mood(head, span, kind, lex)
        mention.hypothetical = mood == "hypothetical"
        mention.real = mood == "real" or mood is None and (
            strength > 0 or mention.agreement.status in _REAL_STATUSES)
        mention.old = any(t.lower_ in lex["old_markers"] for t in head.lefts)
        target = _antecedent(found, mention, head, span, lex)
        if target is None:
            found.append(mention)
        else:
            _absorb(target, mention)
    return [replace(f.agreement, parties=tuple(dict.fromkeys(f.parties)),
                    brokers=tuple(dict.fromkeys(f.brokers)))
            for f in found if f.real or not f.hypothetical]


# -- mentions ---------------------------------------------------------------

@functools.cache
def _matcher(vocab: Any, phrases: tuple[str, ...]) -> Any:
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(vocab, attr="LOWER")
    tokenizer = nlp.load().tokenizer
    for phrase in phrases:
        matcher.add(phrase, [tokenizer(phrase)])
    return matcher


def _mentions(ctx: Context, lex: dict[str, Any]) -> list[tuple[Any, str, Any]]:
    """(head token, kind, span) for each noun use of a head phrase (longest match wins;
    'a cessation of hostilities agreement' is one ceasefire) and each signed document."""
    doc = ctx.doc
    matcher = _matcher(doc.vocab, tuple(sorted(lex["kinds"])))
    spans = sorted((doc[s:e] for _, s, e in matcher(doc)), key=lambda sp: (-len(sp), sp.start))
    taken: list[Any] = []
    for span in spans:
        if not any(span.start < t.end and t.start < span.end for t in taken):
            taken.append(span)
    taken.sort(key=lambda sp: sp.start)
    out: list[tuple[Any, str, Any]] = []
    inner: tuple[str, Any] | None = None
    for i, span in enumerate(taken):
        kind = lex["kinds"][span.text.lower()]
        nxt = taken[i + 1] if i + 1 < len(taken) else None
        if nxt is not None and nxt.start == span.end and nxt.text.lower() in lex["generic_heads"]:
            inner = (kind, span)  # "a cessation of hostilities agreement": one ceasefire
            continue
        head, nominal = span.root, span.root.pos_ in ("NOUN", "PROPN")
        if inner is not None and inner[1].end == span.start:  # a noun, whatever the tagger says
            span = doc[inner[1].start:span.end]
            kind, nominal = inner[0], True
            head = span.root if span.root.pos_ in ("NOUN", "PROPN") else span[-1]
        inner = None
        if nominal and not _in_agreement(head) and not _in_actor_name(ctx, span) \
                and not _modifies_noun(span):
            out.append((head, kind, span))
    out = _fold_generic(out, lex)
    for tok in doc:  # "signed a joint statement": a signed document is an accord
        if tok.lemma_.lower() in lex["signed_documents"] and tok.dep_ in ("dobj", "nsubjpass") \
                and tok.head.lemma_.lower() in lex["signing_verbs"] \
                and not any(sp.start <= tok.i < sp.end for _, _, sp in out):
            out.append((tok, lex["document_kind"], doc[tok.i:tok.i + 1]))
    return sorted(out, key=lambda m: m[0].i)


def _fold_generic(mentions: list[tuple[Any, str, Any]],
                  lex: dict[str, Any]) -> list[tuple[Any, str, Any]]:
    """'an agreement for a six-month ceasefire' is one ceasefire: the generic head takes
    the kind of the mention in its prepositional phrase, which is dropped."""
    by_head = {head.i: (head, kind, span) for head, kind, span in mentions}
    folded: set[int] = set()
    out = []
    for head, kind, span in mentions:
        if head.lower_ in lex["generic_heads"] and span.text.lower() == head.lower_:
            preps = [p for p in head.children if p.dep_ == "prep"]
            if head.dep_ == "dobj":  # "signed an agreement in Havana for a ceasefire"
                preps += [p for p in head.head.children if p.dep_ == "prep" and p.lower_ == "for"]
            inner = [o.i for p in preps for o in p.children
                     if o.i in by_head and o.i not in folded]
            if inner:
                kind = by_head[inner[0]][1]
                folded.add(inner[0])
        out.append((head, kind, span))
    return [m for m in out if m[0].i not in folded]


def _modifies_noun(span: Any) -> bool:
    """'a ceasefire monitoring body', 'truce talks': the phrase modifies the next noun
    (also when the tagger takes the gerund for a verb)."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or nxt.tag_ not in ("NN", "NNS", "VBG"):
        return False
    if nxt.tag_ == "VBG":
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        return after is not None and after.tag_ in ("NN", "NNS") and after.head.i == nxt.i
    return True


def _in_agreement(head: Any) -> bool:
    """'in agreement with', 'agreement that ...': a stance, not a document."""
    return head.lower_ == "agreement" and (head.head.lower_ == "in" or any(
        c.dep_ == "mark" or c.lower_ == "that" and c.dep_ != "det" for c in head.children))


def _in_actor_name(ctx: Context, span: Any) -> bool:
    """'the Government of National Accord': a capitalised head word inside a longer actor name."""
    return span.text[:1].isupper() and any(m.start < span.start_char or m.end > span.end_char
               for m in ctx.actors.mentions_in(span.sent.start_char, span.sent.end_char)
               if m.start <= span.start_char and span.end_char <= m.end)


def _not_one_agreement(ctx: Context, head: Any, span: Any, heads: set[int],
                       lex: dict[str, Any]) -> bool:
    """'no ceasefire', 'any deal', 'several truces', 'without agreement', 'ceasefire talks':
    mentions that name no one agreement."""
    if head.tag_ in ("NNS", "NNPS") and head.pos_ != "PROPN" and head.lower_ not in lex["kinds"]:
        return True
    if any(c.lower_ in lex["quantifiers"] and c.dep_ in ("det", "amod", "advmod")
           for c in head.children) or head.head.lower_ == "without":
        return True
    if head.dep_ == "compound" and head.head.i not in heads:  # "ceasefire talks", "a ceasefire
        return True  # monitoring body": a modifier of another noun
    return head.head.lower_ in ("signing", "sign") and head.head.head.lower_ == "without"


def _modifiers(head: Any, span: Any, lex: dict[str, Any]) -> set[str]:
    """Coreference clues: content modifiers ('comprehensive', 'maritime') and a specific
    head ('annex'; not 'deal' or 'agreement', which name any kind)."""
    words = {t.lemma_.lower() for t in head.lefts if t.dep_ in ("amod", "compound")
             and t.pos_ in ("ADJ", "NOUN") and not span.start <= t.i < span.end}
    return words if head.lower_ in lex["generic_heads"] else words | {head.lemma_.lower()}


def _mood(head: Any, span: Any, kind: str, lex: dict[str, Any]) -> str | None:
    """'hypothetical' when the mention is asked for, hoped for, proposed or yet to be made;
    'real' when a verb says it was made or holds; None when the mention says neither."""
    mods = lex["hypothetical_modifiers"]
    if any(t.lower_ in mods or t.lemma_.lower() in mods for t in head.lefts):
        return "hypothetical"
    node = head
    for _ in range(4):
        if node.dep_ not in _CLIMB_DEPS or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("ADP", "SCONJ") or node.dep_ == "prep":
            continue
        mood = _governor_mood(node, head, kind, lex)
        if mood is not None:
            return mood
        if node.pos_ in ("VERB", "AUX", "ADJ") or node.lower_ not in lex["kinds"]:
            break
    for verb in (c for c in head.children if c.dep_ in ("acl", "relcl")):
        if _creation_unmade(verb, lex):
            return "hypothetical"
        if _past(verb):
            return "real"
    return None


def _governor_mood(node: Any, head: Any, kind: str, lex: dict[str, Any]) -> str | None:
    lemma = node.lemma_.lower()
    if kind in lex["plan_kinds"] and lemma in lex["plan_verbs"]:
        return "real" if _past(node) or node.tag_ == "VBZ" else None  # "proposed a roadmap"
    if lemma in lex["hypothetical_governors"] or _creation_unmade(node, lex) \
            or _modal(node, lex) and lemma in lex["creation_verbs"] + lex["existence_verbs"]:
        return "hypothetical"  # "a truce would be in place", not "the truce could collapse"
    indefinite = any(c.lower_ in ("a", "an") for c in head.children)
    if indefinite and head.dep_ in ("dobj", "pobj") and any(c.dep_ == "neg" for c in node.children):
        return "hypothetical"  # "did not mention a truce"
    subject = head.dep_ in ("nsubj", "nsubjpass") and node.i == head.head.i
    if subject and any(c.dep_ == "acomp" and c.lemma_.lower() in lex["hypothetical_governors"]
                       for c in node.children):
        return "hypothetical"  # "a deal is possible"
    if subject and node.tag_ in ("VBZ", "VBP") and not _past(node) and indefinite:
        return "hypothetical"  # "a ceasefire is negotiated at the table": a generic truth
    return "real" if _past(node) and node.lemma_.lower() in lex["realizing_verbs"] else None


def _modal(verb: Any, lex: dict[str, Any]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in lex["hypothetical_modals"] for c in verb.children)


def _creation_unmade(verb: Any, lex: dict[str, Any]) -> bool:
    """'to sign a treaty', 'will reach a deal', 'did not sign', 'reaching an agreement is
    the goal': a verb of making an agreement that has not happened."""
    if verb.lemma_.lower() not in lex["creation_verbs"]:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    if verb.tag_ == "VB" or aux & {"not", "n't", "never", "will", "to", "be"}:
        return True
    if verb.tag_ != "VBG" or verb.dep_ in ("advcl", "conj", "acl"):
        return False
    return verb.dep_ != "pcomp" or verb.head.lower_ not in lex["past_preps"]


def _past(verb: Any) -> bool:
    """A finite past verb, or a past participle of a passive or perfect ('was signed',
    'signed in May', 'has held')."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return not aux and verb.dep_ in ("acl", "relcl", "conj", "advcl") \
        or any(a in ("was", "were", "has", "have", "had", "been") for a in aux)


def _context(head: Any, span: Any) -> list[Any]:
    """Tokens that may state the status: the phrase, its modifiers and two governors."""
    toks = set(head.subtree)
    node = head
    for _ in range(2):
        if node.head.i == node.i:
            break
        transitive = node.dep_ == "nsubj" and any(
            c.dep_ == "dobj" and c.lower_ not in _LIGHT_OBJECTS for c in node.head.children)
        node = node.head
        if transitive:  # "the deal ended the war": what it did, not what became of it
            break
        toks.add(node)
        toks |= {c for c in node.children if c.dep_ in _CONTEXT_DEPS
                 or c.dep_ == "ccomp" and not any(g.dep_ == "nsubj" for g in c.children)}
        toks |= {g for c in node.children if c.dep_ == "prep" and c.i > head.i for g in c.subtree
                 if g.i - head.i < 6}
        for verb in (c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            toks |= {verb} | {c for c in verb.children if c.dep_ in _CONTEXT_DEPS}  # "and was
            # extended"
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


def _start(ctx: Context, head: Any, span: Any, heads: set[int],
           lex: dict[str, Any]) -> tuple[str | None, int]:
    """The date that starts the agreement and how sure that is (2: took effect / in
    place since / of DATE, 1: signed, agreed, brokered on). A date counts when it
    modifies the head ("the December 30 truce", "the truce of May 2"), when its
    path to the mention passes a start cue (and no other mention), when it dates
    the event that ended with the agreement ("the round ended on May 2 with an
    accord") or the place where it was signed ("the summit in June, where they
    signed a statement")."""
    sent, verbs = head.sent, _verbs_around(head, span)
    best: tuple[str | None, int] = (None, 0)
    for date in ctx.dates_in(sent.start_char, sent.end_char):
        span_ = ctx.doc.char_span(date.start, date.end, alignment_mode="expand")
        if not date.value or span_ is None:
            continue
        tok = span_.root
        strength = 0
        inside = span.start <= tok.head.i < span.end  # "the 2008 ceasefire agreement"
        if (tok.head.i == head.i or inside) and tok.dep_ in _MODIFIER_DEPS \
                or tok.head.lower_ == "of" and tok.head.head.i == head.i:
            strength = 2
        elif tok.head.lower_ in ("on", "in") and tok.head.head.i == head.i:
            strength = 1  # "a ceasefire on September 20"
        elif _outcome_of(tok, head, lex) or _signed_at(tok, verbs, lex):
            strength = 1
        strength = strength or _path_strength(tok, head, span, verbs, heads, lex)
        if strength > best[1]:
            best = (date.value, strength)
    return best


def _path_strength(tok: Any, head: Any, span: Any, verbs: list[Any], heads: set[int],
                   lex: dict[str, Any]) -> int:
    """2 or 1 when the path from a date up to the mention passes a start cue, else 0."""
    strength = 0
    for anc in tok.ancestors:
        others = {c.i for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")} - {head.i}
        other_head = anc.i in heads or anc.pos_ == "NOUN" and anc.lemma_.lower() in lex["kinds"]
        if anc.i != head.i and (other_head or others & heads):
            return 0  # "truces announced since April, including a ceasefire brokered on May 2";
            # "the roadmap provides for a ceasefire to begin on the 14th"
        strength = max(strength, _cue(anc, lex))
        if anc.i == head.i or anc in verbs:
            return strength
        if span.start <= anc.i < span.end:
            return 0
    return 0


def _cue(tok: Any, lex: dict[str, Any]) -> int:
    """How strongly a word on a date's path marks the agreement's start."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    objects = {c.lower_ for c in tok.children if c.dep_ in ("dobj", "pobj", "prep")}
    objects |= {g.lower_ for c in tok.children if c.dep_ == "prep" for g in c.children}
    if lemma in lex["effect_verbs"] and objects & {"effect", "force", "place"}:
        return 2  # "took effect on", "came into force on"
    if low in lex["effect_cues"]:
        return 2
    return 1 if low in lex["start_cues"] or lemma in lex["start_cues"] else 0


def _outcome_of(tok: Any, head: Any, lex: dict[str, Any]) -> bool:
    """'the round ended on March 10 with an accord': the date of the verb whose outcome
    ('with') the agreement is."""
    verb = tok.head.head if tok.head.dep_ == "prep" else tok.head
    return head.head.lower_ == "with" and head.head.head.i == verb.i \
        and verb.lemma_.lower() in lex["outcome_verbs"]


def _signed_at(tok: Any, verbs: list[Any], lex: dict[str, Any]) -> bool:
    """'the summit in June last year, where they signed a statement': a signing verb in a
    relative clause takes the date of the noun it modifies."""
    for verb in verbs:
        if verb.dep_ == "relcl" and verb.lemma_.lower() in lex["signing_verbs"]:
            antecedent = verb.head
            if antecedent.i == tok.i or tok.head.dep_ == "prep" and tok.head.head.i == antecedent.i \
                    or antecedent in list(tok.subtree):
                return True
    return False


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
    new = mention.agreement
    recent = sorted(found, key=lambda f: -f.last)
    dets = {c.lower_ for c in head.children if c.dep_ in ("det", "predet")}
    marked = any(t.lower_ in lex["new_markers"] for t in head.subtree if t.i < head.i)
    generic = head.lower_ in lex["generic_heads"] and span.text.lower() == head.lower_
    if dets & {"this", "that", "these", "those"}:  # "this memorandum": the one just named
        same = [f for f in recent if f.family == mention.family and not generic]
        return (same or recent or [None])[0]
    if dets & {"a", "an", "another"} or marked and "the" not in dets:
        return next((f for f in recent if new.start and f.agreement.start == new.start
                     and f.agreement.kind == new.kind), None)  # a new referent
    current = any(t.lower_ in lex["current_markers"] for t in head.lefts)
    if marked and current and not new.start:  # "the new accord": the latest not marked old
        return next((f for f in recent if f.family == mention.family and not f.old), None)
    if marked:
        return None
    fits = [old for old in recent if _compatible(old, mention, generic)]
    sharing = [old for old in fits if old.words & mention.words]
    return (sharing or fits or [None])[0]


def _compatible(old: _Found, mention: _Found, generic: bool) -> bool:
    """Whether a definite mention may refer back to an earlier agreement."""
    a, new = old.agreement, mention.agreement
    same_kind = old.family == mention.family
    if new.name and (a.name or "").lower() != new.name.lower() \
            and (a.name or new.start or not same_kind or not old.real):
        return False  # "the Minsk agreement (of 2015)" is not the truce mentioned earlier
    if new.start and a.start and new.start != a.start \
            and not (mention.strength > old.strength and not new.name):
        return False  # another date, another agreement (unless it tells when this one took effect)
    if new.start and new.kind != a.kind or generic and new.start:
        return False  # a dated mention joins only the same kind ("the ceasefire of May 20")
    return same_kind or generic


def _absorb(target: _Found, mention: _Found) -> None:
    a, b = target.agreement, mention.agreement
    target.parties += mention.parties
    target.brokers += mention.brokers
    target.last = max(target.last, mention.last)
    target.words |= mention.words
    target.real |= mention.real
    target.hypothetical |= mention.hypothetical
    status = b.status if b.status is not None else a.status
    start = a.start
    if b.start and (not a.start or mention.strength > target.strength):
        start, target.strength = b.start, mention.strength
    target.agreement = replace(a, start=start, name=a.name or b.name, status=status)
