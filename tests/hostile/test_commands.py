"""The hostile corpus through ``talkwatch extract`` and ``talkwatch ingest``, each case beside a good file.

One subprocess (``hostile_driver.py``) runs every case through both commands
against a database that already holds five good articles, under an address
space limit; this test reads its JSON and asserts, per case and command: no
traceback, no hang (under 30 s of CPU; 90 s of wall clock count as a hang),
memory under 1 GB, the expected one-line
message, exit status 0 (a good file was read), the good file of the batch
stored, and the articles stored before unchanged.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hostile_corpus import CASES, Case

HERE = Path(__file__).resolve().parent
CASE_SECONDS = 30
PEAK_MB = 1024
ADDRESS_SPACE = 6 << 30  # a safety net for the whole run: spaCy and its arenas map far more than they use

pytestmark = pytest.mark.slow


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("hostile-run")
    out = work / "results.json"
    budget = 3 * CASE_SECONDS * 2 * len(CASES) + 120
    proc = subprocess.run(
        [sys.executable, str(HERE / "hostile_driver.py"), str(work), str(out)],
        capture_output=True,
        text=True,
        timeout=budget,
        preexec_fn=_limit,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text())


def test_baseline_stored(results: dict[str, Any]):
    assert results["baseline"]["code"] == 0
    assert "5 added" in results["baseline"]["stderr"]


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_case(case: Case, command: str, results: dict[str, Any]):
    run = results[case.name][command]
    assert not run["traceback"], run["traceback"]
    assert run["cpu_seconds"] < CASE_SECONDS
    assert run["peak_mb"] < PEAK_MB
    assert run["code"] == 0, run["stderr"]  # the good file beside the case was read
    assert "Traceback" not in run["stderr"]
    assert "\x1b" not in run["stderr"]
    if case.expect and case.name != "named-directory-empty":
        assert case.expect in run["stderr"], run["stderr"]
    if command == "ingest":
        assert run["good_stored"], run["stderr"]
        assert run["case_stored"] == (case.outcome == "read"), run["stderr"]


#: fields of a fact row that the merge sets across articles: the companions of the cases report the same
#: Geneva talks, so the meeting the stored reports belong to is re-clustered (and renamed) by good input
MERGED_FIELDS = ("meeting",)


def test_stored_articles_unchanged(results: dict[str, Any]):
    """Rows of the articles stored before the corpus come back identical afterwards (but for the
    cluster ids the merge assigns), and none is lost."""
    before = results["export_before"]
    documents = {r["id"] for r in before if r["kind"] == "document"}
    after = results["export_after"]

    def of_old(rows: list[dict[str, Any]]) -> list[str]:
        old = [
            r
            for r in rows
            if r.get("document") in documents or r["kind"] == "document" and r["id"] in documents
        ]
        return sorted(
            json.dumps({k: v for k, v in r.items() if k not in MERGED_FIELDS}, sort_keys=True) for r in old
        )

    assert len(documents) == 5
    assert of_old(after) == of_old(before)
