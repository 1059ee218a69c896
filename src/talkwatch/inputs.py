"""Bytes of an input before they are text: which files may be opened, how much is read, how it decodes.

Every limit here is one of ``limits``: only regular files are opened (a FIFO
blocks ``open`` until a writer comes, /dev/zero never ends), no more than a
file kind's size limit is read, a JSON line longer than its limit is skipped
without being held in memory, and bytes that are not UTF-8 are named for what
they are (UTF-16, PDF, NUL bytes, binary).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import limits
from .errors import InputError
from .limits import message

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
#: the fields of a JSON line besides ``text``; each must be a string when present
JSONL_FIELDS = ("title", "source", "url", "link", "published", "date", "language")
#: what ``bounded_lines`` yields in place of a line over the limit
TOO_LONG = b"\0"


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, *, where: str = "") -> str:
    """Decode bytes as UTF-8 (BOM tolerated) or BOM-marked UTF-16; name what else they are."""
    if data.startswith(b"%PDF-"):
        raise InputError(message("pdf", where=where))
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(message("binary", where=where)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _looks_utf16(data):
            raise InputError(message("utf16_no_bom", where=where)) from None
        if b"\x00" in data[:4096]:
            raise InputError(message("binary", where=where)) from None
        raise InputError(message("not_utf8", where=where, offset=exc.start)) from None
    if "\x00" in text:
        raise InputError(message("utf16_no_bom" if _looks_utf16(data) else "nul", where=where))
    return text


def _looks_utf16(data: bytes) -> bool:
    """Mostly-ASCII text in UTF-16: every other byte is NUL."""
    sample = data[:4096]
    return len(sample) >= 4 and (
        sample[1::2].count(0) > 0.4 * len(sample) / 2 or sample[0::2].count(0) > 0.4 * len(sample) / 2
    )


def check_regular(path: Path) -> None:
    """Raise ``InputError`` unless ``path`` is a regular file (checked without opening it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise InputError(message("cannot_read", where=f"{path}: ", reason=exc.strerror or exc)) from None
    if not stat.S_ISREG(mode):
        raise InputError(message("not_regular", where=f"{path}: ", kind=_kind(mode)))


def open_regular(path: Path) -> IO[bytes]:
    """Open a regular file for reading; a device, FIFO or socket is refused before it is opened.

    ``open`` on a FIFO blocks until a writer comes, and /dev/zero never ends:
    checking the kind first is what keeps one named path from hanging a run.
    """
    where = f"{path}: "
    check_regular(path)
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(message("cannot_read", where=where, reason=exc.strerror or exc)) from None


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")


def bounded_lines(fh: IO[bytes]) -> Iterator[bytes]:
    """Lines of a file, each read at most ``MAX_LINE_BYTES`` at a time (a longer one yields ``b"\\0"``)."""
    while line := fh.readline(limits.MAX_LINE_BYTES + 1):
        if len(line) > limits.MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (more := fh.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield TOO_LONG  # stands for the line that was too long: reported by read_jsonl
            continue
        yield line


def max_bytes(suffix: str) -> int:
    if suffix in HTML_SUFFIXES:
        return limits.MAX_HTML_BYTES
    return limits.MAX_FEED_BYTES if suffix in FEED_SUFFIXES else limits.MAX_BYTES


def jsonl_row(raw: bytes, where: str) -> tuple[str, dict[str, Any]]:
    """The text and fields of one JSON line, or ``InputError`` naming what is wrong with it."""
    if raw == TOO_LONG:
        raise InputError(message("line_too_long", where=where, limit=limits.MAX_LINE_BYTES))
    try:
        row = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(message("json_broken", where=where, reason=exc.msg)) from None
    except UnicodeDecodeError:
        raise InputError(message("json_broken", where=where, reason="not UTF-8")) from None
    except RecursionError:
        raise InputError(message("json_broken", where=where, reason="nested too deeply")) from None
    except ValueError as exc:  # an integer of thousands of digits
        raise InputError(message("json_broken", where=where, reason=str(exc).split(":")[0])) from None
    if not isinstance(row, dict):
        raise InputError(message("json_not_object", where=where))
    if row.get("text") is None:
        raise InputError(message("json_no_text", where=where))
    for key in ("text", *JSONL_FIELDS):
        if key in row and row[key] is not None and not isinstance(row[key], str):
            raise InputError(message("json_type", where=where, field=key, kind=_json_type(row[key])))
    return row["text"], row


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}
    return names.get(type(value), type(value).__name__)
