"""Members of a delegation share its attendance (participation.members)."""

from __future__ import annotations

from conftest import has_fact

_OPEN = "Peace talks between Peru and the rebels resumed in Lima on Monday. "


def test_a_membership_list_through_semicolons_attends_talks_under_way(run):
    digest = run(
        _OPEN + "The Peruvian representation is made up of lawmakers Ana Torres and Luis Vega; "
        "ministers Jorge Paz and Rosa Diaz; and the secretary of the Rights Council, Juan Perez."
    )
    for name in ("Luis Vega", "Jorge Paz", "Rosa Diaz", "Juan Perez"):
        assert has_fact(digest, "participations", name, "attended"), (name, digest["participations"])


def test_a_relative_membership_clause_names_members(run):
    digest = run(
        _OPEN + "Ricardo Palma heads the rebel delegation, which includes Maria Soto and Pedro Lima."
    )
    assert has_fact(digest, "participations", "Maria Soto", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Pedro Lima", "attended")


def test_members_of_a_delegation_for_scheduled_talks_will_attend(run):
    digest = run(
        "Peace talks between Peru and the rebels will open in Lima next week. The government "
        "delegation will be led by Ricardo Palma and will also feature President Alan Garcia's son, "
        "Pedro Garcia."
    )
    assert has_fact(digest, "participations", "Pedro Garcia", "will_attend"), digest["participations"]
    assert not has_fact(digest, "participations", "Alan Garcia", "will_attend"), "a possessor is no member"


def test_a_head_beside_the_list_is_head_of_delegation(run):
    digest = run(
        _OPEN + "The government delegation included Luis Vega and Maria Soto. It was led by "
        "Defense Minister Ramon Castilla."
    )
    assert has_fact(digest, "participations", "Ramon Castilla", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Ramon Castilla", "head_of_delegation", field="role")


def test_a_leading_participle_names_the_head(run):
    digest = run(_OPEN + "Led by Senator Ana Torres, the delegation is comprised of Luis Vega and Jorge Paz.")
    assert has_fact(digest, "participations", "Ana Torres", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Jorge Paz", "attended")


def test_a_name_in_a_clause_of_its_own_is_no_member(run):
    digest = run(_OPEN + "The delegation includes Luis Vega, who was appointed by Maria Soto.")
    assert has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]
    assert not has_fact(digest, "participations", "Maria Soto", "attended")


def test_a_delegation_said_to_come_and_to_be_there_gives_members_one_status(run):
    digest = run(
        _OPEN + "The rebel delegation said it would attend. The rebel delegation attended the talks "
        "and includes Luis Vega."
    )
    assert has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]
    assert not has_fact(digest, "participations", "Luis Vega", "will_attend")


def test_the_head_of_a_negotiating_team_attends_talks_under_way(run):
    digest = run(
        _OPEN
        + "The head of the Peruvian negotiating team, Luis Vega, warned that there had been no progress."
    )
    assert has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Luis Vega", "head_of_delegation", field="role")


def test_a_delegation_member_title_attends_talks_under_way(run):
    digest = run(
        _OPEN
        + "Peruvian trade minister and delegation member Luis Vega said the rebels had rejected an offer."
    )
    assert has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]


def test_the_head_of_a_team_that_is_not_a_side_s_is_not_put_at_the_talks(run):
    digest = run(_OPEN + "The head of the national football team, Luis Vega, said the match would go ahead.")
    assert not has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]


def test_the_head_of_a_standing_mission_to_a_country_is_not_put_at_the_talks(run):
    digest = run(_OPEN + "Luis Vega, the head of the EU delegation to Peru, said the talks were important.")
    assert not has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]


def test_a_team_of_no_side_has_no_members_at_the_talks(run):
    digest = run(_OPEN + "The national football team includes Luis Vega and Jorge Paz.")
    assert not has_fact(digest, "participations", "Luis Vega", "attended"), digest["participations"]
