"""Meeting status told by tense, plans and framing (published Wednesday 2024-03-06)."""

from __future__ import annotations


def _by_city(digest):
    return {m["venue"]["city"]: m for m in digest["meetings"]}


def test_party_pulling_out_suspends_talks(run):
    (meeting,) = run("The rebels pulled out of the talks in Geneva on Tuesday.")["meetings"]
    assert meeting["status"] == "suspended"


def test_plan_hung_on_the_party_is_the_meetings(run):
    """'set to begin' after 'with the rebels' tells when the round starts, not the rebels."""
    (meeting,) = run(
        "The army withdrew from a round of talks with the rebels set to begin on Friday in Oslo."
    )["meetings"]
    assert meeting["start"] == "2024-03-08"


def test_since_a_year_does_not_date_the_talks(run):
    (meeting,) = run("The Lusaka talks mark the first direct contact since 2015.")["meetings"]
    assert meeting["start"] is None


def test_failed_plan_then_new_day_is_postponed(run):
    digest = run("The talks in Accra should have begun on Monday. The talks will now begin on Thursday.")
    (meeting,) = digest["meetings"]
    assert (meeting["status"], meeting["start"]) == ("postponed", "2024-03-07")


def test_pluperfect_plan_then_new_day_is_postponed(run):
    digest = run(
        "The envoys had been due to meet in Nairobi on Tuesday. "
        "They are now due to meet in Nairobi on Friday."
    )
    meeting = _by_city(digest)["Nairobi"]
    assert (meeting["status"], meeting["start"]) == ("postponed", "2024-03-08")


def test_simple_present_with_the_day_is_a_timetable(run):
    (meeting,) = run("The peace talks that open today in Lusaka will be chaired by the envoy.")["meetings"]
    assert (meeting["status"], meeting["start"]) == ("scheduled", "2024-03-06")


def test_when_clause_is_still_to_come(run):
    (meeting,) = run(
        "The talks in Lusaka are due on Friday. Nobody knows what happens when the talks begin."
    )["meetings"]
    assert meeting["status"] == "scheduled"


def test_opening_weeks_ago_is_a_meeting_held(run):
    (meeting,) = run("Talks between the two sides resumed in Nairobi last month.")["meetings"]
    assert (meeting["status"], meeting["start"]) == ("held", "2024-02")


def test_what_an_event_follows_was_held(run):
    digest = run("The ministers agreed to talk again following a meeting in Brussels.")
    assert _by_city(digest)["Brussels"]["status"] == "held"


def test_meeting_named_by_an_earlier_day(run):
    digest = run(
        "A new round of talks is expected in Minsk on Friday. "
        "Doubts remain, as with the February 28 talks in Gomel."
    )
    by_city = _by_city(digest)
    assert (by_city["Gomel"]["status"], by_city["Gomel"]["start"]) == ("held", "2024-02-28")
    assert (by_city["Minsk"]["status"], by_city["Minsk"]["start"]) == ("scheduled", "2024-03-08")


def test_cue_placed_in_another_city_is_not_the_meetings(run):
    (meeting,) = run("The conference is starting in Montreux today and will continue in Geneva on Friday.")[
        "meetings"
    ]
    assert (meeting["status"], meeting["start"]) == ("ongoing", "2024-03-06")


def test_blank_line_ends_a_sentence(run):
    digest = run("Talks in Doha postponed\n\nThe summit in Cairo opened on Monday.")
    assert _by_city(digest)["Cairo"]["status"] == "ongoing"


def test_terminating_talks_suspends_them(run):
    (meeting,) = run("The president said he is terminating the peace talks in Oslo.")["meetings"]
    assert meeting["status"] == "suspended"


def test_what_preceded_a_meeting_was_held_not_the_meeting(run):
    digest = run("The summit in Lome opened on Monday and was preceded by a technical meeting.")
    statuses = {m["name"]: m["status"] for m in digest["meetings"]}
    assert statuses["technical meeting"] == "held"
    assert [s for n, s in statuses.items() if n != "technical meeting"] == ["ongoing"]


def test_session_that_adjourned_is_over(run):
    digest = run("The talks in Doha are under way. The opening session adjourned after a short speech.")
    statuses = {m["name"]: m["status"] for m in digest["meetings"]}
    assert statuses["opening session"] == "held"


def test_session_chaired_in_the_past_was_held(run):
    digest = run(
        "The talks in Arusha are under way. "
        "Two delegates walked out of a closed session chaired by the envoy."
    )
    statuses = {m["name"]: m["status"] for m in digest["meetings"]}
    assert statuses["closed session"] == "held"


def test_meeting_someone_will_go_to_is_scheduled(run):
    digest = run(
        "The talks in Rome are under way. The general would return for a bilateral meeting in the evening."
    )
    statuses = {m["name"]: m["status"] for m in digest["meetings"]}
    assert statuses["bilateral meeting"] == "scheduled"


