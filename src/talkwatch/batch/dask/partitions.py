"""Cut a corpus into partitions that workers read on their own.

A partition is a byte range of a JSON Lines file (the lines that *start*
inside it), a row range of a Parquet file, or a group of small files (text,
HTML, feeds). Partitions are planned from file sizes and Parquet footers only,
so the client never reads the corpus; any fsspec URL works (``s3://``,
``gs://``, ``https://`` ...) as long as the workers can open it too. A
partition's id is derived from its source and range, so a rerun over the
same files finds the partitions it already wrote.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import read
from ...errors import InputError
from ...limits import message
from ...model import Article

PARQUET_SUFFIXES = {".parquet", ".pq"}
COMPRESSED = {".gz", ".bz2", ".xz", ".zst", ".zstd"}
DEFAULT_SIZE = 8_000_000  # bytes of corpus per partition: ~2,000 news articles
# The fields of an article row (JSON Lines keys, Parquet columns) the reader uses.
FIELDS = ("text", "title", "url", "link", "source", "published", "date", "language")

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Partition:
    """One unit of work: what to read, and where it sits in the corpus."""

    source: str  # file URL (or local path) as it appears in provenance
    kind: str  # "jsonl" | "parquet" | "files"
    order: int  # position of the source in the corpus (merge order)
    index: int  # position of the partition within its source
    start: int  # first byte (jsonl) or row (parquet)
    stop: int  # end byte or row (exclusive); -1: the whole file
    version: str = ""  # size/mtime of the source: a changed file gets new ids
    files: tuple[str, ...] = ()  # the sources of a "files" partition

    @property
    def id(self) -> str:
        """Stable, readable and unique: ``<file stem>-<index>-<hash>``."""
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", _name(self.source).split(".")[0])[:40] or "part"
        key = json.dumps([self.source, self.kind, self.start, self.stop, self.version, self.files])
        return f"{stem}-{self.index:05d}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def _name(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _suffix(url: str) -> str:
    """The format suffix, under a compression suffix (``a.jsonl.gz`` -> ``.jsonl``)."""
    parts = _name(url).lower().split(".")
    if len(parts) > 2 and f".{parts[-1]}" in COMPRESSED:
        return f".{parts[-2]}"
    return f".{parts[-1]}" if len(parts) > 1 else ""


def _compressed(url: str) -> bool:
    return Path(_name(url)).suffix.lower() in COMPRESSED


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of a URL or local path, and the path within it."""
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise InputError(f"{url}: cannot open ({exc})") from None


def _wanted(url: str) -> bool:
    suffixes = read.JSONL_SUFFIXES | PARQUET_SUFFIXES | read.TEXT_SUFFIXES
    suffixes |= read.HTML_SUFFIXES | read.FEED_SUFFIXES
    return _suffix(url) in suffixes


def expand(paths: Iterable[str | Path]) -> Iterator[tuple[str, Any, str]]:
    """Every corpus file under ``paths`` (folders recursively, globs), as (url, fs, path).

    Local files are named by their absolute path: workers may not share the
    client's working directory, and provenance should say where a file is.
    """
    for given in map(str, paths):
        fs, root = filesystem(given)
        local = "file" in fs.protocol

        def name(p: str, local: bool = local, fs: Any = fs) -> str:
            return os.path.abspath(p) if local else fs.unstrip_protocol(p)

        if any(c in given for c in "*?["):
            found = [p for p in sorted(fs.glob(root)) if fs.isfile(p)]
            if not found:
                raise InputError(f"{given}: no files match")
            yield from ((name(p), fs, p) for p in found)
        elif fs.isdir(root):
            if local:  # the order of the single-process reader (``read.iter_paths``)
                found = [str(f) for f in sorted(Path(root).rglob("*")) if f.is_file()]
            else:
                found = sorted(fs.find(root))
            for p in found:
                rel = p[len(root):].strip("/").split("/")
                if _wanted(p) and not any(part.startswith(".") for part in rel):
                    yield name(p), fs, p
        elif fs.exists(root):
            yield name(root), fs, root
        else:
            raise InputError(f"{given}: no such file or folder")


def _version(info: dict[str, Any]) -> str:
    stamp = info.get("mtime") or info.get("LastModified") or info.get("ETag") or info.get("etag")
    return f"{info.get('size')}:{stamp}"


