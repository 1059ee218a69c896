"""talkwatch.dates: temporal expressions found in news sentences and resolved by tense.

Every sentence is invented; the publication date is Wednesday 12 June 2019.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talkwatch.dates import normalize, resolve
from talkwatch.model import DateExpr

PUB = date(2019, 6, 12)  # a Wednesday
VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# (sentence, expression as it must appear, value, granularity)
CASES = [
    # weekdays: tense decides the week
    ("The delegations will meet again on Thursday in Havana, the mediator said.",
     "Thursday", "2019-06-13", "day"),
    ("The delegations will meet again on Thursday in Havana, the mediator said on Monday.",
     "Monday", "2019-06-10", "day"),
    ("On Monday, the rebel commander said the ceasefire was holding.",
     "Monday", "2019-06-10", "day"),
    ("Talks are due to resume on Wednesday, officials said.", "Wednesday", "2019-06-12", "day"),
    ("The envoy arrived in Khartoum on Wednesday.", "Wednesday", "2019-06-12", "day"),
    ("The round was postponed until Friday.", "Friday", "2019-06-14", "day"),
    ("Fighting continued until Sunday despite the truce.", "Sunday", "2019-06-09", "day"),
    ("Negotiators met last Friday in Oslo.", "last Friday", "2019-06-07", "day"),
    ("The sides will sign the accord next Monday.", "next Monday", "2019-06-17", "day"),
    ("Monday's session was cancelled after shelling.", "Monday", "2019-06-10", "day"),
    ("The government is expected to name its negotiators on Tuesday.",
     "Tuesday", "2019-06-18", "day"),
    ("The opposition has rejected the plan it received on Tuesday.",
     "Tuesday", "2019-06-11", "day"),
    # misspelled weekdays
    ("On Moday, the army said it had withdrawn from the border.", "Moday", "2019-06-10", "day"),
    ("The meeting was postponed until Thurday morning.", "Thurday morning", "2019-06-13", "day"),
    # month-day without a year: nearest in the tense's direction
    ("A second round is scheduled for June 23.", "June 23", "2019-06-23", "day"),
    ("The truce has held since May 30.", "May 30", "2019-05-30", "day"),
    ("The accord signed on Feb. 23 collapsed within weeks.", "Feb. 23", "2019-02-23", "day"),
    ("Elections are planned for 23 February.", "23 February", "2020-02-23", "day"),
    ("The parties will reconvene on the 14th.", "14th", "2019-06-14", "day"),
    ("Talks broke down on the 14th, when the rebels walked out.", "14th", "2019-05-14", "day"),
    ("The ceasefire collapsed on the 14th of March.", "14th of March", "2019-03-14", "day"),
    # explicit years are kept
    ("The agreement was first signed on March 3, 2016.", "March 3, 2016", "2016-03-03", "day"),
    ("Elections were held in October 2015.", "October 2015", "2015-10", "month"),
    ("The war began in 2014.", "2014", "2014", "year"),
    ("A first framework was agreed in mid-2016.", "mid-2016", "2016", "year"),
    ("The text dated 2019-07-01 was leaked.", "2019-07-01", "2019-07-01", "day"),
    # months alone
    ("Fighting escalated in December.", "December", "2018-12", "month"),
    ("Elections will take place in December.", "December", "2019-12", "month"),
    ("A truce agreed last October has frayed.", "last October", "2018-10", "month"),
    ("The mandate expires in December next year.", "December next year", "2020-12", "month"),
    # years and months relative to the publication date
    ("Last year, the talks collapsed.", "Last year", "2018", "year"),
    ("The mission will end next year.", "next year", "2020", "year"),
    ("The envoy visited Kabul earlier this year.", "earlier this year", "2019", "year"),
    ("Talks will resume next month.", "next month", "2019-07", "month"),
    ("Prisoners were exchanged earlier this month.", "earlier this month", "2019-06", "month"),
    # weeks: the month holding the whole Monday-Sunday week
    ("Talks will resume next week.", "next week", "2019-06", "month"),
    ("Envoys met this week in Geneva.", "this week", "2019-06", "month"),
    ("Last week, the rebels withdrew from two towns.", "Last week", "2019-06", "month"),
    # days relative to the publication date
    ("The delegation arrived today.", "today", "2019-06-12", "day"),
    ("The delegation arrived yesterday.", "yesterday", "2019-06-11", "day"),
    ("The delegation will leave tomorrow.", "tomorrow", "2019-06-13", "day"),
    ("A dinner for the mediators is planned tonight.", "tonight", "2019-06-12", "day"),
    ("The president met the envoy three days ago.", "three days ago", "2019-06-09", "day"),
    ("The talks may resume in two weeks, a diplomat said.", "two weeks", "2019-06-26", "day"),
    ("The guarantors met a year ago in Doha.", "a year ago", "2018", "year"),
    # relative to the date mentioned just before
    ("The talks opened on June 3. Two days later, the rebels walked out.",
     "Two days later", "2019-06-05", "day"),
    ("The envoy arrived on Monday. The next day, he met the president.",
     "next day", "2019-06-11", "day"),
    # durations, decades and vague references have no value
    ("The talks are expected to last two days.", "two days", None, None),
    ("The delegates negotiated for three weeks.", "three weeks", None, None),
    ("The truce lasted 48 hours.", "48 hours", None, None),
    ("The conflict dates back to the 1990s.", "1990s", None, None),
]


@pytest.fixture(scope="module")
def parsed(nlp: Any) -> dict[str, list[DateExpr]]:
    texts = list(dict.fromkeys(case[0] for case in CASES))
    return {t: normalize(doc, PUB) for t, doc in zip(texts, nlp.pipe(texts), strict=True)}


@pytest.mark.parametrize(("sentence", "text", "value", "granularity"), CASES,
                         ids=[f"{c[1]}|{c[0][:30]}" for c in CASES])
def test_normalize_resolves(parsed: dict[str, list[DateExpr]], sentence: str, text: str,
                            value: str | None, granularity: str | None) -> None:
    found = [d for d in parsed[sentence] if d.text == text]
    assert found, f"{text!r} not found in {[d.text for d in parsed[sentence]]}"
    d = found[0]
    assert sentence[d.start:d.end] == d.text
    assert (d.value, d.granularity) == (value, granularity)


# Tense, aspect and scheduling verbs combined; publication date Tuesday 25 October 2022.
PUB_TUE = date(2022, 10, 25)
PLAN_CASES = [
    # the pluperfect of a plan points behind, even with a scheduling verb
    ("The talks, convened by the regional bloc, had initially been set for October 8 but "
     "were postponed.", "October 8", "2022-10-08"),
    ("The vote had been scheduled for March 3.", "March 3", "2022-03-03"),
    ("The summit, which had been slated for October 18, never took place.",
     "October 18", "2022-10-18"),
    ("The two delegations had been due to open the round on October 20.",
     "October 20", "2022-10-20"),
    ("Mediators had planned to meet the rebels on October 21.", "October 21", "2022-10-21"),
    ("The monitors were to have arrived on October 19.", "October 19", "2022-10-19"),
    ("The accord would have been signed on October 17 had the army agreed.",
     "October 17", "2022-10-17"),
    # ... but a superseded plan may still lie a few days ahead
    ("The offer had been set to expire Nov. 2 before the council extended it.",
     "Nov. 2", "2022-11-02"),
    # present, perfect and future plans lie ahead
    ("The vote is scheduled for May 3.", "May 3", "2023-05-03"),
    ("The vote has been scheduled for May 3.", "May 3", "2023-05-03"),
    ("The envoy has set Nov. 10 as the deadline for replies.", "Nov. 10", "2022-11-10"),
    # a simple past plan: the nearest occurrence, either way
    ("The vote was scheduled for May 3.", "May 3", "2022-05-03"),
    ("The vote was scheduled for October 14.", "October 14", "2022-10-14"),
    ("A prayer vigil planned for Saturday was cancelled.", "Saturday", "2022-10-22"),
    ("The round originally scheduled for October 10 was moved to November 2.",
     "October 10", "2022-10-10"),
    # reported speech shifts the tense back: "were scheduled" stands for "are scheduled"
    ("Officials said the talks were scheduled for May 3.", "May 3", "2023-05-03"),
    ("Officials said the talks were due to resume on Monday.", "Monday", "2022-10-31"),
    # a delay's new date lies ahead, its old one is the nearest
    ("The meeting was postponed until Thursday.", "Thursday", "2022-10-27"),
    ("The meeting was postponed from Monday to Thursday.", "Monday", "2022-10-24"),
    ("The meeting was postponed from Monday to Thursday.", "Thursday", "2022-10-27"),
    ("The round originally scheduled for October 10 was moved to November 2.",
     "November 2", "2022-11-02"),
    ("The deadline had been extended to October 15.", "October 15", "2022-10-15"),
    # since: behind; by: ahead
    ("The truce has held since December 30.", "December 30", "2021-12-30"),
    ("The parties must sign by November 30.", "November 30", "2022-11-30"),
    # a deadline ahead that would be a year off yields to the one just past
    ("The court ordered the ministry to free the prisoners by Oct. 24.",
     "Oct. 24", "2022-10-24"),
    ("The rebels said they would leave the town by Oct. 24.", "Oct. 24", "2022-10-24"),
    # a deictic tense is firm: a plan stated now lies ahead even a year off
    ("The next session is set for October 20.", "October 20", "2023-10-20"),
    # a past event cannot lie ahead: a firm behind keeps its year
    ("The offensive ended on Oct. 31, the army said.", "Oct. 31", "2021-10-31"),
    # future in the past: a temporal clause follows its main clause
    ("The chairman had suggested that the banks were likely to buy shares as soon as "
     "trading opened Monday.", "Monday", "2022-10-31"),
    # a passive infinitive under a past verb: a plan seen from the past, the nearest
    ("The summit was said to be held on September 4 but was put off.",
     "September 4", "2022-09-04"),
    ("The round will be held on September 4.", "September 4", "2023-09-04"),
    # a day named in the possessive under a future verb: the nearest
    ("The opposition said it would challenge Monday's ruling in court.",
     "Monday", "2022-10-24"),
]


@pytest.fixture(scope="module")
def plans(nlp: Any) -> dict[str, list[DateExpr]]:
    texts = list(dict.fromkeys(case[0] for case in PLAN_CASES))
    return {t: normalize(doc, PUB_TUE) for t, doc in zip(texts, nlp.pipe(texts),
                                                                 strict=True)}


@pytest.mark.parametrize(("sentence", "text", "value"), PLAN_CASES,
                         ids=[f"{c[1]}|{c[0][:40]}" for c in PLAN_CASES])
def test_plans_follow_tense_and_aspect(plans: dict[str, list[DateExpr]], sentence: str,
                                       text: str, value: str) -> None:
    found = [d for d in plans[sentence] if d.text == text]
    assert found, f"{text!r} not found in {[d.text for d in plans[sentence]]}"
    assert found[0].value == value


# Anchors, offsets and copulas; publication date Wednesday 12 June 2019.
ANCHOR_CASES = [
    ("The day before last Monday's hearing, the envoy flew to Nairobi.",
     "day before last Monday", "2019-06-09", "day"),
    ("Two days before Christmas, the rebels attacked the garrison.",
     "Two days before Christmas", "2018-12-23", "day"),
    ("It is the third day of the offensive against the northern towns.",
     "third day", "2019-06-12", "day"),
    ("Talks opened on Monday. Monday was the first day of the truce.",
     "first day", "2019-06-10", "day"),
    ("The delegates met on Monday. They signed the text later in the day.",
     "later in the day", "2019-06-10", "day"),
    ("The truce expires on June 30. Until then, the monitors will stay in Juba.",
     "then", "2019-06-30", "day"),
    ("In the quarter ended March 31, exports fell to $2 million from $3 million a year "
     "earlier.", "a year earlier", "2018-03-31", "day"),
    ("Exports fell 4% from a year earlier, the ministry said on Monday.",
     "a year earlier", "2018", "year"),
    ("The politics of the post-1994 era split the movement.", "post-1994", "1994", "year"),
    ("Fighting stopped on Friday. Aid convoys left for the north. The crossings stayed shut. "
     "Looting was rare. Prices rose 3% from the previous Friday.",
     "previous Friday", "2019-05-31", "day"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "granularity"), ANCHOR_CASES,
                         ids=[c[1] for c in ANCHOR_CASES])
def test_anchors_offsets_and_copulas(nlp: Any, sentence: str, text: str, value: str,
                                     granularity: str) -> None:
    found = [d for d in normalize(nlp(sentence), PUB) if d.text == text]
    assert found, f"{text!r} not found"
    assert (found[0].value, found[0].granularity) == (value, granularity)
    assert sentence[found[0].start:found[0].end] == text


@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("They were the first direct talks between the two sides in over three years.",
     "three years", None),
    ("The shelling was the heaviest in a decade.", "a decade", None),
    ("The monitors will leave in three years.", "three years", "2022"),
    ("The first talks in March were short.", "March", "2019-03"),
    ("The ferry sailed on Friday, two days later than planned.", "two days", None),
    ("The envoys left Juba on Friday and reached Wau two days later.", "two days later", "2019-06-09"),
])
def test_a_length_back_from_now_is_no_date(nlp: Any, sentence: str, text: str,
                                           value: str | None) -> None:
    found = [d for d in normalize(nlp(sentence), PUB) if d.text == text]
    assert found and found[0].value == value


@pytest.mark.parametrize("sentence", [
    "The 55-year-old negotiator, who is 55 years old, spoke first.",
    "The monitors report daily to the council.",
])
def test_ages_and_sets_are_not_dates(nlp: Any, sentence: str) -> None:
    assert normalize(nlp(sentence), PUB) == []


def test_spans_are_trimmed_and_sorted(nlp: Any) -> None:
    body = "Since December 30, the sides met on Monday's and in the spring; talks end on Friday."
    dates = normalize(nlp(body), PUB)
    assert [d.start for d in dates] == sorted(d.start for d in dates)
    texts = [d.text for d in dates]
    assert "December 30" in texts and "Friday" in texts
    assert not any(t.lower().startswith(("the ", "on ", "since ", "in ")) for t in texts)
    assert all(body[d.start:d.end] == d.text for d in dates)


def test_ranges_are_split(nlp: Any) -> None:
    dates = normalize(nlp("The talks were held between Feb. 3 and March 1."), PUB)
    assert [(d.text, d.value) for d in dates] == [("Feb. 3", "2019-02-03"),
                                                   ("March 1", "2019-03-01")]


def test_without_publication_date_only_absolute_values(nlp: Any) -> None:
    body = "The accord of March 3, 2019 was broken on Monday and again last week."
    dates = {d.text: d.value for d in normalize(nlp(body), None)}
    assert dates["March 3, 2019"] == "2019-03-03"
    assert dates["Monday"] is None and dates["last week"] is None


@pytest.mark.parametrize(("text", "direction", "value", "granularity"), [
    ("Thursday", 1, "2019-06-13", "day"),
    ("Thursday", -1, "2019-06-06", "day"),
    ("Wednesday", 1, "2019-06-12", "day"),  # the publication weekday is that day, any tense
    ("Wednesday", -1, "2019-06-12", "day"),
    ("Friday", 0, "2019-06-14", "day"),  # no tense: nearest, leaning to the past
    ("Monday", 0, "2019-06-10", "day"),
    ("Wedensday", 0, "2019-06-12", "day"),
    ("February 23", 0, "2019-02-23", "day"),
    ("January 10", 0, "2019-01-10", "day"),
    ("January 10", 1, "2020-01-10", "day"),
    ("since December 10", 0, "2018-12-10", "day"),
    ("June 1", 1, "2020-06-01", "day"),  # a firm ahead keeps its side, a year off or not
    ("June 1", 2, "2019-06-01", "day"),  # a lenient one yields to the date just past
    ("June 20", -1, "2018-06-20", "day"),  # a firm behind: a past event cannot lie ahead
    ("June 20", -2, "2019-06-20", "day"),  # a superseded plan is lenient
    ("the day after March 3", 0, "2019-03-04", "day"),
    ("two weeks before Christmas", -1, "2018-12-11", "day"),
    ("next Thanksgiving", 0, "2019-11-28", "day"),
    ("nineteen ninety-six", 0, "1996", "year"),
    ("the first half of next year", 0, "2020", "year"),
    ("the third quarter", 0, None, None),
    ("now", 0, None, None),
])
def test_resolve(text: str, direction: int, value: str | None, granularity: str | None) -> None:
    assert resolve(text, PUB, direction=direction) == (value, granularity)


def test_resolve_week_straddling_two_months_is_null() -> None:
    assert resolve("this week", date(2019, 7, 31)) == (None, None)
    assert resolve("this week", date(2019, 7, 10)) == ("2019-07", "month")


def test_resolve_anchor_and_missing_publication_date() -> None:
    assert resolve("two days later", PUB, anchor=("2019-05-01", "day")) == (
        "2019-05-03", "day")
    assert resolve("the next day", PUB) == (None, None)
    assert resolve("then", PUB) == (None, None)
    assert resolve("then", PUB, anchor=("2019-05", "month")) == ("2019-05", "month")
    assert resolve("March 3, 2019", None) == ("2019-03-03", "day")
    assert resolve("Monday", None) == (None, None)
    assert resolve("", PUB) == (None, None)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Z", "S")),
               max_size=200)
       | st.lists(st.sampled_from(["on", "Monday", "the", "14th", "Feb.", "23", "2019", "last",
                                   "next", "week", "ago", "three", "days", "until", "since",
                                   ",", ".", "said", "will", "meet", "-", "and", "'s", "'98"]),
                  max_size=30).map(" ".join))
def test_normalize_never_raises_and_spans_match(nlp: Any, body: str) -> None:
    for published in (PUB, None):
        dates = normalize(nlp(body), published)
        assert [d.start for d in dates] == sorted(d.start for d in dates)
        for d in dates:
            assert body[d.start:d.end] == d.text and d.text
            assert d.value is None or VALUE.match(d.value)
            assert d.granularity in (None, "day", "month", "year")


def test_tbaq_floor(shared: Path, nlp: Any) -> None:
    """A few TimeBank/AQUAINT documents; the full run is benchmarks/eval_tbaq.py."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_tbaq.py"
    spec = importlib.util.spec_from_file_location("eval_tbaq", path)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up
    spec.loader.exec_module(bench)
    if not bench.DATA.is_dir():
        pytest.skip("tbaq-cleaned is not present")
    scores = bench.evaluate(bench.documents(20), nlp)
    assert scores.resolvable >= 20
    assert scores.resolvable_recall >= 0.95
    assert scores.accuracy >= 0.9
    assert scores.reference_accuracy >= 0.9
