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
from datetime import date, timedelta
from typing import Any

from ...context import Context
from ...lexicon import load as load_lexicon
from ...model import Evidence, Meeting
from .. import _clauses as clauses
from . import encounters, identity, names, venues, verbs, when
from .defaults import _default_status
from .mentions import _Mention, _mentions
from .status import FailedPlan, _apply_sponsors, _apply_status

NAME = "meetings.v3"
REQUIRES: set[str] = set()


def extract(ctx: Context) -> list[Meeting]:
    """Every meeting the article mentions, in order of first mention."""
    lex = load_lexicon("meetings")
    quoted = clauses.quoted_spans(ctx.body)
    pairs = encounters.person_meetings(ctx, lex)
    found = _mentions(ctx, lex) + encounters.with_places(pairs, verbs.verb_mentions(ctx, lex)) + pairs
    mentions = sorted(found, key=lambda m: m.head.i)
    processes = venues.processes(ctx, lex)
    meetings: list[Meeting] = []
    _cluster(ctx, mentions, meetings)
    for m in mentions:
        _apply_status(ctx, m, lex, quoted)
        _apply_sponsors(ctx, m)
    venues.dateline_venue(ctx, meetings)
    stated = {m.meeting.id for m in mentions if m.meeting and m.city}  # a city the text gives it
    parts = {m.meeting.id for m in mentions if m.meeting and m.kind and "host" not in m.extras} - {
        m.meeting.id for m in mentions if m.meeting and not m.kind
    }
    cues = lex["status_cues"]
    halting = frozenset(w for s in ("cancelled", "suspended") for w in cues[s] if " " not in w)
    ending = frozenset(w for w in cues["concluded"] if " " not in w)
    named_days = {
        m.meeting.id: m.extras["day"] for m in reversed(mentions) if m.meeting and "day" in m.extras
    }
    for meeting in meetings:
        if not (meeting.history or meeting.background):
            _default_status(ctx, meeting, mentions, lex)
        _finish(ctx, meeting, processes)
        if meeting.status == "scheduled" and meeting.id in named_days:
            meeting.status, meeting.start = "held", None  # "Saturday's meeting" in a Sunday paper: past
        if meeting.start is None and meeting.status == "held":
            meeting.start = named_days.get(meeting.id)  # "the February 28 talks"
        when.fill_start(ctx, meeting, mentions, halting, ending)
        if meeting.id in parts:
            _same_day(ctx, meeting)
        if meeting.id in stated:
            meeting.aliases += names.place_forms(meeting, set(lex["heads"]))
    identity.host_status(mentions)
    ctx.meeting_mentions = [(m.head.idx, m.meeting.id) for m in mentions if m.meeting]
    gathered = [m for m in mentions if m.meeting and m.extras.get("pair", ())[:1] == (_GATHERING,)]
    ctx.side_meetings = {m.meeting.id for m in gathered if m.meeting}
    return meetings


# -- mentions -------------------------------------------------------------


