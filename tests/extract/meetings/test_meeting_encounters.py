"""Meetings told by 'X met Y in <place>' (published Wednesday 2024-03-06)."""

from __future__ import annotations

from conftest import names


def test_met_in_a_place_is_one_meeting_of_the_people(run):
    digest = run("President Ilham Aliyev met Prime Minister Nikol Pashinyan in Prague on Monday.")
    (meeting,) = digest["meetings"]
    assert meeting["venue"]["city"] == "Prague"
    who = {names(digest)[p["actor"]] for p in digest["participations"]}
    assert who == {"Ilham Aliyev", "Nikol Pashinyan"}


def test_place_hung_on_the_person_met_is_the_meeting_place(run):
    digest = run(
        "Last week, a Swiss team met the rebels' chief negotiator, Anton Bala, in Paris "
        "and later described the talks as useful."
    )
    (meeting,) = digest["meetings"]
    assert meeting["venue"]["city"] == "Paris"
    assert meeting["status"] == "held"
    assert "Anton Bala" in {names(digest)[p["actor"]] for p in digest["participations"]}


def test_person_met_named_in_apposition_attends(run):
    digest = run("On Monday the mayor met the Armenian prime minister, Nikol Pashinyan, in Yerevan.")
    who = {names(digest)[p["actor"]]: p["status"] for p in digest["participations"]}
    assert who.get("Nikol Pashinyan") == "attended"
