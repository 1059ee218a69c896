"""Which mentions are one meeting and which are others (published Wednesday 2024-03-06)."""

from __future__ import annotations

from typing import Any


def _by_city(digest: dict[str, Any]) -> dict[str | None, list[dict[str, Any]]]:
    out: dict[str | None, list[dict[str, Any]]] = {}
    for m in digest["meetings"]:
        out.setdefault((m.get("venue") or {}).get("city"), []).append(m)
    return out


def _all_names(meeting: dict[str, Any]) -> list[str]:
    return [meeting["name"], *meeting["aliases"]]


def test_meeting_named_by_an_earlier_year_is_an_earlier_meeting(run):
    digest = run(
        "Rebel envoys arrived in Nairobi on Tuesday for new talks with the government. "
        "Their leader, a veteran of the failed 2019 peace talks, will head the delegation."
    )
    talks = [m for m in digest["meetings"] if "2019" not in m["name"]]
    old = [m for m in digest["meetings"] if "2019" in m["name"]]
    assert len(talks) == 1 and len(old) == 1
    assert old[0]["status"] == "held" and not (old[0].get("venue") or {}).get("city")


def test_venue_of_the_trip_made_for_the_talks(run):
    (meeting,) = run(
        "A rebel delegation arrived in Nairobi on Tuesday for what organisers call the first "
        "direct negotiations with the government in a decade."
    )["meetings"]
    assert meeting["venue"]["city"] == "Nairobi"


def test_preparatory_meeting_elsewhere_is_not_the_talks(run):
    digest = run(
        "Government negotiators sat down with rebel envoys on Tuesday for talks on a truce. "
        "Ministers had attended the preparatory meeting held in Kampala."
    )
    assert len(digest["meetings"]) == 2
    talks = next(m for m in digest["meetings"] if "preparatory" not in m["name"])
    assert not (talks.get("venue") or {}).get("city")


def test_summit_that_hosts_a_meeting_is_a_meeting_of_its_own(run):
    digest = run(
        "The president called off the planned meeting with the rebel leader that was due on Friday on the "
        "sidelines of an African Union summit in the Ethiopian capital, Addis Ababa."
    )
    assert len(digest["meetings"]) == 2
    assert all(m["venue"]["city"] == "Addis Ababa" for m in digest["meetings"])
    summit = next(m for m in digest["meetings"] if "summit" in m["name"])
    assert summit["status"] == "scheduled"  # the summit goes on without the meeting


def test_leaders_who_met_months_ago_met_at_another_meeting(run):
    digest = run(
        "The two presidents are due to meet in Geneva on Friday. "
        "The presidents already met in Oslo on November 2."
    )
    cities = _by_city(digest)
    assert set(cities) == {"Geneva", "Oslo"}
    assert cities["Oslo"][0]["status"] == "held"
    assert any("met in Oslo" in _all_names(m) for m in cities["Oslo"])


def test_advisers_who_met_to_prepare_a_summit_held_a_meeting(run):
    digest = run(
        "The leaders will meet in Geneva on Friday. Their advisers met in Vienna on February 20 "
        "to prepare for the Geneva summit."
    )
    assert set(_by_city(digest)) == {"Geneva", "Vienna"}


def test_one_body_meeting_by_itself_is_no_meeting(run):
    digest = run(
        "The talks open in Geneva on Friday. On Monday the opposition council met in Ankara to "
        "choose its delegation to the talks."
    )
    assert set(_by_city(digest)) == {"Geneva"}


def test_meeting_after_which_someone_speaks_is_a_meeting(run):
    digest = run(
        "The rebel leader, speaking to reporters after meeting with President William Ruto, "
        "rejected the proposal."
    )
    assert any("meeting with President William Ruto" in _all_names(m) for m in digest["meetings"])


def test_todays_meeting_of_a_round_is_a_session(run):
    digest = run(
        "The third round of talks between the government and the rebels continued in Nairobi. "
        "Today's meeting began late and was held behind closed doors."
    )
    assert len(digest["meetings"]) == 2
    round_ = next(m for m in digest["meetings"] if "round" in m["name"])
    assert "Today's meeting" not in _all_names(round_)


def test_actual_negotiations_after_a_conference_are_other_talks(run):
    digest = run(
        "Diplomats said the peace conference planned for April would gather forty states. "
        "The actual negotiations between the two sides begin on April 12 in Geneva."
    )
    assert len(digest["meetings"]) == 2
    conference = next(m for m in digest["meetings"] if "conference" in m["name"])
    assert not (conference.get("venue") or {}).get("city")


