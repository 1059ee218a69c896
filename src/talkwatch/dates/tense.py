"""The direction a date points, read off the clause it sits in.

A bare expression ("Thursday", "March 3") may name the coming day or the last
one. The dependency parse tells which: the governing verb's auxiliaries and tag
(will/modals ahead, VBD and perfects behind, present tense ahead), the
prepositions "since" (behind) and "until" (ahead), and for plans ("scheduled
for", "due to", "postponed until") the tense and aspect of the scheduling: a
present plan lies ahead, a simple past one either way, a pluperfect one ("had
been set for") behind. Dates placed from a past point (would, future in the
past, superseded plans) get a lenient direction (``LEAN_AHEAD`` /
``LEAN_BEHIND``) that a much nearer date on the other side may override.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .calendar import LEAN_AHEAD, LEAN_BEHIND
from .cues import cues
from .syntax import comparison_base, outer_verb

_PRESENT = 10  # _tense's code for a present tense (directions are -2..2)


@functools.cache
def _lemmas(key: str) -> frozenset[str]:
    """A word list of the lexicon's ``tense`` section, as a set (built once)."""
    return frozenset(cues().raw["tense"][key])


def _lemma_in(word: str, lemmas: frozenset[str]) -> bool:
    """Crude lemma check (the pipeline runs without a lemmatizer): 'postponed' ~ 'postpone'."""
    return not _forms(word.lower()).isdisjoint(lemmas)


