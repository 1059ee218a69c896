"""Cues a clause carries rather than a word: a modal ('X must go', 'have to', 'need to'),
whose demand is the reporter's, and a condition ('unless X', 'as long as X', 'not ...
until X', 'will only sign if X'), demanded by whoever sets it."""

from __future__ import annotations

from typing import Any

from .base import _SUBJ_DEPS, _Cue


def _modal_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'must'/'should' (aux) and 'have to'/'need to': the reporter demands the clause, or
    opposes it when it denies a permission ('should not be allowed to attend')."""
    low = tok.lower_
    if low in lex["modals"] and tok.dep_ == "aux":
        verb, stance = tok.head, lex["modals"][low]
    elif tok.lemma_.lower() in lex["modal_verbs"] and tok.pos_ in ("VERB", "AUX"):
        verb = next(
            (c for c in tok.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)), None
        )
        if verb is None or any(c.lower_ == "yet" for c in tok.children):
            return []  # "have yet to decide": not decided, not demanded
        stance = "demand"
    else:
        return []
    subj = next((c for c in (tok.head if tok.dep_ == "aux" else tok).children if c.dep_ in _SUBJ_DEPS), None)
    if any(c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children)
           for v in (verb, tok, tok.head) for c in v.children):
        return []  # "if they insist, we will have to leave": a consequence, not a demand
    generic = subj is not None and subj.lower_ in lex["generic_subjects"] and not list(subj.children)
    if verb.dep_ in ("relcl", "acl") or tok.dep_ in ("relcl", "acl") or generic:
        return []  # "an opportunity that must not be wasted", "issues that need to be addressed"
    if low in lex["weak_modals"] and (
        subj is None or not subj.ent_type_ and subj.lower_ not in lex["party_nouns"]
    ):
        return []  # "expectations should remain modest": advice, not a party's demand
    holder_clause = tok.head if tok.dep_ == "aux" else tok
    if _denied_permission(verb, lex):
        stance = "oppose"  # "Iran should not be allowed to attend": opposed, not demanded
    return [
        _Cue(
            tok,
            holder_clause,
            stance,
            "modal",
            [verb] if verb is tok.head else [subj, verb] if subj is not None else [verb],
        )
    ]


def _denied_permission(verb: Any, lex: dict[str, Any]) -> bool:
    """'must not be allowed to X', 'should not be permitted to X'."""
    return verb.lemma_.lower() in lex["permission_verbs"] and any(c.dep_ == "neg" for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.children)


def _condition_cues(sent: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'would sign nothing unless Machar was freed', 'as long as the strikes stop': the
    condition is demanded by whoever sets it."""
    out = []
    low = sent.text.lower()
    for marker in lex["conditions"] + lex["negated_conditions"]:
        at = low.find(f" {marker} ")
        if at < 0 or low[:at].endswith(" for"):  # "for as long as": a duration
            continue
        start = sent.start_char + at + 1 + len(marker)
        mark = sent.doc.char_span(sent.start_char + at + 1, start, alignment_mode="expand")
        clause = next(
            (t for t in sent if t.idx > start and t.dep_ == "advcl" and t.left_edge.idx <= start + 1), None
        )
        clause = clause or next(
            (
                t
                for t in sent
                if t.idx > start and t.pos_ in ("VERB", "AUX") and t.dep_ in ("advcl", "ccomp", "conj")
            ),
            None,
        )
        if (
            clause is not None
            and clause.head.i != clause.i
            and mark is not None
            and any(t.idx > start for t in clause.subtree)
            and (marker in lex["conditions"] or _negated_clause(clause.head, lex))
        ):
            whole = [clause.head] if marker in lex["negated_conditions"] else []  # "no X until Y"
            out.append(_Cue(mark[0], clause.head, "demand", "condition", [*whole, clause]))
    taken = {c.objects[-1].i for c in out}
    return out + [c for c in _only_if(sent) if c.objects[0].i not in taken]


def _only_if(sent: Any) -> list[_Cue]:
    """'will only sign the deal if its troops can stay': 'only' on the main verb and 'if' on
    the clause: the clause is demanded (the words apart, so no 'only if' in the text)."""
    out = []
    for clause in sent:
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "if"), None)
        if clause.dep_ == "advcl" and mark is not None and only_before(clause.head, clause):
            out.append(_Cue(mark, clause.head, "demand", "condition", [clause]))
    return out


def only_before(verb: Any, clause: Any) -> bool:
    """'only' on ``verb`` before its if-clause ``clause``."""
    return any(c.lower_ == "only" and c.dep_ == "advmod" and c.i < clause.i for c in verb.children)


def _negated_clause(verb: Any, lex: dict[str, Any]) -> bool:
    """'will not start talks until X', 'no ceasefire until X': 'until' sets a condition only
    after a negated clause (else it is a date: 'talks last until Friday')."""
    return any(c.dep_ == "neg" or c.dep_ in ("attr", "dobj", *_SUBJ_DEPS)
               and any(d.lower_ == "no" for d in c.children) for c in verb.children) \
        and verb.lemma_.lower() not in lex["duration_verbs"]
