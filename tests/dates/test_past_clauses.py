"""talkwatch.dates: dates of past clauses, period ends, and ranges of years or days.

Every sentence is invented. Each group names the mechanism it guards.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from talkwatch.dates import normalize
from talkwatch.dates.expression import year_range

JUNE = date(2020, 6, 10)  # a Wednesday
FEB = date(2013, 2, 20)  # a Wednesday, early in its year


def _values(nlp: Any, sentence: str, published: date) -> list[tuple[str, str | None]]:
    found = normalize(nlp(sentence), published)
    assert all(sentence[d.start:d.end] == d.text for d in found)
    return [(d.text, d.value) for d in found]


# A date between a verb and the subject of its complement clause is the verb's.
@pytest.mark.parametrize(("sentence", "published", "text", "value"), [
    ("The central bank said in March it would raise rates.", JUNE, "March", "2020-03"),
    ("The minister announced on Thursday the talks would resume.", JUNE, "Thursday",
     "2020-06-04"),
    ("The rebels warned in March that they would attack.", JUNE, "March", "2020-03"),
    # the date inside the complement keeps its own clause
    ("The central bank said it would raise rates in March.", JUNE, "March", "2021-03"),
])
def test_date_before_a_complement_belongs_to_the_outer_verb(
    nlp: Any, sentence: str, published: date, text: str, value: str
) -> None:
    assert (text, value) in _values(nlp, sentence, published)


# An infinitive under a plan noun of a simple past: the day of the past act is as likely.
@pytest.mark.parametrize(("sentence", "value"), [
    ("The rebels accepted a plan to withdraw on Monday.", "2020-06-08"),
    ("The cabinet approved a proposal to raise fuel prices on Monday.", "2020-06-08"),
    ("The rebels agreed to a plan to pull out on Monday.", "2020-06-08"),
    # a commitment verb still points ahead, and so does a present-perfect host
    ("The rebels agreed to resume talks on Monday.", "2020-06-15"),
    ("The government has accepted a plan to withdraw on Monday.", "2020-06-15"),
])
def test_plan_noun_under_a_past_verb(nlp: Any, sentence: str, value: str) -> None:
    assert ("Monday", value) in _values(nlp, sentence, JUNE)


# An infinitive under a past speech act: the day of the act as likely as that of its content.
@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("The envoy urged the militia to lay down its arms on Monday.", "Monday", "2020-06-08"),
    ("The army was ordered to withdraw on Monday.", "Monday", "2020-06-08"),
    ("The opposition asked the court to annul the vote on Monday.", "Monday", "2020-06-08"),
    # nearest, not behind: a day just ahead stays ahead
    ("The envoy urged the militia to lay down its arms by Friday.", "Friday", "2020-06-12"),
    # a perfect or an explicit 'next' still points ahead
    ("The mediator has invited both sides to resume talks on Monday.", "Monday", "2020-06-15"),
    ("The mediator invited both sides to resume talks next Monday.", "next Monday",
     "2020-06-15"),
    # a commitment is not a speech act: ahead
    ("The council decided to lift the curfew on Monday.", "Monday", "2020-06-15"),
])
def test_speech_act_under_a_past_verb(nlp: Any, sentence: str, text: str, value: str) -> None:
    assert (text, value) in _values(nlp, sentence, JUNE)


# The end of a period in a past clause is the last one; ahead it is the current one.
@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("The bank's reserves stood at $3 billion at the end of the year.", "end of the year", "2012"),
    ("The debt rose to $5 billion by the end of the year.", "end of the year", "2012"),
    ("Sales have risen 5% since year's end.", "year's end", "2012"),
    ("The mine had 400 workers at the end of last year.", "end of last year", "2012"),
    ("The company expects to close the deal by the end of the year.", "end of the year", "2013"),
    ("The union set a goal of cutting costs by the end of the year.", "end of the year", "2013"),
    # the compound "year-end" is the closing day
    ("The debt rose to $5 billion by year-end.", "year-end", "2012-12-31"),
    ("At year-end, the fund held $2 billion in cash.", "year-end", "2012-12-31"),
    ("The debt will rise to $5 billion by year-end.", "year-end", "2013-12-31"),
    # a lapsed plan (pluperfect) looks back to the last year's end
    ("The sale had been expected to close by year-end.", "year-end", "2012-12-31"),
    ("Troops left by the end of the month.", "end of the month", "2013-01"),
    ("Troops must leave by the end of the month.", "end of the month", "2013-02"),
])
def test_period_end_follows_the_clause(nlp: Any, sentence: str, text: str, value: str) -> None:
    assert (text, value) in _values(nlp, sentence, FEB)


# A range of years names both years; a bare day beside a month-day shares its month.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Output fell in 1998-99, the ministry said.", [("1998", "1998"), ("99", "1999")]),
    ("Output fell in 2010\u20132011.", [("2010", "2010"), ("2011", "2011")]),
    ("The 2001-2002 season was the worst on record.", [("2001", "2001"), ("2002", "2002")]),
    ("Attendance fell in the 2011/12 season.", [("2011", "2011"), ("12", "2012")]),
    ("The summit is set for April 24 and 25.", [("April 24", "2013-04-24"),
                                                ("25", "2013-04-25")]),
    ("The talks were held on 3 and 4 May.", [("3", "2012-05-03"), ("4 May", "2012-05-04")]),
    ("Talks were held between Feb. 3 and March 1.", [("Feb. 3", "2013-02-03"),
                                                     ("March 1", "2012-03-01")]),
    ("The vote was held on May 3 and 25 people died.", [("May 3", "2012-05-03")]),
])
def test_ranges_name_each_end(nlp: Any, sentence: str, expected: list[tuple[str, str]]) -> None:
    assert _values(nlp, sentence, FEB) == expected


@pytest.mark.parametrize(("text", "years"), [
    ("1998-99", (1998, 1999)),
    ("1999-00", (1999, 2000)),
    ("fiscal 2011/12", (2011, 2012)),
    ("2019-05", None),  # a month, not a range: the second year would lie a century on
    ("1990-2030", None),
])
def test_year_range(text: str, years: tuple[int, int] | None) -> None:
    parts = year_range(text)
    assert (None if parts is None else (parts[0][2], parts[1][2])) == years
    if parts is not None:
        assert text[parts[0][0]:parts[0][1]].endswith(str(years[0]))
        assert text[parts[1][0]:parts[1][1]][-2:] == str(years[1])[-2:]


# A day set beside the date just told ("Oct. 12, the day before the plunge") is that date.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Shares have fallen since Oct. 12, the day before the crash.",
     [("Oct. 12", "2012-10-12"), ("day", "2012-10-12")]),
    ("The rebels left on Monday, the day after the truce.",
     [("Monday", "2013-02-18"), ("day", "2013-02-18")]),
    ("The talks stalled on Monday, the third day of the round.",
     [("Monday", "2013-02-18"), ("third day", "2013-02-18")]),
])
def test_apposed_day_is_the_date_before(nlp: Any, sentence: str,
                                        expected: list[tuple[str, str]]) -> None:
    assert _values(nlp, sentence, FEB) == expected


def test_a_length_beside_a_date_is_not_apposed(nlp: Any) -> None:
    found = _values(nlp, "The round opened on Thursday, one day later than planned.", FEB)
    assert ("one day", None) in found or all(text != "one day" for text, _ in found)


# A past verb reached through a noun leans behind; a month just ahead still wins over one
# most of a year back.
@pytest.mark.parametrize(("sentence", "published", "value"), [
    ("The militia rejected the May accord.", date(2020, 1, 20), "2019-05"),
    ("The militia rejected the May accord.", date(2020, 4, 20), "2020-05"),
    ("The militia rejected the May accord.", date(2020, 8, 20), "2020-05"),
])
def test_weak_past_month_leans_behind(nlp: Any, sentence: str, published: date,
                                      value: str) -> None:
    assert ("May", value) in _values(nlp, sentence, published)


# "It was a great day for X": the day the story tells; in the present, the publication day.
@pytest.mark.parametrize(("sentence", "value"), [
    ('The two states joined the bloc on Friday. The envoy said it was "a great day for us."',
     "2013-02-15"),
    ("Today is a sad day for the country, the envoy said.", "2013-02-20"),
    ('The accord was signed on Monday. "This is a historic day," the mediator said.',
     "2013-02-20"),
])
def test_day_as_predicate_of_be(nlp: Any, sentence: str, value: str) -> None:
    assert ("day", value) in _values(nlp, sentence, FEB)


# "the year ended Sept. 30": the period and its end day are two expressions; a year period
# is its end date's year, a quarter or a count of months has no calendar value here.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("For the year ended Sept. 30, the mill earned $5 million.",
     [("year", "2012"), ("Sept. 30", "2012-09-30")]),
    ("Net income for the fiscal year ended June 30, 2011, rose 4%.",
     [("fiscal year", "2011"), ("June 30, 2011", "2011-06-30")]),
    ("In the nine months ended Sept. 30, sales fell.",
     [("nine months", None), ("Sept. 30", "2012-09-30")]),
    ("The strike ended Monday.", [("Monday", "2013-02-18")]),
])
def test_period_and_its_end_day(nlp: Any, sentence: str,
                                expected: list[tuple[str, str | None]]) -> None:
    assert _values(nlp, sentence, FEB) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Farmers got nearly twice as much rain this year as last.",
     [("this year", "2013"), ("last", "2012")]),
    ("Exports rose faster this month than last, the ministry said.",
     [("this month", "2013-02"), ("last", "2013-01")]),
    ("He was the last to leave.", []),
])
def test_unit_left_out_after_last(nlp: Any, sentence: str,
                                  expected: list[tuple[str, str]]) -> None:
    assert _values(nlp, sentence, FEB) == expected


# The base of a comparison lies behind, whatever the tense of the clause.
@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("The fund's debt is $5 billion, down from $6 billion at year-end.", "year-end",
     "2012-12-31"),
    ("Exports are up 5% from March.", "March", "2012-03"),
    ("Sales are 4% higher than in March.", "March", "2012-03"),
    ("The jobless rate is now 7%, compared with 8% in March.", "March", "2012-03"),
    # a span "from ... to" with no comparison keeps its tense
    ("The talks will run from March to June.", "March", "2013-03"),
])
def test_comparison_base_is_behind(nlp: Any, sentence: str, text: str, value: str) -> None:
    assert (text, value) in _values(nlp, sentence, FEB)


# A year between a determiner and a plural noun is a year; a bare count is not.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The 2014 elections were marred by fraud.", [("2014", "2014")]),
    ("The militia rejected the 2011 accords.", [("2011", "2011")]),
    ("The army sent 2000 soldiers.", []),
    ("The 1500 troops left.", []),
])
def test_year_before_a_plural_noun(nlp: Any, sentence: str,
                                   expected: list[tuple[str, str]]) -> None:
    assert _values(nlp, sentence, FEB) == expected


# An infinitive under a non-finite forward governor takes the finite verb's time; a reported
# pluperfect stays a past of a past (reported speech shifts a present back, not further).
@pytest.mark.parametrize(("sentence", "published", "text", "value"), [
    ("The visit led to the militia agreeing to return to the talks after its raid on Oct. 9.",
     date(2012, 11, 28), "Oct. 9", "2012-10-09"),
    ("Aides told reporters that the envoy had been asking the king to host a summit even "
     "before the March 29 vote.", date(2012, 7, 6), "March 29", "2012-03-29"),
    # a reported simple past plan still reads as the present it stands for
    ("Aides said the envoy asked the king to host a summit on March 29.", date(2012, 3, 20),
     "March 29", "2012-03-29"),
])
def test_infinitive_host_time(nlp: Any, sentence: str, published: date, text: str,
                              value: str) -> None:
    assert (text, value) in _values(nlp, sentence, published)


# A unit in the plural with no count names no calendar unit (TimeML: PAST/FUTURE_REF).
@pytest.mark.parametrize(("sentence", "text"), [
    ("Talks will resume in the coming days.", "coming days"),
    ("The sides plan another round in the coming weeks.", "coming weeks"),
    ("The war ended in 2010. In the following years the region prospered.", "following years"),
])
def test_plural_unit_without_count_is_null(nlp: Any, sentence: str, text: str) -> None:
    assert (text, None) in _values(nlp, sentence, FEB)


@pytest.mark.parametrize("sentence", [
    "The truce expires at midnight local time (2100 UTC).",
    "The curfew starts at 1800 GMT.",
    "Troops will leave at 0600 hours.",
])
def test_clock_times_are_not_years(nlp: Any, sentence: str) -> None:
    assert _values(nlp, sentence, FEB) == []


@pytest.mark.parametrize(("sentence", "published", "value"), [
    # across a year's turn "last December" is the December just ended
    ("The envoys met last December.", date(2004, 1, 6), "2003-12"),
    ("The envoys will meet next January.", date(2020, 12, 10), "2021-01"),
    # within a year the adjacent month would be "last month": a year back
    ("The envoys met last February.", date(1998, 3, 1), "1997-02"),
])
def test_last_month_name_at_the_turn_of_the_year(nlp: Any, sentence: str, published: date,
                                                 value: str) -> None:
    month = sentence.split()[-1].rstrip(".")
    texts = dict(_values(nlp, sentence, published))
    assert next(v for t, v in texts.items() if t.endswith(month)) == value


# A future seen from a past day told in the same sentence counts from that day.
@pytest.mark.parametrize(("sentence", "value"), [
    ("The envoys spoke last Thursday, when they agreed that the vote should be held on "
     "Saturday.", "2008-07-05"),
    ("The mediator said on Friday that the talks would resume on Saturday.", "2008-07-05"),
    # no past day in the sentence: from publication
    ("The mediator said the talks would resume on Saturday.", "2008-07-12"),
])
def test_future_in_the_past_counts_from_the_told_day(nlp: Any, sentence: str,
                                                     value: str) -> None:
    assert ("Saturday", value) in _values(nlp, sentence, date(2008, 7, 6))  # a Sunday


def test_lenient_weekday_is_the_weekday_already_told(nlp: Any) -> None:
    body = ("Envoys on Friday opened a conference on the border dispute. The militia had "
            "confirmed it would attend the conference on Friday, a spokesman said.")
    assert _values(nlp, body, date(2018, 11, 10)) == [("Friday", "2018-11-09"),
                                                      ("Friday", "2018-11-09")]
