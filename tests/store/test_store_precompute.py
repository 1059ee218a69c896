"""What meeting pages need, stored at merge time, equals what the fact tables answer live.

Runs on SQLite and, when ``TALKWATCH_TEST_PG`` is set, on PostgreSQL.
"""

from __future__ import annotations

import json

from store_fixtures import A1, A2, A3, actor, digest, ev, meeting, round_report
from store_fixtures import three_reports as _three
from talkwatch import store
from talkwatch.store import precompute, queries

pytest_plugins = ("store_backends",)


def _live(backend, mid: str) -> str:
    return precompute.dumps(queries.meeting(backend, mid))


def _only_meeting(backend) -> str:
    (mid,) = [r["id"] for r in backend.query("SELECT id FROM meetings")]
    return mid


def test_the_stored_answer_is_the_live_one_after_every_report(record):
    for d, body in zip(_three(), (A1, A2, A3), strict=True):
        record.save_many([store.Item(d, body)])
        mid = _only_meeting(record.backend)
        assert precompute.answer(record.backend, mid) == _live(record.backend, mid)
    row = record.backend.query("SELECT grp, undated FROM meeting_pages")[0]
    assert (row["grp"], row["undated"]) == ("Lusaka talks", 0)  # the name its reports use


def test_a_renamed_actor_makes_the_stored_answer_stale(record):
    record.save_many([store.Item(d, body) for d, body in zip(_three(), (A1, A2, A3), strict=True)])
    b = record.backend
    mid = _only_meeting(b)
    with b.transaction():  # as an article about something else could rename it
        b.execute("UPDATE actors SET name = 'Northern Front (NF)' WHERE name = 'Northern Front'")
    assert precompute.answer(b, mid) is None
    assert "Northern Front (NF)" in _live(b, mid)


def test_a_correction_of_a_quote_makes_the_stored_answer_stale(record):
    body = ("Lusaka, 3 March - The fifth round of talks is due to open on March 12. "
            '"We will be there," said Ana Berg of the Northern Front')
    first = body.split(". ")[0]
    d = digest(body, "2024-03-03", actors=[actor("a1", "Ana Berg", "person")],
               meetings=[meeting("m1", "Lusaka talks", city="Lusaka", status="scheduled",
                                 start="2024-03-12", evidence=[ev(body, first)],
                                 history=[{"status": "scheduled", "start": "2024-03-12",
                                           "evidence": ev(body, first)}])],
               quotes=[{"speaker": "a1", "text": "We will be there", "evidence": ev(
                   body, '"We will be there," said Ana Berg of the Northern Front')}])
    record.save_many([store.Item(d, body)])
    b = record.backend
    mid = _only_meeting(b)
    assert precompute.answer(b, mid) is not None
    quote = ev(body, '"We will be there," said Ana Berg of the Northern Front')
    record.correct({"action": "reject", "kind": "quotes", "author": "ana",
                    "document": d["document"]["id"],
                    "evidence": {"start": quote["start"], "end": quote["end"]}})
    assert precompute.answer(b, mid) is None  # the quote is gone from the live answer
    assert json.loads(_live(b, mid))["quotes"] == []


def test_postponements_are_stored_in_statement_order(record):
    first = round_report("Lusaka, 1 March - The round of talks is due to open on March 12",
                         "2024-03-01", "scheduled", "2024-03-12")
    later = round_report("Lusaka, 8 March - The round of talks was postponed to April 2",
                         "2024-03-08", "postponed", "2024-04-02")
    record.save_many([store.Item(first), store.Item(later)])
    b = record.backend
    mid = _only_meeting(b)
    stored, missing = precompute.stored_moves(b, [mid, "nothing"])
    assert missing == ["nothing"]
    assert stored == precompute.moves(b, [mid])
    assert [m[:2] for m in stored[mid]] == [("2024-03-12", "2024-04-02")]


def test_opening_a_record_from_before_the_table_computes_its_meetings(databases):
    location = databases.location()
    with databases.open(location) as old:  # as the previous version left it
        old.save_many([store.Item(d, body) for d, body in zip(_three(), (A1, A2, A3), strict=True)])
        with old.backend.transaction():
            old.backend.execute("DROP TABLE meeting_pages")
            old.backend.execute("DROP TABLE actor_pages")
            old.backend.execute("DROP INDEX documents_order")
            old.backend.execute("DROP INDEX meeting_reports_days")
            # a version before 0009 had neither the table nor the page parts it gained in 0014
            old.backend.execute("DELETE FROM _migrations WHERE name IN ('0009_pages', '0014_page_parts')")
    with databases.open(location) as record:  # opening applies 0009_pages, then 0014_page_parts
        b = record.backend
        mid = _only_meeting(b)
        assert precompute.answer(b, mid) == _live(b, mid)
        assert precompute.page(b, mid) is not None


def test_an_actor_answer_is_stored_and_used_while_current(record):
    from talkwatch.store import pages

    record.save_many([store.Item(d, body) for d, body in zip(_three(), (A1, A2, A3), strict=True)])
    b = record.backend
    ids = [r["id"] for r in b.query("SELECT id FROM actors ORDER BY id")]
    assert ids
    for aid in ids:
        assert pages.actor_answer(b, aid) == precompute.dumps(queries.actor(b, aid))
    front = next(a for a in ids if queries.actor(b, a)["name"] == "Northern Front")
    with b.transaction():  # a meeting of the actor changes without a new article of its own
        b.execute("UPDATE meetings SET status = 'postponed'")
    assert pages.actor_answer(b, front) is None
    with b.transaction():
        pages.write_actor(b, front)
    assert pages.actor_answer(b, front) == precompute.dumps(queries.actor(b, front))
    with b.transaction():  # another alias, as an article elsewhere would add
        b.execute("INSERT INTO actor_names (actor_id, name, lname, n_name, n_alias)"
                  " VALUES (?, 'NF', 'nf', 0, 1)", (front,))
    assert pages.actor_answer(b, front) is None


def test_opening_a_record_whose_rows_name_gone_meetings_computes_them_again(databases):
    location = databases.location()
    with databases.open(location) as old:  # as 0010_places left it: meetings re-clustered
        old.save_many([store.Item(d, body) for d, body in zip(_three(), (A1, A2, A3), strict=True)])
        with old.backend.transaction():
            old.backend.execute("UPDATE meeting_pages SET meeting_id = 'gone'")
            old.backend.execute("DELETE FROM actor_pages")
            old.backend.execute("DELETE FROM _migrations WHERE name = '0011_pages_current'")
    with databases.open(location) as record:  # opening applies 0011_pages_current
        b = record.backend
        mid = _only_meeting(b)
        assert precompute.answer(b, mid) == _live(b, mid)
        assert [r["meeting_id"] for r in b.query("SELECT meeting_id FROM meeting_pages")] == [mid]
        assert b.scalar("SELECT count(*) FROM actor_pages") == b.scalar("SELECT count(*) FROM actors")