def _cluster(ctx: Context, mentions: list[_Mention], meetings: list[Meeting]) -> None:
    """Give every mention its meeting: by venue/round/past, else the meeting in focus.

    Mentions before any named meeting ("those invited to the summit") wait for
    the first live (not past) meeting named after them.
    """
    focus: Meeting | None = None
    pending: list[_Mention] = []
    sessions: dict[str, Meeting] = {}
    pairs: dict[Any, Meeting] = {}
    days: dict[str, str] = {}  # meeting id -> the past day it was first told on
    done: set[str] = set()  # meetings a mention told in the simple past: they have met
    recent: tuple[Meeting, int] | None = None  # the last earlier meeting told, and its sentence
    just_met: tuple[Meeting, int] | None = None  # a meeting told by 'met' and where its sentence ends
    for m in mentions:
        if "pair" in m.extras:
            _assign(ctx, m, _encounter(ctx, meetings, pairs, m, focus))
            told = m.meeting is not focus and identity.simple_past(m.head)
            told = told and m.extras["pair"][0] != _GATHERING
            just_met = (m.meeting, m.head.sent.end) if told else None
            continue
        told = identity.told_before(ctx, m, focus, days, pairs, done)  # a plan of the talks, an encounter
        if told is not None:
            _assign(ctx, m, told)
            continue
        after_met = just_met is not None and just_met[1] in (m.head.sent.start, m.head.sent.end)
        if after_met and identity.bare_definite(m) and not identity.told_future(m):  # not 'will resume'
            _assign(ctx, m, just_met[0])  # 'X met Y on Tuesday. She had no details on the talks.'
            # (also 'X met Y and later described the talks as useful')
            continue
        side = [*sessions.values(), *pairs.values()]  # sessions and encounters: not the talks
        same_venue = m.city and _find(meetings, m, exclude=side)
        inside = focus is not None or bool(pending)  # a session of talks already mentioned
        m.later = m.later or m.announced and inside
        apart = m.extras.get("host") or m.extras.get("contrast") and not (m.past or m.later)
        if focus is None and pending and apart:  # "a meeting due on the sidelines of a summit"
            focus = _new(ctx, meetings, pending[0])
            for p in pending:
                _assign(ctx, p, focus)
            pending = []
        if m.extras.get("day_session") and identity.round_told(focus, pending):
            m.kind = "day session"  # "today's meeting" of a round that runs over days
        if m.kind and inside and not m.round and not same_venue:
            _assign(ctx, m, _session(ctx, meetings, sessions, m, focus))
            continue
        if identity.recent_day_earlier(m, focus, days, pending):
            m.past = True  # 'as with the May 3 talks', before or beside talks of another day
        if (focus is not None or pending) and not m.past and identity.other_day(ctx, m, focus, days, pending):
            m.past, m.later = True, False  # 'a first round ended on May 5', 'then held talks on May 3'
        earlier = identity.told_again(m, recent, meetings, side)
        if earlier is not None:  # "after talks on Monday ended ... the Moscow meeting had produced"
            m.past, earlier.city, earlier.country = True, m.city, m.country
        meeting, focus = _named(ctx, m, meetings, focus, side)
        if meeting is None and focus is not None:
            meeting = focus
        elif meeting is None:
            pending.append(m)
            continue
        _assign(ctx, m, meeting)
        done |= {meeting.id} if identity.told_done(m) else set()
        recent = (meeting, m.head.sent.start) if meeting.past else recent
        day = when.past_day(ctx, m, today_too=True) or when.plan_day(ctx, m)
        if day:
            days.setdefault(meeting.id, day)
        if not (meeting.past or meeting.later or m.background):
            for p in pending:
                _assign(ctx, p, meeting)
            pending = []
    identity.place_hosted(mentions)
    _close(ctx, meetings, [*sessions.values(), *pairs.values()], pending, focus, sessions)


def _named(
    ctx: Context, m: _Mention, meetings: list[Meeting], focus: Meeting | None, side: list[Meeting]
) -> tuple[Meeting | None, Meeting | None]:
    """The meeting a mention names by contrast, round, venue or time, and the focus after it
    (None when the mention names none and refers to the meeting in focus)."""
    unplaced_round = m.round and not (m.city or m.country or m.past)
    if m.extras.get("contrast") and focus is not None and not (m.past or m.later):
        meeting = next((x for x in meetings if m.city and x.city == m.city), None) or _new(ctx, meetings, m)
        return meeting, focus if m.background else meeting  # "the actual negotiations": not the conference
    if unplaced_round and focus is not None and focus.round is None and not _find(meetings, m):
        return focus, focus  # "talks resume in Vienna ... The seventh round will be chaired by"
    if not (m.city or m.country or m.round or m.past or m.later):
        return None, focus
    meeting = _find(meetings, m, side) or _side_at(m, side) or _new(ctx, meetings, m)
    if not (meeting.city or meeting.country) and focus is not None and (m.round or m.later):
        # "the next round", "the first round": another meeting of the same process
        meeting.city, meeting.country = focus.city, focus.country
    return meeting, focus if m.past or m.later or m.background else meeting


