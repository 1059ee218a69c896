"""Members of a delegation: the people a delegation is said to be made of share its attendance.

"The X delegation includes A, B and C", "the delegation, which comprises A and B",
"the representation is made up of ministers A and B; lawmakers C and D", "the
delegation will be led by A and will also feature B": each named person sits at
the meeting the delegation attends, with the delegation's status there (its own
facts at that meeting, else the state of the meeting it is told about). The
head named in the same place ("Led by A, the delegation ...", "It was led by A"
right after the delegation's sentence) gets the status too, as head of delegation,
and so does a person a title puts on the team ("the head of the negotiating team,
A", "delegation member B"). Only a side's team counts: not a football team, not a
standing mission to a country.
"""

from __future__ import annotations

from typing import Any

from ...actors import gazetteer as gaz
from ...context import Context
from ...lexicon import load as load_lexicon
from ...model import Evidence, Meeting, Participation
from .._discourse import Focus, actor_at, actors_of, is_person, meeting_for
from .implied import under_way

_SHARED = ("attended", "will_attend")
_SUBJECTS = ("nsubj", "nsubjpass")


def participations(ctx: Context, facts: list[Participation], meetings: list[Meeting]) -> list[Participation]:
    """Members and heads named with a delegation, at the delegation's meetings, in text order."""
    lex = load_lexicon("delegations")
    nouns = set(lex["delegation_nouns"])
    focus = Focus(ctx, meetings)
    out: list[Participation] = []
    for tok in ctx.tokens:
        focus.see(tok)
        if tok.pos_ != "NOUN" or tok.lower_ not in nouns or not _side_team(ctx, tok, lex):
            continue
        people = [(p, "party") for p in members(ctx, tok, lex)]
        people += [(h, "head_of_delegation") for h in _heads(ctx, tok, lex)]
        people += titled(ctx, tok, lex)
        if not people:
            continue
        ev = Evidence.from_span(tok.sent)
        for meeting_id, status in _statuses(ctx, tok, facts, focus):
            out += [Participation(meeting_id, p, status, ev, role=role) for p, role in people]
    return out


