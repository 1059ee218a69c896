"""Dependency repairs and constructions that fix a date's direction before tense does.

``tense`` reads the direction of a date from the verb it hangs from; these
helpers pick that verb when the parser attached the date one clause too low,
and recognise the base of a comparison, which lies behind in any tense.
"""

from __future__ import annotations

import functools
from typing import Any

from .cues import cues


def outer_verb(span: Any, verb: Any) -> Any:
    """'said in March (that) it would raise rates': a date between a verb and the subject of
    its complement clause belongs to that verb, not to the complement the parser chose."""
    if verb.dep_ not in ("ccomp", "advcl"):
        return verb
    head = verb.head
    if head.pos_ not in ("VERB", "AUX"):
        return verb
    if not head.i < span.start:
        return verb
    subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass", "expl")]
    if subjects and all(s.i >= span.end for s in subjects):
        return head
    return verb


@functools.cache
def _comparison_marks() -> frozenset[str]:
    return cues().words("tense", "comparison_marks")


def comparison_base(path: list[Any]) -> bool:
    """'down from $6 billion at year-end', 'higher than in March', 'compared with 8% in
    March': the base a figure is measured against lies behind, whatever the tense."""
    marks = _comparison_marks()
    for tok in path:
        if tok.lower_ in marks:
            return True
        if tok.lower_ == "from" and tok.head.i != tok.i:
            head = tok.head
            shifts = [head, *(ch for ch in head.children if ch.dep_ in ("advmod", "acomp"))]
            if any(t.lower_ in ("up", "down") or t.tag_ in ("JJR", "RBR") for t in shifts):
                return True
    return False
