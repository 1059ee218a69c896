"""Status frames beyond a verb's tense and own negation (published Wednesday 2024-03-06): a
negated subject, a withheld 'whether', a journey told by its end, a walk-out from talks under way."""

from __future__ import annotations


def _statuses(digest, name):
    names = {a["id"]: a["name"] for a in digest["actors"]}
    return {p["status"] for p in digest["participations"] if names[p["actor"]] == name}


_SCHEDULED = "Peace talks between the Karlan government and the Ostra rebels will open in Vienna on Friday. "
_OPEN = "Peace talks between the Karlan government and the Ostra rebels opened in Vienna on Monday. "


def test_neither_nor_subjects_decline(run):
    digest = run(_SCHEDULED + "Neither Chile nor Peru will attend.")
    for name in ("Chile", "Peru"):
        assert _statuses(digest, name) == {"declined"}, digest["participations"]


def test_a_plain_list_of_subjects_still_attends(run):
    digest = run(_SCHEDULED + "Chile and Peru will attend.")
    assert _statuses(digest, "Chile") == {"will_attend"}, digest["participations"]


def test_not_saying_whether_one_attends_is_undecided(run):
    digest = run(_SCHEDULED + "Bolivia did not say whether it would attend.")
    assert _statuses(digest, "Bolivia") == {"undecided"}, digest["participations"]


def test_yet_to_confirm_whether_is_undecided(run):
    digest = run(_SCHEDULED + "Bolivia had yet to confirm whether it would send a delegation.")
    assert _statuses(digest, "Bolivia") == {"undecided"}, digest["participations"]


def test_declining_to_say_whether_is_undecided_not_declined(run):
    digest = run(_SCHEDULED + "Bolivia declined to say whether it would take part.")
    assert _statuses(digest, "Bolivia") == {"undecided"}, digest["participations"]


def test_saying_that_one_attends_stays_will_attend(run):
    digest = run(_SCHEDULED + "Bolivia said it would attend.")
    assert _statuses(digest, "Bolivia") == {"will_attend"}, digest["participations"]


def test_flying_into_the_venue_is_an_arrival(run):
    digest = run(_SCHEDULED + "Foreign Minister Dana Roth of Bolivia flew into Vienna on Tuesday.")
    assert _statuses(digest, "Dana Roth") == {"arrived"}, digest["participations"]


def test_flying_in_to_talks_under_way_is_arrival_and_attendance(run):
    digest = run(_OPEN + "Foreign Minister Dana Roth of Bolivia flew in on Tuesday.")
    assert _statuses(digest, "Dana Roth") == {"arrived", "attended"}, digest["participations"]


def test_a_future_flight_is_no_arrival(run):
    digest = run(_SCHEDULED + "Foreign Minister Dana Roth of Bolivia will fly in on Thursday.")
    assert "arrived" not in _statuses(digest, "Dana Roth"), digest["participations"]


def test_walking_out_of_talks_under_way_is_attendance_and_refusal(run):
    digest = run(_OPEN + "Bolivia, an observer, walked out on Tuesday.")
    assert _statuses(digest, "Bolivia") >= {"attended", "declined"}, digest["participations"]


def test_pulling_out_of_a_round_not_begun_is_refusal_only(run):
    digest = run(_SCHEDULED + "Bolivia pulled out of the talks on Tuesday.")
    assert _statuses(digest, "Bolivia") == {"declined"}, digest["participations"]


def test_reaching_an_agreement_at_talks_under_way_is_attendance(run):
    digest = run(_OPEN + "On Tuesday Chile and Peru reached an agreement on prisoner exchanges at the talks.")
    for name in ("Chile", "Peru"):
        assert "attended" in _statuses(digest, name), digest["participations"]


def test_reaching_a_city_is_an_arrival_but_reaching_a_deal_is_not(run):
    digest = run(_SCHEDULED + "Chile reached a deal with its creditors on Tuesday.")
    assert "arrived" not in _statuses(digest, "Chile"), digest["participations"]


