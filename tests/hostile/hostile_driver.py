"""Run every hostile case through ``talkwatch extract`` and ``talkwatch ingest`` in one process.

    python hostile_driver.py WORK_DIR RESULT.json

The test suite starts this script as a subprocess (so a runaway case cannot
take pytest down with it) and reads the JSON it writes: for each case and
command, the exit code, stderr, seconds, the process's peak memory so far
and whether an exception escaped. Loading spaCy once for all cases keeps the
corpus to a minute or two instead of a model load per case. A case that runs
past ``CASE_SECONDS`` of wall-clock time is interrupted by an alarm and recorded
as a hang; the test bounds each case's CPU time, which a busy machine does not inflate.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

#: wall-clock seconds after which a case counts as hung (the test bounds CPU time at 30 s)
CASE_SECONDS = 90
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from typer.testing import CliRunner  # noqa: E402

import hostile_corpus  # noqa: E402
from talkwatch import cli  # noqa: E402


class Hang(BaseException):
    """A case ran longer than CASE_SECONDS (a BaseException: the pipeline's per-step handlers must
    not swallow it)."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hang(f"over {CASE_SECONDS} s")


def cpu_seconds() -> float:
    """User and system time of this process so far: unlike the wall clock, not inflated by a busy machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def invoke(args: list[str]) -> dict[str, Any]:
    """One command in-process, like the console script: exit code, stderr, time, memory."""
    runner = CliRunner()
    signal.alarm(CASE_SECONDS)
    started, cpu = time.perf_counter(), cpu_seconds()
    try:
        result = runner.invoke(cli.app, args, catch_exceptions=True)
        escaped = result.exception if not isinstance(result.exception, SystemExit) else None
        code, stderr = result.exit_code, result.stderr
        tb = "".join(traceback.format_exception(escaped)) if escaped else ""
    except Hang as exc:
        code, stderr, tb = -1, "", f"hang: {exc}"
    finally:
        signal.alarm(0)
    return {
        "args": args,
        "code": code,
        "stderr": stderr,
        "seconds": time.perf_counter() - started,
        "cpu_seconds": cpu_seconds() - cpu,
        "peak_mb": peak_mb(),
        "traceback": tb,
    }


def _stored(db: str, path: Path) -> bool:
    """Whether every article read from ``path`` is in the database (False when none is read)."""
    from talkwatch import read, store

    ids = [a.id for a in read.read_paths([path], on_warning=lambda _m: None)]
    with store.open(db) as record:
        return bool(ids) and set(record.known(ids)) == set(ids)


def _export(db: str, out: Path) -> list[dict[str, Any]]:
    from talkwatch import store

    with store.open(db) as record:
        record.export("jsonl", out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    work, out = Path(sys.argv[1]), Path(sys.argv[2])
    only = set(sys.argv[3:])
    cli.configure_logging()
    signal.signal(signal.SIGALRM, _alarm)
    cases = [c for c in hostile_corpus.CASES if not only or c.name in only]
    paths = hostile_corpus.build(work, cases)
    hostile_corpus.build_good(work / "good")
    db = str(work / "hostile.db")
    results: dict[str, Any] = {"baseline": invoke(["ingest", str(work / "good"), "--db", db])}
    results["export_before"] = _export(db, work / "before.jsonl")
    for name, path in paths.items():
        good = hostile_corpus.good_companion(work / "companions", name)
        extract = invoke(["extract", "-f", "jsonl", str(path), str(good)])
        ingest = invoke(["ingest", str(path), str(good), "--db", db])
        ingest["good_stored"] = _stored(db, good)
        ingest["case_stored"] = _stored(db, path)
        results[name] = {"extract": extract, "ingest": ingest}
    results["export_after"] = _export(db, work / "after.jsonl")
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
