"""Named schema migrations, applied in order and recorded in ``_migrations``.

Each migration is a list of portable statements plus, where engines differ,
statements per dialect (full-text search). Portable statements are adapted
to PostgreSQL by ``ddl``: text compares byte by byte there as in SQLite
(``COLLATE "C"``), so sorted output and checksums match across engines, and
REAL is double precision. The schema version of a database is
the set of migration names it records: a name this code does not know means a
newer talkwatch wrote the file, and opening it is refused rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..errors import SchemaError, StoreError
from . import cells, mentions, precompute
from .rows import EXTRACTOR_TABLES

EV = "ev_start INTEGER, ev_end INTEGER, ev_text TEXT"


@dataclass(frozen=True)
class Migration:
    name: str
    common: tuple[str, ...]
    dialect: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # rows derived from what is stored, for data written before the migration (same transaction)
    backfill: Callable[[Any], None] | None = None


_BASE = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY, title TEXT, source TEXT, url TEXT, published TEXT,
        language TEXT, path TEXT, body TEXT, schema TEXT, extra TEXT, ingested_at TEXT)""",
    "CREATE INDEX documents_published ON documents (published)",
    """CREATE TABLE actors (
        id TEXT PRIMARY KEY, akey TEXT NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT,
        country TEXT, cameo TEXT)""",
    "CREATE INDEX actors_name ON actors (name)",
    """CREATE TABLE actor_names (
        actor_id TEXT NOT NULL REFERENCES actors (id), name TEXT NOT NULL,
        lname TEXT NOT NULL, n_name INTEGER NOT NULL, n_alias INTEGER NOT NULL,
        PRIMARY KEY (actor_id, name))""",
    "CREATE INDEX actor_names_lname ON actor_names (lname)",
    """CREATE TABLE doc_actors (
        doc_id TEXT NOT NULL REFERENCES documents (id), local_id TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES actors (id), name TEXT, type TEXT, country TEXT,
        affiliation TEXT, title TEXT, aliases TEXT, cameo TEXT, mentions TEXT, gkey TEXT,
        extra TEXT, PRIMARY KEY (doc_id, local_id))""",
    "CREATE INDEX doc_actors_actor ON doc_actors (actor_id)",
    """CREATE TABLE meeting_reports (
        id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents (id),
        local_id TEXT NOT NULL, idx INTEGER NOT NULL, name TEXT, aliases TEXT, city TEXT,
        country TEXT, start_date TEXT, end_date TEXT, status TEXT, round INTEGER, hosts TEXT,
        sponsors TEXT, process TEXT, evidence TEXT, extra TEXT, place TEXT NOT NULL,
        lo TEXT, hi TEXT, published TEXT, position INTEGER, meeting_id TEXT)""",
    "CREATE INDEX meeting_reports_place ON meeting_reports (place)",
    "CREATE INDEX meeting_reports_meeting ON meeting_reports (meeting_id)",
    "CREATE INDEX meeting_reports_doc ON meeting_reports (doc_id)",
    f"""CREATE TABLE meeting_history (
        report_id TEXT NOT NULL REFERENCES meeting_reports (id), idx INTEGER NOT NULL,
        doc_id TEXT NOT NULL, status TEXT, start_date TEXT, {EV}, extra TEXT,
        PRIMARY KEY (report_id, idx))""",
    """CREATE TABLE meetings (
        id TEXT PRIMARY KEY, place TEXT NOT NULL, name TEXT, aliases TEXT, city TEXT,
        country TEXT, process TEXT, round INTEGER, start_date TEXT, end_date TEXT,
        status TEXT, n_documents INTEGER, n_parties INTEGER, first_reported TEXT,
        last_reported TEXT, lname TEXT)""",
    "CREATE INDEX meetings_place ON meetings (place)",
    "CREATE INDEX meetings_lname ON meetings (lname)",
    "CREATE INDEX meetings_order ON meetings (start_date, id)",
    """CREATE TABLE conflicts (
        meeting_id TEXT NOT NULL, field TEXT NOT NULL, reported TEXT NOT NULL,
        vals TEXT NOT NULL, PRIMARY KEY (meeting_id, field, reported))""",
    f"""CREATE TABLE participations (
        doc_id TEXT NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL,
        meeting_local TEXT, report_id TEXT, actor_local TEXT, actor_id TEXT, status TEXT,
        role TEXT, hedged INTEGER, {EV}, extra TEXT, PRIMARY KEY (doc_id, idx))""",
    "CREATE INDEX participations_report ON participations (report_id)",
    "CREATE INDEX participations_actor ON participations (actor_id)",
    f"""CREATE TABLE delegations (
        doc_id TEXT NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL,
        meeting_local TEXT, report_id TEXT, actor_local TEXT, actor_id TEXT, size INTEGER,
        head_local TEXT, head_id TEXT, members TEXT, replaces TEXT, {EV}, extra TEXT,
        PRIMARY KEY (doc_id, idx))""",
    "CREATE INDEX delegations_report ON delegations (report_id)",
    f"""CREATE TABLE quotes (
        doc_id TEXT NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL,
        speaker_local TEXT, speaker_id TEXT, speaker_text TEXT, speaker_start INTEGER,
        speaker_end INTEGER, text TEXT, start_char INTEGER, end_char INTEGER, {EV},
        extra TEXT, PRIMARY KEY (doc_id, idx))""",
    "CREATE INDEX quotes_speaker ON quotes (speaker_id)",
    f"""CREATE TABLE positions (
        doc_id TEXT NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL,
        actor_local TEXT, actor_id TEXT, issue TEXT, stance TEXT, hedged INTEGER, {EV},
        extra TEXT, PRIMARY KEY (doc_id, idx))""",
    "CREATE INDEX positions_actor ON positions (actor_id)",
    f"""CREATE TABLE agreements (
        doc_id TEXT NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL, kind TEXT,
        name TEXT, start_date TEXT, parties TEXT, brokers TEXT, status TEXT, {EV},
        extra TEXT, PRIMARY KEY (doc_id, idx))""",
    f"""CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL,
        event_date TEXT, source_local TEXT, source_id TEXT, target_local TEXT,
        target_id TEXT, cameo TEXT, plover TEXT, mode TEXT, context TEXT, source_code TEXT,
        target_code TEXT, goldstein REAL, quad_class INTEGER, location TEXT, fact TEXT,
        {EV}, extra TEXT, PRIMARY KEY (doc_id, idx))""",
    """CREATE TABLE dates (
        doc_id TEXT NOT NULL REFERENCES documents (id), idx INTEGER NOT NULL, text TEXT,
        value TEXT, granularity TEXT, start_char INTEGER, end_char INTEGER, extra TEXT,
        PRIMARY KEY (doc_id, idx))""",
)

