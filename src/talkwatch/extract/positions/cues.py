"""Word cues of a stance: verbs (with particles), adjectives, nouns, refusals and fixed
non-negotiable phrases; clause cues (modals, conditions) come from ``clauses``."""

from __future__ import annotations

import re
from typing import Any

from . import issues
from .base import (  # noqa: F401 - re-exported for the other modules
    _CLIMB_DEPS,
    _ENTITY_TYPES,
    _FIXED_STANCE,
    _OBJ_DEPS,
    _SUBJ_DEPS,
    _base,
    _Cue,
)
from .clauses import _condition_cues, _modal_cue, only_before


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
        elif tok.pos_ == "NOUN" and _noun_key(tok, lex):
            out += _noun_cue(tok, lex)
        out += _modal_cue(tok, lex)
    fixed = _fixed_cues(sent, lex)
    inside = {t for c in fixed for t in range(c.token.i, c.token.i + c.width)}
    out = [c for c in out if c.token.i not in inside]  # "not open to negotiation" is one cue
    out += _condition_cues(sent, lex) + fixed
    return sorted(out, key=lambda c: c.token.i)


def _particle_cue(tok: Any, particles: dict[str, str], lex: dict[str, Any]) -> list[_Cue] | None:
    """'calls for X', 'rule out X', 'called for any truce to be ...' ('for' as a mark); None
    when no particle of the verb stands there."""
    if any(c.dep_ == "prt" and c.lower_ not in particles for c in tok.children):
        return None  # "worked out the agenda for X" is another verb than "work for X"
    for child in tok.children:
        stance = particles.get(child.lower_)
        if (
            stance
            and child.dep_ in ("prt", "prep")
            and not _aside(child, lex)
            and not any(o.ent_type_ in ("DATE", "TIME") for o in child.children)
        ):
            if child.dep_ == "prep":
                objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            else:
                objs = [c for c in tok.children if c.dep_ == "dobj"]
            objs += [c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.i > child.i
                     and (c.dep_ == "xcomp" or any(a.lower_ == "to" for a in c.children))]
            if _procedural(tok, objs, lex) or _joint_topic(tok, lex):
                return []
            return [_Cue(tok, tok, _talk_open(stance, tok, objs, lex), "verb", objs)]
    for clause in tok.children:
        marks = [m.lower_ for m in clause.children if m.dep_ == "mark"]
        if clause.dep_ in ("advcl", "ccomp") and marks and marks[0] in particles:
            return [_Cue(tok, tok, particles[marks[0]], "verb", [clause])]
    return None


def _joint_topic(tok: Any, lex: dict[str, Any]) -> bool:
    """'the two sides focused on X', 'he said the talks had focused on Y': the topic of joint
    talks, no one side's priority ('the opposition focused on X' is)."""
    if _base(tok.lower_, lex, lex["one_side_verbs"]) is None:
        return False
    subj = next((c for c in tok.children if c.dep_ in _SUBJ_DEPS), None)
    return subj is None or bool(subj.conjuncts) or subj.lower_ in lex["meeting_nouns"] \
        or subj.lower_ in lex["party_nouns"] and subj.tag_ == "NNS" or subj.lower_ in lex["pronoun_types"]


