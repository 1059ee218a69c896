"""Sessions inside a conference told by a qualified noun (published Wednesday 2024-03-06)."""

from __future__ import annotations

from conftest import names


def test_working_groups_during_a_conference_are_a_held_session(run):
    digest = run(
        "The Vienna conference on Ostria opened on Monday. During the day, in a series of working "
        "groups led by the Swiss Foreign Ministry, delegates discussed prisoner swaps."
    )
    groups = [m for m in digest["meetings"] if m["name"] == "working groups"]
    assert [m["status"] for m in groups] == ["held"]
    chaired = {
        names(digest)[p["actor"]]: (p["status"], p["role"])
        for p in digest["participations"]
        if p["meeting"] == groups[0]["id"]
    }
    assert chaired.get("Swiss Foreign Ministry") == ("attended", "mediator")


def test_working_groups_to_be_created_are_bodies(run):
    digest = run("The two presidents met in Vienna and agreed to create working groups on trade.")
    assert "working groups" not in [m["name"] for m in digest["meetings"]]
