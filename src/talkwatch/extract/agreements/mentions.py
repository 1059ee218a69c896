"""mentions."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from ... import nlp
from ...context import Context
from ...model import Agreement

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
    definite: bool = False  # introduced as known ("the truce", "their ceasefire", a name)
    weak: bool = False  # named only by a head that is often a mere proposal ("the plan")
    generic: bool = False  # named only by a head that has no kind of its own ("the agreement")
    side: str | None = None  # whose unilateral agreement ("state" or "other"), when said
    procedural: bool = False  # its content arranges the talks ("to postpone the round")
    filled: bool = False  # a slot of a counted plural that a named mention took
    agenda: bool = False  # a topic the talks take up ("discussion of a ceasefire"): proposed


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
            span = doc[inner[1].start : span.end]
            kind, nominal = inner[0], True
            head = span.root if span.root.pos_ in ("NOUN", "PROPN") else span[-1]
        inner = None
        head, span = _document_head(head, span, lex)
        if (
            nominal
            and not _in_agreement(head)
            and not _in_actor_name(ctx, span)
            and not _modifies_noun(span, lex["implying_nouns"])
        ):
            out.append((head, kind, span))
    out = _fold_generic(out, lex)
    for tok in doc:  # "signed a joint statement": a signed document is an accord
        if (
            tok.lemma_.lower() in lex["signed_documents"]
            and tok.dep_ in ("dobj", "nsubjpass")
            and tok.head.lemma_.lower() in lex["signing_verbs"]
            and not any(sp.start <= tok.i < sp.end for _, _, sp in out)
        ):
            out.append((tok, lex["document_kind"], doc[tok.i : tok.i + 1]))
    return sorted(out, key=lambda m: m[0].i)


def _document_head(head: Any, span: Any, lex: dict[str, Any]) -> tuple[Any, Any]:
    """'the ceasefire code of conduct', 'a truce protocol': the document noun the phrase
    modifies heads the mention (its determiner and clauses tell whether it exists)."""
    doc = head.doc
    if (
        head.dep_ == "compound"
        and head.head.i >= span.end
        and head.head.lemma_.lower() in lex["document_heads"]
    ):
        end = head.head.i + 1
        if end < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == head.head.i:
            end += 2  # "code of conduct"
        return head.head, doc[span.start : min(end, len(doc))]
    return head, span


def _fold_generic(mentions: list[tuple[Any, str, Any]], lex: dict[str, Any]) -> list[tuple[Any, str, Any]]:
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
            inner = [o.i for p in preps for o in p.children if o.i in by_head and o.i not in folded]
            if inner:
                kind = by_head[inner[0]][1]
                folded.add(inner[0])
        out.append((head, kind, span))
    return [m for m in out if m[0].i not in folded]


def _modifies_noun(span: Any, implying: list[str]) -> bool:
    """'a ceasefire monitoring body', 'truce talks': the phrase modifies the next noun
    (also when the tagger takes the gerund for a verb); not 'ceasefire violations', which
    speak of an existing ceasefire."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None or nxt.tag_ not in ("NN", "NNS", "VBG") or nxt.lemma_.lower() in implying:
        return False
    if nxt.tag_ == "VBG":
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        return after is not None and after.tag_ in ("NN", "NNS")
    return True


def _in_agreement(head: Any) -> bool:
    """'in agreement with', 'agreement that ...': a stance, not a document ('laid out in an
    agreement' is one)."""
    bare = not any(c.dep_ in ("det", "poss") for c in head.children)
    return head.lower_ == "agreement" and (
        head.head.lower_ == "in"
        and bare
        or any(c.dep_ == "mark" or c.lower_ == "that" and c.dep_ != "det" for c in head.children)
    )


