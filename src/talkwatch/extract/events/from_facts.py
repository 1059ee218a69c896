"""The CAMEO events that negotiation facts imply.

Participations, meeting status changes, delegations, positions, agreements
and quotes already say who did what to whom; each maps to the event code a
CAMEO coder would give the sentence: an invitation or announced attendance is
036 (intent to meet), taking part 046 (negotiate) and 044 when the venue is
in a third country, mediating 045, hosting 043, arriving or sending a
delegation 042, declining or boycotting 125, walking out 164, threatening to
quit 134, a declared ceasefire 0871, a signed agreement 057, a violated
ceasefire 196, a demand 10x, a rejection 12x (1231 for a rejected demand for
a leader's departure). Cue words live in ``data/rules/en/events.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ...model import Agreement, Delegation, Event, Evidence, Meeting, Participation, Position
from . import codes
from .lexicon import load as load_lexicon

PARTY_ROLES = (None, "party", "head_of_delegation", "observer", "guarantor", "adviser")
MAX_PAIRS = 6


def make_event(
    ctx: Any,
    code: str,
    evidence: Evidence,
    *,
    source: str | None = None,
    target: str | None = None,
    mode: str = "",
    date: str | None = None,
    location: str | None = None,
    fact: str = "sentence",
    source_code: str | None = None,
    target_code: str | None = None,
) -> Event | None:
    """An ``Event`` with everything the code table says about the code; None for 01x."""
    row = codes.lookup(code)
    if row.plover is None:
        return None
    return Event(
        cameo=row.code,
        plover=row.plover,
        evidence=evidence,
        date=date,
        source=source,
        target=target,
        mode=mode or row.mode or None,
        context=row.context or None,
        source_code=source_code or actor_code(ctx, source),
        target_code=target_code or actor_code(ctx, target),
        goldstein=row.goldstein,
        quad_class=row.quad_class,
        location=location,
        fact=fact,
    )


def actor_code(ctx: Any, actor_id: str | None) -> str | None:
    """The CAMEO actor code of an actor of the index (its own, else its country)."""
    if actor_id is None or ctx.actors is None:
        return None
    try:
        actor = ctx.actors.get(actor_id)
    except KeyError:
        return None
    return actor.cameo or actor.country


def _country(ctx: Any, actor_id: str | None) -> str | None:
    code = actor_code(ctx, actor_id)
    return code[:3] if code else None


def _cues(name: str) -> re.Pattern[str]:
    words = load_lexicon().raw["fact_cues"][name]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


def _hedged_mode(hedged: bool, default: str = "") -> str:
    return "hypothetical" if hedged else default


def _venue(meeting: Meeting | None) -> str | None:
    if meeting is None:
        return None
    return ", ".join(p for p in (meeting.city, meeting.country) if p) or None


# -- participations and meetings ----------------------------------------------


def _counterpart(
    ctx: Any, p: Participation, parts: list[Participation], meeting: Meeting | None
) -> str | None:
    """Who the participant meets: the mediator or host, else another party."""
    others = [q for q in parts if q.actor != p.actor]
    for role in ("mediator", "host"):
        found = next((q.actor for q in others if q.role == role), None)
        if found:
            return found
    if meeting is not None:
        found = next((h for h in [*meeting.hosts, *meeting.sponsors] if h != p.actor), None)
        if found:
            return found
    return next((q.actor for q in others if q.role in PARTY_ROLES), None)


def _inviter(p: Participation, parts: list[Participation], meeting: Meeting | None) -> str | None:
    for role in ("host", "sponsor", "mediator"):
        found = next((q.actor for q in parts if q.role == role and q.actor != p.actor), None)
        if found:
            return found
    if meeting is not None:
        return next((h for h in [*meeting.hosts, *meeting.sponsors] if h != p.actor), None)
    return None


def participation_events(
    ctx: Any, parts: list[Participation], meetings: dict[str, Meeting]
) -> Iterator[Event | None]:
    by_meeting: dict[str, list[Participation]] = {}
    for p in parts:
        by_meeting.setdefault(p.meeting, []).append(p)
    walkout, threat = _cues("walkout"), _cues("threat")
    for p in parts:
        meeting = meetings.get(p.meeting)
        siblings = by_meeting[p.meeting]
        where, when = _venue(meeting), meeting.start if meeting else None
        other = _counterpart(ctx, p, siblings, meeting)
        ev = p.evidence

        def event(
            code: str,
            source: str | None,
            target: str | None,
            mode: str = "",
            ev: Evidence = ev,
            where: str | None = where,
            when: str | None = when,
        ) -> Event | None:
            return make_event(
                ctx,
                code,
                ev,
                source=source,
                target=target,
                mode=mode,
                date=when,
                location=where,
                fact="participation",
            )

        if p.status == "invited":
            yield event("036", _inviter(p, siblings, meeting), p.actor, _hedged_mode(p.hedged, "future"))
        elif p.status == "will_attend":
            code = {"mediator": "039", "host": "043"}.get(p.role or "", "036")
            yield event(code, p.actor, other, _hedged_mode(p.hedged, "future"))
        elif p.status in ("arrived", "attended"):
            mode = _hedged_mode(p.hedged)
            if p.role == "mediator":
                yield event("045", p.actor, other, mode)
            elif p.role in ("host", "sponsor"):
                yield event("043", p.actor, other, mode)
            elif p.status == "arrived":
                yield event("042", p.actor, other, mode)
            else:
                yield event("046", p.actor, other, mode)
            party = next((q.actor for q in siblings if q.actor != p.actor and q.role in PARTY_ROLES), None)
            if p.role in PARTY_ROLES and _third_location(ctx, meeting, p.actor, party):
                yield event("044", p.actor, party, mode)  # the sides meet on a third country's soil
        elif p.status == "declined":
            if threat.search(ev.text):
                yield event("134", p.actor, other, _hedged_mode(p.hedged))
            elif walkout.search(ev.text):
                yield event("164", p.actor, other, _hedged_mode(p.hedged))
            else:
                yield event("125", p.actor, other, _hedged_mode(p.hedged, "negated"))


def _third_location(ctx: Any, meeting: Meeting | None, a: str | None, b: str | None) -> bool:
    """A meeting in a country that is neither side's own."""
    if meeting is None or not meeting.country:
        return False
    sides = {c for c in (_country(ctx, a), _country(ctx, b)) if c}
    return bool(sides) and meeting.country[:3] not in sides