_FTS_SQLITE = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='documents')",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
       END""",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes')",
    """CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
       END""",
)

# PostgreSQL: a tsvector per document (title weighted above body) and per quote, kept
# by triggers in side tables so that the fact tables have the same columns as in SQLite.
FTS_CONFIG = "simple"  # like FTS5's unicode61: lower-cased words, no stemming, no stop words
FTS_MAX_CHARS = 200_000  # a tsvector holds at most 1 MB; news articles are far shorter
_FTS_POSTGRES = (
    """CREATE TABLE documents_fts (
        id TEXT PRIMARY KEY REFERENCES documents (id), tsv tsvector NOT NULL)""",
    "CREATE INDEX documents_fts_tsv ON documents_fts USING GIN (tsv)",
    f"""CREATE FUNCTION documents_fts_ai() RETURNS trigger LANGUAGE plpgsql
        SET search_path FROM CURRENT AS $$ BEGIN
        INSERT INTO documents_fts (id, tsv) VALUES (NEW.id,
            setweight(to_tsvector('{FTS_CONFIG}', left(coalesce(NEW.title, ''), {FTS_MAX_CHARS})), 'A')
            || to_tsvector('{FTS_CONFIG}', left(coalesce(NEW.body, ''), {FTS_MAX_CHARS})));
        RETURN NEW; END $$""",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents
        FOR EACH ROW EXECUTE FUNCTION documents_fts_ai()""",
    """CREATE TABLE quotes_fts (
        doc_id TEXT NOT NULL, idx INTEGER NOT NULL, tsv tsvector NOT NULL,
        PRIMARY KEY (doc_id, idx), FOREIGN KEY (doc_id, idx) REFERENCES quotes (doc_id, idx))""",
    "CREATE INDEX quotes_fts_tsv ON quotes_fts USING GIN (tsv)",
    f"""CREATE FUNCTION quotes_fts_ai() RETURNS trigger LANGUAGE plpgsql
        SET search_path FROM CURRENT AS $$ BEGIN
        INSERT INTO quotes_fts (doc_id, idx, tsv) VALUES (NEW.doc_id, NEW.idx,
            to_tsvector('{FTS_CONFIG}', left(coalesce(NEW.text, ''), {FTS_MAX_CHARS})));
        RETURN NEW; END $$""",
    """CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes
        FOR EACH ROW EXECUTE FUNCTION quotes_fts_ai()""",
)