def _verb_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    particles = lex["particle_verbs"].get(_base(tok.lower_, lex, lex["particle_verbs"]) or "")
    found = _particle_cue(tok, particles, lex) if particles else None
    if found is not None:
        return found
    passive = lex["passive_verbs"].get(tok.lemma_.lower())
    if passive and any(c.dep_ == "auxpass" for c in tok.children):  # "not be bound by X"
        objs = [o for c in tok.children if c.dep_ == "agent" for o in c.children]
        return [_Cue(tok, tok, passive, "passive", objs)] if objs else []
    base = _base(tok.lower_, lex, lex["verbs"])
    if base is None:
        return _refusal_cue(tok, lex) or _restriction_cue(tok, lex)
    if base in lex["party_subject_verbs"] and tok.dep_ in ("relcl", "acl"):
        return []  # "a process which aims to normalize relations": no party's stance
    objs = [
        c
        for c in tok.children
        if c.dep_ in _OBJ_DEPS
        or (c.dep_ == "prep" and c.lower_ in ("on", "for", "to", "against"))
        and not _aside(c, lex)
    ]
    objs += [
        c
        for c in tok.children
        if c.dep_ in ("acl", "advcl")
        and not objs
        and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
    ]  # a that-clause misparsed
    if not objs:  # "demanded for Saab to be released"
        objs = [c for c in tok.children if c.dep_ == "advcl"
                and any(m.lower_ == "for" and m.dep_ == "mark" for m in c.children)]
    if any(c.dep_ == "nsubjpass" for c in tok.children):
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
        objs = [tok.head]  # "the plan, backed by X, ...": X backs the plan
    if not objs and tok.dep_ == "conj" and any(c.dep_ == "agent" for c in tok.children):
        objs = [c for c in tok.head.children if c.dep_ == "nsubjpass"]  # "welcomed by X and criticised by Y"
    if base in lex["infinitive_only"] and not any(c.dep_ == "xcomp" for c in objs):
        return []
    if any(c.dep_ in ("ccomp", "xcomp") for c in objs):  # "insists that X, a demand ..."
        objs = [c for c in objs if c.lower_ not in lex["anaphoric_heads"] or c.pos_ == "VERB"]
        objs = [c for c in objs if c.dep_ != "dobj" or c.pos_ != "PRON"]  # "assured him that X"
    if base in lex["open_with_object"] and tok.tag_ != "VBG" and (
        any(c.dep_ in ("ccomp", "oprd", "acomp") for c in tok.children) or _regards(tok, lex)
    ):
        return []  # "which X considers non-negotiable / a terrorist group" is not "considering X"
    if objs and all(
        c.dep_ == "ccomp" and any(m.lower_ in ("whether", "if") for m in c.children) for c in objs
    ):
        return []  # "asked whether ...": a question, not a stance
    if _procedural(tok, objs, lex) or _self_hope(tok, objs, lex):
        return []
    if base in lex["assertive_verbs"] and objs and all(_indicative(c) for c in objs):
        return _time_to(tok, objs)
    return [_Cue(tok, tok, _talk_open(lex["verbs"][base], tok, objs, lex), "verb", objs)]


