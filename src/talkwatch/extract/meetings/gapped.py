"""The real subject of a clause the parser hung off a preposition.

In 'met on Thursday for a second round after initial talks Monday failed to ...' the
parser often reads 'after initial talks' as a phrase and 'failed' as a subjectless clause
of the main verb. The temporal clause is 'after [talks] failed': its verb, and the date
on it, belong to the noun right before it, not to a meeting named in the main clause.
"""

from __future__ import annotations

from typing import Any

_SUBORDINATORS = frozenset({"after", "before", "since", "until", "till", "once", "following", "when", "as"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_BETWEEN = frozenset({"npadvmod", "nummod", "punct", "advmod"})


def gapped_subject(verb: Any) -> Any:
    """The noun that is the subject of a subjectless verb parsed after 'after/before/since
    NOUN' (with only a date or adverb between), or None."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    span = verb.doc[verb.sent.start : verb.i]
    before = [t for t in span if t.dep_ == "pobj" and t.head.lower_ in _SUBORDINATORS]
    if not before or before[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = before[-1]
    inside = {t.i for t in noun.subtree}
    gap = verb.doc[noun.i + 1 : verb.i]
    if all(t.i in inside or t.ent_type_ in ("DATE", "TIME") or t.dep_ in _BETWEEN for t in gap):
        return noun
    return None


def other_subject(verb: Any, head: Any) -> bool:
    """A verb whose gapped subject is another noun than the mention's head (or the head's
    conjunct): its status and dates tell that noun's meeting."""
    noun = gapped_subject(verb)
    if noun is None:
        return False
    own = {head.i, *(c.i for c in head.conjuncts)}
    return noun.i not in own
