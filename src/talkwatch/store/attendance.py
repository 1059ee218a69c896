"""The record's attendance: each actor's status at a meeting, from all reports.

An actor's statements are read as a timeline (``timeline``), generic
descriptions ("the government") are filed under the meeting's one named actor
of that part (``identity``), and a party last said to be coming to talks that
then took place attended them: the record says so with an ``implied`` entry
that cites the meeting's own statement, so the inference stays visible.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from . import identity, rows, timeline


def order_key(published: str | None, doc_id: str, position: int | None) -> tuple[Any, ...]:
    """Statement order: publication date, then document, then position in the text."""
    return (published or "", doc_id, position if position is not None else -1)


def participants(
    parts: list[dict[str, Any]], meeting_end: dict[str, Any] | None = None, start: str | None = None
) -> list[dict[str, Any]]:
    """Per actor: status and role at the end of the timeline, and the history behind them.

    ``meeting_end`` is the last entry of the meeting's own timeline: parties
    that arrived at (or said they would attend) talks that then took place
    attended them (an ``implied`` entry citing the meeting's statement).
    ``start`` is the meeting's start day: a report published before it cannot
    tell that anyone attended; its ``attended`` is read as ``will_attend``.
    """
    by_actor = _by_actor(parts)
    out = []
    for actor in sorted(by_actor):
        hist = by_actor[actor]
        role = next((p["role"] for p in reversed(hist) if p["role"]), None)
        events = timeline.participant_timeline([_statement(p, actor, start) for p in hist])
        party = _own_party(parts, actor)
        events += _implied(events, role, meeting_end, None if party else start)
        out.append({"actor": actor, "status": events[-1]["status"], "role": role, "history": events})
    return out


def _by_actor(parts: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each record actor's statements in order, descriptions and collectives filed under whom they name."""
    by_actor: dict[str, list[dict[str, Any]]] = {}
    described = _generic_targets(parts)
    members = _collective_members(parts, described)
    for p in sorted(parts, key=lambda p: (*order_key(p["published"], p["doc_id"], p["ev_start"]), p["idx"])):
        aid = p["actor_id"] or f"{p['doc_id']}:{p['actor_local']}"
        for target in members.get(aid) or [described.get(aid, aid)]:
            by_actor.setdefault(target, []).append(p)
    return {actor: timeline.revocations_last(hist) for actor, hist in by_actor.items()}


def conflicts(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Statuses of one actor that documents published the same day state differently.

    Field ``participant:<actor id>``; each document counts with its last
    statement of the day, so both sources of "attended" and "declined" stay visible.
    """
    out = []
    by_actor = _by_actor([p for p in parts if not p.get("via")])  # what documents state, not derivations
    for actor in sorted(by_actor):
        last: dict[tuple[str, str], str] = {}
        for p in by_actor[actor]:
            if p["published"] and p["status"]:
                last[(p["published"], p["doc_id"])] = p["status"]
        by_day: dict[str, list[dict[str, Any]]] = {}
        for (day, doc), value in sorted(last.items()):
            by_day.setdefault(day, []).append({"value": value, "document": doc})
        for day, values in sorted(by_day.items()):
            if len({v["value"] for v in values}) > 1:
                out.append({"field": f"participant:{actor}", "reported": day,
                            "values": sorted(values, key=lambda v: (v["value"], v["document"]))})
    return out


def _before_the_talks(p: dict[str, Any], start: str | None) -> bool:
    """Whether an ``attended`` statement was published before the talks' first day."""
    day, first = p.get("published") or "", str(start or "")
    return p["status"] == "attended" and len(first) >= 10 and len(day) >= 10 and day < first


def _statement(p: dict[str, Any], actor: str, start: str | None = None) -> dict[str, Any]:
    early = _before_the_talks(p, start)
    s = {
        "reported": p["published"],
        "status": "will_attend" if early else p["status"],
        **({"stated": p["status"]} if early else {}),
        "role": p["role"],
        "hedged": bool(p["hedged"]),
        "document": p["doc_id"],
        "evidence": rows.ev_dict(p),
        "implied": False,
        "described_as": p.get("a_name") if p.get("actor_id") and p["actor_id"] != actor else None,
        **({"via": p["via"]} if p.get("via") else {}),
    }
    return s


IMPLIED = {  # meeting status -> participant statuses that become attendance
    "held": ("arrived", "will_attend"),
    "concluded": ("arrived", "will_attend"),
    "ongoing": ("arrived",),
}
# Talks that took place entail that those at the table attended; a host (the
# venue), a sponsor, a guarantor or an observer need not be there, and only a
# report can tell that they were.
NOT_IMPLIED_ROLES = frozenset({"host", "sponsor", "guarantor", "observer"})


# The conflict's own sides (and people) come to their talks once they said so;
# third states and organisations listed weeks ahead as expected are plans.
OWN_PARTY_TYPES = frozenset({"government", "opposition", "armed_group", "person"})


def _own_party(parts: list[dict[str, Any]], actor: str) -> bool:
    """Whether the record actor is one of the conflict's sides (by its type)."""
    return any(p.get("actor_id") == actor and p.get("a_type") in OWN_PARTY_TYPES for p in parts)


INTENT_WINDOW = timedelta(days=7)  # an intention told weeks ahead is no seat at the table


def _long_before(last: dict[str, Any], start: str | None) -> bool:
    """Whether a will_attend was last told more than a week before the talks' first day (third parties).

    Lists of expected delegations published weeks ahead ("the conference will
    include ...") are plans, often revised; the talks taking place do not say
    who of them came.
    """
    if last["status"] != "will_attend":
        return False
    day, first = str(last.get("reported") or ""), str(start or "")
    if len(day) < 10 or len(first) < 10:
        return False
    return date.fromisoformat(day[:10]) < date.fromisoformat(first[:10]) - INTENT_WINDOW


def _implied(
    events: list[dict[str, Any]], role: str | None, meeting_end: dict[str, Any] | None,
    start: str | None = None,
) -> list[dict[str, Any]]:
    """An ``attended`` entry when the meeting took place after the actor was last said to come."""
    if not events or not meeting_end or role in NOT_IMPLIED_ROLES:
        return []
    last = events[-1]
    if last["status"] not in IMPLIED.get(meeting_end.get("status") or "", ()) or _long_before(last, start):
        return []
    if last.get("via") == "delegation" and last["status"] == "will_attend":
        return []  # a delegation's announced line-up changes; only a report tells who of it came
    if (meeting_end.get("reported") or "") < (last.get("reported") or ""):
        return []
    return [
        {
            "reported": meeting_end.get("reported"),
            "status": "attended",
            "role": role,
            "hedged": False,
            "document": meeting_end.get("document"),
            "evidence": meeting_end.get("evidence") or {},
            "implied": True,
            "described_as": None,
            "background": False,
            "also": [],
        }
    ]


def _generic_targets(parts: list[dict[str, Any]]) -> dict[str, str]:
    """Descriptions -> the actor they stand for at this meeting.

    A generic description ("the government", "the main opposition") is the
    meeting's one named actor of that type (of several, the one named beside
    it in each of its sentences: "the centrist group, the National Body"); a
    state whose government is also at the table is that government (one party,
    named two ways).
    """
    named: dict[str, set[str]] = {}
    generic: dict[str, str] = {}
    by_key: dict[str, str] = {}
    ranked: dict[str, str] = {}  # a description's country: "Syria's main opposition group" -> SYR
    country: dict[str, str | None] = {}
    for p in parts:
        aid, akey = p.get("actor_id"), p.get("akey") or ""
        if not aid or not p.get("a_type") or p.get("via"):  # a description stands for a reported party
            continue
        part, rank = None, identity.ranked_part(akey)
        country[aid] = p.get("a_country")
        if akey.startswith("n:"):
            part = identity.generic_type(p.get("a_name"), None, None)
            if part and p.get("a_country"):
                ranked[aid] = p["a_country"]  # "several opposition parties" placed in Venezuela: its own
        elif rank is not None:
            part, ranked[aid] = rank
        if part:
            generic[aid] = part
        elif not identity.is_collective(p.get("a_name"), akey):
            named.setdefault(p["a_type"], set()).add(aid)
            by_key[akey] = aid
    named_here = _meeting_actors(parts)
    out = identity.contained_names(named_here) | identity.same_person(named_here)
    for akey, aid in sorted(by_key.items()):
        government = by_key.get(f"{akey}_GOV")
        if government and identity.gazetteer_entry(akey) is not None:
            out[aid] = government
    said = _sentences(parts)
    key_of = {aid: akey for akey, aid in by_key.items()}
    for aid, part in sorted(generic.items()):
        targets = named.get(part, set()) - set(out)
        if aid in ranked:
            targets = {t for t in targets if country.get(t) == ranked[aid]}
        if len(targets) > 1:  # an apposition: named beside it wherever it is said
            apposed = {t for t in targets if said[aid] <= said[t]}
            targets = apposed or {t for t in targets if _country_part(key_of.get(t, ""), part)}
        if len(targets) == 1:
            out[aid] = min(targets)
    return out


def _country_part(akey: str, part: str) -> bool:
    """Whether a record actor is a country's part itself ('k:SYR:opposition', 'the Syrian
    opposition'): of several named actors of that part, the one a bare description speaks of."""
    country, sep, words = akey.removeprefix("k:").partition(":")
    return akey.startswith("k:") and bool(sep) and country.isupper() and words == part


def _sentences(parts: list[dict[str, Any]]) -> dict[str, set[tuple[str, Any, str]]]:
    """Per record actor: the (document, sentence, status) of its statements."""
    out: dict[str, set[tuple[str, Any, str]]] = {}
    for p in parts:
        if p.get("actor_id"):
            out.setdefault(p["actor_id"], set()).add((str(p["doc_id"]), p.get("ev_start"), str(p["status"])))
    return out


def _meeting_actors(parts: list[dict[str, Any]]) -> list[tuple[str, str, str | None, str | None, str]]:
    """(id, name, type, country, key) of each record actor named at the meeting."""
    seen = {p["actor_id"]: (p["actor_id"], p.get("a_name") or "", p.get("a_type"), p.get("a_country"),
                            p.get("akey") or "") for p in parts if p.get("actor_id")}
    return [seen[aid] for aid in sorted(seen)]


def _collective_members(parts: list[dict[str, Any]], described: dict[str, str]) -> dict[str, list[str]]:
    """Collective actors ("the two sides") -> the meeting's named parties, when it has some."""
    collective: set[str] = set()
    parties: set[str] = set()
    for p in parts:
        aid = p.get("actor_id")
        if not aid:
            continue
        if identity.is_collective(p.get("a_name"), p.get("akey") or ""):
            collective.add(aid)
        elif p.get("role") == "party" and aid not in described and not p.get("via"):
            parties.add(aid)  # "the two sides" are the reported parties, not their delegations' members
    found = sorted(parties - collective)
    return {aid: found for aid in sorted(collective)} if found else {}
