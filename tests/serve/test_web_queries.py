"""The dashboard's own queries over a small hand-built record (no spaCy)."""

from __future__ import annotations

from pathlib import Path

from store_fixtures import round_report
from talkwatch import store
from talkwatch.serve import queries


def build(tmp_path: Path) -> store.Record:
    rec = store.open(tmp_path / "q.db", create=True)
    a = ("LUSAKA, March 1 - The fifth round of talks opens in Lusaka on March 4. "
         "The Lumbian government will attend the round. The Delta Front was invited to the round.")
    b = ("LUSAKA, March 3 - The fifth round of talks, due on March 4, was postponed to March 20. "
         "The Delta Front said it would attend the round.")
    c = ("LUSAKA, March 21 - The fifth round of talks opened in Lusaka on March 20. "
         "The Lumbian government attended the round. The Delta Front stayed away from the round.")
    rec.save_many([
        round_report(a, "2024-03-01", "scheduled", "2024-03-04",
                     attendance=[("Lumbian government", "government", "will_attend"),
                                 ("Delta Front", "armed_group", "invited")]),
        round_report(b, "2024-03-03", "postponed", "2024-03-20",
                     history=[("scheduled", "2024-03-04"), ("postponed", "2024-03-20")],
                     attendance=[("Delta Front", "armed_group", "will_attend")]),
        round_report(c, "2024-03-21", "ongoing", "2024-03-20",
                     attendance=[("Lumbian government", "government", "attended"),
                                 ("Delta Front", "armed_group", "declined")]),
    ])
    return rec


def test_moves_attendance_and_groups(tmp_path: Path) -> None:
    with build(tmp_path) as rec:
        (m,) = rec.meetings()
        b = rec.backend
        assert queries.moves(b, [m["id"]]) == {m["id"]: [queries.Move(
            "2024-03-04", "2024-03-20", "2024-03-03", rec.meeting(m["id"])["history"][1]["document"])]}
        att = queries.attendance(b, [m["id"]])[m["id"]]
        assert att == [{k: v for k, v in p.items() if k not in ("name", "evidence_count")}
                       for p in rec.meeting(m["id"])["participants"]]
        names = queries.actor_names(b, [p["actor"] for p in att])
        assert {names[p["actor"]]: p["status"] for p in att} == {
            "Lumbian government": "attended", "Delta Front": "declined"}
        groups, total = queries.groups(b, limit=10, offset=0)
        # the process its reports name ("Lusaka talks" in both), not the venue alone
        assert total == 1 and groups[0].label == "Lusaka talks" and groups[0].meetings == 1
        assert [x["id"] for x in queries.group_meetings(b, "Lusaka talks")] == [m["id"]]
        assert queries.count_meetings(b, "Lusaka") == 1 == queries.count_meetings(b)
        assert queries.count_meetings(b, "Elsewhere") == 0


def test_pages_of_facts_and_articles(tmp_path: Path) -> None:
    with build(tmp_path) as rec:
        b = rec.backend
        docs, total = queries.articles_page(b, limit=2, offset=0)
        assert total == 3 and [d["published"] for d in docs] == ["2024-03-21", "2024-03-03"]
        facts, n = queries.facts_page(b, "participations", limit=100, offset=0)
        assert n == len(facts) == 5
        first, _ = queries.facts_page(b, "participations", limit=2, offset=0)
        rest, _ = queries.facts_page(b, "participations", limit=10, offset=2)
        assert first + rest == facts
        actor = facts[0]["actor"]
        mine, k = queries.facts_page(b, "participations", actor=actor, limit=10, offset=0)
        assert k == len(mine) == sum(1 for f in facts if f["actor"] == actor)
        assert queries.facts_page(b, "agreements", actor=actor, limit=5, offset=0) == ([], 0)
        assert all(f["meeting"] == rec.meetings()[0]["id"] for f in facts)
        assert queries.stamp(b)


def test_pages_of_facts_from_checkpoints_are_the_offset_pages(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(queries, "STEP", 2)  # a checkpoint every other fact of five
    with build(tmp_path) as rec:
        b = rec.backend
        marks = queries.checkpoints(b, "participations")
        plain, _ = queries.facts_page(b, "participations", limit=100, offset=0)
        assert [m[0] for m in marks] == [f["document"] for f in plain[::2]] and len(marks) == 3
        for offset in range(7):
            for limit in (1, 2, 3, 10):
                assert queries.facts_page(b, "participations", limit=limit, offset=offset,
                                          marks=lambda: marks) == queries.facts_page(
                    b, "participations", limit=limit, offset=offset)
