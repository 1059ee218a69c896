"""Attitude phrases: 'much to the displeasure of X', 'with support from X', 'against the
wishes of X', 'over the objections of X'. The phrase's owner (of X, from X, X's) holds a
stance on what the clause it hangs on does or says: 'Ban announced, to the dismay of X,
that Iran would attend' (X opposes Iran attending), 'the republic was declared with
support from X' (X supports the republic). Judgements: 'described the plan as
unacceptable', 'deemed the terms acceptable': the judge's stance on what is judged."""

from __future__ import annotations

from typing import Any

from .base import _SUBJ_DEPS, _base, _Cue

_DASHES = ("-", "--", "—", "–")
_NOT_ISSUE_DEPS = (*_SUBJ_DEPS, "aux", "auxpass", "neg", "cc", "conj", "punct", "mark", "advmod", "npadvmod")


def attitude(noun: Any, lex: dict[str, Any]) -> list[_Cue]:
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) or next(
        (o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
         for o in p.children if o.dep_ == "pobj"), None)
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if owner is None or verb is None or noun.head.lower_ not in lex["attitude_preps"] \
            or _brokered(verb, lex):
        return []
    stance = lex["attitude_nouns"][noun.lower_]
    if noun.head.lower_ in lex["contrary_preps"]:  # "against the wishes of X": X is against it
        stance = lex["negated"].get(stance)
    words = _issue_words(verb, _phrase(noun), lex)
    if not stance or not words:
        return []
    return [_Cue(noun, owner, stance, "attitude", words)]


def _brokered(verb: Any, lex: dict[str, Any]) -> bool:
    """'signed a memorandum with the support of Norway': a broker of an agreement (the
    agreements extractor's fact), no stance."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex["agreement_nouns"]
               for c in verb.children)


def _phrase(noun: Any) -> list[Any]:
    """The attitude phrase's tokens: from its top ('much to ...', 'with ...') to its end, or to
    the closing dash of a phrase set off by dashes (the parser may hang what follows on it)."""
    top = noun.head
    if top.head.dep_ in ("advmod", "dobj", "npadvmod") and top.head.lower_ in ("much", "very"):
        top = top.head
    toks = list(top.subtree)
    doc = noun.doc
    if toks[0].i > 0 and doc[toks[0].i - 1].text in _DASHES:
        close = next((t.i for t in doc[noun.i:toks[-1].i + 1] if t.text in _DASHES), None)
        if close is not None:
            toks = [t for t in toks if t.i <= close]
    return toks


def _issue_words(verb: Any, phrase: list[Any], lex: dict[str, Any]) -> list[Any]:
    """What the attitude is about: a passive subject ('the republic was declared'), else the
    clause without its subject and the phrase (a reporting verb itself left out)."""
    inside = {t.i for t in phrase}
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return [t for t in passive.subtree if t.i not in inside]
    top = phrase[0]
    stray = [t for t in top.subtree if t.i > phrase[-1].i and t.i not in inside]  # after the dash
    words = [t for c in verb.children if c.dep_ not in _NOT_ISSUE_DEPS and c.i not in inside
             and c.i != top.i for t in c.subtree if t.i not in inside]
    if not words:
        return stray  # "announced -- to the dismay of X -- Iran, ...": the parser hung it all on X
    if _base(verb.lower_, lex, lex["reporting"]) is None:
        words.append(verb)
    return sorted({t.i: t for t in words + stray}.values(), key=lambda t: t.i)


def judged(adj: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'described the proposal as unacceptable', 'called the plan unacceptable', 'found the
    terms acceptable': the subject of the judging verb holds the evaluative stance."""
    as_prep = adj.head.lower_ == "as" and adj.head.dep_ == "prep"
    after_noun = adj.dep_ == "amod" and adj.i > adj.head.i and adj.head.dep_ == "dobj"  # parser slip
    verb = adj.head.head if as_prep or after_noun else adj.head
    if _base(verb.lower_, lex, lex["judging_verbs"]) is None:
        return []
    if after_noun:
        obj = adj.head
    elif as_prep or adj.dep_ == "oprd":
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < adj.i), None)
    elif adj.dep_ == "ccomp":  # "found the terms acceptable": a small clause
        obj = next((c for c in adj.children if c.dep_ == "nsubj"), None)
    else:
        obj = None
    stance = lex["evaluative"][adj.lower_]
    if any(c.dep_ == "neg" for c in verb.children):
        stance = lex["negated_cues"].get(adj.lower_) or lex["negated"].get(stance) or ""
    if obj is None or not stance or obj.lower_ in lex["anaphors"] + lex["relative"]:
        return []
    return [_Cue(adj, verb, stance, "judged", [obj])]
