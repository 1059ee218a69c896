"""Where a meeting noun's status cue sits when it is not the noun's own verb: on the party
named after it, on a clause the parser hung it from, on the verb right after it, or on a
noun it completes ('the start of the talks')."""

from __future__ import annotations

from typing import Any

from .. import _clauses as clauses
from .gapped import gapped_subject
from .mentions import _Mention


def party_acl(head: Any, lex: dict[str, Any]) -> list[tuple[Any, str]]:
    """'talks with the opposition set to begin on Sunday': a plan the parser hangs on the
    party named after the meeting noun; parties do not begin, so it is the meeting's."""
    nouns = [head, *(g for p in head.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj")]
    preps = [p for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ in ("with", "between")]
    objs = [o for p in preps for o in p.children]
    acls = [c for o in objs for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    found = [(c, clauses.match(c, lex["status_cues"]) or _planned_start(c, lex)) for c in acls]
    relcls = [c for o in objs for c in o.children if c.dep_ == "relcl"]
    found += [(t, "scheduled") for c in relcls for t in _relcl_plan(c, lex)]
    return [(c, s) for c, s in found if s in ("scheduled", "postponed")]


def marked_subject(head: Any, lex: dict[str, Any]) -> list[tuple[Any, str]]:
    """'after both a lunch and the ceremony were scuttled' parsed with the lunch as object of
    'after': a noun hung on a clause's mark, or whose 'and' is left without its conjunct
    because the next noun took the verb, is that clause's subject too."""
    mark = head.head
    verb = mark.head if head.dep_ == "pobj" and mark.dep_ == "mark" else None
    cc = [c for c in head.children if c.dep_ == "cc"]
    if verb is None and cc and not any(c.dep_ == "conj" for c in head.children):
        doc = head.doc
        subj = next((t for t in doc[cc[0].i + 1 : cc[0].i + 6] if t.dep_ in ("nsubj", "nsubjpass")), None)
        verb = subj.head if subj is not None else None
    if verb is None and head.dep_ == "pobj":  # 'after talks Monday failed', the verb hung elsewhere
        verb = next((v for v in head.sent if v.i > head.i and _gap_is(v, head)), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    status = clauses.match(verb, lex["status_cues"])
    return [(verb, status)] if status else []


def _relcl_plan(verb: Any, lex: dict[str, Any]) -> list[Any]:
    """'with the rebel leader, which was due to take place on Friday': a relative clause on
    the party whose infinitive is a meeting's start or holding (parties do not take place);
    the infinitive carries the plan's date."""
    chain = [verb]
    while len(chain) < 4:
        nxt = [c for c in chain[-1].children if c.dep_ in ("acomp", "xcomp")]
        if not nxt:
            break
        chain.append(nxt[0])
    last = chain[-1]
    infinitive = len(chain) > 1 and any(c.tag_ == "TO" for c in last.children)
    starts = clauses.match(last, lex["status_cues"]) in ("ongoing", "held", "scheduled")
    return [last] if infinitive and starts else []


def _planned_start(verb: Any, lex: dict[str, Any]) -> str | None:
    """'set to begin', 'expected to open': a participle with an infinitive of starting."""
    for c in verb.children:
        infinitive = c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)
        if infinitive and clauses.match(c, lex["status_cues"]) in ("ongoing", "scheduled"):
            return "scheduled"
    return None


def noun_cue(m: _Mention, lex: dict[str, Any]) -> list[tuple[Any, str]]:
    """'sat down on Saturday for the start of peace talks': the noun's verb carries the date."""
    head = m.head
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return []
    noun = head.head.head
    for status, nouns in lex["status_nouns"].items():
        if noun.lemma_.lower() in nouns:
            verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), noun)
            return [(verb, status)]
    return []


def next_verb_cue(m: _Mention, lex: dict[str, Any]) -> list[tuple[Any, str]]:
    """A misparsed clause ('since a round in Geneva collapsed'): the verb right after the mention."""
    doc = m.head.doc
    i = m.end
    while i < len(doc) and i < m.end + 3 and (doc[i].dep_ in ("aux", "auxpass", "advmod", "neg")):
        i += 1
    if (
        i < len(doc)
        and doc[i].pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children)
    ):
        status = clauses.match(doc[i], lex["status_cues"])
        if status:
            return [(doc[i], status)]
    return []


def _gap_is(verb: Any, noun: Any) -> bool:
    gap = gapped_subject(verb)
    return gap is not None and gap.i == noun.i


_DURING = frozenset({"during", "at", "in"})


def outcome_cue(head: Any, lex: dict[str, Any]) -> list[tuple[Any, str]]:
    """'failed to achieve results during their third round': an ending verb in the past
    over what the parties did at the meeting tells the meeting's outcome, so its end."""
    prep = head.head
    verb = prep.head if head.dep_ == "pobj" and prep.lower_ in _DURING else None
    if verb is None or verb.dep_ != "xcomp" or verb.pos_ != "VERB":
        return []
    main = verb.head
    ending = main.tag_ == "VBD" and clauses.match(main, lex["status_cues"]) == "concluded"
    return [(main, "concluded")] if ending else []
