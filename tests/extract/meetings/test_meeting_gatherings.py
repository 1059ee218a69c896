"""Meetings told by sides gathering with no place named (dateline GENEVA, 2024-03-06)."""

from __future__ import annotations

from conftest import names


def test_counterparts_gathering_meet_where_the_report_is_filed(run):
    digest = run(
        "GENEVA (Reuters) - The Ostrian envoy flew into Geneva on Wednesday as his counterparts from "
        "Norway, Chile and Peru gathered to prepare the restart of talks on the Ostrian war."
    )
    gathered = [m for m in digest["meetings"] if "gathering" in m["aliases"]]
    assert [m["venue"]["city"] for m in gathered] == ["Geneva"]
    there = {names(digest)[p["actor"]] for p in digest["participations"] if p["meeting"] == gathered[0]["id"]}
    assert {"Norway", "Chile", "Peru"} <= there
    assert len(digest["meetings"]) == 2  # the talks to restart are another meeting


def test_protesters_gathering_are_no_meeting(run):
    digest = run("GENEVA (Reuters) - Hundreds of protesters gathered on Wednesday as the talks opened.")
    assert all("gathering" not in m["aliases"] for m in digest["meetings"])
