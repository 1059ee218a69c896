"""The attendance grid stored at merge time equals the one folded from participations.

Runs on SQLite and, when ``TALKWATCH_TEST_PG`` is set, on PostgreSQL.
"""

from __future__ import annotations

from store_fixtures import round_report
from talkwatch.store import cells, merge

pytest_plugins = ("store_backends",)  # the ``databases`` and ``record`` fixtures

FIRST = ("Lusaka, 3 March - The fifth round of talks is due to open on March 12. "
         "The Northern Front has been invited to the talks. The Coast Movement has been invited")
LATER = ("Lusaka, 10 March - The fifth round of talks will open on March 12. "
         "The Northern Front will attend the talks")


def _folded(backend, mid):
    parts = merge.attendance_of(backend, [mid]).get(mid, [])
    return {p["actor"]: cells.cell(p) for p in parts}


def test_cells_follow_every_report(record):
    record.save(round_report(FIRST, "2024-03-03", "scheduled", "2024-03-12", attendance=[
        ("Northern Front", "armed_group", "invited"), ("Coast Movement", "armed_group", "invited")]))
    record.save(round_report(LATER, "2024-03-10", "scheduled", "2024-03-12",
                             attendance=[("Northern Front", "armed_group", "will_attend")]))
    b = record.backend
    (mid,) = [r["id"] for r in b.query("SELECT id FROM meetings")]
    stored, missing = cells.columns(b, [mid])
    assert missing == [] and stored[mid] == _folded(b, mid)
    statuses = sorted((c["status"], c["n"]) for c in stored[mid].values())
    assert statuses == [("invited", 1), ("will_attend", 2)]
    newest = max(stored[mid].values(), key=lambda c: c["n"])["evidence"][0]
    assert "will attend" in newest["evidence"]["text"]


def test_a_meeting_merged_before_the_table_is_reported_missing(record):
    record.save(round_report(FIRST, "2024-03-03", "scheduled", "2024-03-12",
                             attendance=[("Northern Front", "armed_group", "invited")]))
    b = record.backend
    (mid,) = [r["id"] for r in b.query("SELECT id FROM meetings")]
    with b.transaction():
        cells.drop(b, mid)  # as a database merged before 0008_attendance has it
    assert cells.columns(b, [mid]) == ({}, [mid])


def test_opening_a_record_from_before_the_table_folds_its_meetings(databases):
    location = databases.location()
    with databases.open(location) as old:  # made as the previous version left it
        old.save(round_report(FIRST, "2024-03-03", "scheduled", "2024-03-12",
                              attendance=[("Northern Front", "armed_group", "invited")]))
        with old.backend.transaction():
            old.backend.execute("DROP TABLE meeting_attendance")
            old.backend.execute("DROP TABLE meeting_folded")
            old.backend.execute("DROP INDEX documents_source")
            old.backend.execute("DELETE FROM _migrations WHERE name = '0008_attendance'")
    with databases.open(location) as record:  # opening applies 0008_attendance
        b = record.backend
        (mid,) = [r["id"] for r in b.query("SELECT id FROM meetings")]
        stored, missing = cells.columns(b, [mid])
        assert missing == [] and stored[mid] == _folded(b, mid)
