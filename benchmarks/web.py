"""Web benchmark: p95 latency of the meeting page and the API under concurrent clients.

Builds (or reuses) a database of generated articles' facts (``gen_corpus``:
what a perfect extractor returns, written with the store's writer), starts
``talkwatch serve`` in its own process on a free loopback port, then runs N
closed-loop clients (each sends its next request when the last one
answered; the clients run in processes of their own, apart from the
server's) over a mix of every page (meeting pages, filtered lists, the
overview) and API call on randomly chosen meetings, actors and pages.
Three runs: cache off (every request runs its queries and renders), cache
on over first visits, and cache on over revisits. Reports p50/p95/p99 per
request class, throughput, and server CPU per request (comparable across
machines and background load). Bounded by ``--requests`` and ``--seconds``
per run.

On a machine other work loads, wall-clock latencies say as much about the
neighbours as about the server: ``--baseline SRC --baseline-db DB`` serves
the same articles with another talkwatch (its ``src`` directory, e.g. the main
branch's, and a database it can open) in the same run, alternating the two
(baseline, this, this, baseline: half the requests each time) so that both
see the same background load, and prints each class's p50/p95 and the server
CPU per request of both with their ratio.

    python benchmarks/web.py                          # 100,000 articles, 20 clients
    python benchmarks/web.py -n 5000 --db /tmp/w.db --requests 500
    python benchmarks/web.py --db new.db --baseline /work/main/src --baseline-db old.db
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_corpus  # noqa: E402

from talkwatch import store
from talkwatch.store import Item


def build(db: Path, n: int, batch: int = 2000) -> None:
    """Write n generated digests (one transaction per batch)."""
    t0 = time.perf_counter()
    with store.open(db, create=True) as rec:
        items: list[Item] = []
        for i, (row, dg) in enumerate(gen_corpus.generate(n, seed=0), 1):
            items.append(Item(dg, row["text"]))
            if len(items) == batch:
                rec.save_many(items)
                items = []
                print(f"  {i} articles ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
        if items:
            rec.save_many(items)
        rec.backend.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"built {db} in {time.perf_counter() - t0:.0f}s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, *, cache: int, workers: int,
                 src: Path | None = None, shared: str | None = None) -> subprocess.Popen[bytes]:
    """``talkwatch serve`` in processes of its own (the talkwatch of ``src`` if given); with
    ``shared``, a directory for the processes to share answers, as ``talkwatch serve`` sets up."""
    env = os.environ | {"TALKWATCH_SERVE_DB": str(db), "TALKWATCH_SERVE_CACHE": str(cache)}
    if shared:
        env["TALKWATCH_SERVE_SHARED"] = shared
    if src is not None:
        env["PYTHONPATH"] = str(src)
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "talkwatch.serve.app:from_env", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         "--log-level", "warning", "--no-access-log"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            get(port, "/api/processes?limit=1")
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start")


def get(port: int, path: str, conn: http.client.HTTPConnection | None = None) -> bytes:
    c = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    if r.status != 200:
        raise RuntimeError(f"{path}: HTTP {r.status} {body[:200]!r}")
    if conn is None:
        c.close()
    return body


def workload(port: int, rng: random.Random) -> list[tuple[str, str]]:
    """(class, path) pairs: every kind of page and API call over random meetings and pages."""
    total = json.loads(get(port, "/api/meetings?limit=1"))["total"]
    offsets = rng.sample(range(total), min(total, 400))
    meetings = [json.loads(get(port, f"/api/meetings?limit=1&offset={o}"))["items"][0]
                for o in offsets]
    actors = json.loads(get(port, "/api/actors?limit=200"))["items"]
    quotes = json.loads(get(port, "/api/facts?kind=quotes&limit=1"))["total"]
    docs = json.loads(get(port, "/api/articles?limit=1"))["total"]
    statuses = ["scheduled", "held", "postponed", "concluded"]
    out: list[tuple[str, str]] = []
    for m in meetings:
        out.append(("page /meetings/{id}", f"/meetings/{m['id']}"))
        out.append(("api /api/meetings/{id}", f"/api/meetings/{m['id']}"))
    for _ in range(len(meetings) // 2):
        out.append(("api /api/meetings?offset", f"/api/meetings?limit=50&offset={rng.randrange(total)}"))
        out.append(("api /api/facts?kind=quotes",
                    f"/api/facts?kind=quotes&limit=50&offset={rng.randrange(quotes)}"))
        out.append(("api /api/actors/{id}", f"/api/actors/{rng.choice(actors)['id']}"))
    for _ in range(len(meetings) // 8):
        m = rng.choice(meetings)
        out.append(("api /api/meetings?filters",
                    f"/api/meetings?status={rng.choice(statuses)}&limit=50"
                    f"&offset={rng.randrange(0, 500, 50)}"))
        out.append(("page /meetings?filters", f"/meetings?status={rng.choice(statuses)}"
                    f"&page={rng.randrange(1, 10)}"))
        out.append(("page /articles", f"/articles?page={rng.randrange(1, docs // 50)}"))
        out.append(("page /actors", f"/actors?page={rng.randrange(1, 20)}"))
        out.append(("page /", f"/?page={rng.randrange(1, 5)}"))
        if m["venue"]["city"]:
            out.append(("page /meetings?process", "/meetings?process="
                        + m["venue"]["city"].replace(" ", "+")))
    rng.shuffle(out)
    return out


def _client_process(port: int, work: list[tuple[str, str]], clients: list[int],
                    budget: Any, stop: float, queue: Any, every: bool = False) -> None:
    """One load process: a thread per client, each sending its next request when the last
    one answered; puts (latencies by class, errors) on the queue."""
    lat: dict[str, list[float]] = {}
    lock = threading.Lock()
    errors = [0]

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            with budget.get_lock():
                i = budget.value
                if i <= 0:
                    break
                budget.value = i - 1
            # ``every``: request i is URL i, so a run of len(work) requests visits each once
            cls, path = work[i % len(work) if every else (i * 7 + k) % len(work)]
            t0 = time.perf_counter()
            try:
                get(port, path, conn)
            except (OSError, RuntimeError, http.client.HTTPException):
                errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                lat.setdefault(cls, []).append(ms)
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put((lat, errors[0]))


def run(port: int, work: list[tuple[str, str]], clients: int, requests: int,
        seconds: float, procs: int = 2, every: bool = False) -> tuple[dict[str, list[float]], float, int]:
    """Closed-loop clients over the workload, in ``procs`` processes of their own (so the
    load generator neither shares the server's cores' GIL nor its own between 20 clients);
    latencies (ms) per class, wall time, errors. ``every``: each URL once, in order (the
    other order, ``(i * 7 + k) % n``, reaches only about a third of the URLs in n requests)."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    budget = ctx.Value("l", requests)
    queue = ctx.Queue()
    stop = time.monotonic() + seconds
    t0 = time.perf_counter()
    workers = [ctx.Process(target=_client_process,
                           args=(port, work, list(range(p, clients, procs)), budget, stop, queue,
                                 every))
               for p in range(min(procs, clients))]
    for w in workers:
        w.start()
    lat: dict[str, list[float]] = {}
    errors = 0
    for _ in workers:
        part, errs = queue.get()
        errors += errs
        for cls, values in part.items():
            lat.setdefault(cls, []).extend(values)
    for w in workers:
        w.join()
    return lat, time.perf_counter() - t0, errors


