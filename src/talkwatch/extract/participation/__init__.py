"""Participation: who is invited to, attends, arrives at, weighs or declines which meeting.

Statuses come from cue verbs (data/rules/en/participation.yaml) with their
subject ("X plans to attend", "X has arrived"), their object ("invited X",
"those invited include X, Y and Z"; lists distribute) or their passive agent
("the delegation will be led by X"). Tense and modality pick between
will_attend and attended; negation turns attendance into declined and an
invitation into not_invited; "it is not clear if" frames make it undecided.
The meeting is the one named in the clause (a meeting noun or its venue),
else the meeting in focus. Parties implied by how a meeting is named live in
``implied``, "the two sides" and other rounds in ``sides``, plural descriptions
in ``collective``, statements told by nouns ("an invitation to X") in ``nouns``, and known
actors' other doings at the talks ("thanked X for hosting the talks") in ``oblique``.
Status frames beyond tense ("neither X nor Y", "did not say whether", "flew in",
"walked out") live in ``frames``, echo clauses and inverted copulas ("as did Y",
"Also present were X") in ``ellipsis``, and who a sender stands for in ``senders``.
"""

from __future__ import annotations

from typing import Any

from ...actors.datelines import datelines
from ...context import Context
from ...lexicon import load as load_lexicon
from ...model import Evidence, Meeting, Participation
from .. import _clauses as clauses
from .._discourse import Focus, actors_of, meeting_in_clause, named_meeting, reported_subject
from . import (
    absolutes,
    affiliations,
    chairs,
    collective,
    complements,
    ellipsis,
    frames,
    gatherings,
    guards,
    hosting,
    implied,
    leaders,
    members,
    nouns,
    oblique,
    senders,
    sides,
    teams,
    titles,
    waiting,
)
from .roles import hedged as _hedged
from .roles import role as _role
from .roles import run_by

NAME = "participation.v3"
REQUIRES = {"meetings"}

_ATTEND = {"will_attend", "attended"}
_AFTER = {"upon", "on", "after"}  # a gerund after these shares the main clause's subject


def extract(ctx: Context) -> list[Participation]:
    """Every participation statement of the article, in text order."""
    meetings: list[Meeting] = ctx.facts.get("meetings", [])
    if not meetings:
        return []
    lex = load_lexicon("participation")
    focus = Focus(ctx, meetings)
    quoted = clauses.quoted_spans(ctx.body)
    named = implied.extract(ctx, meetings, lex)
    out: list[Participation] = []
    for tok in ctx.tokens:
        focus.see(tok)
        if clauses.inside(tok.idx, quoted):
            continue  # a speaker's words: the quotes extractor keeps them
        out += titles.participations(ctx, tok, lex, focus)
        out += teams.participations(ctx, tok, lex, focus)
        out += hosting.participations(ctx, tok, lex, focus) + chairs.participations(ctx, tok, lex, focus)
        out += gatherings.participations(ctx, tok, lex, focus) + waiting.participations(ctx, tok, lex, focus)
        out += absolutes.participations(ctx, tok, lex, focus)
        out += oblique.participations(ctx, tok, lex, focus)  # "thanked X for hosting the talks"
        for status, actors_span, cue in _statements(tok, lex):
            meeting = meeting_in_clause(ctx, cue, focus) or frames.host_meeting(cue, focus)
            meeting = meeting or focus.for_statement(cue)  # (as meeting_for, the host clause second)
            if meeting is None or _met_elsewhere(cue, actors_span, focus):
                continue
            status = _adjust(cue, status, lex, meeting)
            if status is None:
                continue
            role = _role(cue, lex)
            hedged = _hedged(cue, lex)
            ev = Evidence.from_span(cue.sent)
            ids = _participants(ctx, actors_span, cue, named + out, meeting, focus)
            ids = [a for a in ids if status not in _ATTEND or a not in ellipsis.excepted(ctx, actors_span)]
            found = [(a, role) for a in senders.represented(ctx, cue, ids)]  # "X sent a team": X's state
            found += leaders.inside(ctx, actors_span, lex)
            found += [(a, None) for a in sides.companions(ctx, cue) if found]  # "X, together with Y"
            statuses = frames.statuses(cue, status, lex, implied.under_way(meeting))
            for actor, actor_role in found:
                for one in statuses:  # arrived at talks under way, or walked out: there, so taking part
                    out.append(Participation(meeting.id, actor, one, ev, role=actor_role, hedged=hedged))
    out += named
    out += sides.carry(ctx, out, meetings, focus.main)
    out += leaders.share(ctx, out, leaders.heads(ctx, lex, _subject))
    out += members.participations(ctx, out, meetings)  # "the delegation includes A and B"
    return affiliations.drop(ctx, sides.said_twice(ctx, _unique(out)))


