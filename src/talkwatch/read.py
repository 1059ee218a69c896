"""Read articles from disk: text files, HTML pages, JSON Lines corpora, RSS/Atom feeds.

Every reader yields ``Article`` records. Bad input (binary, undecodable, empty,
malformed) raises ``InputError`` with a one-line reason for a single file, and
is reported through ``on_warning`` and skipped inside a corpus, so that one
broken line never loses the rest.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from . import inputs, language, limits, sanitize
from .errors import InputError
from .header import HEADER_KEYS, parse_date, split_header
from .inputs import FEED_SUFFIXES, HTML_SUFFIXES, JSONL_FIELDS, check_regular, decode
from .limits import MAX_BYTES, MAX_CHARS, message
from .model import Article

__all__ = [
    "FEED_SUFFIXES",
    "HEADER_KEYS",
    "HTML_SUFFIXES",
    "JSONL_FIELDS",
    "MAX_BYTES",
    "MAX_CHARS",
    "check_regular",
    "decode",
    "parse_date",
    "split_header",
]

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FIELD_LIMITS = {
    "title": limits.MAX_TITLE_CHARS,
    "source": limits.MAX_FIELD_CHARS,
    "url": limits.MAX_FIELD_CHARS,
}

Warn = Callable[[str], None]


def _warn_log(text: str) -> None:
    log.warning(text)


def _skip_note(on_warning: Warn) -> Warn:
    """The default ``on_skip``: the reason as a warning that ends with "; skipped"."""
    return lambda reason: on_warning(f"{reason}; skipped")


def body_id(body: str) -> str:
    """The document id: sha256 of the body text."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def make_article(
    body: str,
    meta: dict[str, Any],
    *,
    path: str | None = None,
    on_warning: Warn = _warn_log,
    published: str | None = None,
) -> Article:
    """Build an ``Article`` from a body and header fields (unknown keys ignored).

    The body is normalized (``sanitize.normalize_body``) and cut before its id is
    taken; fields are cut to their limits; the language is detected when the
    text is surely not English, and a publication date must be plausible.
    """
    path = _printable(path)
    where = f"{path}: " if path else ""
    _check_unicode(body, meta, where)
    body = sanitize.normalize_body(body, where=where, on_warning=on_warning)
    if not body.strip():  # after normalizing: a body of soft hyphens or zero-width spaces is empty
        raise InputError(message("empty", where=where))
    body = _cut_body(body, where, on_warning)
    pub = published or parse_date(
        meta.get("published") or meta.get("date"), where=where, on_warning=on_warning
    )
    fields = {k: _field(meta.get(k), k, where, on_warning) for k in ("title", "source")}
    url = _field(meta.get("url") or meta.get("link"), "url", where, on_warning)
    return Article(
        body=body,
        id=body_id(body),
        url=url,
        published=pub,
        language=_language(body, meta.get("language"), where, on_warning),
        path=path,
        **fields,
    )


def _printable(path: str | None) -> str | None:
    """A path that can be stored and printed: bytes of a non-UTF-8 file name become U+FFFD."""
    if path is None:
        return None
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _check_unicode(body: str, meta: dict[str, Any], where: str) -> None:
    """Lone surrogates (from JSON escapes) cannot be stored or hashed: refuse them here."""
    for value in (body, *(v for v in meta.values() if isinstance(v, str))):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(message("surrogate", where=where)) from None