def cpu_seconds(root: int) -> float:
    """User+system CPU of a process and its children (the uvicorn workers), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == root or ppid == root:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def pct(values: list[float], p: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def report(title: str, lat: dict[str, list[float]], wall: float, errors: int) -> dict[str, Any]:
    """Print p50/p95/p99 per request class; return {class: {n, p50, p95}} (with the meeting
    pages and the API as a whole)."""
    allv = [v for vs in lat.values() for v in vs]
    print(f"\n{title}: {len(allv)} requests in {wall:.1f}s = {len(allv) / wall:.0f} req/s, "
          f"{errors} errors")
    print(f"  {'class':30} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    out = {}
    for cls in sorted(lat):
        vs = lat[cls]
        print(f"  {cls:30} {len(vs):6d} {pct(vs, 50):8.1f} {pct(vs, 95):8.1f} {pct(vs, 99):8.1f}")
        out[cls] = {"n": len(vs), "p50": pct(vs, 50), "p95": pct(vs, 95)}
    api = [v for c, vs in lat.items() if c.startswith("api") for v in vs]
    page = [v for c, vs in lat.items() if c == "page /meetings/{id}" for v in vs]
    print(f"  {'ALL meeting pages':30} {len(page):6d} {pct(page, 50):8.1f} {pct(page, 95):8.1f}")
    print(f"  {'ALL API':30} {len(api):6d} {pct(api, 50):8.1f} {pct(api, 95):8.1f}")
    out["ALL meeting pages"] = {"n": len(page), "p50": pct(page, 50), "p95": pct(page, 95)}
    out["ALL API"] = {"n": len(api), "p50": pct(api, 50), "p95": pct(api, 95)}
    return out


def compare(title: str, base: dict[str, Any], this: dict[str, Any]) -> None:
    """Baseline and this talkwatch side by side, measured in the same run, with ratios."""
    print(f"\n{title}: baseline vs this talkwatch (same run, alternating; ratio = this / baseline)")
    print(f"  {'class':30} {'p50 base':>9} {'p50 this':>9} {'ratio':>6} "
          f"{'p95 base':>9} {'p95 this':>9} {'ratio':>6}")
    for cls in sorted(set(base["lat"]) & set(this["lat"])):
        b, t = base["lat"][cls], this["lat"][cls]
        print(f"  {cls:30} {b['p50']:9.1f} {t['p50']:9.1f} {t['p50'] / b['p50']:6.2f} "
              f"{b['p95']:9.1f} {t['p95']:9.1f} {t['p95'] / b['p95']:6.2f}")
    print(f"  {'server CPU ms per request':30} {base['cpu']:9.1f} {this['cpu']:9.1f} "
          f"{this['cpu'] / base['cpu']:6.2f}")


def measure(db: Path, src: Path | None, args: Any, *, cache: int, workers: int, prewarm: bool,
            requests: int) -> dict[str, Any]:
    """One run of the workload against a fresh server: latencies by class, server CPU."""
    port = free_port()
    answers = tempfile.TemporaryDirectory(
        prefix="talkwatch-web-bench-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else None)
    server = start_server(db, port, cache=cache, workers=workers, src=src, shared=answers.name)
    try:
        work = workload(port, random.Random(args.seed))
        run(port, work[:40], 4, 40, 30)  # warm the connection pools
        if prewarm:
            run(port, work, args.clients, len(work), args.seconds, every=True)
        cpu0 = cpu_seconds(server.pid)
        lat, wall, errors = run(port, work, args.clients, requests, args.seconds)
        cpu = cpu_seconds(server.pid) - cpu0
    finally:
        server.terminate()
        server.wait(timeout=30)
        answers.cleanup()
    return {"lat": lat, "cpu": cpu, "n": sum(len(v) for v in lat.values()), "wall": wall,
            "errors": errors}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100_000, help="articles in a new database")
    ap.add_argument("--db", type=Path, help="database to reuse (built there if missing)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=3000, help="requests per run (bound)")
    ap.add_argument("--seconds", type=float, default=90, help="time per run (bound)")
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--baseline", type=Path, help="src directory of a talkwatch to compare with")
    ap.add_argument("--baseline-db", type=Path, help="the same articles in a database the "
                    "baseline can open (default: --db)")
    ap.add_argument("--only", choices=("cold", "first", "revisits"), action="append",
                    help="run only these scenarios (repeatable; default: all three)")
    args = ap.parse_args(argv)
    if args.baseline and args.baseline_db is None:
        args.baseline_db = args.db
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="talkwatch-web-bench-")
        db = Path(tmp.name) / "bench.db"
    if not db.exists():
        build(db, args.n)
    with store.open(db) as rec:
        counts = rec.counts()
    with db.open("rb") as fh:  # steady state: the file in the OS page cache, as on a live server
        while fh.read(1 << 24):
            pass
    print(f"database {db}: {counts['documents']} articles, {counts['meetings']} meetings, "
          f"{counts['actors']} actors, {counts['participations']} participations, "
          f"{counts['quotes']} quotes")
    scenarios = [
        # (title, cache entries, server processes, visit every URL once before measuring)
        ("cold: cache off, every request queried and rendered", 0, args.workers, False),
        ("first visits: cache on, each URL about twice", 2048, args.workers, False),
        ("revisits: cache on, every URL seen once before", 4096, 1, True),
    ]
    if args.only:
        scenarios = [s for s in scenarios if s[0].split(":")[0].split()[0] in args.only]
    servers = [("this", db, None)]
    if args.baseline:
        servers = [("baseline", args.baseline_db, args.baseline), *servers]
    for title, cache, workers, prewarm in scenarios:
        runs: dict[str, dict[str, Any]] = {}
        # baseline, this, this, baseline: both halves see the same drift in background load
        order = [servers[0], *servers[1:], *servers[1:], servers[0]] if args.baseline else servers
        for name, path, src in order:
            got = measure(path, src, args, cache=cache, workers=workers, prewarm=prewarm,
                          requests=args.requests // len(order) * len(servers))
            seen = runs.setdefault(name, {"lat": {}, "cpu": 0.0, "n": 0, "wall": 0.0, "errors": 0})
            for cls, values in got["lat"].items():
                seen["lat"].setdefault(cls, []).extend(values)
            for k in ("cpu", "n", "wall", "errors"):
                seen[k] += got[k]
        summary = {}
        for name, seen in runs.items():
            label = f"{title}; {args.clients} clients, {workers} server process(es)"
            out = report(label if len(runs) == 1 else f"[{name}] {label}", seen["lat"],
                         seen["wall"], seen["errors"])
            cpu = seen["cpu"] / max(1, seen["n"]) * 1000
            print(f"  server CPU {cpu:.1f} ms per request; load average "
                  f"{os.getloadavg()[0]:.1f} after the run on {os.cpu_count()} cores")
            summary[name] = {"lat": out, "cpu": cpu}
        if args.baseline:
            compare(title, summary["baseline"], summary["this"])
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
