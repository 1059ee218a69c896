"""Extraction on Dask: partitions, Parquet tables, resumability, and the same record as one process."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import signal
import sys
from pathlib import Path

import pytest

from talkwatch import read, store
from talkwatch.batch.dask import extract_corpus, merge_into_store, output, partitions, plan, tables, tasks
from talkwatch.batch.local import ingest
from talkwatch.errors import InputError, TalkwatchError

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "benchmarks"
N_ARTICLES = 30
PART_SIZE = 4000  # bytes: ~6 partitions of the generated corpus


@pytest.fixture(scope="module")
def gen():
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))  # spawned workers inherit sys.path
    if importlib.util.find_spec("gen_corpus") is None:
        pytest.skip("benchmarks/gen_corpus.py is not present")
    import gen_corpus

    return gen_corpus


@pytest.fixture(scope="module")
def corpus(gen, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    gen.write(N_ARTICLES, path, seed=11)
    return path


def _messy_jsonl(path: Path) -> Path:
    """Lines of very different lengths, blank lines, a broken line and a duplicate."""
    rows = [{"text": f"Talks resumed in round {i}. " * (1 + (i * 7) % 13), "url": f"https://x.example/{i}",
             "published": f"2024-{1 + i % 12:02d}-05"} for i in range(25)]
    lines = [json.dumps(r) for r in rows]
    lines[4:4] = ["", "{broken json", "  "]
    lines.append(lines[0])  # the same article again
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read_partitioned(paths: list[Path], size: int) -> tuple[list[tuple[str, str]], list[str]]:
    """Every article of the planned partitions, numbered the way ``extract_corpus`` does."""
    found, warnings = [], []
    line: dict[str, int] = {}
    for part in plan(paths, size=size):
        first = line.get(part.source, 0) + 1
        if part.kind == "jsonl":
            line[part.source] = first - 1 + tasks.count_lines(part)["lines"]
        for a in partitions.articles(part, first_line=first, on_warning=warnings.append):
            found.append((a.path, a.id))
    return found, warnings


# --- partitions, tables, outputs (no cluster, no NLP) -----------------------------------


@pytest.mark.parametrize("size", [1, 37, 300, 1000, 10**9])
def test_byte_ranges_read_every_line_once_with_its_line_number(tmp_path, size):
    path = _messy_jsonl(tmp_path / "messy.jsonl")
    expected_warnings: list[str] = []
    expected = [(a.path, a.id) for a in read.read_paths([path], on_warning=expected_warnings.append)]
    found, warnings = _read_partitioned([path], size)
    assert found == expected
    assert warnings == expected_warnings
    assert len(plan([path], size=size)) == -(-path.stat().st_size // size)


def test_parquet_rows_are_partitioned_by_row_ranges(tmp_path):
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = [f"Envoys met in Oslo for the {i}th time on Tuesday." for i in range(23)]
    days = [datetime.date(2023, 1 + i % 12, 9) for i in range(23)]
    table = pa.table({"text": texts, "title": [f"t{i}" for i in range(23)], "published": days})
    path = tmp_path / "corpus.parquet"
    pq.write_table(table, path, row_group_size=5)
    parts = plan([path], size=path.stat().st_size // 4)
    assert len(parts) > 2
    found = [a for p in parts for a in partitions.articles(p, on_warning=pytest.fail)]
    assert [a.body for a in found] == texts
    assert [a.published for a in found] == [d.isoformat() for d in days]
    assert [a.path for a in found] == [f"{path}:{i}" for i in range(1, 24)]


def test_folders_mix_formats_and_skip_hidden_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("title: One\n\nMediators arrived in Doha on Monday.\n")
    (tmp_path / "a" / ".hidden.txt").write_text("Not an article.")
    _messy_jsonl(tmp_path / "b.jsonl")
    kinds = [p.kind for p in plan([tmp_path], size=10**6)]
    assert kinds == ["files", "jsonl"]
    with pytest.raises(InputError, match="no such file"):
        plan([tmp_path / "missing.jsonl"])


def test_digests_survive_the_parquet_tables_exactly(gen):
    import pyarrow.parquet as pq

    digests = [dg for _, dg in gen.generate(12, seed=5)]
    digests[0]["document"]["extra_field"] = {"kept": [1, 2]}
    digests[1]["novel_list"] = ["kept too"]
    digests[2]["quotes"][0]["confidence"] = 0.5
    per_table: dict[str, list[dict]] = {}
    for seq, dg in enumerate(digests):
        for table, rows in tables.rows(dg, body="b", path=f"p{seq}", partition="x", seq=seq).items():
            per_table.setdefault(table, []).extend(rows)
    back: dict[str, list[dict]] = {}
    for table, rows in per_table.items():
        buf = io.BytesIO()
        pq.write_table(tables.to_arrow(table, rows), buf)
        back[table] = pq.read_table(io.BytesIO(buf.getvalue())).to_pylist()
    rebuilt = tables.digests(back.pop("documents"), back)
    assert [dg for _, dg in rebuilt] == digests
    quote = back["quotes"][0]
    source = digests[0]["quotes"][0]
    assert (quote["evidence_start"], quote["evidence_text"]) == (
        source["evidence"]["start"], source["evidence"]["text"])
    assert quote["doc_id"] == digests[0]["document"]["id"]


def test_a_partition_is_written_atomically_and_once(gen, corpus, tmp_path):
    out = str(tmp_path / "out")
    part = plan([corpus], size=PART_SIZE)[1]
    meta = tasks.extract_partition(part, out, first_line=5, pipeline=gen.digest_for)
    assert meta["extracted"] == meta["read"] > 0 and not meta["failures"]
    assert output.done(out) == {part.id: meta}
    files = {str(p.relative_to(out)) for p in Path(out).rglob("*.parquet")}
    assert files == set(meta["files"])
    assert all(f.split("/")[1].startswith("month=") for f in files)
    assert not [p for p in Path(out).rglob(".*")]  # no temporary file left behind
    again = tasks.extract_partition(part, out, first_line=5, pipeline=gen.digest_for)
    assert again == meta | {"skipped": True}


def test_any_fsspec_url_serves_as_corpus_and_output(gen, corpus, tmp_path):
    """Partitions read from and write to URLs (here fsspec's in-memory filesystem), then merge."""
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/tw-test/in/corpus.jsonl", corpus.read_bytes())
    try:
        parts = plan(["memory://tw-test/in"], size=PART_SIZE)
        source = fs.unstrip_protocol("/tw-test/in/corpus.jsonl")
        assert {p.source for p in parts} == {source}
        first = 1
        for part in parts:
            tasks.extract_partition(part, "memory://tw-test/out", first_line=first, pipeline=gen.digest_for)
            first += tasks.count_lines(part)["lines"]
        report = merge_into_store("memory://tw-test/out", tmp_path / "mem.db")
        assert (report.partitions, report.added) == (len(parts), N_ARTICLES)
        with store.open(tmp_path / "mem.db") as record:
            paths = [r["path"] for r in record.backend.query("SELECT path FROM documents")]
        lines = range(1, N_ARTICLES + 1)
        assert sorted(paths) == sorted(f"{source}:{i}" for i in lines)
    finally:
        fs.rm("/tw-test", recursive=True)


def test_bad_partition_size_is_one_clear_error(corpus, tmp_path):
    with pytest.raises(TalkwatchError, match="partition size"):
        extract_corpus([corpus], tmp_path / "out", partition_size="lots")


# --- on a local Dask cluster with 2 worker processes ------------------------------------


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("distributed")
    from distributed import Client

    from talkwatch.batch.dask import local_cluster

    with local_cluster(2, dashboard_address=":0") as cluster, Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def reference(nlp, corpus, tmp_path_factory) -> dict:
    """The record of a plain single-process ingest of the corpus."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    with store.open(db, create=True) as record:
        report = ingest([corpus], record, workers=1)
        assert report.added == N_ARTICLES
        return _summary(record)


def _summary(record: store.Record) -> dict:
    paths = sorted(r["path"] for r in record.backend.query("SELECT path FROM documents"))
    return {"counts": record.counts(), "checksum": record.checksum(), "paths": paths}


@pytest.fixture(scope="module")
def dask_run(client, corpus, tmp_path_factory) -> tuple[Path, object, dict]:
    out = tmp_path_factory.mktemp("dask") / "out"
    report = extract_corpus([corpus], out, client=client, partition_size=PART_SIZE)
    db = out.parent / "dask.db"
    merged = merge_into_store(out, db)
    assert merged.added == N_ARTICLES
    with store.open(db) as record:
        return out, report, _summary(record)


def test_dask_record_equals_the_single_process_record(dask_run, reference):
    _, report, summary = dask_run
    assert report.partitions > 3 and report.done == report.partitions
    assert (report.read, report.extracted, report.failed, report.lost) == (N_ARTICLES, N_ARTICLES, 0, [])
    assert summary["counts"] == reference["counts"]
    assert summary["checksum"] == reference["checksum"]
    assert summary["paths"] == reference["paths"]  # file:line provenance, as one process reads it


def test_rerun_skips_done_partitions_and_redoes_a_missing_one(client, corpus, dask_run, reference):
    out, first, _ = dask_run
    again = extract_corpus([corpus], out, client=client, partition_size=PART_SIZE)
    assert (again.skipped, again.done, again.read) == (first.partitions, 0, 0)
    victim = sorted(output.done(str(out)))[2]
    os.remove(out / output.DONE / f"{victim}.json")
    redo = extract_corpus([corpus], out, client=client, partition_size=PART_SIZE)
    assert (redo.skipped, redo.done) == (first.partitions - 1, 1)
    db = out.parent / "rerun.db"
    merge_into_store(out, db)
    assert merge_into_store(out, db).added == 0  # merging twice adds nothing
    with store.open(db) as record:
        assert record.checksum() == reference["checksum"]


def test_a_worker_killed_midway_does_not_change_the_result(client, corpus, reference, tmp_path):
    killed: list[str] = []

    def kill_one(report) -> None:
        if killed:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        assert busy, "no worker was running a partition"
        pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
        killed.append(busy[0])
        os.kill(pid, signal.SIGKILL)  # kill -9 the worker process, mid-task

    out, db = tmp_path / "out", tmp_path / "killed.db"
    report = extract_corpus([corpus], out, client=client, partition_size=PART_SIZE // 2,
                            db=db, batch_size=7, on_progress=kill_one)  # merged while running
    assert killed and report.lost == []
    assert report.done == report.partitions and report.extracted == N_ARTICLES
    assert killed[0] not in client.nthreads()  # that worker really died (its nanny started another)
    assert report.merge.added == N_ARTICLES
    with store.open(db) as record:
        assert record.counts() == reference["counts"]
        assert record.checksum() == reference["checksum"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dask-merge", "{tmp}/nope"], "no such folder"),
        (["dask-ingest", "{tmp}/missing.jsonl", "--out", "{tmp}/out"], "no such file"),
        (["dask-ingest", "{tmp}", "--out", "{tmp}/out", "--dask", "local:1", "--cluster", "x"], "not both"),
    ],
)
def test_cli_bad_input_is_one_line(tmp_path, args, message):
    import typer
    from typer.testing import CliRunner

    from talkwatch.cli import dask as dask_commands

    app = typer.Typer()
    dask_commands.register(app)
    argv = [a.format(tmp=tmp_path) for a in args] + ["--db", str(tmp_path / "x.db")]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
