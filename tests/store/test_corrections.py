"""Analysts' corrections in the store: applied to the facts, logged, replayed, never lost.

Every test taking ``record`` or ``databases`` runs on SQLite and, when
``TALKWATCH_TEST_PG`` is set, on PostgreSQL.
"""

from __future__ import annotations

import threading

import pytest

from store_fixtures import A1, A2, A3, actor, digest, ev, meeting, part
from store_fixtures import three_reports as _three
from talkwatch import store
from talkwatch.errors import InputError, NotFound
from talkwatch.store import corrections
from talkwatch.store.corrections import files

pytest_plugins = ("store_backends",)

FRONT_UNDECIDED = "The Northern Front is still deciding whether to attend"
FRONT_ARRIVED = "The Northern Front delegation arrived in the city on Sunday"


def three_reports() -> list[store.Item]:
    """The three Lusaka reports with their text, as an ingest stores them."""
    return [store.Item(d, body) for d, body in zip(_three(), (A1, A2, A3), strict=True)]


def _fix(doc: dict, body: str, sentence: str, action: str = "set", **kw) -> dict:
    e = ev(body, sentence)
    return {
        "action": action,
        "kind": "participations",
        "author": "ana",
        "document": doc.digest["document"]["id"],
        "evidence": {"start": e["start"], "end": e["end"]},
        **kw,
    }


def _front(record, mid: str) -> dict:
    full = record.meeting(mid)
    return next(p for p in full["participants"] if p["name"] == "Northern Front")


def test_a_set_changes_the_fact_everywhere_and_keeps_what_it_was(record):
    reports = three_reports()
    record.save_many(reports[:2])
    (m,) = record.meetings()
    assert (_front(record, m["id"])["status"], m["parties"]) == ("undecided", 2)
    logged = record.correct(
        _fix(
            reports[1],
            A2,
            FRONT_UNDECIDED,
            target={"actor": "Northern Front"},
            changes={"status": "declined"},
            note="they said no",
        )
    )
    assert logged["before"] == {"status": "undecided"} and logged["state"] == "applied"
    assert logged["evidence"]["start"] == A2.index(FRONT_UNDECIDED)
    assert _front(record, m["id"])["status"] == "declined"
    assert record.meetings()[0]["parties"] == 1  # the merged meeting is recomputed
    assert record.digest(reports[1].digest["document"]["id"])["participations"][0]["status"] == "declined"
    (entry,) = record.corrections()
    assert (entry["author"], entry["note"], entry["changes"]) == (
        "ana",
        "they said no",
        {"status": "declined"},
    )


def test_reject_removes_the_fact_and_the_log_keeps_it_whole(record):
    reports = three_reports()
    record.save_many(reports)
    (m,) = record.meetings()
    record.correct(_fix(reports[2], A3, FRONT_ARRIVED, "reject", target={"actor": "Northern Front"}))
    front = _front(record, m["id"])
    assert [h["status"] for h in front["history"]] == ["invited", "undecided"]
    (entry,) = record.corrections()
    assert entry["before"]["status"] == "arrived" and entry["before"]["ev_text"] == FRONT_ARRIVED


def test_confirm_changes_nothing_and_a_missing_fact_is_an_error(record):
    reports = three_reports()
    record.save_many(reports)
    before = record.checksum()
    record.correct(_fix(reports[2], A3, FRONT_ARRIVED, "confirm", target={"actor": "Northern Front"}))
    assert record.checksum() == before
    with pytest.raises(NotFound, match="matches"):
        record.correct(
            _fix(reports[2], A3, FRONT_ARRIVED, "confirm", target={"actor": "Government of Kaweri"})
        )
    with pytest.raises(InputError, match="not a status"):
        record.correct(_fix(reports[2], A3, FRONT_ARRIVED, target={}, changes={"status": "maybe"}))
    with pytest.raises(InputError, match="author"):
        record.correct(_fix(reports[2], A3, FRONT_ARRIVED, "confirm") | {"author": " "})
    assert len(record.corrections()) == 1


