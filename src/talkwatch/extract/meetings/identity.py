"""Whether a mention tells the meeting in focus or another one.

Reports tell several meetings at once: the talks of the day, an earlier round, a meeting
met the day before, a session of a round. What sets a mention apart is time (another past
day, a month or year before the report, a day before talks planned for later), recency (a
place told right after an earlier meeting, 'the talks' right after 'X met Y') and the
kind of meeting the focus is (a round runs over days).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ...context import Context
from ...lexicon import load as load_lexicon
from ...model import Meeting
from .. import _clauses as clauses
from . import when
from .mentions import _Mention

_RECENT = timedelta(days=7)  # news of the week: older days tell earlier meetings
_TALKS_RUN = 5  # days: a bare "the talks" this soon after talks in focus began is a later day of them


def told_again(
    m: _Mention, recent: tuple[Meeting, int] | None, meetings: list[Meeting], side: list[Meeting]
) -> Meeting | None:
    """A place first named in the past tense right after an earlier, unplaced meeting was told
    names that meeting: 'talks on Monday ended without a deal. The Moscow meeting had produced'."""
    if recent is None or not m.city or m.later or not told_past(m, pluperfect=True):
        return None
    meeting, sent_start = recent
    if meeting.city or meeting.country or any(x.city == m.city for x in meetings if x not in side):
        return None
    previous = m.head.sent.start == sent_start or m.head.doc[m.head.sent.start - 1].sent.start == sent_start
    return meeting if previous else None


def recent_day_earlier(
    m: _Mention, focus: Meeting | None, days: dict[str, str], pending: list[_Mention]
) -> bool:
    """A meeting named by a day of the report's week ('Saturday's meeting', 'the May 3 talks')
    is an earlier one when it leads, before any talks are told, when a meeting of that day is
    told already, or when talks are in focus and
    were not told on that day; it is the news itself when it names the talks still waiting to
    be named ('a meeting between X and Y ... would attend Saturday's meeting')."""
    day = m.extras.get("day") if m.extras.get("recent_day") else None
    if day is None:
        return False
    if day in days.values():
        return True  # a meeting of that day is told already: 'as with the May 3 talks' again
    if focus is None:
        return not pending
    return days.get(focus.id) != day


def pair_named(ctx: Context, m: _Mention, pairs: dict[Any, Meeting]) -> Meeting | None:
    """'X may meet Y ... a meeting between Y and X is possible': a meeting noun whose
    'between'/'with' phrase names the people of a meeting told by 'meet' is that meeting."""
    if m.verb or m.past or m.later or m.city or m.round or not pairs:
        return None
    people = set()
    for prep in (c for c in m.head.children if c.dep_ == "prep" and c.lower_ in ("between", "with")):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            for tok in clauses.conjuncts(obj):
                actor = ctx.actors.at(tok.idx, tok.idx + len(tok))
                people |= {actor.id} if actor is not None and actor.type == "person" else set()
    same = [v for k, v in pairs.items() if k[1] in people and (k[0] is None or k[0] in people)]
    return same[0] if same else None


def told_before(
    ctx: Context,
    m: _Mention,
    focus: Meeting | None,
    days: dict[str, str],
    pairs: dict[Any, Meeting],
    done: frozenset[str] | set[str] = frozenset(),
) -> Meeting | None:
    """The meeting a mention names again though its words set it apart: the talks in focus
    planned anew (planned_focus), a meeting of people met or to meet (pair_named)."""
    if focus is not None and focus.id not in done and planned_focus(ctx, m, focus, days):
        return focus
    return pair_named(ctx, m, pairs)


def told_done(m: _Mention) -> bool:
    """'who hosted the meeting', 'the talks lasted five hours': a mention a verb of meeting,
    taking part or lasting tells in the simple past, so its meeting has met and is no plan a
    later round could be ('will meet again'); not 'confirmed the meeting'."""
    if m.later:
        return False
    verbs = [m.head] if m.verb else clauses.governing_verbs(m.head)
    return any(simple_past(v) and _of_meeting(v) for v in verbs)


def _of_meeting(verb: Any) -> bool:
    """A verb that tells a meeting happen: held, ended, begun; hosted, attended; lasted."""
    lex = load_lexicon("meetings")
    if verb.lemma_.lower() in set(lex["presence_verbs"]) | set(lex["duration_verbs"]):
        return True
    return clauses.match(verb, lex["status_cues"]) in ("held", "concluded", "ongoing")


def planned_focus(ctx: Context, m: _Mention, focus: Meeting | None, days: dict[str, str]) -> bool:
    """'They will resume talks in Mexico next month ... a subsequent round will be held in
    Mexico on February 13': when the talks in focus are themselves still to come, a later
    round planned for the same time and place is those talks, not one after them."""
    if not (m.later or m.announced) or focus is None or focus.past or focus.later:
        return False
    if ctx.published is None:
        return False
    known, day = days.get(focus.id), when.plan_day(ctx, m)
    today = ctx.published.isoformat()
    if not known or not day or known <= today[: len(known)]:
        return False
    other_city = m.city and focus.city and m.city != focus.city
    other_country = m.country and focus.country and m.country != focus.country
    return not (other_city or other_country) and (day.startswith(known) or known.startswith(day))


def bare_definite(m: _Mention) -> bool:
    """'the talks', 'the meeting': no modifier, name, place or date of its own."""
    words = [t for t in m.head.doc[m.start : m.end] if t.i != m.head.i]
    bare = len(words) == 1 and words[0].lower_ == "the"
    return bare and not (m.city or m.country or m.round or m.past or m.later or m.kind)


def round_told(focus: Meeting | None, pending: list[_Mention]) -> bool:
    """The meeting in focus (or waiting to be named) is a round, which runs over days."""
    if focus is not None:
        return focus.round is not None or "round" in focus.name.lower().split()
    return any(p.round is not None or p.head.lower_ == "round" for p in pending)


def place_hosted(mentions: list[_Mention]) -> None:
    """'a meeting due on the sidelines of a summit in Granada': held where its host is."""
    for host, hosted in _hostings(mentions):
        if host.city and not (hosted.city or hosted.country):
            hosted.city, hosted.country = host.city, host.country


def host_status(mentions: list[_Mention]) -> None:
    """A summit told only as the host of a meeting goes on whatever befalls that meeting:
    it is under way or over with it, else still to come."""
    for host, hosted in _hostings(mentions):
        if host.status is None:
            done = hosted.status in ("held", "concluded")
            host.status = "held" if done else "ongoing" if hosted.status == "ongoing" else "scheduled"


def _hostings(mentions: list[_Mention]) -> list[tuple[Meeting, Meeting]]:
    """(host, hosted) pairs: the summit and the meeting whose phrase names its sidelines."""
    by_head = {m.head.i: m for m in mentions}
    out = []
    for host in (m for m in mentions if m.extras.get("host") and m.meeting):
        outer = next((by_head[a.i] for a in host.head.ancestors if a.i in by_head), None)
        hosted = outer.meeting if outer is not None else None
        if hosted is not None and hosted is not host.meeting:
            out.append((host.meeting, hosted))
    return out


def other_day(
    ctx: Context, m: _Mention, focus: Meeting | None, days: dict[str, str], pending: list[_Mention]
) -> bool:
    """A mention told on another past day than the meeting in focus (or the talks still to be
    named) is a meeting of its own: another day than the focus was told on, a day weeks before
    the report when the focus is undated, or today and before when the focus is planned for later."""
    day = when.past_day(ctx, m, today_too=True) or when.past_month(ctx, m)
    if day is None or ctx.published is None:
        return False
    plans = [when.plan_day(ctx, p) for p in pending]
    known = days.get(focus.id) if focus is not None else next((p for p in plans if p), None)
    today = ctx.published.isoformat()
    planned = known is not None and known > today[: len(known)]
    if planned:
        differs = True
    elif known:
        differs = day[: len(known)] != known[: len(day)] and day < today[: len(day)]
        differs = differs and not _later_day_of(m, day, known)
    else:
        differs = day < (ctx.published - _RECENT).isoformat()[: len(day)]
    if not differs:
        return False
    if m.verb:
        return simple_past(m.head)
    verbs = [v for v in clauses.governing_verbs(m.head) if v.i in {a.i for a in m.head.ancestors}]
    # not 'had been scheduled', nor a plan set anew ('was postponed')
    told = [v for v in verbs if simple_past(v) or past_passive(v) and not replanned(v)]
    return bool(told)


def _later_day_of(m: _Mention, day: str, known: str) -> bool:
    """'Talks opened on Monday ... X joined the talks on Tuesday': a bare 'the talks' told a few
    days after the talks in focus began is a later day of them (not 'a day of talks' a week on)."""
    if len(day) != 10 or len(known) != 10 or day <= known or not bare_definite(m):
        return False
    return (date.fromisoformat(day) - date.fromisoformat(known)).days <= _TALKS_RUN


def replanned(verb: Any) -> bool:
    """'was postponed', 'was scheduled': a passive that sets the meeting's plan tells no day
    it met, so a date beside it ('originally due to open on May 10') is an old plan of the
    same meeting, not another meeting."""
    cues = load_lexicon("meetings")["status_cues"]
    return clauses.match(verb, cues) in ("postponed", "scheduled")


def past_passive(verb: Any) -> bool:
    """'no consensus was reached at the meeting on 14 May': a simple past told in the passive
    (not a plan: 'the summit was said to be held on May 4')."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    planned = any(c.dep_ == "xcomp" for c in verb.children)
    past = bool(auxes) and all(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in auxes)
    return verb.tag_ == "VBN" and past and not planned


def simple_past(verb: Any) -> bool:
    """'ended', also when tagged as a participle with no auxiliary ('said a round ended')."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" and not clauses.pluperfect(verb) or verb.tag_ == "VBN" and not auxes


def told_past(m: _Mention, pluperfect: bool = False) -> bool:
    verbs = [m.head] if m.verb else clauses.governing_verbs(m.head)
    return any(v.tag_ == "VBD" or pluperfect and clauses.pluperfect(v) for v in verbs)


def told_future(m: _Mention) -> bool:
    """'the talks will resume', 'the talks are due to open': told of what is to come."""
    return any(clauses.future(v) for v in clauses.governing_verbs(m.head))
