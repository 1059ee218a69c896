"""Meetings: venues, rounds, focus, status histories and dates (published Wednesday 2024-03-06)."""

from __future__ import annotations

import pytest

from conftest import names

STATUS_CASES = [
    (
        "The talks in Geneva, scheduled for March 12, were postponed until March 19.",
        "postponed",
        "2024-03-19",
        ["scheduled", "postponed"],
    ),
    (
        "The fifth round of talks in Geneva is due to begin on Monday.",
        "scheduled",
        "2024-03-11",
        ["scheduled"],
    ),
    ("Negotiations in Doha collapsed on Tuesday.", "cancelled", None, ["cancelled"]),
    ("The summit in Addis Ababa was suspended on Monday.", "suspended", None, ["suspended"]),
    ("The talks in Vienna ended on Friday without a deal.", "concluded", None, ["concluded"]),
    ("Talks in Jeddah resumed on Tuesday.", "ongoing", "2024-03-05", ["ongoing"]),
    ("The meeting in Oslo will take place on March 20.", "scheduled", "2024-03-20", ["scheduled"]),
    ("The conference in Berlin was called off.", "cancelled", None, ["cancelled"]),
]


@pytest.mark.parametrize("text, status, start, history", STATUS_CASES)
def test_meeting_status_and_start(run, text, status, start, history):
    (meeting,) = run(text)["meetings"]
    assert meeting["status"] == status
    assert meeting["start"] == start
    assert [h["status"] for h in meeting["history"]] == history


def test_meeting_dates_of_events_stay_in_history(run):
    """'collapsed on Tuesday' dates the collapse, not the start; 'ended on Friday' the end."""
    (collapsed,) = run("Negotiations in Doha collapsed on Tuesday.")["meetings"]
    assert collapsed["history"][-1]["start"] == "2024-03-05"
    (ended,) = run("The talks in Vienna opened on Monday and ended on Tuesday.")["meetings"]
    assert (ended["start"], ended["end"], ended["status"]) == ("2024-03-04", "2024-03-05", "concluded")


def test_meeting_round_and_venue(run):
    (meeting,) = run("The fifth round of talks in Geneva is due to begin on Monday.")["meetings"]
    assert meeting["round"] == 5
    assert meeting["venue"] == {"city": "Geneva", "country": "CHE"}


def test_meeting_focus_and_distinct_venues(run):
    digest = run(
        "The Geneva talks were postponed. The talks in Doha went ahead. The talks will focus on prisoners."
    )
    by_city = {m["venue"]["city"]: m for m in digest["meetings"]}
    assert set(by_city) == {"Geneva", "Doha"}
    assert "talks" in by_city["Doha"]["aliases"]  # "the talks" after Doha refers to Doha


def test_meeting_past_round_is_distinct(run):
    digest = run(
        "The talks in Astana are set for Monday. The last meeting in Astana produced no breakthrough."
    )
    statuses = sorted(m["status"] for m in digest["meetings"])
    assert statuses == ["held", "scheduled"]


def test_meeting_sponsor(run):
    digest = run("The meeting in Geneva, sponsored by the United Nations, is scheduled for March 20.")
    (meeting,) = digest["meetings"]
    assert [names(digest)[s] for s in meeting["sponsors"]] == ["United Nations"]


def test_meeting_duration_sets_end(run):
    (meeting,) = run("The talks in Oslo are due to begin on Monday and expected to last three days.")[
        "meetings"
    ]
    assert (meeting["start"], meeting["end"]) == ("2024-03-11", "2024-03-13")


def test_meeting_history_adverb_keeps_current_schedule(run):
    digest = run("The talks in Geneva are scheduled for March 23. The talks have been delayed twice.")
    (meeting,) = digest["meetings"]
    assert meeting["status"] == "scheduled"
    assert meeting["start"] == "2024-03-23"


def test_meeting_status_in_quotes_is_ignored(run):
    digest = run('The talks in Doha are set for Monday. "The talks have collapsed," a source said.')
    assert digest["meetings"][0]["status"] == "scheduled"


def test_meeting_evidence_quotes_body(run):
    text = "The talks in Geneva were postponed until Thursday."
    digest = run(text)
    for ev in digest["meetings"][0]["evidence"] + [h["evidence"] for h in digest["meetings"][0]["history"]]:
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_meeting_status_from_a_noun(run):
    (meeting,) = run("Negotiators sat down in Doha on Saturday for the start of peace talks.")["meetings"]
    assert (meeting["status"], meeting["start"]) == ("ongoing", "2024-03-02")


def test_meeting_background_does_not_override_current_status(run):
    digest = run("Peace talks in Pretoria began on Monday. The talks had initially been set for February 26.")
    (meeting,) = digest["meetings"]
    assert meeting["status"] == "ongoing"
    assert [h["status"] for h in meeting["history"]] == ["scheduled", "ongoing"]


def test_meeting_next_round_is_distinct(run):
    digest = run("The talks in Oslo ended on Tuesday. The next round will be held in April.")
    statuses = sorted((m["status"], m["venue"]["city"]) for m in digest["meetings"])
    assert statuses == [("concluded", "Oslo"), ("scheduled", "Oslo")]
