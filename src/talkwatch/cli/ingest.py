"""``talkwatch ingest``: extract and store articles, and say honestly what happened.

The summary counts as ``batch.save.Tally`` does on every path: added, already
stored, skipped (could not be read, with the reason), failed (read but not
extracted or stored, with the reason) and warnings (stored, with a caveat).
Exit status: 0 when at least one article was read and is stored, 1 when none
could be, 2 for a usage error. Ctrl-C stops the run and still prints the
summary: what was stored before it stays stored (one transaction per batch).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..batch.save import Failure
from ..sanitize import one_line
from .extract import PathsArg
from .progress import progress_bar
from .store import DbOpt, _errors, _open

_err = Console(stderr=True)
#: reasons listed one per line before the summary, per kind (the rest are counted)
LISTED = 50


def _say(text: str) -> None:
    _err.print(one_line(text), markup=False, highlight=False, soft_wrap=True)


def _list(label: str, entries: list[Failure]) -> None:
    for where, reason in entries[:LISTED]:
        _say(f"{label} {where}: {reason}")
    if len(entries) > LISTED:
        _say(f"... and {len(entries) - LISTED} more {label}")


def report_summary(report: Any, target: str, *, interrupted: bool = False) -> None:
    """The reasons (skipped, failed, warnings) and the one-line summary, on stderr."""
    _list("skipped", report.skips)
    _list("failed", report.failures)
    _list("warning", report.warnings)
    head = "interrupted: " if interrupted else ""
    _say(
        f"{head}{report.summary()}; {report.facts} facts in {report.seconds:.1f}s "
        f"({report.rate:.1f} articles/s) -> {target}"
    )
    if not interrupted and report.stored == 0:
        _say("talkwatch: error: no article could be read")


def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Extraction processes (0: one per core).")
    ] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles per transaction.")] = 64,
    dask: Annotated[
        str | None, typer.Option("--dask", help="Extract on a local Dask cluster: local:N worker processes.")
    ] = None,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="Extract on a running Dask cluster (scheduler address).")
    ] = None,
    out: Annotated[
        str, typer.Option("--out", help="With --dask/--cluster: folder or URL for the Parquet fact tables.")
    ] = "talkwatch-parquet",
) -> None:
    """Extract and store articles; already stored articles (same text) are counted, not stored again.

    With --dask or --cluster, extraction runs on Dask (see `talkwatch dask-ingest`).
    Exit status 0 when an article was read, 1 when none could be, 2 for a usage error.
    """
    if dask or cluster:
        try:
            from .dask import dask_ingest
        except ImportError:
            raise typer.BadParameter("Dask is not installed: pip install 'talkwatch[dask]'") from None
        dask_ingest([str(p) for p in paths], out, db=db, dask=dask, cluster=cluster)
        return
    with _errors():
        record = _open(db, create=True)
        try:
            report = _run(paths, record, workers, batch_size)
        finally:
            record.close()
    if report.stored == 0:
        raise typer.Exit(1)


def _run(paths: list[Path], record: Any, workers: int, batch_size: int) -> Any:
    """Ingest with a progress bar; on Ctrl-C, the summary of what was stored, then exit 130."""
    from ..batch.local import Report, estimate
    from ..batch.local import ingest as run_ingest

    last: list[Report] = [Report()]

    def seen(report: Report) -> None:
        last[0] = report
        progress.update(task, completed=report.processed, rate=f"{report.rate:.1f} articles/s")

    n_workers = workers if workers > 0 else (os.cpu_count() or 1)
    target = str(record.backend.path)
    with progress_bar(_err) as progress:
        task = progress.add_task("ingest", total=estimate(paths) or None, rate="")
        try:
            report = run_ingest(
                paths, record, workers=n_workers, batch_size=max(1, batch_size), on_progress=seen
            )
        except KeyboardInterrupt:
            progress.stop()
            report_summary(last[0], target, interrupted=True)
            raise typer.Exit(130) from None
        progress.update(task, total=report.processed, completed=report.processed)
    report_summary(report, target)
    return report


def register(app: typer.Typer) -> None:
    app.command()(ingest)
