"""What a cue's complements are about: a meeting, attendance, people sent, a place reached.

"declined to attend" is about attendance, "declined to comment" is not; "sponsors
the talks" runs a meeting, "sponsors terrorism" does not; "met the conditions"
meets no one. These checks keep cue verbs to the statements they make about taking part.
"""

from __future__ import annotations

from typing import Any

from ...lexicon import load as load_lexicon
from .. import _clauses as clauses


def takes_invitation(verb: Any, lex: dict[str, Any]) -> bool:
    """'accepted the invitation', 'confirmed its attendance' (the object says it)."""
    return any(c.dep_ == "dobj" and c.lemma_ in lex["attendance_objects"] for c in verb.children)


def reaches_place(verb: Any) -> bool:
    """'reached Geneva', 'reached the venue': a place or a meeting, not an agreement; 'returned
    for more talks': back for a meeting, not home ('returned to the negotiating table' is a
    resumption, which the meeting's state tells)."""
    if verb.lemma_ == "return":
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
        return any(is_meeting(o) for p in preps for o in p.children if o.dep_ == "pobj")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    places = ("venue", "city", "capital")
    return obj.ent_type_ in ("GPE", "LOC", "FAC") or is_meeting(obj) or obj.lemma_ in places


def runs_meeting(verb: Any, lex: dict[str, Any]) -> bool:
    """'X, which is sponsoring the talks', 'Y leads the talks': a meeting as object, actually run
    (not 'trying to broker talks', which only proposes them)."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in lex["conative_verbs"]:
        return False
    return any(c.dep_ == "dobj" and is_meeting(c) for c in verb.children)


def about_meeting(verb: Any) -> bool:
    """The passive verb's subject, or the noun it modifies, is a meeting noun (or the teams
    meeting there: 'the delegations were welcomed by X')."""
    nouns = clauses.meeting_nouns() | set(load_lexicon("participation")["hosted_teams"])
    if verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        verb = verb.head  # "the talks are being mediated by X and hosted by Y", "held ... and mediated by X"
    if verb.dep_ in ("acl", "relcl"):  # "talks hosted by X", "talks that are mediated by X"
        return verb.head.lower_ in nouns
    return any(c.dep_ == "nsubjpass" and c.lower_ in nouns for c in verb.children)


def hypothetical(verb: Any) -> bool:
    """A condition ('if the delegates arrived', 'unless Ban withdraws his invitation to X') states
    no attendance."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return verb.dep_ == "advcl" and bool(marks & {"if", "unless"})


def is_meeting(tok: Any) -> bool:
    return tok.lower_ in clauses.meeting_nouns()


def about_attendance(tok: Any, lex: dict[str, Any]) -> bool:
    """'declined to attend' yes, 'declined to comment' no; 'boycott the talks' yes."""
    cues = (lex["subject_cues"]["will_attend"], lex["subject_cues"]["attended"], ["invitation"])
    attend = {c for group in cues for c in group}  # "refused to meet in Belarus" too
    complements = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pcomp", "advcl")]
    complements = [c for c in complements if not (c.dep_ == "advcl" and c.tag_ == "VBN")]  # "Led by X, ..."
    complements = [c for c in complements if not _when(c)]  # "walked out on Tuesday": no object
    if not complements:
        bare = ("decline", "refuse", "consider", "weigh", "decide", "reject", *lex["ending_verbs"])
        return tok.lemma_ not in bare
    meeting_nouns = (
        clauses.meeting_nouns()
        | set(lex["send_objects"])
        | {"invitation", "participation", "attendance"}
    )
    for comp in complements:
        scope = list(comp.subtree) if comp.dep_ != "xcomp" else near(comp)  # not "refused to issue a
        words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}  # statement ... during talks"
        if words & attend or words & meeting_nouns:
            return True
    return False


def _when(comp: Any) -> bool:
    """A prepositional phrase of time ('on Tuesday', 'after an hour'), which says nothing of what
    the verb is about."""
    objs = [g for g in comp.children if g.dep_ == "pobj"]
    return comp.dep_ == "prep" and bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def near(verb: Any) -> list[Any]:
    """An infinitive, its particles, objects and their prepositional objects (not clauses below)."""
    out = [verb]
    for c in verb.children:
        if c.dep_ in ("dobj", "prt", "prep", "xcomp"):
            out += [c] + [g for g in c.children if g.dep_ in ("pobj", "compound", "prep", "dobj")]
            out += [p for g in c.children if g.dep_ == "prep" for p in g.children if p.dep_ == "pobj"]
    return out


def is_thing(tok: Any) -> bool:
    """A common noun that names no actor ('conditions', 'demands')."""
    if tok.lower_ in ("one", "some", "all", "most") and any(c.dep_ == "prep" for c in tok.children):
        tok = (
            next(g for c in tok.children if c.dep_ == "prep" for g in c.children)
            if any(g.dep_ == "pobj" for c in tok.children if c.dep_ == "prep" for g in c.children)
            else tok
        )
    heads = load_lexicon("actors")["collective_heads"]
    named = any(c.dep_ == "appos" and c.ent_type_ in _NAMED for c in tok.children)  # "the envoy, X"
    return tok.pos_ in ("NOUN", "NUM", "PRON") and not tok.ent_type_ and tok.lower_ not in heads and not named


_NAMED = ("PERSON", "ORG", "GPE", "NORP")


def sends_people(tok: Any, lex: dict[str, Any]) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lex["send_objects"] for c in tok.children)


def purpose_of_arrival(cue: Any, lex: dict[str, Any]) -> bool:
    """'arrived in Geneva to take part', 'flew to Doha to attend': the purpose of a past journey."""
    head = cue.head
    return (
        cue.dep_ in ("xcomp", "advcl")
        and head.lemma_ in lex["journey_verbs"]
        and head.tag_ in ("VBD", "VBN")
        and not clauses.future(head)
    )


def on_the_way(cue: Any, lex: dict[str, Any]) -> bool:
    """'is going to the meeting', 'was heading for Naivasha' (not 'is going to act as mediator')."""
    return (
        cue.tag_ == "VBG"
        and cue.lemma_ in lex["journey_verbs"]
        and not any(c.dep_ in ("xcomp", "ccomp") for c in cue.children)
    )


def past_meeting_noun(noun: Any) -> Any:
    """'The delegation that X sent for negotiations arrived': a verb the parser hung on the meeting
    noun of a relative clause belongs to the noun the clause describes (the delegation)."""
    if not is_meeting(noun):
        return noun
    t = noun
    for _ in range(4):
        if t.dep_ == "relcl":
            return t.head
        if t.head.i == t.i:
            break
        t = t.head
    return noun


def reported_clause(verb: Any) -> Any | None:
    """The clause a reporting verb reports ('X said [the leaders had a meeting]'), if any: a verb
    the parser coordinated with 'said' continues that clause, not the speaker's."""
    if verb.lemma_ not in load_lexicon("quotes")["reporting_verbs"]:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    things = load_lexicon("participation")["not_participants"]
    if subj is None or is_meeting(subj) or subj.lemma_.lower() in things or subj.pos_ == "PRON":
        return None  # "X said the talks were vital and will attend": X attends
    return clause
