"""What people read: option checks, exit codes, article text printed as text, the dashboard's bidi guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile_corpus import GOOD
from talkwatch.cli import app

RLO_TITLE = "\u202eevil\u202c talks"
MARKUP_TITLE = "Talks [/nope] [bold red]x\x1b]0;pwned\x07\x1b[2J"
BODY = "The [truce] will begin in Geneva on Friday, the envoy said.\n"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def run(command: str, *paths: Path, db: Path) -> object:
    """``extract PATHS`` or ``ingest PATHS --db DB``."""
    extra = ("--db", str(db)) if command == "ingest" else ()
    return invoke(command, *map(str, paths), *extra)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("yesterday", "is not an ISO date"),
        ("06/03/2024", "is not an ISO date"),
        ("2024-02-30", "is not a date of the calendar"),
    ],
)
def test_published_iso_only(value: str, reason: str, tmp_path: Path):
    (tmp_path / "a.txt").write_text(GOOD)
    result = invoke("extract", str(tmp_path / "a.txt"), "--published", value)
    assert result.exit_code == 2
    assert reason in result.stderr
    assert "warning" not in result.stderr  # one clear message, not a warning and then an error


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_nothing_readable_is_exit_1(command: str, tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    result = run(command, tmp_path / "in", db=tmp_path / "x.db")
    assert result.exit_code == 1, result.stderr
    assert "no article could be read" in result.stderr
    assert "empty article" in result.stderr


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_missing_file_beside_a_good_one_is_skipped(command: str, tmp_path: Path, nlp):
    (tmp_path / "a.txt").write_text(GOOD)
    result = run(command, tmp_path / "missing.txt", tmp_path / "a.txt", db=tmp_path / "x.db")
    assert result.exit_code == 0, result.stderr
    assert "missing.txt: cannot read (No such file or directory)" in result.stderr


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    folder = tmp_path_factory.mktemp("outputs")
    (folder / "rlo.txt").write_text(f"title: {RLO_TITLE}\npublished: 2024-03-05\n\n{BODY}")
    (folder / "markup.txt").write_text(
        f"title: {MARKUP_TITLE}\npublished: 2024-03-06\n\nThe [truce] holds.\n"
    )
    db = folder / "h.db"
    assert invoke("ingest", str(folder), "--db", str(db)).exit_code == 0
    return db


def test_report_prints_markup_as_text(tmp_path: Path, nlp):
    path = tmp_path / "m.txt"
    path.write_text(f"title: {MARKUP_TITLE}\npublished: 2024-03-05\n\n{BODY}")
    result = invoke("extract", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Talks [/nope] [bold red]x]0;pwned[2J" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


@pytest.mark.parametrize("command", ["search", "actor"])
def test_queries_survive_markup(command: str, hostile_db: Path):
    args = ("search", "truce") if command == "search" else ("actor", "the envoy")
    result = CliRunner().invoke(app, [*args, "--db", str(hostile_db)])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert "MarkupError" not in result.output


def test_search_highlight_survives_in_table(hostile_db: Path):
    result = invoke("search", "truce", "--db", str(hostile_db))
    assert result.exit_code == 0
    assert "[truce]" in result.stdout  # the highlight marks are shown, not swallowed as markup
    assert "[/nope] [bold red]x" in result.stdout
    assert "\u202e" not in result.stdout and "\x1b" not in result.stdout


def test_dashboard_neutralises_bidi(hostile_db: Path):
    from fastapi.testclient import TestClient

    from talkwatch.serve.app import create_app

    with TestClient(create_app(hostile_db)) as client:
        for path in ("/articles", "/search?q=truce"):
            page = client.get(path).text
            assert "\u202e" not in page and "\u202c" not in page
            assert "evil" in page
        css = client.get("/static/style.css").text
        assert "unicode-bidi: isolate" in css and "overflow-wrap: anywhere" in css
