"""The store's commands: ingest, meetings, meeting, actor, search, conflicts, export."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer
from typer.testing import CliRunner

from store_fixtures import digest, meeting, three_reports
from talkwatch import store
from talkwatch.cli import ingest as ingest_cli
from talkwatch.cli import store as store_cli

pytest_plugins = ("store_backends",)  # ``databases``: commands run on SQLite and PostgreSQL


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    ingest_cli.register(app)
    store_cli.register(app)
    return app


@pytest.fixture
def db(databases) -> str:
    path = databases.location()
    with store.open(path, create=True) as record:
        record.save_many(three_reports())
        for body, start in (
            ("Oslo talks open March 2", "2024-03-02"),
            ("Oslo talks open March 4", "2024-03-04"),
        ):
            m = meeting("m1", "Oslo talks", city="Oslo", status="scheduled", start=start)
            record.save(digest(body, "2024-02-20", meetings=[m]), body=body)
    return str(path)


def invoke(app, *args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_every_command_has_help(app):
    for command in (ingest_cli.ingest, *store_cli.COMMANDS):
        result = invoke(app, command.__name__, "--help")
        assert result.exit_code == 0 and "--db" in result.output


def test_meetings_table_json_csv(app, db):
    table = invoke(app, "meetings", "--db", db)
    assert table.exit_code == 0 and "Lusaka talks" in table.output and "Oslo" in table.output
    data = json.loads(invoke(app, "meetings", "--db", db, "--format", "json").output)
    assert {m["venue"]["city"] for m in data} == {"Lusaka", "Oslo"}
    rows = list(csv.DictReader(io.StringIO(invoke(app, "meetings", "--db", db, "-f", "csv").output)))
    assert {r["status"] for r in rows} == {"ongoing", "scheduled"}


def test_meeting_by_name(app, db):
    result = invoke(app, "meeting", "lusaka talks", "--db", db)
    assert result.exit_code == 0
    assert "Status timeline" in result.output and "Northern Front" in result.output
    data = json.loads(invoke(app, "meeting", "Lusaka talks", "--db", db, "-f", "json").output)
    assert data["status"] == "ongoing" and len(data["history"]) == 3


def test_actor_search_conflicts(app, db):
    data = json.loads(invoke(app, "actor", "northern front", "--db", db, "-f", "json").output)
    assert data["meetings"][0]["participation"]["status"] == "arrived"
    found = json.loads(invoke(app, "search", "Oslo", "--db", db, "-f", "json").output)
    assert found and found[0]["kind"] == "document"
    conflicts = json.loads(invoke(app, "conflicts", "--db", db, "-f", "json").output)
    assert [c["field"] for c in conflicts] == ["start"]


def test_export_formats(app, db, tmp_path):
    result = invoke(app, "export", "--db", db, "--format", "json")
    assert json.loads(result.stdout)["schema"] == "talkwatch.record/1"
    invoke(app, "export", "--db", db, "--format", "csv", "--out", str(tmp_path / "csv"))
    assert (tmp_path / "csv" / "events.csv").exists()


def test_errors_are_one_line(app, tmp_path):
    notdb = tmp_path / "x.db"
    notdb.write_text("hello")
    for args in (
        ["meetings", "--db", str(notdb)],
        ["meetings", "--db", str(tmp_path / "no.db")],
        ["meeting", "nowhere", "--db", str(notdb)],
    ):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1 and result.exception is not None or result.exit_code == 1
        assert "talkwatch: error:" in result.output
        assert "Traceback" not in result.output


def test_postgres_errors_are_one_line(app, monkeypatch):
    for url, why in (
        ("postgresql://nobody@127.0.0.1:1/none", "cannot connect"),
        ("postgresql://u:secret@127.0.0.1:notaport/db", "cannot connect"),
        ("postgresql://127.0.0.1/db?schema=no;drop", "plain identifier"),
    ):
        result = CliRunner().invoke(app, ["meetings", "--db", url])
        assert result.exit_code == 1, result.output
        (line,) = result.output.strip().splitlines()
        assert line.startswith("talkwatch: error:") and why in line and "secret" not in line
    monkeypatch.setitem(__import__("sys").modules, "psycopg", None)  # psycopg not installed
    result = CliRunner().invoke(app, ["meetings", "--db", "postgresql://127.0.0.1/db"])
    assert result.exit_code == 1 and "pip install 'talkwatch[postgres]'" in result.output


def test_ingest_command(app, databases, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "broken\n{"title": "no text"}\n')
    db = databases.location()
    result = CliRunner().invoke(app, ["ingest", str(bad), "--db", db])
    assert "skipped" in result.output and "broken JSON" in result.output
    assert result.exit_code == 1  # nothing could be stored


def test_tables_name_articles_by_title_and_outlet_not_by_hash(app, databases):
    path = databases.location()
    with store.open(path, create=True) as record:
        for body, start, title in (
            ("Oslo talks open March 2", "2024-03-02", "Talks set for Oslo"),
            ("Oslo talks open March 4", "2024-03-04", "Oslo round slips two days"),
        ):
            d = digest(body, "2024-02-20", meetings=[
                meeting("m1", "Oslo talks", city="Oslo", status="scheduled", start=start)])
            d["document"] |= {"title": title, "source": "Nordic Wire"}
            record.save(d, body=body)
        ids = [r["id"] for r in record.backend.query("SELECT id FROM documents")]
    out = invoke(app, "meeting", "Oslo talks", "--db", str(path)).output
    assert "Talks set for Oslo (Nordic Wire)" in out and "Oslo round slips" in out
    conflicts = invoke(app, "conflicts", "--db", str(path)).output
    assert "(Nordic Wire)" in conflicts
    for doc_id in ids:  # neither the hash nor its first characters
        assert doc_id[:8] not in out and doc_id[:8] not in conflicts
    data = json.loads(invoke(app, "meeting", "Oslo talks", "--db", str(path), "-f", "json").output)
    assert {h["document"] for h in data["history"]} == set(ids)  # scripts keep the ids
