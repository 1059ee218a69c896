"""Heads of delegations share the statuses of the side their delegation stands for (participation.leaders)."""

from __future__ import annotations

from conftest import has_fact


def test_a_head_titled_in_a_second_conjunct_shares_the_side_s_refusal(run):
    digest = run(
        "The Peruvian government said on Sunday it would not attend the talks with the rebels in "
        'Quito. "We are leaving," said Luis Vega, speaker of the congress and chief of the '
        "government delegation."
    )
    assert has_fact(digest, "participations", "Luis Vega", "declined"), digest["participations"]


def test_the_head_of_a_government_delegation_attends_with_the_government(run):
    digest = run(
        "Talks between the Peruvian government and the rebels resumed in Lima on Monday. The head of "
        "the government delegation, Luis Vega, expressed hope for an agreement."
    )
    assert has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]


def test_a_side_word_shared_by_two_actors_names_no_side(run):
    digest = run(
        "Talks between the Peruvian government and the Ecuadorean government will open in Lima next "
        "week. The Ecuadorean government said it would not attend. The head of the government "
        "delegation, Luis Vega, said he hoped for an agreement."
    )
    assert not has_fact(digest, "participations", "Luis Vega", "declined"), digest["participations"]


def test_a_side_led_by_someone_has_them_at_the_talks(run):
    digest = run(
        "Peace talks between Chile and Peru will open in Lima on Friday. The Peruvian side will be "
        "led by Javier Perez."
    )
    names = {a["id"]: a["name"] for a in digest["actors"]}
    perez = {p["status"] for p in digest["participations"] if names[p["actor"]] == "Javier Perez"}
    assert perez == {"will_attend"}, digest["participations"]


def test_the_head_of_a_team_that_arrived_arrived(run):
    digest = run(
        "Talks between the Chilean government and Aymara rebels due to start in Lima on Thursday "
        "were called off. The government team, led by Health Minister Javier Perez, had arrived "
        "in Lima on Wednesday."
    )
    names = {a["id"]: a["name"] for a in digest["actors"]}
    perez = {p["status"] for p in digest["participations"] if names[p["actor"]] == "Javier Perez"}
    assert perez == {"arrived"}, digest["participations"]