def test_add_stores_a_missed_fact_with_analyst_provenance(record):
    reports = three_reports()
    record.save_many(reports)
    (m,) = record.meetings()
    sentence = "The Government of Kaweri sent a team"
    record.correct(
        _fix(
            reports[1],
            A2,
            sentence,
            "add",
            changes={"actor": "Government of Kaweri", "meeting": "m1", "status": "will_attend"},
        )
    )
    facts = record.digest(reports[1].digest["document"]["id"])["participations"]
    added = facts[-1]
    assert (added["status"], added["extractor"], added["evidence"]["text"]) == (
        "will_attend",
        "analyst",
        sentence,
    )
    gov = next(p for p in record.meeting(m["id"])["participants"] if p["name"] == "Government of Kaweri")
    said = [(h["status"], d) for h in gov["history"] for d in [h["document"], *h.get("also", [])]]
    assert ("will_attend", reports[1].digest["document"]["id"]) in said  # the timeline counts it


def test_a_meeting_statement_corrected_moves_the_merged_status_and_timeline(record):
    reports = three_reports()
    record.save_many(reports)
    (m,) = record.meetings()
    assert m["status"] == "ongoing"
    opened = "Lusaka, 16 March - The fifth round of talks opened on Monday in the Zambian capital"
    e = ev(A3, opened)
    fix = {
        "action": "set",
        "kind": "meetings",
        "author": "ana",
        "document": reports[2].digest["document"]["id"],
        "evidence": {"start": e["start"], "end": e["end"]},
        "changes": {"status": "postponed"},
    }
    assert record.correct(fix)["before"] == {"status": "ongoing"}
    (m,) = record.meetings()
    assert m["status"] == "postponed"
    assert record.meeting(m["id"])["history"][-1]["status"] == "postponed"
    record.correct(fix | {"action": "reject", "changes": {}})
    (m,) = record.meetings()
    assert m["status"] == "postponed" and m["start"] == "2024-03-16"  # the second report's statement
    with pytest.raises(InputError, match="cannot be added"):
        record.correct(fix | {"action": "add"})


def test_corrections_are_replayed_when_an_article_arrives_and_orphaned_when_its_fact_is_gone(databases):
    reports = three_reports()
    with databases.open(databases.location()) as first:
        first.save_many(reports)
        first.correct(
            _fix(
                reports[1],
                A2,
                FRONT_UNDECIDED,
                target={"actor": "Northern Front"},
                changes={"status": "declined"},
            )
        )
        first.correct(_fix(reports[2], A3, FRONT_ARRIVED, "reject", target={"actor": "Northern Front"}))
        shared = first.corrections()
    with databases.open(databases.location()) as second:
        second.save_many(reports[:1])
        tally = second.apply_corrections(shared)
        assert (tally["added"], tally["orphaned"]) == (2, 2)  # their articles are not here yet
        assert {c["state"] for c in second.corrections(state="orphaned")} == {"orphaned"}
        # the re-extracted second report no longer states the fact the first correction named
        changed = store.Item(dict(reports[1].digest, participations=[]), A2)
        second.save_many([changed, reports[2]])
        states = {c["action"]: c["state"] for c in second.corrections()}
        assert states == {"set": "orphaned", "reject": "applied"}
        rejected = second.corrections(state="applied")[0]
        assert rejected["before"]["status"] == "arrived"  # what it held here, recorded on replay
        (m,) = second.meetings()
        assert [h["status"] for h in _front(second, m["id"])["history"]] == ["invited"]
        assert second.apply_corrections(shared)["known"] == 2