def _cut_body(body: str, where: str, on_warning: Warn) -> str:
    if len(body) <= MAX_CHARS:
        return body
    cut = body.rfind("\n\n", 0, MAX_CHARS)
    body = body[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
    on_warning(message("body_cut", where=where, limit=MAX_CHARS, kept=len(body)))
    return body


def _field(value: Any, name: str, where: str, on_warning: Warn) -> str | None:
    """A header field as one line of text, cut to its limit with a warning."""
    if value in (None, ""):
        return None
    text = " ".join(str(value).split())
    limit = _FIELD_LIMITS.get(name, limits.MAX_FIELD_CHARS)
    if len(text) > limit:
        on_warning(message("field_cut", where=where, field=name, limit=limit))
        text = text[:limit]
    return text or None


def _language(body: str, declared: Any, where: str, on_warning: Warn) -> str:
    """The detected language when the body is surely not English, else the header's (default en)."""
    header = str(declared).strip().lower()[:16] if declared else limits.EXTRACTED_LANGUAGE
    detected = language.detect(body)
    if detected is None:
        return header
    if declared and detected != header:
        on_warning(message("language_header", where=where, header=header, detected=detected))
    return detected


def read_text(
    text: str, *, path: str | None = None, published: str | None = None, on_warning: Warn = _warn_log
) -> Article:
    """An article from the text of a plain-text file."""
    where = f"{path}: " if path else ""
    meta, body = split_header(text, where=where, on_warning=on_warning)
    return make_article(body, meta, path=path, published=published, on_warning=on_warning)


def read_file(
    path: str | Path, *, published: str | None = None, on_warning: Warn = _warn_log
) -> list[Article]:
    """Read one file of any supported kind (by suffix) into articles."""
    return list(iter_file(path, published=published, on_warning=on_warning))


def iter_file(
    path: str | Path,
    *,
    published: str | None = None,
    on_warning: Warn = _warn_log,
    on_skip: Warn | None = None,
) -> Iterator[Article]:
    """Articles of one file, streamed: a JSON Lines corpus is read line by line.

    A bad line or feed entry is passed to ``on_skip`` and the next one is read;
    a file that cannot be read at all raises ``InputError``.
    """
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        with inputs.open_regular(path) as fh:
            yield from read_jsonl(
                inputs.bounded_lines(fh), path=str(path), on_warning=on_warning, on_skip=on_skip
            )
        return
    yield from _read_whole(path, published=published, on_warning=on_warning, on_skip=on_skip)


def _read_whole(
    path: Path, *, published: str | None, on_warning: Warn, on_skip: Warn | None
) -> list[Article]:
    where = f"{path}: "
    limit = inputs.max_bytes(path.suffix.lower())
    with inputs.open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise InputError(message("too_large", where=where, size=size, limit=limit))
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise InputError(message("cannot_read", where=where, reason=exc.strerror or exc)) from None
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [read_html(data, path=str(path), published=published, on_warning=on_warning)]
    if suffix in FEED_SUFFIXES:
        return list(read_feed(data, path=str(path), on_warning=on_warning, on_skip=on_skip))
    text = decode(data, where=where)
    return [read_text(text, path=str(path), published=published, on_warning=on_warning)]


def read_jsonl(
    data: bytes | Iterable[bytes],
    *,
    path: str = "<jsonl>",
    on_warning: Warn = _warn_log,
    first_line: int = 1,
    on_skip: Warn | None = None,
) -> Iterator[Article]:
    """Articles from JSON Lines (``text`` plus optional title, url, source, published).

    ``first_line`` numbers the lines of a slice of a larger file (a Dask partition), so
    provenance reads ``file:line`` however the corpus was cut. A bad line is
    reported and skipped; the lines after it are read.
    """
    lines = data.splitlines() if isinstance(data, bytes) else data
    on_skip = on_skip or _skip_note(on_warning)
    for n, raw in enumerate(lines, first_line):
        if not raw.strip():
            continue
        where = f"{path}:{n}: "
        try:
            yield make_article(*inputs.jsonl_row(raw, where), path=f"{path}:{n}", on_warning=on_warning)
        except InputError as exc:
            on_skip(str(exc))


def read_html(
    data: bytes, *, path: str = "<html>", published: str | None = None, on_warning: Warn = _warn_log
) -> Article:
    """Main text, title and date of a saved HTML page (trafilatura)."""
    import trafilatura

    where = f"{path}: "
    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise InputError(f"{where}unreadable HTML ({type(exc).__name__})") from None
    fields = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    body = (fields.get("text") or "").strip()
    if not body:
        raise InputError(f"{where}HTML page without article text")
    meta = {
        "title": fields.get("title"),
        "url": fields.get("url"),
        "source": fields.get("sitename"),
        "published": fields.get("date"),
    }
    return make_article(body, meta, path=path, published=published, on_warning=on_warning)


def read_feed(
    data: bytes, *, path: str = "<feed>", on_warning: Warn = _warn_log, on_skip: Warn | None = None
) -> Iterator[Article]:
    """Entries of an RSS/Atom file saved on disk (feedparser); summaries serve as text."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise InputError(f"{path}: not a readable RSS/Atom feed")
    for n, entry in enumerate(feed.entries, 1):
        text = _entry_text(entry)
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*parsed[:3]).isoformat() if parsed else None
        if not published:
            on_warning(f"{path}: entry {n} has no date; relative dates stay unresolved")
        meta = {
            "title": entry.get("title"),
            "url": entry.get("link"),
            "source": feed.feed.get("title"),
            "published": published,
        }
        try:
            yield make_article(text, meta, path=f"{path}#{n}", on_warning=on_warning)
        except InputError as exc:
            (on_skip or _skip_note(on_warning))(str(exc))


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary", "")
    if "<" in (html or ""):
        import trafilatura

        return trafilatura.extract(html) or re.sub(r"<[^>]+>", " ", html)
    return html or ""


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Paths named, and the entries below named folders (recursively, sorted, no dot files).

    Entries of a folder that are not folders are all yielded, FIFOs and devices
    too: the reader names them as skipped instead of passing them over in silence.
    """
    for p in map(Path, paths):
        if p.is_dir():
            yield from (f for f in sorted(p.rglob("*")) if not f.is_dir() and _wanted(f, p))
        else:
            yield p


def _wanted(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
    return not any(part.startswith(".") for part in rel) and path.suffix.lower() in suffixes


def read_paths(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    on_warning: Warn = _warn_log,
    on_skip: Warn | None = None,
) -> Iterator[Article]:
    """Every article under the given paths; an input that cannot be read, for any reason, is one call
    of ``on_skip`` (default: ``on_warning``) with the reason, and reading goes on.

    A reader bug on one hostile file (any exception, not only ``InputError``)
    is named with the file and the batch goes on with the next one.
    """
    for path in iter_paths(paths):
        try:
            yield from iter_file(path, published=published, on_warning=on_warning, on_skip=on_skip)
        except InputError as exc:
            (on_skip or on_warning)(str(exc))
        except Exception as exc:  # noqa: BLE001 - isolation: one file never stops the batch
            (on_skip or on_warning)(f"{path}: could not be read ({type(exc).__name__}: {exc})")


read_path = read_paths