def meeting_events(ctx: Any, meetings: Iterable[Meeting]) -> Iterator[Event | None]:
    """Halts: a suspended or cancelled meeting is 164 (halt negotiations)."""
    for m in meetings:
        for change in m.history:
            if change.status in ("suspended", "cancelled") and change.evidence is not None:
                source = (m.hosts or m.sponsors or [None])[0]
                yield make_event(
                    ctx,
                    "164",
                    change.evidence,
                    source=source,
                    date=change.start,
                    location=_venue(m),
                    fact="meeting",
                )


def delegation_events(
    ctx: Any, delegations: Iterable[Delegation], meetings: dict[str, Meeting]
) -> Iterator[Event | None]:
    """Sending a delegation is a visit (042), ahead of time an intent to meet (036)."""
    for d in delegations:
        if d.actor is None:
            continue
        meeting = meetings.get(d.meeting or "")
        host = (meeting.hosts or meeting.sponsors or [None])[0] if meeting else None
        upcoming = meeting is not None and meeting.status in ("scheduled", "postponed")
        code, mode = ("036", "future") if upcoming else ("042", "")
        yield make_event(
            ctx,
            code,
            d.evidence,
            source=d.actor,
            target=host if host != d.actor else None,
            mode=mode,
            date=meeting.start if meeting else None,
            location=_venue(meeting),
            fact="delegation",
        )


# -- positions and agreements ---------------------------------------------------


def issue_family(issue: str) -> str | None:
    """The event family an issue is about ("release of prisoners" -> release)."""
    lex = load_lexicon()
    text = issue.lower()
    for family, pattern in lex.frame_nouns:
        if pattern.search(text):
            return family
    for cls in lex.classes:
        if cls.nouns is not None and cls.nouns.search(text):
            return cls.family
    words = set(re.findall(r"[a-z]+", text))  # "that the rebels withdraw from the port"
    lemmas = {lemma for w in words for lemma in lex.lemmas(w)}
    for cls in lex.classes:
        if any(v.lemma in lemmas and not v.rest for v in cls.verbs) and cls.family != "generic":
            return cls.family
    return None


STANCE_COLUMN = {"demand": 2, "open": 0, "reject": 3, "oppose": 3, "non_negotiable": 3}