def test_same_actor_and_not_actor_follow_new_articles(record):
    body = "Kaweri's army and the Kaweri Defence Force will attend the talks in Lusaka."
    d = digest(
        body,
        "2024-03-01",
        actors=[actor("a1", "Kaweri's army"), actor("a2", "Kaweri Defence Force")],
        meetings=[meeting("m1", "Lusaka talks", city="Lusaka", status="scheduled", start="2024-03-12")],
        participations=[
            part("m1", "a1", "will_attend", ev(body, body)),
            part("m1", "a2", "will_attend", ev(body, body)),
        ],
    )
    record.save(d)
    ids = {p["name"]: p["actor"] for p in record.meeting("Lusaka talks")["participants"]}
    record.correct(
        {
            "action": "same_actor",
            "kind": "actors",
            "author": "ana",
            "target": {"actor": ids["Kaweri's army"]},
            "changes": {"into": ids["Kaweri Defence Force"]},
        }
    )
    (p,) = record.meeting("Lusaka talks")["participants"]
    assert p["actor"] == ids["Kaweri Defence Force"]
    stored = record.backend.query("SELECT DISTINCT actor_id FROM participations")
    assert [r["actor_id"] for r in stored] == [ids["Kaweri Defence Force"]]
    later = "Kaweri's army arrived in Lusaka on Sunday."
    record.save(
        digest(
            later,
            "2024-03-11",
            actors=[actor("a1", "Kaweri's army")],
            meetings=[meeting("m1", "Lusaka talks", city="Lusaka", status=None, start="2024-03-12")],
            participations=[part("m1", "a1", "arrived", ev(later, later))],
        )
    )
    (p,) = record.meeting("Lusaka talks")["participants"]
    assert (p["actor"], p["status"]) == (ids["Kaweri Defence Force"], "arrived")
    record.correct(
        {
            "action": "not_actor",
            "kind": "actors",
            "author": "ana",
            "target": {"actor": ids["Kaweri Defence Force"]},
        }
    )
    assert record.meeting("Lusaka talks")["participants"] == []


def test_files_round_trip_in_yaml_and_json_lines(record, tmp_path):
    reports = three_reports()
    record.save_many(reports)
    record.correct(
        _fix(
            reports[1],
            A2,
            FRONT_UNDECIDED,
            target={"actor": "Northern Front"},
            changes={"status": "declined"},
            note="naïve: ünïcode kept",
        )
    )
    for name in ("fixes.yaml", "fixes.jsonl"):
        path = tmp_path / name
        with path.open("w", encoding="utf-8") as fh:
            files.dump(record.corrections(), fh, as_yaml=files.is_yaml(path))
        (loaded,) = files.load(path)
        assert (
            corrections.parse(loaded, name).to_dict()
            == corrections.parse(record.corrections()[0], "x").to_dict()
        )
    (tmp_path / "bad.jsonl").write_text('{"action": "set"}\nnot json\n')
    with pytest.raises(InputError, match="bad.jsonl:2"):
        files.load(tmp_path / "bad.jsonl")


@pytest.mark.postgres
def test_two_people_correcting_one_article_at_once_both_stay(databases):
    if databases.backend != "postgres":
        pytest.skip("concurrent writers: PostgreSQL")
    location = databases.location()
    reports = three_reports()
    with databases.open(location) as rec:
        rec.save_many(reports)
    errors: list[BaseException] = []

    def correct(author: str, status: str) -> None:
        try:
            with databases.open(location) as rec:
                for n in range(5):
                    rec.correct(
                        _fix(
                            reports[2],
                            A3,
                            FRONT_ARRIVED,
                            author=author,
                            note=f"{author} {n}",
                            target={"actor": "Northern Front"},
                            changes={"status": status},
                        )
                    )
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=correct, args=a) for a in (("ana", "attended"), ("ben", "declined"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with databases.open(location) as rec:
        log = rec.corrections()
        assert len(log) == 10 and {c["state"] for c in log} == {"applied"}
        (m,) = rec.meetings()
        assert _front(rec, m["id"])["status"] == log[-1]["changes"]["status"]  # the last one made wins
