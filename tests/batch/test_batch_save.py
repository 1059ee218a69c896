"""The one save loop of the local pool and the Dask merge: batches, fallback, counts."""

from __future__ import annotations

from pathlib import Path

from store_fixtures import digest
from talkwatch import store
from talkwatch.batch.dask.merge import MergeReport
from talkwatch.batch.local import Report
from talkwatch.batch.save import Failure, Tally, save

FIRST = "Geneva, 2 May - Envoys met in Geneva on Monday"
SECOND = "Geneva, 3 May - The envoys met again on Tuesday"


def item(body: str) -> tuple[str, store.Item]:
    return f"{body[:6]}.txt", store.Item(digest(body, "2024-05-02"), body, None)


def test_a_batch_is_stored_and_counted(tmp_path: Path) -> None:
    tally = Tally()
    with store.open(tmp_path / "t.db", create=True) as record:
        save(record, [item(FIRST), item(SECOND)], tally)
        assert record.counts()["documents"] == 2
    assert (tally.added, tally.already, tally.failed, tally.failures) == (2, 0, 0, [])
    assert tally.summary() == "2 added, 0 already stored, 0 skipped, 0 failed, 0 warnings"


def test_a_bad_digest_costs_only_itself_and_stored_ones_still_count(tmp_path: Path) -> None:
    broken = store.Item({"schema": "talkwatch.digest/1", "document": {}}, "text", None)
    tally = Tally()
    with store.open(tmp_path / "t.db", create=True) as record:
        save(record, [item(FIRST)], Tally())
        save(record, [item(FIRST), ("broken.txt", broken), item(SECOND)], tally)
        assert record.counts()["documents"] == 2
    # the batch failed as a whole; one by one, the stored article is still counted as such
    assert (tally.added, tally.already, tally.failed) == (1, 1, 1)
    (failure,) = tally.failures
    assert failure.where == "broken.txt" and failure.reason.startswith("not stored: ")


def test_both_batch_paths_report_with_the_same_tally() -> None:
    for report in (Report(), MergeReport()):
        report.fail("a.txt", "no digest")
        assert report.failures == [Failure("a.txt", "no digest")] and report.failed == 1
        where, reason = report.failures[0]  # the command line unpacks them
        assert (where, reason) == ("a.txt", "no digest")
