"""The command line: extract output contract, evaluation, and hostile input without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from talkwatch.digests import validate

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = """title: Talks in Doha
published: 2024-03-06

The talks in Doha were postponed until Thursday, Qatar's foreign ministry said.
Hamas said it will send a delegation to Doha. "We are ready," Ismail Haniyeh said.
"""


def talkwatch(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "talkwatch", *args],
        capture_output=True,
        text=True,
        input=input,
        timeout=300,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "doha.txt"
    path.write_text(ARTICLE)
    return path


@pytest.mark.slow
def test_extract_jsonl_follows_the_contract(article):
    result = talkwatch("extract", "--format", "jsonl", str(article))
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    digest = json.loads(line)
    validate(digest)
    body = ARTICLE.split("\n\n", 1)[1]
    assert digest["document"]["published"] == "2024-03-06"
    (meeting,) = digest["meetings"]
    assert (meeting["status"], meeting["start"]) == ("postponed", "2024-03-07")
    for d in digest["dates"]:
        assert body[d["start"] : d["end"]] == d["text"]


@pytest.mark.slow
def test_extract_report_for_people(article):
    result = talkwatch("extract", str(article))
    assert result.returncode == 0
    assert "Meetings" in result.stdout and "postponed" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty article"),
        (b"\x00\x01binary\x00\x02", "binary file"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_extract_bad_file_exits_nonzero_with_one_line(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = talkwatch("extract", str(bad))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_extract_goes_on_past_a_bad_file(tmp_path, article):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    result = talkwatch("extract", "--format", "jsonl", str(bad), str(article))
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1
    assert "binary file" in result.stderr


@pytest.mark.slow
def test_extract_malformed_date_header_warns(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("published: yesterday-ish\n\nThe talks in Doha begin on Monday.")
    result = talkwatch("extract", "--format", "jsonl", str(path))
    assert result.returncode == 0
    assert "unreadable date" in result.stderr
    digest = json.loads(result.stdout)
    assert digest["document"]["published"] is None
    assert all(d["value"] is None for d in digest["dates"] if d["text"] == "Monday")


@pytest.mark.slow
def test_extract_huge_article_is_cut_with_a_warning(tmp_path):
    path = tmp_path / "huge.txt"
    paragraph = "Delegates met again in Geneva on Monday to discuss the ceasefire. " * 20 + "\n\n"
    path.write_text("published: 2024-03-06\n\n" + paragraph * (5_000_000 // len(paragraph)))
    result = talkwatch("extract", "--format", "jsonl", str(path))
    assert result.returncode == 0, result.stderr[-500:]
    assert "longer than" in result.stderr
    assert json.loads(result.stdout)["schema"] == "talkwatch.digest/1"


def test_cli_unknown_option_is_a_usage_error():
    result = talkwatch("extract", "--no-such-flag", "x.txt")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def _gold_set(root: Path, name: str) -> Path:
    """A one-article set in the real-news layout: articles/X.txt + gold/X.yaml."""
    folder = root / name
    (folder / "articles").mkdir(parents=True)
    (folder / "gold").mkdir()
    (folder / "articles" / "01-doha.txt").write_text(ARTICLE)
    (folder / "gold" / "01-doha.yaml").write_text(
        "published: 2024-03-06\n"
        "meetings:\n  - {key: d, names: [talks in Doha], venue_city: Doha, start: 2024-03-07,"
        " status: postponed}\n"
        "participations:\n  - {meeting: d, actor: [Hamas], status: will_attend}\n"
        "  - {meeting: d, actor: [Fatah], status: declined}\n"
        "quotes: []\npositions: []\nagreements: []\n"
    )
    return folder


@pytest.mark.slow
def test_evaluate_scores_each_folder_as_a_set(tmp_path):
    one, two = _gold_set(tmp_path, "one"), _gold_set(tmp_path, "two")
    result = talkwatch("evaluate", str(one), str(two), "--json")
    assert result.returncode == 0, result.stderr
    sets = json.loads(result.stdout)["sets"]
    assert sorted(sets) == ["one", "two"]
    assert sets["one"]["articles"] == 1
    assert sets["one"]["kinds"]["participations"]["gold"] == 2


@pytest.mark.slow
def test_evaluate_misses_shows_the_sentence(tmp_path):
    result = talkwatch("evaluate", str(_gold_set(tmp_path, "one")), "--misses")
    assert result.returncode == 0, result.stderr
    assert "missed  talks in Doha [gold: d] | Fatah | declined" in result.stdout
    assert "articles: 1" in result.stdout
