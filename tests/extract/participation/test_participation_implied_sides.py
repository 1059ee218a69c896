"""Sides a meeting mention names: nationality pairs, people it includes (participation.implied)."""

from __future__ import annotations

from conftest import has_fact


def test_a_nationality_pair_names_both_states(run):
    digest = run("The Peruvian-Ecuadorean talks resumed in Lima last month.")
    assert has_fact(digest, "participations", "Peru", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Ecuador", "attended")


def test_an_adjective_and_a_name_pair_names_both_states(run):
    digest = run("The Peruvian-Ecuador negotiations will resume in Lima next week.")
    assert has_fact(digest, "participations", "Peru", "will_attend"), digest["participations"]
    assert has_fact(digest, "participations", "Ecuador", "will_attend")


def test_a_single_nationality_word_names_no_sides(run):
    digest = run("The Peruvian talks resumed in Lima last month.")
    assert not has_fact(digest, "participations", "Peru", "attended"), digest["participations"]


def test_people_a_meeting_is_said_to_include_attended(run):
    digest = run(
        "Talks on the border were held in Lima on Friday. The meetings included Peruvian ministers "
        "Luis Vega and Jorge Paz. The talks also included a discussion of fishing rights."
    )
    assert has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Jorge Paz", "attended")


def test_between_hung_on_the_meeting_s_participle_names_the_sides(run):
    digest = run(
        "The envoy said the conference would precede the talks scheduled to begin on Friday between "
        "the Peruvian government and the rebels in Lima."
    )
    assert has_fact(digest, "participations", "rebels", "will_attend"), digest["participations"]
    assert has_fact(digest, "participations", "Peruvian government", "will_attend")


def test_the_leaders_of_a_summit_are_the_people_at_it(run):
    digest = run(
        "Chilean President Gabriel Boric and Peruvian President Dina Boluarte met in Lima on "
        "Monday. A spokesman said the leaders had a constructive meeting."
    )
    names = {a["id"]: a["name"] for a in digest["actors"]}
    actors = {names[p["actor"]] for p in digest["participations"]}
    assert "leaders" not in actors, digest["participations"]


def test_leaders_of_named_states_are_not_read_as_the_people_so_far(run):
    digest = run(
        "Peace talks between Chile and Peru opened in Lima on Monday. The leaders of Brazil and "
        "Argentina attended as observers."
    )
    names = {a["id"]: a["name"] for a in digest["actors"]}
    actors = {names[p["actor"]] for p in digest["participations"]}
    assert {"Brazil", "Argentina"} <= actors, digest["participations"]


def test_the_two_sides_of_a_called_off_meeting_are_the_sides_it_names(run):
    digest = run(
        "Talks between Colombia and Venezuela due to start in Lima on Thursday were called off. "
        "The two sides last met in Quito in February."
    )
    quito = next(m for m in digest["meetings"] if (m["venue"] or {}).get("city") == "Quito")
    names = {a["id"]: a["name"] for a in digest["actors"]}
    there = {names[p["actor"]] for p in digest["participations"] if p["meeting"] == quito["id"]}
    assert len(there) == 2, digest["participations"]