def _side_at(m: _Mention, side: list[Meeting]) -> Meeting | None:
    """'An emergency meeting was held in Caracas ... after the meetings held in Caracas': a
    place only a session or encounter was told at names that one."""
    there = [x for x in side if m.city and x.city == m.city and x.past == m.past and not m.round]
    return there[0] if len(there) == 1 else None


def _close(
    ctx: Context,
    meetings: list[Meeting],
    parts: list[Meeting],
    pending: list[_Mention],
    focus: Meeting | None,
    sessions: dict[str, Meeting],
) -> None:
    """Mentions still waiting go to the first live meeting; sessions are held where it is."""
    live = [m for m in meetings if not (m.past or m.later or any(m is x for x in parts))]
    ahead = [m for m in meetings if m.later and not any(m is x for x in parts)]
    if pending:  # bare 'the talks' with only earlier and later meetings named: the coming round
        meeting = (live or ahead)[0] if live or ahead else _new(ctx, meetings, pending[0])
        for p in pending:
            _assign(ctx, p, meeting)
        live = live or [meeting]
    main = live[0] if live else focus  # the talks first told, not a later meeting in focus
    for session in sessions.values() if main is not None else []:
        if not (session.city or session.country or session.past):
            session.city, session.country = main.city, main.country  # held where the talks are


_GATHERING = "gathering"


def _encounter(
    ctx: Context, meetings: list[Meeting], pairs: dict[Any, Meeting], m: _Mention, focus: Meeting | None
) -> Meeting:
    """'X met Y': the meeting of the same people told before, the talks in focus when they
    are named after the person met ('the meeting with Y'), else a meeting of its own."""
    key = m.extras["pair"]
    if key[0] == _GATHERING:  # sides gathered where the report is filed: beside the talks, not them
        pairs[key] = _new(ctx, meetings, m)
        return pairs[key]
    same = [v for k, v in pairs.items() if k[1] == key[1] and (k[0] == key[0] or None in (k[0], key[0]))]
    if same:  # the same person met again; an unresolved side does not tell them apart
        return same[0]
    other = ctx.actors.get(key[1]) if key[1] else None
    surname = other.name.split()[-1].lower() if other is not None else ""
    named_subject = m.extras.get("named_subject", False)
    told = any(surname in a.lower() for a in [focus.name, *focus.aliases]) if focus is not None else False
    if focus is not None and surname and told and not named_subject:
        pairs[key] = focus
        return focus
    pairs[key] = _new(ctx, meetings, m)
    return pairs[key]


def _session(
    ctx: Context, meetings: list[Meeting], sessions: dict[str, Meeting], m: _Mention, focus: Meeting | None
) -> Meeting:
    """A session or side meeting: one per kind, held where the talks in focus are."""
    meeting = sessions.get(m.kind or "")
    if meeting is None:
        meeting = sessions[m.kind or ""] = _new(ctx, meetings, m)
        if not (meeting.city or meeting.country) and focus is not None:
            meeting.city, meeting.country = focus.city, focus.country
    return meeting


def _find(meetings: list[Meeting], m: _Mention, exclude: list[Meeting] | None = None) -> Meeting | None:
    if m.city and not (m.past or m.later) and identity.told_past(m):
        # "the delegation arrived in Gomel for talks": the earlier meeting held in that city,
        # unless talks of the present are held there too
        there = [x for x in meetings if x.city == m.city and not any(x is e for e in exclude or [])]
        if there and all(x.past for x in there):
            return there[0]
    for meeting in meetings:
        if exclude and any(meeting is x for x in exclude):
            continue
        same_round = m.round and m.round == meeting.round and m.city and m.city == meeting.city
        if (meeting.past != m.past or meeting.later != m.later) and not same_round:
            continue  # ("the first round in X", told twice, is one round however it is told)
        if m.city and meeting.city and m.city != meeting.city:
            continue
        if m.past and m.city and not meeting.city:
            continue  # an earlier meeting named by its place is not an unplaced earlier one
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
    if m.extras.get("names"):
        return m.extras["names"][0]
    if m.verb:
        return f"meeting in {m.city}" if m.city else "meeting"
    text = ctx.doc[m.start : m.end].text
    return re.sub(r"^(the|a|an|this|that)\s+", "", text, flags=re.I)


