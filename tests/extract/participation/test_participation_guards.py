"""Cue verbs that state nothing about their subject's attendance: a wish for someone else to come,
an invitation's infinitive, a decision about others, bringing sides to an outcome; and a body
named only as a person's affiliation."""

from __future__ import annotations

from conftest import has_fact


def _statuses(digest, name):
    names = {a["id"]: a["name"] for a in digest["actors"]}
    return {p["status"] for p in digest["participations"] if names[p["actor"]] == name}


def test_a_demand_that_someone_join_is_no_attendance(run):
    digest = run("Chile demanded that President Luis Arce also join the talks in Lima next week.")
    assert "will_attend" not in _statuses(digest, "Luis Arce"), digest["participations"]


def test_a_hope_that_a_side_would_go_is_no_attendance(run):
    digest = run("The mediators had hoped the Zapatistas would go to the talks in Oaxaca on Friday.")
    assert not _statuses(digest, "Zapatistas"), digest["participations"]


def test_an_insistence_on_ones_own_attendance_still_counts(run):
    digest = run("Bolivia insisted that it would attend the talks in Lima next week.")
    assert has_fact(digest, "participations", "Bolivia", "will_attend"), digest["participations"]


def test_the_infinitive_of_an_invitation_is_not_the_invitees_attendance(run):
    digest = run("The UN chief rescinded his invitation to Bolivia to attend the start of the Lima talks.")
    assert has_fact(digest, "participations", "Bolivia", "not_invited"), digest["participations"]
    assert "will_attend" not in _statuses(digest, "Bolivia"), digest["participations"]


def test_deciding_not_to_invite_others_is_not_the_deciders_attendance(run):
    digest = run("Peru decided not to invite Bolivia to the peace conference in Lima next month.")
    assert has_fact(digest, "participations", "Bolivia", "not_invited"), digest["participations"]
    assert not _statuses(digest, "Peru") & {"will_attend", "undecided"}, digest["participations"]


def test_bringing_the_sides_to_agreement_is_not_declining(run):
    digest = run(
        "Earlier mediation failed to bring the sides to agreement. Talks between Peru and Ecuador "
        "will open in Lima next week."
    )
    assert "declined" not in _statuses(digest, "Peru"), digest["participations"]
    assert has_fact(digest, "participations", "Peru", "will_attend"), digest["participations"]


def test_a_body_in_a_persons_title_is_not_a_participant(run):
    digest = run(
        "The head of the rebel team, the chairman of the Liberation Council, Tomas Borge, arrived in "
        "Lima on Monday for the peace talks."
    )
    assert has_fact(digest, "participations", "Tomas Borge", "arrived"), digest["participations"]
    assert not _statuses(digest, "Liberation Council"), digest["participations"]


def test_rumours_that_he_might_cancel_his_participation_are_undecided(run):
    digest = run(
        "Evo Morales arrived in Lima on Monday for the peace conference. His arrival came despite "
        "rumours throughout the day that he might cancel his participation."
    )
    assert has_fact(digest, "participations", "Evo Morales", "undecided"), digest["participations"]


def test_a_pronoun_opening_a_sentence_continues_the_main_subject(run):
    digest = run(
        "Evo Morales arrived in Lima on Monday for the peace conference. Morales leads a party that "
        "has ruled since 2006, when its former leader Hugo Banzer was ousted. His arrival came despite "
        "rumours that he might cancel his participation."
    )
    assert has_fact(digest, "participations", "Evo Morales", "undecided"), digest["participations"]
    assert not _statuses(digest, "Hugo Banzer"), digest["participations"]


def test_doubts_about_whether_a_side_would_attend_are_undecided(run):
    digest = run(
        "The Lima talks opened on Monday, following doubts about whether Chile would attend as an observer."
    )
    assert has_fact(digest, "participations", "Chile", "undecided"), digest["participations"]


def test_being_part_of_the_talks_is_taking_part_but_part_of_a_team_is_not(run):
    digest = run("Talks open in Lima next week. Chile will be part of the talks.")
    assert has_fact(digest, "participations", "Chile", "will_attend"), digest["participations"]
    refused = run("Talks open in Lima next week. Chile announced that it would not be part of the talks.")
    assert has_fact(refused, "participations", "Chile", "declined"), refused["participations"]
    team = run("Talks open in Lima next week. Chile is part of the team that drafted the agenda.")
    assert not _statuses(team, "Chile"), team["participations"]


