"""The merged record: many article digests in one database, merged and queryable.

``talkwatch.store.open(db)`` returns a ``Record``. The database is a SQLite
file by default: ``$TALKWATCH_DB`` when set, else ``./talkwatch.db``; a
``postgresql://`` URL puts the same record in PostgreSQL (docs/postgres.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from .record import Record, open_record
from .writer import Item, Saved

DEFAULT_DB = "talkwatch.db"


def default_db() -> str:
    """Where the database lives unless ``--db`` says otherwise."""
    return os.environ.get("TALKWATCH_DB") or DEFAULT_DB


def open(db: str | Path | None = None, *, create: bool = False) -> Record:  # noqa: A001
    """Open the record at ``db`` (default: ``default_db()``); ``create`` makes a new one."""
    return open_record(db if db is not None else default_db(), create=create)


__all__ = ["DEFAULT_DB", "Item", "Record", "Saved", "default_db", "open"]
