"""Events implied by hand-built negotiation facts (no parsing needed)."""

from __future__ import annotations

from typing import Any

import pytest

from fake_actors import FakeIndex
from talkwatch.context import Context
from talkwatch.extract.events.from_facts import fact_events
from talkwatch.model import (
    Actor,
    Agreement,
    Article,
    Delegation,
    Evidence,
    Meeting,
    Participation,
    Position,
    StatusChange,
)

BODY = (
    "The Malian government and the Tuareg rebels met in Algiers on Monday under Algerian "
    "mediation. Norway invited the separatist front. The front walked out of the talks. "
    "Mali refused to attend the second round. The rebels threatened to quit the talks."
)


def ev(text: str) -> Evidence:
    start = BODY.index(text)
    return Evidence(start, start + len(text), text)


def _span(word: str) -> tuple[int, int]:
    i = BODY.index(word)
    return (i, i + len(word))


ACTORS = [
    Actor(
        "a1",
        "Malian government",
        "government",
        country="MLI",
        cameo="MLIGOV",
        mentions=[_span("Malian government"), _span("Mali refused")],
    ),
    Actor(
        "a2",
        "Tuareg rebels",
        "armed_group",
        country="MLI",
        cameo="MLIREB",
        mentions=[_span("Tuareg rebels")],
    ),
    Actor("a3", "Algeria", "state", country="DZA", cameo="DZA", mentions=[_span("Algerian")]),
    Actor("a4", "Norway", "state", country="NOR", cameo="NOR", mentions=[_span("Norway")]),
]


def make_ctx(**facts: list[Any]) -> Context:
    ctx = Context(
        article=Article(body=BODY, id="t", published="2024-03-04"),
        doc=None,
        actors=FakeIndex.over(BODY, ACTORS),
    )
    ctx.facts = {k: list(v) for k, v in facts.items()}
    return ctx


MEETING = Meeting(
    id="m1",
    name="Algiers talks",
    city="Algiers",
    country="DZA",
    start="2024-03-04",
    status="held",
    hosts=["a3"],
)


def codes_of(events: list[Any]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e.cameo, e.source, e.target, e.mode) for e in events]


def test_attendance_is_negotiation_at_a_third_location_and_mediation() -> None:
    parts = [
        Participation("m1", "a1", "attended", ev("The Malian government and the Tuareg rebels met")),
        Participation("m1", "a2", "attended", ev("The Malian government and the Tuareg rebels met")),
        Participation("m1", "a3", "attended", ev("under Algerian mediation"), role="mediator"),
    ]
    events = fact_events(make_ctx(meetings=[MEETING], participations=parts))
    got = codes_of(events)
    assert ("046", "a1", "a3", None) in got
    assert ("044", "a1", "a2", "third-party") in got  # Algiers is in neither side's country
    assert ("045", "a3", "a1", None) in got
    for e in events:
        assert isinstance(e.cameo, str) and e.date == "2024-03-04" and e.location == "Algiers, DZA"
    negotiation = next(e for e in events if e.cameo == "046")
    assert (negotiation.plover, negotiation.quad_class, negotiation.source_code) == (
        "CONSULT",
        1,
        "MLIGOV",
    )


def test_invitation_and_announced_attendance_are_intent_to_meet_in_future_mode() -> None:
    parts = [
        Participation("m1", "a4", "will_attend", ev("Norway invited the separatist front."), role="host"),
        Participation("m1", "a2", "invited", ev("Norway invited the separatist front.")),
        Participation("m1", "a1", "will_attend", ev("Norway invited the separatist front."), hedged=True),
    ]
    events = fact_events(make_ctx(meetings=[MEETING], participations=parts))
    got = codes_of(events)
    assert ("036", "a4", "a2", "future") in got  # the host invites
    assert ("036", "a1", "a4", "hypothetical") in got  # hedged attendance
    assert all(e.plover == "AGREE" for e in events if e.cameo == "036")


