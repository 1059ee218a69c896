"""Discourse state shared by extractors: the meeting in focus and who a phrase names.

News reports name a meeting once and then say "the talks"; they name an actor
once and then say "he", "they" or "who". These helpers resolve both for
participation and delegation statements.
"""

from __future__ import annotations

import functools
from typing import Any

from ..context import Context
from ..lexicon import load as load_lexicon
from ..model import Meeting
from . import _clauses as clauses
from . import _reference

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them", "it", "we"}
_RELATIVE = {"who", "which", "that"}
_PLACE_PREPS = {"at", "in", "into", "near", "inside"}
_CHAIN = {"compound", "poss", "amod", "nmod", "appos", "case", "nummod"}


_DONE = {"held", "concluded", "cancelled"}
# How many sentences a meeting named in passing stays in focus (1 measured best
# on both evaluation sets, against 2 to 4).
FOCUS_SENTENCES = 1
_ATTEND_VERBS = frozenset(load_lexicon("clauses")["attendance_verbs"])
_SERVING = frozenset(load_lexicon("participation")["serving_nouns"])


class Focus:
    """The meeting in focus: the last one named by a meeting noun or its venue.

    A focus only lasts a sentence; past that, a statement without its own
    meeting is about the article's main meeting: the first one named, since a
    news report leads with what it is about (measured better than the most
    mentioned one on both evaluation sets).
    """

    def __init__(self, ctx: Context, meetings: list[Meeting]) -> None:
        self.by_pos = dict(ctx.meeting_mentions)
        self.meetings = {m.id: m for m in meetings}
        first = {mid: pos for pos, mid in sorted(ctx.meeting_mentions, reverse=True)}
        live = [m for m in meetings if not (m.past or m.later or m.id in ctx.side_meetings)] or meetings
        # news leads with the meeting the report is about: the first one the text names
        self.main = min(live, key=lambda m: (first.get(m.id, len(ctx.body)), meetings.index(m)))
        # a city several meetings share (a conference and its sessions) names the main one, else the first
        self.by_city: dict[str, Meeting] = {}
        for m in sorted(meetings, key=lambda m: m is not self.main):
            if m.city and not m.past:
                self.by_city.setdefault(m.city, m)
        self.current: Meeting | None = self.main
        self._seen_sent = -1
        self._sent = 0
        self._told: Meeting | None = None  # the last meeting named, an earlier one included
        self._told_sent = -1

    def see(self, tok: Any) -> None:
        if tok.is_sent_start:
            self._sent += 1
        mid = self.by_pos.get(tok.idx)
        if mid:
            self._told, self._told_sent = self.meetings[mid], self._sent
        if mid and not self.meetings[mid].past:
            self.current, self._seen_sent = self.meetings[mid], self._sent
        elif tok.ent_type_ == "GPE" and tok.text in self.by_city:
            self.current, self._seen_sent = self.by_city[tok.text], self._sent

    def for_statement(self, cue: Any, *, window: int = FOCUS_SENTENCES, past: bool = False) -> Meeting | None:
        """The meeting an unanchored statement is about.

        A finished meeting in focus gives way to the main one unless the statement is
        itself about past attendance ("X took part"). A statement told in the past
        (``past``: "the delegation included X" right after "the talks began") is about
        the finished meeting named last, an earlier one included.
        """
        told = self._told
        if past and told is not None and told.status in _DONE and self._sent - self._told_sent <= window:
            return told
        if self.current is None or self._sent - self._seen_sent > window:
            return self.main
        finished = self.current.status in _DONE and self.main.status not in _DONE
        if finished and not past and not (cue.tag_ == "VBD" and cue.lemma_ in _ATTEND_VERBS):
            return self.main
        return self.current