def members(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[str]:
    """People a delegation noun is said to be made of (its membership clauses' objects)."""
    out: list[str] = []
    for verb in _clauses(noun):
        if verb.lemma_ not in lex["member_verbs"] and verb.lemma_ not in lex["member_of_verbs"]:
            continue
        # "includes A", "is comprised of A"
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        if objects:
            out += _people_listed(ctx, verb, min(o.left_edge.i for o in objects))
    return list(dict.fromkeys(out))


def _clauses(noun: Any) -> list[Any]:
    """Verbs saying something of the delegation: its own ('the delegation includes'), a relative
    ('the delegation, which comprises'), and their conjuncts with the same or a pronoun subject
    ('is led by A, and it also includes B', 'will be led by A and will also feature B')."""
    verbs = [noun.head] if noun.dep_ in _SUBJECTS and noun.head.pos_ in ("VERB", "AUX") else []
    verbs += [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    for verb in list(verbs):
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            subjects = [c for c in conj.children if c.dep_ in _SUBJECTS]
            if not subjects or all(s.lower_ in ("it", "which") for s in subjects):
                verbs.append(conj)
    return verbs


def _people_listed(ctx: Context, verb: Any, start: int) -> list[str]:
    """Persons named from the first object to the end of the clause, through semicolons and
    titles ('ministers A and B; deputy ministers C and D'), not inside a clause of their own."""
    span = verb.doc[start : _list_end(verb) + 1]
    out: list[str] = []
    for tok in span:
        if _aside(tok, verb, span) or tok.ent_type_ != "PERSON":
            continue
        out += [a for a in actors_of(ctx, tok, verb) if is_person(ctx, a)]
    return out


def _list_end(verb: Any) -> int:
    """The last token of the clause, and of the verbless segments a semicolon adds to its list
    (the parser often cuts 'A and B; ministers C and D' after the first segment)."""
    end = verb.right_edge.i
    sent_end = verb.sent.end
    while end + 1 < sent_end and verb.doc[end + 1].text == ";":
        nxt = next((t.i for t in verb.doc[end + 2 : sent_end] if t.text == ";"), sent_end - 1)
        if any(t.pos_ in ("VERB", "AUX") for t in verb.doc[end + 2 : nxt + 1]):
            break
        end = nxt
    return end


def _aside(tok: Any, verb: Any, span: Any) -> bool:
    """A name that is no member: under another verb ('A, who was appointed by B': not B) or a
    possessor ("the president's son, A": not the president)."""
    t = tok
    while t.i != verb.i and t.head.i != t.i and span.start <= t.i < span.end:
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "poss":
            return True
        t = t.head
    return False


def titled(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[tuple[str, str]]:
    """(person, role) a title on a side's team names: 'the head of the negotiating team, A',
    'delegation member A', 'A, the chief of the delegation'."""
    title = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head
    if noun.dep_ not in ("pobj", "compound"):
        return []
    role = next((r for r, words in lex["titles"].items() if title.lemma_ in words), None)
    if role is None or title.pos_ != "NOUN":
        return []
    people = [c for c in title.children if c.dep_ == "appos"]
    people += [title.head] if title.dep_ == "appos" else []
    named = title
    while named.dep_ in ("compound", "nmod", "conj") and named.head.i != named.i:
        named = named.head  # "delegation member A", "trade minister and delegation member A"
    people += [named] if named is not title and named.pos_ == "PROPN" else []
    found = [a for p in people for a in actors_of(ctx, p, title) if is_person(ctx, a)]
    return [(a, role) for a in dict.fromkeys(found)]


def _side_team(ctx: Context, noun: Any, lex: dict[str, Any]) -> bool:
    """A delegation, or a team or mission of a side or of the talks ('the negotiating team', 'the
    government team', "Hamas's team", 'the Thai team'; not 'the football team');
    not a standing mission to a country ('the head of the EU delegation to Ukraine, A')."""
    to = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    if any(_state(ctx, g) for g in to):
        return False
    if noun.lemma_ in lex["team_nouns"]:
        return True
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss") and c.i < noun.i]
    words = set(lex["talks_words"]) | set(load_lexicon("participation")["side_words"])
    return any(c.lemma_.lower() in words or actor_at(ctx, c) or c.ent_type_ == "NORP" for c in mods)


def _heads(ctx: Context, noun: Any, lex: dict[str, Any]) -> list[str]:
    """The head named beside a membership list: 'Led by A, the delegation is comprised of B', and
    'It was led by A' in the next sentence (the delegation just described)."""
    if not members(ctx, noun, lex):
        return []
    leads = set(lex["lead_verbs"])
    verbs = [c for v in _clauses(noun) for c in v.children if c.dep_ == "advcl" and c.lemma_ in leads]
    if noun.sent.end < len(noun.doc):
        after = noun.doc[noun.sent.end].sent
        its = [t for t in after if t.dep_ == "nsubjpass" and t.lower_ == "it"]
        verbs += [t.head for t in its if t.head.lemma_ in leads]
    agents = [g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children]
    agents = [g for g in agents if g.dep_ == "pobj"]
    return [a for g in agents for a in actors_of(ctx, g, g.head) if is_person(ctx, a)]


def _statuses(ctx: Context, noun: Any, facts: list[Participation], focus: Focus) -> list[tuple[str, str]]:
    """Where and how the delegation takes part: the facts of the actor the delegation phrase
    names (at the meeting in focus if it is one of them), else the state of the meeting in focus."""
    meeting = meeting_for(ctx, noun, focus)
    for actor in actors_of(ctx, noun, noun):
        own = [(f.meeting, f.status) for f in facts if f.actor == actor and f.status in _SHARED]
        here = [o for o in own if meeting is not None and o[0] == meeting.id]
        if here or own:
            return _one_each(here or own, focus)
    if meeting is None or meeting.status == "cancelled":
        return []
    return [(meeting.id, _implied(meeting))]


def _one_each(found: list[tuple[str, str]], focus: Focus) -> list[tuple[str, str]]:
    """One status per meeting: a delegation said to come and then to be there has members
    named once, at the meeting's present state."""
    out: dict[str, str] = {}
    for meeting_id, status in found:
        if meeting_id not in out or status == _implied(focus.meetings[meeting_id]):
            out[meeting_id] = status
    return list(out.items())


def _implied(meeting: Meeting) -> str:
    return "attended" if under_way(meeting) else "will_attend"


def _state(ctx: Context, tok: Any) -> bool:
    """A state or an international body ('to Ukraine', 'to the UN'), by the index or the gazetteer."""
    found = actor_at(ctx, tok)
    entry = gaz.load().lookup(tok.text) if found is None else None
    kind = ctx.actors.get(found).type if found else (entry.type if entry else None)
    return kind in ("state", "igo")
