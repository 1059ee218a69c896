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

from typing import Any

from ... import lexicon
from ...context import Context
from ...model import Position
from . import issues
from .constructions import construction_cues
from .cues import _FIXED_STANCE, _SUBJ_DEPS, _base, _Cue, _cues
from .guards import unasserted
from .holders import _holders, _pronoun
from .issues import Focus
from .names import marked_holder

NAME = "positions.v2"
REQUIRES = {"quotes", "meetings", "participations"}


def extract(ctx: Context) -> list[Position]:
    lex = lexicon.load("positions")
    state, out = Focus(), []
    for si, sent in enumerate(ctx.doc.sents):
        state.update(ctx, sent, si, lex)
        covered: set[int] = set()
        listed: set[int] = set()  # items of a list of conditions: what is demanded, no stance
        for cue in _all_cues(sent, lex):
            if cue.token.i in listed or cue.token.i in covered and not marked_holder(cue, ctx, lex) \
                    or cue.kind != "list" and unasserted(_asserting(cue), lex):
                continue
            stance = cue.stance if cue.kind in _FIXED_STANCE else _negate(cue, lex)
            issue, tokens = _issue(ctx, cue, si, lex, state)
            holders = _holders(ctx, cue, lex) if issue and stance else []
            covered |= tokens
            listed |= tokens | {cue.token.i} if cue.kind == "list" else set()
            if issue and stance:
                state.last = (issue, si)  # stated, even when its holder is unknown
            if not holders:
                continue
            hedged = _hedged(cue.token, lex)
            for actor in holders:
                out.append((Position(actor.id, issue, stance, ctx.evidence(sent), hedged),
                            cue.token.lower_))
    return _merge(out)


# -- cues -------------------------------------------------------------------


def _asserting(cue: _Cue) -> Any:
    """The word whose clause must be asserted: a condition's main verb ('would agree only if
    X': the 'if' is the condition itself, not a hypothetical)."""
    return cue.pred if cue.kind == "condition" else cue.token


def _all_cues(sent: Any, lex: dict[str, Any]) -> list[_Cue]:
    """Constructions first: 'will not accept less than X' and 'will not withdraw without X'
    are one demand each, not a rejection."""
    special = construction_cues(sent, lex)
    taken = {c.token.i for c in special if c.kind in ("claim", "minimum")}
    taken |= {c.pred.i for c in special if c.kind in ("condition", "short_of")}  # "not ... without X"
    return special + [c for c in _cues(sent, lex) if c.token.i not in taken]


def _issue(ctx: Context, cue: _Cue, si: int, lex: dict[str, Any], state: Focus) -> tuple[str, set[int]]:
    return issues.issue_of(
        ctx,
        issues.CueView(cue.token, cue.kind, cue.stance, cue.objects),
        si,
        lex,
        state,
        base=lambda w: _base(w, lex, lex["verbs"]),
        resolve=lambda t: _pronoun(ctx, t, lex),
    )


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
                if own == "reject" and not _refusable(cue, lex):
                    return None  # "we do not want to create false expectations": no issue refused
                return own or lex["negated"].get(cue.stance)
    if any(d.lower_ == "no" and d.dep_ == "det" for o in cue.objects if o is not None for d in o.children):
        return None  # "offered no time frame"
    return cue.stance


def _refusable(cue: _Cue, lex: dict[str, Any]) -> bool:
    """Not wanting to talk, sign or hand over is a refusal; not wanting to do anything else
    says nothing about an issue. A noun object is always refusable ('does not want a deal')."""
    verbs = [o for o in cue.objects if o is not None and o.pos_ == "VERB"]
    if not verbs or _base(cue.token.lower_, lex, lex["refuse_only_actions"]) is None:
        return True
    low = verbs[0].lemma_.lower()
    return low in lex["refusable"] or _base(verbs[0].lower_, lex, lex["talk_verbs"]) is not None


def _hedged(tok: Any, lex: dict[str, Any]) -> bool:
    hedges = set(lex["hedges"])
    for t in [tok, *tok.ancestors]:
        if t.lower_ in hedges or any(c.lower_ in hedges for c in t.children):
            return True
    return False


def _merge(found: list[tuple[Position, str]]) -> list[Position]:
    """Duplicates dropped: a position whose issue repeats (or is part of) another issue of the
    same holder and stance ("ready to sign", later "ready to sign the agreement"). The same
    cue word twice in a sentence ("X must go, and Y must stay") is one position with both
    issues; different cues ("aims to X, calling for Y") stay two."""
    out: list[tuple[Position, str]] = []
    for p, word in found:
        same = [(o, w) for o, w in out if (o.actor, o.stance) == (p.actor, p.stance)]
        if any(p.issue.lower() in o.issue.lower() for o, _ in same):
            continue
        out = [(o, w) for o, w in out if (o, w) not in same or o.issue.lower() not in p.issue.lower()]
        twin = next((i for i, (o, w) in enumerate(out) if w == word and (o.actor, o.stance,
                     o.evidence.start) == (p.actor, p.stance, p.evidence.start)), None)
        if twin is None:
            out.append((p, word))
        else:
            o = out[twin][0]
            out[twin] = (Position(o.actor, f"{o.issue}; {p.issue}", o.stance, o.evidence,
                                  o.hedged or p.hedged), word)
    return [p for p, _ in out]
