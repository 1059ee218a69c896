"""An invented negotiation process told by six short reports (our own words), as digests.

What it exercises in the merge: the reports arrive out of order; a later
report restates an earlier state ("initially scheduled"); the venue moves from
one town to another on the same dates; one armed group is typed differently
by two reports; a state's delegation is named for its state; a generic "the
government" stands for the one government at the table; a past round is
mentioned in passing and a next round announced.
"""

from __future__ import annotations

from typing import Any

from store_fixtures import actor, digest, ev, meeting, part

R1 = (
    "Lusaka, 1 March - The fifth round of talks between Kaweri and the Tana Liberation Army "
    "will open in Lusaka on March 12. The Tana Liberation Army has been invited. "
    "The Kaweri government said it would attend"
)
R2 = (
    "Livingstone, 8 March - The fifth round of talks will now be held in Livingstone, "
    "still from March 12. The Tana Liberation Army said it would send a team. "
    "The fourth round in Lusaka ended on 20 January"
)
R3 = (
    "Livingstone, 13 March - The fifth round of talks opened on Tuesday in Livingstone. "
    "The Tana Liberation Army delegation arrived on Monday. The Zambian delegation hosts the talks"
)
R4 = (
    "Livingstone, 16 March - The fifth round of talks ended on Friday in Livingstone. "
    "The government took part in all sessions"
)
R5 = (
    "Nairobi, 20 March - The fifth round of talks, initially scheduled for Lusaka, ended last week. "
    "A sixth round is planned for April in Lusaka"
)
R6 = (
    "Lusaka, 21 March - The sixth round of talks has been postponed to May. "
    "The Tana Liberation Army declined to say whether it would come"
)

TLA = "Tana Liberation Army"


def _round(
    body: str,
    mid: str,
    round_: int,
    city: str | None,
    status: str,
    start: str | None,
    history: list[tuple[str, str | None, str]],
) -> dict[str, Any]:
    return meeting(
        mid,
        f"round {round_} of talks",
        city=city,
        status=status,
        start=start,
        round_=round_,
        history=[{"status": s, "start": d, "evidence": ev(body, sentence)} for s, d, sentence in history],
        evidence=[ev(body, history[0][2])],
    )


def _venue(m: dict[str, Any], country: str | None = "ZMB") -> dict[str, Any]:
    m["venue"]["country"] = country
    return m


def reports() -> list[dict[str, Any]]:
    """The six digests, in publication order."""
    s1 = R1.split(". ")
    d1 = digest(
        R1,
        "2024-03-01",
        actors=[actor("a1", TLA, "armed_group"), actor("a2", "Kaweri government", "government")],
        meetings=[_venue(_round(R1, "m1", 5, "Lusaka", "scheduled", "2024-03-12",
                                [("scheduled", "2024-03-12", s1[0])]))],
        participations=[
            part("m1", "a1", "invited", ev(R1, s1[1])),
            part("m1", "a2", "will_attend", ev(R1, s1[2])),
        ],
    )
    s2 = R2.split(". ")
    d2 = digest(
        R2,
        "2024-03-08",
        actors=[actor("a1", TLA, "opposition")],  # typed differently by this report
        meetings=[
            _venue(_round(R2, "m1", 5, "Livingstone", "scheduled", "2024-03-12",
                          [("scheduled", "2024-03-12", s2[0])])),
            _venue(_round(R2, "m2", 4, "Lusaka", "held", "2024-01-20", [("held", "2024-01-20", s2[2])])),
        ],
        participations=[part("m1", "a1", "will_attend", ev(R2, s2[1]))],
    )
    s3 = R3.split(". ")
    d3 = digest(
        R3,
        "2024-03-13",
        actors=[
            actor("a1", "Tana Liberation Army delegation", "group"),
            actor("a2", "Zambian delegation", "group", key="ZMB:delegation", country="ZMB"),
        ],
        meetings=[_venue(_round(R3, "m1", 5, "Livingstone", "ongoing", "2024-03-12",
                                [("ongoing", "2024-03-12", s3[0])]))],
        participations=[
            part("m1", "a1", "arrived", ev(R3, s3[1])),
            part("m1", "a2", "attended", ev(R3, s3[2]), role="host"),
        ],
    )
    s4 = R4.split(". ")
    d4 = digest(
        R4,
        "2024-03-16",
        actors=[actor("a1", "government", "government")],
        meetings=[_venue(_round(R4, "m1", 5, "Livingstone", "concluded", "2024-03-12",
                                [("concluded", "2024-03-12", s4[0])]))],
        participations=[part("m1", "a1", "attended", ev(R4, s4[1]))],
    )
    s5 = R5.split(". ")
    d5 = digest(
        R5,
        "2024-03-20",
        meetings=[
            # the background clause first, then the news: the digest's own order
            _venue(_round(R5, "m1", 5, None, "concluded", None,
                          [("scheduled", None, s5[0]), ("concluded", None, s5[0])]), None),
            _venue(_round(R5, "m2", 6, "Lusaka", "scheduled", "2024-04", [("scheduled", "2024-04", s5[1])])),
        ],
    )
    s6 = R6.split(". ")
    d6 = digest(
        R6,
        "2024-03-21",
        actors=[actor("a1", TLA, "armed_group")],
        meetings=[_venue(_round(R6, "m1", 6, "Lusaka", "postponed", "2024-05",
                                [("postponed", "2024-05", s6[0])]))],
        participations=[part("m1", "a1", "undecided", ev(R6, s6[1]))],
    )
    return [d1, d2, d3, d4, d5, d6]
