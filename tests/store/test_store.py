"""The store: writing digests, merging them across articles, asking the record.

Every test taking ``record`` or ``databases`` runs on SQLite and, when
``TALKWATCH_TEST_PG`` is set, on PostgreSQL.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from store_fixtures import actor, digest, ev, meeting, round_report, three_reports
from talkwatch import store
from talkwatch.errors import NotFound, SchemaError, StoreError

pytest_plugins = ("store_backends",)  # the ``databases`` and ``record`` fixtures

def test_three_reports_of_one_round_are_one_meeting(record):
    record.save_many(reversed(three_reports()))  # arrival order must not matter
    (m,) = record.meetings()
    assert (m["status"], m["start"], m["round"], m["n_documents"]) == (
        "ongoing",
        "2024-03-16",
        5,
        3,
    )
    full = record.meeting(m["id"])
    # a repeated state folds into its first statement; the repeating document stays listed
    assert [(h["reported"], h["status"]) for h in full["history"]] == [
        ("2024-03-03", "scheduled"),
        ("2024-03-09", "postponed"),
        ("2024-03-16", "ongoing"),
    ]
    assert len(full["history"][0]["also"]) == 1
    assert all(full["history"][i]["evidence"]["text"] for i in range(3))


def test_attendance_latest_status_wins_with_history(record):
    record.save_many(three_reports())
    full = record.meeting("Lusaka talks")
    by_name = {p["name"]: p for p in full["participants"]}
    # arrived at talks now under way: attended, an implied entry citing the meeting's statement
    assert by_name["Northern Front"]["status"] == "attended"
    assert [(h["status"], h["implied"]) for h in by_name["Northern Front"]["history"]] == [
        ("invited", False),
        ("undecided", False),
        ("arrived", False),
        ("attended", True),
    ]
    assert by_name["Northern Front"]["history"][-1]["evidence"]["text"].startswith("Lusaka, 16 March")
    assert by_name["Government of Kaweri"]["status"] == "attended"
    assert by_name["Northern Front"]["evidence_count"] == 4
    assert full["parties"] == 2


def test_two_rounds_at_one_venue_are_kept_apart(record):
    fourth = round_report(
        "Lusaka - The fourth round of talks ended on Friday.",
        "2024-03-10",
        "concluded",
        "2024-03-08",
        round_=4,
    )
    record.save_many([*three_reports(), fourth])
    rounds = sorted(m["round"] for m in record.meetings())
    assert rounds == [4, 5]


def test_past_meeting_mentioned_later_stays_apart(record):
    body = (
        "The fifth round opens on March 12 in Lusaka. "
        "The last meeting in Lusaka, in January, ended without a deal"
    )
    current = meeting(
        "m1",
        "Lusaka talks",
        city="Lusaka",
        status="scheduled",
        start="2024-03-12",
        evidence=[ev(body, "The fifth round opens on March 12 in Lusaka")],
    )
    past = meeting(
        "m2",
        "Lusaka meeting",
        city="Lusaka",
        status="held",
        start="2024-01-20",
        evidence=[ev(body, "The last meeting in Lusaka, in January, ended without a deal")],
    )
    record.save(digest(body, "2024-03-01", meetings=[current, past]))
    assert sorted(m["status"] for m in record.meetings()) == ["held", "scheduled"]


def test_undated_report_joins_the_meeting_it_speaks_of(record):
    record.save_many(three_reports())
    body = "Talks in Lusaka ended without agreement, mediators said"
    undated = meeting(
        "m1",
        "Lusaka talks",
        city="Lusaka",
        status="concluded",
        start=None,
        evidence=[ev(body, body)],
    )
    record.save(digest(body, "2024-03-20", meetings=[undated]))
    (m,) = record.meetings()
    assert m["status"] == "concluded" and m["start"] == "2024-03-16"


def test_same_actor_across_articles_is_one_actor_with_aliases(record):
    b1, b2 = "Envoy Mara Lindt arrived", "Lindt said the talks would resume"
    record.save(digest(b1, "2024-01-01", actors=[actor("a1", "Mara Lindt", "person", key="p:lindt")]))
    record.save(
        digest(
            b2,
            "2024-01-02",
            actors=[actor("a1", "Lindt", "person", key="p:lindt", aliases=["UN envoy Lindt"])],
        )
    )
    record.save(digest(b2 + ".", "2024-01-03", actors=[actor("a1", "Mara Lindt", "person", key="p:lindt")]))
    a = record.actor("UN envoy Lindt")
    assert a["name"] == "Mara Lindt"
    assert set(a["aliases"]) == {"Lindt", "UN envoy Lindt"}
    assert record.counts()["actors"] == 1


def test_actor_without_key_merges_by_name_whatever_its_type(record):
    record.save(digest("one", None, actors=[actor("a1", "The Northern Front", "armed_group")]))
    record.save(digest("two", None, actors=[actor("a1", "northern front", "opposition")]))
    record.save(digest("three", None, actors=[actor("a1", "Northern Front", "armed_group")]))
    assert record.counts()["actors"] == 1
    (a,) = record.record()["actors"]
    assert a["type"] == "armed_group"  # the type most reports give


def test_conflicting_reports_of_the_same_day_are_listed(record):
    b1 = "The Lusaka talks will open on March 12"
    b2 = "The Lusaka talks will open on March 14"
    for body, start in ((b1, "2024-03-12"), (b2, "2024-03-14")):
        m = meeting(
            "m1",
            "Lusaka talks",
            city="Lusaka",
            status="scheduled",
            start=start,
            evidence=[ev(body, body)],
        )
        record.save(digest(body, "2024-03-05", meetings=[m]))
    (c,) = record.conflicts()
    assert c["field"] == "start" and c["reported"] == "2024-03-05"
    assert [v["value"] for v in c["values"]] == ["2024-03-12", "2024-03-14"]
    assert len(record.meetings()) == 1


def test_ingesting_twice_adds_nothing(record):
    first = record.save_many(three_reports())
    before, checksum = record.counts(), record.checksum()
    again = record.save_many(three_reports())
    assert (first.added, again.added, again.skipped) == (3, 0, 3)
    assert record.counts() == before and record.checksum() == checksum


def test_ids_and_checksum_do_not_depend_on_order(databases):
    reports = three_reports()
    with databases.open() as a, databases.open() as b:
        for d in reports:
            a.save(d)
        b.save_many(reversed(reports))
        assert [m["id"] for m in a.meetings()] == [m["id"] for m in b.meetings()]
        assert a.checksum() == b.checksum()


def test_search_finds_bodies_and_quotes(record):
    body = 'The envoy said: "We will not give up on the ceasefire," before leaving Lusaka'
    qstart = body.index("We will")
    quote = {
        "speaker": "a1",
        "speaker_text": "The envoy",
        "speaker_start": 0,
        "speaker_end": 9,
        "text": "We will not give up on the ceasefire",
        "start": qstart,
        "end": qstart + 36,
        "evidence": ev(body, body),
    }
    record.save(
        digest(body, "2024-01-01", actors=[actor("a1", "The envoy", "person")], quotes=[quote]),
        body=body,
    )
    kinds = sorted(r["kind"] for r in record.search("ceasefire"))
    assert kinds == ["document", "quote"]
    assert record.search("Lusaka")[0]["kind"] == "document"
    assert record.search('"unbalanced quote AND (') == []


def test_export_json_follows_the_record_shape(record, tmp_path):
    record.save_many(three_reports())
    (path,) = record.export("json", tmp_path)
    data = json.loads(path.read_text())
    assert data["schema"] == "talkwatch.record/1"
    assert len(data["documents"]) == 3 and len(data["meetings"]) == 1
    m = data["meetings"][0]
    assert {"history", "participants", "documents", "venue", "status"} <= set(m)
    actor_ids = {a["id"] for a in data["actors"]}
    assert {p["actor"] for p in m["participants"]} <= actor_ids


def test_export_jsonl_rows_carry_kind(record, tmp_path):
    record.save_many(three_reports())
    (path,) = record.export("jsonl", tmp_path / "r.jsonl")
    kinds = [json.loads(line)["kind"] for line in path.read_text().splitlines()]
    assert kinds.count("document") == 3 and kinds.count("meeting") == 1


def test_export_csv_tables_with_provenance(record, tmp_path):
    record.save_many(three_reports())
    files = {p.name for p in record.export("csv", tmp_path / "out")}
    assert {
        "documents.csv",
        "meetings.csv",
        "meeting_history.csv",
        "participations.csv",
        "events.csv",
    } <= files
    header = (tmp_path / "out" / "participations.csv").read_text().splitlines()[0]
    assert "document" in header and "sentence" in header and "evidence_start" in header
    assert (tmp_path / "out" / "events.csv").read_text().startswith("GLOBALEVENTID,SQLDATE")


def test_export_parquet(record, tmp_path):
    pytest.importorskip("duckdb")
    record.save_many(three_reports())
    files = {p.name for p in record.export("parquet", tmp_path / "pq")}
    assert "meetings.parquet" in files and "participations.parquet" in files


def test_to_pandas(record):
    pytest.importorskip("pandas")
    record.save_many(three_reports())
    assert len(record.to_pandas("meeting_history")) == 3  # a repeated state folded
    assert len(record.to_pandas("documents")) == 3
    with pytest.raises(NotFound):
        record.to_pandas("nope")


def test_unknown_meeting_and_actor_are_not_found(record):
    with pytest.raises(NotFound):
        record.meeting("Atlantis summit")
    with pytest.raises(NotFound):
        record.actor("Nobody")


# --- bad databases ---------------------------------------------------------------------


def test_file_that_is_not_sqlite_is_refused_and_kept(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n")
    with pytest.raises(StoreError, match="not a SQLite"):
        store.open(path)
    assert path.read_text() == "these are my notes, not a database\n"


def test_sqlite_file_of_another_application_is_refused(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="another application"):
        store.open(path)


def test_database_of_another_application_is_refused(databases):
    location = databases.location()
    with store.open(location, create=True) as rec:  # creates the PostgreSQL schema
        rec.backend.execute("DROP TABLE _migrations")
    with pytest.raises(StoreError, match="another application"):
        store.open(location)


def test_database_from_a_newer_version_is_refused_and_kept(databases):
    location = databases.location()
    with store.open(location, create=True) as rec:
        rec.save_many(three_reports())
        rec.backend.execute("INSERT INTO _migrations (name, applied_at) VALUES ('0099_future', 'x')")
    with pytest.raises(SchemaError, match="newer"):
        store.open(location)
    with pytest.raises(SchemaError, match="newer"):
        store.open(location, create=True)
    assert databases.raw(location, "SELECT count(*) FROM documents") == 3


def test_missing_database_for_queries_is_a_clear_error(databases):
    with pytest.raises(NotFound, match="ingest"):
        store.open(databases.location())


def test_every_migration_is_recorded_and_foreign_keys_hold(record):
    names = {r["name"] for r in record.backend.query("SELECT name FROM _migrations")}
    assert names == {"0001_record", "0002_fulltext", "0003_ordinal", "0004_extractor", "0005_corrections",
                     "0006_rules", "0007_joined", "0008_attendance", "0009_pages", "0010_places",
                     "0011_pages_current", "0012_meetings_sorted",
                     "0013_mentions_covering", "0014_page_parts", "0015_process_lanes",
                     "0016_process_filter"}
    with pytest.raises(Exception, match="(?i)foreign key"), record.backend.transaction():  # noqa: B017
        record.backend.execute("INSERT INTO dates (doc_id, idx) VALUES ('no such article', 0)")
    assert record.counts()["dates"] == 0


def test_a_record_from_before_the_ordinal_migration_is_upgraded(tmp_path):
    path = tmp_path / "old.db"
    many = [actor(f"a{n}", f"Actor {n}") for n in range(1, 13)]  # a10 sorts before a2 as text
    dg = digest("twelve actors", "2024-01-01", actors=many)
    with store.open(path, create=True) as rec:
        rec.save(dg)
        rec.backend.execute("ALTER TABLE doc_actors DROP COLUMN ord")  # as 0002 left it
        rec.backend.execute("DELETE FROM _migrations WHERE name = '0003_ordinal'")
    with store.open(path) as rec:
        assert rec.digest(dg["document"]["id"])["actors"] == many
        rec.save(digest("one more", None, actors=many[:2]))
        assert rec.counts()["doc_actors"] == 14


def test_sqlite_database_is_wal_with_foreign_keys(tmp_path):
    with store.open(tmp_path / "tw.db", create=True) as rec:
        assert rec.backend.scalar("PRAGMA journal_mode") == "wal"
        assert rec.backend.scalar("PRAGMA foreign_keys") == 1


def test_reader_works_while_a_batch_is_being_written(databases):
    location = databases.location()
    with store.open(location, create=True) as writer:
        writer.save_many(three_reports()[:1])
        with writer.backend.transaction():
            writer.backend.execute("INSERT INTO documents (id) VALUES ('in-flight')")
            writer.backend.scalar("SELECT count(*) FROM documents")  # sent, not committed
            with store.open(location) as reader:
                assert len(reader.meetings()) == 1
                assert reader.counts()["documents"] == 1
    with store.open(location) as reader:
        assert reader.counts()["documents"] == 2


def test_a_failing_batch_leaves_nothing_behind(record):
    bad = digest("broken article", "2024-01-01", participations=[{"meeting": "m1"}])
    bad["actors"] = [{"id": "a1", "name": object()}]  # not storable
    with pytest.raises(Exception):  # noqa: B017 - whatever sqlite raises, the batch rolls back
        record.save_many([*three_reports(), bad])
    assert record.counts()["documents"] == 0


def test_a_batch_failing_in_the_database_leaves_nothing_behind(record):
    bad = digest("duplicate fact rows", "2024-01-01", actors=[actor("a1", "X"), actor("a1", "Y")])
    with pytest.raises(Exception, match="(?i)unique|duplicate"):  # noqa: B017 - sqlite3 or psycopg
        record.save_many([*three_reports(), bad])
    assert record.counts() == dict.fromkeys(record.counts(), 0)
    record.save_many(three_reports())  # the connection is usable afterwards
    assert record.counts()["documents"] == 3


def test_digest_must_have_a_document_id(record):
    with pytest.raises(SchemaError):
        record.save({"schema": "talkwatch.digest/1", "document": {}})
    with pytest.raises(TypeError):
        record.save_many(["not a digest"])


def test_default_db_location(monkeypatch, tmp_path):
    monkeypatch.setenv("TALKWATCH_DB", str(tmp_path / "env.db"))
    assert store.default_db() == str(tmp_path / "env.db")
    monkeypatch.delenv("TALKWATCH_DB")
    assert store.default_db() == "talkwatch.db"
    assert Path(store.default_db()).name == store.DEFAULT_DB
