"""What a worker does with one partition: read, extract, write Parquet, mark done.

Tasks are idempotent: a partition already marked done returns its marker, and
one interrupted midway (worker killed) is redone from scratch under the same
file names, so Dask may retry it anywhere.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from typing import Any

from ...model import Article
from . import output, partitions, tables
from .partitions import Partition

Pipeline = Callable[[Article], dict[str, Any]]
MAX_LISTED = 200  # problems listed per partition marker (all are counted)


def count_lines(part: Partition) -> dict[str, int]:
    """Lines (for line numbers) and non-blank lines (articles, for the ETA) of a JSONL partition."""
    lines = blank = 0
    for line in partitions._lines(part):
        lines += 1
        blank += not line.strip()
    return {"lines": lines, "articles": lines - blank}


def _split(message: str) -> list[str]:
    where, sep, reason = message.partition(": ")
    return [where, reason] if sep else ["", message]


def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def extract_partition(
    part: Partition,
    out_dir: str,
    *,
    first_line: int = 1,
    pipeline: Pipeline | None = None,
    digests: bool = False,
) -> dict[str, Any]:
    """Extract every article of ``part`` into ``out_dir``; return the partition's marker.

    With ``digests``, the marker returned (not the one written) also carries
    ``items``: (digest, body, path) of each article, so that a writer merging
    during the run need not read the Parquet files back.
    """
    found = output.marker(out_dir, part.id)
    if found is not None:
        return found | {"skipped": True}
    if pipeline is None:
        from ..local import extract_article as pipeline
    started = time.perf_counter()
    warnings: list[list[str]] = []
    failures: list[list[str]] = []
    rows: dict[str, list[dict[str, Any]]] = {}
    items: list[tuple[dict[str, Any], str, str | None]] = []
    seen: set[str] = set()
    n_read = duplicates = chars = 0
    skips: list[list[str]] = []
    for article in partitions.articles(
        part,
        first_line=first_line,
        on_warning=lambda m: warnings.append(_split(m)),
        on_skip=lambda m: skips.append(_split(m)),
    ):
        n_read += 1
        if article.id in seen:  # the same text twice in a partition: the first one counts
            duplicates += 1
            continue
        seen.add(article.id)
        try:
            digest = pipeline(article)
        except Exception as exc:  # one bad article must not stop the partition
            failures.append([article.path or article.id, f"{type(exc).__name__}: {exc}"])
            continue
        chars += len(article.body)
        warnings.extend(_split(w) for w in digest.pop("warnings", None) or [])
        if digests:
            items.append((digest, article.body, article.path))
        found_rows = tables.rows(
            digest, body=article.body, path=article.path, partition=part.id, seq=len(seen)
        )
        for table, records in found_rows.items():
            rows.setdefault(table, []).extend(records)
    files = output.write_tables(out_dir, part.id, rows)
    meta = {
        "id": part.id,
        "source": part.source,
        "kind": part.kind,
        "order": part.order,
        "index": part.index,
        "start": part.start,
        "stop": part.stop,
        "first_line": first_line,
        "files": files,
        "read": n_read,
        "extracted": len(rows.get("documents", [])),
        "duplicates": duplicates,
        "failed": len(failures),
        "warned": len(warnings),
        "unread": len(skips),
        "failures": failures[:MAX_LISTED],
        "skips": skips[:MAX_LISTED],
        "warnings": warnings[:MAX_LISTED],
        "chars": chars,
        "seconds": round(time.perf_counter() - started, 3),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
        "rss": _rss(),
    }
    if part.kind == "jsonl":
        meta["lines"] = count_lines(part)["lines"] if part.stop >= 0 else None
    output.mark_done(out_dir, part.id, meta)
    return meta | {"items": items} if digests else meta
