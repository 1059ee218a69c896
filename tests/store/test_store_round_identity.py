"""Rounds of one process a few days apart stay apart across reports.

A plan for "a new round on Wednesday", the second round held on Thursday and
the third round held the next Monday: the plan is the second round (the held
talks nearest its date), the third round's days do not reach back to the
second's through the plan's date, and "they agreed to meet again" told in the
report of the second round is not the first round the same report recalls.
"""

from __future__ import annotations

from store_fixtures import digest, ev, meeting

pytest_plugins = ("store_backends",)

FIRST = "The first round was held in Moshi on March 1. A new round is expected on Wednesday."
SECOND = "The second round ended on Thursday, after the talks of March 1. The sides agreed to meet again."
THIRD = "The third round ended in Arusha on Monday."


def _venue(city: str | None) -> dict:
    return {"city": city, "country": "TZA" if city else None}


def _reports() -> list[dict]:
    first = [
        meeting("m1", "first round", city="Moshi", venue=_venue("Moshi"), status="held", start="2031-03-01",
                evidence=[ev(FIRST, FIRST[:48])]),
        meeting("m2", "new round", city=None, venue=_venue(None), status="scheduled", start="2031-03-05",
                evidence=[ev(FIRST, FIRST[49:])]),
    ]
    second = [
        meeting("m1", "second round", city=None, venue=_venue(None), status="concluded", start="2031-03-06",
                round_=2, evidence=[ev(SECOND, SECOND[:33])]),
        meeting("m2", "talks", city=None, venue=_venue(None), status="held", start="2031-03-01",
                evidence=[ev(SECOND, SECOND[:62])]),
        meeting("m3", "meet again", city=None, venue=_venue(None), status="scheduled", start=None,
                evidence=[ev(SECOND, SECOND[63:])]),
    ]
    third = [
        meeting("m1", "third round", city="Arusha", venue=_venue("Arusha"), status="concluded",
                start="2031-03-10", round_=3, evidence=[ev(THIRD, THIRD)]),
    ]
    return [digest(FIRST, "2031-03-02", meetings=first), digest(SECOND, "2031-03-07", meetings=second),
            digest(THIRD, "2031-03-11", meetings=third)]


def _meetings(rec) -> list[tuple[str, list[str]]]:
    out = rec.record()
    doc = {d["id"]: d["published"] for d in out["documents"]}
    return sorted((m["start"], sorted(doc[d] for d in m["documents"])) for m in out["meetings"])


def test_three_rounds_days_apart_stay_three_meetings_in_either_order(databases):
    with databases.open() as a, databases.open() as b:
        for rec, order in ((a, _reports()), (b, list(reversed(_reports())))):
            for d in order:
                rec.save(d)
        assert a.checksum() == b.checksum()
        assert _meetings(a) == [
            ("2031-03-01", ["2031-03-02", "2031-03-07"]),  # the first round, recalled by the second report
            ("2031-03-05", ["2031-03-02", "2031-03-07"]),  # the plan for Wednesday: the second round
            ("2031-03-10", ["2031-03-07", "2031-03-11"]),  # "meet again" is the third round
        ]


def test_an_undated_mention_of_talks_held_may_join_a_meeting_of_its_own_article(record):
    body = "The sides have met three times. The third meeting was held in Moshi on March 10."
    summary = meeting("m1", "meetings", city=None, venue=_venue(None), status="held", start=None,
                      evidence=[ev(body, body[:31])])
    third = meeting("m2", "third meeting", city="Moshi", venue=_venue("Moshi"), status="held",
                    start="2031-03-10", round_=3, evidence=[ev(body, body[32:])])
    record.save(digest(body, "2031-03-12", meetings=[summary, third]))
    (m,) = record.record()["meetings"]
    assert m["round"] == 3


def test_a_plan_nearer_a_later_round_held_in_the_same_town_is_that_round(databases):
    second = "The second round ended in Moshi on Thursday."
    plan = "Talks in Moshi will resume on March 12, officials said."
    third = "The third round opened in Moshi on Wednesday."
    reports = [
        digest(second, "2031-03-07", meetings=[meeting(
            "m1", "second round", city="Moshi", venue=_venue("Moshi"), status="held", start="2031-03-06",
            round_=2, evidence=[ev(second, second)])]),
        digest(plan, "2031-03-04", meetings=[meeting(  # told before the second round: its date decides
            "m1", "talks", city="Moshi", venue=_venue("Moshi"), status="scheduled", start="2031-03-12",
            evidence=[ev(plan, plan)])]),
        digest(third, "2031-03-13", meetings=[meeting(
            "m1", "third round", city="Moshi", venue=_venue("Moshi"), status="ongoing", start="2031-03-13",
            round_=3, evidence=[ev(third, third)])]),
    ]
    with databases.open() as a, databases.open() as b:
        for rec, order in ((a, reports), (b, list(reversed(reports)))):
            for d in order:
                rec.save(d)
        assert a.checksum() == b.checksum()
        assert [docs for _, docs in _meetings(a)] == [["2031-03-07"], ["2031-03-04", "2031-03-13"]]