def test_declining_walking_out_and_threatening_to_quit() -> None:
    parts = [
        Participation("m1", "a1", "declined", ev("Mali refused to attend the second round.")),
        Participation("m1", "a2", "declined", ev("The front walked out of the talks.")),
        Participation("m1", "a2", "declined", ev("The rebels threatened to quit the talks.")),
        Participation("m1", "a3", "attended", ev("under Algerian mediation"), role="mediator"),
    ]
    got = codes_of(fact_events(make_ctx(meetings=[MEETING], participations=parts)))
    assert ("125", "a1", "a3", "negated") in got
    assert ("164", "a2", "a3", "withdraw") in got
    assert ("134", "a2", "a3", "relations") in got


def test_arrival_hosting_and_delegation() -> None:
    scheduled = Meeting(
        id="m2", name="Oslo round", city="Oslo", country="NOR", status="scheduled", hosts=["a4"]
    )
    parts = [
        Participation("m1", "a1", "arrived", ev("met in Algiers on Monday")),
        Participation("m1", "a3", "attended", ev("met in Algiers on Monday"), role="host"),
    ]
    dels = [
        Delegation("m2", "a2", ev("The front walked out of the talks."), size=5),
        Delegation("m1", "a1", ev("met in Algiers on Monday")),
    ]
    got = codes_of(
        fact_events(make_ctx(meetings=[MEETING, scheduled], participations=parts, delegations=dels))
    )
    assert ("042", "a1", "a3", "visit") in got
    assert ("043", "a3", "a1", "host") in got
    assert ("036", "a2", "a4", "future") in got  # delegation to an upcoming round
    assert ("042", "a1", "a3", "visit") in got


def test_suspended_meeting_is_a_halt() -> None:
    change = StatusChange("suspended", "2024-03-05", ev("The front walked out of the talks."))
    m = Meeting(
        id="m1",
        name="Algiers talks",
        city="Algiers",
        country="DZA",
        status="suspended",
        hosts=["a3"],
        history=[change],
    )
    events = fact_events(make_ctx(meetings=[m]))
    assert [(e.cameo, e.plover, e.date) for e in events] == [("164", "SANCTION", "2024-03-05")]


@pytest.mark.parametrize(
    ("stance", "issue", "code", "mode"),
    [
        ("demand", "direct talks with the government", "106", "meet"),
        ("demand", "the release of prisoners", "1053", "yield"),
        ("demand", "the resignation of the president", "1041", "change"),
        ("reject", "the resignation of the president", "1231", "negated"),
        ("reject", "the peace plan", "127", "negated"),
        ("support", "the mediator's proposal", "051", None),
        ("open", "negotiations", "036", "future"),
    ],
)
def test_positions(stance: str, issue: str, code: str, mode: str | None) -> None:
    pos = Position("a2", issue, stance, ev("The rebels threatened to quit the talks."))  # type: ignore[arg-type]
    events = fact_events(make_ctx(positions=[pos]))
    assert [(e.cameo, e.mode) for e in events] == [(code, mode)]
    assert events[0].source == "a2" and events[0].date == "2024-03-04"


def test_hedged_position_is_hypothetical() -> None:
    pos = Position("a2", "a ceasefire", "demand", ev("The rebels threatened"), hedged=True)
    (event,) = fact_events(make_ctx(positions=[pos]))
    assert (event.cameo, event.mode) == ("1056", "hypothetical")


def test_agreements() -> None:
    text = ev("The Malian government and the Tuareg rebels met")
    agreements = [
        Agreement(
            "ceasefire",
            text,
            start="2024-03-01",
            parties=("a1", "a2"),
            brokers=("a3",),
            status="in_force",
        ),
        Agreement("truce", text, parties=("a1", "a2"), status="violated"),
        Agreement("accord", text, parties=("a1", "a2"), status="signed"),
    ]
    got = codes_of(fact_events(make_ctx(agreements=agreements)))
    assert ("0871", "a1", "a2", "ceasefire") in got
    assert ("045", "a3", "a1", None) in got and ("045", "a3", "a2", None) in got
    assert ("196", "a1", "a2", None) in got
    assert ("057", "a1", "a2", None) in got
