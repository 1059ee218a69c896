"""``talkwatch ingest`` and the record's questions (meetings, meeting, actor, search, ...).

Every command takes ``--db`` (default ``$TALKWATCH_DB``, else ``./talkwatch.db``).
Queries print tables for people and ``--format json`` (the record shape) or
``--format csv`` for scripts.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .. import store
from ..errors import TalkwatchError


class Out(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database file or postgresql:// URL (default: $TALKWATCH_DB, else ./talkwatch.db)."
    ),
]
FormatOpt = Annotated[Out, typer.Option("--format", "-f", help="table, json or csv.")]

# piped output keeps whole rows instead of folding them at 80 columns
_console = Console(width=None if sys.stdout.isatty() else 160)
_err = Console(stderr=True)


@contextmanager
def _errors() -> Iterator[None]:
    """A user-facing error is one line on stderr and exit status 1."""
    try:
        yield
    except TalkwatchError as exc:
        _err.print(f"talkwatch: error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


def _open(db: str | None, *, create: bool = False) -> store.Record:
    return store.open(db or store.default_db(), create=create)


# --- output ----------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _print_csv(rows: list[dict[str, Any]], columns: list[str]) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    writer.writerows([[_cell(r.get(c)) for c in columns] for r in rows])


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in columns))
    _console.print(table)


def _emit(fmt: Out, data: Any, rows: list[dict[str, Any]], columns: list[str], title: str) -> None:
    if fmt is Out.json:
        _print_json(data)
    elif fmt is Out.csv:
        _print_csv(rows, columns)
    else:
        _table(title, rows, columns)


def _flat_meeting(m: dict[str, Any]) -> dict[str, Any]:
    venue = m.get("venue") or {}
    return m | {"city": venue.get("city"), "country": venue.get("country")}


def _article_labels(record: Any, doc_ids: list[Any]) -> dict[str, str]:
    """Document id -> "title (outlet)": a person reads a title, not a 64-character hash."""
    from rich.markup import escape

    ids = sorted({d for d in doc_ids if d})
    found = record.backend.query(
        f"SELECT id, title, source FROM documents WHERE id IN ({', '.join('?' * len(ids))})",
        ids) if ids else []
    return {r["id"]: escape(f"{r['title'] or 'untitled article'}"
                            + (f" ({r['source']})" if r["source"] else "")) for r in found}


# --- commands --------------------------------------------------------------------------


def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files (.txt, .html, .jsonl, .rss/.atom/.xml) or folders."),
    ],
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
    """Extract and store articles; already stored articles (same text) are skipped.

    With --dask or --cluster, extraction runs on Dask (see `talkwatch dask-ingest`).
    """
    if dask or cluster:
        try:
            from .dask import dask_ingest
        except ImportError:
            raise typer.BadParameter("Dask is not installed: pip install 'talkwatch[dask]'") from None
        dask_ingest([str(p) for p in paths], out, db=db, dask=dask, cluster=cluster)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from ..batch.local import estimate
    from ..batch.local import ingest as run_ingest

    with _errors():
        record = _open(db, create=True)
        total = estimate(paths)
        n_workers = workers if workers > 0 else (os.cpu_count() or 1)
        columns = (
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=_err, transient=False) as progress:
            task = progress.add_task("ingest", total=total or None, rate=0.0)
            report = run_ingest(
                paths,
                record,
                workers=n_workers,
                batch_size=max(1, batch_size),
                on_progress=lambda r: progress.update(task, completed=r.processed, rate=r.rate),
            )
            progress.update(task, total=report.processed, completed=report.processed)
        for f in report.failures[:50]:
            _err.print(f"skipped {f.where}: {f.reason}", markup=False, highlight=False, soft_wrap=True)
        if len(report.failures) > 50:
            _err.print(f"... and {len(report.failures) - 50} more skipped")
        _err.print(
            f"{report.summary()}; "
            f"{report.facts} facts in {report.seconds:.1f}s ({report.rate:.1f} articles/s) "
            f"-> {record.backend.path}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        record.close()
        if report.added == 0 and report.skipped == 0 and report.failed:
            raise typer.Exit(1)


def meetings(
    db: DbOpt = None,
    format: FormatOpt = Out.table,
    process: Annotated[str | None, typer.Option(help="Only this process or venue.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many meetings.")] = None,
) -> None:
    """List merged meetings: process, venue, dates, status, number of parties."""
    with _errors(), _open(db) as record:
        found = record.meetings(process=process, limit=limit)
        cols = [
            "id",
            "name",
            "process",
            "round",
            "city",
            "start",
            "end",
            "status",
            "parties",
            "n_documents",
        ]
        _emit(format, found, [_flat_meeting(m) for m in found], cols, "Meetings")


def meeting(
    name: Annotated[str, typer.Argument(help="Meeting id or name (e.g. 'Geneva talks').")],
    db: DbOpt = None,
    format: FormatOpt = Out.table,
) -> None:
    """One meeting: status timeline, attendance, delegations, positions, agreements, quotes."""
    with _errors(), _open(db) as record:
        m = record.meeting(name)
        attendance = ["name", "status", "role", "evidence_count", "actor"]
        if format is not Out.table:
            _emit(format, m, m["participants"], attendance, "")
            return
        venue = m["venue"]
        _console.print(
            f"[bold]{m['name']}[/bold]  {m['id']}  {venue.get('city') or ''} "
            f"{m['process'] or ''}  round {m['round'] or '-'}  "
            f"{m['start'] or '?'} - {m['end'] or '?'}  [bold]{m['status'] or '?'}[/bold]"
        )
        if m["others"]:
            _console.print(f"(also matching: {', '.join(m['others'][:10])})")
        labels = _article_labels(record, [h.get("document") for h in m["history"]])
        _table("Status timeline", [h | {"article": labels.get(h.get("document"))}
                                   for h in m["history"]], ["reported", "status", "start", "article"])
        _table("Attendance", m["participants"], attendance)
        if m["delegations"]:
            _table("Delegations", m["delegations"], ["actor_name", "size", "head_name", "published"])
        if m["positions"]:
            _positions(m["positions"])
        if m["agreements"]:
            _table("Agreements", m["agreements"], ["kind", "status", "start", "published"])
        if m["quotes"]:
            _table("Quotes", m["quotes"], ["published", "speaker_name", "text"])
        if m["conflicts"]:
            _table(
                "Conflicting reports",
                [
                    c | {"values": ", ".join(f"{v['value']} ({v['document'][:8]})" for v in c["values"])}
                    for c in m["conflicts"]
                ],
                ["reported", "field", "values"],
            )


def _positions(positions: list[dict[str, Any]]) -> None:
    """Positions side by side: one row per issue, one column per actor."""
    actors = sorted({p["actor_name"] or "?" for p in positions})
    by_issue: dict[str, dict[str, str]] = {}
    for p in positions:
        by_issue.setdefault(p["issue"] or "?", {})[p["actor_name"] or "?"] = p["stance"]
    _table("Positions", [{"issue": i, **s} for i, s in sorted(by_issue.items())], ["issue", *actors])


def actor(
    name: Annotated[str, typer.Argument(help="Actor name, alias or id.")],
    db: DbOpt = None,
    format: FormatOpt = Out.table,
) -> None:
    """One actor: its meetings (latest status and role), positions and quotes over time."""
    with _errors(), _open(db) as record:
        a = record.actor(name)
        rows = [_flat_meeting(m) | m["participation"] for m in a["meetings"]]
        cols = ["id", "name", "city", "start", "status", "role"]
        if format is not Out.table:
            _emit(format, a, rows, cols, "")
            return
        _console.print(
            f"[bold]{a['name']}[/bold]  {a['id']}  {a['type'] or ''}  "
            f"{a['country'] or ''}  aliases: {', '.join(a['aliases']) or '-'}"
        )
        _table("Meetings (latest participation)", rows, cols)
        _table("Positions", a["positions"], ["published", "issue", "stance"])
        _table("Quotes", a["quotes"], ["published", "text"])


def search(
    text: Annotated[str, typer.Argument(help="Words to find in article bodies and quotes.")],
    db: DbOpt = None,
    format: FormatOpt = Out.table,
    limit: Annotated[int, typer.Option(help="At most this many of each kind.")] = 20,
) -> None:
    """Full-text search over article bodies and quotes."""
    with _errors(), _open(db) as record:
        found = record.search(text, limit=limit)
        _emit(format, found, found, ["kind", "published", "title", "text", "document"], "Search")


def conflicts(db: DbOpt = None, format: FormatOpt = Out.table) -> None:
    """Start dates or statuses of a meeting reported differently on the same day."""
    with _errors(), _open(db) as record:
        found = record.conflicts()
        rows = [
            c | {"values": "; ".join(f"{v['value']} ({v['document'][:8]})" for v in c["values"])}
            for c in found
        ]
        _emit(format, found, rows, ["meeting", "name", "reported", "field", "values"], "Conflicts")


def export(
    db: DbOpt = None,
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f",
            help="json, jsonl, csv, parquet, gdelt (GDELT 2.0 event TSV) or plover (JSON lines).",
        ),
    ] = ExportFormat.json,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="File or folder (csv/parquet: folder, default ./talkwatch-export)."),
    ] = None,
) -> None:
    """Export the merged record (talkwatch.record/1) or every fact table with provenance."""
    with _errors(), _open(db) as record:
        if format in (ExportFormat.gdelt, ExportFormat.plover):
            _export_events(record, format, out)
            return
        written = record.export(format.value, out)
        for path in written:
            _err.print(f"wrote {path}", markup=False, highlight=False, soft_wrap=True)


def _export_events(record: Any, format: ExportFormat, out: Path | None) -> None:
    """Events merged GDELT-style (tab-separated) or as PLOVER records; stdout without --out."""
    from ..store.exports.gdelt import write_gdelt
    from ..store.exports.plover import write_plover

    writer = write_gdelt if format is ExportFormat.gdelt else write_plover
    if out is None:
        writer(sys.stdout, record.record())
        return
    rows = writer(out, record.record())
    _err.print(f"wrote {rows} events to {out}", markup=False, highlight=False)


COMMANDS = (ingest, meetings, meeting, actor, search, conflicts, export)


def register(app: typer.Typer) -> None:
    """Add the store commands to the ``talkwatch`` app."""
    for command in COMMANDS:
        app.command()(command)
