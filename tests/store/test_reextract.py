"""Re-extraction on a new rule set: stale articles are found, and replacing their facts
changes the record only where the new facts differ (it equals a fresh ingest on the new rules).

Runs on SQLite and, when ``TALKWATCH_TEST_PG`` is set, on PostgreSQL.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from store_fixtures import A1, A2, A3, FRONT, GOV, digest, round_report
from talkwatch.batch.local import ingest, reprocess
from talkwatch.model import Article
from talkwatch.store import Item, rules
from talkwatch.store.exports import record as export

pytest_plugins = ("store_backends",)

BODIES = {"a.txt": A1, "b.txt": A2, "c.txt": A3}
OLD = {"meetings": "meetings.v1", "participations": "participation.v1"}
NEW = {"meetings": "meetings.v2", "participations": "participation.v1"}


def tagged(digest: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """The digest as a pipeline on these rule sets writes it."""
    return digest | {kind: [f | {"extractor": names[kind]} for f in digest[kind]] for kind in names}


def old_reports() -> list[dict[str, Any]]:
    """What the old rules read: the second report misses the postponement, an actor is typed wrongly."""
    return [
        round_report(A1, "2024-03-03", "scheduled", "2024-03-12",
                     attendance=[(*FRONT, "invited"), (*GOV, "will_attend")]),
        round_report(A2, "2024-03-09", "scheduled", "2024-03-12",
                     attendance=[("Northern Front", "opposition", "declined")]),
        round_report(A3, "2024-03-16", "ongoing", "2024-03-16",
                     attendance=[(*FRONT, "arrived"), (*GOV, "attended")]),
    ]


def new_reports() -> list[dict[str, Any]]:
    """What the new rules read: the postponement, the Front undecided; the third report unchanged."""
    return [
        *old_reports()[:1],
        round_report(A2, "2024-03-09", "postponed", "2024-03-16",
                     history=[("scheduled", "2024-03-12"), ("postponed", "2024-03-16")],
                     attendance=[(*FRONT, "undecided")]),
        old_reports()[2],
    ]


def fewer_reports() -> list[dict[str, Any]]:
    """The new rules find nothing in the third report (the others read as before): its meeting
    report and actors leave the record."""
    return [*old_reports()[:2], digest(A3, "2024-03-16")]


def items(reports: list[dict[str, Any]], *names: dict[str, str], replace: bool = False) -> list[Item]:
    """The reports as stored with their bodies, each on its rule set (one for all, or one each)."""
    per = names * len(reports) if len(names) == 1 else names
    return [
        Item(tagged(d, r), body, replace=replace)
        for d, r, body in zip(reports, per, BODIES.values(), strict=True)
    ]


def jsonl(record) -> str:
    """The exported record (sorted lines) and the merged actor names with their counts."""
    out = io.StringIO()
    export.write_jsonl(record.backend, out)
    names = record.backend.query("SELECT * FROM actor_names ORDER BY actor_id, name")
    actors = record.backend.query("SELECT * FROM actors ORDER BY id")
    return "\n".join([*sorted(out.getvalue().splitlines()), json.dumps(names), json.dumps(actors)])


def test_articles_on_an_older_rule_set_are_stale(record, monkeypatch):
    old, current = (tagged(d, OLD) for d in old_reports()[:2])
    record.save_many([old, current])
    monkeypatch.setattr(rules, "current", lambda: NEW)
    record.backend.execute("UPDATE documents SET rules = NULL WHERE id = ?", (old["document"]["id"],))
    current_id = current["document"]["id"]
    record.backend.execute("UPDATE documents SET rules = ? WHERE id = ?", (json.dumps(NEW), current_id))
    # recorded rules decide; without them (stored before 0005) the fact rows' extractors do
    assert record.stale() == [old["document"]["id"]]
    assert record.stale([current_id]) == []


def test_facts_without_a_rule_set_are_not_stale(record, monkeypatch):
    record.save_many(old_reports())  # no extractor anywhere: an unknown rule set
    monkeypatch.setattr(rules, "current", lambda: NEW)
    assert record.stale() == []


@pytest.mark.parametrize("newer", [new_reports, fewer_reports])
def test_replacing_equals_a_fresh_ingest_on_the_new_rules(databases, newer):
    with databases.open() as fresh:
        fresh.save_many(items(newer(), NEW))
        expected = jsonl(fresh)
        counts = fresh.counts()
    with databases.open() as record:
        record.save_many(items(old_reports(), OLD))
        before = jsonl(record)
        saved = record.save_many(
            items(newer(), NEW, replace=True)
        )
        assert (saved.added, saved.replaced) == (3, 3)
        assert jsonl(record) == expected != before
        assert record.counts() == counts  # no actor, name count or meeting left behind
        assert [f["kind"] for f in record.search("postponed")] == ["document"]  # no stale index entry


def test_replacing_with_the_same_facts_changes_nothing(databases):
    with databases.open() as record:
        record.save_many([tagged(d, NEW) for d in new_reports()])
        before, counts = jsonl(record), record.counts()
        for d in reversed(new_reports()):  # one at a time, last first
            record.save_many([Item(tagged(d, NEW), replace=True)])
        assert jsonl(record) == before
        assert record.counts() == counts


# --- through the batch path: ingest and reprocess --------------------------------------

STATE = {"rules": OLD}


def stand_in(article: Article) -> dict[str, Any]:
    """The pipeline on the rule set in ``STATE``: old or new reading of the same text."""
    reports = old_reports() if STATE["rules"] is OLD else new_reports()
    digest = reports[list(BODIES.values()).index(article.body.strip())]
    digest["document"] |= {"id": article.id, "published": article.published}
    return tagged(digest, STATE["rules"])


def _files(folder: Path) -> Path:
    folder.mkdir()
    for name, body in BODIES.items():
        published = {"a.txt": "2024-03-03", "b.txt": "2024-03-09", "c.txt": "2024-03-16"}[name]
        (folder / name).write_text(f"published: {published}\n\n{body}\n")
    return folder


@pytest.fixture
def on_rules(monkeypatch):
    def switch(names: dict[str, str]) -> None:
        STATE["rules"] = names
        monkeypatch.setattr(rules, "current", lambda: names)

    yield switch
    STATE["rules"] = OLD


@pytest.mark.parametrize("how", ["ingest", "reprocess"])
def test_a_new_rule_set_reextracts_stored_articles(databases, tmp_path, on_rules, how):
    folder = _files(tmp_path / "articles")
    with databases.open() as fresh:
        on_rules(NEW)
        assert ingest([folder], fresh, pipeline=stand_in).added == 3
        expected = jsonl(fresh)
    with databases.open() as record:
        on_rules(OLD)
        ingest([folder], record, pipeline=stand_in)
        assert ingest([folder], record, pipeline=stand_in).already == 3  # same rules: nothing to do
        on_rules(NEW)
        assert len(record.stale()) == 3
        if how == "ingest":
            report = ingest([folder], record, pipeline=stand_in)
        else:
            report = reprocess(record, pipeline=stand_in)
        assert (report.replaced, report.failed) == (3, 0)
        assert jsonl(record) == expected
        assert record.stale() == []
        assert reprocess(record, pipeline=stand_in).replaced == 0


def test_an_article_read_again_without_its_meeting_leaves_it(databases):
    """Only the last report is re-extracted, and finds nothing: the meeting is summarized without it."""
    with databases.open() as fresh:
        fresh.save_many(items(fewer_reports(), OLD, OLD, NEW))
        expected = jsonl(fresh)
    with databases.open() as record:
        record.save_many(items(old_reports(), OLD))
        record.save_many([Item(tagged(fewer_reports()[2], NEW), A3, replace=True)])
        assert jsonl(record) == expected
