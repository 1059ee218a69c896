"""talkwatch.timex: temporal expressions found in news sentences and resolved by tense.

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

from talkwatch import timex
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
    return {t: timex.normalize(doc, PUB) for t, doc in zip(texts, nlp.pipe(texts), strict=True)}


@pytest.mark.parametrize(("sentence", "text", "value", "granularity"), CASES,
                         ids=[f"{c[1]}|{c[0][:30]}" for c in CASES])
def test_normalize_resolves(parsed: dict[str, list[DateExpr]], sentence: str, text: str,
                            value: str | None, granularity: str | None) -> None:
    found = [d for d in parsed[sentence] if d.text == text]
    assert found, f"{text!r} not found in {[d.text for d in parsed[sentence]]}"
    d = found[0]
    assert sentence[d.start:d.end] == d.text
    assert (d.value, d.granularity) == (value, granularity)


@pytest.mark.parametrize("sentence", [
    "The 55-year-old negotiator, who is 55 years old, spoke first.",
    "The monitors report daily to the council.",
])
def test_ages_and_sets_are_not_dates(nlp: Any, sentence: str) -> None:
    assert timex.normalize(nlp(sentence), PUB) == []


def test_spans_are_trimmed_and_sorted(nlp: Any) -> None:
    body = "Since December 30, the sides met on Monday's and in the spring; talks end on Friday."
    dates = timex.normalize(nlp(body), PUB)
    assert [d.start for d in dates] == sorted(d.start for d in dates)
    texts = [d.text for d in dates]
    assert "December 30" in texts and "Friday" in texts
    assert not any(t.lower().startswith(("the ", "on ", "since ", "in ")) for t in texts)
    assert all(body[d.start:d.end] == d.text for d in dates)


def test_ranges_are_split(nlp: Any) -> None:
    dates = timex.normalize(nlp("The talks were held between Feb. 3 and March 1."), PUB)
    assert [(d.text, d.value) for d in dates] == [("Feb. 3", "2019-02-03"),
                                                   ("March 1", "2019-03-01")]


def test_without_publication_date_only_absolute_values(nlp: Any) -> None:
    body = "The accord of March 3, 2019 was broken on Monday and again last week."
    dates = {d.text: d.value for d in timex.normalize(nlp(body), None)}
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
    ("next Thanksgiving", 0, "2019-11-28", "day"),
    ("nineteen ninety-six", 0, "1996", "year"),
    ("the first half of next year", 0, "2020", "year"),
    ("the third quarter", 0, None, None),
    ("now", 0, None, None),
])
def test_resolve(text: str, direction: int, value: str | None, granularity: str | None) -> None:
    assert timex.resolve(text, PUB, direction=direction) == (value, granularity)


def test_resolve_week_straddling_two_months_is_null() -> None:
    assert timex.resolve("this week", date(2019, 7, 31)) == (None, None)
    assert timex.resolve("this week", date(2019, 7, 10)) == ("2019-07", "month")


def test_resolve_anchor_and_missing_publication_date() -> None:
    assert timex.resolve("two days later", PUB, anchor=("2019-05-01", "day")) == (
        "2019-05-03", "day")
    assert timex.resolve("the next day", PUB) == (None, None)
    assert timex.resolve("March 3, 2019", None) == ("2019-03-03", "day")
    assert timex.resolve("Monday", None) == (None, None)
    assert timex.resolve("", PUB) == (None, None)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Z", "S")),
               max_size=200)
       | st.lists(st.sampled_from(["on", "Monday", "the", "14th", "Feb.", "23", "2019", "last",
                                   "next", "week", "ago", "three", "days", "until", "since",
                                   ",", ".", "said", "will", "meet", "-", "and", "'s", "'98"]),
                  max_size=30).map(" ".join))
def test_normalize_never_raises_and_spans_match(nlp: Any, body: str) -> None:
    for published in (PUB, None):
        dates = timex.normalize(nlp(body), published)
        assert [d.start for d in dates] == sorted(d.start for d in dates)
        for d in dates:
            assert body[d.start:d.end] == d.text and d.text
            assert d.value is None or VALUE.match(d.value)
            assert d.granularity in (None, "day", "month", "year")


def test_tbaq_floor(shared: Path, nlp: Any) -> None:
    """A few TimeBank/AQUAINT documents; the full run is benchmarks/eval_tbaq.py."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_tbaq.py"
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