def _participants(
    ctx: Context, span: Any, cue: Any, facts: list[Participation], meeting: Meeting, focus: Focus
) -> list[str]:
    """The actors a subject or object names; 'the two sides' are the parties known so far."""
    said = reported_subject(span)  # "both sides said they would attend", "the powers and Iran said they"
    if said is not None and (sides.is_sides(said) or any(c.dep_ == "conj" for c in said.children)):
        span = said
    if sides.is_leaders(span):  # "the leaders had a good meeting": the people at it, if any
        return sides.leaders(ctx, facts, meeting.id)
    if sides.is_sides(span) or sides.negotiators(span, cue):  # "the parties reached an agreement"
        main = focus.main  # (else the sides a called-off main meeting names)
        found = sides.parties(ctx, facts, meeting.id, invited=True) or sides.parties(ctx, facts, main.id)
        return found if len(found) > 1 else implied.named_parties(ctx, main.id) or found
    lex = load_lexicon("participation")
    if span.lemma_.lower() in lex["not_participants"] and not span.ent_type_:
        return []  # "agreements with X will come": the subject is a thing, X only qualifies it
    said, span = span, collective.represented(collective.partitive(span, lex), lex)  # "some of the X of Y"
    collective.peoples(ctx, span)
    nouns = set(lex["collective_nouns"])
    found = collective.actors(ctx, span, cue, nouns)
    conjs = [c for t in dict.fromkeys([span, said]) for c in t.children if c.dep_ == "conj"]
    if found:  # "the powers and Iran", "representatives of X and their sponsors": the others coordinated
        found += [a for c in conjs for a in collective.actors(ctx, c, cue, nouns) or actors_of(ctx, c, cue)]
    else:
        found = actors_of(ctx, span, cue) + [a for c in conjs for a in collective.actors(ctx, c, cue, nouns)]
        if span.lower_ in ("they", "them"):
            found += collective.listed_members(ctx, found, cue)
    return list(dict.fromkeys(found + collective.among(ctx, span, cue)))


def _unique(facts: list[Participation]) -> list[Participation]:
    """One fact per (meeting, actor, status): a status restated in another sentence is one assertion."""
    seen: dict[tuple[str, str, str], Participation] = {}
    for f in facts:
        seen.setdefault((f.meeting, f.actor, f.status), f)
    return list(seen.values())


def _cue_status(tok: Any, lex: dict[str, Any]) -> str | None:
    """The status class of a subject cue, unless its object shows it is about something else."""
    status = clauses.match(tok, lex["subject_cues"])
    if not status or tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        return status
    if tok.lemma_ == "send" and not complements.sends_people(tok, lex):
        return None
    if tok.lemma_ in lex["lead_verbs"] and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl"):
        return None  # "X, heading the delegation, said": a title; X shares the delegation's statuses
    if (
        tok.lemma_ in lex["lead_verbs"]
        and not any(c.lower_ in lex["send_objects"] for c in tok.subtree)
        and not complements.runs_meeting(tok, lex)
    ):
        return None
    if tok.lemma_ in lex["meeting_role_verbs"] and not complements.runs_meeting(tok, lex):
        return None  # "sponsors the talks" yes, "sponsors terrorism" no
    roles = {v for verbs in lex["role_verbs"].values() for v in verbs}
    if tok.lemma_ in roles and tok.dep_ == "xcomp" and tok.head.lemma_ in lex["conative_verbs"]:
        return None  # "an ally also trying to mediate": an effort, not a seat at the talks
    if tok.lemma_ == "meet" and any(c.dep_ == "dobj" and complements.is_thing(c) for c in tok.children):
        return None  # "meeting one of the conditions"
    withdrawn = tok.lemma_ in lex["withdraw_verbs"]
    if withdrawn and any(c.dep_ == "dobj" and c.lemma_ == "invitation" for c in tok.children):
        return None  # "withdrew the invitation": the invitee's status (nouns.invitation), not the subject's
    if status == "arrived" and tok.lemma_ in ("reach", "return") and not complements.reaches_place(tok):
        return None  # "reached an agreement", "returned home"
    return status