def test_the_parties_reaching_an_agreement_are_the_sides(run):
    digest = run(_OPEN + "The parties reached an agreement on prisoner exchanges on Tuesday.")
    names = {a["name"] for a in digest["actors"]}
    assert "parties" not in names or not _statuses(digest, "parties"), digest["participations"]
    assert "attended" in _statuses(digest, "Ostra rebels"), digest["participations"]


def test_a_passive_with_the_meeting_as_subject_names_that_meeting(run):
    digest = run(
        _OPEN + "The first round, in Lima in February, was attended by the two sides and by Chile."
    )
    lima = next(m for m in digest["meetings"] if (m["venue"] or {}).get("city") == "Lima")
    names = {a["id"]: a["name"] for a in digest["actors"]}
    there = {names[p["actor"]] for p in digest["participations"] if p["meeting"] == lima["id"]}
    assert {"Chile", "Karlan government", "Ostra rebels"} <= there, digest["participations"]


def test_a_meeting_boycotted_by_someone_is_declined_by_them(run):
    digest = run(_OPEN + "The previous round, held in Lima in October, was boycotted by Chile.")
    assert _statuses(digest, "Chile") == {"declined"}, digest["participations"]


def test_other_things_boycotted_are_no_refusal_of_the_talks(run):
    digest = run(_OPEN + "The local elections were boycotted by Chile's opposition parties.")
    assert not _statuses(digest, "Chile"), digest["participations"]


def test_accepting_an_invitation_is_a_plan_to_attend(run):
    digest = run(_SCHEDULED + "Bolivia has accepted an invitation to attend.")
    assert _statuses(digest, "Bolivia") == {"will_attend"}, digest["participations"]


def test_being_absent_from_talks_under_way_is_declining(run):
    digest = run(_OPEN + "Bolivia was notably absent.")
    assert _statuses(digest, "Bolivia") == {"declined"}, digest["participations"]


def test_talks_under_the_auspices_of_a_body_have_it_as_sponsor(run):
    digest = run(
        "Talks between Chile and Peru opened in Lima on Monday under the auspices of the African Union."
    )
    roles = {p["role"] for p in digest["participations"] if p["actor"] in _ids(digest, "African Union")}
    assert roles == {"sponsor"}, digest["participations"]


def _ids(digest, name):
    return {a["id"] for a in digest["actors"] if a["name"] == name}


def test_meeting_someone_before_a_later_meeting_is_not_attending_that_one(run):
    digest = run(
        _OPEN + "Dana Roth met separately with both delegations before a three-way meeting "
        "scheduled for Thursday evening."
    )
    three_way = next(m for m in digest["meetings"] if "three-way" in m["name"])
    at = {p["status"] for p in digest["participations"] if p["meeting"] == three_way["id"]}
    assert "attended" not in at, digest["participations"]


def test_a_walkout_in_the_clause_of_an_earlier_round_is_at_that_round(run):
    digest = run(
        _OPEN + "A previous round in Lima in January broke down after the Chilean delegation walked out."
    )
    lima = next(m for m in digest["meetings"] if (m["venue"] or {}).get("city") == "Lima")
    names = {a["id"]: a["name"] for a in digest["actors"]}
    chile = {p["meeting"] for p in digest["participations"] if names[p["actor"]] == "Chilean delegation"}
    assert chile == {lima["id"]}, digest["participations"]


def test_asking_to_take_part_is_a_request_not_a_plan(run):
    digest = run(_SCHEDULED + "Bolivia has asked to take part but was turned down.")
    assert "will_attend" not in _statuses(digest, "Bolivia"), digest["participations"]


def test_asking_someone_else_to_attend_still_names_them(run):
    digest = run(_SCHEDULED + "Austria asked Bolivia to attend as an observer.")
    assert _statuses(digest, "Bolivia"), digest["participations"]


def test_sending_observers_takes_part_as_observer(run):
    digest = run(_OPEN + "Ecuador and Colombia sent observers.")
    roles = {p["role"] for p in digest["participations"] if p["actor"] in _ids(digest, "Ecuador")}
    assert roles == {"observer"}, digest["participations"]


def test_chairing_a_bloc_is_no_seat_at_the_talks(run):
    digest = run(_OPEN + "Dana Roth, who chairs the regional bloc, praised both sides.")
    assert not _statuses(digest, "Dana Roth"), digest["participations"]