@functools.lru_cache(maxsize=4096)
def _forms(w: str) -> frozenset[str]:
    forms = {w}
    for suffix in ("ing", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            base = w[: -len(suffix)]
            forms |= {base, base + "e"}
            if base[-1] == base[-2]:
                forms.add(base[:-1])
    return frozenset(forms)


_TIME_OF_DAY = re.compile(
    r"^(?:\d{1,2}(?::\d\d)?|[aApP]\.?[mM]\.?|noon|midnight|o'clock|[A-Z]{1,3}T|:)$"
)


def preposition(span: Any) -> Any | None:
    """The preposition token that introduces the expression ("until 9 a.m. Tuesday")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.pos_ in ("ADP", "SCONJ") and root.head.i < span.start:
        return root.head
    leads = cues().words("prepositions", "lead")
    i = span.start - 1
    while i >= 0 and span.start - i <= 5 and (
        span.doc[i].lower_ == "the" or _TIME_OF_DAY.match(span.doc[i].text)
    ):
        i -= 1
    if i >= 0 and (tok := span.doc[i]).pos_ in ("ADP", "SCONJ") and tok.lower_ in leads:
        return tok
    return None


def _governor(span: Any) -> tuple[Any | None, list[Any]]:
    """The verb the expression hangs from, and the tokens passed on the way up to it.

    The second date of a pair ("between Feb. 3 and March 1") passes its first one
    as part of the expression, not as a noun between it and the verb.
    """
    tok, path = span.root, []
    for _ in range(10):
        head = tok.head
        if head.i == tok.i:
            return None, path
        if head.pos_ in ("VERB", "AUX"):
            return outer_verb(span, head), path
        if not (span.start <= head.i < span.end or tok.dep_ == "conj" and tok.i >= span.start):
            path.append(head)
        tok = head
    return None, path


def direction(span: Any, prep_tok: Any | None) -> tuple[int, bool]:
    """(+1 ahead / -1 behind / 0 nearest, weak): a weak past holds for weekdays only.

    A past tense reached through an object noun ("gave no reason for the Jan. 14
    deadline") or a simple past with "until" is weak: the date may lie either way.
    """
    c = cues()
    tense = c.raw["tense"]
    if prep_tok is not None and prep_tok.dep_ == "agent":
        prep_tok = None  # "laid down by the Feb. 23 accord": a passive's agent, not a deadline
    prep = prep_tok.lower_ if prep_tok is not None else None
    if prep in c.words("prepositions", "past"):
        return -1, False
    if _since_before(span):
        return -1, False
    verb, path = _governor(span)
    if comparison_base([*path, verb] if verb is not None else path):
        return -1, False
    if any(t.lower_ in tense["forward_adjectives"] for t in path):
        return 1, False
    until = prep in set(tense["until_prepositions"])
    if verb is None:
        return (1 if until or prep in c.words("prepositions", "future") else 0), False
    on_verb = prep_tok is None or _hangs_from(prep_tok, verb)
    fronted = verb.tag_ == "VBD" and span.start < verb.i  # "On Friday, X planned to ..."
    if (kind := _plan_kind(verb, prep if on_verb else None, fronted)) is not None:
        return _plan_direction(verb, kind), False
    if not until and _act_or_content(verb):
        return 0, False
    d = _tense(verb, 0)
    # nouns between the date and its verb ("the Feb. 23 accord"); time nouns
    # ("on the night of Oct. 23") are part of the date, not another event
    nouns = [t for t in path if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _lemmas("time_nouns")]
    via_noun = bool(nouns)
    via_object = via_noun and path[-1].dep_ not in ("nsubj", "nsubjpass")
    if d == _PRESENT:  # present tense: scheduled events ("talks resume Friday") unless via a noun
        return (0 if via_noun else 1), False
    if d <= 0 and via_noun and _lemma_in(verb.text, _lemmas("reporting_verbs")):
        return 0, False
    if until and on_verb:
        perfect = {a.lower_ for a in verb.children if a.dep_ == "aux"}
        if d == 0:
            return 1, False
        if d == -1 and perfect & {"has", "have", "'ve"}:
            return 0, False  # "has given them until Tuesday" / "has fallen through Oct. 19"
        if d == -1 and not perfect & {"had", "'d"}:
            return -1, True
    if d == -1 and via_object:
        return -1, True
    if d > 0 and via_object and span.root.dep_ == "poss":
        return 0, False  # "will appeal Wednesday's ruling": the event named may be done
    return d, False


def future_in_past(span: Any) -> bool:
    """'agreed that the meeting should take place on Saturday', 'said talks would resume
    Tuesday': a future seen from a past point (would/should), which it counts from."""
    verb = _governor(span)[0]
    if verb is None:
        return False
    auxes = {ch.lower_ for ch in verb.children if ch.dep_ in ("aux", "auxpass")}
    return bool(auxes & {"would", "should", "'d"}) and not auxes & {"have", "'ve"}


def spans_back(span: Any, prep_tok: Any | None) -> bool:
    """'the first talks in three years': 'in' + a length of time on a noun marked first,
    last, only or superlative measures back to now; it names no date ahead."""
    if prep_tok is None or prep_tok.lower_ != "in" or span.root.lower_ not in cues().raw["units"]:
        return False
    head = prep_tok.head
    if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    marks = cues().words("tense", "span_back_modifiers")
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in marks for t in [head, *head.children])


def _hangs_from(prep_tok: Any, verb: Any) -> bool:
    """The preposition belongs to the verb, also as the second half of 'from Monday to Friday'."""
    head = prep_tok.head
    if head.i == verb.i:
        return True
    source = cues().words("tense", "source_prepositions")
    if head.dep_ == "pobj":  # "from Monday to Thursday": "to" hangs from "Monday"
        head = head.head
    return head.lower_ in source and head.head.i == verb.i


def _plan_kind(verb: Any, prep: str | None, fronted: bool) -> str | None:
    """How the verb schedules its date: 'state' (scheduled for), 'target'/'source' of a delay.

    ``prep`` is the preposition of the date when it hangs from ``verb``.
    """
    tense = cues().raw["tense"]
    if fronted:
        return None  # "On Friday, the council planned ...": the day of the planning
    if _lemma_in(verb.text, _lemmas("schedule_verbs")):
        return "state"  # "scheduled for Friday", "planned a demonstration on Saturday"
    if _lemma_in(verb.text, _lemmas("set_verbs")) and any(
        ch.lower_ in tense["set_prepositions"] and ch.dep_ in ("prep", "aux")
        for ch in verb.children
    ):
        return "state"  # "a summit set for April", "set Nov. 10 as the deadline", not "a record set"
    if prep and _lemma_in(verb.text, _lemmas("delay_verbs")):
        if prep in tense["target_prepositions"]:
            return "target"  # "postponed until Thursday"
        if prep in tense["source_prepositions"]:
            return "source"  # "moved from Monday"
    return None


def _plan_direction(verb: Any, kind: str) -> int:
    """Where a scheduled date lies, from the tense and aspect of the scheduling.

    A plan stated in the present, perfect or future lies ahead ("is scheduled
    for", "has been set for"); the pluperfect, "was to have" and "would have"
    put it behind ("had been set for October 8 but was postponed"); a simple
    past is either ("was scheduled for March 3": nearest) unless it is the
    backshifted present of reported speech ("said talks were scheduled for
    Friday"). A delay's new date lies ahead, its old one is the nearest.
    """
    time = _clause_time(verb)
    if time == "bare" and verb.dep_ in ("acl", "amod", "advcl"):
        # "a service planned for Saturday was cancelled": the tense of the main clause
        host = _governor(verb.doc[verb.i:verb.i + 1])[0]
        time = "past" if host is not None and _clause_time(host) in ("past", "pluperfect") \
            else "present"
    reported = _reported(verb)
    if kind == "source":
        return -1 if time == "pluperfect" and not reported else 0
    if kind == "target":  # "was postponed until Thursday": ahead of the postponing
        return {"pluperfect": 0, "past": 1 if reported else LEAN_AHEAD,
                "would": LEAN_AHEAD}.get(time, 1)
    if time == "pluperfect":
        return 0 if reported else LEAN_BEHIND
    if time == "past" and not reported:
        return 0
    if time == "would":
        return LEAN_AHEAD  # "said the vote would be held on May 3": a future seen from the past
    superseded = cues().words("tense", "superseded_adverbs")
    if any(ch.dep_ == "advmod" and ch.lower_ in superseded for ch in verb.children):
        return 0  # "originally scheduled for May 2": the old date may have passed
    return 1


def _clause_time(verb: Any) -> str:
    """'pluperfect', 'perfect', 'future', 'would', 'past', 'present' or 'bare' (non-finite).

    "had + participle", "would/may have + participle" and "(was) to have +
    participle" count as pluperfect: a past before a past, or one that did not
    happen.
    """
    auxes = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    participle = verb.tag_ in ("VBN", "VBG") or "been" in words
    modal = words & (_lemmas("future_aux") | _lemmas("modal_future") | {"could"})
    if participle and words & _lemmas("pluperfect_aux"):
        return "pluperfect"
    if participle and words & {"have", "'ve"}:
        return "pluperfect" if modal or "to" in words else "perfect"
    if participle and (words & {"has"} or ("'s" in words and "been" in words)):
        return "perfect"
    if modal:
        return "would" if modal <= {"would", "'d"} else "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes):
        return "present"
    return "bare"


def _reported(verb: Any) -> bool:
    """Inside the complement of a past reporting verb ("said talks were due Friday").

    Reported speech shifts tenses back: "were scheduled" there stands for "are scheduled".
    """
    reporting = _lemmas("reporting_verbs")
    tok = verb
    for _ in range(4):
        if tok.dep_ == "ccomp":
            head = tok.head
            return _lemma_in(head.text, reporting) and _clause_time(head) in (
                "past", "pluperfect")
        if tok.dep_ not in ("conj", "xcomp", "relcl", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _since_before(span: Any) -> bool:
    """'since shortly after the Oct. 23 slaying': a 'since' a few words before, no verb between."""
    doc = span.doc
    for i in range(span.start - 1, max(span.start - 7, -1), -1):
        if doc[i].lower_ == "since":
            return True
        if doc[i].pos_ in ("VERB", "AUX") or doc[i].is_punct:
            return False
    return False


def _tense(verb: Any, depth: int) -> int:
    """+1 future, -1 past, _PRESENT, 0 unknown (or a lenient ±2), from auxiliaries and tags."""
    tense = cues().raw["tense"]
    auxes = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    future = words & set(tense["future_aux"])
    perfect = words & set(tense["perfect_aux"])
    if "could" in words and not perfect:
        return 0  # "could resume Monday" / "could not be located Wednesday": either way
    perfect_participle = verb.tag_ == "VBN" and not words & _lemmas("be_forms")
    if perfect and (perfect_participle or verb.tag_ == "VBG" or "been" in words):
        return 1 if future - {"would", "'d"} else -1
    if future - {"would", "'d"} or words & set(tense["modal_future"]):
        return 1
    if future:
        return LEAN_AHEAD  # "said they would leave by Jan. 14": a future seen from the past
    if "to" in words and (verb.tag_ == "VB" or words & _lemmas("be_forms")):
        # an infinitive, active or passive ("to meet", "to be held"): its governor's time
        gov = verb.head
        if gov.i == verb.i:
            return 0
        if _lemma_in(gov.text, _lemmas("forward_governors")):
            return _governed_plan(gov)
        if depth < 3:
            up = gov if gov.pos_ in ("VERB", "AUX") else _governor(gov.doc[gov.i:gov.i + 1])[0]
            d = _tense(up, depth + 1) if up is not None else 0
            return 0 if d == -1 else d  # "went to Geneva to attend talks on Monday": either way
        return 0
    if (verb.tag_ == "VBD" or verb.tag_ == "VBN" and not auxes) and depth < 3 and _follows_main(verb):
        return 1  # "would buy as soon as trading opened Monday": a future in the past
    if any(a.tag_ == "VBD" for a in auxes):
        return -1
    if verb.tag_ == "VBD":
        return -1
    if verb.tag_ == "VBN":
        passive = [a for a in auxes if a.dep_ == "auxpass"]
        return -1 if not passive else _PRESENT
    if verb.tag_ == "VBP" and verb.lower_ in tense["invariant_verbs"]:
        return 0  # "hurt", "cut", "set": the tagger cannot tell present from past
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and words & _lemmas("be_forms")):
        return _PRESENT
    if verb.tag_ == "VBG" and depth < 3:  # a participle clause takes its main verb's tense
        up = _governor(verb.doc[verb.i:verb.i + 1])[0]
        return _tense(up, depth + 1) if up is not None else 0
    return 0


def _governed_plan(gov: Any) -> int:
    """Direction of an infinitive under a forward governor ("due to resume", "agreed to meet").

    A plan (due, expected, set to) follows the rules of ``_plan_direction``; a
    commitment (agree, promise, decide to) points ahead unless pluperfect.
    """
    host = gov
    if gov.pos_ not in ("VERB", "AUX") and gov.head.pos_ in ("VERB", "AUX"):
        host = gov.head  # "were due to", "an agreement reached to"
    if gov.lower_ in cues().words("tense", "plan_states"):
        return _plan_direction(host, "state")
    time = _clause_time(host)
    if time == "bare" and (up := _governor(host.doc[host.i:host.i + 1])[0]) is not None:
        time = _clause_time(up)  # "led to Korea agreeing to return ...": the finite verb's time
    if time == "past" and _reported(host):
        time = "present"  # reported speech shifts a present back to a past, not further
    return {"pluperfect": LEAN_BEHIND, "past": LEAN_AHEAD}.get(time, 1)


def _act_or_content(verb: Any) -> bool:
    """An infinitive under a past speech act or a plan noun of a past verb ("urged the
    rebels to disarm on Monday", "accepted a plan to withdraw on Monday"): news tells the
    day of the act as often as the day of its content, so the date reads nearest."""
    if verb.tag_ not in ("VB", "VBN"):
        return False  # an infinitive, active or passive
    gov = verb.head
    if gov.i == verb.i or not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return False
    if gov.pos_ in ("NOUN", "PROPN") and gov.lower_ not in _lemmas("plan_states"):
        if not _lemma_in(gov.text, _lemmas("forward_governors")):
            return False
        host = _governor(gov.doc[gov.i:gov.i + 1])[0]
        return host is not None and _clause_time(host) == "past"
    speech = gov.pos_ in ("VERB", "AUX") and _lemma_in(gov.text, _lemmas("speech_act_governors"))
    return speech and _clause_time(gov) == "past"


def _follows_main(verb: Any) -> bool:
    """A past in a temporal clause ("as soon as trading opened") under a future main clause."""
    marks = cues().words("tense", "temporal_marks")
    if verb.dep_ != "advcl" or not any(
        ch.dep_ == "mark" and ch.lower_ in marks for ch in verb.children
    ):
        return False
    head = verb.head
    main = head if head.pos_ in ("VERB", "AUX") else _governor(head.doc[head.i:head.i + 1])[0]
    return main is not None and main.i != verb.i and _tense(main, 3) in (1, LEAN_AHEAD)
