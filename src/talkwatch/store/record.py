"""``Record``: the merged record in one object, for the CLI, the web app and notebooks."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import NotFound, TalkwatchError
from ..model import Article
from . import corrections, migrations, pages, queries, rows, rules, writer
from .backend import connect, is_url
from .exports import record as export

TABLES = (
    "documents",
    "actors",
    "actor_names",
    "doc_actors",
    "meeting_reports",
    "meeting_history",
    "meetings",
    "conflicts",
    *rows.FACTS,
    "corrections",
)


class Record:
    """A talkwatch database: write digests, ask questions, export."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    # writing
    def save(
        self, digest: dict[str, Any], *, body: str | None = None, path: str | None = None
    ) -> writer.Saved:
        """Store one digest (skipped when its document is already stored)."""
        return writer.save_batch(self.backend, [writer.Item(digest, body, path)])

    def save_many(self, items: Iterable[writer.Item | dict[str, Any]]) -> writer.Saved:
        """Store many digests in one transaction: all of them or none."""
        return writer.save_batch(
            self.backend, [i if isinstance(i, writer.Item) else writer.Item(i) for i in items]
        )

    def known(self, doc_ids: list[str]) -> set[str]:
        """Which of these document ids are stored already."""
        return writer.known_ids(self.backend, doc_ids)

    # corrections (store/corrections/)
    def correct(self, fix: corrections.Correction | dict[str, Any]) -> dict[str, Any]:
        """Apply and log an analyst's correction (a ``Correction`` or its file form)."""
        if isinstance(fix, dict):
            fix = corrections.parse(fix, "correction")
        return corrections.add(self.backend, fix)

    def corrections(self, *, document: str | None = None, state: str | None = None) -> list[dict[str, Any]]:
        """The corrections log, oldest first (``state="orphaned"``: those whose fact is gone)."""
        return corrections.listing(self.backend, doc_id=document, state=state)

    def corrections_of(self, documents: list[str]) -> list[dict[str, Any]]:
        """The corrections of these articles, oldest first (a page's audit trail)."""
        return corrections.trail.of_documents(self.backend, documents)

    def apply_corrections(self, fixes: Iterable[corrections.Correction | dict[str, Any]]) -> dict[str, int]:
        """Log and apply corrections from a file or another record; known ones are skipped."""
        parsed = [f if isinstance(f, corrections.Correction) else corrections.parse(f, f"correction {n + 1}")
                  for n, f in enumerate(fixes)]
        return corrections.import_many(self.backend, parsed)

    def stale(self, doc_ids: list[str] | None = None) -> list[str]:
        """Stored articles (of ``doc_ids``, else all) whose facts came from an older rule set."""
        return rules.stale(self.backend, doc_ids)

    def all_ids(self) -> list[str]:
        """Every stored article's id, in id order."""
        return [r["id"] for r in self.backend.query("SELECT id FROM documents ORDER BY id")]

    def articles(self, doc_ids: list[str]) -> list[Article]:
        """Stored articles as read at ingest, to extract again (those stored without text are left out)."""
        marks = ",".join("?" * len(doc_ids))
        found = self.backend.query(
            "SELECT id, title, source, url, published, language, path, body FROM documents"
            f" WHERE id IN ({marks}) AND body IS NOT NULL ORDER BY id",
            doc_ids,
        ) if doc_ids else []
        return [Article(**{k: v for k, v in r.items() if k != "language"}, language=r["language"] or "en")
                for r in found]

    # reading
    def meetings(
        self, *, process: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        return queries.meetings(self.backend, process=process, limit=limit, offset=offset)

    def meeting(self, id_or_name: str) -> dict[str, Any]:
        return queries.meeting(self.backend, id_or_name)

    def actor(self, name: str) -> dict[str, Any]:
        return queries.actor(self.backend, name)

    def search(self, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
        return queries.search(self.backend, text, limit=limit)

    def conflicts(self) -> list[dict[str, Any]]:
        return queries.conflicts(self.backend)

    def digest(self, doc_id: str) -> dict[str, Any]:
        """The stored digest of one article: as extraction produced it, with its corrections."""
        return export.digest(self.backend, doc_id)

    def counts(self) -> dict[str, int]:
        """Rows per table (a quick look at what the record holds)."""
        return {t: int(self.backend.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES}

    def to_pandas(self, table: str) -> Any:
        """A stored table, or an export table (``meeting_history`` etc.), as a DataFrame."""
        import pandas as pd

        flat = dict(export.tables(self.backend))
        if table in flat:
            return pd.DataFrame(list(flat[table]))
        if table not in TABLES:
            raise NotFound(f"no table {table!r}; choose one of {', '.join(sorted({*flat, *TABLES}))}")
        return pd.DataFrame(self.backend.query(f"SELECT * FROM {table}"))

    # export
    def record(self) -> dict[str, Any]:
        return export.record(self.backend)

    def checksum(self) -> str:
        return export.checksum(self.backend)

    def export(self, format: str = "json", out: str | Path | None = None) -> list[Path]:
        """Write the record as json, jsonl, csv or parquet; ``out`` is a file or folder."""
        if format in ("csv", "parquet"):
            folder = Path(out or "talkwatch-export")
            return (export.write_csv if format == "csv" else export.write_parquet)(self.backend, folder)
        if format not in ("json", "jsonl"):
            raise TalkwatchError(f"unknown export format {format!r}; choose json, jsonl, csv or parquet")
        write = export.write_json if format == "json" else export.write_jsonl
        if out is None:
            write(self.backend, sys.stdout)
            return []
        path = Path(out)
        if path.is_dir():
            path = path / f"record.{format}"
        with path.open("w", encoding="utf-8") as fh:
            write(self.backend, fh)
        return [path]

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Record:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_record(db: str | Path, *, create: bool = False) -> Record:
    """Open (and migrate) a database; a missing one is an error unless ``create``.

    ``db`` is a SQLite file, ``:memory:``, or a ``postgresql://`` URL (optionally
    with ``?schema=NAME``).
    """
    location = str(db)
    url = is_url(location)
    if not url and location != ":memory:" and not create and not Path(location).exists():
        raise NotFound(f"{location}: no database here; run `talkwatch ingest` first")
    backend = connect(location, create=create)
    try:
        if url and not create and not backend.tables():
            raise NotFound(f"{backend.path}: no talkwatch record here; run `talkwatch ingest` first")
        migrations.migrate(backend, {"0009_pages": pages.backfill, "0010_places": pages.flush,
                                     "0011_pages_current": pages.repair,
                                     "0014_page_parts": pages.backfill_parts,
                                     "0015_process_lanes": pages.backfill_lanes})
    except BaseException:
        backend.close()
        raise
    return Record(backend)
