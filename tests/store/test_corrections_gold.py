"""Corrections become gold: the gold of corrected articles scores the corrected digest 1.0,
and the digest before correction lower by exactly the corrected facts."""

from __future__ import annotations

import yaml

from store_fixtures import A1, A2, A3, ev
from store_fixtures import three_reports as _three
from talkwatch import evaluate, store
from talkwatch.read import read_text
from talkwatch.store.corrections import gold

pytest_plugins = ("store_backends",)


def _items() -> list[store.Item]:
    return [store.Item(d, body) for d, body in zip(_three(), (A1, A2, A3), strict=True)]


def _fix(item: store.Item, body: str, sentence: str, action: str, **kw: object) -> dict:
    e = ev(body, sentence)
    return {
        "action": action,
        "kind": "participations",
        "author": "ana",
        "document": item.digest["document"]["id"],
        "evidence": {"start": e["start"], "end": e["end"]},
        **kw,
    }


def test_gold_from_corrections_scores_the_corrected_digest_one_and_the_original_lower(record, tmp_path):
    items = _items()
    record.save_many(items)
    third = items[2]
    record.correct(
        _fix(
            third,
            A3,
            "The Northern Front delegation arrived in the city on Sunday",
            "set",
            target={"actor": "Northern Front"},
            changes={"status": "attended"},
        )
    )
    record.correct(
        _fix(
            third,
            A3,
            "The Government of Kaweri took part",
            "reject",
            target={"actor": "Government of Kaweri"},
        )
    )
    written = gold.write(record.backend, tmp_path)
    assert [p.name for p in written] == [third.digest["document"]["id"][:16] + ".yaml"]  # corrected ones only
    truth = evaluate.load_gold(written[0])
    corrected = record.digest(third.digest["document"]["id"])
    perfect = evaluate.score_digest(truth, corrected)
    assert perfect.macro_f1 == 1.0
    assert all(t.tp == t.gold == t.predicted for t in perfect.kinds.values())
    before = evaluate.score_digest(truth, third.digest).kinds["participations"]
    # two facts extracted, one set right and one rejected: gold 1, predicted 2, matched 0
    assert (before.tp, before.predicted, before.gold) == (0, 2, 1)
    assert before.prf()[2] < 1.0
    # the article beside its gold reads back as the same text and date
    article = read_text(written[0].with_suffix(".txt").read_text(encoding="utf-8"))
    assert article.id == third.digest["document"]["id"] and article.published == "2024-03-16"
    assert evaluate.gold_pairs([tmp_path]) == [(written[0].with_suffix(".txt"), written[0])]
    assert "&id" not in written[0].read_text(encoding="utf-8")  # written out, no YAML anchors
    assert yaml.safe_load(written[0].read_text(encoding="utf-8"))["participations"][0]["status"] == "attended"
