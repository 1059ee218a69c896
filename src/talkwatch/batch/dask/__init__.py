"""Extraction beyond one machine: a corpus on a Dask cluster, merged by one writer.

::

    from talkwatch.batch.dask import extract_corpus, merge_into_store

    extract_corpus(["s3://news/2023/*.jsonl"], "s3://runs/2023", client=client)
    merge_into_store("s3://runs/2023", "talkwatch.db")

``extract_corpus`` cuts the corpus (JSON Lines, Parquet, or text/HTML/feed
files; local paths or fsspec URLs) into partitions, runs the per-article
pipeline on the workers (one spaCy model per worker) and writes Parquet fact
tables by publication month, with provenance, marking each partition done.
``merge_into_store`` feeds them to the store's writer. Both resume where an
interrupted run stopped. See docs/scaling.md.
"""

from __future__ import annotations

from .cluster import NlpPlugin, connect, local_cluster
from .driver import DEFAULT_PARTITION_SIZE, ExtractReport, extract_corpus
from .merge import MergeReport, merge_into_store
from .partitions import Partition, plan

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "ExtractReport",
    "MergeReport",
    "NlpPlugin",
    "Partition",
    "connect",
    "extract_corpus",
    "local_cluster",
    "merge_into_store",
    "plan",
]
