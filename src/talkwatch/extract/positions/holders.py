"""holders."""

from __future__ import annotations

from typing import Any

from ...context import Context
from . import issues
from .cues import _CLIMB_DEPS, _ENTITY_TYPES, _SUBJ_DEPS, _base, _Cue
from .issues import end


def _holders(ctx: Context, cue: _Cue, lex: dict[str, Any]) -> list[Any]:
    pred = cue.pred
    if cue.kind == "summary":  # the actors named between "a demand" and "rejects"
        ids = {m.actor: None for m in ctx.actors.mentions_in(pred.idx + len(pred), cue.token.idx)}
        return [ctx.actors.get(i) for i in ids]
    copular = cue.kind == "fixed" and cue.objects and cue.objects[0].dep_ in _SUBJ_DEPS
    if cue.kind == "modal" or copular:
        for prep in pred.subtree:  # "a red line for Kyiv"
            if prep.lower_ == "for" and prep.head.lower_ in ("line", "lines"):
                hits = [_actor(ctx, o, lex) for o in prep.children if o.dep_ == "pobj"]
                if any(hits):
                    return [a for a in hits if a]
        poss = [c for o in cue.objects[:1] if copular for c in o.children if c.dep_ == "poss"]
        owners = _with_conj(ctx, poss[0], lex) if poss else []
        return owners or _reporter(ctx, pred, lex)  # "their demands are not negotiable"
    if cue.kind == "condition":  # the main clause's subject, else who says it
        if any(c.dep_ == "nsubjpass" for c in pred.children):  # "X should not be allowed ... until"
            return _reporter(ctx, pred, lex) or _subject_actors(ctx, pred, lex)
        return _subject_actors(ctx, pred, lex) or _reporter(ctx, pred, lex)
    agent = [o for c in pred.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if agent and cue.kind != "passive":
        return _with_conj(ctx, agent[0], lex)
    if cue.kind == "noun":
        poss = [c for c in pred.children if c.dep_ == "poss"]
        if poss:
            return _with_conj(ctx, poss[0], lex)
        mods = [_modifier_actor(ctx, c, lex) for c in pred.children if c.dep_ in ("amod", "compound")]
        if any(mods):  # "a government offer of autonomy", "North Korean anger over sanctions"
            return [next(a for a in mods if a is not None)]
        if pred.dep_ == "dobj" and _base(pred.head.lower_, lex, lex["voicing_verbs"]) is None:
            return []  # "heeded the rebels' requests": the subject of "heeded" holds none
        pred = pred.head
    if _embedded(pred, lex):  # "Malley said Washington was ready to ...": he speaks for it
        found = _subject_actors(ctx, pred, lex, add=_named_subject(pred))
        if found or _generic_subject(pred, lex):
            return found
        voices = [a for a in _reporter(ctx, pred, lex) if a.type not in lex["observer_types"]]
        return voices or _subject_actors(ctx, pred, lex)
    if _generic_subject(pred, lex):
        return []  # "each one of us must offer concessions"
    return _subject_actors(ctx, pred, lex)


def _modifier_actor(ctx: Context, mod: Any, lex: dict[str, Any]) -> Any:
    """The actor a noun modifier names ('North Korean anger'), or the party a generic one
    stands for ('a government offer', 'rebel requests': the last such actor named); a
    named modifier the index missed becomes an actor."""
    actor = ctx.actors.at(mod.idx, end(mod))
    types = lex["party_modifiers"].get(mod.lower_)
    if actor is None and types:
        named = [a for a in ctx.actors.actors if a.type in types and any(w.startswith(mod.lower_) for w in a.name.lower().split())
                 and a.mentions and a.mentions[0][0] < mod.idx]
        if named:  # "rebel requests" after "the Darfur rebels": the rebels, not any armed group
            return named[-1]
        mention = ctx.actors.last_before(mod.idx, set(types))
        return ctx.actors.get(mention.actor) if mention is not None else None
    if actor is not None or mod.ent_type_ not in _ENTITY_TYPES:
        return actor
    ent = next(e for e in mod.doc.ents if e.start <= mod.i < e.end)
    if ent.end - 1 > mod.i:
        return None  # "Russian delegation": the entity runs on into the head
    return ctx.actors.add(ent.text, _ENTITY_TYPES[mod.ent_type_], ent.start_char, ent.end_char)


def marked_holder(cue: _Cue, ctx: Context, lex: dict[str, Any]) -> bool:
    """A stance noun that names its holder ('a government offer of X', 'Kyiv's demand for
    X') stands on its own even inside another cue's issue."""
    return cue.kind == "noun" and any(
        c.dep_ in ("poss", "amod", "compound") and c.pos_ != "PRON" and _modifier_actor(ctx, c, lex)
        for c in cue.token.children)


def _named_subject(pred: Any) -> bool:
    """'a statement said Palestinians and Israelis agreed ...': a named subject speaks for
    itself even when the index missed it; a description ('the talks') does not."""
    subj = next((c for c in pred.children if c.dep_ in _SUBJ_DEPS), None)
    return subj is not None and subj.ent_type_ in _ENTITY_TYPES


def _generic_subject(pred: Any, lex: dict[str, Any]) -> bool:
    """'each side wants ...', 'many analysts want ...': a quantified subject is nobody's voice."""
    subj = next((c for c in pred.children if c.dep_ in _SUBJ_DEPS), None)
    return subj is not None and any(c.lower_ in lex["quantifiers"] for c in subj.children)


def _unasserted(tok: Any, lex: dict[str, Any]) -> bool:
    """A cue in an if-clause ('if the occupation accepts our demands') or in what someone is
    accused of ('accused the army of seeking a military victory') states no stance."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "advcl" and any(c.lower_ == "if" and c.dep_ == "mark" for c in anc.children):
            return True
        if anc is not tok and anc.lemma_.lower() in lex["accusation_verbs"] + lex["failure_verbs"]:
            return True
        if anc.dep_ == "prep" and _contrast(anc):
            return True  # "rather than asking for X", "instead of backing X"
    return False


def _contrast(prep: Any) -> bool:
    doc = prep.doc
    before = doc[prep.i - 1].lower_ if prep.i > 0 else ""
    return prep.lower_ == "than" and before == "rather" or prep.lower_ == "of" and before == "instead"


def _embedded(tok: Any, lex: dict[str, Any]) -> bool:
    return any(_base(a.lower_, lex, lex["reporting"]) for a in tok.ancestors)


def _subject_actors(ctx: Context, pred: Any, lex: dict[str, Any], add: bool = True) -> list[Any]:
    """Actors of the subject of ``pred``, climbing conjuncts, xcomp and copulas; ``add``
    makes a named subject the index missed an actor."""
    tok = pred
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)
        if subj is None and tok.pos_ == "NOUN":  # parser slip: "a demand [the government] rejects"
            subj = next((c for c in tok.children if c.dep_ == "compound"), None)
        if subj is not None:
            return _with_conj(ctx, subj, lex, add)
        if tok.dep_ == "acl" and tok.tag_ == "VBD" or tok.dep_ == "relcl" and tok.tag_ != "VBN":
            return _with_conj(ctx, tok.head, lex, add)  # parser slip: "The rebels called on"
        if tok.dep_ not in _CLIMB_DEPS or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _with_conj(ctx: Context, tok: Any, lex: dict[str, Any], add: bool = True) -> list[Any]:
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
    """'Ministers of the Contact Group', 'the governments of Armenia and Azerbaijan': the
    actors named after 'of' speak through their members."""
    if tok.lower_ not in lex["members"] or ctx.actors.at(tok.idx, end(tok)) is not None:
        return []
    of = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"), None)
    found = [_actor(ctx, t, lex, add) for t in ([of, *of.conjuncts] if of is not None else [])]
    return list({a.id: a for a in found if a is not None}.values())


def _plural(ctx: Context, tok: Any, lex: dict[str, Any]) -> list[Any]:
    """'they'/'their' after 'X and Y arrived': both of the conjoined subject just named."""
    if tok.lower_ not in ("they", "their", "them"):
        return []
    sents = [tok.sent] + ([ctx.doc[tok.sent.start - 1].sent] if tok.sent.start > 0 else [])
    for sent in sents:
        subjs = [t for t in sent if t.dep_ in _SUBJ_DEPS and t.i < tok.i and t.conjuncts]
        subj = subjs[-1] if subjs else None
        if subj is not None:
            found = [ctx.actors.at(t.idx, end(t)) for t in [subj, *subj.conjuncts]]
            if all(found):
                return list({a.id: a for a in found}.values())
    return []


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
    subject = tok.dep_ in _SUBJ_DEPS or tok.dep_ == "conj" and tok.head.dep_ in _SUBJ_DEPS
    if actor is None and add and named is not None and subject:
        ent = next(e for e in tok.doc.ents if e.start <= named.i < e.end)
        actor = ctx.actors.at(ent.start_char, ent.end_char) or ctx.actors.add(
            ent.text, _ENTITY_TYPES[named.ent_type_], ent.start_char, ent.end_char
        )
    if actor is None and add and subject and low in lex["collectives"]:
        actor = ctx.actors.add(tok.text, lex["collectives"][low], tok.idx, end(tok))  # "the protesters"
    if (
        actor is None
        and low in lex["descriptions"]
        and tok.dep_ in _SUBJ_DEPS
        and any(c.lower_ == "the" for c in tok.children)
    ):
        types = lex["descriptions"][low]  # "the group", "the movement"
        mention = ctx.actors.last_before(tok.idx, set(types) if types else None)
        actor = ctx.actors.get(mention.actor) if mention is not None else None
    return _fuller(ctx, actor)


def _by_name(ctx: Context, tok: Any) -> Any:
    """A name the index did not mark at this place ('The US has long said'): the actor
    that goes by exactly that name elsewhere in the article."""
    if tok.pos_ != "PROPN":
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    compound = tok.doc[min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound")]):tok.i + 1]
    for span in ([ent] if ent is not None else []) + [compound]:
        text = span.text.removeprefix("the ").removeprefix("The ")
        found = next((a for a in ctx.actors.actors if text == a.name or text in (a.aliases or ())), None)
        if found is not None:
            return found
    return None


def _fuller(ctx: Context, actor: Any) -> Any:
    """'the Ministry said' after 'the Ministry of Foreign Affairs': the full name it shortens."""
    if actor is None or " " in actor.name:
        return actor
    longer = [a for a in ctx.actors.actors if a.name.startswith(actor.name + " of ")]
    return longer[0] if len(longer) == 1 else actor


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
    """Resolve he/it/they: an embedded subject binds to the matrix subject; a subject
    prefers the subject of the sentence before; else the last fit."""
    types = lex["pronoun_types"].get(tok.lower_)

    def fits(actor: Any) -> bool:
        return actor is not None and (types is None or _type(actor, ctx) in types)

    clause = tok.head
    embedded = clause.dep_ in ("ccomp", "xcomp", "advcl") and clause.head.i != clause.i
    if tok.dep_ in _SUBJ_DEPS and embedded:
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
        if quote.start <= pos < quote.end and quote.speaker:
            return ctx.actors.get(quote.speaker)
    return None


def _reporter(ctx: Context, tok: Any, lex: dict[str, Any]) -> list[Any]:
    """Who says the clause: a reporting verb's subject, the quote speaker, 'according to X'."""
    for head in tok.ancestors:
        if _base(head.lower_, lex, lex["reporting"]):
            found = _subject_actors(ctx, head, lex)
            if found:
                return found
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