def test_delegates_there_for_talks_means_under_way(run):
    (meeting,) = run("About fifty delegates are in Kigali for talks.")["meetings"]
    assert meeting["status"] == "ongoing"


def test_date_inside_the_meeting_phrase_starts_it(run):
    (meeting,) = run("A secret meeting between the two envoys last month in Oslo led to the truce.")[
        "meetings"
    ]
    assert (meeting["status"], meeting["start"]) == ("held", "2024-02")


def test_date_of_what_people_did_at_the_meeting(run):
    digest = run("The rebels boycotted the second round of talks in Arusha on Tuesday.")
    (meeting,) = digest["meetings"]
    assert meeting["start"] == "2024-03-05"


def test_date_that_does_not_fit_the_status_is_not_the_start(run):
    (meeting,) = run("The talks in Lusaka, the first since 2015, will take place soon.")["meetings"]
    assert meeting["start"] is None


def test_purpose_infinitive_is_no_state(run):
    (meeting,) = run(
        "The mediators suspended the talks in Managua. "
        "They asked that roads be cleared to continue the talks."
    )["meetings"]
    assert meeting["status"] == "suspended"


def test_close_to_the_talks_is_no_closing(run):
    (meeting,) = run(
        "Talks in Vienna resumed on Monday. A diplomat close to the talks said a deal was near."
    )["meetings"]
    assert meeting["status"] == "ongoing"


def test_past_tense_on_the_report_day_is_under_way(run):
    (meeting,) = run("The ministers extended marathon talks in Vienna on Wednesday.")["meetings"]
    assert (meeting["status"], meeting["start"]) == ("ongoing", "2024-03-06")


def test_earlier_meeting_is_not_dated_after_the_report(run):
    (meeting,) = run("A secret meeting last month in Oslo led to the truce agreed on March 9.")["meetings"]
    assert (meeting["status"], meeting["start"]) == ("held", "2024-02")


def test_hope_about_a_round_tells_no_schedule(run):
    (meeting,) = run(
        "The round of talks in Doha resumed on Monday. Hamas hoped the round would lead to a deal."
    )["meetings"]
    assert meeting["status"] == "ongoing"


def test_delegation_departed_for_talks_that_are_ahead(run):
    (meeting,) = run("The delegation has departed for the negotiations in Minsk.")["meetings"]
    assert meeting["status"] == "scheduled"


def test_agreed_to_meet_is_still_to_come(run):
    digest = run("The two sides agreed to meet again in Helsinki for a third round of talks on April 12.")
    (meeting,) = digest["meetings"]
    assert (meeting["status"], meeting["start"]) == ("scheduled", "2024-04-12")


def test_delegation_sent_to_meet_is_still_to_come(run):
    (meeting,) = run(
        "Kyiv has agreed to send a delegation to meet with Russian envoys for talks near the border."
    )["meetings"]
    assert meeting["status"] == "scheduled"


def test_ready_to_send_a_delegation_for_talks(run):
    (meeting,) = run("The president is ready to send a delegation to Minsk for talks with Kyiv.")["meetings"]
    assert (meeting["status"], meeting["venue"]["city"]) == ("scheduled", "Minsk")


def test_plan_in_relative_clause_on_party_dates_a_cancelled_meeting(run):
    """'which was due to take place on Friday' hung on the party: the meeting's planned day."""
    (meeting,) = run(
        "The minister has cancelled a meeting with the militia chief "
        "which was due to take place on Friday in Bamako."
    )["meetings"]
    assert (meeting["status"], meeting["start"]) == ("cancelled", "2024-03-08")


def test_relative_plan_is_background_to_a_suspension(run):
    """'a round that was to begin on March 9' is the old plan; the suspension is the news."""
    (meeting,) = run("The junta suspended a new round of talks that was to begin in Niamey on March 9.")[
        "meetings"
    ]
    assert (meeting["status"], meeting["start"]) == ("suspended", "2024-03-09")


def test_quoted_relative_plan_still_dates_a_halted_meeting(run):
    digest = run(
        'The junta suspended the talks. "We will not go to a new round of talks that was to begin '
        'in Niamey on March 9," the spokesman said.'
    )
    assert digest["meetings"][0]["start"] == "2024-03-09"


def test_meeting_in_progressive_on_report_day_is_ongoing(run):
    (meeting,) = run("Mediators were meeting in Kigali on Wednesday hoping to settle the truce terms.")[
        "meetings"
    ]
    assert meeting["status"] == "ongoing"


def test_meeting_in_past_progressive_on_earlier_day_is_held(run):
    (meeting,) = run("Mediators were meeting in Kigali on Monday when the shelling resumed.")["meetings"]
    assert meeting["status"] == "held"


def test_noun_hung_on_after_shares_the_coordinated_verb(run):
    """'after both a dinner and the ceremony were scrapped' misparsed: the dinner was scrapped too."""
    digest = run("The envoys flew home within hours after both a dinner and the parade were scuttled.")
    assert [m["status"] for m in digest["meetings"]] == ["cancelled"]


