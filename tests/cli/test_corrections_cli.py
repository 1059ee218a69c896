"""``talkwatch correct`` and ``talkwatch corrections``: fix a fact from a shell, share the fixes,
turn them into gold that ``talkwatch evaluate`` reads."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from store_fixtures import A1, A2, A3
from store_fixtures import three_reports as _three
from talkwatch import store
from talkwatch.cli import app

pytest_plugins = ("store_backends",)  # ``databases``: commands run on SQLite and PostgreSQL
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def db(databases: Any) -> str:
    path = databases.location()
    with store.open(path, create=True) as rec:
        rec.save_many([store.Item(d, b) for d, b in zip(_three(), (A1, A2, A3), strict=True)])
    return str(path)


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"TALKWATCH_AUTHOR": "ana"})


def test_correct_by_evidence_words_then_list_export_and_apply(
    db: str, databases: Any, tmp_path: Path
) -> None:
    doc = _three()[1]["document"]["id"]
    r = run(
        "correct",
        "set",
        doc[:10],
        "-e",
        "still deciding",
        "--actor",
        "Northern Front",
        "-s",
        "status=declined",
        "-n",
        "they said no",
        "--db",
        db,
    )
    assert r.exit_code == 0, r.output
    assert "status: declined" in r.output and "undecided" in r.output
    listed = json.loads(run("corrections", "list", "--format", "json", "--db", db).stdout)
    assert [(c["author"], c["note"], c["state"]) for c in listed] == [("ana", "they said no", "applied")]
    facts = json.loads(run("corrections", "facts", doc[:10], "-f", "json", "--db", db).stdout)
    assert facts[0]["status"] == "declined" and facts[0]["actor"] == "Northern Front"
    out = tmp_path / "fixes.yaml"
    assert run("corrections", "export", "-o", str(out), "--db", db).exit_code == 0
    other = databases.location()
    with store.open(other, create=True) as rec:
        rec.save_many([store.Item(_three()[1], A2)])
    r = run("corrections", "apply", str(out), "--db", other)
    assert r.exit_code == 0 and "1 added (1 applied, 0 orphaned" in r.output
    assert "1 already here" in run("corrections", "apply", str(out), "--db", other).output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("correct", "set", "ffffffffff", "-e", "x", "-s", "status=declined"), "no article"),
        (("correct", "set", "{doc}", "-e", "not in the text", "-s", "status=declined"), "does not contain"),
        (("correct", "set", "{doc}", "-e", "still deciding", "-s", "status"), "FIELD=VALUE"),
        (("correct", "set", "{doc}", "-e", "still deciding", "-s", "status=maybe"), "not a status"),
        (("correct", "set", "{doc}", "--at", "a:b", "-s", "status=declined"), "START:END"),
        (("correct", "reject", "{doc}", "-k", "votes", "-e", "still deciding"), "unknown fact kind"),
        (("corrections", "apply", "{missing}"), "cannot read"),
    ],
)
def test_bad_input_is_one_line_not_a_traceback(
    db: str, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    doc = _three()[1]["document"]["id"]
    filled = [a.format(doc=doc[:12], missing=tmp_path / "none.yaml") for a in args]
    r = run(*filled, "--db", db)
    assert r.exit_code == 1 and message in r.output and "Traceback" not in r.output


@pytest.mark.slow
def test_gold_from_cli_corrections_scores_the_extractor(nlp: Any, tmp_path: Path) -> None:
    """The real extractor on a bundled report, one fact corrected, scored by `talkwatch evaluate`."""
    db = str(tmp_path / "ex.db")
    assert run("ingest", str(EXAMPLES / "04-delegations-arrive.txt"), "--db", db).exit_code == 0
    with store.open(db) as rec:
        (doc,) = [r["id"] for r in rec.backend.query("SELECT id FROM documents")]
        n = len(rec.digest(doc)["participations"])
    r = run(
        "correct",
        "reject",
        doc[:12],
        "-e",
        "who replaced Peter Lomoro",
        "--actor",
        "Peter Lomoro",
        "-n",
        "he was replaced",
        "--db",
        db,
    )
    assert r.exit_code == 0, r.output
    assert run("corrections", "gold", "--out", str(tmp_path / "gold"), "--db", db).exit_code == 0
    scored = run("evaluate", str(tmp_path / "gold"), "--json")
    assert scored.exit_code == 0, scored.output
    part = json.loads(scored.stdout)["kinds"]["participations"]
    assert (part["tp"], part["predicted"], part["gold"]) == (n - 1, n, n - 1)