def test_meetings_today_are_not_the_conference_planned_for_later(run):
    digest = run(
        "The envoy said the Vienna conference would open on April 12. "
        "The meetings today included the foreign ministers of five states."
    )
    assert len(digest["meetings"]) == 2


def test_venue_deep_in_the_talks_phrase(run):
    (meeting,) = run(
        "Officials announced talks scheduled to begin on Friday between the two delegations "
        "at the UN offices in Vienna."
    )["meetings"]
    assert meeting["venue"]["city"] == "Vienna"


def test_place_in_the_topic_of_talks_is_no_venue(run):
    (meeting,) = run("Negotiations on the crisis in the Darfur region will resume on Friday.")["meetings"]
    assert not (meeting.get("venue") or {}).get("city")


def test_sessions_are_held_where_the_conference_is(run):
    digest = run(
        "Leaders attended the summit on Monday. Delegates skipped the working dinner. "
        "The Vienna summit ends on Friday."
    )
    assert {(m.get("venue") or {}).get("city") for m in digest["meetings"]} == {"Vienna"}


def test_title_case_dateline_places_the_talks(run):
    (meeting,) = run("Nairobi, Mar 6 (agency).- Government and rebel envoys began talks on Wednesday.")[
        "meetings"
    ]
    assert meeting["venue"]["city"] == "Nairobi"


def test_place_told_right_after_an_unplaced_earlier_meeting_names_it(run):
    digest = run(
        "The summit in Vienna will open on March 20. The envoy left Oslo after indirect talks between "
        "the two delegations on Monday ended without a deal. The Oslo meeting had produced some progress."
    )
    assert set(_by_city(digest)) == {"Vienna", "Oslo"}
    oslo = _by_city(digest)["Oslo"][0]
    assert oslo["status"] == "held" and oslo["start"] == "2024-03-04"


def test_talks_held_months_ago_are_not_the_meeting_in_focus(run):
    digest = run(
        "Talks between the government and the rebels will resume next week. "
        "Their envoys held three days of talks near Nairobi in January."
    )
    nairobi = _by_city(digest)["Nairobi"]
    assert len(digest["meetings"]) == 2 and nairobi[0]["status"] == "held"


def test_a_meeting_that_follows_another_keeps_its_month(run):
    digest = run(
        "The third summit ended on Tuesday in Vienna. The Vienna summit followed the leaders' "
        "first summit in Oslo in June last year."
    )
    vienna = _by_city(digest)["Vienna"][0]
    assert vienna["status"] != "held" or vienna["start"] != "2023-06"


def test_being_open_to_meeting_someone_is_no_meeting(run):
    digest = run("The president said he was open to meeting President William Ruto again.")
    assert digest["meetings"] == []


def test_halted_talks_keep_the_day_they_were_to_begin(run):
    (meeting,) = run(
        "Rebel leaders boycotted the second round of talks in Arusha on Tuesday, and the mediator "
        "suspended the round."
    )["meetings"]
    assert (meeting["status"], meeting["start"]) == ("suspended", "2024-03-05")


def test_indefinite_meeting_between_named_sides_is_a_meeting(run):
    (meeting,) = run(
        "Kenya on Monday opened a meeting for talks between the government and the rebels in Nairobi."
    )["meetings"]
    assert (meeting["status"], meeting["start"]) == ("ongoing", "2024-03-04")


def test_a_plan_reported_in_the_past_is_not_the_start(run):
    (meeting,) = run(
        "Kenya on Monday opened a meeting for talks between the government and the rebels in Nairobi. "
        "The meeting was said to be held in January but it was delayed."
    )["meetings"]
    assert (meeting["status"], meeting["start"]) == ("ongoing", "2024-03-04")


def test_talks_held_at_a_conference_are_a_meeting_inside_it(run):
    digest = run(
        "The Vienna conference opened on Monday. The rebels said they would not join any peace "
        "talks at the Vienna conference."
    )
    assert len(digest["meetings"]) == 2
    assert all(m["venue"]["city"] == "Vienna" for m in digest["meetings"])


def test_talks_held_in_an_earlier_year_are_another_meeting(run):
    digest = run(
        "Norway will host a new round of talks between the government and the rebels. "
        "In 2019, the two sides held talks in the Dominican Republic."
    )
    assert len(digest["meetings"]) == 2
    new = next(m for m in digest["meetings"] if "new round" in _all_names(m))
    assert "talks in the Dominican Republic" not in _all_names(new)


def test_talks_told_in_the_pluperfect_were_held_before(run):
    digest = run(
        "Envoys gathered in Vienna to plan the resumption of the five-party talks. "
        "The Polish envoy said he had held talks with the two mediators separately."
    )
    held = [m for m in digest["meetings"] if "talks with the two mediators" in _all_names(m)]
    assert len(held) == 1 and held[0]["status"] == "held"
    assert not any("five-party talks" in _all_names(m) for m in held)


