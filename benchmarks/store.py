"""Store benchmark: write throughput without NLP, and query latency on a large record.

Saves generated digests directly (``gen_corpus``: what a perfect extractor
would return), so the numbers measure the database layer alone: facts/s
written (with merging), then p50/p95 latency of ``meetings`` and ``meeting``
over the resulting record.

    python benchmarks/store.py                 # 100,000 articles into a temp db
    python benchmarks/store.py -n 20000 --db /tmp/bench.db --batch 1000
    python benchmarks/store.py -n 20000 --db postgresql://localhost/talkwatch

A PostgreSQL URL without ``?schema=`` gets a temporary schema, dropped at the
end; with one, the record is kept (and reused by the next run, like a file).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus  # noqa: E402

from talkwatch import store
from talkwatch.digests import DIGEST_LISTS
from talkwatch.store import Item


def count_facts(dg: dict) -> int:
    return sum(len(dg.get(k) or []) for k in DIGEST_LISTS)


def write(record: store.Record, n: int, batch: int, seed: int) -> tuple[int, float]:
    """Save n generated digests in batches; return (facts, seconds spent saving)."""
    facts, spent, items = 0, 0.0, []
    for row, dg in gen_corpus.generate(n, seed=seed):
        items.append(Item(dg, row["text"]))
        facts += count_facts(dg)
        if len(items) == batch:
            t0 = time.perf_counter()
            record.save_many(items)
            spent += time.perf_counter() - t0
            items = []
    if items:
        t0 = time.perf_counter()
        record.save_many(items)
        spent += time.perf_counter() - t0
    return facts, spent


def latency(fn, args: list, repeat: int) -> tuple[float, float]:
    times = []
    for i in range(repeat):
        t0 = time.perf_counter()
        fn(args[i % len(args)])
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100_000, help="articles (default 100,000)")
    ap.add_argument("--batch", type=int, default=500, help="articles per transaction")
    ap.add_argument("--db", help="database file or postgresql:// URL (default: a temporary file)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=200, help="queries per latency measure")
    args = ap.parse_args(argv)
    tmp = None
    drop = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="talkwatch-bench-")
        args.db = str(Path(tmp.name) / "bench.db")
    elif args.db.startswith(("postgresql://", "postgres://")) and "schema=" not in args.db:
        drop = f"talkwatch_bench_{uuid.uuid4().hex[:8]}"
        args.db += ("&" if "?" in args.db else "?") + f"schema={drop}"
    try:
        run(args)
    finally:
        if drop:
            with store.open(args.db) as record:
                record.backend.execute(f"DROP SCHEMA {drop} CASCADE")
        if tmp:
            tmp.cleanup()


def run(args: argparse.Namespace) -> None:
    with store.open(args.db, create=True) as record:
        print(f"database: {record.backend.dialect} {record.backend.path}")
        if record.counts()["documents"] == 0:
            facts, spent = write(record, args.n, args.batch, args.seed)
            print(
                f"write: {args.n} articles, {facts} facts in {spent:.1f}s -> "
                f"{facts / spent:,.0f} facts/s, {args.n / spent:,.0f} articles/s "
                f"(batch {args.batch})"
            )
        counts = record.counts()
        print(
            f"record: {counts['documents']} documents, {counts['meetings']} meetings, "
            f"{counts['actors']} actors, {counts['participations']} participations"
        )
        ids = [m["id"] for m in record.meetings()]
        rng = random.Random(0)
        sample = rng.sample(ids, min(len(ids), 100))
        names = [record.meeting(i)["name"] for i in sample[:20]]
        for label, fn, fargs in (
            ("meetings (all)", lambda _: record.meetings(), [None]),
            ("meetings (limit 50)", lambda _: record.meetings(limit=50), [None]),
            ("meeting ID", record.meeting, sample),
            ("meeting NAME", record.meeting, names),
            ("actor NAME", record.actor, ["Government of Varnia"]),
            ("search TEXT", record.search, ["ceasefire brokered", "postponed technical"]),
        ):
            p50, p95 = latency(fn, fargs, args.repeat if "actor" not in label else 20)
            print(f"{label:22s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