def _statements(tok: Any, lex: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(status, token whose subtree names the actors, cue token) stated by one token."""
    out = []
    status = _cue_status(tok, lex)
    if status and guards.silenced(tok, status, lex, _cue_status):
        status = None
    if status and complements.hypothetical(tok) and not frames.undecided_frame(tok, lex):
        status = None  # "if the delegates arrived"
    if status:
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subject = _subject(tok)
        if agent is not None and tok.lemma_ in lex["agent_verbs"]:
            if tok.lemma_ == "attend" and subject is not None and not complements.is_meeting(subject):
                return []  # "the funeral was attended by X": not a meeting
            out += [(status, a, tok) for a in sides.by_phrases(agent)]  # "joined by X", "by the sides"
            if subject is not None and not complements.is_meeting(subject):
                out.append((status, subject, tok))
        elif agent is not None and status == "declined" and _meeting_subject(subject):
            out += [(status, a, tok) for a in sides.by_phrases(agent)]  # "the summit was boycotted by X"
        elif agent is not None and tok.lemma_ in lex["lead_verbs"]:
            out += _led_by(tok, agent, subject, lex)
        elif subject is not None and not (subject.dep_ == "nsubjpass" and (status == "declined" or agent)):
            # "talks between X and Y were suspended": nobody declined; "talks mediated by X": X, not the talks
            kept, excepted = ellipsis.split_subjects(tok, subject)  # "X as well as Y", "X, but not Y,"
            out += [(status, s, tok) for s in [*kept, *_stray_conjuncts(subject), *ellipsis.echoed(tok)]]
            refused = [*excepted, *ellipsis.refused_echo(tok)]  # "X, but not Y,"; "X will attend, Y will not"
            out += [("declined", s, tok) for s in refused if status in _ATTEND]
    if status in _ATTEND and tok.lemma_ == "meet":  # "X met with Y": Y is there too
        out += [(status, o, tok) for o in _met(tok)]
    run_verbs = ("mediator", "host", "observer")
    if any(tok.lemma_ in lex["role_verbs"][r] for r in run_verbs) and complements.about_meeting(tok):
        out += run_by(tok)  # "the round will be chaired by X", "the talks are observed by Y"
    obj_status = clauses.match(tok, lex["object_cues"])
    if obj_status and tok.pos_ == "VERB" and not guards.brings_nobody(tok, lex, _cue_status):
        out += [(obj_status, o, tok) for obj in _objects(tok) for o in nouns.owners(obj, lex)]
    return out + nouns.invitation(tok, lex) + nouns.participation(tok, lex) + nouns.refusal(tok, lex)


def _met_elsewhere(cue: Any, span: Any, focus: Focus) -> bool:
    """'X met Y' names Y at the talks only when the clause names them: a meeting with Y
    told on its own ('after meeting with Y') is a meeting of its own."""
    if cue.lemma_ == "meet" and frames.met_before(cue, focus.by_pos):
        return True  # "X met Y before a three-way meeting": that meeting is later, not this one
    return cue.lemma_ == "meet" and span.i > cue.i and named_meeting(cue, focus) is None


def _met(verb: Any) -> list[Any]:
    """Whom a subject meets: 'met Y', 'met with Y' (not 'met the conditions')."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and not complements.is_thing(c)]
    objs += [a for o in objs for a in o.children if a.dep_ == "appos"]  # "met the envoy, X"
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    return objs + [o for p in withs for o in p.children if o.dep_ == "pobj" and not complements.is_thing(o)]


def _subject(tok: Any) -> Any | None:
    """The subject of a cue, climbing xcomp/conj chains ('X plans to attend')."""
    inverted = ellipsis.inverted_subject(tok)  # "Also present were X", "Among those attending were X"
    if inverted is not None:
        return inverted
    t = tok
    for _ in range(4):
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        before = [c for c in subjects if c.i < t.i]
        subj = before[-1] if before else next(iter(subjects), None)  # the nearest: no run-in dateline
        subj = _past_dateline(subj)
        if subj is None:  # "Also attending the summit are X and Y": the subject follows the auxiliary
            auxes = [c for c in t.children if c.dep_ == "aux"] + ([t.head] if t.dep_ == "csubj" else [])
            subj = next((g for c in auxes for g in c.children if g.dep_ in ("attr", "nsubj")), None)
        if subj is not None:
            return subj
        if t.dep_ == "xcomp" and t.head.lemma_ in load_lexicon("participation")["object_control"]:
            obj = next((c for c in t.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj  # "appointed X to lead the delegation": X leads it
        if t.dep_ == "conj" and complements.reported_clause(t.head) is not None:
            t = complements.reported_clause(t.head)  # "X said Y met and discussed": Y discussed
        elif t.dep_ in ("xcomp", "conj", "advcl", "acomp") and t.head.i != t.i:
            t = t.head
        elif t.dep_ == "pcomp" and t.head.lower_ in _AFTER and _plain_verb(t.head.head):
            t = t.head.head  # "upon arriving in X, Y said": Y arrived
        elif t.dep_ == "acl" and t.head.lemma_ in load_lexicon("participation")["intent_nouns"]:
            t = t.head  # "X expressed a readiness to participate": X's readiness, X's participation
            owner = next((c for c in t.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
            if t.dep_ != "dobj":
                return None
            t = t.head
        elif t.dep_ in ("relcl", "acl"):
            return complements.past_meeting_noun(t.head) if t.dep_ == "acl" else t.head
        else:
            return None
    return None


def _led_by(tok: Any, agent: Any, subject: Any, lex: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """'The delegation will be led by X': X and the delegation will attend; 'working groups led
    by X' name no side's team."""
    if subject is not None and not _leads_side(subject, lex):
        return []
    told = subject is not None and subject.dep_ == "nsubj" and _cue_status(subject.head, lex)
    if tok.dep_ == "acl" and told:
        return []  # "the team, led by X, had arrived": the team's verb tells, its head shares it
    out = [("will_attend", agent, tok)]
    if subject is not None and subject.lower_ in lex["send_objects"]:
        out.append(("will_attend", subject, tok))  # "Iran's delegation will be led by X"
    return out


def _leads_side(led: Any, lex: dict[str, Any]) -> bool:
    """What a 'led by' phrase heads is a side's team ('the delegation led by X'), not a body of
    the meeting ('working groups led by X', 'a session chaired by Y')."""
    mods = [c.lower_ for c in led.children if c.dep_ in ("compound", "amod") and c.i < led.i]
    names = {led.lemma_.lower(), " ".join([*mods[-1:], led.lemma_.lower()])}
    return not names & set(lex["meeting_bodies"])


def _meeting_subject(subject: Any | None) -> bool:
    return subject is not None and complements.is_meeting(subject)


def _stray_conjuncts(subject: Any) -> list[Any]:
    """Names the parser coordinated with the subject's verb instead of the subject ('Also
    attending are A, speaker of X, and B, ...': B hangs on 'are')."""
    verb = subject.head
    if verb.pos_ not in ("VERB", "AUX") or subject.pos_ != "PROPN":
        return []
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > subject.i]


def _plain_verb(tok: Any) -> bool:
    """A verb stating no attendance of its own: 'X returned for talks after flying home' tells
    the return, the earlier journey is not about these talks."""
    lex = load_lexicon("participation")
    journey = tok.lemma_ in lex["journey_verbs"]
    return tok.pos_ in ("VERB", "AUX") and not journey and not _cue_status(tok, lex)


def _past_dateline(subj: Any) -> Any:
    """'ARUSHA, Tanzania July 12 Representatives of ... boycotted': the parser makes the dateline
    the subject and the real one its conjunct."""
    if subj is None or not any(a <= subj.i < b for a, b in datelines(subj.doc)):
        return subj
    end = next(b for a, b in datelines(subj.doc) if a <= subj.i < b)
    return next((c for c in subj.children if c.dep_ in ("conj", "appos") and c.i >= end), subj)


def _objects(tok: Any) -> list[Any]:
    """Objects of an invitation verb; for 'those invited (the invitees) include X' the objects of
    'include'."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if tok.lemma_ == "include":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        invitees = load_lexicon("participation")["invitee_nouns"]  # "other invitees include X"
        if subj is None or not any(c.lemma_ == "invite" or c.lemma_ in invitees for c in subj.subtree):
            return []
        return [c for c in tok.children if c.dep_ in ("dobj", "attr")]
    if tok.dep_ == "acl" and tok.lemma_ == "invite":
        if tok.head.lower_ in ("those", "all", "others"):
            return []  # "those invited" is the subject of 'include', handled there
        return [tok.head]  # "ten countries invited to attend"
    return objs


def _adjust(cue: Any, status: str, lex: dict[str, Any], meeting: Meeting) -> str | None:
    """The stated status, unless the cue is a claim denied ("denied being represented")."""
    if cue.dep_ in ("xcomp", "ccomp") and cue.head.lemma_ in lex["denial_verbs"]:
        return None
    if status in _ATTEND and frames.flew_in(cue, lex):
        status = "arrived"  # "flew into Oslo on Sunday"
    if status in _ATTEND and guards.undecided_head(cue, lex, _cue_status):
        return "undecided"  # "has not decided whether to attend": still weighing it
    if status in _ATTEND and frames.ruled_out(cue, lex):
        return frames.ruled_out(cue, lex)  # "ruled out attending": declined; "has not ruled out": undecided
    return _stated(cue, status, lex, meeting)


def _stated(cue: Any, status: str, lex: dict[str, Any], meeting: Meeting) -> str | None:
    """Tense, negation and doubt turn a cue's class into the stated status."""
    neg = frames.negation(cue, _subject(cue), lex)
    if status == "negotiating":  # "X and Y failed to agree": at talks under way, both are there
        return "attended" if implied.under_way(meeting) and not clauses.future(cue) else None
    if status == "present":  # a participation noun without a verb: the meeting's state says
        return "attended" if implied.under_way(meeting) else "will_attend"
    if status == "invited" and neg or neg and cue.dep_ == "xcomp" and cue.head.lemma_ in lex["permit_verbs"]:
        return "not_invited"  # "was not invited", "was not allowed to attend"
    if status in _ATTEND | {"arrived"}:
        if neg and cue.lemma_ == "meet":
            return None  # "have not met face to face": not a refusal to attend
        if neg and any(c.lower_ == "yet" for c in cue.children):
            return "will_attend"  # "have not yet arrived": still expected
        if neg:
            return frames.denied(cue, status in _ATTEND)  # "will not attend"; "may not attend"
        if status in _ATTEND and frames.possible(cue):
            return "undecided"  # "may be willing to go back to the table"
        if status == "arrived" and (clauses.future(cue) or cue.dep_ == "xcomp"):
            return "will_attend"  # "is expected to arrive on Wednesday"
        if frames.undecided_frame(cue, lex):
            return "undecided"
        if status in _ATTEND:
            under_way = implied.under_way(meeting)
            if complements.purpose_of_arrival(cue, lex) and under_way:
                return "attended"  # "X arrived to attend the talks", which are under way
            participle = cue.dep_ == "acl" or cue.dep_ == "conj" and cue.head.dep_ in ("acl", "relcl")
            if participle or cue.lemma_ in lex["attendance_only"]:  # "talks hosted by Qatar",
                # "X has confirmed its attendance": the meeting's own tense decides
                return "attended" if under_way else "will_attend"
            if complements.on_the_way(cue, lex):
                return "will_attend"  # "is going to the meeting": on the way
            verb = cue.head if cue.pos_ == "ADJ" and cue.dep_ == "acomp" else cue  # "X is present"
            present = not clauses.future(verb) and verb.tag_ in ("VBZ", "VBP", "VBG")
            return "attended" if frames.past(cue) or (present and under_way) else "will_attend"
    if status == "undecided" and cue.lemma_ == "decide" and not (neg or frames.progressive(cue)):
        return "will_attend"
    if status == "declined" and neg:
        return "will_attend"
    return status