# An article's actors in digest order, stated in a column rather than left to SQLite's rowid;
# rows stored before this migration keep their insertion order through their rowid.
_ORDINAL = ("ALTER TABLE doc_actors ADD COLUMN ord INTEGER",)
_ORDINAL_SQLITE = ("UPDATE doc_actors SET ord = rowid",)

# The rule set (extractor NAME) of every fact and meeting report; NULL for rows stored before.
_EXTRACTOR = tuple(f"ALTER TABLE {table} ADD COLUMN extractor TEXT" for table in EXTRACTOR_TABLES)

def _fold_cells(backend: Any) -> None:
    """The attendance cells of meetings merged before 0008_attendance."""
    from . import merge

    cells.backfill(backend, merge.attendance_of)

# Analysts' corrections (store/corrections/): an append-only log, each entry naming its fact by
# article, kind, evidence span and identity (``target``); ``state`` says whether the last
# application found the fact (``applied``) or not (``orphaned``).
_CORRECTIONS = (
    """CREATE TABLE corrections (
        id TEXT PRIMARY KEY, created TEXT NOT NULL, author TEXT NOT NULL, note TEXT,
        action TEXT NOT NULL, kind TEXT NOT NULL, doc_id TEXT, ev_start INTEGER, ev_end INTEGER,
        ev_text TEXT, target TEXT, changes TEXT, before TEXT, state TEXT)""",
    "CREATE INDEX corrections_doc ON corrections (doc_id)",
    "CREATE INDEX corrections_order ON corrections (created, id)",
)

# The rule sets an article was extracted with (JSON kind -> NAME; ``store.rules``); NULL before.
_RULES = ("ALTER TABLE documents ADD COLUMN rules TEXT",)

# Why each meeting report is in its meeting (JSON: the clustering rule and window; ``clusters``).
_JOINED = ("ALTER TABLE meeting_reports ADD COLUMN joined TEXT",)


def _replace_reports(backend: Any) -> None:
    """Meeting reports placed as ``keys.meeting_place`` now does, and re-clustered if one moved.

    A name alone, or a country told on an undated report without a town, no
    longer makes a place of its own: such reports are placed by their dates.
    """
    from . import keys, merge

    moved = []
    cols = "id, name, city, country, process, lo, place"
    rows = backend.query(f"SELECT {cols} FROM meeting_reports ORDER BY id")
    for r in rows:
        meeting = {"venue": {"city": r["city"], "country": r["country"]}, "process": r["process"],
                   "name": r["name"]}
        place = keys.meeting_place(meeting, "", dated=r["lo"] is not None)
        if place != r["place"]:
            moved.append((place, r["id"]))
    if not moved:
        return
    backend.executemany("UPDATE meeting_reports SET place = ? WHERE id = ?", moved)
    places = [r["place"] for r in backend.query("SELECT DISTINCT place FROM meeting_reports ORDER BY place")]
    merge.refresh(backend, places={p: [] for p in places}, actors=[])

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_record", _BASE),
    Migration("0002_fulltext", (), {"sqlite": _FTS_SQLITE, "postgres": _FTS_POSTGRES}),
    Migration("0003_ordinal", _ORDINAL, {"sqlite": _ORDINAL_SQLITE}),
    Migration("0004_extractor", _EXTRACTOR),
    Migration("0005_corrections", _CORRECTIONS),
    Migration("0006_rules", _RULES),
    Migration("0007_joined", _JOINED),
    # the attendance grid folded at merge time (store/attendance.py); meetings merged before
    # have no row in meeting_folded and are folded on the fly when a page asks
    Migration("0008_attendance", (cells.TABLE, cells.FOLDED, cells.FOLDED_PROCESS,
                                  "CREATE INDEX documents_source ON documents (source)"),
              backfill=_fold_cells),
    # what meeting pages and answers need, stored when a meeting is merged (store/precompute.py;
    # the rows of older records are computed by ``store.pages.backfill``, which the caller
    # passes to ``migrate``: it reads through ``queries``, which imports this module), and the
    # articles list's order as an index (newest first, a page's keys read from it alone)
    Migration("0009_pages", (precompute.TABLE, precompute.INDEX, precompute.REPORT_DAYS,
                             precompute.ACTOR_TABLE),
              {"sqlite": ("CREATE INDEX documents_order ON documents (published DESC, id)",),
               "postgres": ("CREATE INDEX documents_order ON documents (published DESC NULLS LAST, id)",)}),
    # meeting reports re-placed (no place from a name alone or an undated country) and re-clustered
    Migration("0010_places", (), backfill=_replace_reports),
    # 0010_places re-clustered meetings (new ids) without storing their pages, leaving every
    # meeting_pages row under a gone id: rows of gone meetings dropped, missing ones computed
    # (``store.pages.repair``, passed by the caller like 0009's backfill)
    Migration("0011_pages_current", ()),
    # the meetings list's default order (undated last, then start, then id) as an index: a page
    # of /api/meetings or /meetings walks it instead of sorting every meeting
    Migration("0012_meetings_sorted", (
        "CREATE INDEX meetings_sorted ON meetings"
        " ((CASE WHEN start_date IS NULL THEN 1 ELSE 0 END), start_date, id)",)),
    # a meeting's mentions (``GET /api/meetings/ID``) read from one covering index walk
    # (SQLite only: PostgreSQL caps an index row's size, and its JSON column may exceed it)
    Migration("0013_mentions_covering", (), {"sqlite": (mentions.INDEX,)}),
    # the meeting page's parts drawn from its answer alone, as HTML (``serve.fragments``), stored
    # with the answer; rows stored before get theirs from ``store.pages.backfill_parts``
    Migration(precompute.PARTS_MIGRATION, precompute.ADD_PARTS),
    # each process's timeline as its meeting pages draw it, redrawn whenever one of its meetings
    # is written (``store.pages.write_lane``; older records: ``store.pages.backfill_lanes``)
    Migration(precompute.LANES_MIGRATION, (precompute.LANES,)),
    # ``process=`` (a process or venue town by name: ``queries.process_filter``) read from
    # indexes instead of lower-casing every meeting's process and town: the count, rows,
    # facets and news volume of /meetings?process=X at 100,000 articles, 16 -> 8 ms
    Migration("0016_process_filter", (
        "CREATE INDEX meetings_lprocess ON meetings (lower(process))",
        "CREATE INDEX meetings_lcity ON meetings (lower(city))")),
)