def _regards(tok: Any, lex: dict[str, Any]) -> bool:
    """'which the EU considers a terrorist group': a relative pronoun and a noun object are a
    small clause (regarding something as something), no deliberation."""
    args = [c for c in tok.children if c.dep_ in ("nsubj", "dobj", "attr")]
    return any(c.lower_ in lex["relative"] for c in args) and any(
        c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN" for c in args)


def _indicative(clause: Any) -> bool:
    """'insisted that Moscow had a list', 'insist that the first step is the hardest': a
    clause in the past or a plain copula states a fact; 'insists that troops withdraw' or
    'that they must leave' asks for one."""
    if clause.dep_ != "ccomp" or any(c.tag_ == "MD" for c in clause.children):
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    return clause.tag_ == "VBD" or any(a.tag_ in ("VBD", "VBZ") for a in auxes) \
        or clause.lemma_ == "be" and clause.tag_ in ("VBZ", "VBD")


def _time_to(tok: Any, objs: list[Any]) -> list[_Cue]:
    """'insisted it was time to open a new chapter': the speaker supports what is due."""
    due = [v for c in objs if c.lemma_ == "be" for a in c.children if a.lower_ == "time"
           for v in a.children if v.dep_ in ("relcl", "acl", "xcomp") and v.pos_ == "VERB"]
    return [_Cue(tok, tok, "support", "verb", due[:1])] if due else []


def _self_hope(tok: Any, objs: list[Any], lex: dict[str, Any]) -> bool:
    """'We hope we will finish what we started', 'we hope the meetings will be fruitful': a
    wish about one's own doings or about the meetings is no stance on an issue."""
    if _base(tok.lower_, lex, lex["wish_verbs"]) is None:
        return False
    subjects = [c for o in objs if o.dep_ == "ccomp" for c in o.children if c.dep_ in _SUBJ_DEPS]
    return any(s.lower_ in lex["first_person"]
               or s.lemma_.lower() in lex["meeting_nouns"] and s.head.lemma_ == "be"
               for s in subjects)  # but "this round would lead to a deal" hopes for the deal


def _refusal_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'his men would not hand over their weapons': a refused action is rejected."""
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "neg")}
    if (
        tok.lemma_.lower() in lex["refusable"]
        and aux & {"not", "n't", "never"}
        and aux & set(lex["future_aux"])
    ):
        return [_Cue(tok, tok, "reject", "refusal", [tok])]
    return []


def _restriction_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'he would only meet Putin in person': the one way a party will act is its demand."""
    kids = {c.lower_ for c in tok.children if c.dep_ in ("aux", "advmod")}
    conditional = any(c.dep_ == "advcl" and only_before(tok, c) and any(m.lower_ == "if" for m in c.children)
                      for c in tok.children)  # "will only sign if X": X is the demand
    if "only" in kids and kids & set(lex["future_aux"]) and tok.pos_ == "VERB" and not conditional:
        return [_Cue(tok, tok, "demand", "restriction", [tok])]
    return []


def _aside(prep: Any, lex: dict[str, Any]) -> bool:
    """'for its part', 'on his part': a discourse aside, not an object."""
    return any(o.lower_ in lex["aside_nouns"] for o in prep.children if o.dep_ == "pobj")


def _adjective_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    """'open to X', 'ready to Y'; 'critical of X', 'sceptical about Y' only with their own
    prepositions ('critical to the success' is no criticism)."""
    only = lex["adjective_only_preps"].get(tok.lower_)
    objs = [c for c in tok.children if c.dep_ in ("prep", "xcomp")
            and ((c.lower_ if c.dep_ == "prep" else "to") in only if only else c.lower_ != "of")]
    if only and "that" in only and not objs:  # "adamant that X", the clause often hung on the copula
        objs = [c for t in (tok, tok.head) for c in t.children if c.dep_ == "ccomp" and c.i > tok.i
                and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)][:1]
    if not objs:
        return []
    stance = lex["adjectives"][tok.lower_]
    by_prep = lex["adjective_preps"].get(tok.lower_, {})
    stance = next((by_prep[c.lower_] for c in objs if c.lower_ in by_prep), stance)
    if _leaving_talks(objs, lex):
        return []
    return [_Cue(tok, tok, _talk_open(stance, tok, objs, lex), "adjective", objs)]


def _leaving_talks(objs: list[Any], lex: dict[str, Any]) -> bool:
    """'willing to walk away from the talks': a threat to leave, no stance on an issue."""
    return any(v.lemma_.lower() in lex["exit_verbs"] and any(
        t.lower_ in lex["talk_nouns"] for t in v.subtree) for v in objs if v.pos_ == "VERB")


def _noun_cue(tok: Any, lex: dict[str, Any]) -> list[_Cue]:
    key = _noun_key(tok, lex)
    need = lex["noun_preps"].get(key, [])
    objs = [c for c in tok.children
            if c.dep_ in ("prep", "acl", "advcl") and (not need or _marker(c) in need)]
    if not objs:
        objs = _hung_clause(tok, need)
    if not objs and need and tok.dep_ == "dobj":  # "gave his backing to the talks"
        objs = [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in need]
    objs = objs or _after_dash(tok, lex)
    voiced = tok.dep_ == "dobj" and _base(tok.head.lower_, lex, lex["voicing_verbs"]) is not None
    if key in lex["voiced_only_nouns"] and not voiced and not any(c.dep_ == "poss" for c in tok.children):
        return []  # "despite concerns about X": nobody's stance; "expressed concern over X" is
    if need and not objs or tok.dep_ in _SUBJ_DEPS and not objs:
        return []
    if tok.head.lemma_.lower() in lex["abandon_verbs"]:
        return []  # "dropped their demand for independence": no longer held
    stance = _talk_open(lex["nouns"][key], tok, objs, lex)
    return [_Cue(tok, tok, stance, "noun", objs), *_fulfilled(tok, objs, lex)]