def test_chairing_the_talks_still_is(run):
    digest = run(_OPEN + "Dana Roth, who chairs the talks, praised both sides.")
    assert _statuses(digest, "Dana Roth") == {"attended"}, digest["participations"]


def test_mediators_who_open_the_talks_are_mediators(run):
    digest = run("African Union mediators opened talks between Chile and Peru in Lima on Monday.")
    roles = {p["role"] for p in digest["participations"] if "mediators" in _name(digest, p["actor"])}
    assert roles == {"mediator"}, digest["participations"]


def test_a_passive_subjects_relative_clause_names_no_meeting(run):
    digest = run(
        _OPEN + "Brazil and Argentina, which sponsored earlier talks in Quito, were represented by "
        "their ambassadors."
    )
    vienna = next(m for m in digest["meetings"] if (m["venue"] or {}).get("city") == "Vienna")
    at = {p["meeting"] for p in digest["participations"] if p["actor"] in _ids(digest, "Brazil")}
    assert vienna["id"] in at, digest["participations"]


def _name(digest, actor_id):
    return next(a["name"] for a in digest["actors"] if a["id"] == actor_id)


def test_a_second_participle_of_the_talks_names_its_agent(run):
    digest = run("The peace talks, held in Lima and mediated by Norway, ended on Monday.")
    assert _statuses(digest, "Norway") == {"attended"}, digest["participations"]


def test_a_second_participle_of_talks_ahead_is_a_plan(run):
    digest = run(
        "The peace talks, to be held in Lima and brokered by Norway, will open on Friday."
    )
    assert _statuses(digest, "Norway") == {"will_attend"}, digest["participations"]


def test_ruling_out_attending_declines(run):
    digest = run(_SCHEDULED + "Bolivia has ruled out attending.")
    assert _statuses(digest, "Bolivia") == {"declined"}, digest["participations"]


def test_not_ruling_out_attending_leaves_it_open(run):
    digest = run(_SCHEDULED + "Bolivia has not ruled out attending.")
    assert _statuses(digest, "Bolivia") == {"undecided"}, digest["participations"]


def test_not_present_at_talks_under_way_declines(run):
    digest = run(_OPEN + "Bolivia was not present.")
    assert _statuses(digest, "Bolivia") == {"declined"}, digest["participations"]


def test_may_not_attend_is_undecided(run):
    digest = run(_SCHEDULED + "Bolivia said it may not attend.")
    assert _statuses(digest, "Bolivia") == {"undecided"}, digest["participations"]


def test_yet_to_decide_whether_gives_no_plan(run):
    digest = run(_SCHEDULED + "Bolivia has yet to decide whether it will attend.")
    assert _statuses(digest, "Bolivia") == {"undecided"}, digest["participations"]


def test_not_being_at_the_talks_declines(run):
    digest = run(_SCHEDULED + "Bolivia will not be at the talks.")
    assert _statuses(digest, "Bolivia") == {"declined"}, digest["participations"]


def test_being_at_odds_is_no_presence(run):
    digest = run(_OPEN + "Bolivia is at odds with both sides.")
    assert not _statuses(digest, "Bolivia"), digest["participations"]


def test_recalling_negotiators_from_talks_under_way_is_attendance_and_refusal(run):
    digest = run(_OPEN + "Bolivia recalled its negotiators on Tuesday.")
    assert _statuses(digest, "Bolivia") == {"attended", "declined"}, digest["participations"]


def test_recalling_an_ambassador_before_talks_is_no_attendance(run):
    digest = run(_SCHEDULED + "Bolivia recalled its ambassador from Chile on Tuesday.")
    assert "attended" not in _statuses(digest, "Bolivia"), digest["participations"]


def test_invitations_sent_to_bodies_invite_them(run):
    digest = run(_SCHEDULED + "Invitations have been sent to the African Union and the Arab League.")
    for name in ("African Union", "Arab League"):
        assert _statuses(digest, name) == {"invited"}, digest["participations"]


def test_turning_down_an_invitation_declines(run):
    digest = run(_SCHEDULED + "Ecuador turned down an invitation to attend.")
    assert "declined" in _statuses(digest, "Ecuador"), digest["participations"]