def actors_of(ctx: Context, head: Any, cue: Any) -> list[str]:
    """Actor ids named by a subject/object subtree, distributing over lists."""
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        head = _antecedent(ctx, head)
    if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return _pronoun(ctx, head)
    out: list[str] = []
    for tok in clauses.conjuncts(head):
        own = _mention_at(ctx, tok)
        if own is not None and out and _reference.describes(ctx, out[-1], tok):
            out[-1] = own  # "a third rebel group, the NMRD": the name, not a second actor
            continue
        if own is not None and tok.dep_ == "appos" and _reference.sayer(tok):
            continue  # "talks with X, the Y agency said": Y reports, the parser hung it on X
        if own is not None:
            out.append(own)
            continue
        if tok.dep_ == "appos" and out:
            continue  # "Tunisia, Libya's western neighbour": the apposition describes Tunisia
        start, end = _own_phrase(tok)
        if cue.i > tok.i and cue.idx < end:
            end = cue.idx  # the relative clause holding the cue is not the subject
        mentions = ctx.actors.mentions_in(start, end)
        if any(c.dep_ == "appos" and is_person(ctx, _mention_at(ctx, c) or "") for c in tok.children):
            continue  # "Aliyev's top aide, X", "the secretary of the Council, X": the name is the one
        serves = any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
        if serves and tok.lemma_.lower() in _SERVING:
            continue  # "advisers to X, Y and Z": not X, Y and Z
        out += [m.actor for m in mentions if not _nested(ctx, m, mentions)]
    return list(dict.fromkeys(out))


def actor_at(ctx: Context, tok: Any) -> str | None:
    """The actor a token itself names (its own mention, or a bare surname), if any."""
    return _mention_at(ctx, tok)


def _mention_at(ctx: Context, tok: Any) -> str | None:
    """The actor whose mention covers the token itself (the head of a name or description)."""
    hits = ctx.actors.mentions_in(tok.idx - 200 if tok.idx > 200 else 0, tok.idx + len(tok) + 200)
    covering = [m for m in hits if m.start <= tok.idx < m.end]
    if covering:
        return max(covering, key=lambda m: m.end - m.start).actor
    return _surname(ctx, tok) or _acronym(ctx, tok)


def _acronym(ctx: Context, tok: Any) -> str | None:
    """An acronym the actor index left unattached in a list ('A, B, RADEBU and C') or in a
    hyphened word ('UN-backed talks') names the actor so named elsewhere in the text."""
    if len(tok.text) < 2 or not tok.text.isupper() or not tok.text.isalpha():
        return None
    hyphened = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"
    same = [
        a
        for a in ctx.actors.actors
        if a.type != "person"
        and (a.name == tok.text or hyphened and any(ctx.body[s:e] == tok.text for s, e in a.mentions))
    ]
    return same[0].id if len(same) == 1 else None


def _surname(ctx: Context, tok: Any) -> str | None:
    """A bare surname ('Mesfin met ...') names the one person named in full before it with that
    last name, when the actor index left the short form unattached."""
    compound = tok.dep_ == "compound" or any(c.dep_ == "compound" for c in tok.children)
    if not tok.text.istitle() or tok.tag_ not in ("NNP", "NN") or compound:
        return None
    people = [
        a
        for a in ctx.actors.actors
        if a.type == "person"
        and " " in a.name
        and a.name.split()[-1] == tok.text
        and any(start < tok.idx for start, _ in a.mentions)
    ]
    return people[0].id if len(people) == 1 else None


def _own_phrase(tok: Any) -> tuple[int, int]:
    """Character bounds of a noun's phrase without its coordinated items and clauses."""
    skip = {c.i for c in tok.children if c.dep_ in ("conj", "appos", "relcl", "cc", "punct", "acl")}
    tokens = [tok] + [t for c in tok.children if c.i not in skip for t in c.subtree]
    last = max(tokens, key=lambda t: t.idx)
    return min(t.idx for t in tokens), last.idx + len(last)


def _antecedent(ctx: Context, rel: Any) -> Any:
    """'X of the Y group, who will ...': a 'who' clause is about the person, not the group."""
    noun = rel.head.head
    if rel.lower_ == "who" and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        owner = noun.head.head
        actor = ctx.actors.at(owner.idx, owner.idx + len(owner))
        if actor is not None and actor.type in ("person", "expert"):
            return owner
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head  # "X, the UK's minister, who has been chairing the talks": X, not the UK
    if rel.lower_ == "which" and is_person(ctx, _mention_at(ctx, noun) or ""):
        return _thing_before(ctx, noun, rel) or noun
    return noun


def _thing_before(ctx: Context, noun: Any, rel: Any) -> Any | None:
    """'which' is no person: 'X, president of the Y union, which is sponsoring the talks' is
    about Y, the last body named between the person and the clause."""
    inside = [m for m in ctx.actors.mentions_in(noun.idx, rel.idx) if not is_person(ctx, m.actor)]
    if not inside:
        return None
    last = inside[-1]
    return ctx.doc.char_span(last.start, last.end, alignment_mode="expand").root


