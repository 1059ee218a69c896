"""Participants told by objects and nouns: whom a side meets at the talks, who the talks involve,
whose arrival is reported or awaited, and a bare surname standing for a person named before."""

from __future__ import annotations

from conftest import has_fact


def test_whom_a_side_meets_at_talks_named_in_the_clause_attends(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday. Rafael Correa met with "
        "Alan Garcia, the host of the peace talks, on Tuesday."
    )
    assert has_fact(digest, "participations", "Alan Garcia", "attended"), digest["participations"]


def test_a_meeting_with_someone_told_on_its_own_names_nobody_at_the_talks(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday. Speaking after meeting with "
        "Pope Francis in Rome, Rafael Correa said he was hopeful."
    )
    assert not has_fact(digest, "participations", "Pope Francis", "attended"), digest["participations"]


def test_talks_involving_a_side_name_it_a_party(run):
    digest = run("The proximity talks in Lima, also involving Ecuador, resumed on Monday.")
    assert has_fact(digest, "participations", "Ecuador", "attended"), digest["participations"]


def test_the_arrival_of_a_person_is_arrived_and_awaited_arrival_is_ahead(run):
    digest = run(
        "The Lima talks began late on Monday because of the late arrival of Ecuadorean Foreign "
        "Minister Ricardo Patino."
    )
    assert has_fact(digest, "participations", "Ricardo Patino", "arrived"), digest["participations"]
    ahead = run(
        "Peace talks will open in Lima on Friday. In Lima, preparations were complete for the "
        "arrival of President Rafael Correa."
    )
    assert has_fact(ahead, "participations", "Rafael Correa", "will_attend"), ahead["participations"]


def test_a_bare_surname_names_the_person_named_in_full_before(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday with Ecuadorean Foreign "
        "Minister Ricardo Patino present. Patino met with the Peruvian delegation at the talks on Tuesday."
    )
    assert has_fact(digest, "participations", "Ricardo Patino", "attended"), digest["participations"]
