"""Provenance of rule sets: each fact records the extractor that produced it, in the store too.

Runs on SQLite and, when ``TALKWATCH_TEST_PG`` is set, on PostgreSQL.
"""

from __future__ import annotations

import pytest

from store_fixtures import round_report
from talkwatch.store import rows

pytest_plugins = ("store_backends",)  # the ``databases`` and ``record`` fixtures

BODY = (
    "Lusaka, 3 March - The fifth round of talks is due to open on March 12. "
    "The Northern Front has been invited to the talks"
)


def with_extractors(digest: dict) -> dict:
    """The digest as the pipeline writes it: every meeting and participation names its rule set."""
    return digest | {
        "meetings": [m | {"extractor": "meetings.v1"} for m in digest["meetings"]],
        "participations": [p | {"extractor": "participation.v1"} for p in digest["participations"]],
    }


def report(body: str = BODY) -> dict:
    return round_report(body, "2024-03-03", "scheduled", "2024-03-12",
                        attendance=[("Northern Front", "armed_group", "invited")])


def test_the_extractor_of_each_fact_is_stored_and_given_back(record):
    digest = with_extractors(report())
    record.save(digest)
    assert record.digest(digest["document"]["id"]) == digest
    data = record.record()
    assert [p["extractor"] for p in data["participations"]] == ["participation.v1"]
    (meeting,) = data["meetings"]
    assert {h["extractor"] for h in meeting["history"]} == {"meetings.v1"}
    assert record.backend.scalar("SELECT extractor FROM participations") == "participation.v1"
    assert record.backend.scalar("SELECT extractor FROM meeting_reports") == "meetings.v1"


def test_facts_stored_without_an_extractor_come_back_without_one(record):
    digest = report()
    record.save(digest)
    assert record.digest(digest["document"]["id"]) == digest
    data = record.record()
    assert "extractor" not in data["participations"][0]
    assert all("extractor" not in h for h in data["meetings"][0]["history"])


def test_a_record_from_before_provenance_is_migrated_and_keeps_its_facts(databases):
    location = databases.location()
    with databases.open(location) as old:  # made as the previous version left it
        old.save(report())
        with old.backend.transaction():
            for table in rows.EXTRACTOR_TABLES:
                old.backend.execute(f"ALTER TABLE {table} DROP COLUMN extractor")
            old.backend.execute("DELETE FROM _migrations WHERE name = '0004_extractor'")
    newer = with_extractors(report(BODY.replace("fifth", "5th")))
    with databases.open(location) as record:  # opening applies 0004_extractor
        record.save(newer)
        extractors = [p.get("extractor") for p in record.record()["participations"]]
    assert sorted(extractors, key=str) == [None, "participation.v1"]  # the old fact has none


@pytest.mark.parametrize("table", ["meeting_reports", "participations", "delegations", "quotes",
                                   "positions", "agreements", "events"])
def test_every_extractor_table_has_the_column(record, table):
    assert record.backend.query(f"SELECT extractor FROM {table}") == []
