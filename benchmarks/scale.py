"""Scale benchmark: one process, a multiprocessing pool, a local Dask cluster.

On one generated corpus, in one run, each engine goes from the JSON Lines
file to a merged SQLite record with the real NLP pipeline:

* ``single``: ``talkwatch.batch.local.ingest(workers=1)``
* ``multiprocessing``: ``ingest(workers=N)`` (a pool of spawned processes)
* ``dask``: ``talkwatch.batch.dask.extract_corpus(n_workers=N, db=...)`` on a
  ``LocalCluster`` of N processes (Parquet tables, merged as they finish)

Each engine runs in a child process; this process samples the RSS of every
worker process twice a second and reads the CPU time of the whole tree. The
three records must have the same checksum. With ``../shared/data/polnear-dev``
present, the per-core rate on real news articles (about 5,000 characters
each) is measured too: the basis of the cluster estimate in docs/scaling.md.

    python benchmarks/scale.py -n 2000            # ~6 minutes on 2 idle cores
    python benchmarks/scale.py -n 1000 --rounds 3 --json scale.json   # on a shared machine

On a machine shared with other jobs, run several rounds: the engines run
interleaved and the best time of each counts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
POLNEAR = HERE.parents[1] / "shared" / "data" / "polnear-dev" / "dev" / "text"
ARTICLES_PER_DAY = 1_000_000
MODES = ("single", "multiprocessing", "dask")


# --- the engines (run in a child process) ----------------------------------------------


def child(mode: str, corpus: str, db: str, out: str, workers: int, partition_size: str) -> None:
    """Run one engine and print its result as JSON on stdout."""
    from talkwatch import store
    from talkwatch.batch.local import ingest

    started = time.perf_counter()
    result: dict[str, Any] = {"mode": mode}
    if mode == "dask":
        import logging

        from talkwatch.batch.dask import extract_corpus

        logging.getLogger("distributed").setLevel(logging.WARNING)
        report = extract_corpus(
            [corpus], out, n_workers=workers, partition_size=partition_size, db=db
        )
        result |= {"partitions": report.partitions, "extracted": report.extracted,
                   "added": report.merge.added if report.merge else 0}
    else:
        with store.open(db, create=True) as record:
            report = ingest([corpus], record, workers=1 if mode == "single" else workers)
        result |= {"extracted": report.added, "added": report.added}
    result["seconds"] = time.perf_counter() - started
    with store.open(db) as record:
        result["checksum"] = record.checksum()
        result["counts"] = record.counts()
    print(json.dumps(result))


# --- measuring (in this process) -------------------------------------------------------


class Sampler(threading.Thread):
    """RSS of a process tree over time: {pid: [(t, rss, role)]}, and each process's CPU seconds."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: dict[int, list[tuple[float, int, str]]] = {}
        self.cpu: dict[int, float] = {}
        self.stop = threading.Event()
        self.t0 = time.perf_counter()

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self.stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            now = time.perf_counter() - self.t0
            for p in procs:
                try:
                    role = _role(p, root)
                    if role:
                        self.samples.setdefault(p.pid, []).append((now, p.memory_info().rss, role))
                        times = p.cpu_times()
                        self.cpu[p.pid] = times.user + times.system
                except psutil.Error:
                    continue
            self.stop.wait(self.every)


def _role(p: Any, root: Any) -> str | None:
    """``driver`` (the engine's main process), ``worker`` (a spawned process), or None."""
    if p.pid == root.pid:
        return "driver"
    cmd = " ".join(p.cmdline())
    return "worker" if "spawn_main" in cmd else None


def run_engine(mode: str, corpus: Path, tmp: Path, workers: int, partition_size: str) -> dict[str, Any]:
    db, out = tmp / f"{mode}.db", tmp / f"{mode}-out"
    for path in (db, out):
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--corpus", str(corpus),
           "--db", str(db), "--out", str(out), "--workers", str(workers),
           "--partition-size", partition_size]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{mode} failed:\n{stderr[-3000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["wall"] = wall
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["rss"] = _rss_summary(sampler.samples, sampler.cpu, mode)
    return result


def _rss_summary(samples: dict[int, list[tuple[float, int, str]]], cpu: dict[int, float],
                 mode: str) -> list[dict[str, Any]]:
    """Per process: RSS (MB) at 25/50/75/100% of its life, growth after the first quarter, CPU s."""
    out = []
    for pid, series in samples.items():
        role = "worker" if mode == "single" else series[0][2]  # one process does it all
        if len(series) < 4:
            continue
        mb = [rss / 2**20 for _, rss, _ in series]
        q = [mb[min(len(mb) - 1, int(len(mb) * f))] for f in (0.25, 0.5, 0.75)] + [mb[-1]]
        out.append({"pid": pid, "role": role, "samples": len(mb), "mb": [round(x) for x in q],
                    "max": round(max(mb)), "growth": round((mb[-1] - q[0]) / q[0] * 100, 1),
                    "cpu": round(cpu.get(pid, 0.0), 1)})
    return sorted(out, key=lambda r: (r["role"], r["pid"]))


def real_rate() -> dict[str, Any] | None:
    """Single-process articles/s and chars/s on real news articles (PolNeAR dev), if present."""
    if not POLNEAR.is_dir():
        return None
    from talkwatch import nlp
    from talkwatch.batch.local import extract_article
    from talkwatch.read import make_article

    nlp.load()
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))]
    articles = [make_article(t, {"published": "2016-10-01"}) for t in texts if t.strip()]
    for a in articles[:3]:  # warm-up: lexicons, gazetteer
        extract_article(a)
    cpu, started = time.process_time(), time.perf_counter()
    for a in articles:
        extract_article(a)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - started
    chars = sum(len(a.body) for a in articles)
    return {"articles": len(articles), "chars": chars, "cpu": cpu, "wall": wall,
            "per_cpu_second": len(articles) / cpu, "chars_per_cpu_second": chars / cpu}


