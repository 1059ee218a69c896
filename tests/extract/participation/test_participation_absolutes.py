"""Roles told by an absolute 'with' phrase (participation.absolutes)."""

from __future__ import annotations

from conftest import has_fact


def test_with_x_mediating_names_the_mediator_of_scheduled_talks(run):
    digest = run(
        "Chile will host a new round of talks between Peru's government and the rebels with Norway "
        "mediating, the president said Thursday."
    )
    assert has_fact(digest, "participations", "Norway", "will_attend"), digest["participations"]
    assert has_fact(digest, "participations", "Norway", "mediator", field="role")


def test_with_two_mediators_at_talks_under_way(run):
    digest = run(
        "Talks between Peru and the rebels resumed in Lima on Monday, with Chile and Brazil mediating."
    )
    assert has_fact(digest, "participations", "Chile", "attended"), digest["participations"]
    assert has_fact(digest, "participations", "Brazil", "attended")


def test_a_with_phrase_of_other_words_names_no_mediator(run):
    digest = run(
        "Talks between Peru and the rebels resumed in Lima on Monday, with the economy of Chile "
        "worsening and Brazil mediating a trade dispute elsewhere."
    )
    assert not has_fact(digest, "participations", "Chile", "attended"), digest["participations"]
