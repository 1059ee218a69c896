"""Participation implied by how a meeting is named: its sides, host, mediator and verb."""

from __future__ import annotations

import pytest

from conftest import has_fact

CASES = [
    # a meeting whose subject 'included' people names who was there
    (
        "Envoys met in Nairobi on Monday. The meetings on Monday included Deputy Minister Piotr Lind and"
        " General Omar Sadi.",
        {("Piotr Lind", "attended"), ("Omar Sadi", "attended")},
    ),
    # the sides named by "between" take the status of the clause's meeting verb
    (
        "Talks between Chad and the FACT rebels resumed in Doha on Monday.",
        {("Chad", "attended"), ("FACT", "attended")},
    ),
    (
        "Talks between Chad and the FACT rebels will resume in Doha next week.",
        {("Chad", "will_attend"), ("FACT rebels", "will_attend")},
    ),
    # a participle before the meeting noun names its host
    ("Ethiopia walked out of the Kenyan-hosted talks on Tuesday.", {("Kenya", "attended")}),
    # the subject of a meeting verb is a party
    (
        "Mali and Algeria extended their talks in Algiers on Sunday.",
        {("Mali", "attended"), ("Algeria", "attended")},
    ),
    # the subject of a verb of presence at the meeting
    (
        "Serbia and Kosovo plunged into the negotiations in Brussels on Monday.",
        {("Serbia", "attended"), ("Kosovo", "attended")},
    ),
    # arriving at talks under way is taking part as well
    (
        "The talks in Geneva opened on Monday. Yemen arrived in Geneva on Monday to join them.",
        {("Yemen", "arrived"), ("Yemen", "attended")},
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_implied_participation(run, text, expected):
    digest = run(text)
    for actor, status in expected:
        assert has_fact(digest, "participations", actor, status), digest["participations"]


def test_one_fact_per_actor_status_and_meeting(run):
    digest = run(
        "The talks in Oslo opened on Monday. Norway hosts the talks. Norway is hosting the talks in Oslo."
    )
    keys = [(p["meeting"], p["actor"], p["status"]) for p in digest["participations"]]
    assert len(keys) == len(set(keys))


def test_a_boycott_is_not_attendance(run):
    digest = run("The talks in Arusha opened on Monday. The FNL boycotted the talks.")
    assert not has_fact(digest, "participations", "FNL", "attended")


def test_confirming_news_is_not_attending(run):
    digest = run("The talks in Minsk began on Monday, the foreign ministry of Belarus confirmed.")
    assert not [p for p in digest["participations"] if p["status"] == "will_attend"]


def test_reaching_an_agreement_is_not_arriving(run):
    digest = run("The talks in Vienna ended on Friday. Iran and France reached an agreement on prisoners.")
    assert not [p for p in digest["participations"] if p["status"] == "arrived"]


def test_an_event_attended_by_someone_is_not_the_meeting(run):
    digest = run("The talks in Belfast opened on Monday. The funeral was attended by Gerry Adams.")
    assert not has_fact(digest, "participations", "Gerry Adams", "attended")


def test_the_two_sides_are_the_parties_named_before(run):
    digest = run(
        "Talks between Morocco and the Polisario Front ended in Geneva on Monday. "
        "The two sides agreed to meet again for a third round in Lisbon."
    )
    later = {p["actor"] for p in digest["participations"] if p["status"] == "will_attend"}
    names = {a["id"]: a["name"] for a in digest["actors"]}
    assert {"Morocco", "Polisario Front"} <= {names[a] for a in later}


def test_an_invitation_offered_and_withdrawn(run):
    digest = run(
        "The talks in Geneva open on Monday. The UN chief extended an invitation to Iran on Sunday. "
        "On Monday he withdrew his invitation to Iran."
    )
    assert has_fact(digest, "participations", "Iran", "invited")
    assert has_fact(digest, "participations", "Iran", "not_invited")


def test_a_person_appointed_to_lead_the_delegation_leads_it(run):
    digest = run(
        "The talks in Istanbul open on Friday. The Kremlin appointed Sergei Lavrov to lead the delegation."
    )
    assert has_fact(digest, "participations", "Sergei Lavrov", "will_attend")
    assert not has_fact(digest, "participations", "Kremlin", "will_attend")


def test_a_thing_is_not_a_participant(run):
    digest = run("The talks in Doha open on Friday. An agreement with the Taliban will come later.")
    assert not has_fact(digest, "participations", "Taliban", "will_attend")


def test_a_plural_description_is_a_participant_with_its_listed_members(run):
    digest = run(
        "The talks in Arusha opened. Four small parties - the UPD and the MSD - boycotted the talks."
    )
    assert has_fact(digest, "participations", "Four small parties", "declined")
    assert has_fact(digest, "participations", "MSD", "declined")


def test_participation_noun_takes_the_status_of_its_verb(run):
    digest = run(
        "The conference in Naypyidaw opens on Wednesday. Organisers are still discussing the possible "
        "participation of the Arakan Army. The conference will go ahead without Iran's participation."
    )
    assert has_fact(digest, "participations", "Arakan Army", "undecided")
    assert has_fact(digest, "participations", "Iran", "not_invited")


def test_barring_from_attending_keeps_the_object_out(run):
    digest = run("The conference opens on Wednesday. The army decided to bar the Arakan Army from attending.")
    assert has_fact(digest, "participations", "Arakan Army", "not_invited")
    assert not [p for p in digest["participations"] if p["status"] == "will_attend"]


def test_a_sponsor_running_the_talks_takes_part(run):
    digest = run(
        "The talks in Algiers opened. The African Union, which is sponsoring the talks, sent envoys."
    )
    assert has_fact(digest, "participations", "African Union", "attended")


def test_trying_to_broker_talks_is_not_taking_part(run):
    digest = run("The talks in Oslo opened on Monday. Sweden has been trying to broker talks for years.")
    assert not has_fact(digest, "participations", "Sweden", "attended")


def test_an_arrival_noun_names_who_arrived(run):
    digest = run("The talks in Algiers opened. The arrival of foreign minister Osman Saleh delayed them.")
    assert has_fact(digest, "participations", "Osman Saleh", "arrived")


def test_may_attend_is_undecided(run):
    digest = run("The talks in Oslo are suspended. Duterte may be willing to go back to the talks.")
    assert has_fact(digest, "participations", "Duterte", "undecided")


def test_on_the_way_to_talks_under_way_is_not_yet_attending(run):
    digest = run("The talks in Naivasha resumed on Monday. Garang is going to the talks in Naivasha.")
    assert has_fact(digest, "participations", "Garang", "will_attend")


def test_not_meeting_face_to_face_is_not_a_boycott(run):
    digest = run("The talks in Cairo resumed on Monday. Israel and Hamas have not met face to face.")
    assert not [p for p in digest["participations"] if p["status"] == "declined"]


def test_inverted_and_adjectival_presence_at_talks_under_way(run):
    digest = run(
        "The summit in Palermo opened. Also attending the summit are Aguila Saleh and Khalid al-Mishri. "
        "Also present is Heraldo Munoz."
    )
    assert has_fact(digest, "participations", "Aguila Saleh", "attended")
    assert has_fact(digest, "participations", "Heraldo Munoz", "attended")


def test_the_head_of_a_delegation_shares_its_status(run):
    digest = run(
        "The talks in Geneva opened on Monday. Foreign Minister Ali Saleh, heading the government "
        "delegation, said the government delegation arrived on Sunday."
    )
    assert has_fact(digest, "participations", "Ali Saleh", "arrived")


def test_a_condition_states_no_arrival(run):
    digest = run(
        "The talks in Mexico City are suspended. They could resume on Monday if the delegates arrived."
    )
    assert not [p for p in digest["participations"] if p["status"] == "arrived"]


def test_countries_invited_to_attend_are_invited(run):
    digest = run(
        "The conference in Montreux opens on Wednesday. Iran was among ten countries invited to attend it."
    )
    assert has_fact(digest, "participations", "ten countries", "invited")


def test_confirming_that_others_will_attend_is_their_statement(run):
    digest = run(
        "The talks in Mexico open on Friday. Guaido confirmed that his supporters will attend the talks."
    )
    assert not has_fact(digest, "participations", "Guaido", "will_attend")


def test_blocking_a_participation_keeps_its_owner_out(run):
    digest = run(
        "The conference on Syria opens in Montreux next month. The US is blocking Iran's participation."
    )
    assert has_fact(digest, "participations", "Iran", "not_invited")
    assert not has_fact(digest, "participations", "Syria", "not_invited")


def test_failing_to_turn_up_is_declining(run):
    digest = run(
        "The talks in Harare began on Saturday. Opposition leader Morgan Tsvangirai failed to turn up. "
        "It is unclear whether the MDC would turn up."
    )
    assert has_fact(digest, "participations", "Morgan Tsvangirai", "declined")
    assert has_fact(digest, "participations", "MDC", "undecided")


def test_a_meeting_called_off_implies_no_one_at_it(run):
    digest = run(
        "A proposed meeting between India and Pakistan in Islamabad next week was called off on Monday."
    )
    assert not [p for p in digest["participations"] if p["status"] in ("attended", "will_attend")], digest[
        "participations"
    ]


def test_talks_launched_and_mediated_in_a_relative_clause(run):
    digest = run(
        "On Friday, the Bolivian government and the opposition launched the negotiations in La Paz "
        "that are mediated by Norway."
    )
    assert has_fact(digest, "participations", "Norway", "attended"), digest["participations"]
    assert not has_fact(digest, "participations", "La Paz", "attended")


def test_proposed_talks_name_no_participants(run):
    digest = run(
        "The talks in Lima resumed on Monday. In May, the opposition leader Keiko Fujimori proposed "
        "launching talks between the political forces of the country."
    )
    assert not has_fact(digest, "participations", "Keiko Fujimori", "attended"), digest["participations"]


def test_talks_that_begin_on_a_later_day_are_ahead(run):
    digest = run(
        "The negotiations between the Bolivian government and the opposition begin on March 20 in La Paz.",
        published="2024-03-06",
    )
    assert has_fact(digest, "participations", "Bolivian government", "will_attend"), digest["participations"]


def test_following_talks_with_someone_the_main_subject_held_them(run):
    digest = run(
        "Following talks with Kofi Annan in Lima on Monday, the opposition said it would halt its protests."
    )
    assert has_fact(digest, "participations", "opposition", "attended"), digest["participations"]


def test_a_side_on_its_way_to_talks_under_way_will_attend(run):
    digest = run(
        "Talks between Peru and the rebels resumed in Lima on Tuesday. Rebel chief Abimael Guzman was "
        "on his way to Lima on Wednesday for talks with President Alan Garcia."
    )
    assert has_fact(digest, "participations", "Abimael Guzman", "will_attend"), digest["participations"]
    assert not has_fact(digest, "participations", "Alan Garcia", "will_attend")


def test_the_subject_that_commenced_talks_took_part_in_them(run):
    digest = run(
        "Peru suspended talks with the rebels on Sunday. On February 3, the government and the "
        "rebels commenced talks in Chile."
    )
    earlier = [m["id"] for m in digest["meetings"] if m.get("start") == "2024-02-03"]
    facts = {(p["meeting"], p["status"]) for p in digest["participations"]}
    assert earlier and (earlier[0], "attended") in facts, (digest["meetings"], facts)


def test_the_sides_are_not_at_a_round_that_was_put_off(run):
    digest = run(
        "Peace talks between Ghana and Togo resumed in Accra on Monday. A first round planned for "
        "January was postponed after border clashes."
    )
    put_off = {m["id"] for m in digest["meetings"] if m["status"] == "postponed"}
    assert put_off, digest["meetings"]
    statuses = {p["status"] for p in digest["participations"] if p["meeting"] in put_off}
    assert "attended" not in statuses, digest["participations"]


def test_a_plan_told_of_talks_that_have_since_opened_does_not_keep_parties_ahead(run):
    digest = run(
        "Talks between the Karlan government and the Ostra rebels, postponed last week, opened in "
        "Vienna on Monday but were suspended on Tuesday after the rebels walked out."
    )
    names = {a["id"]: a["name"] for a in digest["actors"]}
    government = {p["status"] for p in digest["participations"] if names[p["actor"]] == "Karlan government"}
    assert government == {"attended"}, digest["participations"]


def _of(digest, name):
    names = {a["id"]: a["name"] for a in digest["actors"]}
    return {p["status"] for p in digest["participations"] if names[p["actor"]] == name}


def test_sides_set_to_resume_talks_will_attend(run):
    digest = run("Chile and Peru are set to resume talks in Lima on Friday, officials said.")
    assert _of(digest, "Chile") == {"will_attend"} and _of(digest, "Peru") == {"will_attend"}, digest


def test_weighing_whether_to_attend_gives_no_implied_plan(run):
    digest = run("Peru is considering whether to attend the talks in Lima on Friday.")
    assert _of(digest, "Peru") == {"undecided"}, digest["participations"]


def test_an_invitation_to_join_talks_gives_no_implied_plan(run):
    digest = run(
        "Peace talks between Chile and Peru will resume in Lima on Friday. Bolivia was invited to "
        "join the talks."
    )
    assert _of(digest, "Bolivia") == {"invited"}, digest["participations"]