# --- the corpus ------------------------------------------------------------------------


def make_corpus(n: int, path: Path, *, seed: int, shuffled: bool) -> int:
    """Generate ``n`` articles; sorted by publication date (as an archive) unless ``shuffled``."""
    sys.path.insert(0, str(HERE))
    import gen_corpus

    gen_corpus.write(n, path, seed=seed)
    if not shuffled:
        lines = path.read_text(encoding="utf-8").splitlines()
        lines.sort(key=lambda line: json.loads(line).get("published") or "")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.stat().st_size


# --- report ----------------------------------------------------------------------------


def report(results: dict[str, dict[str, Any]], real: dict[str, Any] | None, n: int, workers: int) -> str:
    single = results["single"]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [f"{n} generated articles, {workers} workers, {os.cpu_count()} cores "
             f"(load average now {load}); best of {len(single['walls'])} round(s)", ""]
    lines.append(f"{'engine':<16}{'wall s':>8}{'art/s':>8}{'x single':>10}{'CPU s':>8}{'art/CPU-s':>11}")
    for mode, r in results.items():
        rate = r["added"] / r["wall"]
        lines.append(f"{mode:<16}{r['wall']:>8.1f}{rate:>8.2f}{single['wall'] / r['wall']:>10.2f}"
                     f"{r['cpu']:>8.1f}{r['added'] / r['cpu']:>11.2f}   rounds: {r['walls']}")
    mp, dk = results["multiprocessing"], results["dask"]
    lines += ["", f"dask / multiprocessing throughput: {mp['wall'] / dk['wall']:.2f} (target >= 0.85)",
              f"multiprocessing / single: {single['wall'] / mp['wall']:.2f} (target >= 1.7)",
              f"dask / single: {single['wall'] / dk['wall']:.2f} (target >= 1.7)",
              f"same record (checksum): {len({r['checksum'] for r in results.values()}) == 1}", "",
              "RSS (MB) at 25/50/75/100% of each process's life; growth after the first quarter:"]
    for mode, r in results.items():
        for p in r["rss"]:
            lines.append(f"  {mode:<16}{p['role']:<8}pid {p['pid']:<8}{str(p['mb']):<24}"
                         f"max {p['max']:>5}  growth {p['growth']:+.1f}%  CPU {p['cpu']:.1f}s")
    if real:
        per_core = real["per_cpu_second"]
        need = ARTICLES_PER_DAY / 86_400 / per_core
        lines += ["", f"real news (PolNeAR dev, {real['articles']} articles, "
                      f"{real['chars'] / real['articles']:.0f} chars each): {per_core:.2f} articles "
                      f"per CPU-second ({real['chars_per_cpu_second']:.0f} chars/s)",
                  f"1,000,000 articles/day = {ARTICLES_PER_DAY / 86_400:.1f} articles/s "
                  f"-> {need:.0f} busy cores at that rate"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=2000, help="generated articles")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--partition-size", default=None, help="Dask partition size (default: ~12 per worker)")
    ap.add_argument("--shuffled", action="store_true", help="keep the generator's random date order")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--rounds", type=int, default=1, help="run every engine this many times; keep the best")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.corpus, args.db, args.out, args.workers, args.partition_size)
        return
    tmp = Path(tempfile.mkdtemp(prefix="talkwatch-scale-"))
    try:
        corpus = tmp / "corpus.jsonl"
        size = make_corpus(args.n, corpus, seed=args.seed, shuffled=args.shuffled)
        part = args.partition_size or str(max(4096, size // (12 * args.workers)))
        results: dict[str, dict[str, Any]] = {}
        for r in range(args.rounds):  # interleaved, so that a busy spell hurts every engine alike
            for mode in args.modes.split(","):
                print(f"round {r + 1}: {mode} ...", file=sys.stderr, flush=True)
                found = run_engine(mode, corpus, tmp, args.workers, part)
                print(f"  {found['wall']:.1f}s, CPU {found['cpu']:.1f}s", file=sys.stderr, flush=True)
                walls = results.get(mode, {}).get("walls", []) + [round(found["wall"], 1)]
                if mode not in results or found["wall"] < results[mode]["wall"]:
                    results[mode] = found
                results[mode]["walls"] = walls
        real = real_rate()
        if set(MODES) <= set(results):
            print(report(results, real, args.n, args.workers))
        if args.json:
            payload = {"n": args.n, "workers": args.workers, "partition_size": part,
                       "results": results, "real": real}
            args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
