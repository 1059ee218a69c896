"""Meeting identity across reports: towns, vague dates and names without a place.

An opening conference in one town and the round after it in another, days
apart, are two meetings; a report dated only "next month" joins the one in its
town instead of chaining them; a report that names the talks but no place joins
the meeting its dates point to; talks "held in 2019" are not this month's.
"""

from __future__ import annotations

import json

from store_fixtures import digest, ev, meeting

pytest_plugins = ("store_backends",)


def _report(body: str, published: str, mid: str, name: str, *, city: str | None, **fields) -> dict:
    venue = {"city": city, "country": "TZA" if city else None}  # one country: the dates and towns decide
    found = meeting(mid, name, city=city, venue=venue, evidence=[ev(body, body)], **fields)
    return digest(body, published, meetings=[found])


def _by_city(record) -> dict:
    return {m["venue"]["city"]: m for m in record.record()["meetings"]}


OPENING = "Ministers gather in Arusha on May 6 to open the conference."
ROUND = "The delegations then meet in Moshi from May 8."
MONTH = "Talks in Moshi are planned for May."


def test_an_opening_and_the_round_after_it_in_another_town_stay_apart(record):
    record.save(_report(OPENING, "2031-04-20", "m1", "conference", city="Arusha", status="scheduled",
                        start="2031-05-06"))
    record.save(_report(ROUND, "2031-04-21", "m1", "talks", city="Moshi", status="scheduled",
                        start="2031-05-08"))
    record.save(_report(MONTH, "2031-04-01", "m1", "talks", city="Moshi", status="scheduled",
                        start="2031-05"))
    towns = _by_city(record)
    assert sorted(towns) == ["Arusha", "Moshi"]
    assert towns["Moshi"]["start"] == "2031-05-08" and len(towns["Moshi"]["documents"]) == 2
    assert len(towns["Arusha"]["documents"]) == 1


def test_a_month_alone_joins_the_meeting_in_its_town_whatever_the_order(databases):
    reports = [
        _report(OPENING, "2031-04-20", "m1", "conference", city="Arusha", status="scheduled",
                start="2031-05-06"),
        _report(ROUND, "2031-04-21", "m1", "talks", city="Moshi", status="scheduled", start="2031-05-08"),
        _report(MONTH, "2031-04-01", "m1", "talks", city="Moshi", status="scheduled", start="2031-05"),
    ]
    seen = []
    with databases.open() as a, databases.open() as b:
        for rec, order in ((a, reports), (b, list(reversed(reports)))):
            for d in order:
                rec.save(d)
            seen.append(sorted((m["venue"]["city"], len(m["documents"])) for m in rec.record()["meetings"]))
        assert a.checksum() == b.checksum()
    assert seen[0] == seen[1] == [("Arusha", 1), ("Moshi", 2)]


def test_a_named_report_without_a_place_joins_the_talks_its_dates_point_to(record):
    record.save(_report(ROUND, "2031-04-21", "m1", "talks", city="Moshi", status="scheduled",
                        start="2031-05-08"))
    later = "The Kilimanjaro peace conference ended on May 12."
    record.save(_report(later, "2031-05-13", "m1", "Kilimanjaro peace conference", city=None,
                        status="concluded", start=None, end="2031-05-12"))
    (m,) = record.record()["meetings"]
    assert m["status"] == "concluded" and m["start"] == "2031-05-08"


def test_talks_dated_only_to_an_earlier_year_stay_apart(record):
    record.save(_report(ROUND, "2031-04-21", "m1", "talks", city="Moshi", status="scheduled",
                        start="2031-05-08"))
    past = "Earlier talks in Moshi were held in 2029."
    record.save(_report(past, "2031-05-13", "m1", "earlier talks", city="Moshi", status="held", start="2029"))
    assert sorted(m["start"] for m in record.record()["meetings"]) == ["2029", "2031-05-08"]


def test_a_country_alone_on_an_undated_report_does_not_make_a_meeting_of_its_own(record):
    record.save(_report(ROUND, "2031-04-21", "m1", "talks", city="Moshi", status="scheduled",
                        start="2031-05-08"))
    named = "Delegations prepare for the Kaweri peace conference."
    found = meeting("m1", "Kaweri peace conference", city=None, venue={"city": None, "country": "KWR"},
                    status="scheduled", start=None, evidence=[ev(named, named)])
    record.save(digest(named, "2031-05-02", meetings=[found]))
    (m,) = record.record()["meetings"]
    assert m["venue"]["city"] == "Moshi" and len(m["documents"]) == 2


