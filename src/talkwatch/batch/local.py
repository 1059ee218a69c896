"""Batch ingest: read articles, extract in worker processes, store batch by batch.

Articles stream from ``talkwatch.read`` in batches; those already stored
(same content hash) are skipped before any NLP. Each batch is extracted by a
pool of worker processes (one spaCy model each, loaded once) while the
previous batch is written in one transaction, so memory stays flat and a
crash loses at most the batch in flight. Inputs that cannot be read are
skipped, articles that cannot be extracted or stored fail, each with its
reason; warnings (no date, another language) are kept apart: those articles
are stored. The counts are ``batch.save.Tally``'s, the same on every path.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import read
from ..model import Article
from ..store import Item, Record
from ..store.rules import current as current_rules
from .save import BATCH_SIZE, Failure, Tally, save

Pipeline = Callable[[Article], dict[str, Any]]

__all__ = ["BATCH_SIZE", "Failure", "Report", "estimate", "extract_article", "ingest", "reprocess"]


@dataclass
class Report(Tally):
    """What an ingest did: the tally of the store, articles read, and the time taken."""

    read: int = 0
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        """Inputs stored, already stored, skipped or failed so far."""
        return self.added + self.already + self.skipped + self.failed

    @property
    def rate(self) -> float:
        """Articles processed per second."""
        return self.processed / self.seconds if self.seconds else 0.0


def estimate(paths: Iterable[str | Path]) -> int:
    """A quick count of the articles under ``paths`` (for the progress bar's ETA)."""
    total = 0
    for path in read.iter_paths(paths):
        suffix = path.suffix.lower()
        try:
            if not path.is_file() or path.stat().st_size > read.MAX_BYTES:
                total += 1  # a FIFO or a device is never opened here; the reader names it
            elif suffix in read.JSONL_SUFFIXES:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in read.FEED_SUFFIXES:
                data = path.read_bytes()
                total += max(1, data.count(b"<item") + data.count(b"<entry"))
            else:
                total += 1
        except OSError:
            total += 1
    return total


# --- worker processes ------------------------------------------------------------------

_PIPELINE: Pipeline | None = None


def extract_article(article: Article) -> dict[str, Any]:
    """``talkwatch.pipeline.run``, going on past a failing extractor (noted in the digest's warnings,
    which the save step moves into the report)."""
    from .. import pipeline

    return pipeline.run(article, on_error=pipeline.note_error)


def _init_worker(pipeline: Pipeline | None, preload: bool = False) -> None:
    global _PIPELINE
    _PIPELINE = pipeline or extract_article
    if pipeline is None and preload:
        from .. import nlp

        nlp.load()  # once per worker, before the first article


def _extract(article: Article) -> tuple[dict[str, Any] | None, str | None]:
    """Run the pipeline on one article; a failure becomes its reason."""
    if _PIPELINE is None:
        raise RuntimeError("worker used before _init_worker")
    try:
        return _PIPELINE(article), None
    except Exception as exc:  # one bad article must not stop the corpus
        return None, f"{type(exc).__name__}: {exc}"


# --- orchestration ---------------------------------------------------------------------


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: Iterable[str | Path],
    record: Record,
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    pipeline: Pipeline | None = None,
    on_progress: Callable[[Report], None] | None = None,
) -> Report:
    """Ingest every article under ``paths`` into ``record``; return what happened.

    Articles already stored are skipped, unless their facts came from an older rule
    set (``store.rules``): those are extracted again and replace their old facts.
    ``pipeline`` replaces ``talkwatch.pipeline.run`` (it must be a module-level
    function when ``workers > 1``).
    """
    report = Report()

    def warn(message: str) -> None:
        report.warn(*_split_where(message))

    def skip(message: str) -> None:
        report.skip(*_split_where(message))

    articles = read.read_paths(list(paths), on_warning=warn, on_skip=skip)
    return _run(articles, record, report, workers, batch_size, pipeline, on_progress)


def reprocess(
    record: Record,
    *,
    everything: bool = False,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    pipeline: Pipeline | None = None,
    on_progress: Callable[[Report], None] | None = None,
) -> Report:
    """Re-extract the stored articles of an older rule set (``everything``: all of them) from their text."""
    report = Report()
    ids = record.all_ids() if everything else record.stale()
    articles = (a for chunk in _chunks(ids, batch_size) for a in record.articles(chunk))
    return _run(articles, record, report, workers, batch_size, pipeline, on_progress, force=everything)


def _chunks(ids: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _run(
    articles: Iterator[Article],
    record: Record,
    report: Report,
    workers: int,
    batch_size: int,
    pipeline: Pipeline | None,
    on_progress: Callable[[Report], None] | None,
    force: bool = False,
) -> Report:
    started = time.perf_counter()
    rules = None if pipeline else current_rules()

    def done() -> None:
        report.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(report)

    # 1. stream articles, dropping those already stored (on current rules) or seen in this run
    seen: set[str] = set()
    fresh = (_fresh(batch, record, seen, report, force) for batch in _batches(articles, batch_size))
    # 2. extract (in workers) and 3. store, one transaction per batch
    if workers <= 1:
        _init_worker(pipeline)
        for batch, again in fresh:
            _store(record, batch, [_extract(a) for a in batch], report, again, rules)
            done()
    else:
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(pipeline, True)) as pool:
            pending: tuple[list[Article], set[str], Any] | None = None
            for batch, again in fresh:
                job = pool.map_async(_extract, batch, chunksize=max(1, len(batch) // (4 * workers)))
                if pending:
                    _store(record, pending[0], pending[2].get(), report, pending[1], rules)
                pending = (batch, again, job)
                done()
            if pending:
                _store(record, pending[0], pending[2].get(), report, pending[1], rules)
    done()
    return report


def _split_where(message: str) -> tuple[str, str]:
    where, sep, reason = message.partition(": ")
    return (where, reason) if sep else ("", message)


def _fresh(
    batch: list[Article], record: Record, seen: set[str], report: Report, force: bool = False
) -> tuple[list[Article], set[str]]:
    """The articles to extract, and which of them are stored already (to be replaced)."""
    report.read += len(batch)
    known = record.known([a.id for a in batch])
    again = known if force else set(record.stale(sorted(known))) if known else set()
    out = []
    for article in batch:
        if (article.id in known and article.id not in again) or article.id in seen:
            report.already += 1
            continue
        seen.add(article.id)
        out.append(article)
    return out, again


def _store(
    record: Record,
    batch: list[Article],
    results: list[tuple[dict[str, Any] | None, str | None]],
    report: Report,
    again: set[str] | None = None,
    rules: dict[str, str] | None = None,
) -> None:
    """Save a batch's digests; an article whose extraction failed is counted with its reason.

    ``again``: stored articles whose new facts replace the old; ``rules``: the rule sets of the
    pipeline that ran (None for a stand-in pipeline: the digests' facts tell).
    """
    items = []
    for article, (digest, error) in zip(batch, results, strict=True):
        name = article.path or article.id
        if digest is None:
            report.fail(name, error or "no digest")
            continue
        for message in digest.pop("warnings", None) or []:
            report.warn(*_split_where(message))
        item = Item(digest, article.body, article.path, rules=rules, replace=article.id in (again or ()))
        items.append((name, item))
    save(record, items, report)