_PG_TYPES = {"TEXT": 'TEXT COLLATE "C"', "REAL": "DOUBLE PRECISION"}
_PG_TYPE = re.compile(r"\b(TEXT|REAL)\b")


def ddl(sql: str, dialect: str) -> str:
    """A portable statement as the dialect runs it."""
    if dialect != "postgres":
        return sql
    return _PG_TYPE.sub(lambda m: _PG_TYPES[m.group(1)], sql)


_MIGRATIONS_TABLE = "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)"


def applied(backend: Any) -> list[str]:
    """Names of the migrations a database records (empty for a new one)."""
    tables = backend.tables()
    if "_migrations" not in tables:
        if tables:
            raise StoreError(f"{backend.path}: a database of another application (no talkwatch schema)")
        return []
    return [r["name"] for r in backend.query("SELECT name FROM _migrations ORDER BY name")]


def check_version(names: list[str]) -> None:
    """Refuse a database written by a newer talkwatch."""
    known = {m.name for m in MIGRATIONS}
    newer = [n for n in names if n not in known]
    if newer:
        raise SchemaError(
            f"database schema is newer than this talkwatch (unknown migrations: "
            f"{', '.join(newer)}); upgrade talkwatch to open it"
        )


def migrate(backend: Any, backfills: dict[str, Callable[[Any], None]] | None = None) -> list[str]:
    """Apply pending migrations in one transaction; return the names applied. ``backfills``:
    rows derived from stored data by code this module cannot import, per migration name."""
    done = applied(backend)
    check_version(done)
    pending = [m for m in MIGRATIONS if m.name not in done]
    if not pending:
        return []
    with backend.transaction():
        backend.lock("migrate")
        done = applied(backend)  # another process may have migrated meanwhile
        check_version(done)
        backend.execute(
            ddl(
                "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)",
                backend.dialect,
            )
        )
        for m in (m for m in MIGRATIONS if m.name not in done):
            for sql in (*m.common, *m.dialect.get(backend.dialect, ())):
                backend.execute(ddl(sql, backend.dialect))
            for fill in (m.backfill, (backfills or {}).get(m.name)):
                if fill:
                    fill(backend)
            backend.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (m.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
    return [m.name for m in pending]
