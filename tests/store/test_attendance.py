"""Attendance at one meeting from its statements: who is who, and what a report can know.

Pure functions over participation rows (no database): descriptions are filed
under the actor they stand for, collectives under the meeting's parties, and a
report published before the talks began cannot say anyone attended them.
"""

from __future__ import annotations

from typing import Any

from talkwatch.store import attendance, identity


def _row(n: int, aid: str, name: str, type_: str, status: str, published: str, *, akey: str | None = None,
         country: str | None = None, role: str | None = "party") -> dict[str, Any]:
    return {
        "doc_id": f"d{published}", "idx": n, "actor_id": aid, "actor_local": f"a{n}", "status": status,
        "role": role, "hedged": 0, "ev_start": n * 10, "ev_end": n * 10 + 5, "ev_text": f"sentence {n}",
        "report_id": "r1", "published": published, "akey": akey or f"n:{name.casefold()}", "a_name": name,
        "a_type": type_, "a_country": country,
    }


def _final(rows: list[dict[str, Any]], **kw: Any) -> dict[str, str]:
    return {p["actor"]: p["status"] for p in attendance.participants(rows, **kw)}


def test_a_description_with_modifiers_is_the_meeting_named_actor_of_its_part():
    rows = [
        _row(1, "front", "Kaweri Liberation Front", "opposition", "will_attend", "2031-05-01",
             akey="k:KWR:front", country="KWR"),
        _row(2, "desc", "the country's main opposition", "opposition", "arrived", "2031-05-03"),
        _row(3, "gov", "Kaweri government", "government", "attended", "2031-05-04", akey="k:KWR_GOV"),
    ]
    assert _final(rows) == {"front": "arrived", "gov": "attended"}
    assert identity.generic_type("several opposition parties", None, None) == "opposition"
    assert identity.generic_type("Kaweri Liberation Front", None, None) is None


def test_a_state_whose_government_is_at_the_table_is_that_government():
    rows = [
        _row(1, "state", "Kaweri", "state", "will_attend", "2031-05-01", akey="k:UKR", country="UKR"),
        _row(2, "gov", "Kaweri government", "government", "attended", "2031-05-04", akey="k:UKR_GOV"),
    ]
    (only,) = attendance.participants(rows)
    assert only["actor"] == "gov" and [h["status"] for h in only["history"]] == ["will_attend", "attended"]


def test_a_collective_is_filed_under_each_party_of_the_meeting():
    rows = [
        _row(1, "gov", "Kaweri government", "government", "will_attend", "2031-05-01", akey="k:KWR_GOV"),
        _row(2, "front", "Northern Front", "opposition", "will_attend", "2031-05-01", akey="k:KWR_NF"),
        _row(3, "med", "Envoy Example", "person", "will_attend", "2031-05-01", role="mediator"),
        _row(4, "both", "the warring sides", "group", "declined", "2031-05-05"),
    ]
    assert _final(rows) == {"gov": "declined", "front": "declined", "med": "will_attend"}
    assert identity.is_collective("both delegations", "n:both delegations")
    assert not identity.is_collective("opposition parties", "n:opposition parties")


def test_attended_before_the_talks_began_is_read_as_coming():
    rows = [_row(1, "gov", "Kaweri government", "government", "attended", "2031-05-06", akey="k:KWR_GOV")]
    (p,) = attendance.participants(rows, start="2031-05-08")
    assert p["status"] == "will_attend" and p["history"][0]["stated"] == "attended"
    assert _final(rows, start="2031-05-06") == {"gov": "attended"}


def test_talks_held_imply_the_parties_attended_not_the_sponsors():
    rows = [
        _row(1, "gov", "Kaweri government", "government", "will_attend", "2031-05-01", akey="k:KWR_GOV"),
        _row(2, "spon", "Example Union", "igo", "will_attend", "2031-05-01", role="sponsor"),
    ]
    end = {"status": "held", "reported": "2031-05-09", "document": "d9", "evidence": {}}
    assert _final(rows, meeting_end=end) == {"gov": "attended", "spon": "will_attend"}