def test_an_earlier_meeting_in_a_city_is_not_an_unplaced_earlier_one(run):
    digest = run(
        "The round opened on Monday. The envoy said he had held talks with the mediator. "
        "A secret meeting between the two envoys last month in Vienna led to the round."
    )
    vienna = _by_city(digest)["Vienna"]
    assert not any("talks with the mediator" in _all_names(m) for m in vienna)


def test_plural_meetings_at_two_places_are_two_meetings(run):
    digest = run(
        "The ministers reaffirmed the commitments made by their leaders at their February 6 meetings "
        "in Oslo and February 20 in Vienna."
    )
    cities = _by_city(digest)
    assert cities["Oslo"][0]["start"] == "2024-02-06"
    assert cities["Vienna"][0]["start"] == "2024-02-20"


def test_the_talks_right_after_a_meeting_told_by_met_are_that_meeting(run):
    digest = run(
        "Envoys prepared the resumption of the five-party talks in Vienna. The Polish envoy met "
        "President William Ruto on Tuesday morning, a spokeswoman said. She did not have any "
        "details on the talks."
    )
    met = next(m for m in digest["meetings"] if any("Ruto" in n for n in _all_names(m)))
    assert "talks" in _all_names(met)


def test_the_day_of_the_trip_for_the_talks_is_their_start(run):
    (meeting,) = run(
        "A rebel delegation arrived in Nairobi on Wednesday morning for what organisers call the first "
        "direct negotiations with the government. The talks were expected to begin hours later."
    )["meetings"]
    assert (meeting["status"], meeting["start"]) == ("scheduled", "2024-03-06")


def test_diplomatic_meetings_are_no_meeting(run):
    digest = run("The president stayed in the capital, where he held diplomatic meetings throughout the day.")
    assert digest["meetings"] == []


def test_earlier_attempts_at_dialogue_in_two_places_are_two_meetings(run):
    digest = run(
        "Norway will host a new round of talks between the government and the rebels. "
        "Previous attempts at dialogue in 2019 in Oslo and Nairobi failed."
    )
    cities = _by_city(digest)
    assert {"Oslo", "Nairobi"} <= set(cities)
    assert all(cities[c][0]["status"] == "held" for c in ("Oslo", "Nairobi"))
    assert any("dialogue in Oslo" in _all_names(m) for m in cities["Oslo"])


def test_agreeing_to_meet_again_tells_a_next_meeting(run):
    digest = run("The round ended in Vienna on Tuesday. The two delegations agreed to meet again soon.")
    again = [m for m in digest["meetings"] if "meet again" in _all_names(m)]
    assert len(again) == 1 and again[0]["status"] == "scheduled"
    assert len(digest["meetings"]) == 2


def test_the_talks_to_come_after_a_meeting_told_by_met_are_the_talks(run):
    digest = run(
        "Envoys prepared the resumption of the five-party talks in Vienna. The Polish envoy met "
        "President William Ruto on Tuesday morning. The talks will resume next week."
    )
    met = next(m for m in digest["meetings"] if any("Ruto" in n for n in _all_names(m)))
    assert "talks" not in _all_names(met)


def test_a_meeting_told_in_a_concessive_clause_is_background(run):
    digest = run(
        "Peru and Chile on Monday began the real work of peace talks. Although the negotiations "
        "formally resumed in Quito last month, the Lima talks are the first to tackle the border."
    )
    cities = _by_city(digest)
    assert "peace talks" not in _all_names(cities["Quito"][0]), digest["meetings"]
    assert "peace talks" in _all_names(cities["Lima"][0]), digest["meetings"]


def test_a_day_told_in_the_past_passive_is_another_meeting(run):
    digest = run(
        "The summit in Accra that was to bring together the leaders of Ghana and Togo this Sunday "
        "was called off. At the ministerial meeting in Accra on March 4, no consensus was reached "
        "between Ghana and Togo."
    )
    accra = _by_city(digest)["Accra"]
    assert len(accra) == 2, digest["meetings"]


def test_a_plan_told_in_the_passive_is_no_other_meeting(run):
    digest = run(
        "The summit in Accra between Ghana and Togo has been put off. The summit was said to be "
        "held on March 4 but it was delayed at Togo's request."
    )
    assert len(digest["meetings"]) == 1, digest["meetings"]


