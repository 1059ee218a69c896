"""Conflicting reports stay visible: a participant said to attend and to stay away on one day."""

from __future__ import annotations

from store_fixtures import FRONT, round_report

pytest_plugins = ("store_backends",)


def test_attended_and_declined_the_same_day_are_a_participant_conflict(record):
    one = "Lusaka, 16 March - The fifth round opened on Monday. The Northern Front took part"
    two = "Lusaka, 16 March - The fifth round began without the rebels. The Northern Front stayed away"
    record.save(round_report(one, "2024-03-16", "ongoing", "2024-03-16", attendance=[(*FRONT, "attended")]))
    record.save(round_report(two, "2024-03-16", "ongoing", "2024-03-16", attendance=[(*FRONT, "declined")]))
    (found,) = [c for c in record.conflicts() if c["field"].startswith("participant:")]
    assert sorted(v["value"] for v in found["values"]) == ["attended", "declined"]
    assert len({v["document"] for v in found["values"]}) == 2 and found["reported"] == "2024-03-16"
    (m,) = record.record()["meetings"]
    assert found["actor"] in {p["actor"] for p in m["participants"]}
    assert any(c.get("actor") == found["actor"] for c in record.record()["conflicts"])
