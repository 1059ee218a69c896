"""talkwatch.dates against dateparser on hand-written news sentences.

Each case is a sentence, the publication date, the temporal expression in it
and the value a reader would give it (``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` /
None for durations and vague references). talkwatch gets the whole parsed
sentence (it reads the tense off the clause); dateparser gets the expression
itself with ``RELATIVE_BASE`` = publication date, once per ``PREFER_DATES_FROM``
setting. dateparser's period is mapped to our granularity; a "week" period is
counted right when either its day or the month holding that week matches, to
give it every benefit of the doubt. Accuracy is exact value match.

    python benchmarks/compare_dateparser.py [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime, timedelta

WED = date(2019, 6, 12)   # Wednesday
MON = date(2021, 3, 1)    # Monday, first of a month
FRI = date(2017, 12, 29)  # Friday at a year's end

# (published, sentence, expression, expected value)
CASES: list[tuple[date, str, str, str | None]] = [
    (WED, "The mediators will return to Maputo on Friday.", "Friday", "2019-06-14"),
    (WED, "The rebels released four hostages on Friday, the ICRC said.", "Friday", "2019-06-07"),
    (WED, "On Tuesday, the foreign minister said the talks had stalled.", "Tuesday",
     "2019-06-11"),
    (WED, "The next round is due to open on Monday in Addis Ababa.", "Monday", "2019-06-17"),
    (WED, "Negotiators are meeting on Wednesday to discuss prisoner swaps.", "Wednesday",
     "2019-06-12"),
    (WED, "The vote was delayed until Thursday.", "Thursday", "2019-06-13"),
    (WED, "The army has observed the truce since Sunday.", "Sunday", "2019-06-09"),
    (WED, "Shelling resumed on Saturday night.", "Saturday night", "2019-06-08"),
    (WED, "Delegates plan to sign a framework text on Saturday.", "Saturday", "2019-06-15"),
    (WED, "The envoy met both leaders last Thursday.", "last Thursday", "2019-06-06"),
    (WED, "The summit will open next Tuesday.", "next Tuesday", "2019-06-18"),
    (WED, "The council will hold a session on Thurday.", "Thurday", "2019-06-13"),
    (WED, "A ceasefire is scheduled to take effect on July 1.", "July 1", "2019-07-01"),
    (WED, "The ceasefire signed on January 20 was broken within days.", "January 20",
     "2019-01-20"),
    (WED, "The parties have not met since March 28.", "March 28", "2019-03-28"),
    (WED, "Voting is planned for 8 November.", "8 November", "2019-11-08"),
    (WED, "Talks collapsed on November 8 after a dispute over maps.", "November 8",
     "2018-11-08"),
    (WED, "The agreement of 5 August 2015 remains the reference.", "5 August 2015",
     "2015-08-05"),
    (WED, "The first round was held in Nairobi in April.", "April", "2019-04"),
    (WED, "A referendum will be held in October.", "October", "2019-10"),
    (WED, "The talks began in 2016.", "2016", "2016"),
    (WED, "Last year the two sides exchanged 300 prisoners.", "Last year", "2018"),
    (WED, "The monitoring mission expires next year.", "next year", "2020"),
    (WED, "The envoy will travel to the region next month.", "next month", "2019-07"),
    (WED, "Fighting flared again earlier this month.", "earlier this month", "2019-06"),
    (WED, "The guarantors met in Ankara last month.", "last month", "2019-05"),
    (WED, "Talks will resume next week, a spokesman said.", "next week", "2019-06"),
    (WED, "The delegation landed in Geneva yesterday.", "yesterday", "2019-06-11"),
    (WED, "The draft will be presented tomorrow.", "tomorrow", "2019-06-13"),
    (WED, "The two leaders spoke by phone today.", "today", "2019-06-12"),
    (WED, "Three days ago, a convoy was ambushed near the border.", "Three days ago",
     "2019-06-09"),
    (WED, "A new round could start in two weeks.", "two weeks", "2019-06-26"),
    (WED, "The talks are expected to last three days.", "three days", None),
    (WED, "The truce held for 72 hours.", "72 hours", None),
    (WED, "The sides negotiated for six weeks.", "six weeks", None),
    (WED, "A draft was circulated in mid-2017.", "mid-2017", "2017"),
    (WED, "The accord was signed on 2018-09-12 in Addis Ababa.", "2018-09-12", "2018-09-12"),
    (WED, "The parties met on June 3. Two days later, the government walked out.",
     "Two days later", "2019-06-05"),
    (WED, "The envoy landed on Monday. The next day, he met the rebels.", "next day",
     "2019-06-11"),
    (MON, "The opposition walked out of the talks on Friday.", "Friday", "2021-02-26"),
    (MON, "Talks will reopen on Friday in Doha.", "Friday", "2021-03-05"),
    (MON, "The foreign ministers met on Monday, officials said.", "Monday", "2021-03-01"),
    (MON, "The committee last met on February 23.", "February 23", "2021-02-23"),
    (MON, "The next session is set for February 23.", "February 23", "2022-02-23"),
    (MON, "A truce agreed in December has largely held.", "December", "2020-12"),
    (MON, "The mediator is due to report in December.", "December", "2021-12"),
    (MON, "The two sides met last week in Moscow.", "last week", "2021-02"),
    (MON, "The delegations will meet this week.", "this week", "2021-03"),
    (MON, "Prisoner exchanges began earlier this year.", "earlier this year", "2021"),
    (MON, "A week ago, the rebels seized the airport.", "A week ago", "2021-02-22"),
    (MON, "The accord was reached a year ago.", "a year ago", "2020"),
    (MON, "Elections are expected in the autumn of next year.", "next year", "2022"),
    (FRI, "Talks will resume on Tuesday after the holiday.", "Tuesday", "2018-01-02"),
    (FRI, "The ceasefire collapsed on Tuesday.", "Tuesday", "2017-12-26"),
    (FRI, "The parties will meet again on January 10.", "January 10", "2018-01-10"),
    (FRI, "The last round ended on January 10.", "January 10", "2017-01-10"),
    (FRI, "The envoy expects a deal by March.", "March", "2018-03"),
    (FRI, "Talks will restart next year.", "next year", "2018"),
    (FRI, "The rebels have fought since 2011.", "2011", "2011"),
    (FRI, "The interim government was formed in July 2016.", "July 2016", "2016-07"),
]


def _week_month(d: date) -> str | None:
    monday = d - timedelta(days=d.weekday())
    sunday = monday + timedelta(days=6)
    return f"{monday:%Y-%m}" if monday.month == sunday.month else None


def dateparser_values(expr: str, published: date, prefer: str) -> set[str | None]:
    """What dateparser says, in our value formats (a week period may match two ways)."""
    from dateparser.date import DateDataParser

    base = datetime(published.year, published.month, published.day, 12)
    parser = DateDataParser(languages=["en"],
                            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer})
    data = parser.get_date_data(expr)
    if data.date_obj is None:
        return {None}
    d = data.date_obj.date()
    if data.period == "year":
        return {f"{d:%Y}"}
    if data.period == "month":
        return {f"{d:%Y-%m}"}
    if data.period == "week":
        return {d.isoformat(), _week_month(d)}
    return {d.isoformat()}


def talkwatch_value(nlp: object, published: date, sentence: str, expr: str) -> tuple[str | None,
                                                                                     float]:
    from talkwatch import dates

    doc = nlp(sentence)  # type: ignore[operator]
    t0 = time.perf_counter()
    found = dates.normalize(doc, published)
    elapsed = time.perf_counter() - t0
    for d in found:
        if d.text == expr:
            return d.value, elapsed
    for d in found:
        if d.start <= sentence.find(expr) < d.end:
            return d.value, elapsed
    return "<missed>", elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    from talkwatch.nlp import load

    nlp = load()
    talkwatch_value(nlp, WED, "Warm-up on Friday.", "Friday")  # lexicon and regex compilation
    dateparser_values("Friday", WED, "past")
    ours_ok, ours_time, misses = 0, 0.0, []
    ours_values = []
    for published, sentence, expr, want in CASES:
        got, elapsed = talkwatch_value(nlp, published, sentence, expr)
        ours_values.append(got)
        ours_time += elapsed
        ours_ok += got == want
        if got != want:
            misses.append(f"  talkwatch: {expr!r} in {sentence!r}: {got} (want {want})")
    n = len(CASES)
    print(f"cases: {n}")
    print(f"talkwatch.dates: {ours_ok}/{n} = {ours_ok / n:.3f}  "
          f"({ours_time * 1000 / n:.2f} ms per sentence, parse excluded)")
    for prefer in ("current_period", "past", "future"):
        ok, t0 = 0, time.perf_counter()
        rescued = 0
        for (published, sentence, expr, want), ours in zip(CASES, ours_values, strict=True):
            values = dateparser_values(expr, published, prefer)
            ok += want in values
            rescued += ours != want and want in values
            if want not in values and args.verbose:
                misses.append(f"  dateparser[{prefer}]: {expr!r} ({sentence!r}): "
                              f"{sorted(map(str, values))} (want {want})")
        elapsed = time.perf_counter() - t0
        print(f"dateparser PREFER_DATES_FROM={prefer}: {ok}/{n} = {ok / n:.3f}  "
              f"({elapsed * 1000 / n:.2f} ms per expression; right where talkwatch is wrong: "
              f"{rescued})")
    if args.verbose:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