def _nested(ctx: Context, m: Any, mentions: list[Any]) -> bool:
    """A mention that only modifies another one ('UN' in 'UN envoy X', 'Syria' in "Syria's X")."""
    for other in mentions:
        if (
            other is not m
            and other.start <= m.start
            and m.end <= other.end
            and (other.end - other.start) > (m.end - m.start)
        ):
            return True
    tok = ctx.doc.char_span(m.start, m.end, alignment_mode="expand").root
    if _reference.owner_of(ctx, tok, m, mentions):
        return True
    while tok.dep_ in _CHAIN and tok.head.i != tok.i:
        tok = tok.head
        if any(o is not m and o.start <= tok.idx < o.end for o in mentions):
            return True
    return _affiliation(ctx, tok, m, mentions)


def _affiliation(ctx: Context, tok: Any, m: Any, mentions: list[Any]) -> bool:
    """An organisation in a person's title ('X, director of the Y agency'): the person's
    affiliation, not a participant of its own."""
    while tok.dep_ in ("pobj", "compound", "nmod", "amod") and tok.head.i != tok.i:
        tok = tok.head
        if tok.dep_ == "prep" and tok.head.dep_ == "appos" and tok.head.pos_ == "NOUN":
            person = tok.head.head
            owners = [o for o in mentions if o is not m and o.start <= person.idx < o.end]
            return any(is_person(ctx, o.actor) for o in owners)
    return False


def reported_subject(tok: Any) -> Any | None:
    """The noun subject of the reporting verb a plural pronoun depends on ('the powers and Iran
    said they had moved closer': the powers and Iran)."""
    if tok.lower_ not in ("they", "them"):
        return None
    verb = tok.head
    while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl") and verb.head.i != verb.i:
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return subj
    return None


def _pronoun(ctx: Context, tok: Any) -> list[str]:
    """A pronoun subject: the subject of the reporting verb it depends on, else the last actor."""
    verb = tok.head
    while verb.dep_ in ("ccomp", "xcomp", "conj", "advcl") and verb.head.i != verb.i:
        adverbial = verb.dep_ == "advcl"
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and adverbial and _disagrees(tok, subj):
            break  # "the army barred the groups, though they had ...": not the singular subject
        if subj is not None and subj.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS:
            ids = actors_of(ctx, subj, verb)
            if ids and (tok.lower_ not in PERSON_PRONOUNS or is_person(ctx, ids[0])):
                return ids
    types = {"person", "expert"} if tok.lower_ in PERSON_PRONOUNS else None
    last = ctx.actors.last_before(tok.idx, types)
    while last is not None and (_placed(ctx, last) or _quoted_apart(ctx, last.start, tok.idx)):
        last = ctx.actors.last_before(last.start, types)  # "arrived at the X Hotel. They": not the hotel
    if last is None:
        return []
    if tok.lower_ in ("they", "them"):
        return _listed_with(ctx, last)
    if types is not None and last.end <= tok.sent.start_char and _reference.subordinate(ctx, last):
        last = _reference.main_subject_before(ctx, tok, types) or last
    return [last.actor]


@functools.lru_cache(maxsize=8)
def _quotes(body: str) -> list[tuple[int, int]]:
    return clauses.quoted_spans(body)


def _quoted_apart(ctx: Context, pos: int, at: int) -> bool:
    """Whether a mention lies inside quotation marks that the pronoun is outside of: a name in a
    quoted title or in someone's words ('the "Agreement on X's sovereignty". They agreed') is no
    antecedent of the narrative's pronoun."""
    return any(a <= pos < b and not a <= at < b for a, b in _quotes(ctx.body))


def _placed(ctx: Context, mention: Any) -> bool:
    """A mention used as a place ('arrived at the X Center', 'talks in X') is no pronoun's antecedent."""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


def _disagrees(pronoun: Any, subj: Any) -> bool:
    """'they' in an adverbial clause cannot be a singular, uncoordinated noun subject of the main
    clause (a reporting verb's 'they' may be a collective: 'the government said they would')."""
    single = subj.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in subj.children)
    return pronoun.lower_ in ("they", "them") and single


