"""Venues: from the meeting noun, its verb, a state's capital, unknown cities and datelines."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, city, country",
    [
        ("The Geneva talks will resume on Monday.", "Geneva", "CHE"),
        ("Talks in Doha resumed on Tuesday.", "Doha", "QAT"),
        ("Consultations are expected to open in Stockholm next month.", "Stockholm", "SWE"),
        ("The delegations met for a meeting in the Turkish resort of Antalya.", "Antalya", "TUR"),
        ("The parties returned to the talks in the Ethiopian capital on Thursday.", "Addis Ababa", "ETH"),
        ("Aliyev pulled out of a planned meeting in the Spanish city of Granada.", "Granada", "ESP"),
        ("Three rounds of talks held in Belarus produced no result.", None, "BLR"),
    ],
)
def test_meeting_venue(run, text, city, country):
    venues = [(m["venue"]["city"], m["venue"]["country"]) for m in run(text)["meetings"]]
    assert (city, country) in venues


def test_meeting_told_by_its_verb(run):
    digest = run("Aliyev and Pashinyan met in Prague last October.")
    (meeting,) = digest["meetings"]
    assert (meeting["venue"]["city"], meeting["status"]) == ("Prague", "held")
    attended = {p["actor"] for p in digest["participations"] if p["status"] == "attended"}
    names = {a["id"]: a["name"] for a in digest["actors"]}
    assert {names[a] for a in attended} >= {"Ilham Aliyev", "Nikol Pashinyan"}


def test_dateline_places_talks_without_venue(run):
    (meeting,) = run("ARUSHA, Tanzania (Reuters) - Peace talks were postponed by a week.")["meetings"]
    assert meeting["venue"] == {"city": "Arusha", "country": "TZA"}


def test_dateline_does_not_override_a_named_venue(run):
    digest = run("NAIROBI (Reuters) - Talks in Addis Ababa were postponed.")
    assert [m["venue"]["city"] for m in digest["meetings"]] == ["Addis Ababa"]