def _in_actor_name(ctx: Context, span: Any) -> bool:
    """'the Government of National Accord': a capitalised head word inside a longer actor name
    whose head is another word ('the Dayton Accords' is an agreement the tagger named)."""
    if not span.text[:1].isupper():
        return False
    for m in ctx.actors.mentions_in(span.sent.start_char, span.sent.end_char):
        if (
            m.start <= span.start_char
            and span.end_char <= m.end
            and (m.start, m.end)
            != (
                span.start_char,
                span.end_char,
            )
        ):
            name = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if name is None or name.root.i != span.root.i:
                return True
    return False


def _not_one_agreement(ctx: Context, head: Any, span: Any, heads: set[int], lex: dict[str, Any]) -> bool:
    """'no ceasefire', 'any deal', 'several truces', 'without agreement', 'ceasefire talks':
    mentions that name no one agreement."""
    if head.tag_ in ("NNS", "NNPS") and head.pos_ != "PROPN" and head.lower_ not in lex["kinds"]:
        return True
    if (
        any(c.lower_ in lex["quantifiers"] and c.dep_ in ("det", "amod", "advmod") for c in head.children)
        or head.head.lower_ == "without"
    ):
        return True
    if head.dep_ == "compound" and head.head.i not in heads and not _implied(head, lex):
        return True  # "ceasefire talks", "a ceasefire monitoring body": a modifier of another noun
    return head.head.lower_ in ("signing", "sign") and head.head.head.lower_ == "without"


def _modifiers(head: Any, span: Any, lex: dict[str, Any]) -> set[str]:
    """Coreference clues: content modifiers ('comprehensive', 'maritime') and a specific
    head ('annex'; not 'deal' or 'agreement', which name any kind)."""
    words = {
        t.lemma_.lower()
        for t in head.lefts
        if t.dep_ in ("amod", "compound") and t.pos_ in ("ADJ", "NOUN") and not span.start <= t.i < span.end
    }
    return words if head.lower_ in lex["generic_heads"] else words | {head.lemma_.lower()}


def _mood(head: Any, span: Any, kind: str, lex: dict[str, Any]) -> str | None:
    """'hypothetical' when the mention is asked for, hoped for, proposed or yet to be made;
    'real' when a verb says it was made or holds; None when the mention says neither."""
    mods = lex["hypothetical_modifiers"]
    if any(t.lower_ in mods or t.lemma_.lower() in mods for t in head.lefts):
        return "hypothetical"
    if _implied(head, lex) or _in_state(head):
        return "real"  # "ceasefire violations", "the rebels were on a truce"
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
        if node.pos_ in ("VERB", "AUX", "ADJ") or node.pos_ != "NOUN" and node.lower_ not in lex["kinds"]:
            break  # nouns pass the question up: "a draft of a text for a truce"
    for verb in (c for c in head.children if c.dep_ in ("acl", "relcl")):
        if _creation_unmade(verb, lex):
            return "hypothetical"
        if _past(verb) and verb.lemma_.lower() in lex["realizing_verbs"] + lex["creation_verbs"]:
            return "real"  # "a truce signed in May", not "the closest point to a deal seen in years"
    return None


def _implied(head: Any, lex: dict[str, Any]) -> bool:
    """'ceasefire violations', 'a breach of the truce': words that presuppose the agreement."""
    governor = head.head.head if head.head.dep_ == "prep" and head.head.lower_ == "of" else head.head
    return head.dep_ in ("compound", "pobj") and governor.lemma_.lower() in lex["implying_nouns"]


def _in_state(head: Any) -> bool:
    """'X was on a ceasefire': a party in the state of observing it."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "on" and prep.head.lemma_ == "be"


def _negative_subject(verb: Any) -> bool:
    """'No country has signed an agreement': the clause denies the agreement for every subject."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lower_ in ("nobody", "none", "noone")
            or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        )
        for c in verb.children
    )


