"""Read articles from disk: text files, HTML pages, JSON Lines corpora, RSS/Atom feeds.

Every reader yields ``Article`` records. Bad input (binary, undecodable, empty,
malformed) raises ``InputError`` with a one-line reason for a single file, and
is reported through ``on_warning`` and skipped inside a corpus, so that one
broken line never loses the rest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .model import Article

log = logging.getLogger(__name__)

HEADER_KEYS = ("title", "source", "url", "published", "language", "date")
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MAX_BYTES = 50_000_000  # one article larger than this is surely not an article
# News reports run to a few thousand words; a body past this is cut at a paragraph
# break (with a warning) so one runaway file cannot stall a batch for minutes.
MAX_CHARS = 100_000
_HEADER_LINE = re.compile(r"^([A-Za-z_]+):[ \t]*(.*)$")

Warn = Callable[[str], None]


def _warn_log(message: str) -> None:
    log.warning(message)


def body_id(body: str) -> str:
    """The document id: sha256 of the body text."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def parse_date(value: Any, *, where: str = "", on_warning: Warn = _warn_log) -> str | None:
    """Normalize a header date to ``YYYY-MM-DD``; warn and return None when it won't parse."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            pass
    else:
        parsed = _dateparser(text)
        if parsed:
            return parsed
    on_warning(f"{where}unreadable date {text[:40]!r}; relative dates stay unresolved")
    return None


def _dateparser(text: str) -> str | None:
    import dateparser  # slow to import: only for odd header formats

    found = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    return found.date().isoformat() if found else None


def make_article(
    body: str,
    meta: dict[str, Any],
    *,
    path: str | None = None,
    on_warning: Warn = _warn_log,
    published: str | None = None,
) -> Article:
    """Build an ``Article`` from a body and header fields (unknown keys ignored)."""
    where = f"{path}: " if path else ""
    if not body.strip():
        raise InputError(f"{where}empty article (no body text)")
    if len(body) > MAX_CHARS:
        cut = body.rfind("\n\n", 0, MAX_CHARS)
        body = body[: cut if cut > MAX_CHARS // 2 else MAX_CHARS]
        on_warning(
            f"{where}article longer than {MAX_CHARS:,} characters; only the first {len(body):,} are read"
        )
    pub = published or parse_date(
        meta.get("published") or meta.get("date"), where=where, on_warning=on_warning
    )
    return Article(
        body=body,
        id=body_id(body),
        title=_opt(meta.get("title")),
        source=_opt(meta.get("source")),
        url=_opt(meta.get("url") or meta.get("link")),
        published=pub,
        language=str(meta.get("language") or "en"),
        path=path,
    )


def _opt(value: Any) -> str | None:
    return None if value in (None, "") else str(value).strip()


def decode(data: bytes, *, where: str = "") -> str:
    """Decode bytes as UTF-8 (BOM tolerated), refusing binary files."""
    if b"\x00" in data[:4096]:
        raise InputError(f"{where}binary file, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}not UTF-8 (bad byte at offset {exc.start}); re-encode the file as UTF-8"
        ) from None


def split_header(text: str) -> tuple[dict[str, Any], str]:
    """Split a leading header block or YAML front matter from the body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            try:
                meta = yaml.safe_load(text[4:end]) or {}
            except yaml.YAMLError:
                meta = None
            if isinstance(meta, dict):
                rest = text[end + 4 :]
                return meta, rest.split("\n", 1)[1] if "\n" in rest else ""
    head, sep, rest = text.partition("\n\n")
    lines = head.split("\n")
    fields = [_HEADER_LINE.match(line) for line in lines]
    if sep and fields and all(m and m.group(1).lower() in HEADER_KEYS for m in fields):
        return {m.group(1).lower(): m.group(2).strip() for m in fields if m}, rest
    return {}, text


def read_text(
    text: str, *, path: str | None = None, published: str | None = None, on_warning: Warn = _warn_log
) -> Article:
    """An article from the text of a plain-text file."""
    meta, body = split_header(text)
    return make_article(body, meta, path=path, published=published, on_warning=on_warning)


def read_file(
    path: str | Path, *, published: str | None = None, on_warning: Warn = _warn_log
) -> list[Article]:
    """Read one file of any supported kind (by suffix) into articles."""
    return list(iter_file(path, published=published, on_warning=on_warning))


def iter_file(
    path: str | Path, *, published: str | None = None, on_warning: Warn = _warn_log
) -> Iterator[Article]:
    """Articles of one file, streamed: a JSON Lines corpus is read line by line."""
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        try:
            fh = path.open("rb")
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        with fh:
            yield from read_jsonl(fh, path=str(path), on_warning=on_warning)
        return
    yield from _read_whole(path, published=published, on_warning=on_warning)


def _read_whole(path: Path, *, published: str | None, on_warning: Warn) -> list[Article]:
    where = f"{path}: "
    try:
        size = path.stat().st_size
        if size > MAX_BYTES and path.suffix.lower() not in JSONL_SUFFIXES:
            raise InputError(f"{where}{size} bytes is too large for one article")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{where}cannot read ({exc.strerror or exc})") from None
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [read_html(data, path=str(path), published=published, on_warning=on_warning)]
    if suffix in FEED_SUFFIXES:
        return list(read_feed(data, path=str(path), on_warning=on_warning))
    text = decode(data, where=where)
    return [read_text(text, path=str(path), published=published, on_warning=on_warning)]


def read_jsonl(
    data: bytes | Iterable[bytes],
    *,
    path: str = "<jsonl>",
    on_warning: Warn = _warn_log,
    first_line: int = 1,
) -> Iterator[Article]:
    """Articles from JSON Lines (``text`` plus optional title, url, source, published).

    ``first_line`` numbers the lines of a slice of a larger file (a Dask partition), so
    provenance reads ``file:line`` however the corpus was cut.
    """
    lines = data.splitlines() if isinstance(data, bytes) else data
    for n, raw in enumerate(lines, first_line):
        if not raw.strip():
            continue
        where = f"{path}:{n}: "
        try:
            row = json.loads(raw)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise InputError(f"{where}no 'text' field")
            yield make_article(row["text"], row, path=f"{path}:{n}", on_warning=on_warning)
        except json.JSONDecodeError as exc:
            on_warning(f"{where}broken JSON line skipped ({exc.msg})")
        except UnicodeDecodeError:
            on_warning(f"{where}line is not UTF-8; skipped")
        except InputError as exc:
            on_warning(f"{exc}; skipped")


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


def read_feed(data: bytes, *, path: str = "<feed>", on_warning: Warn = _warn_log) -> Iterator[Article]:
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
            on_warning(f"{exc}; skipped")


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary", "")
    if "<" in (html or ""):
        import trafilatura

        return trafilatura.extract(html) or re.sub(r"<[^>]+>", " ", html)
    return html or ""


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the files below named folders (recursively, sorted, no dot files)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from (f for f in sorted(p.rglob("*")) if f.is_file() and _wanted(f, p))
        else:
            yield p


def _wanted(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
    return not any(part.startswith(".") for part in rel) and path.suffix.lower() in suffixes


def read_paths(
    paths: Iterable[str | Path], *, published: str | None = None, on_warning: Warn = _warn_log
) -> Iterator[Article]:
    """Every article under the given paths; unreadable files are warned about and skipped."""
    for path in iter_paths(paths):
        try:
            yield from iter_file(path, published=published, on_warning=on_warning)
        except InputError as exc:
            on_warning(str(exc))


read_path = read_paths
