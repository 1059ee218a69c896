"""Positions: an actor's stated stance (demand, support, oppose, reject,
non_negotiable, open) on an issue under negotiation.

Cues come from ``data/rules/en/positions.yaml``: verbs ("demands", "rejects",
"hopes"), verb + particle ("calls for", "asks for", "rules out"), a passive
("would not be bound by"), predicate adjectives ("open to", "committed to"),
stance nouns ("its demand for", "no objection to"), modals ("must", "should",
"have to"), conditions ("would sign nothing unless X": X is demanded), a
refused action ("would not hand over their weapons") and non-negotiable
predicates ("not up for discussion", "a red line"). The holder is the cue's
subject: pronouns (a subject pronoun prefers the subject of the sentence
before), relative pronouns, "his government", "its leaders", "Haftar's
camp", "the group" are resolved through the actor index, and a named entity
the index missed becomes an actor. For modals, conditions and copular
non-negotiable clauses, and for an embedded subject that is no actor, the
holder is the reporter (the subject of "said", the quote's speaker,
"according to X"); an analyst does not speak for the party he names. A cue
in an if-clause, in what someone is accused of, or after "rather than" states
no stance. Issues: see ``issues``. Sentences with no actor holder give
nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import lexicon
from ..context import Context
from ..model import Position
from . import issues
from .issues import Focus, end

NAME = "positions.v1"
REQUIRES = {"quotes"}

_OBJ_DEPS = {"dobj", "ccomp", "xcomp", "attr", "oprd"}
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLIMB_DEPS = ("conj", "xcomp", "acomp", "dobj", "pobj", "prep")
_FIXED_STANCE = ("modal", "fixed", "considered", "condition", "refusal")
_ENTITY_TYPES = {"GPE": "state", "ORG": "organization", "NORP": "group"}


@dataclass
class _Cue:
    token: Any  # the cue word
    pred: Any  # the predicate whose subject (or reporter) holds the stance
    stance: str
    kind: str  # verb | passive | adjective | noun | modal | condition | refusal | fixed | summary
    objects: list[Any] = field(default_factory=list)


def extract(ctx: Context) -> list[Position]:
    lex = lexicon.load("positions")
    state, out = Focus(), []
    for si, sent in enumerate(ctx.doc.sents):
        state.update(ctx, sent, si, lex)
        covered: set[int] = set()
        for cue in _cues(sent, lex):
            if cue.token.i in covered or _unasserted(cue.token, lex):
                continue
            stance = cue.stance if cue.kind in _FIXED_STANCE \
                else _negate(cue, lex)
            issue, tokens = _issue(ctx, cue, si, lex, state)
            holders = _holders(ctx, cue, lex) if issue and stance else []
            covered |= tokens
            if issue and stance:
                state.last = (issue, si)  # stated, even when its holder is unknown
            if not holders:
                continue
            hedged = _hedged(cue.token, lex)
            for actor in holders:
                out.append(Position(actor.id, issue, stance, ctx.evidence(sent), hedged))
    return _merge(out)


# -- cues -------------------------------------------------------------------

def _base(word: str, lex: dict[str, Any], vocab: Any) -> str | None:
    """The base form of an inflected word if it is in ``vocab`` (no lemmatizer needed)."""
    word = lex["irregular"].get(word, word)
    cands = [word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-4]]
    return next((c for c in cands if c in vocab), None)


def _cues(sent: Any, lex: dict[str, Any]) -> list[_Cue]:
    out = []
    for tok in sent:
        low = tok.lower_
        head = issues.summary_head(tok, lex, lambda w: _base(w, lex, lex["verbs"]))
        if head is not None:
            stance = lex["verbs"][_base(low, lex, lex["verbs"]) or ""]
            out.append(_Cue(tok, head, stance, "summary"))
        elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            out += _verb_cue(tok, lex)
        elif tok.pos_ == "ADJ" and low in lex["adjectives"]:
            out += _adjective_cue(tok, lex)
        elif tok.pos_ == "NOUN" and low in lex["nouns"]:
            out += _noun_cue(tok, lex)
        out += _modal_cue(tok, lex)
    out += _condition_cues(sent, lex) + _fixed_cues(sent, lex)
    return sorted(out, key=lambda c: c.token.i)


def _verb_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    particles = lex["particle_verbs"].get(_base(tok.lower_, lex, lex["particle_verbs"]) or "")
    for child in tok.children if particles else ():
        stance = particles.get(child.lower_)
        if stance and child.dep_ in ("prt", "prep") and not _aside(child, lex) \
                and not any(o.ent_type_ in ("DATE", "TIME") for o in child.children):
            if child.dep_ == "prep":
                objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            else:
                objs = [c for c in tok.children if c.dep_ == "dobj"]
            objs += [c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.i > child.i]
            return [_Cue(tok, tok, stance, "verb", objs)]
    for clause in tok.children if particles else ():  # "called for any truce to be ...", with
        marks = [m.lower_ for m in clause.children if m.dep_ == "mark"]  # "for" as a mark
        if clause.dep_ in ("advcl", "ccomp") and marks and marks[0] in particles:
            return [_Cue(tok, tok, particles[marks[0]], "verb", [clause])]
    passive = lex["passive_verbs"].get(tok.lemma_.lower())
    if passive and any(c.dep_ == "auxpass" for c in tok.children):  # "not be bound by X"
        objs = [o for c in tok.children if c.dep_ == "agent" for o in c.children]
        return [_Cue(tok, tok, passive, "passive", objs)] if objs else []
    base = _base(tok.lower_, lex, lex["verbs"])
    if base is None:
        return _refusal_cue(tok, lex)
    objs = [c for c in tok.children if c.dep_ in _OBJ_DEPS
            or (c.dep_ == "prep" and c.lower_ in ("on", "for", "to", "against"))
            and not _aside(c, lex)]
    objs += [c for c in tok.children if c.dep_ in ("acl", "advcl") and not objs and any(
        m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]  # a that-clause misparsed
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if any(c.dep_ in ("ccomp", "xcomp") for c in objs):  # "insists that X, a demand ..."
        objs = [c for c in objs if c.lower_ not in lex["anaphoric_heads"]]
    if base in lex["open_with_object"] and (tok.tag_ != "VBG" and any(
            c.dep_ in ("ccomp", "oprd", "acomp") for c in tok.children)):
        return []  # "which X considers non-negotiable" is not "considering X"
    if objs and all(c.dep_ == "ccomp" and any(m.lower_ in ("whether", "if") for m in c.children)
                    for c in objs):
        return []  # "asked whether ...": a question, not a stance
    return [_Cue(tok, tok, lex["verbs"][base], "verb", objs)]


def _refusal_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'his men would not hand over their weapons': a refused action is rejected."""
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "neg")}
    if tok.lemma_.lower() in lex["refusable"] and aux & {"not", "n't", "never"} \
            and aux & set(lex["future_aux"]):
        return [_Cue(tok, tok, "reject", "refusal", [tok])]
    return []


