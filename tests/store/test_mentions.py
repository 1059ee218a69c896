"""``talkwatch meeting`` says which reports were merged into a meeting and why (kept at merge time).

Runs on SQLite and, when ``TALKWATCH_TEST_PG`` is set, on PostgreSQL.
"""

from __future__ import annotations

from store_fixtures import A1, round_report, three_reports

pytest_plugins = ("store_backends",)


def mentions(record) -> list[dict]:
    (m,) = record.meetings()
    return record.meeting(m["id"])["mentions"]


def test_each_merged_report_says_why_it_is_the_meeting(record):
    record.save_many(three_reports())
    found = mentions(record)
    assert [m["published"] for m in found] == ["2024-03-03", "2024-03-09", "2024-03-16"]
    rules = [m["joined"]["rule"] for m in found]
    assert rules[2] == "first"  # the talks under way open the meeting; plans join the talks held
    assert rules[:2] == ["round 5", "round 5"]  # postponed by days: the same round still
    assert found[0]["joined"]["window"] == ["2023-11-17", "2024-07-14"]  # 120 days around March 16
    assert found[1]["joined"]["window"] == ["2023-11-13", "2024-07-14"]  # widened by the first plan
    assert all(m["why"].startswith("same venue country (zmb)") for m in found)  # Lusaka is in Zambia
    assert "round 5" in found[2]["why"]


def test_an_undated_report_says_it_joined_by_its_publication_date(record):
    undated = round_report(A1.replace("is due to open on March 12", "is due to open soon"),
                           "2024-03-05", "scheduled", None)
    record.save_many([*three_reports(), undated])
    (late,) = [m for m in mentions(record) if m["dates"] is None]
    assert late["joined"]["rule"] == "undated, reported before"
    assert "no dates; reported before the meeting (2024-03-05)" in late["why"]


def test_the_reasons_do_not_depend_on_arrival_order(databases):
    seen = []
    for order in (three_reports(), list(reversed(three_reports()))):
        with databases.open() as record:
            for digest in order:
                record.save(digest)
            seen.append([(m["report"], m["joined"]) for m in mentions(record)])
    assert seen[0] == seen[1]


def test_a_meetings_mentions_are_read_from_one_covering_index_walk(record):
    from talkwatch.store import mentions as mentions_mod

    if record.backend.dialect != "sqlite":
        return  # the index is SQLite's (PostgreSQL caps an index row's size)
    record.save_many(three_reports())
    (m,) = record.meetings()
    plan = " ".join(str(r["detail"]) for r in record.backend.query(
        "EXPLAIN QUERY PLAN " + mentions_mod._SQL, (m["id"],)))
    assert "COVERING INDEX meeting_reports_mentions" in plan and "TEMP B-TREE" not in plan
    assert len(mentions_mod.of_meeting(record.backend, m["id"])) == 3
