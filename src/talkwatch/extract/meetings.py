"""Meetings: talks, rounds and summits, with venue, dates, status history, sponsors.

A mention is a meeting noun ("talks", "summit", "round") with what names it: a
venue ("the Geneva talks", "talks in Doha"), an ordinal ("the fifth round"),
or nothing ("the talks"), in which case it refers to the meeting in focus.
Status cues in the clause ("postponed until Thursday", "scheduled for
February 23") append to the meeting's history with the date they carry.
Mentions of a process ("the Doha process", "a track") are not meetings but
name the process of the meetings at that venue. Words inside quotation marks
do not change a status: they are someone's claim, kept by the quotes extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..context import Context
from ..lexicon import load as load_lexicon
from ..model import Evidence, Meeting, StatusChange
from . import clauses, venues

NAME = "meetings.v1"
REQUIRES: set[str] = set()

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


@dataclass
class _Mention:
    head: Any  # the meeting noun token
    start: int  # token span of the mention
    end: int
    city: str | None = None
    country: str | None = None
    round: int | None = None
    past: bool = False
    later: bool = False
    background: bool = False
    verb: bool = False  # "the leaders met in Sochi": a meeting told by its verb
    meeting: Meeting | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def extract(ctx: Context) -> list[Meeting]:
    """Every meeting the article mentions, in order of first mention."""
    lex = load_lexicon("meetings")
    quoted = clauses.quoted_spans(ctx.body)
    mentions = sorted(_mentions(ctx, lex) + _verb_mentions(ctx, lex), key=lambda m: m.head.i)
    processes = venues.processes(ctx, lex)
    meetings: list[Meeting] = []
    _cluster(ctx, mentions, meetings)
    for m in mentions:
        _apply_status(ctx, m, lex, quoted)
        _apply_sponsors(ctx, m)
    venues.dateline_venue(ctx, meetings)
    for meeting in meetings:
        if not (meeting.history or meeting.background):
            _default_status(ctx, meeting, mentions)
        _finish(ctx, meeting, processes)
    ctx.facts["meeting_mentions"] = [(m.head.idx, m.meeting.id) for m in mentions if m.meeting]
    return meetings


# -- mentions -------------------------------------------------------------


def _mentions(ctx: Context, lex: dict[str, Any]) -> list[_Mention]:
    heads = set(lex["heads"])
    out = []
    for tok in ctx.tokens:
        if tok.lower_ not in heads or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
            continue
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "advmod")}
        if mods & set(lex["generic_modifiers"]) or _part_of_meeting(tok, heads):
            continue
        m = _Mention(tok, *_span(tok))
        m.past = bool(mods & set(lex["past_modifiers"])) and tok.lower_ != "round" or _long_ago(ctx, tok)
        m.later = bool(mods & set(lex["later_modifiers"]))
        m.background = _background(tok, lex)
        m.round = _round(tok)
        m.city, m.country = venues.venue(ctx, tok)
        if m.city is None and m.country is None:
            m.city, m.country = venues.verb_venue(ctx, tok)
        if not (m.city or m.country or m.round or m.past) and (_is_generic(tok) or _bare_mass(tok)):
            continue
        out.append(m)
    return out


def _is_generic(tok: Any) -> bool:
    """'a negotiation for peace', 'to negotiate': indefinite singular mentions with no venue."""
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    return det is not None and det.lower_ in ("a", "an", "any", "no") and tok.tag_ == "NN"


def _verb_mentions(ctx: Context, lex: dict[str, Any]) -> list[_Mention]:
    """'Aliyev and Pashinyan met in Prague', 'the emir will host them in Doha': a meeting
    named by its verb and place, when no meeting noun of the clause names one."""
    heads = set(lex["heads"])
    out = []
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_ not in lex["meeting_verbs"]:
            continue
        if any(t.lower_ in heads for t in tok.subtree) or clauses.negated(tok):
            continue
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in venues.VENUE_PREPS]
        place = next(
            (
                p
                for p in (venues.place_of(o) for pr in preps for o in pr.children if o.dep_ == "pobj")
                if p != (None, None)
            ),
            None,
        )
        if place is None:
            continue
        m = _Mention(tok, tok.i, tok.i + 1, verb=True)
        m.city, m.country = place
        out.append(m)
    return out


def _long_ago(ctx: Context, tok: Any) -> bool:
    """'a round of talks in 2022' in a 2025 report: an earlier meeting, not the one in focus."""
    published = ctx.published
    if published is None:
        return False
    start, end = tok.idx, tok.right_edge.idx + len(tok.right_edge)
    for d in ctx.dates_in(start, end):
        if d.value and _attached(ctx, d, tok):
            return d.value[:4] < str(published.year - (published.month <= 2))[:4] or (
                len(d.value) >= 7 and d.value[:7] < _months_before(published, 3)
            )
    return False


def _months_before(day: date, months: int) -> str:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return f"{year:04d}-{month + 1:02d}"


def _part_of_meeting(tok: Any, heads: set[str]) -> bool:
    """'talks' in 'the second round of talks': the outer noun is the mention (unless the
    inner one is itself numbered: 'the closing ceremony of the third round')."""
    of_meeting = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in heads
    return of_meeting and _round(tok) is None


def _background(tok: Any, lex: dict[str, Any]) -> bool:
    """Inside a 'since/after/before ...' clause or phrase of its sentence."""
    markers = set(lex["background_markers"])
    for anc in tok.ancestors:
        if any(c.dep_ == "mark" and c.lower_ in markers for c in anc.children):
            return True
        if anc.dep_ == "prep" and anc.lower_ in markers:
            return True
    return False


def _bare_mass(tok: Any) -> bool:
    """'settled by dialogue', 'open to negotiation': the activity, not a meeting."""
    return tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children)


def _span(tok: Any) -> tuple[int, int]:
    lefts = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod", "det", "poss")]
    start = min([tok.i] + [c.left_edge.i for c in lefts])
    end = tok.i + 1
    for c in tok.rights:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "at")
            and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in c.subtree)
        ):
            end = c.right_edge.i + 1
        elif c.dep_ in ("nummod", "appos") and c.text in _ROMAN:
            end = c.i + 1
    return start, end


def _round(tok: Any) -> int | None:
    for c in [*tok.children, tok.nbor(1) if tok.i + 1 < len(tok.doc) else tok]:
        word = c.lower_
        if word in _ORDINALS and c.i < tok.i:
            return _ORDINALS[word]
        if re.fullmatch(r"\d+(st|nd|rd|th)", word) and c.i < tok.i:
            return int(re.match(r"\d+", word).group())
        if c.text in _ROMAN and c.i > tok.i:
            return _ROMAN[c.text]
    return None


# -- clustering -----------------------------------------------------------


def _cluster(ctx: Context, mentions: list[_Mention], meetings: list[Meeting]) -> None:
    """Give every mention its meeting: by venue/round/past, else the meeting in focus.

    Mentions before any named meeting ("those invited to the summit") wait for
    the first live (not past) meeting named after them.
    """
    focus: Meeting | None = None
    pending: list[_Mention] = []
    for m in mentions:
        unplaced_round = m.round and not (m.city or m.country or m.past)
        if unplaced_round and focus is not None and focus.round is None and not _find(meetings, m):
            meeting = focus  # "talks resume in Vienna ... The seventh round will be chaired by"
        elif m.city or m.country or m.round or m.past or m.later:
            meeting = _find(meetings, m) or _new(ctx, meetings, m)
            if not (meeting.city or meeting.country) and focus is not None:
                # "the next round", "the first round": another meeting of the same process
                meeting.city, meeting.country = focus.city, focus.country
            if not (m.past or m.later or m.background):
                focus = meeting
        elif focus is not None:
            meeting = focus
        else:
            pending.append(m)
            continue
        _assign(ctx, m, meeting)
        if not (meeting.past or meeting.later or m.background):
            for p in pending:
                _assign(ctx, p, meeting)
            pending = []
    if pending:
        live = [m for m in meetings if not (m.past or m.later)]
        meeting = live[0] if live else _new(ctx, meetings, pending[0])
        for p in pending:
            _assign(ctx, p, meeting)


def _find(meetings: list[Meeting], m: _Mention) -> Meeting | None:
    for meeting in meetings:
        if meeting.past != m.past or meeting.later != m.later:
            continue
        if m.city and meeting.city and m.city != meeting.city:
            continue
        if m.country and meeting.country and m.country != meeting.country:
            continue
        if m.round and meeting.round and m.round != meeting.round:
            continue
        if m.city or m.country or (m.round and m.round == meeting.round) or (m.later and meeting.later):
            return meeting
    return None


def _new(ctx: Context, meetings: list[Meeting], m: _Mention) -> Meeting:
    meeting = Meeting(
        id=f"m{len(meetings) + 1}",
        name=_name(ctx, m),
        city=m.city,
        country=m.country,
        round=m.round,
        past=m.past,
        later=m.later,
    )
    meetings.append(meeting)
    return meeting


def _name(ctx: Context, m: _Mention) -> str:
    if m.verb:
        return f"meeting in {m.city}" if m.city else "meeting"
    text = ctx.doc[m.start : m.end].text
    return re.sub(r"^(the|a|an|this|that)\s+", "", text, flags=re.I)


def _assign(ctx: Context, m: _Mention, meeting: Meeting) -> None:
    m.meeting = meeting
    meeting.aliases.append(_name(ctx, m))
    if m.city and meeting.city is None or m.country and meeting.country is None:
        meeting.city, meeting.country = m.city or meeting.city, m.country
    if m.round and meeting.round is None:
        meeting.round = m.round
    meeting.evidence.append(Evidence.from_span(m.head.sent))


# -- status, dates, sponsors ----------------------------------------------


def _apply_status(ctx: Context, m: _Mention, lex: dict[str, Any], quoted: list[tuple[int, int]]) -> None:
    if m.meeting is None:
        return
    if m.verb:
        cues = [(m.head, "held")]
    else:
        cues = clauses.status_cues(m.head, lex["status_cues"]) or _next_verb_cue(m, lex) or _noun_cue(m, lex)
    for cue_tok, status in cues:
        if clauses.inside(cue_tok.idx, quoted) or clauses.negated(cue_tok):
            continue
        if _covered(m.meeting, cue_tok):
            continue
        when = _cue_date(ctx, cue_tok, m)
        if status in ("held", "ongoing") and not m.meeting.past and clauses.future(cue_tok):
            status = "scheduled"
        change = StatusChange(status, when, Evidence.from_span(cue_tok.sent))
        told_before = clauses.pluperfect(cue_tok) or (
            cue_tok.dep_ == "conj" and clauses.pluperfect(cue_tok.head)
        )
        if (
            cue_tok.dep_ in ("relcl", "acl")
            or told_before
            or clauses.has_any(cue_tok, lex["history_adverbs"])
        ):
            m.meeting.background.append(change)  # earlier states, told as background
        else:
            m.meeting.history.append(change)
        _duration(ctx, cue_tok, m.meeting, lex)


def _noun_cue(m: _Mention, lex: dict[str, Any]) -> list[tuple[Any, str]]:
    """'sat down on Saturday for the start of peace talks': the noun's verb carries the date."""
    head = m.head
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return []
    noun = head.head.head
    for status, nouns in lex["status_nouns"].items():
        if noun.lemma_.lower() in nouns:
            verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), noun)
            return [(verb, status)]
    return []


