"""Statements about one meeting (or one participant) as a timeline of events.

Reports arrive in publication order, but a later report often restates an
earlier state in passing ("the talks, initially scheduled for Monday, ...",
"the first round had been held in May"). Read in publication order, such a
background statement would make a held meeting "scheduled" again. A meeting's
life only moves forward through phases (planned, under way, over), and so
does an actor's attendance (announced, arrived, attended): a statement whose
phase is behind what earlier reports already established describes the past,
so it is placed in event order, before the first entry of a later phase,
instead of at the end. The final state is the last entry of that timeline.
Within one phase, publication order stands (a postponement after a schedule,
a withdrawn invitation after an acceptance are news).

Consecutive statements of the same state are folded into the first, with the
documents that repeated it kept in ``also`` so the evidence stays inspectable.
Every function is a pure function of its input list (no set or dict order).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..lexicon import load_yaml

Statement = dict[str, Any]


def _phases(kind: str) -> dict[str, int]:
    data = load_yaml("store", "phases.yaml") or {}
    return {status: int(n) for status, n in (data.get(kind) or {}).items()}


MEETING_PHASE = _phases("meeting")
PARTICIPANT_PHASE = _phases("participant")
_DATA = load_yaml("store", "phases.yaml") or {}
RESTATES = {status: frozenset(less) for status, less in (_DATA.get("restates") or {}).items()}
END_DATED = frozenset(_DATA.get("end_dated") or ())


def in_event_order(stmts: Iterable[Statement], phase: dict[str, int]) -> list[Statement]:
    """Statements (in report order) re-ordered by the events they tell; backgrounds marked.

    A statement behind the phase established so far goes before the first
    entry of a later phase and gets ``background: True``.
    """
    out: list[Statement] = []
    top = -1
    for s in stmts:
        p = phase.get(s.get("status") or "", -1)
        if p < 0:
            continue
        if p >= top:
            out.append(s | {"background": False})
            top = p
            continue
        at = next(i for i, o in enumerate(out) if phase.get(o["status"], -1) > p)
        out.insert(at, s | {"background": True})
    return out


def fold(
    stmts: list[Statement], same: Callable[[Statement, Statement], bool]
) -> list[Statement]:
    """Consecutive statements that ``same`` calls equal, as the first one with ``also`` documents."""
    out: list[Statement] = []
    for s in stmts:
        if out and same(out[-1], s):
            also = out[-1]["also"]
            if s.get("document") and s["document"] != out[-1].get("document") and s["document"] not in also:
                also.append(s["document"])
            continue
        out.append(s | {"also": []})
    return out


def same_meeting_state(a: Statement, b: Statement) -> bool:
    """Same status (or one the earlier implies), and the later one repeats the start or does not say it."""
    said = a["status"] == b["status"] or b["status"] in RESTATES.get(a["status"], ())
    return said and (not b.get("start") or b.get("start") == a.get("start"))


def same_status(a: Statement, b: Statement) -> bool:
    return a["status"] == b["status"]


def meeting_timeline(stmts: list[Statement]) -> list[Statement]:
    """A meeting's status history: event order, repeats folded.

    A statement that talks are under way or over, published before the day
    they start and giving no day of its own, cannot be about them (the same
    article's earlier meetings, told undated): it is left out of the timeline.
    """
    events = fold(_news(in_event_order(stmts, MEETING_PHASE)), same_meeting_state)
    start = latest_start(events)
    kept = [s for s in stmts if not _before_start(s, start)]
    if kept and len(kept) < len(stmts):
        events = fold(_news(in_event_order(kept, MEETING_PHASE)), same_meeting_state)
    return events


def _news(events: list[Statement]) -> list[Statement]:
    """Events without the plans an article recalls beside its own news of the talks.

    An article that reports talks suspended and recalls they "were scheduled
    to begin" on that day adds one entry, its news: the recalled plan (or
    delay) is the article's background, already in (or missing from) the
    record's past. Kept: a recalled plan whose article tells nothing later,
    and recalled talks under way (a lead "talks are starting" is news).
    """
    plan = min(MEETING_PHASE.values(), default=0)
    later = {str(e.get("document")) for e in events
             if not e.get("background") and MEETING_PHASE.get(e["status"], plan) > plan}
    return [e for e in events if not (e.get("background") and MEETING_PHASE.get(e["status"], plan) == plan
                                      and str(e.get("document")) in later)]


TOOK_PLACE = frozenset(_DATA.get("took_place") or ())


def _before_start(s: Statement, start: str | None) -> bool:
    day, first = str(s.get("reported") or ""), str(start or "")
    return (
        s.get("status") in TOOK_PLACE and not s.get("start")
        and len(day) >= 10 and len(first) >= 10 and day < first
    )


def participant_timeline(stmts: list[Statement]) -> list[Statement]:
    """A participant's status history: event order, repeats folded."""
    return fold(in_event_order(stmts, PARTICIPANT_PHASE), same_status)


def latest_start(timeline: list[Statement]) -> str | None:
    """The start date the timeline ends on (a later background date does not move it).

    The date of a statement that the talks ended ("concluded on Friday") is
    their end, not a new start, once an earlier statement gave an earlier start.
    """
    starts = [s for s in timeline if s.get("start")]
    for n in range(len(starts) - 1, -1, -1):
        s = starts[n]
        if s["status"] in END_DATED and any(str(o["start"]) < str(s["start"]) for o in starts[:n]):
            continue
        return s["start"]
    return None


REVOKES = {status: frozenset(old) for status, old in (_DATA.get("revokes") or {}).items()}


def revocations_last(stmts: list[Statement]) -> list[Statement]:
    """One actor's statements (report order) with each article's revoking sentence last in its phase.

    Statements carry ``doc_id``, ``ev_start`` and ``status``. Within an
    article, a sentence stating a revocation with what it revokes ("rescinded
    its invitation") is the article's latest news: the article's other
    statements of that phase move before it, and the revoked status (the
    invitation) before them all. Other articles and other phases keep their places.
    """
    out = list(stmts)
    for doc in sorted({str(s["doc_id"]) for s in stmts}):
        mine = [i for i, s in enumerate(out) if str(s["doc_id"]) == doc]
        found = _revoking_sentence([out[i] for i in mine])
        if found is None:
            continue
        at, status = found
        phase = PARTICIPANT_PHASE.get(status, -1)
        same = [i for i in mine if PARTICIPANT_PHASE.get(out[i]["status"], -2) == phase]
        moved = sorted(same, key=lambda i: (_rank(out[i], at, status), i))
        for i, s in zip(same, [out[i] for i in moved], strict=True):
            out[i] = s
    return out


def _rank(s: Statement, at: Any, status: str) -> int:
    """0: what the sentence revokes, 1: the article's other statements, 2: the revocation."""
    if s.get("ev_start") != at:
        return 1
    return 2 if s["status"] == status else 0 if s["status"] in REVOKES[status] else 1


def _revoking_sentence(stmts: list[Statement]) -> tuple[Any, str] | None:
    """(position, revoking status) of the first sentence stating a revocation and what it revokes."""
    by_sentence: dict[Any, list[str]] = {}
    for s in stmts:
        by_sentence.setdefault(s.get("ev_start"), []).append(s["status"])
    for at in sorted(by_sentence, key=lambda v: (v is None, v if v is not None else 0)):
        said = by_sentence[at]
        new = next((n for n in sorted(REVOKES) if n in said and REVOKES[n] & set(said)), None)
        if new:
            return at, new
    return None
