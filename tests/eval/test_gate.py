"""Quality gate: per-kind F1 on the dev set must not fall below the pinned floors.

Floors live in ``baseline.json`` beside this file and only go up: after an
improvement, raise them with ``python tests/eval/test_gate.py --update``.
The baseline also fingerprints the dev set so that edits to gold files are
seen as such rather than as extraction changes.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DEV = HERE / "dev"
BASELINE = HERE / "baseline.json"
MARGIN = 0.01  # floors sit this far below the measured value


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(DEV.rglob("*")):
        if path.suffix in (".txt", ".yaml"):
            digest.update(path.relative_to(DEV).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def measure() -> dict[str, float]:
    from talkwatch import pipeline, read
    from talkwatch.evaluate import KINDS, Score, gold_pairs, load_gold, score_digest

    total = Score()
    for article_path, gold_path in gold_pairs([DEV]):
        article = read.read_file(article_path)[0]
        total.add(score_digest(load_gold(gold_path), pipeline.run(article)))
    scores = {kind: total.kinds[kind].prf()[2] for kind in KINDS}
    scores["macro"] = total.macro_f1
    return scores


@pytest.mark.slow
def test_dev_set_meets_floors(nlp):
    baseline = json.loads(BASELINE.read_text())
    assert baseline["fingerprint"] == fingerprint(), (
        "the dev set changed: re-measure and update the floors with --update"
    )
    scores = measure()
    below = {k: (round(scores[k], 3), floor) for k, floor in baseline["floors"].items() if scores[k] < floor}
    assert not below, f"F1 fell below its floor: {below}"


def update() -> None:
    scores = measure()
    old = json.loads(BASELINE.read_text())["floors"] if BASELINE.exists() else {}
    floors = {k: round(max(old.get(k, 0.0), v - MARGIN), 3) for k, v in scores.items()}
    if "--lower" not in sys.argv and any(floors[k] > scores[k] for k in floors):
        print("warning: some scores are below their old floors; pass --lower to accept", file=sys.stderr)
    if "--lower" in sys.argv:
        floors = {k: round(v - MARGIN, 3) for k, v in scores.items()}
    BASELINE.write_text(
        json.dumps(
            {
                "fingerprint": fingerprint(),
                "floors": floors,
                "measured": {k: round(v, 3) for k, v in scores.items()},
            },
            indent=2,
        )
        + "\n"
    )
    print(json.dumps(scores, indent=2))


if __name__ == "__main__":
    update()