def _next_verb_cue(m: _Mention, lex: dict[str, Any]) -> list[tuple[Any, str]]:
    """A misparsed clause ('since a round in Geneva collapsed'): the verb right after the mention."""
    doc = m.head.doc
    i = m.end
    while i < len(doc) and i < m.end + 3 and (doc[i].dep_ in ("aux", "auxpass", "advmod", "neg")):
        i += 1
    if (
        i < len(doc)
        and doc[i].pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children)
    ):
        status = clauses.match(doc[i], lex["status_cues"])
        if status:
            return [(doc[i], status)]
    return []


def _default_status(ctx: Context, meeting: Meeting, mentions: list[_Mention]) -> None:
    """No status cue: a meeting told in the past tense, or dated before the report, was held;
    one dated after it is scheduled. Its date is the one in its mention's clause."""
    published = ctx.published
    for m in (x for x in mentions if x.meeting is meeting):
        verbs = clauses.governing_verbs(m.head)
        span = clauses.own_clause(verbs[-1] if verbs else m.head)
        own = [d for d in ctx.dates_in(*span) if d.value and _attached(ctx, d, m.head)]
        dated = own or [d for d in ctx.dates_in(*span) if d.value]
        when = dated[0].value if dated else None
        past_tense = any(v.tag_ == "VBD" for v in verbs)
        if when and published:
            status = "held" if when < published.isoformat()[: len(when)] else "scheduled"
        elif past_tense or meeting.past:
            status = "held"
        else:
            continue
        meeting.history.append(StatusChange(status, when, Evidence.from_span(m.head.sent)))
        return


