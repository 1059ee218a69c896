"""Statuses as a timeline of events, and actor identity rules (pure functions, no database)."""

from __future__ import annotations

from collections import Counter

import pytest

from talkwatch.store import identity, timeline


def _s(status: str, reported: str, start: str | None = None, doc: str = "d") -> dict:
    return {"status": status, "reported": reported, "start": start, "document": f"{doc}{reported}"}


def test_an_old_state_restated_later_goes_back_in_time():
    stmts = [_s("scheduled", "01", "x"), _s("held", "03"), _s("scheduled", "05", "x"), _s("ongoing", "06")]
    events = timeline.meeting_timeline(stmts)
    assert [e["status"] for e in events] == ["scheduled", "ongoing", "held"]
    assert events[0]["also"] == ["d05"] and events[1]["background"] is True


def test_news_within_a_phase_keeps_report_order():
    stmts = [_s("scheduled", "01", "a"), _s("postponed", "02", "b"), _s("scheduled", "03", "c")]
    assert [(e["status"], e["start"]) for e in timeline.meeting_timeline(stmts)] == [
        ("scheduled", "a"), ("postponed", "b"), ("scheduled", "c"),
    ]
    assert timeline.latest_start(timeline.meeting_timeline(stmts)) == "c"


def test_held_after_concluded_restates_it():
    stmts = [_s("scheduled", "01", "x"), _s("concluded", "05"), _s("held", "05")]
    events = timeline.meeting_timeline(stmts)
    assert [e["status"] for e in events] == ["scheduled", "concluded"]
    assert [e["status"] for e in timeline.meeting_timeline([_s("held", "01"), _s("concluded", "02")])] == [
        "held", "concluded",
    ]


def test_the_day_talks_concluded_is_their_end_not_a_new_start():
    stmts = [_s("scheduled", "01", "2031-05-08"), _s("concluded", "09", "2031-05-12")]
    assert timeline.latest_start(timeline.meeting_timeline(stmts)) == "2031-05-08"
    moved = [_s("scheduled", "01", "2031-05-08"), _s("scheduled", "02", "2031-05-15")]
    assert timeline.latest_start(timeline.meeting_timeline(moved)) == "2031-05-15"


def test_talks_held_told_before_the_first_day_are_other_talks():
    stmts = [
        _s("scheduled", "2031-05-08", "2031-05-17"),
        _s("held", "2031-05-08"),  # "the sides have met three times before", filed here
        _s("suspended", "2031-05-16"),  # a suspension may come before the first day
    ]
    assert [e["status"] for e in timeline.meeting_timeline(stmts)] == ["scheduled", "suspended"]
    moved = [_s("scheduled", "2031-05-08", "2031-05-17"), _s("held", "2031-05-10", "2031-05-09")]
    assert [e["status"] for e in timeline.meeting_timeline(moved)][-1] == "held"  # brought forward


def test_a_withdrawn_invitation_is_the_latest_state():
    stmts = [_s("invited", "01"), _s("will_attend", "02"), _s("not_invited", "03")]
    assert timeline.participant_timeline(stmts)[-1]["status"] == "not_invited"


def test_attendance_is_not_undone_by_an_earlier_refusal_told_later():
    stmts = [_s("declined", "01"), _s("attended", "02"), _s("declined", "03")]
    assert [e["status"] for e in timeline.participant_timeline(stmts)] == ["declined", "attended"]


@pytest.mark.parametrize(("key", "expected"), [
    ("RUS:delegation", "RUS"),
    ("UKR:side", "UKR"),
    ("VEN:government delegation", "VEN_GOV"),
    ("VEN:opposition delegation", "VEN:opposition"),
    ("VEN:opposition groups", "VEN:opposition"),
    ("VEN:main opposition group", "VEN:main opposition group"),  # singles one out: ranked, not the whole
    ("SYR:delegations", "SYR:delegations"),  # both sides: a collective, left alone
    ("RUS", "RUS"),
])
def test_descriptions_are_filed_under_the_actor_they_speak_for(key, expected):
    assert identity.canonical_key(key) == expected


def test_type_votes_ignore_order_and_the_gazetteer_wins():
    assert identity.resolve("n:x", ["opposition", "armed_group", "armed_group"], [None, "ABC", None]) == (
        "armed_group", "ABC",
    )
    assert identity.resolve("n:x", ["armed_group", "opposition"], []) == identity.resolve(
        "n:x", ["opposition", "armed_group"], []
    )
    assert identity.resolve("k:RUS", ["group"], ["UKR"]) == ("state", "RUS")


def test_an_international_official_takes_no_country_from_the_reports():
    # a UN envoy reported beside a state's delegation: the gazetteer gives him none
    assert identity.resolve("k:P_BRAHIMI", ["person"], Counter({"SYR": 3})) == ("person", None)
    assert identity.resolve("k:ISIS", ["armed_group"], ["SYR"]) == ("armed_group", None)
    # an actor the gazetteer does not know keeps what its reports say
    assert identity.resolve("n:ahmed example", ["person"], ["SYR"]) == ("person", "SYR")


def test_a_delegation_without_a_key_is_its_actor():
    assert identity.name_key("tana liberation army delegation") == "tana liberation army"
    assert identity.name_key("delegation") == "delegation"


def test_an_unkeyed_name_that_is_a_gazetteer_entry_is_that_entry():
    assert identity.gazetteer_key("Belarus") == "BLR"
    assert identity.gazetteer_key("the Belarusian side") is None  # a description, not the entry's name
    assert identity.gazetteer_key("Northern Example Front") is None


def test_a_plan_an_article_recalls_beside_its_news_adds_no_entry():
    news = {"status": "suspended", "reported": "09", "start": "09", "document": "dB"}
    recalled = {"status": "scheduled", "reported": "09", "start": "09", "document": "dB"}
    alone = {"status": "postponed", "reported": "07", "start": None, "document": "dA"}
    events = timeline.meeting_timeline([_s("ongoing", "05"), alone, news, recalled])
    assert [e["status"] for e in events] == ["postponed", "ongoing", "suspended"]


def test_recalled_talks_under_way_stay_in_the_history():
    lead = {"status": "ongoing", "reported": "09", "start": None, "document": "dB"}
    then = {"status": "held", "reported": "09", "start": None, "document": "dB"}
    events = timeline.meeting_timeline([_s("scheduled", "01"), _s("held", "08"), lead, then])
    assert [(e["status"], e["background"]) for e in events] == [
        ("scheduled", False), ("ongoing", True), ("held", False),
    ]


def test_a_state_named_by_its_demonym_is_the_state():
    from talkwatch.store import keys

    assert keys.actor_key({"name": "Ukrainian", "type": "state", "country": "UKR"}) == "k:UKR"
    assert keys.actor_key({"name": "Ukrainian", "type": "group"}) == "n:ukrainian"  # a person or people
