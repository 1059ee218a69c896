"""Run extraction of a corpus on a Dask cluster, partition by partition.

The client only plans partitions and hands them out, a bounded number at a
time, so its memory stays flat however large the corpus; workers read their
partition themselves and write its Parquet tables straight to the output
folder. Partitions marked done are skipped, so a rerun resumes an
interrupted job; a worker that dies has its partitions redone elsewhere.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import store
from ...errors import TalkwatchError
from ..save import BATCH_SIZE
from . import cluster as clusters
from . import merge as merging
from . import output, partitions, tasks
from .partitions import Partition

DEFAULT_PARTITION_SIZE = "4MB"  # ~1,000 news articles: minutes of work per task
MAX_FAILURES = 10_000  # failures listed in a report (all are counted)


@dataclass
class ExtractReport:
    """What an extraction run did (counts of this run; ``skipped`` partitions were done before)."""

    partitions: int = 0
    skipped: int = 0
    done: int = 0
    total: int = 0  # articles expected in the partitions of this run (for the ETA)
    read: int = 0
    extracted: int = 0
    failed: int = 0
    warned: int = 0
    unread: int = 0  # inputs (rows, files) that could not be read: "skipped" in the summary
    chars: int = 0
    seconds: float = 0.0
    dashboard: str | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)
    skips: list[tuple[str, str]] = field(default_factory=list)
    lost: list[tuple[str, str]] = field(default_factory=list)  # partitions that did not finish
    rss: dict[str, int] = field(default_factory=dict)  # worker -> last RSS seen (bytes)
    merge: merging.MergeReport | None = None  # when merged during the run

    @property
    def rate(self) -> float:
        """Articles per second over the run."""
        return self.read / self.seconds if self.seconds else 0.0


def _size(value: int | str) -> int:
    if isinstance(value, int):
        return value
    from dask.utils import parse_bytes

    try:
        return int(parse_bytes(value))
    except (ValueError, TypeError):
        raise TalkwatchError(f"bad partition size {value!r}; use bytes like 4MB or 500kB") from None


def extract_corpus(
    paths: Iterable[str | Path] | str | Path,
    out_dir: str | Path,
    *,
    client: Any = None,
    cluster: str | None = None,
    n_workers: int = 2,
    partition_size: int | str = DEFAULT_PARTITION_SIZE,
    pipeline: tasks.Pipeline | None = None,
    db: str | Path | store.Record | None = None,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[ExtractReport], None] | None = None,
    on_start: Callable[[ExtractReport], None] | None = None,
) -> ExtractReport:
    """Extract every article under ``paths`` into Parquet tables under ``out_dir``.

    ``client``: a ``distributed.Client`` (any cluster); else ``cluster``, a
    scheduler address or ``local:N`` (see ``cluster.connect``), is joined or
    started for the call, and only when there is work left; else a local
    cluster of ``n_workers`` processes. ``pipeline`` replaces
    ``talkwatch.batch.local.extract_article`` (it must be importable on the
    workers). With ``db``, this process also merges the partitions into
    that record as they finish, in corpus order, while the workers go on
    (``report.merge``); else run ``merge_into_store`` afterwards. ``on_start``
    sees the report once the work is planned (total known); ``on_progress``
    after every finished partition.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    out = str(out_dir)
    started = time.perf_counter()
    plan = partitions.plan(paths, size=_size(partition_size))
    marked = output.done(out)
    todo = [p for p in plan if p.id not in marked]
    report = ExtractReport(partitions=len(plan), skipped=len(plan) - len(todo))
    with ExitStack() as stack:
        merger = None
        if db is not None:
            record = stack.enter_context(merging.opened(db))
            merger = _InOrder(plan, marked, merging.Merger(out, record, batch_size=batch_size))
            report.merge = merger.merger.report
        if todo:
            c = client if client is not None else stack.enter_context(
                clusters.connect(cluster, n_workers=n_workers))
            report.dashboard = c.dashboard_link
            if pipeline is None:
                c.register_plugin(clusters.NlpPlugin())
            first = _first_lines(c, plan, todo, marked, report)
            if on_start:
                on_start(report)
            _run(c, todo, out, first, pipeline, report, on_progress, started, merger)
        if merger:
            merger.finish()
    report.seconds = time.perf_counter() - started
    if report.merge:
        report.merge.seconds = report.seconds
    return report


