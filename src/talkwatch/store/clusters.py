"""Which reports are one meeting: clustering one place's reports by date, round and town.

Reports whose date spans (start, end and every date in their status history,
so a postponement bridges old and new dates) overlap within a tolerance are
one meeting, unless their round numbers or process names differ, they are
dated in two different towns, or one article tells them apart. Dates of talks
that took place must agree within a day (two rounds are compared on the days
they were held, not on plans' dates); planned dates within ten. Talks held are
clustered first, then plans join the nearest. Reports without dates join the
meeting their publication date points to (a past-tense report the latest
earlier one, others the next one), talks in their own town first. The result
is a function of the set of reports, not of the order they arrived in.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from . import keys

TOLERANCE = keys.days(10)  # a planned date a few days off is the same meeting
ACTUAL_TOLERANCE = keys.days(1)  # dates of talks that took place are not off by days
ROUND_TOLERANCE = keys.days(120)  # the same numbered round, however postponed
SESSION_TOLERANCE = keys.days(7)  # a round under way days after it opened is still that round
UNDATED_WINDOW = keys.days(90)  # how far from a meeting an undated report may attach
PAST = frozenset({"held", "concluded"})
ACTUAL = frozenset({"ongoing", "suspended", "held", "concluded"})  # dates that happened
ABSENT = frozenset({"declined", "not_invited"})


def report_span(meeting: dict[str, Any]) -> tuple[str | None, str | None]:
    """First and last day the dates of a reported meeting allow.

    Month-only dates are ignored when a day is also told ("planned for
    January", then "on January 24"), year-only ones when a month is: a month
    would stretch the report over weeks and chain meetings of that month
    together. A report dated only to a month or a year is clustered as such
    (``_add_vague``): "talks held in 2012" are not this week's talks.
    """
    values = [str(v) for v in [meeting.get("start"), meeting.get("end")] if v]
    # a plan's old dates bridge to its new ones (a postponement); dates of talks that
    # took place, told in the history, are other sessions the article ran together
    values += [
        str(h["start"])
        for h in meeting.get("history") or []
        if h.get("start") and h.get("status") not in ACTUAL
    ]
    days = [v for v in values if len(v) >= 10]
    months = [v for v in values if len(v) >= 7]
    bounds = [keys.date_bounds(v) for v in (days or months or values)]
    bounds = [b for b in bounds if b]
    if not bounds:
        return None, None
    return min(b[0] for b in bounds).isoformat(), max(b[1] for b in bounds).isoformat()


@dataclass
class _Report:
    id: str
    lo: date | None
    hi: date | None
    published: date | None
    round: int | None
    process: str
    status: str | None
    city: str = ""
    vague: bool = False  # dated only to a month ("next month"): too coarse to tell meetings apart
    country: str = ""
    doc: str = ""
    earlier: bool = False  # named as a meeting before the article's own ("the previous round")

    @property
    def actual(self) -> bool:
        """Whether its dates are those of talks that took place (not a plan)."""
        return self.status in ACTUAL

    @property
    def firm(self) -> bool:
        """Whether it is a meeting its article tells apart from the article's others.

        A dated meeting or a plan is; an undated mention of talks held ("they
        have met three times") may sum up the meetings the article dates, and
        may join one of them.
        """
        return bool(self.doc) and (self.lo is not None or not self.actual)


@dataclass
class _Cluster:
    ids: list[str] = field(default_factory=list)
    lo: date | None = None
    hi: date | None = None
    rounds: set[int] = field(default_factory=set)
    processes: set[str] = field(default_factory=set)
    pub_lo: date | None = None
    pub_hi: date | None = None
    cities: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    told_apart: set[str] = field(default_factory=set)  # docs of its reports that are told apart (``firm``)
    dated_cities: set[str] = field(default_factory=set)
    actual: bool = False
    act_lo: date | None = None  # the days of talks that took place, without the plans' dates
    act_hi: date | None = None
    precise: bool = False  # dated by a report that gives days, not only a month

    def add(self, r: _Report) -> None:
        self.ids.append(r.id)
        if r.doc:
            self.docs.add(r.doc)
            if r.firm:
                self.told_apart.add(r.doc)
        self.precise = self.precise or (r.lo is not None and not r.vague)
        if r.vague and self.lo:  # a month does not widen a meeting dated to the day
            r = replace(r, lo=None, hi=None)
        if r.country:
            self.countries.add(r.country)
        if r.city:
            self.cities.add(r.city)
            if r.lo:
                self.dated_cities.add(r.city)
        self.actual = self.actual or (r.actual and r.lo is not None)
        if r.actual and r.lo and r.hi:
            self.act_lo = min(self.act_lo or r.lo, r.lo)
            self.act_hi = max(self.act_hi or r.hi, r.hi)
        if r.lo:
            self.lo = min(self.lo or r.lo, r.lo)
            self.hi = max(self.hi or r.hi, r.hi)  # type: ignore[type-var]
        if r.round is not None and not self.other_round(r):  # a session's ordinal is no round
            self.rounds.add(r.round)
        if r.process:
            self.processes.add(r.process)
        if r.published:
            self.pub_lo = min(self.pub_lo or r.published, r.published)
            self.pub_hi = max(self.pub_hi or r.published, r.published)

    def fits(self, r: _Report) -> bool:
        """Round numbers and process names never merge when both are known and differ.

        Except on the days of talks that took place: two rounds of one process
        are never a day apart, a session's ordinal ("the first session of this
        round") is. Dated reports in different towns must share a day
        (``_overlaps``): talks in two towns on two dates are two meetings (an
        opening conference and the round after it), on the same dates one
        meeting whose venue moved. Two meetings of one article are two
        meetings (``firm``): its reading already told them apart ("the first
        round" and "meet again").
        """
        if self.other_round(r) and not self.same_days_held(r):
            return False
        if r.firm and r.doc in self.told_apart:
            return False
        if self.after_it(r):
            return False
        return not (r.process and self.processes and r.process not in self.processes)

    def other_round(self, r: _Report) -> bool:
        return r.round is not None and bool(self.rounds) and r.round not in self.rounds

    def same_days_held(self, r: _Report) -> bool:
        """Whether a report of talks held falls within a day of these talks held.

        Only the days the talks took place count: a plan's date in the
        cluster ("a new round expected on Wednesday") does not widen them.
        """
        return bool(
            r.actual and r.lo and r.hi and self.act_lo and self.act_hi
            and r.lo <= self.act_hi + ACTUAL_TOLERANCE and r.hi >= self.act_lo - ACTUAL_TOLERANCE
        )

    def after_it(self, r: _Report) -> bool:
        """Whether a plan, written after these talks took place, is for a date after them."""
        return bool(
            not r.actual and self.actual and r.lo and r.published and self.hi
            and r.published >= self.hi and r.lo > self.hi
        )

    def other_town(self, r: _Report) -> bool:
        """Whether a dated report names a town none of the dated reports here names."""
        return bool(r.lo and r.city and self.dated_cities and r.city not in self.dated_cities)


@functools.lru_cache(maxsize=65536)
def _iso(value: str | None) -> date | None:
    b = keys.date_bounds(value)
    return b[0] if b and value and len(value) >= 10 else None


Why = dict[str, dict[str, Any]]  # report id -> why it is in its meeting (``joined``)


def cluster(reports: Iterable[_Report], why: Why | None = None) -> list[list[str]]:
    """Split one place's reports into meetings (lists of report ids).

    ``why`` receives, per report, the decision that put it where it is (``joined``).
    """
    reports = list(reports)
    why = {} if why is None else why
    clusters: list[_Cluster] = []
    dated = sorted((r for r in reports if r.lo and not r.vague), key=lambda r: (r.lo, r.hi, r.id))
    _place(clusters, [r for r in dated if r.actual], why)
    _place(clusters, [r for r in dated if not r.actual], why, nearest=True)
    for r in sorted((r for r in reports if r.vague), key=lambda r: (r.lo, r.hi, r.id)):
        _add_vague(clusters, r, why)
    undated = (r for r in reports if not r.lo)
    for r in sorted(undated, key=lambda r: (r.published or date.max, r.id)):
        _add_undated(clusters, r, why)
    return [sorted(c.ids) for c in clusters]


def _place(clusters: list[_Cluster], dated: list[_Report], why: Why, *, nearest: bool = False) -> None:
    """Dated reports, in date order, into the meeting their dates fit, else a new one.

    Talks that took place are placed first, then plans, each into the meeting whose
    first day is nearest its own (``nearest``): a plan for Monday between a second
    round held on Thursday and a third held on Tuesday is the third.
    """
    active = list(clusters)  # clusters a report at or after r.lo can still overlap
    for r in dated:
        active = [c for c in active if c.hi + ROUND_TOLERANCE >= r.lo]  # type: ignore[operator]
        match = _own_town_first(r, [c for c in active if c.fits(r) and _overlaps(c, r)])
        if match:
            found = min(match, key=lambda c: abs((c.lo - r.lo).days)) if nearest else match[-1]  # type: ignore[operator]
            why[r.id] = joined(found, r)
            found.add(r)
        else:
            why[r.id] = {"rule": "first"}
            active.append(_new(clusters))
            active[-1].add(r)


def _rule(c: _Cluster, r: _Report) -> tuple[str, timedelta]:
    """How far a report's dates may be from a cluster's, and why.

    The same round number is the strongest sign: a round's plan may move by
    months and its town be renegotiated, and talks under way days after its
    opening are its later sessions. Otherwise, towns differ only on the same
    days, dates of talks that took place agree within a day, plans within ten.
    """
    same_round = r.round is not None and r.round in c.rounds
    if same_round and r.actual and c.actual:
        return f"round {r.round}, days of its sessions", SESSION_TOLERANCE
    if same_round:
        return f"round {r.round}", ROUND_TOLERANCE
    if c.other_town(r):
        return "same days, venue moved", keys.days(0)
    if r.actual and c.actual:  # dates that happened agree, whatever the round says
        return "dates of talks held", ACTUAL_TOLERANCE
    return "planned dates", TOLERANCE


def joined(c: _Cluster, r: _Report) -> dict[str, Any]:
    """Why a dated report is one meeting with a cluster: its dates fall in the cluster's window."""
    rule, tol = _rule(c, r)
    return {
        "rule": rule,
        "window": [(c.lo - tol).isoformat(), (c.hi + tol).isoformat()],  # type: ignore[operator]
        **({"process": sorted(c.processes)} if c.processes else {}),
    }


def _own_town_first(r: _Report, match: list[_Cluster]) -> list[_Cluster]:
    """Of the meetings a report's dates allow, those in its own town if any.

    An opening conference in one town and the round that follows it in
    another, days apart, both fall in a planned date's window; the town decides.
    """
    own = [c for c in match if r.city and r.city in c.cities]
    return own or match


def _add_vague(clusters: list[_Cluster], r: _Report, why: Why) -> None:
    """A report dated only to a month (or year) joins a meeting dated within it, else starts one.

    Among several, it is read like an undated report (its town first, then
    the meeting its publication date points to); it never widens a meeting's
    dates, so it cannot chain two meetings of the same month together.
    """
    inside = [c for c in clusters if c.precise and r.lo <= c.lo <= r.hi]  # type: ignore[operator]
    found = _attach(inside, r) if inside else None
    if found is None:  # another report of the same month and nothing dated to the day
        match = [c for c in clusters if c.lo and not c.precise and c.fits(r) and _overlaps(c, r)]
        found = match[-1] if match else None
    if found is None:
        why[r.id] = {"rule": "first"}
        _new(clusters).add(r)
        return
    span = [found.lo.isoformat(), found.hi.isoformat()] if found.lo and found.hi else None
    why[r.id] = {"rule": "month or year only, a meeting within it", **({"window": span} if span else {}),
                 **({"process": sorted(found.processes)} if found.processes else {})}
    found.add(r)


def _add_undated(clusters: list[_Cluster], r: _Report, why: Why) -> None:
    """An undated report joins the meeting its publication date points to, else starts one."""
    found = _before_own(clusters, r) if r.earlier else None
    if found is not None:
        why[r.id] = {"rule": "undated, the meeting before the article's own",
                     "window": [found.lo.isoformat(), found.hi.isoformat()]}  # type: ignore[union-attr]
        found.add(r)
        return
    found = _attach(clusters, r)
    if found is None:
        why[r.id] = {"rule": "first"}
        _new(clusters).add(r)
        return
    rule = "undated, published near"
    if found.lo and r.published:
        rule = "undated, reported after" if r.published >= found.lo else "undated, reported before"
    span = [found.lo.isoformat(), found.hi.isoformat()] if found.lo and found.hi else None
    why[r.id] = {"rule": rule, **({"window": span} if span else {}),
                 **({"process": sorted(found.processes)} if found.processes else {})}
    found.add(r)


def _before_own(clusters: list[_Cluster], r: _Report) -> _Cluster | None:
    """The meeting just before the one the report's own article is about ("the previous round")."""
    own = [c.lo for c in clusters if r.doc in c.docs and c.lo]
    if not own:
        return None
    first = min(own)
    before = [c for c in clusters if c.lo and c.hi and c.hi < first and c.fits(r)]
    return max(before, key=lambda c: (c.lo, c.hi)) if before else None


def _new(clusters: list[_Cluster]) -> _Cluster:
    clusters.append(_Cluster())
    return clusters[-1]


def _overlaps(c: _Cluster, r: _Report) -> bool:
    tol = _rule(c, r)[1]
    return r.lo <= c.hi + tol and r.hi >= c.lo - tol  # type: ignore[operator]


def _venue_allows(c: _Cluster, r: _Report) -> bool:
    """An undated report naming another town joins only talks not yet under way.

    A venue is renegotiated before the talks happen; once they took place in
    one town, a later report about talks in another town speaks of other talks.
    """
    if not r.city or not c.dated_cities or r.city in c.dated_cities:
        return True
    return not c.actual or (r.published is not None and c.lo is not None and r.published <= c.lo)


def _attach(clusters: list[_Cluster], r: _Report) -> _Cluster | None:
    """The meeting an undated report most likely speaks of, if any is near enough.

    Talks in the report's own town come first, then in its country.
    """
    fitting = [c for c in clusters if c.fits(r) and _venue_allows(c, r)]
    same_town = [c for c in fitting if r.city and r.city in c.cities]
    same_country = [c for c in fitting if r.country and r.country in c.countries]
    fitting = same_town or same_country or fitting
    if r.published is None:
        return fitting[0] if fitting else None
    pub = r.published
    dated = [c for c in fitting if c.lo]
    before = [c for c in dated if c.lo <= pub and pub - c.hi <= UNDATED_WINDOW]  # type: ignore[operator]
    after = [c for c in dated if c.hi >= pub - TOLERANCE and c.lo - pub <= UNDATED_WINDOW]  # type: ignore[operator]
    if r.status in PAST and before:
        return max(before, key=lambda c: c.lo)  # type: ignore[arg-type, return-value]
    if r.actual:  # talks said to be under way or over are not talks that start later
        after = [c for c in after if c.lo <= pub]  # type: ignore[operator]
    if after:
        return min(after, key=lambda c: c.lo)  # type: ignore[arg-type, return-value]
    if before:
        return max(before, key=lambda c: c.lo)  # type: ignore[arg-type, return-value]
    # undated talks told in two countries are two meetings: nothing else says they are one
    loose = [
        c
        for c in fitting
        if not c.lo and c.pub_lo and c.pub_lo - UNDATED_WINDOW <= pub <= c.pub_hi + UNDATED_WINDOW
        and not (r.country and c.countries and r.country not in c.countries)
    ]  # type: ignore[operator]
    return loose[0] if loose else None
