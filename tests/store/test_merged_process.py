"""One process, one record: an invented process merged whatever the order, seed or crash.

``process_fixtures`` tells one round whose venue moves, restated in passing
after it ended, an earlier round mentioned in passing and a next round
announced then postponed, with one armed group typed two ways. The record
must say what an analyst would keep, and be byte-identical (sorted JSON
Lines) across ingest orders, batchings, worker counts, hash seeds and
``kill -9`` at several points of an ingest followed by a re-run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import process_fixtures
from talkwatch import store

pytest_plugins = ("store_backends",)

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent  # the shared fixtures
SRC = TESTS.parent / "src"


def sorted_jsonl(record: store.Record) -> list[str]:
    from talkwatch.store.exports import record as export

    out = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in export.jsonl(record.backend)]
    return sorted(out)


def _by_round(rec: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {m["round"]: m for m in rec["meetings"]}


def test_the_record_an_analyst_would_keep(record):
    for d in process_fixtures.reports():
        record.save(d)
    rec = record.record()
    rounds = _by_round(rec)
    assert sorted(rounds) == [4, 5, 6]  # the venue move did not split round 5; rounds stay apart
    five = rounds[5]
    assert five["venue"]["city"] == "Livingstone" and five["start"] == "2024-03-12"
    # the restated "initially scheduled" does not undo the end, and folds into the first schedule
    assert five["status"] == "concluded"
    assert [h["status"] for h in five["history"]] == ["scheduled", "ongoing", "concluded"]
    assert [h["status"] for h in rounds[6]["history"]] == ["scheduled", "postponed"]
    assert rounds[6]["start"] == "2024-05" and rounds[4]["status"] == "held"
    names = {a["id"]: a for a in rec["actors"]}
    tla = [a for a in rec["actors"] if a["name"] == process_fixtures.TLA]
    assert len(tla) == 1 and tla[0]["type"] == "armed_group"  # two reports of three say so
    by_actor = {names[p["actor"]]["name"]: p for p in five["participants"]}
    assert set(by_actor) == {process_fixtures.TLA, "Kaweri government", "Zambia"}
    assert by_actor[process_fixtures.TLA]["status"] == "attended"  # arrived, then the round took place
    assert by_actor[process_fixtures.TLA]["history"][-1]["implied"] is True
    # "the government" at this round is its one government
    gov = by_actor["Kaweri government"]
    assert gov["status"] == "attended" and gov["history"][-1]["described_as"] == "government"


def _orders() -> list[list[int]]:
    n = len(process_fixtures.reports())
    rng = random.Random(7)
    shuffles = [rng.sample(range(n), n) for _ in range(4)]
    return [list(range(n)), list(reversed(range(n))), *shuffles]


def test_same_record_whatever_the_order_and_batching(databases):
    reports = process_fixtures.reports()
    exports = []
    for n, order in enumerate(_orders()):
        with store.open(databases.location(), create=True) as record:
            if n % 2:
                record.save_many([reports[i] for i in order])
            else:
                for i in order:
                    record.save(reports[i])
            exports.append(sorted_jsonl(record))
    assert all(e == exports[0] for e in exports[1:])


SAVE_RUN = """
import json, sys
sys.path[:0] = [{tests!r}, {src!r}]
import process_fixtures
from talkwatch import store
from talkwatch.store.exports import record as export
reports = process_fixtures.reports()
order = {order!r}
with store.open({db!r}, create=True) as record:
    for i in order:
        record.save(reports[i])
    rows = sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in export.jsonl(record.backend))
print("\\n".join(rows))
"""


def _run(script: str, seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [sys.executable, "-c", script]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)


def test_same_record_under_two_hash_seeds(tmp_path):
    n = len(process_fixtures.reports())
    outs = []
    for seed, order in (("1", list(range(n))), ("2", list(reversed(range(n))))):
        db = str(tmp_path / f"{seed}.db")
        script = SAVE_RUN.format(tests=str(TESTS), src=str(SRC), order=order, db=db)
        done = _run(script, seed)
        assert done.returncode == 0, done.stderr
        outs.append(done.stdout)
    assert outs[0] == outs[1] and outs[0].count("\n") > 10


# --- through ``ingest``: article files, workers, kill -9 ------------------------------------


def write_articles(folder: Path) -> list[Path]:
    """The reports as article files (header, blank line, body), in publication order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, d in enumerate(process_fixtures.reports(), 1):
        path = folder / f"{n:02d}.txt"
        path.write_text(f"title: report {n}\npublished: {d['document']['published']}\n\n{_body(d)}\n")
        paths.append(path)
    return paths


