"""Stance constructions beyond one cue word: a list of conditions ('if four conditions are
met: A, B and C', 'our conditions include A and B'), where each item is demanded; a
territorial claim ('claimed it was an integral part of X'), a demand; accepting nothing
less than X, a demand of X; 'X is (not) acceptable' or 'X would not be needed', said of X;
a right the holder keeps, non-negotiable; an action taken 'at the request of X', demanded
by X; 'X is against / in favour of Y'; 'Y is a precondition / the main demand of X'; 'no
Y without X' (X demanded); 'there is no question of X' (rejected); 'will not accept any
deal that does not include X' (X demanded); an attitude phrase ('much to the displeasure of
X', 'with support from X'): X's stance on what the clause it hangs on does or says."""

from __future__ import annotations

from typing import Any

from .attitudes import attitude, judged
from .cues import _base, _Cue
from .items import nested_items


def construction_cues(sent: Any, lex: dict[str, Any]) -> list[_Cue]:
    out: list[_Cue] = []
    for tok in sent:
        if tok.lower_ in lex["list_heads"] and tok.pos_ == "NOUN":
            out += [_Cue(item, tok, lex["list_heads"][tok.lower_], "list", [item])
                    for item in _items(tok, lex)]
        elif tok.pos_ == "VERB" and _base(tok.lower_, lex, lex["claim_verbs"]):
            out += _claim(tok, lex)
        elif tok.pos_ == "VERB" and _base(tok.lower_, lex, lex["minimum_verbs"]):
            out += _minimum(tok)
        elif tok.lower_ in lex["evaluative"] and tok.dep_ == "acomp":
            out += _evaluation(tok, lex)
        elif tok.lower_ in lex["evaluative"]:
            out += judged(tok, lex)
        elif tok.lemma_.lower() in lex["needed"] and any(c.dep_ == "auxpass" for c in tok.children):
            out += _needed(tok, lex)
        elif tok.lemma_.lower() in lex["right_nouns"] and tok.pos_ == "NOUN":
            out += _kept_right(tok, lex)
        elif tok.lower_ in lex["request_nouns"] and tok.dep_ == "pobj":
            out += _at_request(tok, lex)
        elif tok.dep_ == "prep" and tok.head.lemma_ == "be" and tok.lower_ in lex["prep_predicates"]:
            out += _prep_predicate(tok, lex)
        elif tok.lemma_.lower() in lex["predicate_demands"] and tok.dep_ == "attr":
            out += _predicate_demand(tok)
        elif tok.lemma_.lower() in lex["predicate_demands"] and _maker(tok).lemma_ in lex["making_verbs"]:
            out += _made_condition(tok)
        elif tok.lower_ in lex["without"] and tok.dep_ == "prep":
            out += _without(tok)
        elif tok.dep_ == "attr" and tok.lemma_.lower() in lex["ruled_out_nouns"] + lex["refusable_nouns"]:
            out += _ruled_out(tok) if tok.lemma_.lower() in lex["ruled_out_nouns"] else _there_be_no(tok, lex)
        elif tok.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX"):
            out += _short_of(tok, lex)
        elif tok.lower_ in lex["attitude_nouns"] and tok.dep_ == "pobj":
            out += attitude(tok, lex)
    return out


def _short_of(clause: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'will not accept any agreement that does not include X', 'rejected any plan that did
    not provide for Y': what the refused thing must not lack is demanded."""
    noun, verb = clause.head, clause.head.head
    relative = any(c.dep_ == "nsubj" and c.lower_ in lex["relative"] for c in clause.children)
    if not relative or noun.dep_ != "dobj" or not any(c.dep_ == "neg" for c in clause.children):
        return []
    refused = any(c.dep_ == "neg" for c in verb.children) or _base(verb.lower_, lex, lex["refusing"])
    return [_Cue(clause, verb, "demand", "short_of", [clause])] if refused else []


def _maker(noun: Any) -> Any:
    """The verb that makes a noun a condition: 'made X a condition', 'set X as a condition'."""
    return noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head


def _made_condition(noun: Any) -> list[_Cue]:
    """'has made the release of X a condition for any dialogue', 'set X as a precondition':
    X is demanded by the subject of 'made' (the small clause's subject, or the object beside
    the predicate noun)."""
    if noun.dep_ == "pobj":  # "set X as a precondition"
        verb = _maker(noun)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i), None)
        return [_Cue(noun, verb, "demand", "condition", [obj])] if obj is not None else []
    if noun.dep_ not in ("dobj", "oprd", "ccomp"):
        return []
    subj = next((c for c in noun.children if c.dep_ == "nsubj"), None) or next(
        (c for c in noun.head.children if c.dep_ == "dobj" and c.i < noun.i), None)
    return [_Cue(noun, noun.head, "demand", "condition", [subj])] if subj is not None else []


