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


def test_gold_found_in_each_layout(tmp_path):
    """X.txt + X.yaml, <case>/article.txt + expected.yaml, articles/X.txt + gold/X.yaml."""
    from talkwatch.evaluate import gold_pairs

    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "a.txt").write_text("x")
    (tmp_path / "flat" / "a.yaml").write_text("{}")
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "article.txt").write_text("x")
    (tmp_path / "case" / "expected.yaml").write_text("{}")
    for sub in ("articles", "gold"):
        (tmp_path / "news" / sub).mkdir(parents=True)
    (tmp_path / "news" / "articles" / "01-x.txt").write_text("x")
    (tmp_path / "news" / "gold" / "01-x.yaml").write_text("{}")
    (tmp_path / "news" / "articles" / "02-no-gold.txt").write_text("x")
    found = {(a.relative_to(tmp_path).as_posix(), g.name) for a, g in gold_pairs([tmp_path])}
    assert found == {
        ("flat/a.txt", "a.yaml"),
        ("case/article.txt", "expected.yaml"),
        ("news/articles/01-x.txt", "01-x.yaml"),
    }


def test_each_folder_is_a_set_and_loose_files_one(tmp_path):
    from talkwatch.evaluate import eval_sets

    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text("x")
        (tmp_path / name / "a.yaml").write_text("{}")
    (tmp_path / "empty").mkdir()
    sets = eval_sets([tmp_path / "one", tmp_path / "two", tmp_path / "empty", tmp_path / "one" / "a.txt"])
    assert [(s.name, len(s.pairs)) for s in sets] == [("one", 1), ("two", 1), ("files", 1)]


def test_findings_keep_the_facts():
    result = score_digest(GOLD, DIGEST)
    outcomes = {(f.kind, f.outcome) for f in result.findings}
    assert ("participations", "missed") in outcomes and ("participations", "extra") in outcomes
    missed = next(f for f in result.findings if f.outcome == "missed")
    assert missed.gold == {"meeting": "g", "actor": ["Israel"], "status": "declined"}


def test_wrong_meeting_attribute_is_a_finding():
    digest = json.loads(json.dumps(DIGEST))
    digest["meetings"][0]["status"] = "scheduled"
    wrong = [f for f in score_digest(GOLD, digest).findings if f.outcome == "wrong"]
    assert [(f.attribute, f.gold["status"], f.pred["status"]) for f in wrong] == [
        ("status", "postponed", "scheduled")
    ]


def _compare_with_reference(shared, pairs, digests, tmp_path):
    """Our totals equal ../shared/tools/score.py's on the same gold and digest files."""
    from talkwatch.evaluate import Score, load_gold

    args, ours = [], Score()
    for i, ((_, gold_path), digest) in enumerate(zip(pairs, digests, strict=True)):
        pred = tmp_path / f"{i}.jsonl"
        pred.write_text(json.dumps(digest) + "\n")
        args += [str(gold_path), str(pred)]
        ours.add(score_digest(load_gold(gold_path), digest))
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score.py"), *args, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads(out.stdout)
    mine = ours.to_dict()
    assert mine["macro_f1"] == pytest.approx(reference["macro_f1"])
    assert mine["meeting_attributes"] == reference["meeting_attributes"]
    for kind, row in reference["kinds"].items():
        t = mine["kinds"][kind]
        assert (t["tp"], t["predicted"], t["gold"]) == (row["tp"], row["predicted"], row["gold"])


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["news-dev", "news-dev-processes"])
def test_agrees_with_reference_scorer_on_real_news(shared, nlp, tmp_path, folder):
    from talkwatch import pipeline, read
    from talkwatch.evaluate import gold_pairs

    pairs = gold_pairs([shared / "data" / folder])
    assert pairs, f"no article with gold under {folder}"
    digests = [pipeline.run(read.read_file(article)[0]) for article, _ in pairs]
    _compare_with_reference(shared, pairs, digests, tmp_path)
