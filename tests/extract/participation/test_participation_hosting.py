"""Guests named as the object of a hosting verb (participation.hosting)."""

from __future__ import annotations

from conftest import has_fact


def test_delegations_a_host_will_receive_will_attend(run):
    digest = run(
        "Peru said it will host Ecuadorean and Chilean delegations on Wednesday for talks on "
        "fishing rights in Lima."
    )
    assert has_fact(digest, "participations", "Ecuadorean delegation", "will_attend"), digest[
        "participations"
    ]


def test_representatives_hosted_at_talks_under_way_attended(run):
    digest = run(
        "Talks on the border opened in Lima on Monday. Peru hosted negotiators of the rebel "
        "movement at the talks."
    )
    assert has_fact(digest, "participations", "rebel movement", "attended"), digest["participations"]


def test_hosting_refugees_names_no_guests_of_the_talks(run):
    digest = run("Talks on the border opened in Lima on Monday. Peru hosts thousands of Venezuelan refugees.")
    assert not any(
        "refugees" in a["name"]
        for a in digest["actors"]
        for p in digest["participations"]
        if p["actor"] == a["id"]
    ), digest["participations"]


def test_a_headline_verb_tagged_as_a_noun_still_hosts(run):
    digest = run(
        "Peruvian city hosts delegates of the rebel movement in bid to end the war.\n\n"
        "Peace talks between Peru and the rebels resumed in Lima on Monday."
    )
    assert has_fact(digest, "participations", "rebel movement", "attended"), digest["participations"]


def test_the_place_guests_are_welcomed_at_is_no_guest(run):
    digest = run(
        "Talks on the border opened in Lima on Monday. Foreign Minister Luis Vega welcomed the "
        "delegations at the foreign ministry."
    )
    assert not has_fact(digest, "participations", "foreign ministry", "attended"), digest["participations"]
