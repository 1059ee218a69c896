"""``talkwatch reprocess``: extract stored articles again on the rule sets the registry now runs.

An article whose facts came from an older rule set (an extractor's ``NAME``
changed since it was stored) is read back from the database, extracted again
and its facts replaced; the merged record changes only where the new facts
differ. ``talkwatch ingest`` does the same for the stored articles it reads.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from .store import DbOpt, _err, _errors, _open


def reprocess(
    db: DbOpt = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Extraction processes (0: one per core).")
    ] = 1,
    everything: Annotated[
        bool, typer.Option("--all", help="Every stored article, also those on current or unknown rules.")
    ] = False,
) -> None:
    """Re-extract stored articles whose facts came from an older rule set."""
    from ..batch.local import reprocess as run_reprocess

    with _errors(), _open(db) as record:
        n_workers = workers if workers > 0 else (os.cpu_count() or 1)
        report = run_reprocess(record, everything=everything, workers=n_workers)
        for f in report.failures[:50]:
            _err.print(f"skipped {f.where}: {f.reason}", markup=False, highlight=False, soft_wrap=True)
        _err.print(
            f"{report.replaced} re-extracted, {report.failed} failed in {report.seconds:.1f}s "
            f"-> {record.backend.path}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        if report.failed and not report.replaced:
            raise typer.Exit(1)