def plan(paths: Iterable[str | Path], *, size: int = DEFAULT_SIZE) -> list[Partition]:
    """The partitions of a corpus, in corpus order; ``size`` is bytes of input per partition."""
    size = max(1, int(size))
    parts: list[Partition] = []
    small: list[tuple[str, int, str]] = []  # (url, bytes, version) of files read whole

    def flush() -> None:
        if small:
            version = "|".join(v for _, _, v in small)
            files = tuple(u for u, _, _ in small)
            parts.append(Partition(files[0], "files", len(parts), 0, 0, -1, version, files))
            small.clear()

    for url, fs, path in expand(paths):
        info = fs.info(path)
        version = _version(info)
        nbytes = int(info.get("size") or 0)
        suffix = _suffix(url)
        if suffix in read.JSONL_SUFFIXES and not _compressed(url):
            flush()
            order = len(parts)
            for i, start in enumerate(range(0, max(nbytes, 1), size)):
                parts.append(Partition(url, "jsonl", order, i, start, min(start + size, nbytes), version))
        elif suffix in PARQUET_SUFFIXES:
            flush()
            rows = _parquet_rows(fs, path, url)
            step = max(1, size * rows // max(nbytes, 1))
            order = len(parts)
            for i, start in enumerate(range(0, max(rows, 1), step)):
                parts.append(Partition(url, "parquet", order, i, start, min(start + step, rows), version))
        else:  # whole files, grouped up to ``size`` bytes
            small.append((url, nbytes, version))
            if sum(n for _, n, _ in small) >= size:
                flush()
    flush()
    return [_ordered(p, i) for i, p in enumerate(parts)]


def _ordered(part: Partition, n: int) -> Partition:
    """Number partitions by their place in the corpus (file order, then range)."""
    return Partition(part.source, part.kind, n, part.index, part.start, part.stop, part.version, part.files)


def _parquet_rows(fs: Any, path: str, url: str) -> int:
    import pyarrow.parquet as pq

    try:
        with fs.open(path, "rb") as fh:
            return int(pq.ParquetFile(fh).metadata.num_rows)
    except Exception as exc:  # pyarrow raises assorted errors on a file that is not Parquet
        raise InputError(f"{url}: not a readable Parquet file ({type(exc).__name__})") from None


# --- reading (on the workers) ---------------------------------------------------------


def _lines(part: Partition) -> Iterator[bytes]:
    """The lines that start inside the partition's byte range (the last may run past it)."""
    fs, path = filesystem(part.source)
    with fs.open(path, "rb", compression="infer" if _compressed(part.source) else None) as fh:
        if part.start > 0:
            fh.seek(part.start - 1)
            fh.readline()  # the line running over ``start`` belongs to the partition before
        while part.stop < 0 or fh.tell() < part.stop:
            line = fh.readline()
            if not line:
                return
            yield line


def count_lines(part: Partition) -> int:
    """Lines of a JSON Lines partition (so that articles keep their file line numbers)."""
    return sum(1 for _ in _lines(part))


def articles(
    part: Partition, *, first_line: int = 1, on_warning: Warn, on_skip: Warn | None = None
) -> Iterator[Article]:
    """Read a partition's articles; caveats go to ``on_warning``, rows and files that cannot be read
    to ``on_skip`` (default: ``on_warning``), as ``talkwatch.read`` does."""
    skip = on_skip or on_warning
    if part.kind == "jsonl":
        yield from read.read_jsonl(
            _lines(part), path=part.source, on_warning=on_warning, first_line=first_line, on_skip=on_skip
        )
    elif part.kind == "parquet":
        yield from _parquet(part, on_warning, skip)
    else:
        for url in part.files:
            try:
                yield from _file(url, on_warning, on_skip)
            except InputError as exc:
                skip(str(exc))


def _parquet(part: Partition, on_warning: Warn, on_skip: Warn) -> Iterator[Article]:
    """Rows ``start..stop`` of a Parquet file, read one row group at a time."""
    import pyarrow.parquet as pq

    fs, path = filesystem(part.source)
    with fs.open(path, "rb") as fh:
        pf = pq.ParquetFile(fh)
        if "text" not in pf.schema_arrow.names:
            on_skip(f"{part.source}: no 'text' column")
            return
        columns = [c for c in FIELDS if c in pf.schema_arrow.names]
        first = 0
        for g in range(pf.metadata.num_row_groups):
            rows = pf.metadata.row_group(g).num_rows
            lo, hi = max(part.start, first), min(part.stop, first + rows)
            if lo < hi:
                table = pf.read_row_group(g, columns=columns).slice(lo - first, hi - lo)
                for i, row in enumerate(table.to_pylist(), lo + 1):
                    where = f"{part.source}:{i}"
                    if not isinstance(row.get("text"), str):
                        on_skip(f"{where}: no 'text' field")
                        continue
                    try:
                        yield read.make_article(row["text"], row, path=where, on_warning=on_warning)
                    except InputError as exc:
                        on_skip(str(exc))
            first += rows
            if first >= part.stop:
                return


def _is_local(fs: Any) -> bool:
    protocol = getattr(fs, "protocol", ())
    return "file" in (protocol if isinstance(protocol, tuple | list) else (protocol,))


def _file(url: str, on_warning: Warn, on_skip: Warn | None = None) -> Iterator[Article]:
    """One text, HTML, feed or compressed JSON Lines file, by suffix (as ``read.read_file``).

    A local FIFO or device is refused before it is opened, and no more than the
    size limit is ever read (a compressed file can expand without end).
    """
    fs, path = filesystem(url)
    if _is_local(fs):
        read.check_regular(Path(path))
    suffix = _suffix(url)
    limit = read.MAX_BYTES
    try:
        with fs.open(path, "rb", compression="infer" if _compressed(url) else None) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{url}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(message("too_large", where=f"{url}: ", size=len(data), limit=limit))
    if suffix in read.JSONL_SUFFIXES:
        yield from read.read_jsonl(data, path=url, on_warning=on_warning, on_skip=on_skip)
    elif suffix in read.HTML_SUFFIXES:
        yield read.read_html(data, path=url, on_warning=on_warning)
    elif suffix in read.FEED_SUFFIXES:
        yield from read.read_feed(data, path=url, on_warning=on_warning, on_skip=on_skip)
    else:
        yield read.read_text(read.decode(data, where=f"{url}: "), path=url, on_warning=on_warning)
