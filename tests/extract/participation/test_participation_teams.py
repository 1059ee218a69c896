"""Sides told by their negotiating teams as subjects of a clause naming the meeting."""

from __future__ import annotations

from conftest import has_fact


def test_nationality_negotiators_at_a_named_round_attend_as_their_states(run):
    digest = run(
        "Peruvian and Ecuadorean negotiators failed to achieve results during their third round of "
        "peace talks in Lima on Monday."
    )
    assert has_fact(digest, "participations", "Peru", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Ecuador", "attended")


def test_delegations_convening_for_a_scheduled_round_will_attend(run):
    digest = run(
        "Peruvian and Ecuadorean delegations will convene in Lima next week for a fourth round of "
        "peace talks."
    )
    assert has_fact(digest, "participations", "Peru", "will_attend"), digest["participations"]


def test_a_government_team_is_not_the_state(run):
    digest = run(
        "Peruvian government negotiators and the rebels started peace talks in Lima on Monday."
    )
    assert not has_fact(digest, "participations", "Peru", "attended"), digest["participations"]


def test_negotiators_who_have_not_met_face_to_face_in_the_venue_are_there(run):
    digest = run(
        "Indirect talks opened in Cairo on Monday. Negotiators from Peru and Ecuador have not met "
        "face-to-face in Cairo."
    )
    assert has_fact(digest, "participations", "Peru", "attended"), digest["participations"]


def test_a_delegation_absent_is_not_put_at_the_talks(run):
    digest = run(
        "Talks between Peru and the rebels resumed in Lima on Monday. The Ecuadorean delegation had "
        "not provided a reason for its absence at the talks."
    )
    assert not has_fact(digest, "participations", "Ecuador", "attended"), digest["participations"]


def test_a_compound_negotiator_title_shares_the_government_side(run):
    digest = run(
        "Government negotiators arrived in Oslo on Monday for peace talks with the rebels. "
        '"We are hopeful," chief government negotiator Humberto Rojas told reporters.'
    )
    assert has_fact(digest, "participations", "Humberto Rojas", "arrived"), digest["participations"]


def test_a_head_by_participle_shares_the_statuses_of_the_full_named_delegation(run):
    digest = run(
        "Peace talks opened in Geneva on Monday. Foreign Minister Ahmed Saleh, heading the government "
        "delegation, said the rebels were late. The Yemeni government delegation arrived on Sunday."
    )
    assert has_fact(digest, "participations", "Ahmed Saleh", "arrived"), digest["participations"]
    assert not has_fact(digest, "participations", "Ahmed Saleh", "will_attend")


def test_the_delegation_a_side_sent_stands_for_the_side(run):
    digest = run(
        "Peace talks between Peru and Ecuador opened in Lima on Monday. The delegation that Ecuador "
        "sent to Lima arrived on Sunday."
    )
    assert has_fact(digest, "participations", "Ecuador", "arrived"), digest["participations"]


def test_the_head_of_the_delegation_named_before_shares_its_arrival(run):
    digest = run(
        "A Chilean delegation arrived in Lima on Monday for peace talks with Peru. The government "
        "has appointed former minister Carlos Mendoza to lead the delegation."
    )
    assert has_fact(digest, "participations", "Carlos Mendoza", "arrived"), digest["participations"]


def test_a_side_told_twice_under_an_alias_is_kept_once():
    from types import SimpleNamespace

    from talkwatch.extract.participation.sides import said_twice
    from talkwatch.model import Participation

    actors = {
        "a1": SimpleNamespace(name="Chilean government delegation", aliases=["Chile"]),
        "a2": SimpleNamespace(name="Chile", aliases=["Chilean"]),
        "a3": SimpleNamespace(name="Peru", aliases=[]),
    }
    ctx = SimpleNamespace(actors=SimpleNamespace(get=actors.__getitem__))
    facts = [
        Participation("m1", "a1", "attended", None),
        Participation("m1", "a2", "attended", None),
        Participation("m1", "a2", "declined", None),
        Participation("m1", "a3", "attended", None),
    ]
    kept = [(f.actor, f.status) for f in said_twice(ctx, facts)]
    assert kept == [("a1", "attended"), ("a2", "declined"), ("a3", "attended")]