def _assign(ctx: Context, m: _Mention, meeting: Meeting) -> None:
    m.meeting = meeting
    meeting.aliases.append(_name(ctx, m))
    longer = None if m.verb else names.long_name(ctx.doc, m.head, m.start, m.end)
    meeting.aliases += [longer] if longer else m.extras.get("names", [])[1:]
    meeting.aliases += [] if m.verb else names.span_of_time(ctx.doc, m.head) + names.by_agent(ctx.doc, m.head)
    if m.city and meeting.city is None or m.country and meeting.country is None:
        meeting.city, meeting.country = m.city or meeting.city, m.country
    if m.round and meeting.round is None:
        meeting.round = m.round
    meeting.evidence.append(Evidence.from_span(m.head.sent))


# -- status, dates, sponsors ----------------------------------------------


_START_STATUSES = {"scheduled", "postponed", "ongoing", "held"}


def _same_day(ctx: Context, meeting: Meeting) -> None:
    """A session or side meeting with no date of its own is reported on the day it happens."""
    if meeting.start is None and meeting.status not in ("postponed", "cancelled") and ctx.published:
        meeting.start = ctx.published.isoformat()


def _latest(ctx: Context, history: list[Any]) -> str:
    """The latest status, unless the last is an undated 'held' or 'under way' that restates
    what an earlier cue told more precisely: talks that concluded were held ('the talks
    concluded Friday ... the sides held discussions on Homs'), and talks planned for a day
    after the report cannot have been held yet ('why the conference is being held')."""
    last = history[-1]
    if last.start is not None or last.status not in ("held", "ongoing"):
        return last.status
    today = ctx.published.isoformat() if ctx.published else None
    earlier = [h for h in history[:-1] if h.status not in ("held", "ongoing")]
    if last.status == "held" and any(h.status == "concluded" for h in earlier):
        return "concluded"
    dated = [h for h in history if h.start]
    if (
        today
        and dated
        and dated[-1].status == "scheduled"
        and dated[-1].start[:10] > today[: len(dated[-1].start)]
    ):
        return "scheduled"
    return last.status


def _after_failed_plan(meeting: Meeting, today: str | None) -> None:
    """'The talks should have begun on Friday' and nothing since but plans: they are put off,
    to the day a later plan names (not the failed day, nor one already past), else to none."""
    failed = [h for h in meeting.history if isinstance(h, FailedPlan)]
    if meeting.status != "scheduled" or not failed:
        return
    meeting.status = "postponed"
    later = [
        h.start
        for h in meeting.history
        if h.start
        and not isinstance(h, FailedPlan)
        and h.status in ("scheduled", "postponed")
        and (today is None or h.start >= today[: len(h.start)])
        and all(h.start != f.start for f in failed)
    ]
    meeting.start = later[-1] if later else None


def _finish(ctx: Context, meeting: Meeting, processes: dict[str, str]) -> None:
    """Latest stated status and start; end from a stated duration; process and host."""
    plans = [h.start for h in meeting.background if h.status == "scheduled" and h.start]
    meeting.history[:0] = meeting.background
    meeting.background = []
    if meeting.history:
        meeting.status = _latest(ctx, meeting.history)
        dated = [h for h in meeting.history if h.start and h.status in _START_STATUSES]
        meeting.start = dated[-1].start if dated else None
        finer = [h.start for h in dated if meeting.start and h.start.startswith(meeting.start)]
        meeting.start = max(finer, key=len) if finer else meeting.start  # "this weekend", "on Saturday"
        if (
            meeting.status == "scheduled"
            and meeting.start
            and any(p[: len(meeting.start)] < meeting.start[: len(p)] for p in plans)
        ):
            meeting.status = "postponed"  # an earlier plan for an earlier day: the start has moved
        today = ctx.published.isoformat() if ctx.published else None
        _after_failed_plan(meeting, today)
        opened = [h for h in meeting.history if h.status == "ongoing" and h.start == today]
        if meeting.status == "scheduled" and meeting.start == today and opened:
            meeting.status = "ongoing"  # 'is starting' and 'will begin today': the day has come
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