_DASHES = ("-", "--", "—", "–", ":")


def _after_dash(noun: Any, lex: dict[str, Any]) -> list[Any]:
    """'met another rebel condition as a prelude to talks - easing a blockade': the content of
    a condition or demand set off by a dash or colon after the noun's clause."""
    if noun.lemma_.lower() not in lex["dash_nouns"]:
        return []
    doc, stop = noun.doc, noun.sent.end
    mark = next((t for t in doc[noun.i + 1:min(stop, noun.i + 9)] if t.text in _DASHES), None)
    after = next((t for t in doc[mark.i + 1:stop] if not t.is_punct), None) if mark is not None else None
    if after is None:
        return []
    while after.head.i > mark.i and after.head.i != after.i:
        after = after.head  # the top of the phrase after the dash
    return [after] if after.pos_ in ("VERB", "NOUN") else []


def _fulfilled(noun: Any, objs: list[Any], lex: dict[str, Any]) -> list[_Cue]:
    """'the government met another rebel condition - X', 'granted their demand for Y': who
    fulfils a demand supports what it asks (not when negated: 'had not heeded')."""
    verb = noun.head
    if noun.dep_ != "dobj" or _base(verb.lower_, lex, lex["fulfil_verbs"]) is None \
            or any(c.dep_ == "neg" for c in verb.children):
        return []
    return [_Cue(verb, verb, "support", "fulfilled", objs)]


def _noun_key(tok: Any, lex: dict[str, Any]) -> str:
    """A stance noun's lexicon entry: the word, else its singular ('calls for', 'offers of')."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return low if low in lex["nouns"] else lemma if lemma in lex["nouns"] else ""


def _hung_clause(noun: Any, need: list[str]) -> list[Any]:
    """'Syria's demand that Israel return X', 'showed "readiness" to sign': the clause right
    after the noun that the parser hung on another word."""
    after = next((t for t in noun.doc[noun.i + 1:noun.i + 3] if not t.is_punct), None)
    if after is None or after.lower_ not in need or after.lower_ not in ("that", "to"):
        return []
    clause = after.head
    return [clause] if after.dep_ in ("mark", "aux") and clause.i > after.i else []


def _marker(comp: Any) -> str:
    """What introduces a noun's complement: its preposition, 'to' (an infinitive) or 'that'."""
    if comp.dep_ == "prep":
        return comp.lower_
    return next((c.lower_ for c in comp.children if c.dep_ in ("aux", "mark") and c.i < comp.i), "")


def _procedural(tok: Any, objs: list[Any], lex: dict[str, Any]) -> bool:
    """'agreed to hold another meeting', 'agreed that they would attend', 'agreed to meet at
    the border', 'the agenda had been agreed': arranging the talks, not a stance on an issue;
    'agreed to a ceasefire': the agreement itself (the agreements extractor's fact)."""
    if _base(tok.lower_, lex, lex["consent_verbs"]) is None:
        return False
    if any(c.dep_ == "auxpass" for c in tok.children):
        return True
    words = [t for o in objs for t in o.subtree]
    heads = [o if o.dep_ != "prep" else next((c for c in o.children if c.dep_ == "pobj"), o) for o in objs]
    if any(h.lemma_.lower() in lex["agreement_nouns"] and not _terms(h) for h in heads):
        return True  # "agreed to a ceasefire": the agreement itself, not a stance
    if any(t.lemma_.lower() in lex["attendance_verbs"] or t.lower_ == "part" and t.head.lemma_ == "take"
           for t in words):
        return True
    talk = next((t for t in words if t.pos_ == "VERB" and _base(t.lower_, lex, lex["talk_verbs"])), None)
    if talk is not None:  # "agreed to discuss X" is open to X; "agreed to meet at the border" is not
        holders = [talk, talk.head] if talk.head.i != tok.i and talk.dep_ == "xcomp" else [talk]
        return not any(c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.i != talk.i
                       for h in holders for c in h.children if h is not talk or c.dep_ != "nsubj")
    return any(t.lemma_.lower() in lex["meeting_nouns"] for t in words)