def _listed_with(ctx: Context, last: Any) -> list[str]:
    """'they' after 'the Cairo and Moscow groups': every actor of that list."""
    out = [last.actor]
    mentions = ctx.actors.mentions_in(max(0, last.start - 200), last.start)
    end = last.start
    for m in reversed(mentions):
        between = ctx.body[m.end:end].strip(" ,").lower()
        if between not in ("and", "or", "", "and the", "or the") or m.end > end:
            break
        out.insert(0, m.actor)
        end = m.start
    return list(dict.fromkeys(out))


def is_person(ctx: Context, actor_id: str) -> bool:
    """A person (or an expert speaking as one), not a body."""
    actor = ctx.actors.get(actor_id) if actor_id else None
    return actor is not None and actor.type in ("person", "expert")


def meeting_for(ctx: Context, cue: Any, focus: Focus, *, past: bool = False) -> Meeting | None:
    """The meeting the cue's clause names, else the one in focus (``Focus.for_statement``)."""
    return meeting_in_clause(ctx, cue, focus) or focus.for_statement(cue, past=past)


def meeting_in_clause(ctx: Context, cue: Any, focus: Focus) -> Meeting | None:
    """The meeting named in the cue's clause, else the one its day or venue names.

    A meeting noun ('arrived in Geneva to join the peace talks') says more than a
    city, which several meetings of one report can share; among those, the one in
    focus or the main one wins.
    """
    named = named_meeting(cue, focus) or _dated(ctx, cue, focus)
    if named is not None:
        return named
    start, end = clauses.own_clause(cue)
    for tok in cue.doc.char_span(start, end, alignment_mode="expand") or []:
        if tok.ent_type_ != "GPE":
            continue
        by_place = [
            m
            for m in focus.meetings.values()
            if not m.past and (tok.text == m.city or _country_match(ctx, tok, m))
        ]
        if by_place:
            preferred = [m for m in (focus.current, focus.main) if m in by_place]
            return (preferred or by_place)[0]
    return None


def named_meeting(cue: Any, focus: Focus) -> Meeting | None:
    """The meeting a meeting noun in the cue's clause (or its purpose infinitive) names."""
    tokens = clauses.clause_tokens(cue)
    if cue.dep_ == "acl":
        tokens.append(cue.head)  # "the 3 July meeting, attended by X": the noun the participle modifies
    elif cue.dep_ == "conj" and cue.tag_ == "VBN" and cue.head.dep_ == "prep":
        tokens += [c for c in cue.head.children if c.dep_ == "pobj"]  # "after the meeting, attended by X"
    verb = cue.head if cue.dep_ == "acomp" else cue
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    inner = {t.i for s in subjects for r in s.subtree if r.dep_ == "relcl" for t in r.subtree}
    passive = [t for s in subjects for t in s.subtree if t.i not in inner]
    tokens = passive + tokens  # "the first round was attended by X": the subject is the meeting
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        tokens.insert(0, verb.head)  # "the dinner, where X were present": the dinner
    for tok in tokens + _purpose(cue):
        mid = focus.by_pos.get(tok.idx)
        if mid:
            return focus.meetings[mid]
    return None


def _dated(ctx: Context, cue: Any, focus: Focus) -> Meeting | None:
    """'X and Y met in Brussels on 3 July': the one meeting that started on a day the clause names."""
    start, end = clauses.own_clause(cue)
    days = {d.value for d in ctx.dates_in(start, end) if d.value and d.granularity == "day"}
    found = [m for m in focus.meetings.values() if m.start in days]
    return found[0] if len(found) == 1 else None


def _purpose(cue: Any) -> list[Any]:
    """Tokens of an infinitive of purpose ('arrived in Geneva to join the talks'): the journey's goal."""
    out: list[Any] = []
    for comp in cue.children:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)
        if comp.dep_ in ("advcl", "xcomp") and infinitive:
            out += list(comp.subtree)
    return out


def _country_match(ctx: Context, tok: Any, meeting: Meeting) -> bool:
    """'arrived in Kazakhstan': the meeting whose venue lies in that country."""
    if meeting.past or not meeting.country or tok.head.lower_ not in ("in", "to", "for"):
        return False
    actor = ctx.actors.at(tok.idx, tok.idx + len(tok))
    return actor is not None and actor.type == "state" and actor.country == meeting.country
