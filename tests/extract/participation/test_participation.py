"""Participation statuses, roles and hedges on short news sentences."""

from __future__ import annotations

import pytest

from conftest import has_fact, names

CASES = [
    ("Egypt invited Hamas and Israel to the talks in Cairo.", {("Hamas", "invited"), ("Israel", "invited")}),
    (
        "Those invited to the summit in Doha include the Taliban, Pakistan and China.",
        {("Taliban", "invited"), ("Pakistan", "invited"), ("China", "invited")},
    ),
    ("The Houthis were not invited to the talks in Muscat.", {("Houthis", "not_invited")}),
    ("The Sudanese government will attend the talks in Jeddah.", {("Sudanese government", "will_attend")}),
    ("Ukraine plans to send a delegation to the talks in Istanbul.", {("Ukraine", "will_attend")}),
    (
        "Abdel Fattah al-Burhan arrived in Jeddah on Tuesday for the talks in Jeddah.",
        {("Abdel Fattah al-Burhan", "arrived")},
    ),
    ("Colombia took part in the talks in Havana last week.", {("Colombia", "attended")}),
    ("The ELN is still deciding whether to attend the talks in Havana.", {("ELN", "undecided")}),
    ("The opposition will not attend the talks in Geneva.", {("opposition", "declined")}),
    ("The talks in Cairo open on Sunday. It is not clear if Israel will attend.", {("Israel", "undecided")}),
    ("The talks in Cairo open on Sunday. Israel said it will boycott the meeting.", {("Israel", "declined")}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_participation_status(run, text, expected):
    digest = run(text)
    for actor, status in expected:
        assert has_fact(digest, "participations", actor, status), digest["participations"]


def test_participation_observer_role(run):
    digest = run(
        "Talks between Armenia and Azerbaijan open in Washington on Monday. "
        "Turkey said it will attend the talks in Washington only as an observer."
    )
    who = names(digest)
    roles = {(who[p["actor"]], p["status"], p["role"]) for p in digest["participations"]}
    assert ("Turkey", "will_attend", "observer") in roles


def test_participation_hedged(run):
    digest = run("The talks in Doha resume on Friday. Hamas is likely to send a delegation to Doha.")
    hedged = [p for p in digest["participations"] if names(digest)[p["actor"]] == "Hamas"]
    assert hedged and all(p["hedged"] for p in hedged)


def test_participation_needs_a_meeting(run):
    assert run("Hamas said it will send a delegation.")["participations"] == []


def test_participation_ignores_quoted_words(run):
    digest = run('The talks in Geneva open on Monday. "We have arrived at a turning point," Smith said.')
    assert not [p for p in digest["participations"] if p["status"] == "arrived"]


@pytest.mark.parametrize(
    "text, status",
    [
        ("The talks in Doha, hosted by Qatar, opened on Saturday.", "attended"),
        ("The talks in Doha, hosted by Qatar, will open next week.", "will_attend"),
    ],
)
def test_participation_host_follows_the_meeting_tense(run, text, status):
    digest = run(text)
    assert has_fact(digest, "participations", "Qatar", status)
    assert all(p["role"] == "host" for p in digest["participations"] if p["status"] == status)
