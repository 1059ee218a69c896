"""details."""

from __future__ import annotations

from typing import Any

from ... import nlp
from ...context import Context
from . import links
from .mentions import _ENTITY_TYPES, _MODIFIER_DEPS


def _name(ctx: Context, head: Any, span: Any) -> str | None:
    """'the Minsk agreement', 'the Good Friday Agreement': a place or a capitalised head."""
    lefts = [
        t for t in head.lefts if t.dep_ in ("compound", "nmod") and t.pos_ == "PROPN" and t.i < span.start
    ]
    capital = head.text[:1].isupper() and head.i > head.sent.start and head.pos_ == "PROPN"
    if not lefts and not capital:
        return None
    start = min([t.left_edge.i for t in lefts] + [span.start])
    while ctx.doc[start].lower_ in ("the", "a", "an") or ctx.doc[start].is_punct:
        start += 1
    return ctx.doc[start : span.end].text


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
    comma = next((t.i for t in tok.doc[tok.i : chain[-1].i] if t.text == ","), None)
    if (
        after is None
        or after.pos_ != "VERB"
        or comma is None
        or not tok.is_ancestor(after)
        and not after.is_ancestor(tok)
    ):
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
            ent = nlp.entity_at(t)
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
    out = [
        c
        for t in span
        for c in t.children
        if c.pos_ in ("VERB", "AUX") and c.dep_ in ("acl", "relcl") and c.i >= span.end
    ]
    sent = head.sent
    for t in sent.doc[span.end : min(span.end + 14, sent.end)]:
        if (
            t.lower_ in ("that", "which")
            and t.tag_ == "WDT"
            and t.dep_ in ("nsubj", "nsubjpass")
            and t.head.dep_ not in ("relcl", "acl")
            and _nearest_noun(t) == head.i
        ):
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
    for t in reversed(rel.sent.doc[rel.sent.start : rel.i]):
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
        if (
            tok.lower_ in lex["broker_nouns"]
            and tok.head.i in (head.i, head.head.i)
            or (tok.lower_ in lex["broker_nouns"] and tok.head.head.i in (head.i, head.head.i))
        ):
            out += [
                a
                for p in tok.children
                if p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
                for a in _actors(ctx, o)
            ]
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
                fronted = [
                    o
                    for p in verb.children
                    if p.dep_ == "prep" and p.i < verb.i
                    for o in p.subtree
                    if o.dep_ == "pobj"
                ]
                out += [a for o in fronted for a in _actors(ctx, o, part=1)]
    for node in (head, head.head):
        for prep in node.children:
            if prep.lower_ == "between":
                out += [a for o in prep.children if o.dep_ == "pobj" for a in _actors(ctx, o)]
    return out


def _start(
    ctx: Context, head: Any, span: Any, heads: set[int], lex: dict[str, Any]
) -> tuple[str | None, int]:
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
        if (
            (tok.head.i == head.i or inside)
            and tok.dep_ in _MODIFIER_DEPS
            or tok.head.lower_ == "of"
            and tok.head.head.i == head.i
        ):
            strength = 2
        elif tok.head.lower_ in ("on", "in") and tok.head.head.i == head.i:
            strength = 1  # "a ceasefire on September 20"
        elif _outcome_of(tok, head, lex) or _signed_at(tok, verbs, lex):
            strength = 1
        strength = (
            strength or _path_strength(tok, head, span, verbs, heads, lex) or _clause_date(tok, verbs, lex)
        )
        if strength > best[1]:
            best = (date.value, strength)
    if best[0] is None and _news_perfect(verbs, head, lex):
        return ctx.article.published, 1
    if best[0] is None:
        offset = links.offset_start(ctx, verbs, lex)
        return (offset, 1) if offset else best
    return best


def _clause_date(tok: Any, verbs: list[Any], lex: dict[str, Any]) -> int:
    """'They met on 3 July, when they signed a truce', 'they ended the round on Saturday,
    signing an annex': a clause of making the agreement introduced by 'when' or 'where', or a
    participle, happens at the date of the clause it modifies."""
    for verb in verbs:
        if verb.lemma_.lower() not in lex["creation_verbs"] or verb.dep_ not in ("advcl", "relcl"):
            continue
        participle = verb.tag_ == "VBG" and verb.dep_ == "advcl"  # "met on Saturday, signing an annex"
        if not participle and not any(c.lower_ in ("when", "where") for c in verb.children):
            continue
        anchor = verb.head
        if tok.head.i == anchor.i or tok.head.dep_ == "prep" and tok.head.head.i == anchor.i:
            return 1
    return 0


def _news_perfect(verbs: list[Any], head: Any, lex: dict[str, Any]) -> bool:
    """'The parties have reached a deal': the news perfect reports an agreement made on the
    day of the report, when the sentence gives no date."""
    for verb in verbs:
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if verb.tag_ == "VBN" and aux & {"has", "have"} and verb.lemma_.lower() in lex["creation_verbs"]:
            return head.head.i == verb.i or head.dep_ in ("nsubj", "nsubjpass") and head.head.i == verb.i
    return False


def _path_strength(
    tok: Any, head: Any, span: Any, verbs: list[Any], heads: set[int], lex: dict[str, Any]
) -> int:
    """2 or 1 when the path from a date up to the mention passes a start cue, else 0."""
    strength, prev = 0, tok
    for anc in tok.ancestors:
        if prev.dep_ == "conj" and prev.pos_ in ("VERB", "AUX"):
            return 0  # "a deal was reached and a conference will open on the 9th": another clause
        prev = anc
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
    return (
        head.head.lower_ == "with"
        and head.head.head.i == verb.i
        and verb.lemma_.lower() in lex["outcome_verbs"]
    )


def _signed_at(tok: Any, verbs: list[Any], lex: dict[str, Any]) -> bool:
    """'the summit in June last year, where they signed a statement': a signing verb in a
    relative clause takes the date of the noun it modifies."""
    for verb in verbs:
        if verb.dep_ == "relcl" and verb.lemma_.lower() in lex["signing_verbs"]:
            antecedent = verb.head
            if (
                antecedent.i == tok.i
                or tok.head.dep_ == "prep"
                and tok.head.head.i == antecedent.i
                or antecedent in list(tok.subtree)
            ):
                return True
    return False