def _ruled_out(noun: Any) -> list[_Cue]:
    """'there is no possibility of allowing X', 'no question of Y joining': the speaker
    rejects what is ruled out."""
    if not any(c.lower_ == "no" and c.dep_ == "det" for c in noun.children):
        return []
    what = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ in ("pobj", "pcomp")]
    return [_Cue(noun, noun.head, "reject", "ruled_out", what[:1])] if what else []


def _there_be_no(noun: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'There will be no negotiation with those who destroyed the country', 'there can be no
    amnesty': the speaker rejects it; not a fact ('there was no deal') nor a condition ('no
    talks until X', 'no deal without Y': demands of X and Y)."""
    verb = noun.head
    no = next((c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"), None)
    there = any(c.dep_ == "expl" for c in verb.children)
    conditional = any(t.lower_ in lex["without"] + lex["negated_conditions"] + ["unless", "if"]
                      for t in verb.subtree)
    modal = any(c.tag_ == "MD" for c in verb.children)  # "there will be no X"; "there was no X" is a fact
    if no is None or not there or not modal or conditional or verb.lemma_ != "be":
        return []
    return [_Cue(no, verb, "reject", "ruled_out", [noun])]


def _without(prep: Any) -> list[_Cue]:
    """'there can be no agreement without an end to X', 'will not withdraw without Y': what
    a negated outcome cannot do without is demanded by its subject, else the reporter."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    verb = next((a for a in prep.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if obj is None or verb is None:
        return []
    words = [verb, *(c for c in verb.children if c.dep_ in ("attr", "nsubj", "nsubjpass", "dobj"))]
    negated = any(c.dep_ == "neg" for c in verb.children) or any(
        d.lower_ == "no" and d.dep_ == "det" for w in words for d in w.children)
    return [_Cue(prep, verb, "demand", "condition", [verb])] if negated else []  # the whole condition


def _prep_predicate(prep: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'X is against Y' opposes Y, 'X is in favour of Y' supports it: the copula is the cue
    word (so 'is not against' negates it), its subject the holder."""
    entry = lex["prep_predicates"][prep.lower_]
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)  # "against holding X"
    if isinstance(entry, dict):  # "in favour of": the noun after "in" picks the stance
        stance = entry.get(obj.lower_) if obj is not None else None
        obj = next((o for p in (obj.children if stance else ()) if p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"), None)
    else:
        stance = entry
    return [_Cue(prep.head, prep.head, stance, "verb", [obj])] if stance and obj is not None else []


def _predicate_demand(noun: Any) -> list[_Cue]:
    """'the release of X was a precondition for talks', 'a halt to Y is the main demand of
    the Palestinians': the subject is demanded by the owner of the noun, else the reporter."""
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or any(c.dep_ == "neg" for c in noun.head.children):
        return []
    return [_Cue(noun, noun.head, "demand", "predicate", [subj])]


def _at_request(noun: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'it was delayed at the request of X', 'based on X's request': X demanded the action of
    the clause the request is attached to."""
    if noun.head.lower_ not in ("on", "at", "upon") or any(c.dep_ in ("prep", "acl") and c.lower_ != "of"
                                                             for c in noun.children):
        return []
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "prep"), None)
    if verb is None or verb.lemma_.lower() in lex["attendance_verbs"]:
        return []  # "arrived at the behest of X", "observed at the request of X": attendance
    return [_Cue(noun, noun, "demand", "request", [verb])]


def _kept_right(noun: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'while preserving its right to X', 'will keep our right to Y': a right the holder keeps
    is not negotiable; a participle's holder is its main clause's subject."""
    if not any(p.lower_ == "to" or p.dep_ == "acl" for p in noun.children):  # to X, to do X
        return []
    keep = next((a for a in noun.ancestors if a.pos_ == "VERB"
                 and _base(a.lower_, lex, lex["keep_verbs"])), None)
    if keep is None:
        return []
    pred = keep.head if keep.dep_ == "advcl" and keep.tag_ == "VBG" else keep
    return [_Cue(keep, pred, "non_negotiable", "right", [noun])]


def _evaluation(adj: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'X's interference is not acceptable': the subject is what the reporter rejects."""
    subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in lex["anaphors"] + lex["relative"]:
        return []
    stance = lex["evaluative"][adj.lower_]
    if any(c.dep_ == "neg" for c in adj.head.children):
        stance = lex["negated_cues"].get(adj.lower_) or lex["negated"].get(stance) or ""
    return [_Cue(adj, adj.head, stance, "evaluation", [subj])] if stance else []


def _needed(verb: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'such powers would not be needed': the reporter opposes what is called needless."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    negated = any(c.dep_ == "neg" for c in verb.children)
    if subj is None or not negated or subj.lower_ in lex["anaphors"] + lex["relative"]:
        return []
    return [_Cue(verb, verb, "oppose", "evaluation", [subj])]


def _items(head: Any, lex: dict[str, Any]) -> list[Any]:
    """The items a list head names: after a colon (an apposition) or as the object of
    'include'."""
    first = next((c for c in head.children if c.dep_ == "appos"), None) or _after_colon(head)
    stray: list[Any] = []
    if first is None and head.dep_ == "nsubj" and head.head.lemma_.lower() in lex["list_verbs"]:
        first = next((c for c in head.head.children if c.dep_ == "dobj"), None)
        stray = [c for c in head.head.children if c.dep_ == "conj" and c.pos_ == "NOUN"]  # parser slip
    if first is None:
        return []
    items = [first, *(c for c in first.children if c.dep_ == "conj"), *stray]
    nested = {n.i: n for item in items for n in nested_items(item)}  # hung on a noun inside an item
    return items + sorted(nested.values(), key=lambda t: t.i)


def _after_colon(head: Any) -> Any:
    """'if two conditions are met: an end to X and Y', the items hung elsewhere by the parser:
    the first noun after a colon that closes the head's clause."""
    doc = head.doc
    colon = next((t for t in doc[head.i + 1:min(head.i + 5, head.sent.end)] if t.text == ":"), None)
    if colon is None:
        return None
    return next((t for t in doc[colon.i + 1:min(colon.i + 4, head.sent.end)] if t.pos_ == "NOUN"
                 and t.dep_ not in ("compound", "amod", "nummod")), None)


def _claim(verb: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'claimed it was an integral part of Morocco', 'claim it is located in their zones'."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or clause.lemma_.lower() not in lex["claim_predicates"]:
        return []
    near = [clause] + [t for c in clause.children
            for t in [c, *c.children, *(g for d in c.children for g in d.children)]]
    if not any(t.lemma_.lower() in lex["territory_words"] for t in near):
        return []
    return [_Cue(verb, verb, "demand", "claim", [clause])]


def _minimum(verb: Any) -> list[_Cue]:
    """'will not accept less than the removal of X', 'settle for nothing less than X'."""
    for obj in verb.subtree:
        if obj.lower_ == "less" and obj.head.i != verb.i and obj.head.head.i != verb.i \
                and obj.head.i not in (c.i for c in verb.children):
            continue
        if obj.lower_ == "less":
            than = [p for p in obj.children if p.lower_ == "than"]
            wanted = [o for p in than for o in p.children if o.dep_ == "pobj"]
            if wanted:
                return [_Cue(verb, verb, "demand", "minimum", wanted[:1])]
    return []
