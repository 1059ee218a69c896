"""Corrections benchmark: what a correction costs, and what replaying corrections adds to an ingest.

On a record of generated articles (``gen_corpus``, no NLP), times
(1) the ingest without any correction (the writer's replay hook finds none),
(2) N corrections made one by one (each: find the fact, change it, log it,
recompute its merged meeting; p50/p95), and (3) an ingest of the same
articles into a fresh record that received the corrections file first, so
every correction is replayed as its article arrives.

    python benchmarks/corrections.py                  # 2,000 articles, 200 corrections
    python benchmarks/corrections.py -n 5000 -c 500 --db postgresql://localhost/talkwatch
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus  # noqa: E402

from talkwatch import store  # noqa: E402
from talkwatch.model import PARTICIPATION_STATUSES  # noqa: E402


def _location(db: str | None, tmp: Path, name: str) -> str:
    if db and db.startswith("postgres"):
        return f"{db}{'&' if '?' in db else '?'}schema=bench_{uuid.uuid4().hex[:8]}"
    return str(tmp / f"{name}.db")


def _ingest(location: str, digests: list[dict], batch: int) -> float:
    t = time.perf_counter()
    with store.open(location, create=True) as rec:
        for i in range(0, len(digests), batch):
            rec.save_many(digests[i : i + batch])
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="articles")
    ap.add_argument("-c", type=int, default=200, help="corrections")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--db", help="a PostgreSQL URL (default: SQLite files in a temp folder)")
    args = ap.parse_args()
    digests = [gen_corpus.article(i, n=args.n)[1] for i in range(args.n)]
    with tempfile.TemporaryDirectory() as tmp:
        first = _location(args.db, Path(tmp), "first")
        plain = _ingest(first, digests, args.batch)
        fixes = []
        for d in digests:
            for p in d.get("participations") or []:
                ev = p.get("evidence") or {}
                if ev.get("start") is not None and len(fixes) < args.c:
                    other = next(s for s in PARTICIPATION_STATUSES if s != p["status"])
                    fixes.append({"action": "set", "kind": "participations", "author": "bench",
                                  "document": d["document"]["id"], "evidence": ev,
                                  "target": {"actor": p["actor"]}, "changes": {"status": other}})
                    break
        times = []
        with store.open(first) as rec:
            for fix in fixes:
                t = time.perf_counter()
                rec.correct(fix)
                times.append(time.perf_counter() - t)
            shared = rec.corrections()
        second = _location(args.db, Path(tmp), "second")
        with store.open(second, create=True) as rec:
            rec.apply_corrections(shared)
        replayed = _ingest(second, digests, args.batch)
        with store.open(second) as rec:
            states = [c["state"] for c in rec.corrections()]
    ms = sorted(t * 1000 for t in times)
    print(f"engine: {'postgres' if args.db else 'sqlite'}; {args.n} articles, {len(fixes)} corrections")
    print(f"ingest, no corrections:         {plain:7.2f} s ({args.n / plain:,.0f} articles/s)")
    print(f"one correction:                 p50 {statistics.median(ms):6.1f} ms, "
          f"p95 {ms[int(len(ms) * 0.95) - 1]:6.1f} ms")
    print(f"ingest replaying {len(fixes)} corrections: {replayed:7.2f} s "
          f"({args.n / replayed:,.0f} articles/s; {states.count('applied')} applied, "
          f"{states.count('orphaned')} orphaned)")


if __name__ == "__main__":
    main()
