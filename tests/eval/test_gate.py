"""Quality gate: per-kind F1 on each evaluation set must not fall below its pinned floors.

Sets: the synthetic development set ``dev/`` beside this file, and the two real news sets
read in place from ``../shared`` beside the repository (``news-dev``, 48 reports, and
``news-dev-processes``, 21 reports); a real set that is absent is skipped, not failed.
Floors live in ``baseline.json`` and only go up: after an improvement, raise them with
``python tests/eval/test_gate.py --update`` (``--lower`` accepts a drop, e.g. after a gold
file was corrected). Each set is fingerprinted so that edits to its articles or gold are
seen as such rather than as extraction changes.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared"
SETS = {
    "dev": HERE / "dev",
    "news-dev": SHARED / "data" / "news-dev",
    "news-dev-processes": SHARED / "data" / "news-dev-processes",
}
BASELINE = HERE / "baseline.json"
MARGIN = 0.01  # floors sit this far below the measured value


def fingerprint(folder: Path) -> str:
    """Hash of the set's article and gold files (paths and bytes)."""
    from talkwatch.evaluate import gold_pairs

    digest = hashlib.sha256()
    for pair in gold_pairs([folder]):
        for path in pair:
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def measure(folder: Path) -> dict[str, float]:
    """Per-kind F1 and macro F1 of the current extractor on one set."""
    from talkwatch import pipeline, read
    from talkwatch.evaluate import f1_by_kind, gold_pairs, score_set

    def run(path: Path) -> tuple[str, dict[str, Any]]:
        article = read.read_file(path)[0]
        return article.body, pipeline.run(article)

    total, _ = score_set(gold_pairs([folder]), run)
    return f1_by_kind(total)


def load_baseline() -> dict[str, Any]:
    return json.loads(BASELINE.read_text()) if BASELINE.exists() else {"sets": {}}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SETS))
def test_set_meets_floors(name, nlp):
    folder = SETS[name]
    if not folder.is_dir():
        pytest.skip(f"{folder} is not present")
    entry = load_baseline()["sets"].get(name)
    assert entry, f"no floors for {name}: measure them with python tests/eval/test_gate.py --update"
    assert entry["fingerprint"] == fingerprint(folder), (
        f"the {name} set changed: re-measure and update the floors with --update"
    )
    scores = measure(folder)
    below = {k: (round(scores[k], 3), floor) for k, floor in entry["floors"].items() if scores[k] < floor}
    assert not below, f"{name}: F1 fell below its floor: {below}"


def updated_entry(folder: Path, old: dict[str, Any], lower: bool) -> dict[str, Any]:
    """New floors for one set: measured minus MARGIN, never below the old floors unless ``lower``."""
    scores = measure(folder)
    floors = {k: round(v - MARGIN, 3) for k, v in scores.items()}
    if not lower:
        floors = {k: max(old.get(k, 0.0), v) for k, v in floors.items()}
        if any(floors[k] > scores[k] for k in floors):
            print(f"warning: {folder.name} is below old floors; pass --lower to accept", file=sys.stderr)
    return {
        "fingerprint": fingerprint(folder),
        "floors": floors,
        "measured": {k: round(v, 3) for k, v in scores.items()},
    }


def update(names: list[str], lower: bool) -> None:
    """Re-measure the named sets (all present ones by default) and rewrite their entries."""
    baseline = load_baseline()
    for name in names or list(SETS):
        folder = SETS[name]
        if not folder.is_dir():
            print(f"skipping {name}: {folder} is not present", file=sys.stderr)
            continue
        old = baseline["sets"].get(name, {}).get("floors", {})
        baseline["sets"][name] = updated_entry(folder, old, lower)
        print(name, json.dumps(baseline["sets"][name]["measured"]))
    BASELINE.write_text(json.dumps(baseline, indent=2) + "\n")


if __name__ == "__main__":
    if "--update" not in sys.argv:
        sys.exit("usage: test_gate.py --update [--lower] [SET ...]   (sets: " + ", ".join(SETS) + ")")
    update([a for a in sys.argv[1:] if not a.startswith("--")], "--lower" in sys.argv)