def _aside(prep: Any, lex: dict[str, Any]) -> bool:
    """'for its part', 'on his part': a discourse aside, not an object."""
    return any(o.lower_ in lex["aside_nouns"] for o in prep.children if o.dep_ == "pobj")


def _adjective_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    objs = [c for c in tok.children if c.dep_ in ("prep", "xcomp") and c.lower_ != "of"]
    if not objs:
        return []
    stance = lex["adjectives"][tok.lower_]
    by_prep = lex["adjective_preps"].get(tok.lower_, {})
    stance = next((by_prep[c.lower_] for c in objs if c.lower_ in by_prep), stance)
    return [_Cue(tok, tok, stance, "adjective", objs)]


def _noun_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    need = lex["noun_preps"].get(tok.lower_, "")
    objs = [c for c in tok.children if c.dep_ in ("prep", "acl") and (not need or c.lower_ == need)]
    if need and not objs or tok.dep_ in _SUBJ_DEPS and not objs:
        return []
    if tok.head.lemma_.lower() in lex["abandon_verbs"]:
        return []  # "dropped their demand for independence": no longer held
    return [_Cue(tok, tok, lex["nouns"][tok.lower_], "noun", objs)]


def _modal_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'must'/'should' (aux) and 'have to'/'need to': the reporter demands the clause."""
    low = tok.lower_
    if low in lex["modals"] and tok.dep_ == "aux":
        verb, stance = tok.head, lex["modals"][low]
    elif tok.lemma_.lower() in lex["modal_verbs"] and tok.pos_ in ("VERB", "AUX"):
        verb = next((c for c in tok.children if c.dep_ == "xcomp"
                     and any(a.lower_ == "to" for a in c.children)), None)
        if verb is None or any(c.lower_ == "yet" for c in tok.children):
            return []  # "have yet to decide": not decided, not demanded
        stance = "demand"
    else:
        return []
    subj = next((c for c in (tok.head if tok.dep_ == "aux" else tok).children
                 if c.dep_ in _SUBJ_DEPS), None)
    if verb.dep_ in ("relcl", "acl") or subj is not None and subj.lower_ in lex["generic_subjects"]:
        return []  # "an opportunity that must not be wasted"; "you have to walk"
    if low in lex["weak_modals"] and (subj is None or not subj.ent_type_ and subj.lower_ not in
                                      lex["party_nouns"]):
        return []  # "expectations should remain modest": advice, not a party's demand
    holder_clause = tok.head if tok.dep_ == "aux" else tok
    return [_Cue(tok, holder_clause, stance, "modal", [verb] if verb is tok.head else
                 [subj, verb] if subj is not None else [verb])]


def _condition_cues(sent: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'would sign nothing unless Machar was freed', 'as long as the strikes stop': the
    condition is demanded by whoever sets it."""
    out = []
    low = sent.text.lower()
    for marker in lex["conditions"]:
        at = low.find(f" {marker} ")
        if at < 0 or low[:at].endswith(" for"):  # "for as long as": a duration
            continue
        start = sent.start_char + at + 1 + len(marker)
        mark = sent.doc.char_span(sent.start_char + at + 1, start, alignment_mode="expand")
        clause = next((t for t in sent if t.idx > start and t.dep_ == "advcl"
                       and t.left_edge.idx <= start + 1), None)
        clause = clause or next((t for t in sent if t.idx > start and t.pos_ in ("VERB", "AUX")
                                 and t.dep_ in ("advcl", "ccomp", "conj")), None)
        if clause is not None and clause.head.i != clause.i and mark is not None \
                and any(t.idx > start for t in clause.subtree):
            out.append(_Cue(mark[0], clause.head, "demand", "condition", [clause]))
    return out