def test_kept_from_something_that_is_no_meeting_is_not_barred(run):
    digest = run(
        "Talks between Peru and Ecuador opened in Lima on Monday. They discussed guarantees to "
        "prevent Bolivia from again hosting armed groups."
    )
    assert "not_invited" not in _statuses(digest, "Bolivia"), digest["participations"]
    barred = run("Talks open in Lima on Monday. The army barred Bolivia from attending the talks.")
    assert has_fact(barred, "participations", "Bolivia", "not_invited"), barred["participations"]


def test_calling_on_others_to_continue_talks_is_no_attendance_of_the_caller(run):
    digest = run(
        "Talks in Lima ended on Monday. Chilean Foreign Minister Ana Perez called on the parties to "
        "continue negotiations."
    )
    assert not _statuses(digest, "Ana Perez"), digest["participations"]


def test_a_body_meeting_by_itself_is_not_at_the_talks(run):
    digest = run(
        "The peace conference opens in Lima on Wednesday. Earlier on Sunday, the Liberation Council "
        "met in Quito to appoint the members of its delegation."
    )
    assert "attended" not in _statuses(digest, "Liberation Council"), digest["participations"]


def test_refusing_to_discuss_a_proposal_is_not_declining_the_talks(run):
    digest = run(
        "The dialogue resumed in Lima on Monday. Led by Foreign Minister Ana Perez, the Peruvian "
        "government refused to discuss the proposal for early elections."
    )
    assert "declined" not in _statuses(digest, "Peruvian government"), digest["participations"]


def test_a_name_inside_quotation_marks_is_no_antecedent_of_a_later_pronoun(run):
    digest = run(
        'Talks between Peru and Ecuador opened in Lima on Monday. On Tuesday the talks produced the '
        '"Friendship with Bolivia" accord. They will meet again in Quito next week.'
    )
    assert not _statuses(digest, "Bolivia"), digest["participations"]


def test_the_agency_reporting_a_statement_is_not_listed_with_the_sides(run):
    digest = run(
        "A Peruvian delegation arrived in Quito for talks on Saturday with the ELN, the "
        "semi-official Andes Media Center (AMC) said."
    )
    assert not _statuses(digest, "Andes Media Center"), digest["participations"]


def test_the_people_a_meeting_includes_take_part(run):
    digest = run(
        "Representatives of several parties will take part in the negotiations in Lima next week, "
        "including Jorge Castaneda, former envoy of the opposition."
    )
    assert has_fact(digest, "participations", "Jorge Castaneda", "will_attend"), digest["participations"]


def test_the_leader_whose_government_takes_part_is_not_a_party_himself(run):
    for text in (
        "Delegations from the government of Evo Morales and the opposition met in Lima on Monday.",
        "Talks between President Evo Morales's government and the opposition begin in Lima next week.",
    ):
        digest = run(text)
        assert not _statuses(digest, "Evo Morales"), digest["participations"]


def test_a_stance_that_a_side_should_not_be_allowed_to_attend_is_no_status(run):
    digest = run("Talks open in Lima next week. Chile said Bolivia should not be allowed to attend them.")
    assert not _statuses(digest, "Bolivia"), digest["participations"]
    kept = run("Talks opened in Lima on Monday. Bolivia was not allowed to attend the talks.")
    assert has_fact(kept, "participations", "Bolivia", "not_invited"), kept["participations"]


def test_attempts_to_bring_sides_to_talks_state_no_attendance(run):
    digest = run(
        "Disputes over the agenda have blocked previous attempts to bring Peru and Ecuador to the "
        "peace talks in Lima next week."
    )
    assert "will_attend" not in _statuses(digest, "Peru"), digest["participations"]


def test_the_delegation_a_side_sent_for_talks_arrives_however_parsed(run):
    digest = run(
        "Negotiations between Russia and Georgia started today in Geneva. The delegation that Georgia "
        "sent for negotiations with the Russians arrived by helicopter at the site of negotiations, "
        "TASS reports."
    )
    assert has_fact(digest, "participations", "Georgia", "arrived"), digest["participations"]