def test_looked_set_to_go_ahead_is_a_plan_with_its_day(run):
    digest = run(
        "The talks in Maputo had been scheduled to begin on Wednesday. "
        "The talks looked set to go ahead in Maputo on Thursday, one day later than planned."
    )
    (meeting,) = digest["meetings"]
    assert (meeting["status"], meeting["start"]) == ("postponed", "2024-03-07")


def test_talks_going_ahead_as_an_aim_tell_no_status(run):
    (meeting,) = run("The army pulled back from the border to allow the talks to go ahead.")["meetings"]
    assert meeting["status"] is None


def test_held_restated_after_conclusion_stays_concluded(run):
    digest = run(
        "The Lusaka talks concluded on Tuesday with little progress. "
        "At the talks, the two sides held discussions on prisoner exchanges."
    )
    assert digest["meetings"][0]["status"] == "concluded"


def test_talks_planned_for_later_day_are_not_held_by_an_undated_mention(run):
    digest = run(
        "The conference in Lusaka is scheduled to open on Friday. "
        "The conference is being held at a lakeside hotel."
    )
    assert digest["meetings"][0]["status"] == "scheduled"


def test_run_until_a_day_is_the_end_not_the_start(run):
    digest = run("The talks in Gaborone opened on Wednesday. The talks are scheduled to run until Monday.")
    (meeting,) = digest["meetings"]
    assert (meeting["status"], meeting["start"]) == ("ongoing", "2024-03-06")


def test_failed_plan_with_no_new_day_is_postponed_without_start(run):
    (meeting,) = run("The talks in Accra were to have kicked off on Wednesday.")["meetings"]
    assert (meeting["status"], meeting["start"]) == ("postponed", None)


def test_failed_plan_then_plan_for_this_month_is_postponed_to_it(run):
    digest = run(
        "The talks in Accra should have begun months ago. "
        "The rebels had expected the talks to resume last month. "
        "The talks will resume this month, the envoy said."
    )
    (meeting,) = digest["meetings"]
    assert (meeting["status"], meeting["start"]) == ("postponed", "2024-03")


def test_talks_wanted_to_be_held_are_still_to_come(run):
    (meeting,) = run("The rebels want talks to be held in Lusaka.")["meetings"]
    assert meeting["status"] == "scheduled"


def test_infinitive_on_the_talks_noun_is_a_plan(run):
    (meeting,) = run("The envoy voiced hope for talks to be held in Lusaka, near the border.")["meetings"]
    assert meeting["status"] == "scheduled"


def test_failing_to_agree_during_a_round_is_its_end(run):
    """'failed to reach X during the round on Monday': what came of the round, so it ended."""
    (meeting,) = run(
        "Army and rebel envoys failed to reach a truce during their fifth round of talks in Lome on Monday."
    )["meetings"]
    assert (meeting["status"], meeting["start"]) == ("concluded", "2024-03-04")


def test_having_failed_so_far_is_no_end(run):
    """'have so far failed to agree in the talks': the present perfect leaves them open."""
    (meeting,) = run("The envoys have so far failed to agree on a truce in the talks in Lome.")["meetings"]
    assert meeting["status"] != "concluded"


def test_meetings_of_the_day_told_in_the_past_were_held(run):
    """'the meetings today included X': the report's day, but told as over."""
    (meeting,) = run("The meetings in Lome today included envoys from Togo and Ghana.")["meetings"]
    assert (meeting["status"], meeting["start"]) == ("held", "2024-03-06")


def test_talks_of_the_day_extended_go_on(run):
    (meeting,) = run("The mediators extended the talks in Lome today.")["meetings"]
    assert meeting["status"] != "held"


def test_a_readiness_to_hold_consultations_is_no_meeting_held(run):
    digest = run(
        "The next round of peace talks between Ghana and Togo has been postponed to May. The "
        "mediators said they were open to holding consultations by telephone in the meantime."
    )
    assert [m["status"] for m in digest["meetings"]] == ["postponed"], digest["meetings"]


def test_calling_the_talks_a_farce_does_not_convene_them(run):
    digest = run(
        "Delegations from Ghana and Togo sat down in Accra on Wednesday for a second round of talks. "
        "A rebel group has called the talks illegitimate."
    )
    assert [m["status"] for m in digest["meetings"]] == ["ongoing"], digest["meetings"]


def test_an_original_plan_is_background_to_the_postponement(run):
    (meeting,) = run(
        "A national dialogue between Ghana and Togo, originally due to open on May 10, was "
        "postponed to August 20."
    )["meetings"]
    assert (meeting["status"], meeting["start"]) == ("postponed", "2024-08-20"), meeting


def test_an_expected_duration_does_not_reschedule_talks_under_way(run):
    (meeting,) = run(
        "Ghana and Togo opened talks in Accra on Monday. The meeting is expected to last three days."
    )["meetings"]
    assert meeting["status"] == "ongoing", meeting
