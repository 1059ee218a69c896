"""Implied participation: the parties, hosts and mediators a meeting mention names.

News rarely says "X attended"; it says "talks between X and Y resumed", "X-Y
talks", "Ugandan-hosted talks", "talks mediated by Z", "X quit the talks".
Each actor such a construction names takes part in the meeting; the status
comes from the meeting's state (under way or held: attended; scheduled:
will_attend), or from the clause's own tense when the meeting has no state.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...lexicon import load as load_lexicon
from ...model import Evidence, Meeting, Participation
from .. import _clauses as clauses
from .._discourse import actor_at, actors_of
from . import guards
from .demonyms import state_of
from .roles import subject_role

_UNDER_WAY = {"ongoing", "held", "concluded", "suspended"}
_AHEAD = {"scheduled", "postponed", "cancelled"}
_MODIFIERS = ("compound", "amod", "npadvmod", "poss", "nmod")


def extract(ctx: Context, meetings: list[Meeting], lex: dict[str, Any]) -> list[Participation]:
    """Participants named around each meeting mention, in text order."""
    by_id = {m.id: m for m in meetings}
    heads = clauses.meeting_nouns()
    out: list[Participation] = []
    for pos, mid in ctx.meeting_mentions:
        meeting = by_id[mid]
        if meeting.status == "cancelled":
            continue  # "the proposed meeting between X and Y was called off": nobody is said to go
        span = ctx.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            continue
        noun = span.root
        if _proposed(noun, lex) or guards.possibility(noun, lex):
            continue  # "X proposed launching talks between A and B", "no chance of talks with Y"
        status = implied_status(meeting, noun)
        ev = Evidence.from_span(noun.sent)
        travelling = _travellers(ctx, noun)
        for actor, role in _named(ctx, noun, lex, heads):
            one = "will_attend" if actor in travelling else status  # "X was on his way to the talks"
            out.append(Participation(mid, actor, one, ev, role=role))
    return out


def named_parties(ctx: Context, meeting_id: str) -> list[str]:
    """The parties a meeting's own mentions name ('talks between X and Y ... were called off'),
    for reading 'the two sides' when no one is told to take part in it."""
    lex, heads = load_lexicon("participation"), clauses.meeting_nouns()
    out: list[str] = []
    for pos, mid in ctx.meeting_mentions:
        span = ctx.doc.char_span(pos, pos + 1, alignment_mode="expand") if mid == meeting_id else None
        if span is not None:
            out += [a for a, role in _named(ctx, span.root, lex, heads) if role == "party"]
    out = list(dict.fromkeys(out))
    return out if len(out) >= 2 else []


def under_way(meeting: Meeting) -> bool:
    """Talks under way or held: their participants attended (not a planned meeting called off)."""
    return meeting.status != "cancelled" and (meeting.status in _UNDER_WAY or meeting.past)


def implied_status(meeting: Meeting, tok: Any) -> str:
    """The clause's own status verb first ('talks between X and Y resumed', '... will resume'),
    then the meeting's state (under way or held: attended; ahead: will_attend), then the tense."""
    verb = _governor(tok)
    if verb is not None and clauses.future(verb):
        return "will_attend"
    cue = clauses.match(verb, load_lexicon("meetings")["status_cues"]) if verb is not None else None
    scheduled_present = verb is not None and verb.tag_ in ("VBZ", "VBP") and meeting.status in _AHEAD
    if cue in _UNDER_WAY and not clauses.negated(verb) and not scheduled_present:
        return "attended"  # not "talks between X and Y begin on Friday": a timetable, still ahead
    if cue in ("scheduled", "postponed") and not under_way(meeting):
        return "will_attend"  # (a plan told of talks that have since opened is an old one)
    if meeting.past or meeting.status in _UNDER_WAY:
        return "attended"
    if meeting.status in _AHEAD:
        return "will_attend"
    if verb is not None and verb.tag_ in ("VBD", "VBN") and not clauses.future(verb):
        return "attended"
    return "will_attend"


def _proposed(noun: Any, lex: dict[str, Any]) -> bool:
    """The mention is what someone tries or proposes ('proposed launching talks', 'seeks talks')."""
    verb = _governor(noun)
    if verb is None:
        return False
    heads = {verb.lemma_} | ({verb.head.lemma_} if verb.dep_ in ("xcomp", "ccomp") else set())
    return bool(heads & set(lex["conative_verbs"]))