def test_a_person_met_who_promises_to_attend_the_meeting_was_met_all_the_same(run):
    digest = run(
        "The envoy Carlos Mendes arrived in Lima to prepare a meeting between the president and "
        "the rebel leader. On arrival, Mendes met President Luis Vega, who promised that he would "
        "attend the meeting."
    )
    names = [n for m in digest["meetings"] for n in _all_names(m)]
    assert any("met President Luis Vega" in n for n in names), digest["meetings"]


def test_a_meeting_named_by_a_day_of_the_week_is_the_news_it_names(run):
    digest = run(
        "The opposition leader had asked the mediator to arrange a meeting between him and the "
        "president, and promised he would attend Monday's meeting. His deputy and two ministers "
        "attended the meeting.",
        published="2024-03-05",
    )
    assert len(digest["meetings"]) == 1, digest["meetings"]
    assert digest["meetings"][0]["status"] == "held", digest["meetings"]
    assert digest["meetings"][0]["start"] == "2024-03-04", digest["meetings"]


def test_a_day_of_the_week_before_any_talks_names_earlier_talks(run):
    digest = run(
        "As with the March 2 talks in Lima, nothing is certain. A new round of negotiations "
        "between Peru and Chile is expected on Friday. The March 2 talks in Lima lasted five hours."
    )
    assert len(digest["meetings"]) == 2, digest["meetings"]


def test_a_meeting_between_the_people_of_a_told_encounter_is_that_encounter(run):
    digest = run(
        "Peace talks between Peru and Chile resumed in Lima on Monday. The arrival of the rebel "
        "envoy Jorge Ruiz raised hopes he may meet the mediator Ana Rojas. A spokesman said a "
        "meeting between Rojas and Ruiz was possible."
    )
    lima = _by_city(digest).get("Lima", [])
    told = [n for m in lima for n in _all_names(m)]
    assert lima and not any("between Rojas and Ruiz" in n for n in told), digest["meetings"]
    assert any("between Rojas and Ruiz" in n for m in digest["meetings"] for n in _all_names(m))


def test_a_later_round_planned_for_when_the_talks_in_focus_resume_is_those_talks(run):
    digest = run(
        "Peru and the rebels said on Saturday they will resume peace talks in Chile next month. "
        "It was agreed that a subsequent round of negotiations would be held in Chile on April 13."
    )
    assert len(digest["meetings"]) == 1, digest["meetings"]


def test_a_later_round_after_talks_of_another_month_is_another_meeting(run):
    digest = run(
        "Peru and the rebels said on Saturday they will resume peace talks in Chile next month. "
        "It was agreed that a subsequent round of negotiations would be held in Chile in June."
    )
    assert len(digest["meetings"]) == 2, digest["meetings"]


def test_a_place_only_a_side_meeting_was_told_at_names_that_meeting(run):
    digest = run(
        "Peru and the rebels will resume peace talks next month. An emergency meeting was held in "
        "Quito between the two sides on Monday. Trust has grown after the meetings held in Quito."
    )
    assert len(_by_city(digest).get("Quito", [])) == 1, digest["meetings"]


def test_an_old_plan_date_of_a_postponed_meeting_is_no_other_meeting(run):
    digest = run(
        "The peace conference in Accra will open next month. The conference, initially due to "
        "begin on February 12, was postponed to April 8 to let the mediators finish their tour."
    )
    assert len(digest["meetings"]) == 1, digest["meetings"]


def test_talks_told_as_met_are_no_plan_a_later_round_can_be(run):
    digest = run(
        "Ghana and Togo accepted a plan to reopen the border at talks in Accra on Monday, the "
        "mediator said. The talks lasted five hours. The mediator said the leaders would meet "
        "again next month.",
        published="2024-03-27",
    )
    assert len(digest["meetings"]) == 2, digest["meetings"]


def test_the_talks_on_a_later_day_of_talks_under_way_are_the_same_talks(run):
    digest = run(
        "Talks between Ghana and Togo opened in Accra on Monday. "
        "Benin's envoy joined the talks on Tuesday."
    )
    assert len(digest["meetings"]) == 1, digest["meetings"]


def test_talks_weeks_after_earlier_talks_are_another_meeting(run):
    digest = run(
        "Talks between Ghana and Togo opened in Accra on February 5. "
        "Benin's envoy joined the talks on February 26."
    )
    assert len(digest["meetings"]) == 2, digest["meetings"]


def test_a_round_in_one_city_told_twice_is_one_meeting(run):
    digest = run(
        "Ghana and Togo sat down in Accra on Wednesday for a second round of talks, a month after "
        "the first round in Lome ended without a deal. The first round in Lome, in February, was "
        "attended by Benin as well."
    )
    first = [m for m in digest["meetings"] if m["round"] == 1]
    assert len(first) == 1, digest["meetings"]
