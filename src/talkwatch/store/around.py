"""Placing reports that name no place: into the placed meetings near them, or meetings of their own.

Runs after each place is clustered (``clusters``): the placed meetings are
fixed anchors that take reports but never merge. Reports of talks that took
place are placed first, so a plan joins the held talks nearest its date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .clusters import (
    Why,
    _add_undated,
    _add_vague,
    _Cluster,
    _new,
    _overlaps,
    _own_town_first,
    _Report,
    joined,
)


def cluster_around(
    anchors: list[tuple[str, list[_Report]]], reports: Iterable[_Report], why: Why | None = None
) -> tuple[dict[str, str], list[list[str]]]:
    """Place reports that name no place: into a placed meeting, or into meetings of their own.

    ``anchors`` are the placed meetings near them (meeting id, its reports), each
    fixed: they take reports but never merge with each other. Returns the
    reports that joined a placed meeting (report id -> meeting id) and the groups
    of the others. A past round mentioned in passing ("the fifth round, which
    ended last week") joins the round an earlier report described.
    """
    clusters: list[_Cluster] = []
    fixed: dict[int, str] = {}
    for mid, members in sorted(anchors, key=lambda a: a[0]):
        c = _new(clusters)
        for r in sorted(members, key=lambda r: r.id):
            c.add(r)
        fixed[id(c)] = mid
    placed = len(clusters)
    reports = list(reports)
    why = {} if why is None else why
    for r in sorted((r for r in reports if r.lo and not r.vague), key=_held_first):
        match = _own_town_first(r, [c for c in clusters if c.lo and c.fits(r) and _overlaps(c, r)])
        if match:
            why[r.id] = joined(_nearest(match, r), r)
            _nearest(match, r).add(r)
        else:
            why[r.id] = {"rule": "first"}
            _new(clusters).add(r)
    for r in sorted((r for r in reports if r.vague), key=lambda r: (r.lo, r.hi, r.id)):
        _add_vague(clusters, r, why)
    for r in sorted((r for r in reports if not r.lo), key=lambda r: (r.published or date.max, r.id)):
        _add_undated(clusters, r, why)
    own = {r.id for r in reports}
    into = {i: fixed[id(c)] for c in clusters[:placed] for i in c.ids if i in own}
    return into, [sorted(c.ids) for c in clusters[placed:]]


def _nearest(match: list[_Cluster], r: _Report) -> _Cluster:
    """The cluster whose first day is nearest the report's (ties: the earlier-made one)."""
    return min(match, key=lambda c: abs((c.lo - r.lo).days))  # type: ignore[operator]


def _held_first(r: _Report) -> tuple[bool, date, date, str]:
    """Talks that took place first, then plans: a plan joins the held talks nearest its date.

    A "new round expected on Wednesday" placed before the second round held
    on Thursday would join whichever meeting came first within its window.
    """
    return (not r.actual, r.lo, r.hi, r.id)  # type: ignore[return-value]