def test_a_renegotiated_venue_is_the_latest_one_told(record):
    plan = "Talks open in Arusha on May 8, officials said."
    again = "The May 8 talks in Arusha will include both delegations."
    moved = "The talks on May 8 will be held in Moshi instead."
    for body, day, town in ((plan, "2031-04-20", "Arusha"), (again, "2031-04-22", "Arusha"),
                            (moved, "2031-04-25", "Moshi")):
        record.save(_report(body, day, "m1", "talks", city=town, status="scheduled", start="2031-05-08"))
    (m,) = record.record()["meetings"]
    assert m["venue"]["city"] == "Moshi" and len(m["documents"]) == 3


def test_a_session_ordinal_on_the_days_of_a_round_held_is_that_round(record):
    third = "The third round opened in Moshi on May 8."
    session = "The first session was suspended on May 9."
    fourth = "The fourth round was held in Moshi on May 20."
    record.save(_report(third, "2031-05-08", "m1", "third round", city="Moshi", status="ongoing",
                        start="2031-05-08", round_=3))
    record.save(_report(session, "2031-05-09", "m1", "first session", city=None, status="suspended",
                        start="2031-05-09", round_=1))
    record.save(_report(fourth, "2031-05-21", "m1", "fourth round", city="Moshi", status="held",
                        start="2031-05-20", round_=4))
    rounds = sorted((m["round"], len(m["documents"])) for m in record.record()["meetings"])
    assert rounds == [(3, 2), (4, 1)]


def test_a_record_placed_by_names_is_re_placed_and_re_clustered_on_opening(tmp_path):
    from talkwatch import store
    from talkwatch.store.exports import record as export

    ours = _report(ROUND, "2031-04-21", "m1", "talks", city="Moshi", status="scheduled", start="2031-05-08")
    later = "The Kilimanjaro peace conference ended on May 12."
    named = _report(later, "2031-05-13", "m1", "Kilimanjaro peace conference", city=None,
                    status="concluded", start=None, end="2031-05-12")
    fresh, old = tmp_path / "fresh.db", tmp_path / "old.db"
    for path in (fresh, old):
        with store.open(path, create=True) as rec:
            rec.save(ours)
            rec.save(named)
    with store.open(old) as rec:  # as a record merged before 0010 placed it: by its name, apart
        rec.backend.execute("UPDATE meeting_reports SET place = 'n:kilimanjaro peace conference',"
                            " meeting_id = 'mold' WHERE name = 'Kilimanjaro peace conference'")
        rec.backend.execute("DELETE FROM _migrations WHERE name = '0010_places'")
    exported = []
    for path in (fresh, old):
        with store.open(path) as rec:
            exported.append(sorted(json.dumps(r, sort_keys=True) for r in export.jsonl(rec.backend)))
            assert len(rec.record()["meetings"]) == 1
    assert exported[0] == exported[1]


def test_undated_talks_told_in_two_countries_stay_apart(record):
    for body, country in (("Talks in Kaweri are planned.", "KWR"), ("Talks in Tanzania are planned.", "TZA")):
        found = meeting("m1", "talks", city=None, venue={"city": None, "country": country},
                        status="scheduled", start=None, evidence=[ev(body, body)])
        record.save(digest(body, "2031-05-02", meetings=[found]))
    assert sorted(m["venue"]["country"] for m in record.record()["meetings"]) == ["KWR", "TZA"]


def test_only_whole_months_or_years_are_vague_dates():
    from datetime import date

    from talkwatch.store.merge import _whole_months

    assert _whole_months(date(2031, 5, 1), date(2031, 5, 31))  # "in May"
    assert _whole_months(date(2029, 1, 1), date(2029, 12, 31))  # "in 2029"
    assert not _whole_months(date(2031, 1, 5), date(2031, 2, 20))  # a plan moved from Jan 5 to Feb 20
    assert not _whole_months(date(2031, 5, 8), date(2031, 5, 8))


def test_the_previous_round_named_in_passing_is_the_one_before_the_article_s_own(record):
    second = "The second round was held in Moshi on April 2."
    record.save(_report(second, "2031-04-03", "m1", "second round", city="Moshi", status="held",
                        start="2031-04-02", round_=2))
    body = "The third round opened in Moshi on May 8. In the previous round, two accords were signed."
    third = meeting("m1", "third round", city="Moshi", venue={"city": "Moshi", "country": "TZA"},
                    status="ongoing", start="2031-05-08", round_=3, evidence=[ev(body, body[:41])])
    past = meeting("m2", "previous round", city=None, status="held", start=None,
                   evidence=[ev(body, body[42:])])
    record.save(digest(body, "2031-05-09", meetings=[third, past]))
    by_round = {m["round"]: m for m in record.record()["meetings"]}
    assert sorted(by_round) == [2, 3]
    assert len(by_round[2]["documents"]) == 2 and by_round[3]["status"] == "ongoing"
