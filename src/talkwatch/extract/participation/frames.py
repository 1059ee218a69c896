"""Status frames that tense and a verb's own negation miss.

- The subject can carry the negation: "neither X nor Y will attend", "no rebel
  delegation turned up" decline.
- An open question is undecided: "did not say whether it would attend", "had
  yet to confirm if", "declined to say whether" (the telling is withheld, so the
  attendance is not known).
- A journey told by its end is an arrival: "flew in on Sunday", "flew into
  Oslo" (not "flew to Oslo", which tells the trip, nor "will fly in").
- Leaving talks under way puts the leaver there first: "walked out of the talks"
  gives attended next to declined.
"""

from __future__ import annotations

from typing import Any

from .. import _clauses as clauses


def negation(cue: Any, subject: Any | None, lex: dict[str, Any]) -> bool:
    """The cue is negated: by itself, by the verb it completes ('did not want to attend', 'was
    not present'), by failing ('failed to turn up') or by its subject ('neither X nor Y')."""
    above = cue.head.children if cue.dep_ in ("xcomp", "acomp") else []
    neg = clauses.negated(cue) or any(c.dep_ == "neg" for c in above)
    neg = neg or cue.dep_ == "xcomp" and cue.head.lemma_ == "fail"
    return neg or subject_negated(cue, subject, lex)


def denied(cue: Any, attending: bool) -> str:
    """A negated attendance declines, unless only possible ('may not attend': undecided)."""
    return "undecided" if attending and possible(cue) else "declined"


def subject_negated(cue: Any, subject: Any | None, lex: dict[str, Any]) -> bool:
    """'Neither X nor Y will attend', 'no delegation arrived': the negation sits on the subject."""
    if subject is None or subject.i > cue.i:
        return False
    if subject.lower_ in lex["negating_pronouns"]:
        return True  # "none of the rebels came"
    words = lex["negating_determiners"]
    return any(c.dep_ in ("det", "preconj") and c.lower_ in words for c in subject.children)


def undecided_frame(cue: Any, lex: dict[str, Any]) -> bool:
    """'it is not clear if X will attend', 'unsure whether they would attend'."""
    if not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in cue.children):
        return False
    if withheld(cue, lex):
        return True  # "did not say whether X would attend"
    words_of = lex["undecided_frames"]
    t = cue
    for _ in range(4):
        if t.head.i == t.i:
            break
        t = t.head
        words = " ".join(x.lower_ for x in t.subtree if x.i < cue.i)
        if t.lemma_ in ("decide", "know", "wonder", "weigh", "consider") or any(f in words for f in words_of):
            return True
    return False


def withheld(cue: Any, lex: dict[str, Any]) -> bool:
    """'did not say whether X would attend', 'had yet to confirm if', 'declined to say whether':
    whether X attends is the open question of a telling that did not happen."""
    if not any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in cue.children):
        return False
    teller = cue.head
    if cue.dep_ not in ("ccomp", "advcl") or teller.lemma_.lower() not in lex["telling_verbs"]:
        return False
    if clauses.negated(teller) or _yet(teller):
        return True
    owner = teller.head  # "declined to say whether", "refused to confirm if"
    return teller.dep_ == "xcomp" and owner.lemma_.lower() in lex["withholding_verbs"]


def _yet(verb: Any) -> bool:
    """'had yet to confirm', 'is yet to say': not done so far."""
    holders = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])
    return any(c.lower_ == "yet" and c.dep_ == "advmod" for h in holders for c in h.children)


def flew_in(cue: Any, lex: dict[str, Any]) -> bool:
    """'flew in', 'had flown into Oslo': past travel told by its end point, an arrival."""
    if cue.lemma_.lower() not in lex["arrival_journeys"] or clauses.future(cue):
        return False
    if cue.tag_ not in ("VBD", "VBN") or cue.dep_ in ("xcomp", "pcomp"):
        return False
    ends = lex["arrival_particles"]
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ends for c in cue.children)


def statuses(cue: Any, status: str, lex: dict[str, Any], under_way: bool) -> list[str]:
    """The stated status and what it entails at talks under way: arriving at them or walking
    out of them is being there ('attended' as well)."""
    there = status == "arrived" and under_way or left_while_there(cue, status, lex, under_way)
    return [status] + (["attended"] if there else [])


def left_while_there(cue: Any, status: str, lex: dict[str, Any], under_way: bool) -> bool:
    """'walked out of the talks', 'stormed out of the session': a leaver of talks under way
    took part in them before leaving."""
    if status != "declined" or not under_way or clauses.future(cue) or clauses.negated(cue):
        return False
    if cue.tag_ not in ("VBD", "VBN") or cue.dep_ == "xcomp":
        return False  # "threatened to walk out": still there, nothing left yet
    teams = [c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in lex["send_objects"]]
    if cue.lemma_.lower() in lex["recalling_verbs"] and teams:
        return True  # "recalled its negotiators from the talks"
    return clauses.match(cue, {"left": lex["leaving_cues"]}) == "left"


def possible(cue: Any) -> bool:
    """'X may attend', 'X may be willing to go': a possibility, not a plan."""
    t = cue
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in t.children):
            return True
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            return False
        t = t.head
    return False


def past(cue: Any) -> bool:
    """Told as done: a simple past or perfect, not a plan or a future in the past."""
    if cue.pos_ == "ADJ" and cue.dep_ == "acomp":  # "X, Y and Z were present"
        cue = cue.head
    if clauses.future(cue) or cue.dep_ == "xcomp" or cue.dep_ == "relcl" and clauses.future(cue):
        return False
    return cue.tag_ in ("VBD", "VBN") and not any(c.lower_ in ("will", "would") for c in cue.children)


def progressive(cue: Any) -> bool:
    """Still going on: 'is still deciding', 'has yet to decide' (the adverb on 'has')."""
    holders = [cue] + ([cue.head] if cue.dep_ == "xcomp" else [])
    return cue.tag_ == "VBG" or any(c.lower_ in ("still", "yet") for h in holders for c in h.children)


def ruled_out(cue: Any, lex: dict[str, Any]) -> str | None:
    """'X ruled out attending' declines; 'X has not ruled out attending' leaves it open."""
    if cue.dep_ not in ("xcomp", "dobj", "pcomp", "ccomp"):
        return None
    head = cue.head
    if clauses.match(head, {"out": lex["excluding_verbs"]}) != "out":
        return None
    return "undecided" if clauses.negated(head) else "declined"


def met_before(cue: Any, mentions: dict[int, str]) -> bool:
    """'X met Y before a three-way meeting', 'met Y after the plenary': a meeting named in a
    time phrase of 'meet' is another meeting, before or after the one they held."""
    preps = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in _TIME_PREPS]
    return any(t.idx in mentions for p in preps for t in p.subtree)


def host_meeting(cue: Any, focus: Any) -> Any | None:
    """'The round in X broke down after the delegation walked out': a cue in an adverbial
    clause of a verb whose subject is a meeting is about that meeting."""
    if cue.dep_ != "advcl":
        return None
    subjects = [c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for tok in (t for s in subjects for t in s.subtree):
        mid = focus.by_pos.get(tok.idx)
        if mid:
            return focus.meetings[mid]
    return None


_TIME_PREPS = ("before", "after", "following", "ahead", "since", "until")
