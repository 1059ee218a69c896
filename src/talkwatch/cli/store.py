"""The record's questions (meetings, meeting, actor, search, conflicts) and its export.

Every command takes ``--db`` (default ``$TALKWATCH_DB``, else ``./talkwatch.db``).
Queries print tables for people and ``--format json`` (the record shape) or
``--format csv`` for scripts.
"""

from __future__ import annotations

import csv
import json
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
from ..sanitize import as_text, one_line, plain
from ..sanitize import for_terminal as t


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
        _err.print(f"talkwatch: error: {one_line(exc)}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None


def _open(db: str | None, *, create: bool = False) -> store.Record:
    return store.open(db or store.default_db(), create=create)


# --- output ----------------------------------------------------------------------------


def _cell(value: Any) -> str:
    """A value as plain text: control and bidi characters dropped (CSV cells and table cells)."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return plain(json.dumps(value, ensure_ascii=False))
    return plain(str(value))


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _print_csv(rows: list[dict[str, Any]], columns: list[str]) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    writer.writerows([[_cell(r.get(c)) for c in columns] for r in rows])


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for c in columns:
        table.add_column(as_text(c), overflow="fold")  # actor names head the columns of positions
    for r in rows:
        table.add_row(*(as_text(_cell(r.get(c))) for c in columns))
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
    ids = sorted({d for d in doc_ids if d})
    found = [r for n in range(0, len(ids), 500) for r in record.backend.query(
        f"SELECT id, title, source FROM documents WHERE id IN ({', '.join('?' * len(ids[n:n + 500]))})",
        ids[n:n + 500])]
    return {r["id"]: (r["title"] or "untitled article") + (f" ({r['source']})" if r["source"] else "")
            for r in found}


def with_articles(record: Any, rows: list[dict[str, Any]], key: str = "document") -> list[dict[str, Any]]:
    """Rows with an ``article`` column naming each row's document by title and outlet (tables
    for people; JSON and CSV keep the ids)."""
    labels = _article_labels(record, [r.get(key) for r in rows])
    return [r | {"article": labels.get(r.get(key) or "") or (r.get(key) or "")[:12]} for r in rows]


def _values(record: Any, conflict: dict[str, Any], sep: str) -> str:
    """A conflict's values, each with the article that stated it."""
    labels = _article_labels(record, [v["document"] for v in conflict["values"]])
    return sep.join(f"{v['value']} ({labels.get(v['document'], v['document'][:12])})"
                    for v in conflict["values"])


# --- commands --------------------------------------------------------------------------


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
            f"[bold]{t(m['name'])}[/bold]  {t(m['id'])}  {t(venue.get('city'))} "
            f"{t(m['process'])}  round {t(m['round'] or '-')}  "
            f"{t(m['start'] or '?')} - {t(m['end'] or '?')}  [bold]{t(m['status'] or '?')}[/bold]",
            highlight=False,
        )
        if m["others"]:
            _console.print(f"(also matching: {t(', '.join(m['others'][:10]))})", highlight=False)
        _table("Status timeline", with_articles(record, m["history"]),
               ["reported", "status", "start", "article"])
        _table("Merged mentions (why each report is this meeting)", m["mentions"],
               ["published", "source", "name", "city", "dates", "why"])
        _table("Attendance", m["participants"], attendance)
        if m["delegations"]:
            _table("Delegations", with_articles(record, m["delegations"]),
                   ["actor_name", "size", "head_name", "published", "article"])
        if m["positions"]:
            _positions(m["positions"])
        if m["agreements"]:
            _table("Agreements", with_articles(record, m["agreements"]),
                   ["kind", "status", "start", "published", "article"])
        if m["quotes"]:
            _table("Quotes", with_articles(record, m["quotes"]),
                   ["published", "speaker_name", "text", "article"])
        if m["conflicts"]:
            _table("Conflicting reports",
                   [c | {"values": _values(record, c, ", ")} for c in m["conflicts"]],
                   ["reported", "field", "values"])


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
            f"[bold]{t(a['name'])}[/bold]  {t(a['id'])}  {t(a['type'])}  "
            f"{t(a['country'])}  aliases: {t(', '.join(a['aliases']) or '-')}",
            highlight=False,
        )
        _table("Meetings (latest participation)", rows, cols)
        _table("Positions", with_articles(record, a["positions"]),
               ["published", "issue", "stance", "article"])
        _table("Quotes", with_articles(record, a["quotes"]), ["published", "text", "article"])


def search(
    text: Annotated[str, typer.Argument(help="Words to find in article bodies and quotes.")],
    db: DbOpt = None,
    format: FormatOpt = Out.table,
    limit: Annotated[int, typer.Option(help="At most this many of each kind.")] = 20,
) -> None:
    """Full-text search over article bodies and quotes."""
    with _errors(), _open(db) as record:
        found = record.search(text, limit=limit)
        if format is Out.table:  # the article by title and outlet; JSON and CSV keep its id
            _table("Search", with_articles(record, found), ["kind", "published", "article", "text"])
            return
        _emit(format, found, found, ["kind", "published", "title", "text", "document"], "Search")


def conflicts(db: DbOpt = None, format: FormatOpt = Out.table) -> None:
    """Start dates or statuses of a meeting reported differently on the same day."""
    with _errors(), _open(db) as record:
        found = record.conflicts()
        if format is Out.table:
            rows = [c | {"values": _values(record, c, "; ")} for c in found]
        else:  # CSV keeps the document ids (8 characters, as before)
            rows = [c | {"values": "; ".join(f"{v['value']} ({v['document'][:8]})"
                                              for v in c["values"])} for c in found]
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
            _err.print(f"wrote {one_line(path)}", markup=False, highlight=False, soft_wrap=True)


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


COMMANDS = (meetings, meeting, actor, search, conflicts, export)


def register(app: typer.Typer) -> None:
    """Add the store commands to the ``talkwatch`` app."""
    for command in COMMANDS:
        app.command()(command)
