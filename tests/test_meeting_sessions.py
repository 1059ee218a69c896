"""Sessions, side meetings and earlier rounds are meetings of their own (published Wednesday 2024-03-06)."""

from __future__ import annotations


def _names(meeting: dict) -> set[str]:
    return {meeting["name"], *meeting["aliases"]}


def test_session_inside_talks_is_its_own_meeting(run):
    digest = run("Peace talks in Oslo opened on Monday. The opening session lasted an hour.")
    assert len(digest["meetings"]) == 2
    session = next(m for m in digest["meetings"] if "opening session" in _names(m))
    assert session["venue"]["city"] == "Oslo"  # held where the talks in focus are


def test_side_dinner_is_a_meeting(run):
    digest = run("The summit in Lisbon began on Monday. The leaders skipped a dinner on Tuesday.")
    assert any(m["name"] == "dinner" for m in digest["meetings"])


def test_first_session_mention_names_the_talks(run):
    """With no talks mentioned before, 'a four-way meeting' is the talks themselves."""
    digest = run("A four-way meeting will be held in Ankara on Friday. The talks will cover trade.")
    assert len(digest["meetings"]) == 1


def test_definite_closed_door_session_is_the_talks(run):
    digest = run("Talks in Lima were held on Monday. Ten delegates attended the closed-door session.")
    assert len(digest["meetings"]) == 1


def test_press_conference_is_not_a_meeting(run):
    digest = run("The talks in Rome ended on Monday. A press conference followed on Tuesday.")
    assert [m["name"] for m in digest["meetings"]] == ["talks in Rome"]


def test_previous_round_is_an_earlier_meeting(run):
    digest = run("The talks in Vienna resumed on Monday. The previous round focused on prisoners.")
    assert sorted(m["status"] for m in digest["meetings"]) == ["held", "ongoing"]


def test_indefinite_scheduled_round_is_a_later_meeting(run):
    digest = run("The talks in Quito ended on Tuesday. A new round was set for April.")
    assert sorted(m["status"] for m in digest["meetings"]) == ["concluded", "scheduled"]


def test_town_missing_from_gazetteer_names_the_venue(run):
    (meeting,) = run("Syria and Israel held the Shepherdstown talks on Monday.")["meetings"]
    assert meeting["venue"]["city"] == "Shepherdstown"


def test_numbered_indefinite_round_is_new(run):
    digest = run(
        "The talks in Bern ended on Tuesday. The sides will meet again in Bern for a fourth round in May."
    )
    assert len(digest["meetings"]) == 2


def test_round_dated_through_its_inner_noun(run):
    digest = run(
        'The talks in Lima collapsed. "We will not go to a new round of talks that was to begin on March 9."'
    )
    assert any(m["start"] == "2024-03-09" for m in digest["meetings"])


def test_meeting_names_carry_complements_and_place_forms(run):
    (meeting,) = run("The third round of talks in Doha opened on Monday.")["meetings"]
    forms = _names(meeting)
    assert "third round of talks in Doha" in forms
    assert {"Doha round", "Doha talks"} & forms


def test_meeting_with_a_person_is_named_so(run):
    (meeting,) = run("The envoy held talks with the prime minister on Monday.")["meetings"]
    assert "talks with the prime minister" in _names(meeting)


def test_leader_meeting_a_person_is_a_meeting(run):
    digest = run("The talks in Nairobi resumed on Monday. Ruto met with President Museveni on Tuesday.")
    encounter = next(m for m in digest["meetings"] if m["venue"]["city"] is None)
    assert "Ruto-Museveni meeting" in _names(encounter)
    assert encounter["status"] == "held"


def test_same_people_meeting_again_is_one_meeting(run):
    digest = run(
        "UN envoy Maria Lopez was due to meet President John Smith on Monday."
        " Lopez will now meet Smith on Thursday."
    )
    assert len(digest["meetings"]) == 1


def test_possible_collapse_is_not_a_status(run):
    (meeting,) = run(
        "The talks in Vienna resumed on Monday. A diplomat said the talks could still collapse."
    )["meetings"]
    assert meeting["status"] == "ongoing"


def test_cue_acting_on_another_object_is_not_a_status(run):
    (meeting,) = run("Envoys arrived in Oslo on Monday to prepare talks to end the war.")["meetings"]
    assert meeting["status"] != "concluded"


def test_failed_talks_have_ended(run):
    (meeting,) = run("The talks in Montreux failed on Tuesday.")["meetings"]
    assert meeting["status"] == "concluded"


def test_ending_of_an_earlier_meeting_is_held(run):
    digest = run(
        "The talks in Rome resumed on Monday. The previous talks in Milan failed to bridge differences."
    )
    milan = next(m for m in digest["meetings"] if m["venue"]["city"] == "Milan")
    assert milan["status"] == "held"


def test_past_plan_gives_way_to_later_news(run):
    digest = run(
        "The round of talks in Quito was suspended on Monday. The round was scheduled to begin on Monday."
    )
    assert digest["meetings"][0]["status"] == "suspended"


def test_party_quitting_talks_suspends_them(run):
    (meeting,) = run("The rebel delegation has quit the talks in Kampala.")["meetings"]
    assert meeting["status"] == "suspended"


def test_present_attendance_means_talks_under_way(run):
    (meeting,) = run("Attending the summit in Palermo are the prime minister and two envoys.")["meetings"]
    assert meeting["status"] == "ongoing"


def test_destination_of_a_trip_for_talks_is_the_venue(run):
    (meeting,) = run("The envoy flew to Arusha on Friday for talks with the rebels.")["meetings"]
    assert meeting["venue"]["city"] == "Arusha"


def test_last_round_told_in_past_is_earlier(run):
    digest = run("The talks in Arusha resumed on Monday. The last round focused on power sharing.")
    assert sorted(m["status"] for m in digest["meetings"]) == ["held", "ongoing"]


def test_session_without_date_is_on_the_report_day(run):
    digest = run("The conference in Lisbon opened on Monday. Two envoys skipped the working dinner.")
    dinner = next(m for m in digest["meetings"] if "working dinner" in _names(m))
    assert dinner["start"] == "2024-03-06"


def test_opening_told_in_present_is_today(run):
    (meeting,) = run("A conference on the war is starting in Geneva.")["meetings"]
    assert (meeting["status"], meeting["start"]) == ("ongoing", "2024-03-06")
