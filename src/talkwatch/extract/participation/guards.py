"""When a cue verb states nothing about its subject's attendance.

A verb of the cue lexicon can be used for something else: "invited to attend"
is the invitation, "decided not to invite X" is about X, "demanded that X join"
is a wish, "if the delegates arrived" a condition, "failed to bring the sides to
agreement" an outcome. ``silenced`` says when the subject cue of a token is void;
``brings_nobody`` does the same for the object cue "bring".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import _clauses as clauses
from . import complements, nouns

_PARTNER_PREPS = ("with", "between")
CueStatus = Callable[[Any, dict[str, Any]], "str | None"]


def silenced(tok: Any, status: str, lex: dict[str, Any], cue_status: CueStatus) -> bool:
    """A subject cue ``tok`` of class ``status`` that states no participation of its subject
    (``cue_status`` classes other tokens the same way)."""
    if status in ("declined", "undecided") and not complements.about_attendance(tok, lex):
        return True
    if possibility(tok, lex):
        return True  # "eliminate the possibility of X taking part": no statement of X's plan
    if tok.lemma_ in lex["attendance_only"] and not complements.takes_invitation(tok, lex):
        return True  # "accepted the invitation"; "confirmed that X will attend" is X's own statement
    xcomps = [c for c in tok.children if c.dep_ == "xcomp"]
    if status == "negotiating" and any(cue_status(c, lex) for c in xcomps):
        return True  # "agreed to meet again": the complement states who attends what
    if tok.dep_ == "xcomp" and tok.head.lemma_ in lex["object_cues"]["invited"]:
        return True  # "invited to attend": the invitation is the statement
    if tok.dep_ == "xcomp" and _refusal_states(tok.head, lex, cue_status):
        return True  # "refused to come", "declined to attend": the refusal is the statement
    if nouns.barred(tok, lex):
        return True  # "barred X from attending": the object cue says who is kept out
    if tok.lemma_ in lex["running_verbs"] and _runs_something_else(tok, lex):
        return True  # "X, who chairs the regional bloc", "hosts two million refugees"
    if tok.lemma_ == "be" and not _part_of_meeting(tok):
        return True  # "is part of the delegation": a member of a team, not a side at talks
    if tok.lemma_ == "meet" and _met_alone(tok):
        return True  # "the Coalition met in Istanbul to appoint its delegation": its own meeting
    return _said_elsewhere(tok, status, lex, xcomps, cue_status)


def possibility(tok: Any, lex: dict[str, Any]) -> bool:
    """The word sits in the 'of' phrase of a noun of mere possibility ('the possibility of X
    taking part', 'no chance of talks with Y'): a prospect weighed, not a statement."""
    t = tok
    for _ in range(8):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "of":
            noun = t.head.head
            if noun.pos_ == "NOUN" and noun.lemma_.lower() in lex["possibility_nouns"]:
                return True
        t = t.head
    return False


def _runs_something_else(verb: Any, lex: dict[str, Any]) -> bool:
    """The verb's object is no meeting, session or team at one ('chairs the bloc')."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    fine = clauses.meeting_nouns() | set(lex["hosted_teams"]) | set(lex["meeting_parts"])
    return bool(objs) and not any(o.lower_ in fine or o.lemma_.lower() in fine for o in objs)


def _refusal_states(verb: Any, lex: dict[str, Any], cue_status: CueStatus) -> bool:
    """The verb is a refusal or doubt that itself states attendance ('refused to come'), so
    the attendance verb under it states nothing more; not 'refused to discuss the points',
    nor 'decided to attend', whose act speaks."""
    status = cue_status(verb, lex)
    return status in ("declined", "undecided") and not silenced(verb, status, lex, cue_status)


def undecided_head(cue: Any, lex: dict[str, Any], cue_status: CueStatus) -> bool:
    """The negation is the deciding verb's ('has not decided whether to attend'), not the act's
    ('decided not to attend')."""
    if cue.dep_ != "xcomp" or any(c.dep_ == "neg" for c in cue.children):
        return False
    negated = any(c.dep_ == "neg" for c in cue.head.children)
    return negated and cue_status(cue.head, lex) == "undecided"


def attempted(tok: Any, lex: dict[str, Any]) -> bool:
    """'attempts to bring the sides to talks', 'X should (not) be allowed to attend': an effort
    or a stance, no statement of who takes part."""
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in lex["attempt_nouns"]:
        return True
    modal = any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in tok.head.children)
    return tok.dep_ == "xcomp" and tok.head.lemma_ in lex["permit_verbs"] and modal


def _said_elsewhere(
    tok: Any, status: str, lex: dict[str, Any], xcomps: list[Any], cue_status: CueStatus
) -> bool:
    """The statement belongs to another word: an invitation, a wish, the decided act, an effort."""
    if attempted(tok, lex):
        return True
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in lex["invitation_nouns"]:
        return True  # "his invitation to X to attend": X is invited (nouns.invitation)
    asker = tok.dep_ == "xcomp" and tok.head.lemma_ in lex["request_verbs"]
    if asker and not any(c.dep_ == "dobj" for c in tok.head.children):
        return True  # "X asked to take part": a request (not "asked Y to attend")
    if tok.dep_ == "ccomp" and wish(tok.head, lex):
        return True  # "demanded that X join the talks", "hoped the rebels would go": a wish
    if status == "undecided" and tok.lemma_ == "decide":
        acts = [c for c in xcomps if cue_status(c, lex) or clauses.match(c, lex["object_cues"])]
        return bool(acts)  # "decided not to invite X", "decided to attend": the act says it
    return False


def _met_alone(verb: Any) -> bool:
    """'X met in Istanbul': one body meeting by itself, with nobody met and no plural subject."""
    if any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in _PARTNER_PREPS for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ not in ("NN", "NNP") or subj.pos_ == "PRON":
        return False
    return not any(t.dep_ in ("conj", "appos") for t in subj.subtree)  # "X's aide, Y, and Z met"


def keeps_out_of_nothing(verb: Any, lex: dict[str, Any], cue_status: CueStatus) -> bool:
    """'prevent X from hosting militants': kept from something that is no taking part (not
    'barred X from attending', 'prevented X from hosting the talks')."""
    if verb.lemma_ not in lex["object_cues"]["not_invited"]:
        return False
    froms = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
    acts = [g for p in froms for g in p.children if g.dep_ == "pcomp"]
    if not acts:
        return False
    return not any(cue_status(a, lex) and (complements.about_meeting(a) or _meeting_object(a)) for a in acts)


def _meeting_object(verb: Any) -> bool:
    """The act takes a meeting, or nothing ('from attending', 'from attending the talks')."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
    if not objs:
        return True
    return any(complements.is_meeting(t) for o in objs for t in o.subtree)


def _part_of_meeting(verb: Any) -> bool:
    """'would not be part of the talks' (a meeting), not 'is part of the problem'; 'will not be
    at the talks', not 'is at odds with'."""
    ats = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"]
    if any(complements.is_meeting(o) for p in ats for o in p.children if o.dep_ == "pobj"):
        return True
    parts = [c for c in verb.children if c.dep_ == "attr" and c.lemma_ == "part"]
    ofs = [p for c in parts for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
    return any(complements.is_meeting(o) for p in ofs for o in p.children if o.dep_ == "pobj")


def wish(verb: Any, lex: dict[str, Any]) -> bool:
    """A verb of wanting, also when the tagger mislemmatises it ('hoped' -> 'hop')."""
    forms = {verb.lemma_.lower(), verb.lower_, verb.lower_[:-1], verb.lower_[:-2]}
    return verb.pos_ in ("VERB", "AUX") and bool(forms & set(lex["wish_verbs"]))


def brings_nobody(tok: Any, lex: dict[str, Any], cue_status: CueStatus) -> bool:
    """An object cue naming no participant: 'failed to bring the sides to agreement' (bringing
    to an outcome, not to a meeting), 'prevent X from hosting militants'."""
    if keeps_out_of_nothing(tok, lex, cue_status) or attempted(tok, lex):
        return True
    if tok.lemma_ != "bring":
        return False
    outcomes = set(lex["outcome_words"])
    goals = [c for c in tok.children if c.dep_ == "xcomp"]
    tos = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
    goals += [g for c in tos for g in c.children if g.dep_ == "pobj"]
    return any(g.lemma_.lower() in outcomes for g in goals)
