"""Delegation members become participants of the record, derived and marked so.

Pure tests of ``members.rows`` over rows shaped like the store's queries, then
a stored digest: the meeting page, the attendance fold and the cells agree.
"""

from __future__ import annotations

import json
from typing import Any

from store_fixtures import actor, digest, ev, meeting, part
from talkwatch.serve import filters
from talkwatch.store import attendance, cells, members, merge

pytest_plugins = ("store_backends",)  # the ``record`` fixture


def _member(local: str, aid: str, *, m_status: str = "held", head: str | None = "head",
            owner: str | None = "gov", listed: tuple[str, ...] = ("a3", "a4")) -> dict[str, Any]:
    return {
        "doc_id": "d1", "g_idx": 0, "report_id": "r1", "owner_id": owner, "head_id": head,
        "members": json.dumps(list(listed)), "ev_start": 50, "ev_end": 90, "ev_text": "the team includes",
        "published": "2031-04-02", "m_status": m_status, "actor_local": local, "actor_id": aid,
        "akey": f"n:{aid}", "a_name": aid.title(), "a_type": "person", "a_country": None,
    }


def _part(aid: str, status: str, *, doc: str = "d1", start: int = 10) -> dict[str, Any]:
    return {
        "doc_id": doc, "idx": start, "actor_id": aid, "actor_local": "a1", "status": status, "role": "party",
        "hedged": 0, "ev_start": start, "ev_end": start + 5, "ev_text": "s", "report_id": "r1",
        "published": "2031-04-02", "akey": f"n:{aid}", "a_name": aid, "a_type": "person", "a_country": None,
    }


def test_members_take_the_status_the_document_gives_the_head():
    found = [_member("a4", "bea"), _member("a3", "ana")]
    got = members.rows(found, [_part("head", "will_attend", start=5), _part("head", "declined", start=30)])
    assert [(r["actor_id"], r["status"], r["role"], r["via"]) for r in got] == [
        ("ana", "declined", "party", "delegation"), ("bea", "declined", "party", "delegation")]


def test_without_a_leader_statement_the_meeting_state_tells():
    elsewhere = [_part("head", "declined", doc="d2")]  # another document's word is not this one's
    assert members.rows([_member("a3", "ana")], elsewhere)[0]["status"] == "attended"
    assert members.rows([_member("a3", "ana", m_status="scheduled")], [])[0]["status"] == "will_attend"
    assert members.rows([_member("a3", "ana", m_status="cancelled")], []) == []
    owner_said = members.rows([_member("a3", "ana", head=None)], [_part("gov", "arrived")])
    assert owner_said[0]["status"] == "arrived"


def test_a_member_the_document_speaks_of_keeps_its_own_statement():
    assert members.rows([_member("a3", "ana")], [_part("ana", "declined")]) == []


def test_derived_members_are_inspectable_and_do_not_widen_collectives():
    own = [_part("head", "will_attend"), {**_part("sides", "declined", start=40), "a_name": "both sides",
                                       "akey": "n:both sides", "a_type": "group"}]
    rows_ = [*own, *members.rows([_member("a3", "ana")], own)]
    by_actor = {p["actor"]: p for p in attendance.participants(rows_)}
    assert by_actor["ana"]["history"][0]["via"] == "delegation"
    assert "via" not in by_actor["head"]["history"][0]
    assert by_actor["ana"]["status"] == "will_attend" and by_actor["head"]["status"] == "declined"
    assert attendance.conflicts(rows_) == []


BODY = ("Gaborone, 2 April - Talks between the Kaweri government and the rebels opened on Monday. "
        "The government delegation is led by Minister Tomas Ovede. "
        "The delegation also includes Mira Sanda and Joel Katse")


def _stored_digest() -> dict[str, Any]:
    first, led, team = BODY.split(". ")
    m = meeting("m1", "Gaborone talks", city="Gaborone", status="ongoing", start="2031-04-01",
                evidence=[ev(BODY, first)])
    m["history"] = [{"status": "ongoing", "start": "2031-04-01", "evidence": ev(BODY, first)}]
    actors = [actor("a1", "Kaweri government", "government"), actor("a2", "Tomas Ovede", "person"),
              actor("a3", "Mira Sanda", "person"), actor("a4", "Joel Katse", "person")]
    deleg = {"meeting": "m1", "actor": "a1", "size": None, "head": "a2", "members": ["a3", "a4"],
             "replaces": None, "evidence": ev(BODY, team)}
    parts = [part("m1", "a2", "attended", ev(BODY, led), role="party")]
    return digest(BODY, "2031-04-02", actors=actors, meetings=[m], participations=parts, delegations=[deleg])


def test_the_record_lists_delegation_members_everywhere_alike(record):
    record.save(_stored_digest())
    full = record.meeting("Gaborone talks")
    named = {p["name"]: p for p in full["participants"]}
    assert {"Mira Sanda", "Joel Katse", "Tomas Ovede"} <= set(named)
    sanda = named["Mira Sanda"]
    assert sanda["status"] == "attended" and sanda["role"] == "party"
    assert sanda["history"][0]["via"] == "delegation"
    assert "Joel Katse" in sanda["history"][0]["evidence"]["text"]
    b = record.backend
    (mid,) = [r["id"] for r in b.query("SELECT id FROM meetings")]
    folded = merge.attendance_of(b, [mid])[mid]
    page = full["participants"]
    assert [(p["actor"], p["status"]) for p in folded] == [(p["actor"], p["status"]) for p in page]
    stored, missing = cells.columns(b, [mid])
    assert missing == [] and stored[mid] == {p["actor"]: cells.cell(p) for p in folded}


def test_a_member_s_page_lists_the_meeting_of_its_delegation(record):
    record.save(_stored_digest())
    (sanda,) = [a for a in record.backend.query("SELECT id FROM actors WHERE name = 'Mira Sanda'")]
    page = record.actor(sanda["id"])
    (m,) = page["meetings"]
    assert m["participation"] == {"status": "attended", "role": "party"}
    assert m["history"][0]["via"] == "delegation"


def test_the_meetings_list_filtered_by_a_member_finds_its_meeting(record):
    record.save(_stored_digest())
    b = record.backend
    (sanda,) = b.query("SELECT id FROM actors WHERE name = 'Mira Sanda'")
    where, params = filters.meeting_where(filters.Filter(actor=sanda["id"]))
    assert len(b.query("SELECT id FROM meetings" + where, params)) == 1


def test_talks_held_do_not_make_a_planned_line_up_attend():
    own = [_part("head", "will_attend")]
    rows_ = [*own, *members.rows([_member("a3", "ana", m_status="scheduled")], own)]
    held = {"status": "held", "reported": "2031-04-09", "document": "d2", "evidence": {}}
    by_actor = {p["actor"]: p for p in attendance.participants(rows_, held)}
    assert by_actor["head"]["status"] == "attended"  # the party said it would come: it came
    assert by_actor["ana"]["status"] == "will_attend"  # a member of the announced team: no report says so
