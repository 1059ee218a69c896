"""Batch ingest: streaming, dedup, failures, workers, surviving kill -9, concurrent ingests.

Tests taking ``databases`` run on SQLite and (with ``TALKWATCH_TEST_PG``) on
PostgreSQL, and compare with one SQLite reference: same counts, same checksum.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from talkwatch import store
from talkwatch.batch.local import estimate, ingest
from talkwatch.errors import TalkwatchError

pytest_plugins = ("store_backends",)  # ``databases``: SQLite and PostgreSQL

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"


def _gen_corpus():
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))  # spawned workers inherit sys.path
    spec = importlib.util.find_spec("gen_corpus")
    if spec is None:
        pytest.skip("benchmarks/gen_corpus.py is not present")
    import gen_corpus

    return gen_corpus


@pytest.fixture(scope="module")
def gen():
    return _gen_corpus()


@pytest.fixture(scope="module")
def corpus(gen, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    gen.write(1200, path, seed=7)
    return path


@pytest.fixture(scope="module")
def reference(gen, corpus, tmp_path_factory) -> tuple[dict, str]:
    """Counts and checksum of an uninterrupted single-process ingest of ``corpus``."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    with store.open(db, create=True) as record:
        report = ingest([corpus], record, batch_size=50, pipeline=gen.digest_for)
        assert (report.added, report.failed) == (1200, 0)
        return record.counts(), record.checksum()


def test_generated_corpus_merges_into_its_rounds(gen, corpus, reference, tmp_path):
    """Every meeting of the merged record is one (process, round) of the generator's world."""
    with store.open(tmp_path / "x.db", create=True) as record:
        ingest([corpus], record, batch_size=200, pipeline=gen.digest_for)
        found = record.backend.query("SELECT meeting_id, process, round FROM meeting_reports")
    keys_per_meeting: dict[str, set] = {}
    meetings_per_key: dict[tuple, set] = {}
    for r in found:
        keys_per_meeting.setdefault(r["meeting_id"], set()).add((r["process"], r["round"]))
        meetings_per_key.setdefault((r["process"], r["round"]), set()).add(r["meeting_id"])
    assert all(len(v) == 1 for v in keys_per_meeting.values())
    assert all(len(v) == 1 for v in meetings_per_key.values())


def test_ingesting_the_corpus_twice_adds_nothing(gen, corpus, reference, databases):
    with databases.open() as record:
        ingest([corpus], record, batch_size=300, pipeline=gen.digest_for)
        again = ingest([corpus], record, batch_size=300, pipeline=gen.digest_for)
        assert (again.added, again.already) == (0, 1200)
        assert (record.counts(), record.checksum()) == reference


def test_batch_size_does_not_change_the_record(gen, corpus, reference, databases):
    with databases.open() as record:
        ingest([corpus], record, batch_size=7, pipeline=gen.digest_for)
        assert (record.counts(), record.checksum()) == reference


def test_two_workers_give_the_same_record(gen, corpus, reference, databases):
    with databases.open() as record:
        report = ingest([corpus], record, workers=2, batch_size=100, pipeline=gen.digest_for)
        assert report.added == 1200
        assert (record.counts(), record.checksum()) == reference


KILLED_RUN = """
import sys, time
sys.path.insert(0, {bench!r})
import gen_corpus
from talkwatch import store
from talkwatch.batch.local import ingest

def slow(article):
    time.sleep(0.003)
    return gen_corpus.digest_for(article)

with store.open({db!r}, create=True) as record:
    ingest([{corpus!r}], record, batch_size=40, pipeline=slow)
"""


def _stored(databases, location: str) -> int:
    """Documents a reader sees while an ingest runs (0 before the schema exists)."""
    if databases.backend == "sqlite":
        if not Path(location).exists():
            return 0
        try:
            con = sqlite3.connect(f"file:{location}?mode=ro", uri=True, timeout=5)
            try:
                return con.execute("SELECT count(*) FROM documents").fetchone()[0]
            finally:
                con.close()
        except sqlite3.OperationalError:
            return 0
    try:
        return int(databases.raw(location, "SELECT count(*) FROM documents") or 0)
    except TalkwatchError:
        return 0


def test_kill_9_mid_ingest_then_rerun_equals_uninterrupted(gen, corpus, reference, databases):
    db = databases.location()
    script = KILLED_RUN.format(bench=str(BENCH), db=db, corpus=str(corpus))
    proc = subprocess.Popen([sys.executable, "-c", script])
    stored = 0
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            stored = _stored(databases, db)  # a reader during the ingest: never sees half a batch
            if stored >= 300:
                break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with store.open(db) as record:
        partial = record.counts()["documents"]
        assert 300 <= partial < 1200 and partial % 40 == 0  # whole batches only
        report = ingest([corpus], record, batch_size=50, pipeline=gen.digest_for)
        assert report.added == 1200 - partial
        assert (record.counts(), record.checksum()) == reference


