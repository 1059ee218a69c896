"""Every hostile class through the reader alone (no NLP): the message it earns, and what is read.

Fast: the corpus is generated in a temporary folder and read in-process; the
whole-program runs (extract and ingest, time and memory bounds) are in
``test_commands.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hostile_corpus import CASES, Case, build
from talkwatch import read

READ_SECONDS = 10  # reading alone; the model is not involved


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("hostile"))


def test_at_least_forty_classes():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_reader(case: Case, corpus: dict[str, Path]):
    warnings: list[str] = []
    started = time.perf_counter()
    articles = list(read.read_paths([corpus[case.name]], on_warning=warnings.append))
    assert time.perf_counter() - started < READ_SECONDS
    if case.outcome == "skip":
        assert articles == [], f"{case.name} should not yield an article"
        assert warnings or case.stage != "read", f"{case.name} is skipped without a word"
    else:
        assert articles, f"{case.name} yields no article: {warnings}"
    if case.expect and case.stage == "read":
        assert any(case.expect in w for w in warnings), (case.expect, warnings)
    for w in warnings:
        assert "\n" not in w and len(w) < 400, w
    for article in articles:
        assert len(article.title or "") <= 300
        article.body.encode("utf-8")  # no lone surrogate reaches the store


def test_languages_detected(corpus: dict[str, Path]):
    langs = {name: read.read_file(corpus[name])[0].language for name in ("arabic", "russian", "chinese")}
    assert langs == {"arabic": "ar", "russian": "ru", "chinese": "zh"}


def test_good_english_keeps_en(tmp_path: Path):
    from hostile_corpus import build_good

    for path in build_good(tmp_path):
        assert read.read_file(path)[0].language == "en"


def test_folder_reports_special_files(corpus: dict[str, Path]):
    """A FIFO or a device link inside a folder is named as skipped, not passed over in silence."""
    warnings: list[str] = []
    folder = corpus["fifo-in-folder"].parent
    names = [p.name for p in read.iter_paths([folder])]
    assert "pipe.txt" in names and "zero.txt" in names
    list(read.read_paths([folder / "pipe.txt", folder / "zero.txt"], on_warning=warnings.append))
    assert [w.split(": ", 1)[1] for w in warnings] == [
        "not a regular file (a FIFO); only files are read",
        "not a regular file (a character device); only files are read",
    ]


def test_reader_bug_is_one_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Any exception while reading one file is its own warning; the next file is read."""
    bad, good = tmp_path / "a.txt", tmp_path / "b.txt"
    bad.write_text("Talks.")
    good.write_text("Talks resumed.")
    real = read.read_text

    def flaky(text: str, **kw):
        if kw.get("path", "").endswith("a.txt"):
            raise RecursionError("deep")
        return real(text, **kw)

    monkeypatch.setattr(read, "read_text", flaky)
    warnings: list[str] = []
    articles = list(read.read_paths([tmp_path], on_warning=warnings.append))
    assert [a.body for a in articles] == ["Talks resumed."]
    assert warnings == [f"{bad}: could not be read (RecursionError: deep)"]