class _InOrder:
    """Merge partitions in corpus order as they finish (the first of two equal texts wins)."""

    def __init__(self, plan: list[Partition], marked: dict[str, dict[str, Any]],
                 merger: merging.Merger) -> None:
        self.ids = [p.id for p in plan]
        wanted = set(self.ids)
        self.ready = {pid: meta for pid, meta in marked.items() if pid in wanted}
        self.next = 0
        self.merger = merger
        merger.report.partitions = len(self.ids)  # done ones merge as the first new one lands

    def done(self, meta: dict[str, Any]) -> None:
        self.ready[meta["id"]] = meta
        self._advance()

    def _advance(self) -> None:
        while self.next < len(self.ids) and self.ids[self.next] in self.ready:
            self.merger.merge(self.ready.pop(self.ids[self.next]))
            self.next += 1

    def finish(self) -> None:
        """Merge what finished after a partition that did not (those stay for a rerun)."""
        for pid in self.ids[self.next :]:
            if pid in self.ready:
                self.merger.merge(self.ready.pop(pid))
        self.merger.flush()


def _first_lines(
    client: Any,
    plan: list[Partition],
    todo: list[Partition],
    marked: dict[str, dict[str, Any]],
    report: ExtractReport,
) -> dict[str, int]:
    """First line number of each JSONL partition to do (line counts of the others, in parallel)."""
    todo_ids = {p.id for p in todo}
    sources = {p.source for p in todo if p.kind == "jsonl"}
    need = [p for p in plan if p.source in sources and (marked.get(p.id) or {}).get("lines") is None]
    counts = dict(zip([p.id for p in need], client.gather(client.map(tasks.count_lines, need,
                                                                         pure=False)), strict=True))
    first: dict[str, int] = {}
    line: dict[str, int] = {}
    for p in plan:
        if p.id in todo_ids:
            if p.kind == "jsonl":
                first[p.id] = line.get(p.source, 0) + 1
                report.total += counts[p.id]["articles"]
            elif p.kind == "parquet":
                report.total += p.stop - p.start
            else:
                report.total += len(p.files)
        if p.kind == "jsonl":
            n = counts[p.id]["lines"] if p.id in counts else (marked.get(p.id) or {}).get("lines", 0)
            line[p.source] = line.get(p.source, 0) + n
    return first


def _run(
    client: Any,
    todo: list[Partition],
    out: str,
    first: dict[str, int],
    pipeline: tasks.Pipeline | None,
    report: ExtractReport,
    on_progress: Callable[[ExtractReport], None] | None,
    started: float,
    merger: _InOrder | None,
) -> None:
    """Submit partitions a window at a time; collect (and merge) markers as they finish."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    window = max(8, 4 * threads)
    queue = list(reversed(todo))
    owner: dict[str, Partition] = {}

    def submit() -> Any:
        part = queue.pop()
        future = client.submit(
            tasks.extract_partition, part, out, first_line=first.get(part.id, 1),
            pipeline=pipeline, digests=merger is not None, retries=1,
            key=f"talkwatch-extract-{part.id}-{uuid.uuid4().hex[:6]}",
        )
        owner[future.key] = part
        return future

    running = as_completed([submit() for _ in range(min(window, len(queue)))])
    for future in running:
        part = owner.pop(future.key)
        try:
            meta = future.result()
        except Exception as exc:  # e.g. KilledWorker: the partition stays to do for a rerun
            report.lost.append((part.id, f"{type(exc).__name__}: {exc}"))
        else:
            _count(report, meta)
            if merger:
                merger.done(meta)
        future.release()
        report.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(report)
        if queue:
            running.add(submit())


def _count(report: ExtractReport, meta: dict[str, Any]) -> None:
    report.done += 1
    for name in ("read", "extracted", "failed", "warned", "unread", "chars"):
        setattr(report, name, getattr(report, name) + int(meta.get(name) or 0))
    room = MAX_FAILURES - len(report.failures)
    report.failures += [(f[0], f[1]) for f in meta.get("failures", [])[: max(room, 0)]]
    report.skips += [(f[0], f[1]) for f in meta.get("skips", [])[: max(MAX_FAILURES - len(report.skips), 0)]]
    report.rss[meta["worker"]] = meta["rss"]
