"""holders."""

from __future__ import annotations

from typing import Any

from ... import nlp
from ...context import Context
from . import issues
from .cues import _CLIMB_DEPS, _ENTITY_TYPES, _SUBJ_DEPS, _base, _Cue, _stray_subject
from .issues import end
from .names import _by_name, _described, _fuller, _modifier_actor, _plural, _sides
from .subjects import (
    _expletive,
    _generic_subject,
    _named_subject,
    _nearest_subject,
    _nobody,
    _party_noun,
    _party_subject,
    _stated_by,
    _with_absolute,
)


def _holders(ctx: Context, cue: _Cue, lex: dict[str, Any]) -> list[Any]:
    pred = cue.pred
    speaker = _speaker(ctx, cue.token.idx)
    if speaker is not None and speaker.type in lex["observer_types"]:
        return []  # an analyst's quote assesses the parties, it states no stance
    if cue.kind == "summary":  # the actors named between "a demand" and "rejects"
        ids = {m.actor: None for m in ctx.actors.mentions_in(pred.idx + len(pred), cue.token.idx)}
        return [ctx.actors.get(i) for i in ids]
    copular = cue.kind in ("fixed", "evaluation") and cue.objects and cue.objects[0].dep_ in _SUBJ_DEPS
    if cue.kind == "ruled_out":  # "there is no question of X": the speaker, not an analyst
        return [a for a in _reporter(ctx, pred, lex) if a.type not in lex["observer_types"]]
    if cue.kind == "predicate":  # "X is the main demand of the rebels", "our precondition"
        owner = [o for c in cue.token.children if c.dep_ == "poss" or c.lower_ == "of"
                 for o in ([c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"])]
        return (_with_conj(ctx, owner[0], lex) if owner else []) or _reporter(ctx, pred, lex)
    if cue.kind == "modal" or copular:
        return _said_holders(ctx, cue, lex)
    if cue.kind in ("condition", "list", "short_of"):
        return _condition_holders(ctx, cue, lex)
    agent = [o for c in pred.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if agent and cue.kind != "passive":
        return _with_conj(ctx, agent[0], lex)
    if cue.kind == "verb" and any(c.dep_ == "nsubjpass" for c in pred.children):
        return []  # "X was barred from taking part": by nobody named, and not by X
    if cue.kind == "attitude":  # "to the displeasure of X", "with support from X"
        return _with_conj(ctx, pred, lex)
    if cue.kind == "request":  # "at the request of X", "based on X's request"
        owner = [o for c in pred.children if c.dep_ == "poss" or c.lower_ == "of"
                 for o in ([c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"])]
        return _with_conj(ctx, owner[0], lex) if owner else []
    if cue.kind == "noun":
        found = _noun_holders(ctx, pred, lex)
        if found is not None:
            return found
        pred = pred.head
    return _clause_holders(ctx, pred, lex)


def _said_holders(ctx: Context, cue: _Cue, lex: dict[str, Any]) -> list[Any]:
    """Modals and copular predicates: 'a red line for Kyiv', 'their demands are not
    negotiable', else whoever says it."""
    pred = cue.pred
    for prep in pred.subtree:  # "a red line for Kyiv"
        if prep.lower_ == "for" and prep.head.lower_ in ("line", "lines"):
            hits = [_actor(ctx, o, lex) for o in prep.children if o.dep_ == "pobj"]
            if any(hits):
                return [a for a in hits if a]
    poss = [c for o in cue.objects[:1] if cue.kind == "fixed" and o.dep_ in _SUBJ_DEPS
            for c in o.children if c.dep_ == "poss"]
    owners = _with_conj(ctx, poss[0], lex) if poss else []
    return owners or _reporter(ctx, pred, lex)


def _condition_holders(ctx: Context, cue: _Cue, lex: dict[str, Any]) -> list[Any]:
    """Who sets a condition: the owner of 'our conditions', the main clause's subject (not a
    passive one: 'X should not be allowed ... until'), else who says it."""
    pred = cue.pred
    if cue.kind == "list":
        poss = [c for c in pred.children if c.dep_ == "poss"]
        if poss:
            return _with_conj(ctx, poss[0], lex)
        pred = pred.head.head if pred.head.dep_ == "advcl" else pred.head
    if any(c.dep_ == "nsubjpass" for c in pred.children):
        return _reporter(ctx, pred, lex) or _subject_actors(ctx, pred, lex)
    return _subject_actors(ctx, pred, lex) or _reporter(ctx, pred, lex)


def _noun_holders(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[Any] | None:
    """A stance noun's holder: 'X expressed its unhappiness' (X), a possessor, an actor
    modifier; none for 'heeded the rebels' requests' or a noun hung on a noun ('progress
    on an offer'); None: ask the governing clause ('responded with an offer of X')."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if noun.lower_ in lex["evoked_nouns"] and _base(noun.head.lower_, lex, lex["evoking_verbs"]):
        return []  # "raising hopes that the talks will go ahead": others' hopes
    voiced = noun.dep_ == "dobj" and _base(noun.head.lower_, lex, lex["voicing_verbs"])
    if poss and voiced and poss[0].pos_ == "PRON":
        found = _subject_actors(ctx, noun.head, lex)
        if found:
            return found
    by = [o for p in noun.children if p.lower_ in ("by", "from") and p.i > noun.i
          for o in p.children if o.dep_ == "pobj"]
    if poss or by:  # "X's call for Y", "calls by X for Y", "demands from X"
        return _with_conj(ctx, (poss or by)[0], lex)
    of = [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    infinitive = any(c.dep_ in ("acl", "xcomp") and any(a.lower_ == "to" for a in c.children)
                     for c in noun.children)
    if of and infinitive:
        return _with_conj(ctx, of[0], lex)  # "the refusal of the organisers to include X"
    mods = [_modifier_actor(ctx, c, lex) for c in noun.children if c.dep_ in ("amod", "compound")]
    if any(mods):  # "a government offer of autonomy", "North Korean anger over sanctions"
        return [next(a for a in mods if a is not None)]
    if noun.dep_ == "dobj" and not voiced:
        return []
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return []  # "progress on an offer of X", "no progress in efforts to X": whose, unsaid
    return None


def _clause_holders(ctx: Context, pred: Any, lex: dict[str, Any]) -> list[Any]:
    """The subject of the cue's clause, or the reporter for an expletive 'it'; none for a
    participle on a non-party ('a plan calling for X') or a quantified subject."""
    if _expletive(pred):
        return _reporter(ctx, pred, lex)  # "it was not possible to accept X," the minister said
    if _nobody(pred, lex):
        return []  # "neither side appeared ready to X"
    subject = any(c.dep_ in _SUBJ_DEPS for c in pred.children) or _with_absolute(pred) is not None
    first = pred
    while first.dep_ in ("conj", "xcomp") and not subject and first.head.i != first.i:
        first = first.head  # "steps by X to leave ... and work towards Y", "a statement committing to"
        subject = any(c.dep_ in _SUBJ_DEPS for c in first.children) or _with_absolute(first) is not None
    if first.dep_ in ("acl", "relcl") and not subject and not _party_noun(ctx, first.head, lex):
        return []  # "a plan calling for X", "anyone seeking to rewrite history": no party's stance
    if _embedded(pred, lex):  # "Malley said Washington was ready to ...": he speaks for it
        found = _subject_actors(ctx, pred, lex, add=_named_subject(pred))
        if found or _generic_subject(pred, lex) or _party_subject(pred, lex):
            return found  # "X said the delegation was not ready": the delegation's, not X's
        voices = [a for a in _reporter(ctx, pred, lex) if a.type not in lex["observer_types"]]
        return voices or _subject_actors(ctx, pred, lex)
    if _generic_subject(pred, lex):  # "each one of us must offer concessions": nobody;
        return [a for s in pred.children if s.dep_ in _SUBJ_DEPS for a in _sides(ctx, s)]  # "both sides"
    return _subject_actors(ctx, pred, lex)


def _embedded(tok: Any, lex: dict[str, Any]) -> bool:
    return any(_base(a.lower_, lex, lex["reporting"]) for a in tok.ancestors)


def _subject_actors(ctx: Context, pred: Any, lex: dict[str, Any], add: bool = True) -> list[Any]:
    """Actors of the subject of ``pred``, climbing conjuncts, xcomp and copulas; ``add``
    makes a named subject the index missed an actor."""
    tok, nominal = pred, False  # nominal: climbed from a noun phrase ("doubt on hopes for X")
    for _ in range(6):
        subj = _nearest_subject(tok) or _with_absolute(tok)
        if subj is None and tok.pos_ == "NOUN":  # parser slip: "a demand [the government] rejects"
            subj = next((c for c in tok.children if c.dep_ == "compound"), None)
        if subj is None and _stray_subject(tok):  # "A give up X and [B] say": B hung on X
            subj = tok.doc[tok.i - 1]
        if subj is not None:
            return _with_conj(ctx, subj, lex, add)
        if tok.dep_ == "acl" and tok.tag_ == "VBD" or tok.dep_ == "relcl" and tok.tag_ != "VBN":
            return _with_conj(ctx, tok.head, lex, add)  # parser slip: "The rebels called on"
        if (tok.dep_ not in _CLIMB_DEPS and not (_participle(tok) and not nominal)) or tok.head.i == tok.i:
            return []
        nominal = nominal or tok.dep_ in ("pobj", "prep", "dobj")
        tok = tok.head
    return []


def _participle(verb: Any) -> bool:
    """'the rebels seized two towns, demanding X': a bare participle clause shares the
    subject of the clause it hangs on ('after demanding X' or 'while X demanded' do not)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children)


def _with_conj(ctx: Context, tok: Any, lex: dict[str, Any], add: bool = True) -> list[Any]:
    parties = _sides(ctx, tok)
    if parties:
        return parties
    collective = next(
        (c for c in tok.children if c.dep_ in ("appos", "acl") and _named_collective(ctx, c)), None
    )
    if collective is not None and tok.conjuncts:  # "X, Y and Z, known as the Troika"
        return [_named_collective(ctx, collective)]
    whole = _members_of(ctx, tok, lex, add) or _plural(ctx, tok, lex)
    if whole:
        return whole
    found = [_actor(ctx, t, lex, add) for t in [tok, *tok.conjuncts]]
    return list({a.id: a for a in found if a is not None}.values())


def _members_of(ctx: Context, tok: Any, lex: dict[str, Any], add: bool) -> list[Any]:
    """'Ministers of the Contact Group', 'the governments of Armenia and Azerbaijan',
    'officials from X': the actors named after 'of' or 'from' speak through their members."""
    if tok.lower_ not in lex["members"] or ctx.actors.at(tok.idx, end(tok)) is not None:
        return []
    of = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
               for o in p.children if o.dep_ == "pobj"), None)  # "officials from X"
    found = [_actor(ctx, t, lex, add) for t in ([of, *of.conjuncts] if of is not None else [])]
    return list({a.id: a for a in found if a is not None}.values())


def _named_collective(ctx: Context, tok: Any) -> Any:
    """'known as the Troika' / ', the Troika,': the name a list of actors goes by."""
    for t in tok.subtree:
        if t.pos_ == "PROPN":
            actor = ctx.actors.at(t.idx, end(t))
            if actor is not None and actor.type not in ("person",):
                return actor
    return None


def _actor(ctx: Context, tok: Any, lex: dict[str, Any], add: bool = True) -> Any:
    """The actor a subject-like token stands for, or None."""
    tok = issues.antecedent(tok, lex)
    low = tok.lower_
    pronoun = low if tok.pos_ != "PROPN" else ""  # "US" is no "us"
    if pronoun in lex["first_person"]:
        return _speaker(ctx, tok.idx)
    if pronoun in lex["pronoun_types"]:
        return _pronoun(ctx, tok, lex)
    found = _owned(ctx, tok, lex)
    if found is not None:
        return found
    actor = ctx.actors.at(tok.idx, end(tok)) or next(
        (
            a
            for c in tok.children
            if c.dep_ == "appos"  # "its chairman, Omar Dahir,"
            for a in [ctx.actors.at(c.idx, end(c))]
            if a is not None
        ),
        None,
    ) or _by_name(ctx, tok)
    named = next(
        (
            t
            for t in [tok, *(c for c in tok.children if c.dep_ == "compound")]
            if t.ent_type_ in _ENTITY_TYPES
        ),
        None,
    )  # "Tehran", "her Democratic Centre party"
    subject = tok.dep_ in _SUBJ_DEPS or tok.dep_ == "conj" and tok.head.dep_ in _SUBJ_DEPS \
        or tok.i + 1 < len(tok.doc) and _with_absolute(tok.doc[tok.i + 1]) is not None
    dateline = named is not None and named.text.isupper() and named.i + 1 < len(tok.doc) \
        and tok.doc[named.i + 1].text in ("(", "-", "—", ",")  # "ROME (AFP) - ..."
    if actor is None and add and named is not None and subject and not dateline:
        ent = nlp.entity_at(named)  # not doc.ents: it rebuilds every entity per call
        actor = ctx.actors.at(ent.start_char, ent.end_char) or ctx.actors.add(
            ent.text, _ENTITY_TYPES[named.ent_type_], ent.start_char, ent.end_char
        )
    mods = [c.i for c in tok.children if c.dep_ in ("nummod", "amod", "compound")]
    collective = low in lex["collectives"] and (mods or low not in lex["modified_collectives"])
    if actor is None and add and subject and collective:
        first = min([tok.i, *mods])
        span = tok.doc[first:tok.i + 1]  # "the protesters", "the five parties", "Syrian rebel groups"
        actor = ctx.actors.add(span.text, lex["collectives"][low], span.start_char, span.end_char)
    if (
        actor is None
        and low in lex["descriptions"]
        and tok.dep_ in _SUBJ_DEPS
        and any(c.lower_ == "the" for c in tok.children)
    ):
        actor = _described(ctx, tok.idx, lex["descriptions"][low], low)  # "the group", "the movement"
    return _fuller(ctx, actor)


def _owned(ctx: Context, tok: Any, lex: dict[str, Any]) -> Any:
    """'his government', 'its leaders', 'Haftar's camp', 'his men', 'the Abkhaz side': the
    actor the possessor's government is, or the possessor (modifier) itself for members."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    low = tok.lower_
    if poss is None and low in lex["members"]:  # "the Abkhaz side", "the rebel delegation"
        mods = [ctx.actors.at(c.idx, end(c)) for c in tok.children if c.dep_ in ("amod", "compound")]
        return next((a for a in mods if a is not None), None)
    if poss is None:
        return None
    if poss.lower_ in lex["pronoun_types"] and low in lex["relational"]:
        found = _relational(ctx, tok, poss, lex)
        if found is not None:
            return found
    if low in lex["members"] and ctx.actors.at(tok.idx, end(tok)) is None:
        if poss.lower_ in lex["pronoun_types"]:
            return _pronoun(ctx, poss, lex)
        return ctx.actors.at(poss.idx, end(poss))
    return None


def _pronoun(ctx: Context, tok: Any, lex: dict[str, Any]) -> Any:
    """Resolve he/it/they: an embedded subject binds to the matrix subject, a coordinated
    clause's to the first clause's; a subject prefers the subject of the sentence before;
    else the last fit."""
    types = lex["pronoun_types"].get(tok.lower_)

    def fits(actor: Any) -> bool:
        return actor is not None and (types is None or _type(actor, ctx) in types)

    clause = tok.head
    embedded = clause.dep_ in ("ccomp", "xcomp", "advcl") and clause.head.i != clause.i \
        and not any(m.lower_ in lex["concessive"] for m in clause.children if m.dep_ == "mark")
    coordinated = clause.dep_ == "conj" and clause.head.i != clause.i  # "X said ..., but he ..."
    if tok.dep_ in _SUBJ_DEPS and (embedded or coordinated):
        for actor in _subject_actors(ctx, clause.head, lex):
            if fits(actor):
                return actor
    exact = ctx.actors.mentions_in(tok.idx, end(tok))  # an index that resolves pronouns itself
    if exact:
        return ctx.actors.get(exact[0].actor)
    if tok.dep_ in _SUBJ_DEPS and not any(
        fits(ctx.actors.get(m.actor)) for m in ctx.actors.mentions_in(tok.sent.start_char, tok.idx)
    ):
        previous = _previous_subject(ctx, tok, lex)
        if fits(previous):
            return previous
    mention = ctx.actors.last_before(tok.idx, set(types) if types else None)
    return ctx.actors.get(mention.actor) if mention is not None else None


def _previous_subject(ctx: Context, tok: Any, lex: dict[str, Any]) -> Any:
    """The actor that is the main subject of the sentence before (the centre of attention)."""
    start = tok.sent.start
    if start == 0:
        return None
    prev = ctx.doc[start - 1].sent
    root = prev.root
    subj = next((c for c in root.children if c.dep_ in _SUBJ_DEPS), None)
    if subj is None or subj.lower_ in lex["pronoun_types"] or subj.lower_ in lex["first_person"]:
        return None
    found = _with_conj(ctx, subj, lex, add=False)
    return found[0] if len(found) == 1 else None


def _type(actor: Any, ctx: Context) -> str:
    """The actor's type; a place name the index typed as a person is a state ('Kyiv')."""
    if actor.type == "person" and actor.mentions:
        start, stop = actor.mentions[0]
        span = ctx.doc.char_span(start, stop, alignment_mode="expand")
        if span is not None and span.root.ent_type_ == "GPE":
            return "state"
    return actor.type


def _relational(ctx: Context, noun: Any, poss: Any, lex: dict[str, Any]) -> Any:
    """'his government': the government of the person 'his' refers to."""
    owner = _pronoun(ctx, poss, lex)
    want = lex["relational"][noun.lower_]
    if owner is None or owner.type == want:
        return owner
    cands = [
        a
        for a in ctx.actors.actors
        if a.type == want and a.id != owner.id and not a.name.lower().startswith(poss.lower_ + " ")
    ]
    for actor in cands:
        if actor.affiliation == owner.id or owner.affiliation == actor.id:
            return actor
    same_country = [a for a in cands if owner.country and a.country == owner.country]
    return same_country[0] if same_country else (cands[0] if len(cands) == 1 else None)


def _speaker(ctx: Context, pos: int) -> Any:
    for quote in ctx.facts.get("quotes", []):
        if quote.covers(pos, pos + 1) and quote.speaker:
            return ctx.actors.get(quote.speaker)
    return None


def _reporter(ctx: Context, tok: Any, lex: dict[str, Any]) -> list[Any]:
    """Who says the clause: a reporting verb's subject, the owner of 'X's position is that',
    the quote speaker, 'according to X'."""
    for head in tok.ancestors:
        owner = _stated_by(head, lex)
        if owner is not None:
            return _with_conj(ctx, owner, lex)
        if _base(head.lower_, lex, lex["reporting"]):
            found = _subject_actors(ctx, head, lex)
            if found or any(c.dep_ == "nsubj" and c.lower_ != "it" for c in head.children):
                return found  # the nearest speaker, even unknown: not a speaker further out
    speaker = _speaker(ctx, tok.idx)
    if speaker is not None:
        return [speaker]
    for t in tok.sent:
        if t.lower_ == "according":
            objs = [o for p in t.children if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
            if objs:
                return _with_conj(ctx, objs[0], lex)
    return []


# -- issues -----------------------------------------------------------------