def test_some_of_a_group_taking_part_names_the_group(run):
    digest = run("The Lima conference opened on Monday. Some of the rebel advisers took part in the talks.")
    assert has_fact(digest, "participations", "rebel advisers", "attended"), digest["participations"]


def test_a_description_coordinated_with_a_known_side_is_a_participant_too(run):
    digest = run(
        "The Lima conference opened on Monday. Representatives from the Peruvian factions and their "
        "foreign sponsors were present at the talks."
    )
    assert has_fact(digest, "participations", "foreign sponsors", "attended"), digest["participations"]


def test_a_description_and_the_name_in_apposition_are_one_participant(run):
    digest = run(
        "Talks resumed in Lima on Monday. It was still unclear whether a newly formed rebel group, the "
        "Andean Liberation Army (ALA), would turn up."
    )
    assert has_fact(digest, "participations", "Andean Liberation Army", "undecided"), digest["participations"]
    assert not _statuses(digest, "newly formed rebel group"), digest["participations"]


def test_those_present_where_a_session_took_place_attend_that_session(run):
    digest = run(
        "The Lima conference opened on Monday. Garcia skipped the working dinner, where envoys from "
        "the Andean Liberation Army were present."
    )
    dinner = {m["id"] for m in digest["meetings"] if "dinner" in (m.get("name") or "").lower()}
    names = {a["id"]: a["name"] for a in digest["actors"]}
    at = {p["meeting"] for p in digest["participations"] if names[p["actor"]] == "Andean Liberation Army"}
    assert dinner and at == dinner, (digest["meetings"], digest["participations"])


def test_a_verb_coordinated_with_said_continues_the_reported_clause(run):
    digest = run(
        "The Lima summit between Peru and Ecuador ended on Thursday. Press secretary Ana Perez said "
        "the presidents had a “very good and constructive meeting,” and discussed ways to end the dispute."
    )
    assert not _statuses(digest, "Ana Perez"), digest["participations"]


def test_the_infinitive_under_a_refusal_is_no_attendance(run):
    digest = run(
        "The union was invited to the peace conference in Lome on Monday. Some of its leaders "
        "received personal invitations but refused to come."
    )
    statuses = _statuses(digest, "leaders")
    assert "declined" in statuses and "will_attend" not in statuses, digest["participations"]


def test_refusing_to_discuss_a_point_still_puts_a_side_at_the_talks(run):
    digest = run(
        "The peace talks opened in Lome on Monday. Bolivia refused to discuss the points on the agenda."
    )
    assert has_fact(digest, "participations", "Bolivia", "attended"), digest["participations"]


def test_not_having_decided_whether_to_attend_is_undecided(run):
    digest = run(
        "The union was invited to the peace conference in Lome next week. Bolivia has not yet "
        "decided whether to attend, and Chile decided not to attend."
    )
    assert has_fact(digest, "participations", "Bolivia", "undecided"), digest["participations"]
    assert "declined" not in _statuses(digest, "Bolivia"), digest["participations"]
    assert has_fact(digest, "participations", "Chile", "declined"), digest["participations"]


def test_staying_away_from_a_ceremony_is_no_attendance(run):
    digest = run(
        "Ghana and Togo began signing a border accord on Friday at a ceremony in Accra attended by "
        "several heads of state, but the main rebel alliance from the north stayed away."
    )
    statuses = _statuses(digest, "main rebel alliance")
    assert "attended" not in statuses and "declined" in statuses, digest["participations"]


def test_the_possibility_of_taking_part_states_no_plan(run):
    digest = run(
        "Peace talks between Chile and Peru will open in Lima on Friday. Washington said the plan "
        "would eliminate the possibility of President Luis Arce taking part."
    )
    assert not _statuses(digest, "Luis Arce"), digest["participations"]


def test_no_chance_of_talks_with_a_side_names_no_party(run):
    digest = run(
        "Peace talks between Chile and Peru will open in Lima on Friday. There is no chance of "
        "allowing the Aymara rebels a seat for their talks with Bolivia."
    )
    assert not _statuses(digest, "Bolivia"), digest["participations"]