def _governor_mood(node: Any, head: Any, kind: str, lex: dict[str, Any]) -> str | None:
    lemma = node.lemma_.lower()
    if (
        node.pos_ in ("VERB", "AUX")
        and not _past(node)
        and any(c.dep_ == "mark" and c.lower_ in lex["irrealis_marks"] for c in node.children)
    ):
        return "hypothetical"  # "until a deal is reached", "before they sign the accord"
    if _negative_subject(node) or any(
        c.dep_ == "amod" and c.lemma_.lower() in lex["hypothetical_governors"] for c in node.children
    ):
        return "hypothetical"  # "no one signed a deal", "the closest point to a deal"
    if kind in lex["plan_kinds"] and lemma in lex["plan_verbs"] and head.lower_ not in lex["weak_heads"]:
        return "real" if _past(node) or node.tag_ == "VBZ" else None  # "proposed a roadmap"
    agent = head.dep_ == "nsubj" and head.head.i == node.i  # "the accord favours the north"
    if (
        lemma in lex["hypothetical_governors"]
        and not agent
        or _creation_unmade(node, lex)
        or _modal(node, lex)
        and lemma in lex["creation_verbs"] + lex["existence_verbs"]
    ):
        return "hypothetical"  # "a truce would be in place", not "the truce could collapse"
    indefinite = any(c.lower_ in ("a", "an") for c in head.children)
    negated = any(c.dep_ == "neg" for c in node.children) and not _dated(node)
    if indefinite and head.dep_ in ("dobj", "pobj") and negated:
        return "hypothetical"  # "did not mention a truce"
    subject = head.dep_ in ("nsubj", "nsubjpass") and node.i == head.head.i
    if subject and any(
        c.dep_ == "acomp" and c.lemma_.lower() in lex["hypothetical_governors"] for c in node.children
    ):
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
    if aux & {"did", "had"} and aux & {"not", "n't", "never"} and _dated(verb):
        return False  # "groups that did not sign the truce last year": it was signed then
    if verb.tag_ == "VB" or aux & {"not", "n't", "never", "will", "to", "be"}:
        return True
    if verb.tag_ != "VBG" or verb.dep_ in ("advcl", "conj", "acl"):
        return False
    return verb.dep_ != "pcomp" or verb.head.lower_ not in lex["past_preps"]


def _dated(verb: Any) -> bool:
    """A past date among the verb's own modifiers ('last October', 'in 2015')."""
    mods = [c for c in verb.children if c.dep_ in ("npadvmod", "prep", "tmod")]
    return any(t.ent_type_ == "DATE" for c in mods for t in c.subtree)


def _past(verb: Any) -> bool:
    """A finite past verb, or a past participle of a passive or perfect ('was signed',
    'signed in May', 'has held')."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ != "VBN":
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (
        not aux
        and verb.dep_ in ("acl", "relcl", "conj", "advcl")
        or any(a in ("was", "were", "has", "have", "had", "been") for a in aux)
    )


def _context(head: Any, span: Any) -> list[Any]:
    """Tokens that may state the status: the phrase, its modifiers and two governors."""
    toks = set(head.subtree)
    node = head
    for _ in range(2):
        if node.head.i == node.i:
            break
        transitive = node.dep_ == "nsubj" and any(
            c.dep_ == "dobj" and c.lower_ not in _LIGHT_OBJECTS for c in node.head.children
        )
        node = node.head
        if transitive:  # "the deal ended the war": what it did, not what became of it
            break
        toks.add(node)
        toks |= {
            c
            for c in node.children
            if c.dep_ in _CONTEXT_DEPS or c.dep_ == "ccomp" and not any(g.dep_ == "nsubj" for g in c.children)
        }
        toks |= {
            g
            for c in node.children
            if c.dep_ == "prep" and c.i > head.i
            for g in c.subtree
            if g.i - head.i < 6
        }
        for verb in (c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            toks |= {verb} | {c for c in verb.children if c.dep_ in _CONTEXT_DEPS}  # "and was
            # extended"
    return sorted(toks, key=lambda t: t.i)