def _fixed_cues(sent: Any, lex: dict[str, Any]) -> list[_Cue]:
    out = []
    for pattern in lex["non_negotiable"]:
        for m in re.finditer(pattern, sent.text, flags=re.I):
            span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                                      alignment_mode="expand")
            if span is None:
                continue
            pred = span.root
            while pred.pos_ not in ("VERB", "AUX") and pred.head.i != pred.i:
                pred = pred.head
            small = [c for t in span for c in t.children if c.dep_ in _SUBJ_DEPS]
            small += [c for c in pred.children if c.dep_ == "dobj"]
            if small and pred not in span:  # "X considers access to the sea non-negotiable"
                out.append(_Cue(span[0], pred, "non_negotiable", "considered", small[:1]))
                continue
            subj = [c for c in pred.children if c.dep_ in _SUBJ_DEPS]
            out.append(_Cue(span[0], pred, "non_negotiable", "fixed", subj))
    return out


# -- holders ----------------------------------------------------------------

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
        return _reporter(ctx, pred, lex)
    if cue.kind == "condition":  # the main clause's subject, else who says it
        return _subject_actors(ctx, pred, lex) or _reporter(ctx, pred, lex)
    agent = [o for c in pred.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if agent and cue.kind != "passive":
        return _with_conj(ctx, agent[0], lex)
    if cue.kind == "noun":
        poss = [c for c in pred.children if c.dep_ == "poss"]
        if poss:
            return _with_conj(ctx, poss[0], lex)
        pred = pred.head
    if _embedded(pred, lex):  # "Malley said Washington was ready to ...": he speaks for it
        found = _subject_actors(ctx, pred, lex, add=False)
        if found or _generic_subject(pred, lex):
            return found
        voices = [a for a in _reporter(ctx, pred, lex) if a.type not in lex["observer_types"]]
        return voices or _subject_actors(ctx, pred, lex)
    return _subject_actors(ctx, pred, lex)


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
        if anc is not tok and anc.lemma_.lower() in lex["accusation_verbs"]:
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


def _subject_actors(ctx: Context, pred: Any, lex: dict[str, Any],
                    add: bool = True) -> list[Any]:
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
    collective = next((c for c in tok.children if c.dep_ in ("appos", "acl")
                       and _named_collective(ctx, c)), None)
    if collective is not None and tok.conjuncts:  # "X, Y and Z, known as the Troika"
        return [_named_collective(ctx, collective)]
    found = [_actor(ctx, t, lex, add) for t in [tok, *tok.conjuncts]]
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
    if low in lex["first_person"]:
        return _speaker(ctx, tok.idx)
    if low in lex["pronoun_types"]:
        return _pronoun(ctx, tok, lex)
    found = _owned(ctx, tok, lex)
    if found is not None:
        return found
    actor = ctx.actors.at(tok.idx, end(tok)) or next(
        (a for c in tok.children if c.dep_ == "appos"  # "its chairman, Omar Dahir,"
         for a in [ctx.actors.at(c.idx, end(c))] if a is not None), None)
    named = next((t for t in [tok, *(c for c in tok.children if c.dep_ == "compound")]
                  if t.ent_type_ in _ENTITY_TYPES), None)  # "Tehran", "her Democratic Centre party"
    if actor is None and add and named is not None and tok.dep_ in _SUBJ_DEPS:
        ent = next(e for e in tok.doc.ents if e.start <= named.i < e.end)
        actor = ctx.actors.at(ent.start_char, ent.end_char) or ctx.actors.add(
            ent.text, _ENTITY_TYPES[named.ent_type_], ent.start_char, ent.end_char)
    if actor is None and low in lex["descriptions"] and tok.dep_ in _SUBJ_DEPS \
            and any(c.lower_ == "the" for c in tok.children):
        types = lex["descriptions"][low]  # "the group", "the movement"
        mention = ctx.actors.last_before(tok.idx, set(types) if types else None)
        actor = ctx.actors.get(mention.actor) if mention is not None else None
    return actor


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
    if tok.dep_ in _SUBJ_DEPS and not any(fits(ctx.actors.get(m.actor)) for m in
                                          ctx.actors.mentions_in(tok.sent.start_char, tok.idx)):
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
    cands = [a for a in ctx.actors.actors if a.type == want and a.id != owner.id
             and not a.name.lower().startswith(poss.lower_ + " ")]
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
            objs = [o for p in t.children if p.lower_ == "to"
                    for o in p.children if o.dep_ == "pobj"]
            if objs:
                return _with_conj(ctx, objs[0], lex)
    return []


# -- issues -----------------------------------------------------------------

def _issue(ctx: Context, cue: _Cue, si: int, lex: dict[str, Any],
           state: Focus) -> tuple[str, set[int]]:
    return issues.issue_of(
        ctx, issues.CueView(cue.token, cue.kind, cue.stance, cue.objects), si, lex, state,
        base=lambda w: _base(w, lex, lex["verbs"]), resolve=lambda t: _pronoun(ctx, t, lex))


def _negate(cue: _Cue, lex: dict[str, Any]) -> str | None:
    """The stance after negation: 'does not support' opposes, 'did not rule out' is open,
    'will not accept' rejects, 'no objection to' is open."""
    negators = set(lex["negators"])
    scope = [cue.token] + ([cue.token.head] if cue.token.dep_ in ("acomp", "xcomp", "oprd") else [])
    for t in scope:
        for c in t.children:
            no_longer = c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
            if c.lower_ in lex["weak_negators"] and c.dep_ in ("advmod", "amod"):
                return None  # "less open to compromise": a shade, not a stance
            negator = c.lower_ in negators and (c.dep_ in ("advmod", "det") or c.dep_ in _SUBJ_DEPS)
            if c.dep_ == "neg" or no_longer or negator:  # "neither wants to move first"
                own = lex["negated_cues"].get(cue.token.lemma_.lower())
                return own or lex["negated"].get(cue.stance)
    return cue.stance


def _hedged(tok: Any, lex: dict[str, Any]) -> bool:
    hedges = set(lex["hedges"])
    for t in [tok, *tok.ancestors]:
        if t.lower_ in hedges or any(c.lower_ in hedges for c in t.children):
            return True
    return False


def _merge(found: list[Position]) -> list[Position]:
    """One position per holder, stance and sentence; negated or duplicate ones dropped."""
    out: dict[tuple[str, str, int], Position] = {}
    for p in found:
        key = (p.actor, p.stance, p.evidence.start)
        old = out.get(key)
        if old is None:
            out[key] = p
        elif p.issue not in old.issue:
            out[key] = Position(p.actor, f"{old.issue}; {p.issue}", p.stance, old.evidence,
                                old.hedged or p.hedged)
    return list(out.values())
