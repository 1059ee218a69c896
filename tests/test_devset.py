"""Consistency checks for the hand-written dev set and example corpus.

Gold files are written by hand; these checks catch typos (unknown statuses,
dangling meeting keys, quotes that are not in the text, header dates that
disagree with the gold) before they silently lower evaluation scores.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from talkwatch import model

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "eval" / "dev"
EXAMPLES = ROOT / "examples"

MEETING_STATUS = set(model.MEETING_STATUSES)
PART_STATUS = set(model.PARTICIPATION_STATUSES)
ROLES = {None, *model.ROLES}
STANCES = set(model.STANCES)
KINDS = set(model.AGREEMENT_KINDS)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

DEV_DIRS = sorted(p for p in DEV.iterdir() if (p / "expected.yaml").exists())


def _norm(text: str) -> str:
    """Loose form used by the scorer: case-folded, punctuation dropped."""
    text = text.replace("\u2019", "'").casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _split(path: Path) -> tuple[dict[str, str], str]:
    """Header block (key: value lines up to the first blank line) and body."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    return fields, body


def _date_ok(value: object) -> bool:
    return value is None or bool(DATE.match(str(value)))


def test_dev_set_size() -> None:
    assert len(DEV_DIRS) >= 14


@pytest.mark.parametrize("case", DEV_DIRS, ids=lambda p: p.name)
def test_gold_file_is_consistent(case: Path) -> None:
    header, body = _split(case / "article.txt")
    gold = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    assert set(header) >= {"title", "source", "published"}
    assert str(gold["published"]) == header["published"]
    assert 200 <= len(body.split()) <= 650
    keys = {m["key"] for m in gold["meetings"]}
    for m in gold["meetings"]:
        # null: a meeting only raised as a possibility (news-dev conventions)
        assert m["status"] in MEETING_STATUS | {None} and m["names"] and _date_ok(m["start"])
    for p in gold["participations"]:
        assert p["meeting"] in keys and p["status"] in PART_STATUS
        assert p.get("role") in ROLES and p["actor"]
    text = _norm(body)
    for q in gold["quotes"]:
        assert _norm(q["starts_with"]) in text, q["starts_with"]
        assert q["speaker"]
    for s in gold["positions"]:
        assert s["stance"] in STANCES and s["issue"] and s["actor"]
    for a in gold["agreements"]:
        assert a["kind"] in KINDS and _date_ok(a["start"])


def test_example_record_matches_corpus() -> None:
    record = yaml.safe_load((EXAMPLES / "expected-record.yaml").read_text(encoding="utf-8"))
    files = sorted(EXAMPLES.glob("0*.txt"))
    assert {f.name: _split(f)[0]["published"] for f in files} == {
        name: str(day) for name, day in record["documents"].items()}
    prefixes = {f.name[:2] for f in files}
    for meeting in record["meetings"]:
        assert meeting["status"] == meeting["history"][-1][1]
        for part in meeting["participants"]:
            assert part["status"] == part["history"][-1][1]
            assert all(doc in prefixes and st in PART_STATUS for doc, st in part["history"])
    for q in record["quotes"]:
        assert _norm(q["starts_with"]) in _norm(_split(EXAMPLES / q["document"])[1])
