"""The bundled example corpus merges into the record its expected-record.yaml describes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import talkwatch
from talkwatch.batch.local import ingest
from talkwatch.evaluate import names_match

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def record(tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    rec = talkwatch.open(str(db), create=True)
    report = ingest([EXAMPLES], rec, workers=1)
    assert report.failed == 0
    return rec


def expected() -> dict:
    return yaml.safe_load((EXAMPLES / "expected-record.yaml").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_one_record_meeting_per_real_meeting(record):
    gold = expected()["meetings"]
    found = record.meetings()
    assert len(found) == len(gold), [m["name"] for m in found]


@pytest.mark.slow
@pytest.mark.parametrize("key", [m["key"] for m in expected()["meetings"]])
def test_meeting_latest_status_and_start(record, key):
    gold = next(m for m in expected()["meetings"] if m["key"] == key)
    candidates = [
        m
        for m in record.meetings()
        if m["venue"]["city"] == gold["venue_city"] and names_match([m["name"], *m["aliases"]], gold["names"])
    ]
    assert candidates, f"no meeting for {key}"
    best = max(candidates, key=lambda m: str(m["start"]) == str(gold["start"]))
    assert (str(best["start"]), best["status"]) == (str(gold["start"]), gold["status"])


@pytest.mark.slow
def test_status_history_follows_publication_order(record):
    main = max(record.meetings(), key=lambda m: m["n_documents"])
    history = record.meeting(main["id"])["history"]
    reported = [h["reported"] for h in history]
    assert reported == sorted(reported)
    assert history[-1]["status"] == main["status"]