def position_events(ctx: Any, positions: Iterable[Position]) -> Iterator[Event | None]:
    lex = load_lexicon()
    for pos in positions:
        family = issue_family(pos.issue)
        target = _other_actor(ctx, pos.evidence, pos.actor)
        if pos.stance == "support":
            code, mode = "051", ""
        else:
            column = STANCE_COLUMN[pos.stance]
            fam = lex.family(family or "generic")
            code = fam[column] or lex.family("generic")[column] or "100"
            mode = "negated" if column == 3 else ("future" if column == 0 else "")
            if family == "leadership" and column == 3:
                code = "1231"  # a rejected demand for the leader's departure
        yield make_event(
            ctx,
            code,
            pos.evidence,
            source=pos.actor,
            target=target,
            mode=_hedged_mode(pos.hedged, mode),
            date=sentence_date(ctx, pos.evidence),
            fact="position",
        )


AGREED = {
    None,
    "",
    "agreed",
    "declared",
    "signed",
    "in_force",
    "in force",
    "holding",
    "took_effect",
    "took effect",
    "extended",
    "renewed",
    "effective",
    "implemented",
    "reached",
}
BROKEN = frozenset(load_lexicon().raw["broken_statuses"])


def agreement_events(ctx: Any, agreements: Iterable[Agreement]) -> Iterator[Event | None]:
    for a in agreements:
        status = (a.status or "").lower()
        date = a.start or sentence_date(ctx, a.evidence)
        pairs = _pairs(list(a.parties)) or [(None, None)]
        if a.kind in ("ceasefire", "truce"):
            if status in BROKEN:
                for s, t in pairs:
                    yield make_event(ctx, "196", a.evidence, source=s, target=t, date=date, fact="agreement")
            elif status in AGREED:
                for s, t in pairs:
                    yield make_event(ctx, "0871", a.evidence, source=s, target=t, date=date, fact="agreement")
            elif status == "proposed":
                for s, t in pairs:
                    yield make_event(
                        ctx,
                        "0356",
                        a.evidence,
                        source=s,
                        target=t,
                        mode="hypothetical",
                        date=date,
                        fact="agreement",
                    )
        if status in ("signed",) or a.kind not in ("ceasefire", "truce") and status in AGREED:
            for s, t in pairs:
                yield make_event(ctx, "057", a.evidence, source=s, target=t, date=date, fact="agreement")
        for broker in a.brokers:
            targets = [p for p in a.parties if p != broker] or [None]
            for t in targets[:MAX_PAIRS]:
                yield make_event(ctx, "045", a.evidence, source=broker, target=t, date=date, fact="agreement")


def _pairs(ids: list[str]) -> list[tuple[str | None, str | None]]:
    ids = list(dict.fromkeys(ids))
    if len(ids) == 1:
        return [(ids[0], None)]
    return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]][:MAX_PAIRS]


def _other_actor(ctx: Any, evidence: Evidence, actor: str | None) -> str | None:
    """Another actor named in the evidence, the likeliest addressee."""
    if ctx.actors is None:
        return None
    me = None
    try:
        me = ctx.actors.get(actor) if actor else None
    except KeyError:
        me = None
    for mention in ctx.actors.mentions_in(evidence.start, evidence.end):
        if mention.actor == actor:
            continue
        other = ctx.actors.get(mention.actor)
        if me is not None and (other.id == me.affiliation or me.id == other.affiliation):
            continue
        if other.type in ("media", "expert"):
            continue
        return other.id
    return None


def sentence_date(ctx: Any, evidence: Evidence) -> str | None:
    for d in ctx.dates_in(evidence.start, evidence.end):
        if d.value:
            return d.value
    return ctx.published.isoformat() if ctx.published else None


def fact_events(ctx: Any) -> list[Event]:
    """Every event implied by the facts already in ``ctx.facts``."""
    facts = ctx.facts
    meetings = {m.id: m for m in facts.get("meetings", [])}
    found: list[Event | None] = []
    found += participation_events(ctx, facts.get("participations", []), meetings)
    found += meeting_events(ctx, meetings.values())
    found += delegation_events(ctx, facts.get("delegations", []), meetings)
    found += position_events(ctx, facts.get("positions", []))
    found += agreement_events(ctx, facts.get("agreements", []))
    return [e for e in found if e is not None]