def _covered(meeting: Meeting, cue: Any) -> bool:
    """A cue already used for this meeting, or one inside a clause already used ('due to begin')."""
    used = meeting.cue_tokens
    chain = []  # "due to begin": the verbs a cue completes
    tok = cue
    while tok.dep_ in ("xcomp", "pcomp", "prep") and tok.head is not tok:
        tok = tok.head
        chain.append(tok.i)
    if cue.i in used or any(i in used for i in chain):
        return True
    used.add(cue.i)
    return False


def _cue_date(ctx: Context, cue: Any, m: _Mention) -> str | None:
    """The date a status cue carries: attached to it ('postponed until Thursday', 'due to
    begin Wednesday'), not one buried in a noun phrase of its clause."""
    span = clauses.own_clause(cue)
    dates = [d for d in ctx.dates_in(span[0], span[1]) if d.value and _attached(ctx, d, cue)]
    days = [d for d in dates if d.granularity == "day"] or dates
    if not days:
        return None
    after = [d for d in days if d.start > cue.idx]
    return (after or days)[0].value


_DATE_PATH = {
    "pobj",
    "prep",
    "npadvmod",
    "tmod",
    "advmod",
    "nummod",
    "compound",
    "amod",
    "appos",
    "conj",
    "cc",
}


def _attached(ctx: Context, date_expr: Any, cue: Any) -> bool:
    """The date's head reaches the cue (or a verb in its xcomp chain) through prepositions only."""
    span = ctx.doc.char_span(date_expr.start, date_expr.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(5):
        if tok.i == cue.i or tok.head.i == cue.i:
            return True
        if tok.dep_ not in _DATE_PATH or tok.head is tok:
            return tok.dep_ in ("xcomp", "pcomp") and tok.head.i == cue.i
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX", "ADJ") and tok.i != cue.i:
            return tok.dep_ in ("xcomp", "pcomp", "conj") and (
                tok.head.i == cue.i or cue.i in [a.i for a in tok.ancestors][:2]
            )
    return False


def _duration(ctx: Context, cue: Any, meeting: Meeting, lex: dict[str, Any]) -> None:
    """'expected to last two days' in the cue's sentence gives the meeting's length."""
    for tok in cue.sent:
        if tok.lemma_ in lex["duration_verbs"] and tok.pos_ == "VERB":
            text = ctx.body[tok.idx : tok.right_edge.idx + len(tok.right_edge)]
            match = re.search(r"\b(\w+)\s+days?\b", text)
            if match and clauses.number(match.group(1)):
                meeting.duration_days = clauses.number(match.group(1))
                return


def _apply_sponsors(ctx: Context, m: _Mention) -> None:
    """'sponsored by the UN', 'UN-backed', 'under the auspices of X'."""
    if m.meeting is None:
        return
    for tok in m.head.subtree:
        if tok.lemma_ in ("sponsor", "back", "broker", "organise", "organize", "host") and tok.dep_ == "acl":
            for agent in (c for c in tok.children if c.dep_ == "agent"):
                for mention in ctx.actors.mentions_in(
                    agent.idx, agent.right_edge.idx + len(agent.right_edge)
                ):
                    target = m.meeting.hosts if tok.lemma_ == "host" else m.meeting.sponsors
                    target.append(mention.actor)


# Statuses whose date is the meeting's start ("postponed until", "began on", "took place
# on"); "ended on" dates the end, "suspended/cancelled on" the event itself.
_START_STATUSES = {"scheduled", "postponed", "ongoing", "held"}


def _finish(ctx: Context, meeting: Meeting, processes: dict[str, str]) -> None:
    """Latest stated status and start; end from a stated duration; process and host."""
    meeting.history[:0] = meeting.background
    meeting.background = []
    if meeting.history:
        meeting.status = meeting.history[-1].status
        dated = [h for h in meeting.history if h.start and h.status in _START_STATUSES]
        meeting.start = dated[-1].start if dated else None
        ended = [h for h in meeting.history if h.start and h.status == "concluded"]
        if ended and (meeting.start is None or ended[-1].start >= meeting.start):
            meeting.end = ended[-1].start
    elif meeting.past:
        meeting.status = "held"
    days = meeting.duration_days
    if meeting.start and days and len(meeting.start) == 10:
        meeting.end = (date.fromisoformat(meeting.start) + timedelta(days=days - 1)).isoformat()
    if meeting.city:
        meeting.process = processes.get(meeting.city)
    if meeting.country:
        host = next(
            (a for a in ctx.actors.actors if a.type == "state" and a.country == meeting.country), None
        )
        if host is not None:
            meeting.hosts.append(host.id)
    meeting.aliases = list(dict.fromkeys(a for a in meeting.aliases if a != meeting.name))
