"""``talkwatch dask-ingest`` and ``talkwatch dask-merge``: extraction on a Dask cluster.

``dask-ingest`` runs extraction on a cluster (``--dask local:N`` starts one
here; ``--cluster ADDRESS`` joins a running one), writes Parquet tables to
``--out`` and, as partitions finish, merges them into the record (``--db``)
from this process, the single writer; it shows a progress bar and the
dashboard link. ``dask-merge`` merges an output folder on its own.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from .. import store
from ..errors import TalkwatchError
from ..sanitize import one_line
from .progress import progress_bar

_err = Console(stderr=True)


def _fail(exc: TalkwatchError) -> None:
    _err.print(f"talkwatch: error: {one_line(exc)}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _merged(report: Any, target: str) -> None:
    _err.print(
        f"merged {report.merged} partitions into {target}: {report.summary()} ({report.facts} facts)",
        highlight=False,
    )
    for where, reason in report.failures[:20]:
        _err.print(f"  failed {one_line(where)}: {one_line(reason)}", markup=False, highlight=False)


def _merge(out: str, db: str | None) -> None:
    from ..batch.dask import merge_into_store

    target = db or store.default_db()
    with progress_bar(_err) as bar:
        task = bar.add_task("merging", total=None, rate="")

        def show(r: Any) -> None:
            bar.update(task, total=r.partitions, completed=r.merged, rate=f"{r.added} added")

        report = merge_into_store(out, target, on_progress=show)
    _merged(report, target)


def dask_ingest(
    corpus: Annotated[
        list[str],
        typer.Argument(help="JSON Lines / Parquet files, folders or globs; local or fsspec URLs."),
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="Folder (or URL) for the Parquet tables.")],
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database to merge into (default: $TALKWATCH_DB, else ./talkwatch.db)."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="local:N runs a local cluster of N worker processes."),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", help="Scheduler address (tcp://host:8786) or scheduler file."),
    ] = None,
    partition_size: Annotated[
        str, typer.Option("--partition-size", help="Corpus bytes per task, e.g. 4MB.")
    ] = "4MB",
    merge: Annotated[bool, typer.Option("--merge/--no-merge", help="Merge into --db afterwards.")] = True,
) -> None:
    """Extract a corpus on a Dask cluster into Parquet tables, then merge them into the record.

    A rerun skips the partitions already written, and merging skips stored articles.
    """
    from ..batch.dask import extract_corpus

    logging.getLogger("distributed").setLevel(logging.WARNING)  # Dask's chatter is INFO
    if dask and cluster:
        _fail(TalkwatchError("give --dask or --cluster, not both"))
    try:
        target = (db or store.default_db()) if merge else None
        with progress_bar(_err) as bar:
            task = bar.add_task("extracting", total=None, rate="", visible=False)

            def start(r: Any) -> None:
                _err.print(f"Dask dashboard: {r.dashboard}", highlight=False)
                bar.update(task, total=r.total, visible=True)

            def show(r: Any) -> None:
                merged = f", {r.merge.added} stored" if r.merge else ""
                bar.update(task, completed=r.read, rate=f"{r.rate:.1f} art/s{merged}")

            report = extract_corpus(
                corpus, out, cluster=cluster or dask or f"local:{os.cpu_count() or 1}",
                partition_size=partition_size, db=target, on_start=start, on_progress=show,
            )
        _err.print(
            f"{report.partitions} partitions ({report.skipped} done before): {report.extracted} "
            f"extracted, {report.unread} skipped, {report.failed} failed, {report.warned} warnings "
            f"in {report.seconds:.1f}s",
            highlight=False,
        )
        for label, entries in (("skipped", report.skips), ("failed", report.failures)):
            for where, reason in entries[:20]:
                _err.print(f"  {label} {one_line(where)}: {one_line(reason)}", markup=False, highlight=False)
        for pid, reason in report.lost:
            _err.print(f"  partition {pid} not finished ({reason}); rerun to retry", markup=False)
        if report.merge:
            _merged(report.merge, str(target))
        if report.lost:
            raise typer.Exit(1)
    except TalkwatchError as exc:
        _fail(exc)


def dask_merge(
    out: Annotated[str, typer.Argument(help="Output folder of `talkwatch dask-ingest`.")],
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database (default: $TALKWATCH_DB, else ./talkwatch.db)."),
    ] = None,
) -> None:
    """Merge the Parquet tables of a Dask extraction into the record (stored articles are skipped)."""
    try:
        if not Path(out).exists() and "://" not in out:
            raise TalkwatchError(f"{out}: no such folder")
        _merge(out, db)
    except TalkwatchError as exc:
        _fail(exc)


def register(app: typer.Typer) -> None:
    app.command("dask-ingest")(dask_ingest)
    app.command("dask-merge")(dask_merge)