def _travellers(ctx: Context, noun: Any) -> set[str]:
    """The subject of 'X was on his way to Y for talks': not there yet."""
    verb = _governor(noun)
    if verb is None or not _on_the_way(verb):
        return set()
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return set(actors_of(ctx, subj, verb)) if subj is not None else set()


def _on_the_way(verb: Any) -> bool:
    """'X was on his way to Y for talks', 'X was en route': travelling to the talks, not there yet."""
    ways = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children]
    return any(g.lower_ == "way" for g in ways) or any(c.lower_ == "route" for c in verb.children)


def _governor(tok: Any) -> Any | None:
    """The verb whose clause holds the mention."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _named(ctx: Context, noun: Any, lex: dict[str, Any], heads: set[str]) -> list[tuple[str, str | None]]:
    """(actor, role) pairs a meeting noun's own phrase and its verb name."""
    found: list[tuple[str, str | None]] = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in lex["participant_preps"]):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.lower_ in heads:  # "the next round of negotiations between X and Y"
                found += _named(ctx, obj, lex, heads) if prep.lower_ == "of" else []
            else:
                found += [(a, "party") for a in actors_of(ctx, obj, noun)]
    for prep in _scheduled_between(noun):  # "talks scheduled to begin on Friday between X and Y"
        found += [
            (a, "party") for obj in prep.children if obj.dep_ == "pobj" for a in actors_of(ctx, obj, noun)
        ]
    found += _modifiers(ctx, noun, lex)
    found += _involved(ctx, noun, lex)
    found += _after(ctx, noun, lex)
    found += _agents(ctx, noun, lex)
    found += _verb_subjects(ctx, noun, lex)
    return list(dict.fromkeys(found))


def _scheduled_between(noun: Any) -> list[Any]:
    """'between' phrases the parser hung on a participle of the meeting noun or its complement
    ('talks scheduled to begin on Friday between X and Y', 'talks set to open between X and Y')."""
    verbs = [c for c in noun.children if c.dep_ == "acl"]
    verbs += [x for v in verbs for x in v.children if x.dep_ == "xcomp"]
    return [p for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ == "between"]


def _after(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[tuple[str, str | None]]:
    """'Following talks with X, Y said ...': the subject of the main clause held those talks."""
    prep = noun.head
    if noun.dep_ not in ("pobj", "dobj") or prep.lower_ not in lex["sequel_preps"]:
        return []  # ("Following" may be parsed as a verb taking the talks as its object)
    if not any(p.dep_ == "prep" and p.lower_ == "with" for p in noun.children):
        return []  # "after talks in Geneva, X said": X need not have been there
    verb = prep.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    return [(a, "party") for a in actors_of(ctx, subj, verb)]


def _involved(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[tuple[str, str | None]]:
    """'proximity talks involving X', 'the talks, which also involve X', 'the meetings included X':
    X is a party."""
    out: list[tuple[str, str | None]] = []
    verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.lemma_ in lex["involving_verbs"]]
    if noun.dep_ == "nsubj" and noun.head.lemma_ in lex["involving_verbs"] and noun.head.pos_ == "VERB":
        verbs.append(noun.head)  # "the meetings included X, Y and Z"
    for verb in verbs:
        relative = any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in verb.children)
        if verb.dep_ == "relcl" and not relative and verb.i != noun.head.i:
            continue  # "talks X included in its plan": the noun is no subject
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            out += [(a, "party") for a in actors_of(ctx, obj, verb)]
    return out


