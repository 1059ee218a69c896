"""What is particular to the PostgreSQL backend: URLs, SQL translation, text, schemas, retries.

The whole store suite also runs on PostgreSQL (``store_backends``); the tests
here that need a server skip without ``TALKWATCH_TEST_PG``.
"""

from __future__ import annotations

import os
import threading

import pytest

from store_fixtures import actor, digest, three_reports
from talkwatch import store
from talkwatch.errors import NotFound, StoreError
from talkwatch.store import migrations, postgres

pytest_plugins = ("store_backends",)
PG_URL = os.environ.get("TALKWATCH_TEST_PG")

needs_server = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="TALKWATCH_TEST_PG is not set (no PostgreSQL server)"),
]


# --- no server needed --------------------------------------------------------------------


def test_placeholders_become_psycopg_style_outside_quotes():
    sql = "SELECT '?', \"a?\", x FROM t WHERE y LIKE ? AND z = '%' || ? AND w = $$?$$"
    assert postgres.to_psycopg(sql) == (
        "SELECT '?', \"a?\", x FROM t WHERE y LIKE %s AND z = '%' || %s AND w = $$?$$"
    )
    assert postgres.to_psycopg("SELECT 5 % 2, ?") == "SELECT 5 %% 2, %s"


def test_urls_lose_their_password_and_schema_in_messages():
    assert (
        postgres.masked("postgresql://me:s3cr:et@db.example:5432/tw")
        == "postgresql://me:***@db.example:5432/tw"
    )
    assert postgres.masked("postgres://db/tw") == "postgres://db/tw"
    assert postgres.split_schema("postgresql://db/tw?schema=team_a&sslmode=disable") == (
        "postgresql://db/tw?sslmode=disable",
        "team_a",
    )
    with pytest.raises(StoreError, match="plain identifier"):
        postgres.split_schema('postgresql://db/tw?schema=a"; DROP TABLE x; --')


def test_portable_ddl_compares_text_bytewise_on_postgres():
    sql = "CREATE TABLE t (ev_text TEXT, score REAL, n INTEGER)"
    assert migrations.ddl(sql, "sqlite") == sql
    assert migrations.ddl(sql, "postgres") == (
        'CREATE TABLE t (ev_text TEXT COLLATE "C", score DOUBLE PRECISION, n INTEGER)'
    )


def test_deadlocked_transactions_are_retried(monkeypatch):
    psycopg = pytest.importorskip("psycopg")
    backend = object.__new__(postgres.PostgresBackend)
    backend._psycopg, backend.path = psycopg, "postgresql://db/tw"
    monkeypatch.setattr(postgres.time, "sleep", lambda s: None)
    tries = []

    def flaky() -> str:
        tries.append(1)
        if len(tries) < 3:
            raise psycopg.errors.DeadlockDetected("deadlock detected")
        return "stored"

    assert backend.retrying(flaky) == "stored" and len(tries) == 3

    def hopeless() -> None:
        raise psycopg.errors.SerializationFailure("could not serialize access")

    with pytest.raises(StoreError, match="gave up"):
        backend.retrying(hopeless)


# --- with a server -------------------------------------------------------------------------


@pytest.mark.parametrize("databases", ["postgres"], indirect=True)
class TestServer:
    pytestmark = needs_server

    def test_nul_in_text_is_stored_as_replacement_character(self, databases):
        body = "A\x00B"
        dg = digest(body, "2024-01-01", actors=[actor("a1", "Mara\x00Lindt", "person", aliases=["x\x00"])])
        with databases.open() as rec:
            rec.save(dg, body=body)
            back = rec.digest(dg["document"]["id"])
        assert back["actors"][0]["name"] == "Mara\ufffdLindt"
        assert back["actors"][0]["aliases"] == ["x\x00"]  # inside JSON text: kept as written

    def test_schemas_hold_separate_records(self, databases):
        a, b = databases.location(), databases.location()
        with store.open(a, create=True) as ra, store.open(b, create=True) as rb:
            ra.save_many(three_reports())
            assert (ra.counts()["documents"], rb.counts()["documents"]) == (3, 0)
            assert rb.meetings() == []

    def test_a_missing_schema_or_empty_database_is_not_a_record(self, databases):
        with pytest.raises(NotFound, match="does not exist"):
            store.open(databases.location())  # never created
        empty = databases.location()
        store.open(empty, create=True).close()
        with store.open(empty) as rec:
            assert rec.counts()["documents"] == 0
        public = databases.location().split("?")[0]  # the database's own schema, no tables of ours
        if not store.backend.connect(public).tables():
            with pytest.raises(NotFound, match="ingest"):
                store.open(public)

    def test_three_writers_creating_one_record_at_once_all_succeed(self, databases):
        location = databases.location()
        errors: list[BaseException] = []

        def create() -> None:
            try:
                with store.open(location, create=True) as rec:
                    rec.save_many(three_reports())
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=create) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with store.open(location) as rec:
            assert rec.counts()["documents"] == 3 and len(rec.meetings()) == 1
            names = [r["name"] for r in rec.backend.query("SELECT name FROM _migrations ORDER BY name")]
            assert names == [m.name for m in migrations.MIGRATIONS]

    def test_search_finds_the_same_articles_as_sqlite(self, databases):
        bodies = [
            "Mediators said the ceasefire talks in Lusaka would resume on Monday.",
            "The ceasefire collapsed after two days, the envoy said in Geneva.",
            "Delegations arrived in Lusaka for the fifth round of talks.",
        ]
        dgs = [digest(b, "2024-03-0" + str(n + 1)) for n, b in enumerate(bodies)]
        for dg, b in zip(dgs, bodies, strict=True):
            dg["document"]["title"] = b.split(",")[0]
        with databases.open() as pg_rec, store.open(":memory:") as lite:
            for rec in (pg_rec, lite):
                for dg, b in zip(dgs, bodies, strict=True):
                    rec.save(dg, body=b)
            for words in ("ceasefire", "Lusaka talks", "LUSAKA", "envoy geneva", "nothing here"):
                found = [{r["document"] for r in rec.search(words)} for rec in (pg_rec, lite)]
                assert found[0] == found[1], words
            (hit,) = pg_rec.search("envoy")
            assert "[envoy]" in hit["text"]

    def test_a_record_checksum_is_the_same_on_both_backends(self, databases):
        with databases.open() as pg_rec, store.open(":memory:") as lite:
            for rec in (pg_rec, lite):
                rec.save_many(three_reports())
            assert pg_rec.counts() == lite.counts()
            assert pg_rec.checksum() == lite.checksum()
            assert pg_rec.record() == lite.record()

    def test_a_lost_server_connection_is_a_one_line_error(self, databases):
        with databases.open() as rec, databases.open() as admin:
            rec.save_many(three_reports())
            admin.backend.scalar("SELECT pg_terminate_backend(?)", (rec.backend.conn.info.backend_pid,))
            with pytest.raises(StoreError) as err:
                rec.meetings()
            assert "\n" not in str(err.value) and rec.backend.path in str(err.value)