def _evidence(d: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for m in d["meetings"] for e in m["evidence"]]


def _body(d: dict[str, Any]) -> str:
    bodies = (process_fixtures.R1, process_fixtures.R2, process_fixtures.R3,
              process_fixtures.R4, process_fixtures.R5, process_fixtures.R6)
    return next(b for b in bodies if all(b[e["start"]:e["end"]] == e["text"] for e in _evidence(d)))


def fixture_pipeline(article: Any) -> dict[str, Any]:
    """The invented digest of an article file (a stand-in for extraction)."""
    for d in process_fixtures.reports():
        if _body(d).strip() == article.body.strip():
            return d | {"document": d["document"] | article.document_dict()}
    raise LookupError(article.path)


INGEST_RUN = """
import os, signal, sys
sys.path[:0] = [{here!r}, {tests!r}, {src!r}]
import test_merged_process as t
from talkwatch import store
from talkwatch.batch.local import ingest
from talkwatch.store import merge

kill_at = {kill_at!r}
calls = [0]
real = merge._rewrite

def rewrite(backend, place, mids):
    real(backend, place, mids)
    calls[0] += 1
    if calls[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)  # inside the write transaction

merge._rewrite = rewrite
with store.open({db!r}, create=True) as record:
    ingest({paths!r}, record, batch_size={batch}, workers={workers}, pipeline=t.fixture_pipeline)
"""


def _ingest(db: Path, paths: list[Path], *, kill_at: int = 0, batch: int = 1, workers: int = 1,
            seed: str = "0") -> subprocess.CompletedProcess[str]:
    script = INGEST_RUN.format(here=str(HERE), tests=str(TESTS), src=str(SRC), kill_at=kill_at, db=str(db),
                               paths=[str(p) for p in paths], batch=batch, workers=workers)
    return _run(script, seed)


def _export(db: Path) -> list[str]:
    with store.open(db) as record:
        return sorted_jsonl(record)


def test_ingest_forward_and_reverse_with_one_and_two_workers_and_two_seeds(tmp_path):
    paths = write_articles(tmp_path / "articles")
    back = list(reversed(paths))
    runs = [(paths, 1, "1"), (back, 2, "2"), (back, 1, "1"), (paths, 2, "2")]
    exports = []
    for n, (order, workers, seed) in enumerate(runs):
        db = tmp_path / f"run{n}.db"
        done = _ingest(db, order, workers=workers, seed=seed, batch=2)
        assert done.returncode == 0, done.stderr
        exports.append(_export(db))
    assert all(e == exports[0] for e in exports[1:])
    assert any('"kind": "meeting"' in row for row in exports[0])


@pytest.mark.parametrize("kill_at", [1, 2, 4, 7])
def test_kill_9_at_several_points_then_rerun_equals_uninterrupted(tmp_path, kill_at):
    paths = write_articles(tmp_path / "articles")
    reference = tmp_path / "reference.db"
    assert _ingest(reference, paths).returncode == 0
    db = tmp_path / "killed.db"
    killed = _ingest(db, list(reversed(paths)), kill_at=kill_at)
    assert killed.returncode == -signal.SIGKILL
    rerun = _ingest(db, paths)
    assert rerun.returncode == 0, rerun.stderr
    assert _export(db) == _export(reference)


def _cli(args: list[str], seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(SRC)}
    cmd = [sys.executable, "-m", "talkwatch", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)


def test_real_extraction_ingest_is_the_same_forward_reverse_workers_and_seeds(tmp_path):
    """The whole path (spaCy extraction included) through ``talkwatch ingest``."""
    pytest.importorskip("spacy")
    paths = write_articles(tmp_path / "articles")
    exports = []
    for n, (order, workers, seed) in enumerate([(paths, "1", "1"), (list(reversed(paths)), "2", "2")]):
        db = str(tmp_path / f"cli{n}.db")
        done = _cli(["ingest", *map(str, order), "--db", db, "-w", workers, "--batch-size", "2"], seed)
        assert done.returncode == 0, done.stderr
        out = _cli(["export", "--db", db, "--format", "jsonl"], seed)
        assert out.returncode == 0, out.stderr
        exports.append(sorted(out.stdout.splitlines()))
    assert exports[0] == exports[1] and any('"kind": "meeting"' in row for row in exports[0])