def _modifiers(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[tuple[str, str | None]]:
    """'US-Taliban talks' (parties), 'Ugandan-hosted talks' (host), "Russia's talks" (party)."""
    out: list[tuple[str, str | None]] = []
    mods = [c for c in noun.children if c.i < noun.i and c.dep_ in _MODIFIERS]
    plain: list[str] = []
    for mod in mods:
        role = _participle_role(mod, lex)
        if role is not None:
            for sub in (c for c in mod.children if c.i < mod.i and c.dep_ in _MODIFIERS):
                out += [(a, role) for a in actors_of(ctx, sub, mod)]
            continue
        ids = actors_of(ctx, mod, noun)
        if mod.dep_ == "poss":
            out += [(a, "party") for a in ids]
        else:
            plain += _hyphened(ctx, mod) + ids
    hyphen = any(t.text == "-" or "-" in t.text for t in noun.doc[noun.left_edge.i : noun.i])
    if len(dict.fromkeys(plain)) >= 2 and hyphen:
        out += [(a, "party") for a in plain]
    return out


def _hyphened(ctx: Context, mod: Any) -> list[str]:
    """The first side of 'Syrian-Israel talks', which the parser hangs on the second: a
    modifier of the modifier joined to it by a hyphen, or the modifier's own nationality word."""
    doc = mod.doc
    joined = [c for c in mod.children if c.i < mod.i and c.dep_ in _MODIFIERS and doc[c.i + 1].text == "-"]
    own = actor_at(ctx, mod) or state_of(ctx, mod, tagged=not joined)
    found = [a for c in joined for a in [actor_at(ctx, c) or state_of(ctx, c, tagged=False)] if a]
    return found + ([own] if own else [])


def _participle_role(mod: Any, lex: dict[str, Any]) -> str | None:
    """'hosted', 'mediated', 'backed' as the meeting's modifier give the actor before it a role."""
    if mod.tag_ not in ("VBN", "VBD", "JJ"):
        return None
    for role, verbs in lex["participle_roles"].items():
        if mod.lemma_ in verbs or mod.lower_ in verbs:
            return role
    return None


def _agents(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[tuple[str, str | None]]:
    """'talks hosted by Qatar', 'the dialogue, mediated by the bishops'."""
    out: list[tuple[str, str | None]] = []
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        role = next((r for r, verbs in lex["participle_roles"].items() if acl.lemma_ in verbs), None)
        if role is None:
            continue
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            for obj in (c for c in agent.children if c.dep_ == "pobj"):
                out += [(a, role) for a in actors_of(ctx, obj, acl)]
    return out


def _verb_subjects(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[tuple[str, str | None]]:
    """'X resumed/extended/quit talks with Y', 'X plunged into negotiations', 'X are in Juba for
    talks': X is a party (a host verb makes it the host)."""
    verb = _meeting_verb(noun, lex)
    if verb is None or clauses.negated(verb):
        return []  # "X did not attend the talks": the cue extractor makes it declined
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children):
        return []  # "X is considering whether to attend the talks": the cue extractor weighs it
    if verb.dep_ == "xcomp" and verb.head.lemma_ in lex["conative_verbs"]:
        return []  # "X is trying to broker talks": proposed, not held
    if verb.dep_ == "xcomp" and verb.head.lemma_ in lex["object_cues"]["invited"]:
        return []  # "X was invited to join the talks": the invitation is the statement
    if verb.dep_ in ("ccomp", "xcomp") and guards.wish(verb.head, lex):
        return []  # "Y demanded that X join the talks", "Y called on X to continue talks": a wish
    # the subject nearest the verb: a dateline run into the sentence ('Feb 23 The army ...') is one too
    subj = next((c for c in reversed(list(verb.children)) if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None and verb.dep_ in ("xcomp", "conj"):
        # "X are set / expected to resume talks": the raised subject of a passive head too
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    role = "host" if verb.lemma_ in lex["role_verbs"]["host"] else "party"
    role = "mediator" if verb.lemma_ in lex["role_verbs"]["mediator"] else role
    between = [o for p in _between(noun, verb) for o in p.children if o.dep_ == "pobj"]
    if between and verb.lemma_ in lex["opening_verbs"]:
        role = "host"  # "X opened talks between A and B": A and B negotiate, X hosts
    role = subject_role(verb, lex) or role  # "African Union mediators opened the talks"
    parties = [(a, "party") for o in between for a in actors_of(ctx, o, verb)]
    return [(a, role) for a in actors_of(ctx, subj, verb)] + parties


def _between(noun: Any, verb: Any) -> list[Any]:
    """'between' phrases of the meeting noun, or of its verb ('opened talks on Friday between X and Y')."""
    return [c for c in (*noun.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "between"]


def _meeting_verb(noun: Any, lex: dict[str, Any]) -> Any | None:
    """The verb taking the meeting as its object, or as the object of a presence preposition."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_ in lex["meeting_object_verbs"]:
        return noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in lex["presence_preps"]:
        return None
    verb = prep.head
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in lex["presence_verbs"]:
        return verb
    return None
