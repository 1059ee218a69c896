"""A meeting page's parts stored at merge time equal those rendered from the live answer,
and stop being used (or are rebuilt) whenever what they show changes."""

from __future__ import annotations

import json

from store_fixtures import A1, A2, A3, actor, digest, ev, meeting, round_report
from store_fixtures import three_reports as _three
from talkwatch import store
from talkwatch.serve import fragments
from talkwatch.serve import queries as serve_queries
from talkwatch.store import precompute, queries
from talkwatch.store.corrections import trail

pytest_plugins = ("store_backends",)


def _only_meeting(backend) -> str:
    (mid,) = [r["id"] for r in backend.query("SELECT id FROM meetings")]
    return mid


def _live_parts(backend, mid: str) -> dict[str, str]:
    """The parts as a page renders them without a stored row: from the live answer."""
    m = json.loads(precompute.dumps(queries.meeting(backend, mid)))
    moves = serve_queries.moves(backend, [mid]).get(mid, [])
    label = serve_queries.group_of(backend, m)
    return fragments.render(backend, m, label, moves, trail.of_documents(backend, m["documents"]))


def _column_is_current(backend, mid: str) -> None:
    """The stored grid column is the one built live, or none is used."""
    kept = precompute.grid_columns(backend, [mid]).get(mid)
    assert kept is None or kept == json.loads(precompute.dumps(fragments.column(backend, mid)))


def _stored_parts(backend, mid: str) -> dict[str, str] | None:
    row = precompute.page(backend, mid)
    return None if row is None else {p: row[p] for p in fragments.PARTS}


def test_the_stored_parts_are_the_live_ones_after_every_report(record):
    for n, (d, body) in enumerate(zip(_three(), (A1, A2, A3), strict=True), 1):
        record.save_many([store.Item(d, body)])
        b = record.backend
        mid = _only_meeting(b)
        stored = _stored_parts(b, mid)
        assert stored == _live_parts(b, mid)
        _column_is_current(b, mid)
        assert precompute.grid_columns(b, [mid])[mid]  # the Northern Front's cell at least
        assert stored["history"].count('<a class="doc"') >= min(n, 3)  # each new article linked
    assert precompute.page(b, mid)["name"] == queries.meeting(b, mid)["name"]


def test_a_renamed_actor_makes_the_stored_parts_stale(record):
    record.save_many([store.Item(d, body) for d, body in zip(_three(), (A1, A2, A3), strict=True)])
    b = record.backend
    mid = _only_meeting(b)
    assert precompute.page(b, mid) is not None
    with b.transaction():  # as an article about something else could rename it
        b.execute("UPDATE actors SET name = 'Northern Front (NF)' WHERE name = 'Northern Front'")
    assert precompute.page(b, mid) is None


def test_a_correction_drops_or_rebuilds_the_stored_parts(record):
    body = ("Lusaka, 3 March - The fifth round of talks is due to open on March 12. "
            '"We will be there," said Ana Berg of the Northern Front')
    first = body.split(". ")[0]
    said = '"We will be there," said Ana Berg of the Northern Front'
    d = digest(body, "2024-03-03", actors=[actor("a1", "Ana Berg", "person")],
               meetings=[meeting("m1", "Lusaka talks", city="Lusaka", status="scheduled",
                                 start="2024-03-12", evidence=[ev(body, first)],
                                 history=[{"status": "scheduled", "start": "2024-03-12",
                                           "evidence": ev(body, first)}])],
               quotes=[{"speaker": "a1", "text": "We will be there", "evidence": ev(body, said)}])
    record.save_many([store.Item(d, body)])
    b = record.backend
    mid = _only_meeting(b)
    assert '<figure class="quote">' in _stored_parts(b, mid)["rest"]
    quote = ev(body, said)
    record.correct({"action": "reject", "kind": "quotes", "author": "ana",
                    "document": d["document"]["id"],
                    "evidence": {"start": quote["start"], "end": quote["end"]}})
    stored = _stored_parts(b, mid)  # a quote's correction does not merge the meeting again
    assert stored is None or stored == _live_parts(b, mid)
    _column_is_current(b, mid)
    live = _live_parts(b, mid)
    assert '<figure class="quote">' not in live["rest"] and "Corrections (1)" in live["rest"]
    status = ev(body, first)  # a meeting's correction merges it again: parts rebuilt
    record.correct({"action": "set", "kind": "meetings", "author": "ana",
                    "document": d["document"]["id"], "changes": {"status": "held"},
                    "evidence": {"start": status["start"], "end": status["end"]}})
    mid = _only_meeting(b)
    stored = _stored_parts(b, mid)
    assert stored == _live_parts(b, mid)
    assert "st-held" in stored["head"] and "Corrections (2)" in stored["rest"]
    _column_is_current(b, mid)


def _lanes_are_current(backend) -> None:
    groups = [r["grp"] for r in backend.query(
        "SELECT DISTINCT grp FROM meeting_pages WHERE grp IS NOT NULL ORDER BY grp")]
    assert groups
    for grp in groups:
        assert precompute.lanes(backend, grp) == fragments.lane_drawings(backend, grp)
    stored = [r["grp"] for r in backend.query("SELECT grp FROM process_lanes ORDER BY grp")]
    assert stored == groups  # none left of a process without meetings


def test_the_stored_timeline_of_a_process_is_redrawn_whenever_a_meeting_changes(record):
    first = round_report("Lusaka, 1 March - The round of talks is due to open on March 12",
                         "2024-03-01", "scheduled", "2024-03-12")
    later = round_report("Lusaka, 8 March - The round of talks was postponed to April 2",
                         "2024-03-08", "postponed", "2024-04-02")
    b = record.backend
    record.save_many([store.Item(first)])
    _lanes_are_current(b)
    before = precompute.lanes(b, b.scalar("SELECT grp FROM meeting_pages"))
    record.save_many([store.Item(later)])
    _lanes_are_current(b)
    after = precompute.lanes(b, b.scalar("SELECT grp FROM meeting_pages"))
    assert after != before and "2024-04-02" in json.dumps(after)  # the postponement drawn
    for d, body in zip(_three(), (A1, A2, A3), strict=True):
        record.save_many([store.Item(d, body)])
        _lanes_are_current(record.backend)
