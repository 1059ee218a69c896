"""Waiting for a meeting (published Wednesday 2024-03-06)."""

from __future__ import annotations

from conftest import names


def test_sides_waiting_for_a_session_attend_it(run):
    digest = run(
        "Talks between the Karlan government and the Ostra rebels opened in Vienna on Wednesday. "
        "The Ostra rebels waited in a separate hall for the brief opening session, which adjourned "
        "after an hour."
    )
    session = next(m for m in digest["meetings"] if m["name"].endswith("opening session"))
    at_session = [p for p in digest["participations"] if p["meeting"] == session["id"]]
    there = {names(digest)[p["actor"]]: p["status"] for p in at_session}
    assert there.get("Ostra rebels") == "attended"


def test_waiting_for_a_reply_is_no_attendance(run):
    digest = run(
        "Talks between the Karlan government and the Ostra rebels open in Vienna on Friday. "
        "The Ostra rebels waited for a reply from the mediator."
    )
    statuses = {p["status"] for p in digest["participations"] if names(digest)[p["actor"]] == "Ostra rebels"}
    assert "attended" not in statuses
