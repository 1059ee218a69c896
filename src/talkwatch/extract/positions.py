"""Positions: an actor's stated stance (demand, support, oppose, reject,
non_negotiable, open) on an issue under negotiation.

Cues come from ``data/rules/en/positions.yaml``: verbs ("demands", "rejects"),
verb + particle ("calls for", "rules out"), predicate adjectives ("open to",
"ready to"), stance nouns ("its demand for", "flexibility"), the modal "must"
and non-negotiable predicates ("not up for discussion", "a red line"). The
holder is the cue's subject, with pronouns, relative pronouns and "his
government" resolved through the actor index; for "must" and copular
non-negotiable clauses, whose subject is the issue, it is the reporter (the
subject of "said", the quote's speaker). The issue is the object, clause or
infinitive without relative clauses and appositions; an anaphoric issue ("this
is not a topic for negotiations", "a demand the rebels reject") takes the last
issue or the one in focus ("the fate of X", "most importantly, X"). Sentences
with no actor holder give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import lexicon
from ..context import Context
from ..model import Position

NAME = "positions.v1"
REQUIRES = {"quotes"}

_OBJ_DEPS = {"dobj", "ccomp", "xcomp", "attr", "oprd"}
_DROP_DEPS = {"relcl", "appos", "punct", "cc", "mark", "advcl", "parataxis", "dep"}
_LEAD_WORDS = {"that", "to", "the", "a", "an", "for", "on", "of", "whether", ",", "-"}
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLIMB_DEPS = ("conj", "xcomp", "acomp", "dobj", "pobj", "prep")


@dataclass
class _Cue:
    token: Any  # the cue word
    pred: Any  # the predicate whose subject (or reporter) holds the stance
    stance: str
    kind: str  # verb | adjective | noun | modal | fixed | summary
    objects: list[Any] = field(default_factory=list)


@dataclass
class _State:
    """Discourse memory: the issue noun phrase in focus and the last issue stated."""

    focus: tuple[str, int, set[str]] | None = None  # text, sentence index, actor ids
    last: tuple[str, int] | None = None


def extract(ctx: Context) -> list[Position]:
    lex = lexicon.load("positions")
    state, out = _State(), []
    for si, sent in enumerate(ctx.doc.sents):
        _update_focus(ctx, sent, si, lex, state)
        covered: set[int] = set()
        for cue in _cues(sent, lex):
            if cue.token.i in covered:
                continue
            stance = cue.stance if cue.kind in ("modal", "fixed") else _negate(cue, lex)
            issue, tokens = _issue(ctx, cue, si, lex, state)
            holders = _holders(ctx, cue, lex) if issue else []
            covered |= tokens
            if not holders or stance is None:
                continue
            state.last = (issue, si)
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
        head = _summary_head(tok, lex)
        if head is not None:
            stance = lex["verbs"][_base(low, lex, lex["verbs"]) or ""]
            out.append(_Cue(tok, head, stance, "summary"))
        elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            out += _verb_cue(tok, lex)
        elif tok.pos_ == "ADJ" and low in lex["adjectives"]:
            objs = [c for c in tok.children if c.dep_ in ("prep", "xcomp") and c.lower_ != "of"]
            if objs:
                out.append(_Cue(tok, tok, lex["adjectives"][low], "adjective", objs))
        elif tok.pos_ == "NOUN" and low in lex["nouns"]:
            out += _noun_cue(tok, lex)
        if low in lex["modals"] and tok.dep_ == "aux":
            out.append(_Cue(tok, tok.head, lex["modals"][low], "modal", [tok.head]))
    out += _fixed_cues(sent, lex)
    return sorted(out, key=lambda c: c.token.i)


def _summary_head(tok: Any, lex: dict[str, Any]) -> Any:
    """', a demand the rebels reject': the summary noun before a cue verb (read off the
    surface, as the parser often takes the verb for a noun); None elsewhere."""
    if not _base(tok.lower_, lex, lex["verbs"]) or any(c.dep_ in _OBJ_DEPS for c in tok.children):
        return None
    doc = tok.doc
    for head in doc[max(tok.sent.start, tok.i - 5):tok.i]:
        before = doc[head.i - 1] if head.i > 0 else head
        if before.pos_ == "DET" and before.i > 0:
            before = doc[before.i - 1]
        if head.lower_ in lex["anaphoric_heads"] and before.text == ",":
            return head
    return None


def _verb_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    particles = lex["particle_verbs"].get(_base(tok.lower_, lex, lex["particle_verbs"]) or "")
    for child in tok.children if particles else ():
        stance = particles.get(child.lower_)
        if stance and child.dep_ in ("prt", "prep"):
            if child.dep_ == "prep":
                objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            else:
                objs = [c for c in tok.children if c.dep_ == "dobj"]
            objs += [c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.i > child.i]
            return [_Cue(tok, tok, stance, "verb", objs)]
    base = _base(tok.lower_, lex, lex["verbs"])
    if base is None:
        return []
    objs = [c for c in tok.children if c.dep_ in _OBJ_DEPS
            or (c.dep_ == "prep" and c.lower_ in ("on", "for", "to", "against"))]
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if any(c.dep_ in ("ccomp", "xcomp") for c in objs):  # "insists that X, a demand ..."
        objs = [c for c in objs if c.lower_ not in lex["anaphoric_heads"]]
    return [_Cue(tok, tok, lex["verbs"][base], "verb", objs)]


def _noun_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    need = lex["noun_preps"].get(tok.lower_, "")
    objs = [c for c in tok.children if c.dep_ in ("prep", "acl") and (not need or c.lower_ == need)]
    if need and not objs or tok.dep_ in _SUBJ_DEPS and not objs:
        return []
    return [_Cue(tok, tok, lex["nouns"][tok.lower_], "noun", objs)]


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
            subj = [c for c in pred.children if c.dep_ in _SUBJ_DEPS]
            objs = [c for c in pred.children if c.dep_ == "dobj"] or subj
            out.append(_Cue(span[0], pred, "non_negotiable", "fixed", objs))
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
    agent = [o for c in pred.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if agent:
        return _with_conj(ctx, agent[0], lex)
    if cue.kind == "noun":
        poss = [c for c in pred.children if c.dep_ == "poss"]
        if poss:
            return _with_conj(ctx, poss[0], lex)
        pred = pred.head
    return _subject_actors(ctx, pred, lex)


def _subject_actors(ctx: Context, pred: Any, lex: dict[str, Any]) -> list[Any]:
    """Actors of the subject of ``pred``, climbing conjuncts, xcomp and copulas."""
    tok = pred
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)
        if subj is None and tok.pos_ == "NOUN":  # parser slip: "a demand [the government] rejects"
            subj = next((c for c in tok.children if c.dep_ == "compound"), None)
        if subj is not None:
            return _with_conj(ctx, subj, lex)
        if tok.dep_ == "acl" and tok.tag_ == "VBD" or tok.dep_ == "relcl" and tok.tag_ != "VBN":
            return _with_conj(ctx, tok.head, lex)  # parser slip: "The rebels called on ..."
        if tok.dep_ not in _CLIMB_DEPS or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _with_conj(ctx: Context, tok: Any, lex: dict[str, Any]) -> list[Any]:
    found = [_actor(ctx, t, lex) for t in [tok, *tok.conjuncts]]
    return list({a.id: a for a in found if a is not None}.values())


def _actor(ctx: Context, tok: Any, lex: dict[str, Any]) -> Any:
    """The actor a subject-like token stands for, or None."""
    low = tok.lower_
    if low in lex["relative"] and tok.head.dep_ in ("relcl", "acl"):
        tok, low = tok.head.head, tok.head.head.lower_
    if low in lex["first_person"]:
        return _speaker(ctx, tok.idx)
    if low in lex["pronoun_types"]:
        return _pronoun(ctx, tok, lex)
    pronouns = lex["pronoun_types"]
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in pronouns), None)
    if poss is not None and low in lex["relational"]:
        found = _relational(ctx, tok, poss, lex)
        if found is not None:
            return found
    return ctx.actors.at(tok.idx, tok.idx + len(tok))


def _pronoun(ctx: Context, tok: Any, lex: dict[str, Any]) -> Any:
    """Resolve he/it/they: an embedded subject binds to the matrix subject, else the last fit."""
    types = lex["pronoun_types"].get(tok.lower_)
    clause = tok.head
    embedded = clause.dep_ in ("ccomp", "xcomp", "advcl") and clause.head.i != clause.i
    if tok.dep_ in _SUBJ_DEPS and embedded:
        for actor in _subject_actors(ctx, clause.head, lex):
            if types is None or actor.type in types:
                return actor
    exact = ctx.actors.mentions_in(tok.idx, _end(tok))  # an index that resolves pronouns itself
    if exact:
        return ctx.actors.get(exact[0].actor)
    mention = ctx.actors.last_before(tok.idx, set(types) if types else None)
    return ctx.actors.get(mention.actor) if mention is not None else None


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

def _update_focus(ctx: Context, sent: Any, si: int, lex: dict[str, Any], state: _State) -> None:
    """An issue noun phrase ('the fate of X', 'most importantly, X') enters the focus."""
    heads = [t for t in sent if t.lower_ in lex["focus_heads"] and t.pos_ == "NOUN"
             and any(c.lower_ == "of" for c in t.children)]
    low = sent.text.lower()
    for marker in lex["focus_markers"]:
        at = low.find(marker)
        if at >= 0:
            after = [t for t in sent if t.idx >= sent.start_char + at + len(marker)
                     and t.pos_ in ("NOUN", "PROPN")]
            heads += [after[0]] if after else []
    if heads:
        head = max(heads, key=lambda t: t.i)
        keep = [c for c in head.children if c.dep_ in ("det", "amod", "compound", "poss", "prep")]
        text = _text([head, *(t for c in keep for t in c.subtree)])
        ids = {m.actor for m in ctx.actors.mentions_in(head.left_edge.idx, _end(head.right_edge))}
        state.focus = (text, si, ids)


def _issue(
    ctx: Context, cue: _Cue, si: int, lex: dict[str, Any], state: _State
) -> tuple[str, set[int]]:
    objs = cue.objects
    if cue.kind == "summary":
        return _anaphoric(si, lex, state), set()
    if len(objs) == 1 and _is_anaphor(objs[0], lex):
        found = _anaphoric(si, lex, state)
        if found or objs[0].lower_ in lex["anaphors"]:
            return found, set()  # else "rejected the plan": the noun phrase itself
    if cue.kind == "verb" and cue.stance in ("support", "oppose") and len(objs) == 1 \
            and objs[0].dep_ == "dobj" and ctx.actors.at(objs[0].idx, objs[0].idx + len(objs[0])):
        return "", set()  # "backed the rebels": an alliance, not an issue
    toks: set[Any] = set()
    for obj in objs:
        core = obj
        if core.dep_ == "prep":
            core = next((c for c in core.children if c.dep_ in ("pobj", "pcomp")), core)
        inner = next((c for c in core.children if c.dep_ in ("acl", "prep", "relcl")), None)
        if core.lower_ in lex["light_nouns"] and core.pos_ == "NOUN" and inner is not None:
            obj = inner  # "more flexibility to resolve the conflict" -> "resolve the conflict"
        skip = {d for c in obj.children if c.dep_ in _DROP_DEPS for d in c.subtree}
        skip |= {d for t in obj.subtree if _summary(t, lex) for d in t.subtree}
        if cue.kind == "modal":  # "X must go, and Y must stay": each modal has its own clause
            skip |= {d for c in obj.children if c.dep_ in ("conj", "cc") for d in c.subtree}
        toks |= {t for t in obj.subtree if t not in skip and t.i != cue.token.i}
    words = sorted(toks, key=lambda t: t.i)
    stretch = cue.token.doc[words[0].i:words[-1].i + 1] if words else []
    cut = next((t.i for t in stretch if t.text == "," and any(
        _summary_head(v, lex) for v in t.doc[t.i + 1:t.i + 7])), None)
    words = [t for t in words if cut is None or t.i < cut]
    first_verb = next((t for t in words if t.pos_ == "VERB"), None)
    if cue.kind in ("verb", "adjective") and first_verb is not None \
            and _base(first_verb.lower_, lex, lex["attendance_verbs"]):
        return "", set()
    text, linked = _render(ctx, words, lex)
    if any(t.lower_ == "it" and t.dep_ in _SUBJ_DEPS for t in words):
        linked.add("<focus>")  # "demands that it be returned": the issue in focus
    if state.focus and si - state.focus[1] <= lex["focus_window"] \
            and linked & (state.focus[2] | {"<focus>"}):
        text = f"{state.focus[0]}: {text}"
    return text, {t.i for t in words}


def _end(tok: Any) -> int:
    return tok.idx + len(tok)


def _summary(tok: Any, lex: dict[str, Any]) -> bool:
    """', a demand the rebels reject': a comma-set noun that sums up the clause before it."""
    first = tok.left_edge.i
    while tok.doc[first].is_punct and first < tok.i:
        first += 1
    return tok.lower_ in lex["anaphoric_heads"] and first > 0 and tok.doc[first - 1].text == ","


def _is_anaphor(tok: Any, lex: dict[str, Any]) -> bool:
    if tok.lower_ in lex["anaphors"]:
        return True
    mods = [c for c in tok.children if c.dep_ not in ("det", "poss")]
    return tok.lower_ in lex["anaphoric_heads"] and not mods


def _anaphoric(si: int, lex: dict[str, Any], state: _State) -> str:
    window = lex["focus_window"]
    if state.last and si - state.last[1] <= window:
        return state.last[0]
    return state.focus[0] if state.focus and si - state.focus[1] <= window else ""


def _render(ctx: Context, words: list[Any], lex: dict[str, Any]) -> tuple[str, set[str]]:
    """Issue text with personal pronouns replaced by actor names; returns the actors named."""
    out, linked = [], set()
    for t in words:
        piece = t.text
        if t.lower_ in lex["pronoun_types"] and t.lower_ not in ("it", "its", "their"):
            actor = _pronoun(ctx, t, lex)
            if actor is not None:
                linked.add(actor.id)
                piece = actor.name + ("'s" if t.tag_ == "PRP$" else "")
        out.append((t, piece))
    for m in ctx.actors.mentions_in(words[0].idx, words[-1].idx + len(words[-1])) if words else ():
        linked.add(m.actor)
    return _text([t for t, _ in out], dict(out)), linked


def _text(tokens: list[Any], pieces: dict[Any, str] | None = None) -> str:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].lower_ in _LEAD_WORDS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    parts = []
    for i, t in enumerate(tokens):
        gap = i + 1 < len(tokens) and tokens[i + 1].i == t.i + 1
        piece = (pieces or {}).get(t, t.text)
        parts.append(piece + (t.whitespace_ if gap else " "))
    return re.sub(r"\s+", " ", "".join(parts)).strip(" \"'“”‘’")


def _negate(cue: _Cue, lex: dict[str, Any]) -> str | None:
    """The stance after negation: 'does not support' opposes, 'did not rule out' is open."""
    negators = set(lex["negators"])
    scope = [cue.token] + ([cue.token.head] if cue.token.dep_ in ("acomp", "xcomp", "oprd") else [])
    for t in scope:
        for c in t.children:
            no_longer = c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
            if c.lower_ in lex["weak_negators"] and c.dep_ in ("advmod", "amod"):
                return None  # "less open to compromise": a shade, not a stance
            if c.dep_ == "neg" or no_longer or c.lower_ in negators and c.dep_ in ("advmod", "det"):
                return lex["negated"].get(cue.stance)
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