CONCURRENT_RUN = """
import sys
sys.path.insert(0, {bench!r})
import gen_corpus
from talkwatch import store
from talkwatch.batch.local import ingest

with store.open({db!r}, create=True) as record:
    report = ingest([{corpus!r}], record, batch_size={batch}, pipeline=gen_corpus.digest_for)
print(report.added, report.already, report.failed)
"""


def test_concurrent_ingests_of_overlapping_corpora_equal_one_ingest(gen, corpus, reference, databases):
    """Two ingest processes at once, both starting with the same 600 of 1200 articles (so that
    they race to store them): no duplicates, no failures, the record of one ingest."""
    lines = corpus.read_text().splitlines(keepends=True)
    halves = []
    for name, part in (("first", lines[:900]), ("second", lines[:600] + lines[900:])):
        halves.append(corpus.parent / f"{databases.backend}-{name}.jsonl")
        halves[-1].write_text("".join(part))
    db = databases.location()
    with store.open(db, create=True):
        pass  # migrated once, so that both processes start writing at once
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT_RUN.format(bench=str(BENCH), db=db, corpus=str(h), batch=b)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for h, b in zip(halves, (40, 60), strict=True)
    ]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    added, already, failed = (sum(int(o.split()[i]) for o in outs) for i in range(3))
    assert (added, already, failed) == (1200, 600, 0)
    with store.open(db) as record:
        assert (record.counts(), record.checksum()) == reference


def _fail_on_odd(article):
    import gen_corpus

    if "Synthetic Wire 7-3)" in article.body:
        raise ValueError("extractor exploded")
    return gen_corpus.digest_for(article)


def test_unreadable_inputs_are_skipped_and_crashes_fail(gen, tmp_path):
    rows = [row for row, _ in gen.generate(6, seed=7)]
    for row in rows:
        row["url"] += "/6"
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, '{"text": "broken')
    lines.insert(4, '{"title": "no text here"}')
    path.write_text("\n".join(lines) + "\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    with store.open(tmp_path / "f.db", create=True) as record:
        report = ingest([path, tmp_path / "binary.txt"], record, batch_size=4, pipeline=_fail_on_odd)
        assert report.added == 5
        skips = " | ".join(f"{f.where}: {f.reason}" for f in report.skips)
        assert "broken JSON" in skips and "no 'text'" in skips and "binary" in skips
        assert report.skipped == 3
        assert [f.reason for f in report.failures] == ["ValueError: extractor exploded"]
        assert report.failed == 1
        assert record.counts()["documents"] == 5


def test_a_digest_the_store_rejects_fails_alone(gen, tmp_path):
    rows = [row for row, _ in gen.generate(3, seed=7)]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r | {"url": r["url"] + "/3"}) + "\n" for r in rows))

    with store.open(tmp_path / "r.db", create=True) as record:
        report = ingest([path], record, pipeline=_bad_second)
        assert report.added == 2 and report.failed == 1
        assert "not stored" in report.failures[0].reason


def _bad_second(article):
    import gen_corpus

    dg = gen_corpus.digest_for(article)
    if "Synthetic Wire 7-1)" in article.body:
        dg["document"] = {}
    return dg


def test_estimate_counts_jsonl_lines_and_files(gen, tmp_path):
    gen.write(30, tmp_path / "c.jsonl")
    gen.write(5, tmp_path / "txt", fmt="txt")
    assert estimate([tmp_path / "c.jsonl", tmp_path / "txt"]) == 35


def test_text_files_ingest_like_jsonl(gen, tmp_path):
    gen.write(40, tmp_path / "txt", fmt="txt", seed=3)
    gen.write(40, tmp_path / "c.jsonl", seed=3)
    with (
        store.open(tmp_path / "a.db", create=True) as a,
        store.open(tmp_path / "b.db", create=True) as b,
    ):
        ingest([tmp_path / "txt"], a, pipeline=gen.digest_for)
        ingest([tmp_path / "c.jsonl"], b, pipeline=gen.digest_for)
        assert a.counts()["documents"] == 40
        assert [m["id"] for m in a.meetings()] == [m["id"] for m in b.meetings()]


SLOW_ARTICLES = {
    "a.txt": (
        "published: 2025-04-02\n\nMediators said on Wednesday that talks between the "
        "government of Tarvia and the Coastal Alliance will open in Oslo on April 14. "
        "The Coastal Alliance said it had been invited.\n"
    ),
    "b.txt": (
        "published: 2025-04-15\n\nTalks between the government of Tarvia and the Coastal "
        "Alliance opened in Oslo on Monday. The Coastal Alliance delegation arrived in Oslo "
        "on Sunday, a spokesman said.\n"
    ),
}


@pytest.mark.slow
def test_real_pipeline_ingest(nlp, tmp_path):
    for name, text in SLOW_ARTICLES.items():
        (tmp_path / name).write_text(text)
    with store.open(tmp_path / "real.db", create=True) as record:
        report = ingest([tmp_path], record)
        assert (report.added, report.failed) == (2, 0)
        assert record.counts()["documents"] == 2
        assert record.search("Oslo")
        again = ingest([tmp_path], record)
        assert again.added == 0 and again.already == 2
