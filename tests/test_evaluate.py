"""The built-in evaluator: matching rules, and agreement with the reference scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from talkwatch.evaluate import names_match, norm, score_digest


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("The Syrian government's", "syrian government", True),
        ("U.N. envoy", "UN envoy", False),
        ("Staffan de Mistura", "de Mistura", True),
        ("Army of Islam", "Islam", False),
        ("\u201cHNC\u201d", "HNC", True),
    ],
)
def test_names_match(a, b, same):
    assert names_match([a], [b]) is same


def test_norm_drops_leading_the_and_possessive():
    assert norm("The Kremlin\u2019s envoy") == "kremlin envoy"


GOLD = {
    "meetings": [
        {
            "key": "g",
            "names": ["Geneva talks"],
            "venue_city": "Geneva",
            "start": "2024-03-07",
            "status": "postponed",
        }
    ],
    "participations": [
        {"meeting": "g", "actor": ["Hamas"], "status": "will_attend"},
        {"meeting": "g", "actor": ["Israel"], "status": "declined"},
    ],
    "quotes": [{"speaker": ["Ismail Haniyeh", "Haniyeh"], "starts_with": "We are ready"}],
    "positions": [],
    "agreements": [{"kind": "truce", "start": None}],
}
DIGEST = {
    "actors": [
        {"id": "a1", "name": "Hamas", "aliases": []},
        {"id": "a2", "name": "Ismail Haniyeh", "aliases": []},
    ],
    "meetings": [
        {
            "id": "m1",
            "name": "talks in Geneva",
            "aliases": ["Geneva talks"],
            "venue": {"city": "Geneva"},
            "start": "2024-03-07",
            "status": "postponed",
        }
    ],
    "participations": [
        {"meeting": "m1", "actor": "a1", "status": "will_attend"},
        {"meeting": "m1", "actor": "a1", "status": "invited"},
    ],
    "quotes": [{"speaker": "a2", "text": "We are ready to talk"}],
    "positions": [],
    "agreements": [{"kind": "truce", "start": "2024-01-01"}],
}


def test_score_digest_counts():
    result = score_digest(GOLD, DIGEST)
    tallies = {k: (t.tp, t.predicted, t.gold) for k, t in result.kinds.items()}
    assert tallies == {
        "meetings": (1, 1, 1),
        "participations": (1, 2, 2),
        "quotes": (1, 1, 1),
        "positions": (0, 0, 0),
        "agreements": (1, 1, 1),
    }
    assert any("Israel" in n for n in result.notes)


def test_agrees_with_reference_scorer(shared, tmp_path):
    """Same numbers as ../shared/tools/score.py on the same gold and digest."""
    import yaml

    gold_path = tmp_path / "gold.yaml"
    gold_path.write_text(yaml.safe_dump(GOLD))
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(json.dumps(DIGEST) + "\n")
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), str(gold_path), str(pred_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads(out.stdout)
    ours = score_digest(GOLD, DIGEST).to_dict()
    assert ours["macro_f1"] == pytest.approx(reference["macro_f1"])
    for kind, row in reference["kinds"].items():
        assert (ours["kinds"][kind]["tp"], ours["kinds"][kind]["predicted"]) == (row["tp"], row["predicted"])


@pytest.mark.slow
def test_agrees_with_reference_scorer_on_the_example(shared, nlp, tmp_path):
    from talkwatch import pipeline, read
    from talkwatch.evaluate import load_gold

    example = shared / "examples" / "astana-2017"
    digest = pipeline.run(read.read_file(example / "article.txt")[0])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(digest) + "\n")
    out = subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "score.py"),
            str(example / "expected.yaml"),
            str(pred),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads(out.stdout)
    assert score_digest(load_gold(example / "expected.yaml"), digest).macro_f1 == pytest.approx(
        reference["macro_f1"]
    )
    assert reference["macro_f1"] >= 0.85