def _terms(agreement: Any) -> bool:
    """'agreed a deal which will give the province autonomy', 'a deal on autonomy': the terms
    agreed are a stance on them (not when the clause only dates it: 'a truce that starts Monday')."""
    if any(c.dep_ == "prep" and c.lower_ in ("on", "over") for c in agreement.children):
        return True
    return any(c.dep_ == "relcl" and any(d.dep_ in ("dobj", "dative") for d in c.children)
               and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for c in agreement.children)


def _talk_open(stance: str, tok: Any, objs: list[Any], lex: dict[str, Any]) -> str:
    """'ready to sign' supports signing; 'ready to discuss', 'agreed to meet', 'willing to go
    back to the negotiating table' are only open to it: consent to talk is no consent."""
    if stance != "support" or _base(tok.lower_, lex, lex["open_for_talks"]) is None:
        return stance
    verbs = [o for o in objs if o.pos_ in ("VERB", "AUX")] or [
        t for o in objs for t in o.subtree if t.pos_ == "VERB"]
    chain = verbs[:1]
    while chain and any(c.dep_ == "xcomp" for c in chain[-1].children):  # "have to be discussed"
        chain.append(next(c for c in chain[-1].children if c.dep_ == "xcomp"))
    if any(_base(v.lower_, lex, lex["talk_verbs"]) is not None for v in chain):
        return "open"
    if verbs and any(t.lower_ in lex["talk_nouns"] and t.head.lower_ == "to"
                     for t in verbs[0].subtree if t.dep_ == "pobj"):
        return "open"  # "willing to go back to the negotiating table"
    if any(o.dep_ == "prep" and o.lower_ == "for" and any(c.lower_ in lex["talk_nouns"] for c in o.children)
           for o in objs):
        return "open"  # "ready for dialogue": to talk, not to settle
    return stance


def _fixed_cues(sent: Any, lex: dict[str, Any]) -> list[_Cue]:
    out = []
    for pattern in lex["non_negotiable"]:
        for m in re.finditer(pattern, sent.text, flags=re.I):
            span = sent.doc.char_span(
                sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
            )
            if span is None:
                continue
            pred = span.root
            while pred.pos_ not in ("VERB", "AUX") and pred.head.i != pred.i:
                pred = pred.head
            small = [c for t in span for c in t.children if c.dep_ in _SUBJ_DEPS]
            small += [c for c in pred.children if c.dep_ == "dobj"]
            if small and pred not in span:  # "X considers access to the sea non-negotiable"
                out.append(_Cue(span[0], pred, "non_negotiable", "considered", small[:1], len(span)))
                continue
            subj = [c for c in pred.children if c.dep_ in _SUBJ_DEPS]
            out.append(_Cue(span[0], pred, "non_negotiable", "fixed", subj, len(span)))
    return out


# -- holders ----------------------------------------------------------------


def _stray_subject(verb: Any) -> bool:
    """A finite conjoined verb right after a noun the parser coordinated with an object."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else verb
    return verb.dep_ == "conj" and verb.tag_ in ("VBP", "VBZ", "VBD") and before.dep_ == "conj" \
        and before.pos_ in ("NOUN", "PROPN") and before.head.i < before.i and before.head.dep_ == "dobj"
