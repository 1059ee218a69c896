"""Extraction throughput, measured in one run on one generated corpus.

Compares, on the same articles:
  1. spaCy ``nlp.pipe`` alone (the floor any extractor pays),
  2. the full ``extract`` pipeline (parse + actors + dates + every extractor),
  3. the full pipeline in 1 and in 2 worker processes (one model per process).

Targets: full extract >= 0.75x the throughput of spaCy alone; 2 workers >= 1.7x one.
Numbers are ratios against baselines measured in the same run, so a slow or busy
machine shifts both sides alike.

    python benchmarks/throughput.py [--articles 240] [--real] [--json]

``--real`` measures on the real reports of ``../shared/data`` instead (news-dev, the
news-dev-processes articles and the PolNeAR dev texts: real lengths, real sentence shapes),
skipping the worker comparison.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import generate  # noqa: E402

from talkwatch import nlp, pipeline
from talkwatch.read import make_article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
REAL = ("news-dev/articles/*.txt", "news-dev-processes/*/articles/*.txt", "polnear-dev/dev/text/*.txt")


def real_corpus() -> list[Any]:
    """The real reports of ``../shared/data`` (empty when it is absent)."""
    from talkwatch.read import read_file

    paths = sorted(p for pattern in REAL for p in SHARED.glob(pattern))
    return [read_file(str(p))[0] for p in paths]


def corpus(n: int) -> list[Any]:
    """Generated wire-style reports as ``Article`` records."""
    return [make_article(row["text"], row) for row, _ in generate(n, seed=7)]


def time_spacy(articles: list[Any]) -> float:
    model = nlp.load()
    start = time.perf_counter()
    for _ in model.pipe((a.body for a in articles), batch_size=8):
        pass
    return time.perf_counter() - start


def time_extract(articles: list[Any]) -> float:
    start = time.perf_counter()
    for _ in pipeline.run_many(articles, batch_size=8):
        pass
    return time.perf_counter() - start


def _work(chunk: list[Any]) -> int:
    return sum(1 for _ in pipeline.run_many(chunk, batch_size=8))


def _warm() -> None:
    pipeline.run(make_article("The talks in Geneva open on Monday.", {"published": "2024-01-01"}))


def time_workers(articles: list[Any], workers: int) -> float:
    """Wall time of the full pipeline over ``workers`` processes (model load excluded)."""
    ctx = multiprocessing.get_context("spawn")
    chunks = [articles[i : i + 16] for i in range(0, len(articles), 16)]
    with ctx.Pool(workers, initializer=_warm) as pool:
        pool.map(_work, [chunks[0][:1]] * workers)  # every worker loaded and warm
        start = time.perf_counter()
        done = sum(pool.imap_unordered(_work, chunks))
        elapsed = time.perf_counter() - start
    assert done == len(articles)
    return elapsed


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--real", action="store_true", help="the real reports of ../shared/data")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    articles = real_corpus() if args.real else corpus(args.articles)
    if not articles:
        print("no real reports: ../shared/data is absent")
        return {}
    _warm()
    n = len(articles)
    spacy_s = time_spacy(articles)
    extract_s = time_extract(articles)
    result: dict[str, Any] = {
        "corpus": "real" if args.real else "generated",
        "articles": n,
        "spacy_articles_per_s": round(n / spacy_s, 1),
        "extract_articles_per_s": round(n / extract_s, 1),
        "extract_vs_spacy": round(spacy_s / extract_s, 3),
        "targets": {"extract_vs_spacy": 0.75, "two_vs_one": 1.7},
    }
    if not args.real:
        one = time_workers(articles, 1)
        two = time_workers(articles, 2)
        result["one_worker_articles_per_s"] = round(n / one, 1)
        result["two_workers_articles_per_s"] = round(n / two, 1)
        result["two_vs_one"] = round(one / two, 3)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")
    return result


if __name__ == "__main__":
    main()
